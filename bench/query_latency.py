"""Named-query latency: pyoxigraph (the on-disk store ``kg build`` writes, opened read-only,
and the same graph loaded into an in-memory pyoxigraph store) against rdflib's in-memory
SPARQL engine, on graphs of about 100k and 1M triples.

The ~100k graph is a real ``kg build`` of several copies of the seeds and the shared
corpus, each copy under distinct file names so that every copy is its own transcript.
Building ~1M triples that way takes most of an hour here, so the ~1M graph replicates
the 100k graph's N-Quads instead: each replica rewrites the IRIs that belong to one
transcript (transcript, segment, graph, mention, evidence, weight) and keeps the entity
IRIs, i.e. many more transcripts about the same entities. The output says which is which.

Each engine runs in its own process that loads the graph once (rdflib: ``Dataset`` with
the default graph as the union, parsed from the N-Quads; pyoxigraph: the persisted store
opened read-only through :mod:`kg.sparql`, or ``in_memory=True``). Every named query runs
without parameters (answers about the whole graph) and, for some, with the parameters of a
typical question, bound as ``kg query --param`` binds them. Each runs once to warm up, then
``--runs`` times; the median is reported. A query that runs longer than ``--budget``
seconds is killed and reported as a timeout; once a query has used its budget, it is not
repeated. Prints a table, the ratios, and a final JSON line. Measures; asserts nothing.

    python bench/query_latency.py            # 100k and 1M
    python bench/query_latency.py --quick    # 100k only
    python bench/query_latency.py --http     # the endpoint over HTTP

``--http`` measures ``kg serve`` itself, run as its own process on a build of seeds +
corpus: the latency of keep-alive requests (median and 90th percentile), the throughput
of 1 to 16 clients (from one address, or one loopback address each: 127.0.0.2, ...),
fairness (one address keeps 4 heavy queries going, each ended by a 3 s timeout, while
another sends light ones: how many of those are answered and how fast), and the memory
cap (the cross product sorted, with the default ``query_memory`` and with none: status,
seconds, the workers' peak resident memory).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["main"]

SEEDS = ROOT / "seeds"
CORPUS = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared")) / "corpus"
TRANSCRIPT_SUFFIXES = (".txt", ".srt", ".vtt", ".json")
#: IRIs that belong to one transcript; a replica renames them (entities stay shared).
_PER_TRANSCRIPT = re.compile(
    r"<(https://w3id\.org/kg/(?:transcript|graph|mention|evidence|weight)/)([^>/]+)"
)


# -- building the graphs -----------------------------------------------------------------


def _sources() -> list[Path]:
    """Transcript files (with their ``.meta.json`` sidecars) of the seeds and the corpus."""
    files = []
    for folder in (SEEDS, CORPUS):
        if folder.is_dir():
            files += sorted(
                p
                for p in folder.iterdir()
                if p.suffix in TRANSCRIPT_SUFFIXES and not p.name.endswith(".meta.json")
            )
    if not files:
        raise SystemExit(f"no transcripts found in {SEEDS} or {CORPUS}")
    return files


def _copy_inputs(folder: Path, copies: int) -> list[str]:
    """``copies`` copies of every source under names ``c<k>_<name>``; the file names."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    names = []
    for k in range(copies):
        for src in _sources():
            name = f"c{k}_{src.name}"
            shutil.copyfile(src, folder / name)
            sidecar = src.with_name(src.stem + ".meta.json")
            if sidecar.is_file():
                shutil.copyfile(sidecar, folder / f"c{k}_{src.stem}.meta.json")
            names.append(name)
    return sorted(names)


def build_small(work: Path, copies: int, jobs: int) -> dict:
    """The ~100k graph: a real build of ``copies`` copies of seeds + corpus (reused when
    an earlier run built the same inputs)."""
    from kg.build import build
    from kg.config import Settings

    out = work / "small"
    manifest = work / "small.json"
    expected = [f"c{k}_{src.name}" for k in range(copies) for src in _sources()]
    if manifest.is_file() and (out / "store").is_dir():
        info = json.loads(manifest.read_text())
        if info.get("inputs") == sorted(expected):
            if "store_load_s" not in info or not info["store_load_s"]:
                info["store_load_s"] = _time_store_load(out / "graph.nq", work)
                manifest.write_text(json.dumps(info, indent=1))
            return info
    names = _copy_inputs(work / "small-inputs", copies)
    started = time.perf_counter()
    result = build([str(work / "small-inputs")], out, Settings(jobs=jobs))
    info = {
        "inputs": names,
        "transcripts": result.report["counts"]["transcripts"],
        "quads": _count_lines(out / "graph.nq"),
        "build_s": round(time.perf_counter() - started, 1),
        "store_load_s": _time_store_load(out / "graph.nq", work),
        "nquads": str(out / "graph.nq"),
        "store": str(out / "store"),
        "how": f"kg build of {copies} copies of seeds + corpus",
    }
    manifest.write_text(json.dumps(info, indent=1))
    return info


def _time_store_load(nquads: Path, work: Path) -> float:
    """Seconds :func:`kg.store.create_store` takes for ``nquads`` (the build loads the
    store in the background, so its own timing is only the wait)."""
    from kg.store import create_store

    scratch = work / "store-load-timing"
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    create_store(nquads, scratch)
    seconds = round(time.perf_counter() - started, 2)
    shutil.rmtree(scratch, ignore_errors=True)
    return seconds


def _rss_mb() -> float:
    """Resident memory of this process now (ru_maxrss would report the parent's peak:
    Linux keeps it across the exec of a spawned process)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def build_large(work: Path, small: dict, target: int) -> dict:
    """The ~1M graph: the small graph's N-Quads replicated with per-transcript IRIs
    renamed per replica, then bulk-loaded into a store like ``kg build`` does."""
    from kg.store import create_store

    replicas = max(1, round(target / small["quads"]))
    source = Path(small["nquads"])
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    manifest = work / "large.json"
    if manifest.is_file():
        info = json.loads(manifest.read_text())
        if (
            info.get("source_sha256") == digest
            and info.get("replicas") == replicas
            and Path(info["store"]).is_dir()
        ):
            return info
    lines = source.read_text(encoding="utf-8").splitlines()
    quads: set[str] = set()
    for r in range(replicas):
        if r == 0:
            quads.update(lines)
            continue
        suffix = f"~r{r}"
        for line in lines:
            quads.add(_PER_TRANSCRIPT.sub(lambda m, s=suffix: _rename(m, s), line))
    folder = work / "large"  # laid out like a build's outputs: graph.nq next to store/
    folder.mkdir(exist_ok=True)
    nquads = folder / "graph.nq"
    nquads.write_text("\n".join(sorted(quads)) + "\n", encoding="utf-8")
    store = folder / "store"
    if store.exists():
        shutil.rmtree(store)
    started = time.perf_counter()
    count = create_store(nquads, store)
    info = {
        "replicas": replicas,
        "source_sha256": digest,
        "transcripts": small["transcripts"] * replicas,
        "quads": count,
        "store_load_s": round(time.perf_counter() - started, 2),
        "nquads": str(nquads),
        "store": str(store),
        "how": f"{replicas} replicas of the 100k graph's N-Quads, per-transcript IRIs renamed",
    }
    manifest.write_text(json.dumps(info, indent=1))
    return info


def _rename(match: re.Match, suffix: str) -> str:
    """A per-transcript IRI renamed for one replica (graph/entities stays)."""
    base, local = match.group(1), match.group(2)
    if base.endswith("/graph/") and local == "entities":
        return match.group(0)
    return f"<{base}{local}{suffix}"


def _count_lines(path: Path) -> int:
    """Non-empty lines of a file."""
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


# -- engines in worker processes ---------------------------------------------------------


def _engine_main(conn, engine: str, nquads: str, store: str) -> None:
    """Load the graph once, then time each query sent (None stops)."""
    started = time.perf_counter()
    if engine.startswith("pyoxigraph"):
        from kg.sparql import KnowledgeStore

        knowledge = KnowledgeStore(store, in_memory=engine == "pyoxigraph-mem")

        def run(text: str) -> int:
            return len(knowledge.query(text))
    else:
        from rdflib import Dataset

        from kg.ontology import PREFIXES

        dataset = Dataset(default_union=True)
        dataset.parse(nquads, format="nquads")

        def run(text: str) -> int:
            return len(list(dataset.query(text, initNs=PREFIXES)))

    rss_mb = _rss_mb()
    conn.send(("loaded", time.perf_counter() - started, rss_mb))
    while True:
        text = conn.recv()
        if text is None:
            return
        started = time.perf_counter()
        try:
            rows = run(text)
            conn.send(("ok", time.perf_counter() - started, rows))
        except Exception as error:  # noqa: BLE001 - an engine's failure is a measurement
            conn.send(("error", time.perf_counter() - started, " ".join(str(error).split())[:160]))


@dataclass
class Engine:
    """One engine's worker process; killed and restarted when a query overruns."""

    name: str
    nquads: str
    store: str
    load_s: float | None = None
    rss_mb: float | None = None
    _process: multiprocessing.Process | None = field(default=None, repr=False)
    _conn: object = field(default=None, repr=False)

    def start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(
            target=_engine_main, args=(child, self.name, self.nquads, self.store), daemon=True
        )
        self._process.start()
        child.close()
        _, seconds, rss = self._conn.recv()
        if self.load_s is None:
            self.load_s, self.rss_mb = seconds, rss

    def run(self, text: str, budget: float) -> tuple[str, float, object]:
        """("ok", seconds, rows), ("error", seconds, message) or ("timeout", budget, None)."""
        if self._process is None:
            self.start()
        self._conn.send(text)
        if self._conn.poll(budget):
            return self._conn.recv()
        self.stop(kill=True)
        return "timeout", budget, None

    def stop(self, kill: bool = False) -> None:
        if self._process is None:
            return
        if not kill:
            self._conn.send(None)
            self._process.join(10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(10)
        self._conn.close()
        self._process = None


def measure(engine: Engine, text: str, runs: int, budget: float) -> dict:
    """Median seconds of ``runs`` timed runs after a warm-up, within ``budget`` seconds."""
    status, seconds, value = engine.run(text, budget)
    if status != "ok":
        return {
            "status": status,
            "median_s": None,
            "rows": None,
            "error": value if status == "error" else None,
            "runs": 0,
        }
    times, spent = [], seconds
    for _ in range(runs):
        if spent + seconds > budget:
            break
        status, seconds, value = engine.run(text, budget)
        if status != "ok":
            break
        times.append(seconds)
        spent += seconds
    if not times:  # the warm-up alone used the budget: it is the measurement
        times = [spent]
    return {"status": "ok", "median_s": statistics.median(times), "rows": value, "runs": len(times)}


# -- report --------------------------------------------------------------------------------


def _ms(seconds: float | None, status: str) -> str:
    """Milliseconds for the table, or timeout/error."""
    if status == "timeout":
        return "timeout"
    if status == "error":
        return "error"
    return f"{seconds * 1000:,.1f}"


ENGINES = ("pyoxigraph", "pyoxigraph-mem", "rdflib")

#: Named queries as people use them: with no parameters (the whole graph), and with the
#: parameters of a typical question. Transcript ids are those of the first two copies.
CASES = [
    ("about_entity", {"label": "Geoffrey Hinton"}),
    ("about_entity", {"label": "Hinton"}),
    ("edge_evidence", {"subject": "Sam Altman", "object": "OpenAI"}),
    ("speaker_topics", {"speaker": "Sam Altman"}),
    ("people_organizations", {"person": "Sam Altman"}),
    (
        "shared_entities",
        {"a": "tr:c0_000_d7e5a9d90b8e53ea", "b": "tr:c1_lex419_sam_altman_speakerlabels"},
    ),
]


def _cases() -> list[tuple[str, str]]:
    """(label, query text) of every benchmark case: each named query, then CASES."""
    from kg.sparql import bind_params, named_queries, parse_param_value

    queries = named_queries()
    cases = [(name, q.text) for name, q in queries.items()]
    for name, params in CASES:
        terms = {k: parse_param_value(v) for k, v in params.items()}  # as kg query --param reads
        text, _ = bind_params(queries[name].text, terms)
        shown = ",".join(f"{k}={v}" for k, v in params.items())
        cases.append((f"{name}({shown})", text))
    return cases


def run_size(
    label: str, graph: dict, runs: int, budget: float, skip: set[tuple[str, str]] | None = None
) -> list[dict]:
    """Every case on every engine for one graph; rows for the report. ``skip`` holds
    (engine, case) pairs that already timed out on a smaller graph: they would again,
    and each timeout costs the engine a reload."""
    skip = skip or set()
    cases = _cases()
    results: dict[str, dict] = {name: {} for name, _ in cases}
    loads = {}
    for engine_name in ENGINES:
        engine = Engine(engine_name, graph["nquads"], graph["store"])
        print(
            f"[{label}] {engine_name}: loading {graph['quads']:,} quads ...",
            file=sys.stderr,
            flush=True,
        )
        engine.start()
        loads[engine_name] = {"open_s": round(engine.load_s, 2), "rss_mb": round(engine.rss_mb)}
        for name, text in cases:
            print(f"[{label}] {engine_name}: {name}", file=sys.stderr, flush=True)
            if (engine_name, name) in skip:
                results[name][engine_name] = {
                    "status": "timeout",
                    "median_s": None,
                    "rows": None,
                    "runs": 0,
                    "skipped": True,
                }
                continue
            results[name][engine_name] = measure(engine, text, runs, budget)
        engine.stop()
    graph["engines"] = loads
    rows = []
    for name, _ in cases:
        ox, rl = results[name]["pyoxigraph"], results[name]["rdflib"]
        ratio = None
        if ox["median_s"] and rl["status"] != "error":
            slow = rl["median_s"] if rl["status"] == "ok" else budget
            ratio = slow / ox["median_s"]
        counts = {
            e: results[name][e]["rows"] for e in ENGINES if results[name][e]["status"] == "ok"
        }
        rows.append(
            {
                "size": label,
                "query": name,
                **{e: results[name][e] for e in ENGINES},
                "ratio": ratio,
                "ratio_is_lower_bound": rl["status"] == "timeout",
                "rows_agree": len(set(counts.values())) <= 1,
            }
        )
    return rows


def print_table(rows: list[dict], graphs: dict, budget: float) -> None:
    """The figures of ``rows`` as a table, after what each graph is and its load costs."""
    for label, graph in graphs.items():
        engines = graph.get("engines", {})
        print(
            f"\n{label}: {graph['quads']:,} quads, {graph['transcripts']} transcripts ({graph['how']})"
        )
        print(
            f"  pyoxigraph: bulk load into the store {graph.get('store_load_s')} s, open read-only "
            f"{engines.get('pyoxigraph', {}).get('open_s')} s, {engines.get('pyoxigraph', {}).get('rss_mb')} MB; "
            f"in memory: load {engines.get('pyoxigraph-mem', {}).get('open_s')} s, "
            f"{engines.get('pyoxigraph-mem', {}).get('rss_mb')} MB; rdflib: parse "
            f"{engines.get('rdflib', {}).get('open_s')} s, {engines.get('rdflib', {}).get('rss_mb')} MB"
        )
    header = (
        f"{'size':5} {'query':62} {'oxigraph disk ms':>16} {'oxigraph mem ms':>15} {'rdflib ms':>10} "
        f"{'rdflib/disk':>11} {'rows':>6}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for r in rows:
        ox = r["pyoxigraph"]
        ratio = (
            "-"
            if r["ratio"] is None
            else (">" if r["ratio_is_lower_bound"] else "") + f"{r['ratio']:,.0f}x"
        )
        rows_text = "-" if ox["rows"] is None else f"{ox['rows']:,}"
        if not r["rows_agree"]:
            rows_text += (
                " (engines disagree: " + ", ".join(f"{e} {r[e]['rows']}" for e in ENGINES) + ")"
            )
        cells = [_ms(r[e]["median_s"], r[e]["status"]) for e in ENGINES]
        print(
            f"{r['size']:5} {r['query'][:62]:62} {cells[0]:>16} {cells[1]:>15} {cells[2]:>10} {ratio:>11} "
            f"{rows_text:>6}"
        )
    for r in rows:
        for e in ENGINES:
            if r[e]["status"] == "error":
                print(f"{e} error on {r['query']} ({r['size']}): {r[e]['error']}")
    print(
        f"timeout = killed after {budget:g} s, or not tried again on the larger graph after a timeout "
        "on the smaller one; '>' ratios are lower bounds (budget / pyoxigraph median)"
    )


# -- the endpoint over HTTP (--http) ------------------------------------------------------

#: Every triple with every other, sorted: memory grows with the square of the store.
CROSS_SORT = "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
#: A three-way cross join: runs until the query timeout kills it.
HEAVY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . FILTER(STR(?c) != STR(?i)) }"
)
LIGHT = "SELECT ?s WHERE { ?s a kg:Person } LIMIT 5"


class Endpoint:
    """``kg serve`` on a free loopback port, in its own process (settings as ``KG_*``
    variables), so that the clients of this process do not share its interpreter."""

    def __init__(self, outputs: str, workers: int = 2, **settings) -> None:
        import subprocess

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.update({f"KG_{k.upper()}": str(v) for k, v in settings.items()})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", "0", "-q", "-o", outputs,
             "--workers", str(workers)],
            env=env, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        line = self.process.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not found:
            self.process.kill()
            raise SystemExit(f"kg serve did not start: {line.strip()}")
        self.port = int(found.group(1))
        for _ in range(2 * workers):  # every worker started and its store open
            self.get(LIGHT)

    def get(self, query: str, source: str = "127.0.0.1", conn=None) -> tuple[int, bytes]:
        """(status, body) of one GET /sparql, on ``conn`` (kept alive) or a new connection."""
        import http.client
        import urllib.parse

        own = conn is None
        if own:
            conn = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=300, source_address=(source, 0)
            )
        try:
            conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
            reply = conn.getresponse()
            return reply.status, reply.read()
        finally:
            if own:
                conn.close()

    def workers_rss_mb(self) -> float:
        """Resident memory of the worker processes, MB."""
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                if int(stat[stat.rindex(")") + 2 :].split()[1]) != self.process.pid:
                    continue
                for line in (entry / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except (OSError, ValueError):
                continue
        return total / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except Exception:  # noqa: BLE001
            self.process.kill()
            self.process.wait()


def _connection(port: int, source: str = "127.0.0.1"):
    import http.client

    return http.client.HTTPConnection("127.0.0.1", port, timeout=300, source_address=(source, 0))


def http_latency(ep: Endpoint, runs: int) -> dict:
    """Median and 90th percentile of sequential keep-alive requests, per query, ms."""
    from kg.sparql import named_queries

    queries = {"ASK": "ASK { ?s ?p ?o }", "light SELECT": LIGHT}
    for name in ("people_organizations", "top_concepts", "relations_by_kind"):
        if name in named_queries():
            queries[name] = named_queries()[name].text
    out = {}
    conn = _connection(ep.port)
    for name, text in queries.items():
        ep.get(text, conn=conn)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            status, _ = ep.get(text, conn=conn)
            times.append(time.perf_counter() - t0)
        times.sort()
        out[name] = {
            "status": status,
            "median_ms": round(statistics.median(times) * 1000, 2),
            "p90_ms": round(times[int(0.9 * (len(times) - 1))] * 1000, 2),
        }
    conn.close()
    return out


def http_throughput(ep: Endpoint, clients: int, seconds: float, distinct: bool) -> dict:
    """Requests per second of ``clients`` keep-alive clients sending LIGHT for ``seconds``,
    from one address or (``distinct``) one address each."""
    import threading

    counts = [0] * clients
    errors = [0] * clients
    stop = time.perf_counter() + seconds

    def client(i: int) -> None:
        conn = _connection(ep.port, f"127.0.0.{i + 2}" if distinct else "127.0.0.1")
        while time.perf_counter() < stop:
            status, _ = ep.get(LIGHT, conn=conn)
            if status == 200:
                counts[i] += 1
            else:
                errors[i] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    return {"req_per_s": round(sum(counts) / elapsed, 1), "errors": sum(errors)}


def http_fairness(ep: Endpoint, heavy_clients: int, seconds: float) -> dict:
    """One address sends ``heavy_clients`` HEAVY queries at a time (each ends at the query
    timeout) while another sends LIGHT ones in turn: the light client's latencies."""
    import threading

    stop = time.perf_counter() + seconds
    heavy_status: list[int] = []

    def heavy() -> None:
        while time.perf_counter() < stop:
            heavy_status.append(ep.get(HEAVY, source="127.0.0.2")[0])

    threads = [threading.Thread(target=heavy) for _ in range(heavy_clients)]
    for t in threads:
        t.start()
    time.sleep(0.3)  # the heavy queries are running
    light, refused = [], 0
    conn = _connection(ep.port, "127.0.0.3")
    while time.perf_counter() < stop:
        t0 = time.perf_counter()
        status, _ = ep.get(LIGHT, conn=conn)
        if status == 200:
            light.append(time.perf_counter() - t0)
        else:
            refused += 1
            conn.close()
            conn = _connection(ep.port, "127.0.0.3")
    conn.close()
    for t in threads:
        t.join()
    return {
        "light_answered": len(light),
        "light_refused": refused,
        "light_median_ms": round(statistics.median(light) * 1000, 1) if light else None,
        "light_max_ms": round(max(light) * 1000, 1) if light else None,
        "heavy_sent": len(heavy_status),
    }


def http_memory(ep: Endpoint) -> dict:
    """CROSS_SORT once: its status, seconds, first line, and the workers' peak memory."""
    import threading

    peak = [ep.workers_rss_mb()]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], ep.workers_rss_mb())
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    t0 = time.perf_counter()
    status, body = ep.get(CROSS_SORT)
    elapsed = time.perf_counter() - t0
    done.set()
    watcher.join()
    after = ep.get(LIGHT)[0]
    return {
        "status": status,
        "seconds": round(elapsed, 2),
        "peak_workers_rss_mb": round(peak[0]),
        "message": body.decode("utf-8", "replace").splitlines()[0][:120] if status != 200 else "",
        "next_query_status": after,
    }


def run_http(work: Path, jobs: int, runs: int, seconds: float) -> dict:
    """The endpoint figures on a build of seeds + corpus (one copy each)."""
    graph = build_small(work / "http", 1, jobs)
    outputs = str(Path(graph["store"]).parent)
    print(f"endpoint over HTTP: {graph['quads']:,} quads ({graph['how']})")
    results: dict = {"quads": graph["quads"]}
    ep = Endpoint(outputs, query_timeout=3)
    try:
        results["latency"] = http_latency(ep, runs)
        for name, r in results["latency"].items():
            print(f"  {name:22} median {r['median_ms']:8.2f} ms   p90 {r['p90_ms']:8.2f} ms")
        results["throughput"] = {}
        for clients, distinct in ((1, False), (4, False), (4, True), (16, True)):
            key = f"{clients} client{'s' if clients > 1 else ''}" + (
                ", one address each" if distinct else ", one address"
            )
            r = results["throughput"][key] = http_throughput(ep, clients, seconds, distinct)
            print(f"  {key:34} {r['req_per_s']:8.1f} req/s  ({r['errors']} errors)")
        r = results["fairness"] = http_fairness(ep, 4, 4 * 3.0)
        print(
            f"  fairness: 4 heavy queries at a time from one address; light client: "
            f"{r['light_answered']} answered (median {r['light_median_ms']} ms, max "
            f"{r['light_max_ms']} ms), {r['light_refused']} refused"
        )
    finally:
        ep.stop()
    for cap in (None, 0):
        ep = Endpoint(outputs, query_timeout=10, **({} if cap is None else {"query_memory": cap}))
        try:
            key = "memory, default cap" if cap is None else "memory, no cap"
            r = results[key] = http_memory(ep)
            print(
                f"  {key:20} {CROSS_SORT}: {r['status']} after {r['seconds']} s, workers' peak "
                f"{r['peak_workers_rss_mb']} MB; next query {r['next_query_status']}; {r['message']}"
            )
        finally:
            ep.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the graphs, measure, print the table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the ~100k graph only")
    parser.add_argument(
        "--http",
        action="store_true",
        help="only the endpoint over HTTP: latency, throughput, fairness, memory cap",
    )
    parser.add_argument(
        "--seconds", type=float, default=5.0, help="seconds of each --http throughput run"
    )
    parser.add_argument(
        "--work",
        default=str(ROOT / "bench" / "results" / "query_latency"),
        help="folder for the graphs (reused by later runs)",
    )
    parser.add_argument(
        "--copies", type=int, default=3, help="copies of seeds + corpus in the 100k build"
    )
    parser.add_argument("--target", type=int, default=1_000_000, help="quads of the large graph")
    parser.add_argument(
        "--runs", type=int, default=5, help="timed runs per query (after one warm-up)"
    )
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per query and engine")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="NLP processes for the build"
    )
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.http:
        figures = run_http(work, args.jobs, max(args.runs, 30), args.seconds)
        print(json.dumps({"bench": "query_latency_http", **figures}, sort_keys=True))
        return 0

    graphs = {"100k": build_small(work, args.copies, args.jobs)}
    if not args.quick:
        graphs["1M"] = build_large(work, graphs["100k"], args.target)
    rows: list[dict] = []
    for label, graph in graphs.items():
        timed_out = {(e, r["query"]) for r in rows for e in ENGINES if r[e]["status"] == "timeout"}
        size_rows = run_size(label, graph, args.runs, args.budget, timed_out)
        print_table(size_rows, {label: graph}, args.budget)  # each size as soon as it is measured
        sys.stdout.flush()
        rows += size_rows

    def ms(result: dict) -> float | None:
        return None if result["median_s"] is None else round(result["median_s"] * 1000, 2)

    summary = {
        "bench": "query_latency",
        "runs": args.runs,
        "budget_s": args.budget,
        "graphs": {
            k: {
                key: v[key]
                for key in ("quads", "transcripts", "how", "store_load_s", "engines")
                if key in v
            }
            for k, v in graphs.items()
        },
        "results": [
            {
                "size": r["size"],
                "query": r["query"],
                "rows": r["pyoxigraph"]["rows"],
                **{f"{e.replace('-', '_')}_ms": ms(r[e]) for e in ENGINES},
                **{f"{e.replace('-', '_')}_status": r[e]["status"] for e in ENGINES},
                "rdflib_over_pyoxigraph": None if r["ratio"] is None else round(r["ratio"], 1),
                "ratio_is_lower_bound": r["ratio_is_lower_bound"],
                "rows_agree": r["rows_agree"],
            }
            for r in rows
        ],
    }
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
