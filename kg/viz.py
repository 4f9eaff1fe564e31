"""Interactive HTML pages of the graph that work from ``file://`` with no network at all.

``render_site`` writes three kinds of page into a folder:

- ``graph.html``: the whole build;
- ``transcripts/<id>.html``: one per transcript, the entities mentioned there and the
  relations with evidence there;
- ``index.html``: a plain list of the transcripts (title, date, counts) linking to them.

Every page holds its styles (the rules of vis-network's stylesheet that the viewer uses,
from the copy bundled with pyvis, and the viewer's own CSS) and its data; the script,
vis-network followed by the viewer's own JS, is written once per build as
``transcripts/kg-viewer.js`` (:data:`VIEWER_JS`) and loaded by a one-line inline
loader, so 5,000 transcript pages do not carry 5,000 copies of 550 kB. Transcript text
is data, never markup: the data goes into a ``<script type="application/json">`` block
with ``<``, ``>``, ``&`` and U+2028/9 escaped, is read with ``JSON.parse`` and shown
with ``textContent`` and DOM nodes only. A Content-Security-Policy allows exactly the
page's inline loader (by hash) and, through ``'strict-dynamic'``, the script that
loader inserts; a ``<script>`` element in the markup, an inline handler or a request
to anywhere else is refused, so even a mistake elsewhere could neither run injected
code nor reach the network. (Measured in Chromium from ``file://``: ``'self'`` or
``file:`` would let any local file run as a script, and a hash with ``integrity`` on
the shared file fails, as Subresource Integrity needs a CORS response that ``file://``
never gives; ``'strict-dynamic'`` pins it without either.)

Layout: node positions are computed here, deterministically (a seeded
Fruchterman-Reingold in numpy), so the same graph gives byte-identical pages. Up to
``PHYSICS_MAX_NODES`` nodes the browser then polishes that layout with a capped
number of physics iterations and switches physics off; above it the precomputed
positions are drawn as they are. Above ``settings.max_nodes`` only the most central
entities (PageRank) are drawn and the page says how many were left out.

>>> from kg.graph import load_graph
>>> render_site(load_graph("outputs"), Path("outputs"))   # doctest: +SKIP
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import hashlib
import html
import json
import math
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import numpy as np
import pyvis
from pyvis.edge import Edge as VisEdge
from pyvis.network import Network
from pyvis.node import Node as VisNode

from .config import Settings
from .errors import KgError
from .files import move_into_place
from .graph import KnowledgeGraph, importance, load_graph
from .lexicon import load_lexicon
from .links import moment_url
from .model import ENTITY_TYPES, Entity, Evidence, Relation, Transcript
from .topics import Topic, find_topics

__all__ = [
    "render_site",
    "render_outputs",
    "transcript_subgraph",
    "layout_positions",
    "script_json",
    "moment_url",
    "format_time",
    "TYPE_STYLES",
    "KIND_STYLES",
    "PHYSICS_MAX_NODES",
    "MAX_QUOTES_PER_EDGE",
    "TRANSCRIPTS_DIR",
    "TOPIC_COLORS",
    "reader_marks",
]

#: Colour (Tableau 10) and vis-network shape per entity type; shapes differ so the
#: types stay apart for colour-blind readers and in grey-scale prints.
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Place": ("#59a14f", "triangle"),
    "Product": ("#e15759", "diamond"),
    "Work": ("#b07aa1", "triangleDown"),
    "Concept": ("#76b7b2", "hexagon"),
    "Event": ("#edc948", "star"),
}
_OTHER_STYLE = ("#9d9d9d", "dot")

#: Line style per relation kind: colour, dash pattern (False = solid), arrow, label.
KIND_STYLES: dict[str, dict] = {
    "typed": {"color": "#3d3d3d", "dashes": False, "arrow": True, "label": True, "width": 1.6},
    "open": {"color": "#9c6b30", "dashes": [8, 5], "arrow": True, "label": True, "width": 1.3},
    "comention": {
        "color": "#c8c8c8",
        "dashes": False,
        "arrow": False,
        "label": False,
        "width": 0.6,
    },
    "discusses": {
        "color": "#b9a3cf",
        "dashes": False,
        "arrow": False,
        "label": False,
        "width": 0.8,
    },
}

#: Colours of the topics (most central first), when the graph is coloured by topic;
#: entities of no topic, and of topics past the twelfth, are grey.
TOPIC_COLORS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ad494a",
    "#637939",
)

#: Moments (transcript, segment, time) listed per entity in its panel.
MAX_MOMENTS = 400

#: Above this many drawn nodes the browser does no physics at all (see bench/viz_scale.py).
PHYSICS_MAX_NODES = 300

#: Quotes per edge written into a page; the panel says how many more there are.
MAX_QUOTES_PER_EDGE = 25

#: Transcripts listed per entity on a transcript page (the graph page lists them all).
MAX_NODE_TRANSCRIPTS = 50

#: Co-mention edges start hidden when there are more than this many of them.
COMENTION_SHOWN_MAX = 150

#: Folder (inside the output folder) of the per-transcript pages.
TRANSCRIPTS_DIR = "transcripts"
#: The viewer's script (vis-network, then kg/static/viz_page.js), one copy per build.
VIEWER_JS = f"{TRANSCRIPTS_DIR}/kg-viewer.js"

_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
#: vis-network stylesheet rules for parts the viewer switches off (configurator,
#: manipulation toolbar, navigation buttons, colour picker): 210 kB of data-URI images.
_UNUSED_VIS_CSS = re.compile(
    r"configuration|color-picker|manipulation|navigation|vis-button|vis-edit|vis-config|"
    r"vis-close|vis-label|vis-separator|vis-none|vis-zoom|vis-up|vis-down|vis-left|"
    r"vis-right|vis-connect|vis-add|vis-delete|vis-back|data:"
)
_LAYOUT_SEED = 7
_LAYOUT_SCALE = 130.0  # pixels per unit of the layout's ideal edge length
_LABELLED_LENGTH = int(_LAYOUT_SCALE * 1.6)  # spring length of edges with a label
_PLACEHOLDER = re.compile(r"@@([a-z_]+)@@")


# -- public entry points ---------------------------------------------------------------


def render_site(
    kg: KnowledgeGraph,
    out_dir: Path,
    settings: Settings | None = None,
    *,
    types: Iterable[str] | None = None,
) -> list[Path]:
    """Write ``graph.html``, ``transcripts/<id>.html`` and ``index.html`` into ``out_dir``.

    ``types`` keeps only entities of those types (and the relations between them).
    Returns the files written, in a stable order.
    """
    settings = settings or Settings()
    out_dir = Path(out_dir)
    kg = _only_types(kg, _checked_types(types))
    shared = _shared(kg, settings)
    written = [
        _write(out_dir / "graph.html", _graph_page(kg, settings, shared)),
        _write(out_dir / VIEWER_JS, _viewer_js()),
    ]
    rows = []
    index = _transcript_index(kg)
    positions = {e.key: i for i, e in enumerate(kg.entities)}
    entity_counts = kg.entity_counts()
    for transcript in kg.transcripts:
        sub = _subgraph(kg, transcript, index.get(transcript.id, (set(), set())), positions)
        path = out_dir / TRANSCRIPTS_DIR / f"{transcript.id}.html"
        page = _transcript_page(sub, transcript, settings, shared)
        written.append(_write(path, page))
        rows.append((transcript, entity_counts[transcript.id], len(sub.relations)))
    written.append(_write(out_dir / "index.html", _index_page(kg, rows)))
    return written


@dataclass(frozen=True)
class _Shared:
    """What every page of one build shares: computed once per build."""

    everywhere: dict[str, tuple[str, ...]]  # entity key -> transcripts of the whole build
    transcripts: dict[str, Transcript]  # every transcript of the build, by id
    topics: list[Topic]  # the build's topics, largest first
    topic_of: dict[str, int]  # entity key -> index in ``topics``
    moments: dict[str, list[list]]  # entity key -> [[transcript, segment, seconds], ...]
    moments_total: dict[str, int]  # entity key -> number of moments
    names: dict[str, list[str]]  # entity key -> lexicon names it is not yet seen under


def _shared(kg: KnowledgeGraph, settings: Settings) -> _Shared:
    """Topics, moments per entity and lexicon names of the whole build."""
    topics = find_topics(kg)
    topic_of = {key: i for i, t in enumerate(topics) for key in t.members}
    moments: dict[str, list[list]] = {}
    totals: dict[str, int] = {}
    by_id = {t.id: t for t in kg.transcripts}
    for e in kg.entities:
        seen = sorted({(m.transcript_id, m.segment_index) for m in e.mentions})
        totals[e.key] = len(seen)
        rows = []
        for tid, seg in seen[:MAX_MOMENTS]:
            t = by_id.get(tid)
            start = t.segments[seg].start if t and 0 <= seg < len(t.segments) else None
            rows.append([tid, seg, None if start is None else int(start)])
        moments[e.key] = rows
    return _Shared(
        everywhere={e.key: e.transcripts for e in kg.entities},
        transcripts=by_id,
        topics=topics,
        topic_of=topic_of,
        moments=moments,
        moments_total=totals,
        names=_lexicon_names(kg, settings),
    )


def _lexicon_names(kg: KnowledgeGraph, settings: Settings) -> dict[str, list[str]]:
    """Per entity of the lexicon, the lexicon's names for it that the transcripts never
    used ("LLM" for large language model): search finds it by those too."""
    if not any(e.lexicon_id for e in kg.entities):
        return {}
    try:
        lexicon = load_lexicon(getattr(settings, "lexicon", "") or None)
    except KgError:
        return {}
    names = {}
    for e in kg.entities:
        if e.lexicon_id and e.lexicon_id in lexicon.entries:
            known = {e.label, *e.aliases}
            extra = sorted({n for n in lexicon.names(e.lexicon_id) if n not in known})
            if extra:
                names[e.key] = extra
    return names


def render_outputs(
    outputs_dir: str | Path = "outputs",
    out_dir: str | Path | None = None,
    settings: Settings | None = None,
    types: Iterable[str] | None = None,
) -> list[Path]:
    """Re-render the pages of the last build in ``outputs_dir`` without re-extracting.

    Pages are written to a temporary folder inside the target (``out_dir``, default
    ``outputs_dir``) and then moved into place, files by atomic rename and the
    ``transcripts/`` folder by a swap, so a reader never sees half a site.
    """
    types = _checked_types(types)  # before anything is written
    kg = load_graph(outputs_dir)
    target = Path(out_dir) if out_dir is not None else Path(outputs_dir)
    try:
        target.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".render-", dir=target))
    except OSError as exc:
        raise KgError(f"{target}: cannot write the pages there ({exc.strerror})") from None
    try:
        written = render_site(kg, staging, settings, types=types)
        return _move_into_place(staging, target, written)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def transcript_subgraph(kg: KnowledgeGraph, transcript_id: str) -> KnowledgeGraph:
    """The part of ``kg`` seen in one transcript.

    Entities keep only their mentions there; relations keep only their evidence and
    count there. Endpoints of kept relations are kept even without a mention there
    (a speaker's ``discusses`` edge, for one).
    """
    transcript = next(t for t in kg.transcripts if t.id == transcript_id)
    seen = _transcript_index(kg).get(transcript_id, (set(), set()))
    return _subgraph(kg, transcript, seen, {e.key: i for i, e in enumerate(kg.entities)})


def _transcript_index(kg: KnowledgeGraph) -> dict[str, tuple[set[int], set[int]]]:
    """Per transcript: positions of the entities mentioned and of the relations seen
    there; one pass over the graph instead of one per transcript."""
    index: dict[str, tuple[set[int], set[int]]] = {}
    for i, e in enumerate(kg.entities):
        for m in e.mentions:
            index.setdefault(m.transcript_id, (set(), set()))[0].add(i)
    for j, r in enumerate(kg.relations):
        seen = {v.transcript_id for v in r.evidence} | {t for t, n in r.counts if n}
        for tid in seen:
            index.setdefault(tid, (set(), set()))[1].add(j)
    return index


def _subgraph(
    kg: KnowledgeGraph,
    transcript: Transcript,
    seen: tuple[set[int], set[int]],
    positions: dict[str, int],
) -> KnowledgeGraph:
    """``transcript_subgraph`` from the positions in ``seen`` (entities, relations)."""
    entity_ids, relation_ids = seen
    tid = transcript.id
    relations = tuple(
        r for r in (_relation_in(kg.relations[j], tid) for j in sorted(relation_ids)) if r
    )
    ends = {positions[k] for r in relations for k in (r.subject, r.object) if k in positions}
    entities = tuple(
        dataclasses.replace(e, mentions=tuple(m for m in e.mentions if m.transcript_id == tid))
        for e in (kg.entities[i] for i in sorted(entity_ids | ends))
    )
    return KnowledgeGraph((transcript,), entities, relations)


# -- small helpers other modules may use -----------------------------------------------


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` etc. mean
    the same thing to ``JSON.parse``; with them escaped no ``</script>`` or ``<!--``
    can end or change the block. U+2028/9 are escaped for old JS parsers' sake.
    """
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def format_time(seconds: float | None) -> str | None:
    """``hh:mm:ss`` of a time in seconds (rounded down), or None."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return None
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def layout_positions(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str, float]],
    seed: int = _LAYOUT_SEED,
    iterations: int | None = None,
) -> dict[str, tuple[int, int]]:
    """Deterministic 2-D positions (pixels) for ``nodes`` joined by weighted ``edges``.

    Fruchterman-Reingold with exact repulsion computed in row blocks (numpy only), a
    weak pull to the centre so that separate components stay in view, and a seeded
    start. See bench/viz_scale.py for timings.
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    index = {key: i for i, key in enumerate(nodes)}
    pairs = [(index[a], index[b], w) for a, b, w in edges if a != b and a in index and b in index]
    src = np.array([p[0] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs], dtype=np.int64)
    weight = np.array([p[2] for p in pairs], dtype=np.float64)
    pos = _fruchterman_reingold(n, src, dst, weight, seed, iterations or _iterations_for(n))
    pos -= pos.mean(axis=0)
    pos *= _LAYOUT_SCALE
    return {
        key: (int(round(x)), int(round(y))) for key, (x, y) in zip(nodes, pos.tolist(), strict=True)
    }


# -- layout ------------------------------------------------------------------------------


def _iterations_for(n: int) -> int:
    """Fewer iterations for big graphs: each costs O(n^2)."""
    return 150 if n <= 500 else 80 if n <= 2000 else 50


def _fruchterman_reingold(
    n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, seed: int, iterations: int
) -> np.ndarray:
    """Positions (n x 2, ideal edge length 1) after ``iterations`` cooling steps."""
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5) * math.sqrt(n)
    temperature = math.sqrt(n) * 0.1
    cooling = temperature / (iterations + 1)
    gravity = 1.5 / math.sqrt(n)
    for _ in range(iterations):
        disp = _repulsion(pos)
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * (np.sqrt((delta**2).sum(axis=1)) * weight)[:, None]
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        disp -= pos * gravity * np.sqrt((pos**2).sum(axis=1))[:, None]
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _repulsion(pos: np.ndarray, block: int = 256) -> np.ndarray:
    """Sum over j of (p_i - p_j) / |p_i - p_j|^2 for every i: FR repulsion, k = 1.

    Exact, in blocks of rows, elementwise in float32: no BLAS call, so it runs on one
    thread with the same result on every machine (a multi-threaded matrix product was
    10x slower on a busy 2-core machine and may round differently per thread count).
    """
    n = len(pos)
    out = np.empty_like(pos)
    x = pos[:, 0].astype(np.float32)
    y = pos[:, 1].astype(np.float32)
    for start in range(0, n, block):
        dx = x[start : start + block, None] - x[None, :]
        dy = y[start : start + block, None] - y[None, :]
        inv = dx * dx
        inv += dy * dy
        np.maximum(inv, np.float32(1e-2), out=inv)
        np.reciprocal(inv, out=inv)
        rows = np.arange(len(inv))
        inv[rows, start + rows] = 0.0  # no self-repulsion
        dx *= inv
        dy *= inv
        out[start : start + block, 0] = dx.sum(axis=1)
        out[start : start + block, 1] = dy.sum(axis=1)
    return out


# -- page data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    """What one page shows and how it links to the others."""

    kind: str  # "graph" or "transcript"
    title: str
    subtitle: str
    root: str  # relative path from the page to the output folder ("" or "../")
    shared: _Shared
    current: str | None = None  # the transcript of a transcript page

    @property
    def everywhere(self) -> dict[str, tuple[str, ...]]:
        return self.shared.everywhere

    @property
    def transcripts(self) -> dict[str, Transcript]:
        return self.shared.transcripts


def _graph_page(kg: KnowledgeGraph, settings: Settings, shared: _Shared) -> str:
    """The page of the whole build."""
    words = sum(t.word_count for t in kg.transcripts)
    subtitle = f"{len(kg.transcripts)} transcript(s), {words:,} words"
    scope = _Scope("graph", "Knowledge graph", subtitle, "", shared)
    return _fill_page(scope.title, scope.root, script_json(_payload(kg, scope, settings)))


def _transcript_page(
    sub: KnowledgeGraph, transcript: Transcript, settings: Settings, shared: _Shared
) -> str:
    """The page of one transcript: the transcript itself beside its subgraph."""
    meta = transcript.meta
    subtitle = " · ".join(x for x in (meta.date, f"{transcript.word_count:,} words") if x)
    scope = _Scope(
        "transcript", meta.title or transcript.id, subtitle, "../", shared, transcript.id
    )
    payload = _payload(sub, scope, settings)
    payload["reader"] = _reader(transcript, sub, payload)
    return _fill_page(scope.title, scope.root, script_json(payload), reader=True)


def _payload(kg: KnowledgeGraph, scope: _Scope, settings: Settings) -> dict:
    """Everything the page's script needs, as plain sorted JSON-able data."""
    scores = _importance(kg)
    shown, left_out = _prune(kg, scores, settings.max_nodes)
    relations = sorted(shown.relations, key=_relation_order)
    entities = sorted(shown.entities, key=lambda e: e.key)
    physics = len(entities) <= PHYSICS_MAX_NODES
    positions = layout_positions([e.key for e in entities], [_layout_edge(r) for r in relations])
    values = _values(scores, [e.key for e in entities])
    counts = Counter(r.kind for r in relations)
    comention_hidden = counts["comention"] > COMENTION_SHOWN_MAX
    degree: Counter = Counter()
    for r in relations:
        if r.subject != r.object:
            degree[r.subject] += 1
            degree[r.object] += 1
    nodes = [_node(e, scores, values, positions, scope, degree[e.key]) for e in entities]
    return {
        "page": {
            "kind": scope.kind,
            "title": scope.title,
            "subtitle": scope.subtitle,
            "root": scope.root,
            "transcript": scope.current,
        },
        "counts": {
            "nodes_total": len(kg.entities),
            "edges_total": len(kg.relations),
            "nodes_shown": len(entities),
            "edges_shown": len(relations),
            "nodes_left_out": left_out[0],
            "edges_left_out": left_out[1],
            "max_nodes": settings.max_nodes,
            "unconnected": sum(1 for e in entities if not degree[e.key]),
        },
        "layout": "physics" if physics else "precomputed",
        "comention_hidden": comention_hidden,
        "types": _type_legend(entities),
        "kinds": _kind_legend(counts),
        "topics": _topic_legend(nodes, scope),
        "transcripts": _transcript_links(_linked_transcripts(entities, scope), scope),
        "nodes": nodes,
        "edges": _edges(relations, scope, comention_hidden),
        "options": _vis_options(len(entities), physics),
    }


def _topic_legend(nodes: list[dict], scope: _Scope) -> list[dict]:
    """The build's topics with at least two members drawn on this page, with their
    colour and the members drawn here, most central first."""
    drawn = {n["id"] for n in nodes}
    rows = []
    for i, topic in enumerate(scope.shared.topics):
        members = [k for k in topic.members if k in drawn]
        if len(members) < 2:
            continue
        rows.append(
            {
                "id": topic.id,
                "label": topic.label,
                "color": TOPIC_COLORS[i] if i < len(TOPIC_COLORS) else _OTHER_STYLE[0],
                "members": members,
            }
        )
    return rows


def reader_marks(
    transcript: Transcript, kg: KnowledgeGraph, edge_ids: dict[int, str] | None = None
) -> tuple[list[list], list[list]]:
    """The spans the transcript reader highlights: ``mentions`` as ``[start, end, entity
    key]`` and evidence sentences as ``[start, end, [edge ids]]``, both sorted, neither
    overlapping another of its kind, and no evidence span cutting a mention.

    Mentions that overlap an earlier (or, at the same start, a longer) one are left
    out, so every character belongs to at most one highlighted name. Evidence of typed
    and open relations (``edge_ids``: relation position in ``kg.relations`` -> edge
    id) is merged where sentences overlap and widened to whole mentions.
    """
    size = len(transcript.text)
    found = sorted(
        {
            (m.char_start, m.char_end, e.key)
            for e in kg.entities
            for m in e.mentions
            if m.transcript_id == transcript.id and 0 <= m.char_start < m.char_end <= size
        },
        key=lambda x: (x[0], -x[1], x[2]),
    )
    mentions: list[list] = []
    for start, end, key in found:
        if mentions and start < mentions[-1][1]:
            continue
        mentions.append([start, end, key])
    spans = []
    for j, r in enumerate(kg.relations):
        if r.kind not in ("typed", "open") or edge_ids is None or j not in edge_ids:
            continue
        for v in r.evidence:
            if v.transcript_id == transcript.id and 0 <= v.char_start < v.char_end <= size:
                spans.append((v.char_start, v.char_end, edge_ids[j]))
    spans.sort()
    evidence: list[list] = []
    for start, end, edge in spans:
        start, end = _widen(start, end, mentions)
        if evidence and start < evidence[-1][1]:
            evidence[-1][1] = max(evidence[-1][1], end)
            if edge not in evidence[-1][2]:
                evidence[-1][2].append(edge)
        else:
            evidence.append([start, end, [edge]])
    return mentions, evidence


def _widen(start: int, end: int, mentions: list[list]) -> tuple[int, int]:
    """``start``/``end`` moved outwards so that neither falls inside a mention."""
    starts = [m[0] for m in mentions]
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and mentions[i][0] < start < mentions[i][1]:
        start = mentions[i][0]
    i = bisect.bisect_left(starts, end) - 1
    if i >= 0 and mentions[i][0] < end < mentions[i][1]:
        end = mentions[i][1]
    return start, end


def _reader(transcript: Transcript, sub: KnowledgeGraph, payload: dict) -> dict:
    """The transcript as the reader shows it: text, segments (offsets, time, speaker,
    link to the moment), highlighted mentions of drawn entities, evidence sentences."""
    drawn = {n["id"] for n in payload["nodes"]}
    by_pair = {
        (e["from"], e["to"], e["kind"], e["predicate"], e["negated"]): e["id"]
        for e in payload["edges"]
    }
    edge_ids = {}
    for j, r in enumerate(sub.relations):
        eid = by_pair.get((r.subject, r.object, r.kind, r.predicate, r.negated))
        if eid is not None:
            edge_ids[j] = eid
    mentions, evidence = reader_marks(transcript, sub, edge_ids)
    names = {label: s.name for s in transcript.meta.speakers for label in s.labels}
    url = transcript.meta.url
    segments = []
    for seg in transcript.segments:
        link = moment_url(url, seg.start) if url and seg.start is not None else None
        speaker = names.get(seg.speaker, seg.speaker) if seg.speaker else None
        segments.append([seg.char_start, seg.char_end, format_time(seg.start), speaker, link])
    return {
        "text": transcript.text,
        "segments": segments,
        "mentions": [m for m in mentions if m[2] in drawn],
        "evidence": evidence,
        "recording": moment_url(url) if url else None,
    }


def _importance(kg: KnowledgeGraph) -> dict[str, float]:
    """``kg.graph.importance`` (PageRank); the same computed here with numpy where
    networkx's PageRank cannot run (it imports scipy, which kg does not depend on)."""
    g = nx.MultiDiGraph()  # what importance reads of to_networkx(kg): nodes, edge weights
    g.add_nodes_from(e.key for e in kg.entities)
    g.add_edges_from((r.subject, r.object, {"weight": r.weight}) for r in kg.relations)
    try:
        return importance(g)
    except ImportError:
        return _pagerank(g)


def _pagerank(
    g: nx.MultiDiGraph, alpha: float = 0.85, max_iter: int = 200, tol: float = 1e-8
) -> dict[str, float]:
    """PageRank of the undirected graph with summed edge weights (as ``importance``
    builds it): power iteration, dangling nodes spread evenly, nodes in sorted order."""
    keys = sorted(g.nodes)
    n = len(keys)
    if n == 0:
        return {}
    index = {k: i for i, k in enumerate(keys)}
    weights: Counter = Counter()
    for u, v, data in g.edges(data=True):
        if u != v:
            weights[tuple(sorted((index[u], index[v])))] += data.get("weight", 1)
    pairs = sorted(weights)
    a = np.array([p[0] for p in pairs] + [p[1] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs] + [p[0] for p in pairs], dtype=np.int64)
    w = np.array([weights[p] for p in pairs] * 2, dtype=np.float64)
    out = np.bincount(a, weights=w, minlength=n)
    dangling = out == 0
    share = np.divide(w, out[a], out=np.zeros_like(w), where=out[a] > 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        previous = x
        x = alpha * np.bincount(b, weights=previous[a] * share, minlength=n)
        x += (alpha * previous[dangling].sum() + 1.0 - alpha) / n
        if np.abs(x - previous).sum() < n * tol:
            break
    return {k: float(x[i]) for k, i in index.items()}


def _prune(
    kg: KnowledgeGraph, scores: dict[str, float], max_nodes: int
) -> tuple[KnowledgeGraph, tuple[int, int]]:
    """The ``max_nodes`` most central entities and the relations among them, and how
    many entities and relations were left out. ``max_nodes <= 0`` keeps every entity.
    Relations whose ends are not both drawn are left out (and counted) either way."""
    if max_nodes <= 0 or len(kg.entities) <= max_nodes:
        keep = {e.key for e in kg.entities}
    else:
        ranked = sorted(
            kg.entities, key=lambda e: (-scores.get(e.key, 0.0), -len(e.mentions), e.key)
        )
        keep = {e.key for e in ranked[:max_nodes]}
    entities = tuple(e for e in kg.entities if e.key in keep)
    relations = tuple(r for r in kg.relations if r.subject in keep and r.object in keep)
    left_out = (len(kg.entities) - len(entities), len(kg.relations) - len(relations))
    return KnowledgeGraph(kg.transcripts, entities, relations), left_out


def _relation_order(r: Relation) -> tuple:
    """Sort key of relations: stable edge ids and byte-identical pages."""
    return (r.subject, r.object, r.kind, r.predicate, r.negated)


def _layout_edge(r: Relation) -> tuple[str, str, float]:
    """Co-mentions pull less than stated relations; heavy edges pull more, boundedly."""
    strength = 0.35 if r.kind == "comention" else 1.0
    return r.subject, r.object, strength * min(3.0, 1.0 + math.log2(max(1, r.weight)) / 2)


def _values(scores: dict[str, float], keys: list[str]) -> dict[str, float]:
    """Node sizes in 0..1: square root of PageRank relative to the page's largest,
    so that hubs stand out without every other node shrinking to a dot."""
    top = max((scores.get(k, 0.0) for k in keys), default=0.0)
    if top <= 0:
        return dict.fromkeys(keys, 0.5)
    return {k: round(math.sqrt(scores.get(k, 0.0) / top), 4) for k in keys}


def _type_legend(entities: list[Entity]) -> list[dict]:
    """Legend rows of entity types: the seven of the ontology first, then any other."""
    counts = Counter(e.type for e in entities)
    names = list(ENTITY_TYPES) + sorted(set(counts) - set(ENTITY_TYPES))
    return [
        {"name": name, "color": _style(name)[0], "shape": _style(name)[1], "count": counts[name]}
        for name in names
    ]


def _kind_legend(counts: Counter) -> list[dict]:
    """Legend rows of relation kinds, with how many of each the page draws."""
    return [
        {"name": kind, "color": s["color"], "dashes": s["dashes"], "count": counts[kind]}
        for kind, s in KIND_STYLES.items()
    ]


def _style(entity_type: str) -> tuple[str, str]:
    """Colour and shape of a type; grey dots for types the ontology does not know."""
    return TYPE_STYLES.get(entity_type, _OTHER_STYLE)


def _linked_transcripts(entities: list[Entity], scope: _Scope) -> list[str]:
    """Transcripts the page links to: all on the graph page; on a transcript page, the
    ones its entities also appear in (each node lists at most ``MAX_NODE_TRANSCRIPTS``)."""
    if scope.kind == "graph":
        return sorted(scope.transcripts)
    ids = {tid for e in entities for tid in _node_transcripts(e, scope)}
    return sorted(ids | {scope.current} if scope.current else ids)


def _node_transcripts(e: Entity, scope: _Scope) -> list[str]:
    """Every transcript of the entity on the graph page (the transcript filter needs
    them all); on transcript pages the first ``MAX_NODE_TRANSCRIPTS``, for links."""
    ids = list(scope.everywhere.get(e.key, e.transcripts))
    return ids if scope.kind == "graph" else ids[:MAX_NODE_TRANSCRIPTS]


def _transcript_links(ids: Iterable[str], scope: _Scope) -> dict[str, dict]:
    """Title, date, recording URL and page link (relative to this page) per transcript."""
    links = {}
    for tid in ids:
        t = scope.transcripts.get(tid)
        meta = t.meta if t else None
        links[tid] = {
            "title": (meta.title if meta else None) or tid,
            "date": meta.date if meta else None,
            "url": moment_url(meta.url) if meta else None,
            "page": _page_href(scope.root, tid),
        }
    return links


def _page_href(root: str, transcript_id: str) -> str:
    """Relative link to a transcript's page."""
    return f"{root}{TRANSCRIPTS_DIR}/{quote(transcript_id)}.html"


def _node(
    e: Entity,
    scores: dict[str, float],
    values: dict[str, float],
    positions: dict[str, tuple[int, int]],
    scope: _Scope,
    degree: int = 0,
) -> dict:
    """vis-network node (normalised by pyvis) plus the facts the panel shows."""
    x, y = positions[e.key]
    node = VisNode(
        e.key,
        _style(e.type)[1],
        label=e.label,
        group=e.type if e.type in TYPE_STYLES else "Other",
        value=values[e.key],
        x=x,
        y=y,
    ).options
    transcripts = _node_transcripts(e, scope)
    linked = set(transcripts)
    shared = scope.shared
    topic = shared.topic_of.get(e.key)
    node.update(
        type=e.type,
        aliases=[a for a in e.aliases if a != e.label],
        names=shared.names.get(e.key, []),
        mentions=len(e.mentions),
        transcripts=transcripts,
        transcripts_total=len(scope.everywhere.get(e.key, e.transcripts)),
        importance=round(scores.get(e.key, 0.0), 6),
        degree=degree,
        topic=None if topic is None else shared.topics[topic].id,
        moments=[m for m in shared.moments.get(e.key, []) if m[0] in linked],
        moments_total=shared.moments_total.get(e.key, 0),
        # why it is what it is (kg/resolve.py), for the panel's "Why" and "Correct it"
        origins=[[o.name, o.rule, o.detail] for o in e.origins],
        type_reason=e.type_reason,
    )
    return node


def _edges(relations: list[Relation], scope: _Scope, comention_hidden: bool) -> list[dict]:
    """vis-network edges in a stable order; parallel edges curve apart so that their
    labels do not print on top of each other."""
    seen: Counter = Counter()
    labelled = {
        _pair(r) for r in relations if KIND_STYLES.get(r.kind, KIND_STYLES["open"])["label"]
    }
    edges = []
    for i, r in enumerate(relations):
        pair = _pair(r)
        edge = _edge(f"e{i}", r, seen[pair], scope, comention_hidden)
        seen[pair] += 1
        if pair in labelled:  # physics: leave room for the label on every edge of the pair
            edge["length"] = _LABELLED_LENGTH
        edges.append(edge)
    return edges


def _pair(r: Relation) -> tuple[str, str]:
    """The unordered pair of entities a relation joins."""
    return (r.subject, r.object) if r.subject <= r.object else (r.object, r.subject)


def _edge(edge_id: str, r: Relation, nth: int, scope: _Scope, comention_hidden: bool) -> dict:
    """vis-network edge (normalised by pyvis), styled by kind, plus its evidence."""
    style = KIND_STYLES.get(r.kind, KIND_STYLES["open"])
    label = ("not " if r.negated else "") + r.predicate
    options = {
        "id": edge_id,
        "color": {"color": style["color"], "highlight": "#d62728", "hover": "#d62728"},
        "dashes": style["dashes"],
        "width": _edge_width(r, style["width"]),
        "smooth": _curve(nth),
    }
    if r.kind == "comention" and comention_hidden:
        options["hidden"] = True
    edge = VisEdge(r.subject, r.object, directed=style["arrow"], **options).options
    evidence = sorted(
        r.evidence, key=lambda v: (v.transcript_id, v.char_start, v.char_end, v.extractor)
    )
    edge.update(
        text=label if style["label"] else None,
        predicate=r.predicate,
        kind=r.kind,
        weight=r.weight,
        roles=list(r.roles),
        negated=r.negated,
        transcripts=sorted({v.transcript_id for v in r.evidence} | {t for t, n in r.counts if n}),
        evidence=[_quote(v, scope) for v in evidence[:MAX_QUOTES_PER_EDGE]],
        evidence_total=len(evidence),
    )
    return edge


def _edge_width(r: Relation, base: float) -> float:
    """Wider for relations seen more often, logarithmically and boundedly."""
    return round(
        base + min(4.0, math.log2(max(1, r.weight)) * (0.5 if r.kind == "comention" else 1.0)), 2
    )


def _curve(nth: int) -> dict | bool:
    """Straight for the first edge of a pair, then alternating curves (no physics)."""
    if nth == 0:
        return False
    side = "curvedCW" if nth % 2 else "curvedCCW"
    return {"enabled": True, "type": side, "roundness": round(0.2 * ((nth + 1) // 2), 2)}


def _quote(v: Evidence, scope: _Scope) -> dict:
    """One piece of evidence as the panel shows it: quote, speaker, hh:mm:ss, link."""
    transcript = scope.transcripts.get(v.transcript_id)
    url = transcript.meta.url if transcript else None
    return {
        "transcript": v.transcript_id,
        "quote": v.quote,
        "speaker": v.speaker,
        "time": format_time(v.start),
        "link": moment_url(url, v.start) if v.start is not None else None,
        "extractor": v.extractor,
        "confidence": round(v.confidence, 3),
        "role": v.role,
    }


def _vis_options(n_nodes: int, physics: bool) -> dict:
    """Network options built through pyvis, then adjusted: straight edges (no hidden
    physics bodies), a capped number of stabilisation iterations, a seeded layout."""
    net = Network(directed=True)
    net.force_atlas_2based(
        gravity=-90,
        central_gravity=0.01,
        spring_length=int(_LAYOUT_SCALE),
        spring_strength=0.05,
        damping=0.6,
        overlap=0.6,
    )
    net.toggle_physics(physics)
    net.toggle_stabilization(physics)
    net.toggle_hide_edges_on_drag(n_nodes > 1000)
    options = json.loads(net.options.to_json())
    options["physics"]["stabilization"].update(
        iterations=_stabilization_iterations(n_nodes), updateInterval=25, fit=True
    )
    options["physics"]["minVelocity"] = 1.0
    options["edges"] = {
        "smooth": False,
        "arrows": {"to": {"scaleFactor": 0.55}},
        "font": {
            "size": 12,
            "color": "#4a4a4a",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "face": "system-ui, sans-serif",
        },
        "selectionWidth": 1.5,
        "hoverWidth": 0.5,
    }
    options["nodes"] = {
        "borderWidth": 1,
        "font": {
            "size": 14,
            "face": "system-ui, sans-serif",
            "color": "#1f1f1f",
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
        },
        "scaling": {
            "min": 8,
            "max": 30,
            "label": {"enabled": False},
        },
    }
    options["groups"] = {
        name: _group(color, shape)
        for name, (color, shape) in {**TYPE_STYLES, "Other": _OTHER_STYLE}.items()
    }
    options["interaction"].update(hover=True, tooltipDelay=200, keyboard=False, multiselect=False)
    options["layout"] = {"randomSeed": _LAYOUT_SEED, "improvedLayout": False}
    return options


def _stabilization_iterations(n: int) -> int:
    """Browser physics budget: enough to untangle a small page, bounded for big ones."""
    return 200 if n <= 100 else 100


def _group(color: str, shape: str) -> dict:
    """vis-network group options of one entity type."""
    border = _darker(color)
    return {
        "shape": shape,
        "color": {
            "background": color,
            "border": border,
            "highlight": {"background": color, "border": "#111111"},
            "hover": {"background": color, "border": "#111111"},
        },
    }


def _darker(color: str) -> str:
    """``color`` (#rrggbb) at 70% brightness, for node borders."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(c * 0.7):02x}" for c in rgb)


def _relation_in(r: Relation, transcript_id: str) -> Relation | None:
    """``r`` restricted to one transcript, or None when it was not seen there."""
    evidence = tuple(v for v in r.evidence if v.transcript_id == transcript_id)
    counts = tuple((t, n) for t, n in r.counts if t == transcript_id and n)
    if not evidence and not counts:
        return None
    return dataclasses.replace(r, evidence=evidence, counts=counts, count=sum(n for _, n in counts))


def _checked_types(types: Iterable[str] | None) -> tuple[str, ...] | None:
    """``types`` as the ontology spells them (case-insensitive); KgError for unknown ones."""
    if types is None:
        return None
    known = {t.lower(): t for t in ENTITY_TYPES}
    wanted = []
    for name in types:
        for part in str(name).split(","):
            if not part.strip():
                continue
            if part.strip().lower() not in known:
                raise KgError(
                    f"unknown entity type {part.strip()!r}; use one of {', '.join(ENTITY_TYPES)}"
                )
            wanted.append(known[part.strip().lower()])
    return tuple(sorted(set(wanted))) or None


def _only_types(kg: KnowledgeGraph, types: tuple[str, ...] | None) -> KnowledgeGraph:
    """``kg`` with only entities of ``types`` and the relations among them."""
    if not types:
        return kg
    entities = tuple(e for e in kg.entities if e.type in types)
    keys = {e.key for e in entities}
    relations = tuple(r for r in kg.relations if r.subject in keys and r.object in keys)
    return KnowledgeGraph(kg.transcripts, entities, relations)


# -- HTML --------------------------------------------------------------------------------


def _asset(folder: str, name: str) -> str:
    """A viewer asset shipped in the package (kg/static, kg/templates)."""
    return resources.files("kg").joinpath(folder, name).read_text(encoding="utf-8")


def _vis_js() -> str:
    """vis-network's script as bundled with pyvis."""
    return (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")


def _viewer_js() -> str:
    """The script every viewer page of a build shares: vis-network, then the viewer."""
    return _vis_js().rstrip() + "\n;\n" + _asset("static", "viz_page.js")


def _loader_js(root: str) -> str:
    """The inline script of a page at ``root`` (``""`` or ``"../"``): inserts the shared
    viewer script (allowed by the CSP's ``'strict-dynamic'``), or says it is missing."""
    src = json.dumps(root + VIEWER_JS)
    missing = json.dumps(
        f"The viewer's script ({VIEWER_JS}) is missing: open this page inside its build folder."
    )
    return (
        '(function(){var s=document.createElement("script");'
        f"s.src={src};"
        f's.onerror=function(){{document.getElementById("kg-status").textContent={missing};}};'
        "document.body.appendChild(s);})();"
    )


def _vis_css() -> str:
    """The rules of vis-network's stylesheet for the parts the viewer shows."""
    text = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    if "@" in text or "</" in text:  # at-rules: cannot filter rule by rule; keep all
        return text
    rules = [rule for rule in text.split("}") if rule.strip() and not _UNUSED_VIS_CSS.search(rule)]
    return "".join(rule + "}" for rule in rules)


def _csp(scripts: Sequence[str]) -> str:
    """No network, no plugins, no other script than the inline ``scripts`` (by hash) and
    the scripts they insert (``'strict-dynamic'``: the shared viewer script)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    sources = f"'strict-dynamic' {hashes}" if hashes else "'none'"
    return (
        f"default-src 'none'; script-src {sources}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def _fill(template: str, parts: dict[str, str]) -> str:
    """Replace every ``@@name@@`` in one pass, so inserted text is never scanned again."""
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)


def _fill_page(title: str, root: str, data: str, reader: bool = False) -> str:
    """A viewer page: template, CSP with the hash of its loader, styles, data;
    ``reader``: a transcript page, with the transcript beside the graph."""
    loader = _loader_js(root)
    return _fill(
        _asset("templates", "viz_page.html"),
        {
            "csp": html.escape(_csp([loader])),
            "title": html.escape(title),
            "body_class": "kg-with-reader" if reader else "kg-graph-only",
            "index": html.escape(root + "index.html"),
            "graph": html.escape(root + "graph.html"),
            "vis_css": _vis_css(),
            "page_css": _asset("static", "viz_page.css"),
            "data": data,
            "loader": loader,
        },
    )


def _index_page(kg: KnowledgeGraph, rows: list[tuple[Transcript, int, int]]) -> str:
    """A plain HTML list of the transcripts; no script at all."""
    body = "\n".join(_index_row(t, n_entities, n_relations) for t, n_entities, n_relations in rows)
    words = sum(t.word_count for t in kg.transcripts)
    summary = (
        f"{len(kg.transcripts)} transcript(s), {words:,} words, {len(kg.entities):,} entities, "
        f"{len(kg.relations):,} relations"
    )
    return _fill(
        _asset("templates", "viz_index.html"),
        {
            "csp": html.escape(_csp([])),
            "css": _asset("static", "viz_index.css"),
            "summary": html.escape(summary),
            "rows": body or '<tr><td colspan="7">No transcripts.</td></tr>',
        },
    )


def _index_row(t: Transcript, n_entities: int, n_relations: int) -> str:
    """One table row of the index, every value escaped."""
    meta = t.meta
    title = html.escape(meta.title or t.id)
    href = html.escape(_page_href("", t.id))
    url = moment_url(meta.url)
    recording = (
        f'<a href="{html.escape(url)}" rel="noopener noreferrer">recording</a>' if url else ""
    )
    speakers = html.escape(", ".join(s.name for s in meta.speakers))
    return (
        f'<tr><td><a href="{href}">{title}</a><div class="id">{html.escape(t.id)}</div></td>'
        f"<td>{html.escape(meta.date or '')}</td><td>{speakers}</td>"
        f'<td class="n">{t.word_count:,}</td><td class="n">{n_entities:,}</td>'
        f'<td class="n">{n_relations:,}</td><td>{recording}</td></tr>'
    )


# -- files -------------------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with LF line ends, creating folders; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _move_into_place(staging: Path, target: Path, written: list[Path]) -> list[Path]:
    """Move the staged pages into ``target``: files by rename, folders by a swap."""
    moved = []
    for name in sorted({p.relative_to(staging).parts[0] for p in written}):
        move_into_place(staging / name, target / name)
    for path in written:
        moved.append(target / path.relative_to(staging))
    return moved
