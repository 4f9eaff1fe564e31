"""How the offline viewer scales: synthetic graphs rendered with ``kg.viz.render_site``
and loaded from file:// in headless Chromium (Debian's /usr/bin/chromium via Playwright).

For each size it measures: the time to write the site (layout included), the size of
``graph.html``, the time from navigation start until the network is stable and idle
(``window.kgReady``: stabilisation done and physics off, or the first frame drawn with
precomputed positions) and the time of one full redraw of the whole graph (``draw_ms``,
a frame while panning or zooming). It prints a table and a final JSON line; it asserts
nothing about time.

    .venv/bin/python bench/viz_scale.py                 # 100, 1,000 and 5,000 nodes
    .venv/bin/python bench/viz_scale.py --sizes 300 600 --max-nodes 0 --runs 3

Synthetic graphs have a realistic, heavy-tailed degree distribution (preferential
attachment: a few hubs, many entities seen once) and the structure of a real build: one
community of entities per transcript (twenty), a few entities every talk mentions, the
seven entity types in skewed proportions, relations of all four kinds (most of them
co-mentions, as in real builds) with one to three evidence quotes each.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.model import Entity, Evidence, Mention, Relation, Segment, Transcript, TranscriptMeta
from kg.viz import render_site

__all__ = ["synthetic_graph", "measure", "main"]

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
TYPES = ("Person", "Organization", "Place", "Product", "Work", "Concept", "Event")
TYPE_WEIGHTS = (30, 15, 5, 12, 6, 30, 2)
KINDS = ("typed", "open", "comention", "discusses")
KIND_WEIGHTS = (15, 15, 65, 5)
PREDICATES = {
    "typed": ("worksFor", "founded", "memberOf", "develops", "authorOf"),
    "open": ("train_on", "compare_with", "talk_about", "build"),
    "comention": ("relatedTo",),
    "discusses": ("discusses",),
}
SYLLABLES = ("ka", "ri", "to", "sen", "mo", "la", "vi", "dar", "ne", "qu", "bel", "os", "tri", "an")


def _name(rng: random.Random) -> str:
    """A made-up multi-word name."""
    words = [
        ("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))).title()
        for _ in range(rng.randint(1, 3))
    ]
    return " ".join(words)


def _transcripts(count: int) -> tuple[Transcript, ...]:
    """``count`` transcripts with titles, dates and YouTube URLs."""
    text = "synthetic transcript " * 50
    return tuple(
        Transcript(
            f"t{i:03d}",
            f"t{i:03d}.txt",
            "plain",
            text,
            (Segment(0, 0, len(text), 0.0, 3600.0, "Host"),),
            f"{i:064x}",
            TranscriptMeta(
                title=f"Synthetic talk {i}",
                date="2024-01-01",
                url=f"https://www.youtube.com/watch?v=synthetic{i}",
            ),
        )
        for i in range(count)
    )


def _structure(n: int, communities: int, seed: int) -> tuple[list[int], list[tuple[int, int]]]:
    """A home community per node and edges: preferential attachment inside each
    community (heavy-tailed degrees), plus links from a few global hubs (the entities
    every talk mentions) to nodes of other communities."""
    rng = random.Random(seed)
    home = [i % communities for i in range(n)]
    edges: set[tuple[int, int]] = set()
    for c in range(communities):
        members = [i for i in range(n) if home[i] == c]
        if len(members) < 2:
            continue
        sub = nx.barabasi_albert_graph(len(members), min(2, len(members) - 1), seed=seed + c)
        edges.update(tuple(sorted((members[u], members[v]))) for u, v in sub.edges())
    hubs = list(range(min(n, max(1, n // 50))))
    for _ in range(n // 5):
        u, v = rng.choice(hubs), rng.randrange(n)
        if u != v:
            edges.add(tuple(sorted((u, v))))
    return home, sorted(edges)


def synthetic_graph(n: int, seed: int = 1, transcripts: int = 20) -> KnowledgeGraph:
    """A KnowledgeGraph of ``n`` entities shaped like a real build, reproducibly: one
    community of entities per transcript, a few entities common to all of them."""
    rng = random.Random(seed)
    ts = _transcripts(transcripts)
    home, pairs = _structure(n, transcripts, seed)
    degree = [0] * n
    for u, v in pairs:
        degree[u] += 1
        degree[v] += 1
    entities = []
    for i in range(n):
        kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        label = f"{_name(rng)} {i}"
        count = 1 + int(rng.paretovariate(1.3)) + degree[i] // 3
        mentions = tuple(
            Mention(
                ts[home[i]].id if j == 0 or rng.random() < 0.8 else rng.choice(ts).id,
                j,
                0,
                j,
                j + len(label),
                label,
                kind,
                "lexicon",
                start=float(j),
            )
            for j in range(count)
        )
        aliases = tuple(sorted({label, label.lower()}))
        entities.append(Entity(f"e{i:05d}", label, kind, aliases, mentions=mentions))
    relations = []
    for u, v in pairs:
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        predicate = rng.choice(PREDICATES[kind])
        tid = ts[home[v]].id
        evidence = tuple(
            Evidence(
                tid,
                0,
                k,
                k + 40,
                f"They said {entities[u].label} and {entities[v].label} go together ({k}).",
                f"synthetic:{kind}",
                0.8,
                start=float(rng.randint(0, 3500)),
                speaker="Host",
            )
            for k in range(rng.randint(1, 3))
        )
        count = len(evidence) + (rng.randint(0, 6) if kind == "comention" else 0)
        relations.append(
            Relation(
                f"e{u:05d}",
                predicate,
                f"e{v:05d}",
                kind,
                evidence,
                count=count,
                counts=((tid, count),),
            )
        )
    return KnowledgeGraph(ts, tuple(entities), tuple(relations))


def _load(browser, page_path: Path) -> dict:
    """Load one page; time to kgReady (navigation start based) and a zoom frame rate."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(page_path.as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=600_000, polling=50)
    ready_ms = page.evaluate("performance.now()")  # slightly after kgReady; see kg.stabilizationMs
    draw_ms = page.evaluate(
        """() => { const net = window.kg.network; net.redraw(); const t0 = performance.now();
        for (let i = 0; i < 10; i++) net.redraw(); return (performance.now() - t0) / 10; }"""
    )
    info = page.evaluate(
        "({layout: window.kg.data.layout, nodes: window.kg.nodes.length,"
        " edges: window.kg.edges.length})"
    )
    page.close()
    return {"ready_ms": ready_ms, "draw_ms": draw_ms, "errors": errors, "outside": outside, **info}


def measure(sizes: list[int], max_nodes: int, runs: int, keep: Path | None = None) -> list[dict]:
    """Render and load a synthetic graph of each size; one result row per size."""
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-viz-bench-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
            ],
        )
        for n in sizes:
            kg = synthetic_graph(n)
            out = (keep or Path(tmp)) / f"n{n}"
            t0 = time.perf_counter()
            render_site(kg, out, Settings(max_nodes=max_nodes))
            render_s = time.perf_counter() - t0
            loads = [_load(browser, out / "graph.html") for _ in range(runs)]
            rows.append(
                {
                    "nodes": n,
                    "edges": len(kg.relations),
                    "drawn_nodes": loads[0]["nodes"],
                    "drawn_edges": loads[0]["edges"],
                    "layout": loads[0]["layout"],
                    "render_s": round(render_s, 2),
                    "page_kb": round((out / "graph.html").stat().st_size / 1024),
                    "ready_ms": round(statistics.median(x["ready_ms"] for x in loads)),
                    "draw_ms": round(statistics.median(x["draw_ms"] for x in loads), 1),
                    "console_errors": sum(len(x["errors"]) for x in loads),
                    "non_file_requests": sum(len(x["outside"]) for x in loads),
                }
            )
            print(_row(rows[-1]), file=sys.stderr, flush=True)
        browser.close()
    return rows


COLUMNS = (
    "nodes",
    "edges",
    "drawn_nodes",
    "drawn_edges",
    "layout",
    "render_s",
    "page_kb",
    "ready_ms",
    "draw_ms",
    "console_errors",
    "non_file_requests",
)


def _row(row: dict) -> str:
    """One row of the printed table."""
    return " | ".join(
        f"{row[c]:>{len(c)}}" if not isinstance(row[c], str) else f"{row[c]:<{len(c)}}"
        for c in COLUMNS
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print a table, then one JSON line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument(
        "--max-nodes", type=int, default=0, help="settings.max_nodes (0: draw everything)"
    )
    parser.add_argument("--runs", type=int, default=1, help="page loads per size (median reported)")
    parser.add_argument("--keep", type=Path, help="keep the rendered sites in this folder")
    parser.add_argument(
        "--physics-max",
        type=int,
        help="draw with browser physics up to this many nodes (default: kg.viz.PHYSICS_MAX_NODES)",
    )
    args = parser.parse_args(argv)
    if args.physics_max is not None:
        import kg.viz

        kg.viz.PHYSICS_MAX_NODES = args.physics_max  # exploring the threshold, not a setting
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2
    rows = measure(args.sizes, args.max_nodes, args.runs, args.keep)
    print(" | ".join(COLUMNS))
    for row in rows:
        print(_row(row))
    print(
        json.dumps(
            {"bench": "viz_scale", "max_nodes": args.max_nodes, "rows": rows}, sort_keys=True
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
