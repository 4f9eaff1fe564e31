"""The build as a labelled property graph: the one model every graph-database target writes.

Neo4j, FalkorDB and Kuzu all receive exactly these nodes and relationships, so their
counts agree and one Cypher question means the same thing in each of them.

Nodes (``id`` is unique within each label and equals the local name of the RDF IRI):

- ``Entity`` (plus its type as a second label: ``Person``, ``Organization``, ``Place``,
  ``Product``, ``Work``, ``Concept``, ``Event``): id, iri, label, type, aliases[],
  mentions, transcripts[], lexicon_id, description.
- ``Evidence``: one quote that supports one relationship: id, iri, relation (the ``id``
  of the relationship it supports), subject, predicate, object, kind, negated, quote,
  transcript, segment, char_start, char_end, start_time, end_time (seconds), speaker, role,
  extractor, confidence, url (the recording at that moment).
- ``Transcript``: id, iri, title, date, url, source, format, words, segments.

Relationships:

- between entities, one per ``Relation``: typed relations get their ontology name in
  upper snake case (``worksFor`` -> ``WORKS_FOR``, ``relatedTo`` -> ``RELATED_TO``);
  open relations (verb phrases) are all ``OPEN_RELATION`` with the phrase in
  ``predicate``, so the schema stays small however many verbs a corpus has. Properties:
  id, iri, predicate, kind, weight, evidence_count, roles[], negated.
- ``(:Entity)-[:HAS_EVIDENCE]->(:Evidence)`` from the relation's subject;
  ``Evidence.relation`` names the relationship, so the quotes of one edge are
  ``MATCH (s)-[r:WORKS_FOR]->(o), (s)-[:HAS_EVIDENCE]->(e:Evidence {relation: r.id})``.
- ``(:Entity)-[:MENTIONED_IN {mentions}]->(:Transcript)``.
- ``(:Evidence)-[:QUOTED_IN]->(:Transcript)``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..graph import KnowledgeGraph
from ..links import moment_url
from ..model import Evidence, Relation, Transcript
from ..ontology import TYPED_PREDICATES, Iris, stable_hash

__all__ = [
    "Column",
    "NodeTable",
    "Rel",
    "RelTable",
    "PropertyGraph",
    "COLUMN_TYPES",
    "OPEN_RELATION",
    "RELATIONS",
    "RELATION_TYPES",
    "relationship_type",
    "relation_id",
    "evidence_id",
    "property_graph",
]

#: Column types, named as ``neo4j-admin database import`` names them.
COLUMN_TYPES = ("string", "int", "float", "boolean", "string[]")

#: The relationship type of every open (verb phrase) relation.
OPEN_RELATION = "OPEN_RELATION"

#: Name of the relationship group between entities (one CSV file, many types).
RELATIONS = "relations"


@dataclass(frozen=True, slots=True)
class Column:
    """A property column: its name and one of ``COLUMN_TYPES``."""

    name: str
    type: str = "string"


@dataclass(frozen=True)
class NodeTable:
    """Nodes of one id space. ``label_column`` holds each node's second label, if any."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]
    label_column: str | None = None

    def labels(self, row: dict[str, Any]) -> tuple[str, ...]:
        """Every label of a node: the table's name, then its type when it has one."""
        extra = row.get(self.label_column) if self.label_column else None
        return (self.name, extra) if extra else (self.name,)


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship: ids of its start and end nodes, its type, its properties."""

    start: str
    end: str
    type: str
    props: dict[str, Any]


@dataclass(frozen=True)
class RelTable:
    """Relationships from one node table to another sharing one set of property columns."""

    name: str
    start: str
    end: str
    columns: tuple[Column, ...]
    rows: tuple[Rel, ...]

    @property
    def types(self) -> tuple[str, ...]:
        """The relationship types present, sorted."""
        return tuple(sorted({r.type for r in self.rows}))

    @property
    def keyed(self) -> bool:
        """Whether each relationship has its own ``id`` (else the endpoints identify it)."""
        return any(c.name == "id" for c in self.columns)


@dataclass(frozen=True)
class PropertyGraph:
    """Node tables and relationship tables, in a fixed order with rows sorted by id."""

    nodes: tuple[NodeTable, ...]
    rels: tuple[RelTable, ...]

    def node_table(self, name: str) -> NodeTable:
        """The node table called ``name`` (``Entity``, ``Evidence``, ``Transcript``)."""
        return next(t for t in self.nodes if t.name == name)

    def rel_table(self, name: str) -> RelTable:
        """The relationship table called ``name`` (``relations``, ``HAS_EVIDENCE`` ...)."""
        return next(t for t in self.rels if t.name == name)

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type: what every database must hold."""
        counts: Counter[str] = Counter()
        for table in self.nodes:
            for row in table.rows:
                counts.update(table.labels(row))
        for rtable in self.rels:
            counts.update(r.type for r in rtable.rows)
        return dict(sorted(counts.items()))

    @property
    def node_count(self) -> int:
        """Nodes in all tables."""
        return sum(len(t.rows) for t in self.nodes)

    @property
    def rel_count(self) -> int:
        """Relationships in all tables."""
        return sum(len(t.rows) for t in self.rels)


ENTITY_COLUMNS = (
    Column("id"),
    Column("iri"),
    Column("label"),
    Column("type"),
    Column("aliases", "string[]"),
    Column("mentions", "int"),
    Column("transcripts", "string[]"),
    Column("lexicon_id"),
    Column("description"),
)
EVIDENCE_COLUMNS = (
    Column("id"),
    Column("iri"),
    Column("relation"),
    Column("subject"),
    Column("predicate"),
    Column("object"),
    Column("kind"),
    Column("negated", "boolean"),
    Column("quote"),
    Column("transcript"),
    Column("segment", "int"),
    Column("char_start", "int"),
    Column("char_end", "int"),
    Column("start_time", "float"),
    Column("end_time", "float"),
    Column("speaker"),
    Column("role"),
    Column("extractor"),
    Column("confidence", "float"),
    Column("url"),
)
TRANSCRIPT_COLUMNS = (
    Column("id"),
    Column("iri"),
    Column("title"),
    Column("date"),
    Column("url"),
    Column("source"),
    Column("format"),
    Column("words", "int"),
    Column("segments", "int"),
)
RELATION_COLUMNS = (
    Column("id"),
    Column("iri"),
    Column("predicate"),
    Column("kind"),
    Column("weight", "int"),
    Column("evidence_count", "int"),
    Column("roles", "string[]"),
    Column("negated", "boolean"),
)
MENTIONED_IN_COLUMNS = (Column("mentions", "int"),)


def relationship_type(predicate: str) -> str:
    """Neo4j-style type of a relation: ``worksFor`` -> ``WORKS_FOR``; open ones -> ``OPEN_RELATION``."""
    if predicate not in TYPED_PREDICATES:
        return OPEN_RELATION
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


#: Every relationship type an entity-to-entity relation can have, whatever the build holds.
RELATION_TYPES = tuple(sorted({relationship_type(p) for p in TYPED_PREDICATES} | {OPEN_RELATION}))


def relation_id(r: Relation) -> str:
    """Stable id of a relation: the same in every build of the same input."""
    return stable_hash(r.subject, r.predicate, r.object, r.kind, r.negated)


def evidence_id(r: Relation, ev: Evidence) -> str:
    """Stable id of one piece of evidence: the local name of its RDF ``kg:Assertion``."""
    return stable_hash(
        r.subject,
        r.predicate,
        r.object,
        r.negated,
        ev.transcript_id,
        ev.char_start,
        ev.char_end,
        ev.extractor,
    )


def _entity_rows(kg: KnowledgeGraph, iris: Iris) -> tuple[dict[str, Any], ...]:
    return tuple(
        {
            "id": e.key,
            "iri": str(iris.entity(e.key)),
            "label": e.label,
            "type": e.type,
            "aliases": list(e.aliases),
            "mentions": len(e.mentions),
            "transcripts": list(e.transcripts),
            "lexicon_id": e.lexicon_id,
            "description": e.description,
        }
        for e in sorted(kg.entities, key=lambda e: e.key)
    )


def _transcript_row(t: Transcript, iris: Iris) -> dict[str, Any]:
    return {
        "id": t.id,
        "iri": str(iris.transcript(t.id)),
        "title": t.meta.title,
        "date": t.meta.date,
        "url": t.meta.url,
        "source": t.meta.source,
        "format": t.format,
        "words": t.word_count,
        "segments": len(t.segments),
    }


def _relation_rel(r: Relation, iris: Iris) -> Rel:
    props = {
        "id": relation_id(r),
        "iri": str(iris.predicate(r.predicate)),
        "predicate": r.predicate,
        "kind": r.kind,
        "weight": r.weight,
        "evidence_count": len(r.evidence),
        "roles": list(r.roles),
        "negated": r.negated,
    }
    return Rel(r.subject, r.object, relationship_type(r.predicate), props)


def _evidence_row(
    r: Relation, ev: Evidence, urls: dict[str, str | None], iris: Iris
) -> dict[str, Any]:
    eid = evidence_id(r, ev)
    return {
        "id": eid,
        "iri": str(iris.base[f"evidence/{eid}"]),
        "relation": relation_id(r),
        "subject": r.subject,
        "predicate": r.predicate,
        "object": r.object,
        "kind": r.kind,
        "negated": r.negated,
        "quote": ev.quote,
        "transcript": ev.transcript_id,
        "segment": ev.segment_index,
        "char_start": ev.char_start,
        "char_end": ev.char_end,
        "start_time": ev.start,
        "end_time": ev.end,
        "speaker": ev.speaker,
        "role": ev.role,
        "extractor": ev.extractor,
        "confidence": ev.confidence,
        "url": moment_url(urls.get(ev.transcript_id), ev.start) if ev.start is not None else None,
    }


def property_graph(kg: KnowledgeGraph, base_iri: str | None = None) -> PropertyGraph:
    """The property-graph view of a build (see the module docstring for its schema).

    Deterministic: tables in a fixed order, rows sorted by id. Evidence seen twice
    under the same id (the same quote for the same edge) is kept once.
    """
    iris = Iris(base_iri) if base_iri else Iris()
    relations = sorted(
        kg.relations, key=lambda r: (r.subject, r.predicate, r.object, r.kind, r.negated)
    )
    urls = {t.id: t.meta.url for t in kg.transcripts}
    evidence: dict[str, dict[str, Any]] = {}
    has_evidence: dict[str, Rel] = {}
    for r in relations:
        for ev in r.evidence:
            row = _evidence_row(r, ev, urls, iris)
            evidence.setdefault(row["id"], row)
            has_evidence.setdefault(row["id"], Rel(r.subject, row["id"], "HAS_EVIDENCE", {}))
    evidence_rows = tuple(evidence[k] for k in sorted(evidence))
    # one per transcript the entity is in (mentioned or speaking: Entity.transcripts,
    # the definition every count uses); a speaker never named in the text has 0 mentions
    mentioned = [
        Rel(e.key, tid, "MENTIONED_IN", {"mentions": counted.get(tid, 0)})
        for e in sorted(kg.entities, key=lambda e: e.key)
        for counted in [Counter(m.transcript_id for m in e.mentions)]
        for tid in e.transcripts
    ]
    nodes = (
        NodeTable("Entity", ENTITY_COLUMNS, _entity_rows(kg, iris), label_column="type"),
        NodeTable("Evidence", EVIDENCE_COLUMNS, evidence_rows),
        NodeTable(
            "Transcript",
            TRANSCRIPT_COLUMNS,
            tuple(_transcript_row(t, iris) for t in sorted(kg.transcripts, key=lambda t: t.id)),
        ),
    )
    rel_rows = tuple(
        sorted(
            (_relation_rel(r, iris) for r in relations),
            key=lambda x: (x.start, x.type, x.end, x.props["id"]),
        )
    )
    rels = (
        RelTable(RELATIONS, "Entity", "Entity", RELATION_COLUMNS, rel_rows),
        RelTable(
            "HAS_EVIDENCE",
            "Entity",
            "Evidence",
            (),
            tuple(has_evidence[k] for k in sorted(has_evidence)),
        ),
        RelTable("MENTIONED_IN", "Entity", "Transcript", MENTIONED_IN_COLUMNS, tuple(mentioned)),
        RelTable(
            "QUOTED_IN",
            "Evidence",
            "Transcript",
            (),
            tuple(Rel(row["id"], row["transcript"], "QUOTED_IN", {}) for row in evidence_rows),
        ),
    )
    return PropertyGraph(nodes, rels)
