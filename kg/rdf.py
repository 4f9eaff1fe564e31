"""The knowledge graph as RDF, following the contract in ``ontology/kg.ttl``.

Relations are direct triples between entity IRIs; each observation of a relation is
also a ``kg:Assertion`` (reified statement with PROV-O provenance) carrying the quote,
transcript, segment, character offsets, times, speaker, extractor and confidence.
Per-transcript counts are ``kg:EdgeWeight`` nodes. Each transcript's statements go in
its own named graph (TriG, N-Quads); entity descriptions in ``graph/entities``.
Every IRI is minted from stable keys, so a rebuild gives the same IRIs and bytes.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .config import Settings
from .graph import KnowledgeGraph
from .model import Transcript
from .ontology import KG, PREFIXES, SCHEMA, TYPED_PREDICATES, Iris

__all__ = ["to_dataset", "union_graph", "speaker_index"]


def _time(value: float) -> Literal:
    return Literal(Decimal(f"{value:.3f}"), datatype=XSD.decimal)


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def speaker_index(kg: KnowledgeGraph) -> dict[str, str]:
    """Speaker name (as written in labels or sidecars) -> the Person entity's key."""
    names = set()
    for t in kg.transcripts:
        names |= {s.name for s in t.meta.speakers} | {s.speaker for s in t.segments if s.speaker}
    index = {}
    for e in kg.entities:
        if e.type != "Person":
            continue
        for name in (e.label, *e.aliases):
            if name in names:
                index.setdefault(name, e.key)
    return index


def to_dataset(kg: KnowledgeGraph, settings: Settings | None = None) -> Dataset:
    """The build as an RDF dataset with one named graph per transcript."""
    settings = settings or Settings()
    iris = Iris(settings.base_iri)
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    ds.bind("tr", settings.base_iri + "transcript/")
    entities = ds.graph(iris.graph("entities"))
    speakers = speaker_index(kg)
    transcripts = {t.id: t for t in kg.transcripts}

    for e in kg.entities:
        node = iris.entity(e.key)
        entities.add((node, RDF.type, KG[e.type]))
        entities.add((node, RDFS.label, Literal(e.label)))
        entities.add((node, SKOS.prefLabel, Literal(e.label)))
        for alias in e.aliases:
            entities.add((node, SKOS.altLabel, Literal(alias)))
        entities.add((node, KG.mentionCount, _int(len(e.mentions))))
        if e.lexicon_id:
            entities.add((node, KG.lexiconId, Literal(e.lexicon_id)))
        if e.description:
            entities.add((node, SKOS.definition, Literal(e.description)))
        for tid in e.transcripts:
            entities.add((node, KG.mentionedIn, iris.transcript(tid)))

    open_predicates = sorted(
        {r.predicate for r in kg.relations if r.predicate not in TYPED_PREDICATES}
    )
    for name in open_predicates:
        prop = iris.predicate(name)
        entities.add((prop, RDF.type, URIRef(str(RDF) + "Property")))
        entities.add((prop, RDFS.subPropertyOf, KG.openRelation))
        entities.add((prop, RDFS.label, Literal(name)))

    for t in kg.transcripts:
        _transcript(ds.graph(iris.graph(t.id)), t, iris, speakers)
    for e in kg.entities:
        for m in e.mentions:
            g = ds.graph(iris.graph(m.transcript_id))
            node = iris.mention(m.transcript_id, m.char_start, m.char_end, e.key)
            g.add((node, RDF.type, KG.Mention))
            g.add((node, KG.mentionOf, iris.entity(e.key)))
            g.add((node, KG.transcript, iris.transcript(m.transcript_id)))
            g.add((node, KG.segment, iris.segment(m.transcript_id, m.segment_index)))
            g.add((node, KG.charStart, _int(m.char_start)))
            g.add((node, KG.charEnd, _int(m.char_end)))
            g.add((node, KG.surface, Literal(m.surface)))
            g.add((node, KG.extractor, Literal(m.source)))
            if m.start is not None:
                g.add((node, KG.startTime, _time(m.start)))
            if m.end is not None:
                g.add((node, KG.endTime, _time(m.end)))

    for r in kg.relations:
        s, p, o = iris.entity(r.subject), iris.predicate(r.predicate), iris.entity(r.object)
        for tid, count in r.counts:
            g = ds.graph(iris.graph(tid))
            g.add((s, p, o))
            weight = iris.weight(r.subject, r.predicate, r.object, r.kind, r.negated, tid)
            g.add((weight, RDF.type, KG.EdgeWeight))
            g.add((weight, RDF.subject, s))
            g.add((weight, RDF.predicate, p))
            g.add((weight, RDF.object, o))
            g.add((weight, KG.transcript, iris.transcript(tid)))
            g.add((weight, KG.count, _int(count)))
            g.add((weight, KG.kind, Literal(r.kind)))
        for ev in r.evidence:
            g = ds.graph(iris.graph(ev.transcript_id))
            a = iris.evidence(
                r.subject,
                r.predicate,
                r.object,
                r.negated,
                ev.transcript_id,
                ev.char_start,
                ev.char_end,
                ev.extractor,
            )
            g.add((a, RDF.type, KG.Assertion))
            g.add((a, RDF.subject, s))
            g.add((a, RDF.predicate, p))
            g.add((a, RDF.object, o))
            g.add((a, KG.kind, Literal(r.kind)))
            g.add((a, KG.transcript, iris.transcript(ev.transcript_id)))
            g.add((a, PROV.wasDerivedFrom, iris.transcript(ev.transcript_id)))
            g.add((a, KG.segment, iris.segment(ev.transcript_id, ev.segment_index)))
            g.add((a, KG.charStart, _int(ev.char_start)))
            g.add((a, KG.charEnd, _int(ev.char_end)))
            g.add((a, KG.quote, Literal(ev.quote)))
            g.add((a, KG.extractor, Literal(ev.extractor)))
            g.add(
                (a, KG.confidence, Literal(Decimal(f"{ev.confidence:.2f}"), datatype=XSD.decimal))
            )
            if ev.start is not None:
                g.add((a, KG.startTime, _time(ev.start)))
            if ev.end is not None:
                g.add((a, KG.endTime, _time(ev.end)))
            if ev.speaker and ev.speaker in speakers:
                g.add((a, KG.speaker, iris.entity(speakers[ev.speaker])))
            if ev.role:
                g.add((a, KG.role, Literal(ev.role)))
            if r.negated:
                g.add((a, KG.negated, Literal(True)))
            url = transcripts[ev.transcript_id].meta.url
            if url and ev.start is not None:
                g.add((a, SCHEMA.url, URIRef(_at_time(url, ev.start))))
    return ds


def _transcript(g: Graph, t: Transcript, iris: Iris, speakers: dict[str, str]) -> None:
    node = iris.transcript(t.id)
    g.add((node, RDF.type, KG.Transcript))
    g.add((node, RDFS.label, Literal(t.meta.title or t.id)))
    if t.meta.title:
        g.add((node, DCTERMS.title, Literal(t.meta.title)))
    if t.meta.date:
        g.add((node, DCTERMS.date, Literal(t.meta.date)))
    if t.meta.url:
        g.add((node, SCHEMA.url, URIRef(t.meta.url)))
    if t.meta.source:
        g.add((node, DCTERMS.source, Literal(t.meta.source)))
    g.add((node, KG.format, Literal(t.format)))
    g.add((node, KG.sha256, Literal(t.sha256)))
    g.add((node, KG.wordCount, _int(t.word_count)))
    for s in t.meta.speakers:
        if s.name in speakers:
            g.add((node, KG.speaker, iris.entity(speakers[s.name])))
    for seg in t.segments:
        sn = iris.segment(t.id, seg.index)
        g.add((sn, RDF.type, KG.Segment))
        g.add((sn, KG.transcript, node))
        g.add((sn, KG.index, _int(seg.index)))
        g.add((sn, KG.charStart, _int(seg.char_start)))
        g.add((sn, KG.charEnd, _int(seg.char_end)))
        g.add((sn, KG.text, Literal(t.segment_text(seg))))
        if seg.start is not None:
            g.add((sn, KG.startTime, _time(seg.start)))
        if seg.end is not None:
            g.add((sn, KG.endTime, _time(seg.end)))
        if seg.speaker and seg.speaker in speakers:
            g.add((sn, KG.speaker, iris.entity(speakers[seg.speaker])))
            g.add((node, KG.speaker, iris.entity(speakers[seg.speaker])))


def _at_time(url: str, seconds: float) -> str:
    """A link to the moment in the recording (YouTube-style ``t=`` offset)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}t={int(seconds)}"


def union_graph(ds: Dataset) -> Graph:
    """All named graphs merged into one graph (what graph.ttl holds)."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
