"""The knowledge graph as RDF, following the contract in ``ontology/kg.ttl``.

Relations are direct triples between entity IRIs; each observation of a relation is
also a ``kg:Assertion`` (reified statement with PROV-O provenance) carrying the quote,
transcript, segment, character offsets, times, speaker, extractor and confidence.
Per-transcript counts are ``kg:EdgeWeight`` nodes. Each transcript's statements go in
its own named graph (TriG, N-Quads); entity descriptions in ``graph/entities``.
Every IRI is minted from stable keys, so a rebuild gives the same IRIs and bytes.

How it is written, and why: the statements are produced once, as N-Triples terms
(:func:`quads`), and written sorted as ``graph.nq`` and ``graph.nt`` by this module;
pyoxigraph turns those into ``graph.ttl`` and ``graph.trig``. Building an rdflib
``Dataset`` and serialising it took most of a large build (rdflib writes about
20,000 triples a second as Turtle, pyoxigraph about a million; figures in
``bench/throughput.py --compare-rdflib`` and the README), and rdflib is not needed to
produce text. :func:`to_dataset` still gives the same statements as an rdflib
``Dataset`` for code that wants the rdflib API.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .config import Settings
from .errors import BuildError
from .graph import KnowledgeGraph
from .links import moment_url
from .model import Entity, Evidence, Mention, Relation, Transcript
from .ontology import KG, PREFIXES, SCHEMA, TYPED_PREDICATES, Iris
from .ontology import stable_hash as _hash
from .topics import find_topics

__all__ = [
    "to_dataset",
    "union_graph",
    "speaker_index",
    "quads",
    "write_rdf",
    "RDF_FILES",
    "prefixes",
    "topic_quads",
]

#: The RDF files :func:`write_rdf` writes into a folder.
RDF_FILES = ("graph.nq", "graph.nt", "graph.ttl", "graph.trig")


def _ref(iri: str) -> str:
    return f"<{iri}>"


# Predicates and classes as N-Triples terms, formatted once.
_TYPE = _ref(RDF.type)
_SUBJECT, _PREDICATE, _OBJECT = _ref(RDF.subject), _ref(RDF.predicate), _ref(RDF.object)
_PROPERTY = _ref("http://www.w3.org/2002/07/owl#ObjectProperty")
_LABEL = _ref(RDFS.label)
_SUBPROPERTY = _ref(RDFS.subPropertyOf)
_PREF, _ALT, _DEFINITION = _ref(SKOS.prefLabel), _ref(SKOS.altLabel), _ref(SKOS.definition)
_TITLE, _DATE, _SOURCE = _ref(DCTERMS.title), _ref(DCTERMS.date), _ref(DCTERMS.source)
_DERIVED = _ref(PROV.wasDerivedFrom)
_URL = _ref(SCHEMA.url)
_INTEGER, _DECIMAL, _BOOLEAN = _ref(XSD.integer), _ref(XSD.decimal), _ref(XSD.boolean)
_K = {
    name: _ref(KG[name])
    for name in (
        "Transcript",
        "Segment",
        "Mention",
        "Assertion",
        "EdgeWeight",
        "mentionCount",
        "lexiconId",
        "mentionedIn",
        "openRelation",
        "mentionOf",
        "transcript",
        "segment",
        "charStart",
        "charEnd",
        "surface",
        "extractor",
        "startTime",
        "endTime",
        "count",
        "kind",
        "quote",
        "confidence",
        "speaker",
        "role",
        "tense",
        "time",
        "negated",
        "format",
        "sha256",
        "wordCount",
        "index",
        "text",
    )
}
_KG_TYPES: dict[str, str] = {}

# Characters IRIREF forbids; percent-encoded where they occur in a given URL.
_IRI_FORBIDDEN = {c: f"%{ord(c):02X}" for c in '<>"{}|^`\\'} | {
    chr(i): f"%{i:02X}" for i in range(0x21)
}
_IRI_TABLE = str.maketrans(_IRI_FORBIDDEN)


def _iri(value: str) -> str:
    """An IRI given by the input (a sidecar URL) as a term; forbidden characters escaped."""
    return f"<{value.translate(_IRI_TABLE)}>"


def _str(value: str) -> str:
    """A plain string literal, escaped exactly as rdflib's N-Triples writer does."""
    escaped = (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    )
    return f'"{escaped}"'


_DATE_TYPES = (
    (re.compile(r"^\d{4}$"), _ref(XSD.gYear)),
    (re.compile(r"^\d{4}-\d{2}$"), _ref(XSD.gYearMonth)),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), _ref(XSD.date)),
    (
        re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$"),
        _ref(XSD.dateTime),
    ),
)


def _date(value: str) -> str:
    """A sidecar date as the XSD type its precision says (``2023`` is an ``xsd:gYear``,
    ``2023-05-01`` an ``xsd:date``), so SPARQL can compare and filter dates."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return f"{_str(value)}^^{datatype}"
    return _str(value)


def _int(value: int) -> str:
    return f'"{int(value)}"^^{_INTEGER}'


def _time(value: float) -> str:
    return f'"{value:.3f}"^^{_DECIMAL}'


def _confidence(value: float) -> str:
    return f'"{value:.2f}"^^{_DECIMAL}'


def _class(name: str) -> str:
    term = _KG_TYPES.get(name)
    if term is None:
        term = _KG_TYPES[name] = _ref(KG[name])
    return term


def speaker_index(kg: KnowledgeGraph) -> dict[str, str]:
    """Speaker name (as written in labels or sidecars) -> the Person entity's key."""
    names = set()
    for t in kg.transcripts:
        names |= t.speaker_names()
    index = {}
    for e in kg.entities:
        if e.type != "Person":
            continue
        for name in (e.label, *e.aliases):
            if name in names:
                index.setdefault(name, e.key)
    return index


def prefixes(settings: Settings | None = None) -> dict[str, str]:
    """The prefixes bound in ``graph.ttl`` and ``graph.trig``."""
    settings = settings or Settings()
    return {**PREFIXES, "tr": settings.base_iri + "transcript/"}


class _Terms:
    """Mints IRIs as N-Triples terms through :class:`~kg.ontology.Iris`, remembering the
    ones used again and again (entities, transcripts, segments, predicates)."""

    def __init__(self, iris: Iris):
        self.iris = iris
        self._entity: dict[str, str] = {}
        self._transcript: dict[str, str] = {}
        self._graph: dict[str, str] = {}
        self._segment: dict[tuple[str, int], str] = {}
        self._predicate: dict[str, str] = {}

    def entity(self, key: str) -> str:
        term = self._entity.get(key)
        if term is None:
            term = self._entity[key] = _ref(self.iris.entity(key))
        return term

    def transcript(self, tid: str) -> str:
        term = self._transcript.get(tid)
        if term is None:
            term = self._transcript[tid] = _ref(self.iris.transcript(tid))
        return term

    def graph(self, tid: str) -> str:
        term = self._graph.get(tid)
        if term is None:
            term = self._graph[tid] = _ref(self.iris.graph(tid))
        return term

    def segment(self, tid: str, index: int) -> str:
        term = self._segment.get((tid, index))
        if term is None:
            term = self._segment[(tid, index)] = _ref(self.iris.segment(tid, index))
        return term

    def predicate(self, name: str) -> str:
        term = self._predicate.get(name)
        if term is None:
            term = self._predicate[name] = _ref(self.iris.predicate(name))
        return term


Quad = tuple[str, str, str, str]  # subject, predicate, object, graph as N-Triples terms


def quads(kg: KnowledgeGraph, settings: Settings | None = None) -> Iterator[Quad]:
    """Every statement of the build as (subject, predicate, object, graph) N-Triples terms,
    duplicates included (a relation seen in two transcripts is stated in both graphs)."""
    settings = settings or Settings()
    terms = _Terms(Iris(settings.base_iri))
    speakers = speaker_index(kg)
    transcripts = {t.id: t for t in kg.transcripts}
    yield from _entity_quads(kg.entities, terms)
    yield from _predicate_quads(kg.relations, terms)
    for t in kg.transcripts:
        yield from _transcript_quads(t, terms, speakers)
    for e in kg.entities:
        for m in e.mentions:
            yield from _mention_quads(e, m, terms)
    for r in kg.relations:
        yield from _relation_quads(r, terms, speakers, transcripts)
    yield from topic_quads(kg, terms)
    yield from explanation_quads(kg, terms)


def explanation_quads(kg: KnowledgeGraph, terms: _Terms) -> Iterator[Quad]:
    """Why each entity is what it is, and the user's corrections, in ``graph/entities``:
    a ``kg:NameOrigin`` per name (``kg:name``, ``kg:rule``, ``kg:ruleDetail``), the
    entity's ``kg:typeReason``, and each applied entry of the curation file as a
    ``kg:Correction`` (a ``prov:Activity`` with ``kg:sourceFile`` and ``kg:sourceLine``)
    that the entities it changed were ``prov:wasInfluencedBy`` and the names and
    assertions it added ``prov:wasGeneratedBy``."""
    g = terms.graph("entities")
    base = terms.iris.base
    activity = {}
    for c in kg.corrections:
        node = activity[f"{c.file}:{c.line}"] = _ref(base[f"correction/{_hash(c.file, c.line)}"])
        yield node, _TYPE, _ref(KG["Correction"]), g
        yield node, _TYPE, _ref(PROV.Activity), g
        yield node, _LABEL, _str(c.summary), g
        yield node, _ref(KG["action"]), _str(c.action), g
        yield node, _ref(KG["sourceFile"]), _str(c.file), g
        yield node, _ref(KG["sourceLine"]), _int(c.line), g
        for key in c.entities:
            if key in kg._by_key():
                yield terms.entity(key), _ref(PROV.wasInfluencedBy), node, g
    generated = _ref(PROV.wasGeneratedBy)
    for e in kg.entities:
        entity = terms.entity(e.key)
        if e.type_reason:
            yield entity, _ref(KG["typeReason"]), _str(e.type_reason), g
        for o in e.origins:
            node = _ref(base[f"origin/{_hash(e.key, o.name)}"])
            yield entity, _ref(KG["nameOrigin"]), node, g
            yield node, _TYPE, _ref(KG["NameOrigin"]), g
            yield node, _ref(KG["name"]), _str(o.name), g
            yield node, _ref(KG["rule"]), _str(o.rule), g
            yield node, _ref(KG["ruleDetail"]), _str(o.detail), g
            if o.rule == "correction":
                by = next((a for w, a in activity.items() if o.detail.startswith(w + " ")), None)
                if by:
                    yield node, generated, by, g
    if not activity:
        return
    iris = terms.iris
    for r in kg.relations:
        for ev in r.evidence:
            if ev.extractor.startswith("curation:"):
                by = next((a for w, a in activity.items() if _curated(ev.extractor, w)), None)
                if by:
                    a = iris.evidence(
                        r.subject, r.predicate, r.object, r.negated,
                        ev.transcript_id, ev.char_start, ev.char_end, ev.extractor,
                    )  # fmt: skip
                    yield _ref(a), generated, by, terms.graph(ev.transcript_id)


def _curated(extractor: str, where: str) -> bool:
    """Whether evidence made by ``extractor`` ("curation:NAME:LINE") comes from the
    correction written at ``where`` ("path/NAME:LINE")."""
    name_line = extractor.removeprefix("curation:")
    return where == name_line or where.endswith("/" + name_line)


def topic_quads(kg: KnowledgeGraph, terms: _Terms) -> Iterator[Quad]:
    """The build's topics (:func:`kg.topics.find_topics`) in ``graph/entities``: each a
    ``kg:Topic`` (a ``skos:Collection``) with its name as ``rdfs:label`` and
    ``skos:prefLabel``, a ``skos:member`` per entity and ``kg:rank`` 1 for the first
    topic, the largest. The IRI is ``<base>topic/<key of its most central member>``."""
    g = terms.graph("entities")
    member = _ref(SKOS.member)
    for rank, topic in enumerate(find_topics(kg), start=1):
        node = _ref(terms.iris.base[f"topic/{topic.id.removeprefix('topic-')}"])
        label = _str(topic.label)
        yield node, _TYPE, _ref(KG["Topic"]), g
        yield node, _LABEL, label, g
        yield node, _PREF, label, g
        yield node, _ref(KG["rank"]), _int(rank), g
        for key in topic.members:
            yield node, member, terms.entity(key), g


def _entity_quads(entities: Iterable[Entity], terms: _Terms) -> Iterator[Quad]:
    g = terms.graph("entities")
    for e in entities:
        node = terms.entity(e.key)
        label = _str(e.label)
        yield node, _TYPE, _class(e.type), g
        yield node, _LABEL, label, g
        yield node, _PREF, label, g
        for alias in e.aliases:
            yield node, _ALT, _str(alias), g
        yield node, _K["mentionCount"], _int(len(e.mentions)), g
        if e.lexicon_id:
            yield node, _K["lexiconId"], _str(e.lexicon_id), g
        if e.description:
            yield node, _DEFINITION, _str(e.description), g
        for tid in e.transcripts:
            yield node, _K["mentionedIn"], terms.transcript(tid), g


def _predicate_quads(relations: Iterable[Relation], terms: _Terms) -> Iterator[Quad]:
    """Open relations (verb phrases) are declared as sub-properties of kg:openRelation."""
    g = terms.graph("entities")
    for name in sorted({r.predicate for r in relations if r.predicate not in TYPED_PREDICATES}):
        prop = terms.predicate(name)
        yield prop, _TYPE, _PROPERTY, g
        yield prop, _SUBPROPERTY, _K["openRelation"], g
        yield prop, _LABEL, _str(name), g


def _transcript_quads(t: Transcript, terms: _Terms, speakers: dict[str, str]) -> Iterator[Quad]:
    g = terms.graph(t.id)
    node = terms.transcript(t.id)
    yield node, _TYPE, _K["Transcript"], g
    yield node, _LABEL, _str(t.meta.title or t.id), g
    if t.meta.title:
        yield node, _TITLE, _str(t.meta.title), g
    if t.meta.date:
        yield node, _DATE, _date(t.meta.date), g
    if t.meta.url:
        yield node, _URL, _iri(t.meta.url), g
    if t.meta.source:
        yield node, _SOURCE, _str(t.meta.source), g
    yield node, _K["format"], _str(t.format), g
    yield node, _K["sha256"], _str(t.sha256), g
    yield node, _K["wordCount"], _int(t.word_count), g
    for s in t.meta.speakers:
        if s.name in speakers:
            yield node, _K["speaker"], terms.entity(speakers[s.name]), g
    for seg in t.segments:
        sn = terms.segment(t.id, seg.index)
        yield sn, _TYPE, _K["Segment"], g
        yield sn, _K["transcript"], node, g
        yield sn, _K["index"], _int(seg.index), g
        yield sn, _K["charStart"], _int(seg.char_start), g
        yield sn, _K["charEnd"], _int(seg.char_end), g
        yield sn, _K["text"], _str(t.segment_text(seg)), g
        if seg.start is not None:
            yield sn, _K["startTime"], _time(seg.start), g
        if seg.end is not None:
            yield sn, _K["endTime"], _time(seg.end), g
        if seg.speaker and seg.speaker in speakers:
            person = terms.entity(speakers[seg.speaker])
            yield sn, _K["speaker"], person, g
            yield node, _K["speaker"], person, g


def _mention_quads(e: Entity, m: Mention, terms: _Terms) -> Iterator[Quad]:
    tid = m.transcript_id
    g = terms.graph(tid)
    node = _ref(terms.iris.mention(tid, m.char_start, m.char_end, e.key))
    yield node, _TYPE, _K["Mention"], g
    yield node, _K["mentionOf"], terms.entity(e.key), g
    yield node, _K["surface"], _str(m.surface), g
    yield node, _K["extractor"], _str(m.source), g
    yield from _place_quads(node, terms, m, g)


def _place_quads(node: str, terms: _Terms, at: Mention | Evidence, g: str) -> Iterator[Quad]:
    """Where a mention or a piece of evidence is: transcript, segment, characters, times."""
    tid = at.transcript_id
    yield node, _K["transcript"], terms.transcript(tid), g
    yield node, _K["segment"], terms.segment(tid, at.segment_index), g
    yield node, _K["charStart"], _int(at.char_start), g
    yield node, _K["charEnd"], _int(at.char_end), g
    if at.start is not None:
        yield node, _K["startTime"], _time(at.start), g
    if at.end is not None:
        yield node, _K["endTime"], _time(at.end), g


def _relation_quads(
    r: Relation, terms: _Terms, speakers: dict[str, str], transcripts: dict[str, Transcript]
) -> Iterator[Quad]:
    iris = terms.iris
    s, p, o = terms.entity(r.subject), terms.predicate(r.predicate), terms.entity(r.object)
    kind = _str(r.kind)
    for tid, count in r.counts:
        g = terms.graph(tid)
        if not r.negated:  # "X does not work for Y" must not assert that X works for Y
            yield s, p, o, g
        weight = _ref(iris.weight(r.subject, r.predicate, r.object, r.kind, r.negated, tid))
        yield weight, _TYPE, _K["EdgeWeight"], g
        yield weight, _SUBJECT, s, g
        yield weight, _PREDICATE, p, g
        yield weight, _OBJECT, o, g
        yield weight, _K["transcript"], terms.transcript(tid), g
        yield weight, _K["count"], _int(count), g
        yield weight, _K["kind"], kind, g
    for ev in r.evidence:
        tid = ev.transcript_id
        g = terms.graph(tid)
        a = _ref(
            iris.evidence(
                r.subject,
                r.predicate,
                r.object,
                r.negated,
                tid,
                ev.char_start,
                ev.char_end,
                ev.extractor,
            )
        )
        yield a, _TYPE, _K["Assertion"], g
        yield a, _SUBJECT, s, g
        yield a, _PREDICATE, p, g
        yield a, _OBJECT, o, g
        yield a, _K["kind"], kind, g
        yield a, _DERIVED, terms.transcript(tid), g
        yield from _place_quads(a, terms, ev, g)
        yield a, _K["quote"], _str(ev.quote), g
        yield a, _K["extractor"], _str(ev.extractor), g
        yield a, _K["confidence"], _confidence(ev.confidence), g
        if ev.speaker and ev.speaker in speakers:
            yield a, _K["speaker"], terms.entity(speakers[ev.speaker]), g
        if ev.role:
            yield a, _K["role"], _str(ev.role), g
        if ev.tense:
            yield a, _K["tense"], _str(ev.tense), g
        if ev.time:
            yield a, _K["time"], _str(ev.time), g
        if r.negated:
            yield a, _K["negated"], f'"true"^^{_BOOLEAN}', g
        url = transcripts[tid].meta.url
        moment = moment_url(url, ev.start) if url and ev.start is not None else None
        if moment:
            yield a, _URL, _iri(moment), g


def _by_graph(kg: KnowledgeGraph, settings: Settings | None) -> dict[str, set[str]]:
    """Statements grouped by named graph, each as an N-Triples line without the final dot."""
    graphs: dict[str, set[str]] = defaultdict(set)
    for s, p, o, g in quads(kg, settings):
        graphs[g].add(f"{s} {p} {o}")
    return graphs


def write_rdf(
    kg: KnowledgeGraph,
    folder: str | Path,
    settings: Settings | None = None,
    on_nquads: Callable[[Path], None] | None = None,
    defer: list[Callable[..., None]] | None = None,
) -> dict[str, int]:
    """Write ``graph.nq``, ``graph.nt`` (sorted lines), ``graph.ttl`` (the union of the
    named graphs) and ``graph.trig`` into ``folder``; returns the triple and quad counts.
    ``on_nquads(path)`` is called as soon as ``graph.nq`` is complete (the build starts
    loading the store from it while the other files are written).

    Turtle and TriG are written by pyoxigraph in a child process, from files written
    here, while this process goes on: with ``defer`` the function that waits for it
    (and raises if it failed) is appended there for the caller to run before using
    the files; without, it is waited for before returning.

    The same graph gives the same bytes: the N-Triples/N-Quads lines are sorted, and
    Turtle/TriG are written by pyoxigraph from that sorted order (graph by graph for
    TriG), so subjects come grouped and in a fixed order. Each graph's statements are
    sorted once; the files' orders are merges of those sorted runs.
    """
    folder = Path(folder)
    graphs = _by_graph(kg, settings)
    names = sorted(graphs)
    runs = {g: sorted(graphs.pop(g)) for g in names}  # each graph's triples, sorted once
    # (triple, graph) pairs sort like the N-Quads lines they become, and cost less memory
    # than the lines; built graph by graph, they are sorted runs that Timsort merges
    pairs = sorted((t, g) for g in names for t in runs[g])
    with open(folder / "graph.nq", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{t} {g} .\n" for t, g in pairs)
    quad_count = len(pairs)
    del pairs
    if on_nquads is not None:
        on_nquads(folder / "graph.nq")
    triple_count = _write_unique(
        folder / "graph.nt", sorted(itertools.chain.from_iterable(runs.values()))
    )
    by_graph = folder / _BY_GRAPH
    with open(by_graph, "w", encoding="utf-8", newline="\n") as f:
        for g in names:
            f.writelines(f"{t} {g} .\n" for t in runs[g])
    wait = _serialise_in_background(folder, by_graph, prefixes(settings))
    if defer is not None:
        defer.append(wait)
    else:
        wait()
    return {"triples": triple_count, "quads": quad_count}


#: N-Quads grouped by graph, the input of the TriG writer (removed once it is done).
_BY_GRAPH = ".graph-by-graph.nq"

_SERIALISER = """
import json, os, sys
if sys.platform.startswith("linux"):  # die with the build, even when it is killed (-9)
    import ctypes, signal
    ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
if os.getppid() != int(sys.argv[6]):  # the build died before the line above ran
    sys.exit(1)
import pyoxigraph as ox
nt, by_graph, ttl, trig, bound = sys.argv[1:6]
bound = json.loads(bound)
ox.serialize(ox.parse(path=nt, format=ox.RdfFormat.N_TRIPLES), output=ttl,
             format=ox.RdfFormat.TURTLE, prefixes=bound)
ox.serialize(ox.parse(path=by_graph, format=ox.RdfFormat.N_QUADS), output=trig,
             format=ox.RdfFormat.TRIG, prefixes=bound)
"""


def _serialise_in_background(
    folder: Path, by_graph: Path, bound: dict[str, str]
) -> Callable[..., None]:
    """Start the Turtle and TriG writers in a child process (pyoxigraph's serialisers
    hold the GIL, so a thread would not overlap them with the rest of the build);
    returns the function that waits for them (``cancel=True`` stops them instead).

    The child dies with this process even when it is killed with SIGKILL, where no
    ``finally`` runs: on Linux it asks the kernel for SIGKILL when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``), then checks that its parent is still the one that
    started it (it may have died before the request)."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _SERIALISER,
            str(folder / "graph.nt"),
            str(by_graph),
            str(folder / "graph.ttl"),
            str(folder / "graph.trig"),
            json.dumps(bound),
            str(os.getpid()),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def wait(cancel: bool = False) -> None:
        if cancel:  # the build failed or was interrupted: stop the writers
            child.kill()
        _, err = child.communicate()
        by_graph.unlink(missing_ok=True)
        if cancel:
            return
        if child.returncode != 0:
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise BuildError(f"writing graph.ttl and graph.trig failed: {last[0]}")

    return wait


def _write_unique(path: Path, triples: list[str]) -> int:
    """Write sorted triples as N-Triples lines, each once; returns how many."""
    count, previous = 0, None
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for t in triples:
            if t != previous:
                f.write(f"{t} .\n")
                count += 1
                previous = t
    return count


def to_dataset(kg: KnowledgeGraph, settings: Settings | None = None) -> Dataset:
    """The build as an rdflib ``Dataset`` with one named graph per transcript: the same
    statements :func:`write_rdf` writes (slow for large builds; for the rdflib API)."""
    text = "".join(
        f"{t} {g} .\n" for g, triples in _by_graph(kg, settings).items() for t in triples
    )
    ds = Dataset()
    for prefix, ns in prefixes(settings).items():
        ds.bind(prefix, ns, override=True, replace=True)
    ds.parse(data=text, format="nquads")
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All named graphs merged into one graph (what graph.ttl holds)."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
