"""The in-memory knowledge graph: the resolved model, its networkx view, its metrics,
and its on-disk form (``outputs/graph.json``) that later commands reload instead of
re-extracting (``kg render``, ``kg export``, ``kg entities``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

import networkx as nx

from .errors import KgError, OutputsMissingError, printable
from .model import (
    Correction,
    Entity,
    Evidence,
    Mention,
    NameOrigin,
    Relation,
    Segment,
    Speaker,
    Transcript,
    TranscriptMeta,
    UnresolvedRelation,
)

__all__ = ["KnowledgeGraph", "to_networkx", "importance", "load_graph", "GRAPH_FILE"]

GRAPH_FILE = "graph.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class KnowledgeGraph:
    """Transcripts, entities and relations of one build; the input of every output stage."""

    transcripts: tuple[Transcript, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    #: the user's corrections applied to this build (kg/curation.py); none without a file
    corrections: tuple[Correction, ...] = ()
    #: typed relations with an ungrounded pronoun at one end: candidates for a user to
    #: see and curate, never edges (not in RDF, the viewer or the exports)
    unresolved: tuple[UnresolvedRelation, ...] = ()

    def entity(self, key: str) -> Entity:
        return self._by_key()[key]

    def _by_key(self) -> dict[str, Entity]:
        cached = self.__dict__.get("_by_key_cache")
        if cached is None:
            cached = {e.key: e for e in self.entities}
            object.__setattr__(self, "_by_key_cache", cached)
        return cached

    def transcript(self, transcript_id: str) -> Transcript:
        return next(t for t in self.transcripts if t.id == transcript_id)

    def entity_counts(self) -> dict[str, int]:
        """Entities per transcript id, by the one definition of "the entities in a
        transcript": those mentioned in it or speaking in it (:attr:`Entity.transcripts`).
        The index page counts these, SPARQL's ``transcript_overview`` counts the
        ``kg:mentionedIn`` links they become, and every export has one ``MENTIONED_IN``
        relationship (or ``transcripts`` entry) for each."""
        counts = dict.fromkeys((t.id for t in self.transcripts), 0)
        for e in self.entities:
            for tid in e.transcripts:
                counts[tid] = counts.get(tid, 0) + 1
        return counts

    # -- persistence -------------------------------------------------------------
    def to_json(self) -> str:
        data = {
            "format": FORMAT_VERSION,
            "transcripts": [plain(t) for t in self.transcripts],
            "entities": [plain(e) for e in self.entities],
            "relations": [plain(r) for r in self.relations],
        }
        if self.corrections:  # absent without a curation file: the same bytes as before
            data["corrections"] = [plain(c) for c in self.corrections]
        if self.unresolved:  # absent when every pronoun is grounded, like corrections
            data["unresolved"] = [plain(u) for u in self.unresolved]
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> KnowledgeGraph:
        data = json.loads(text)
        transcripts = tuple(
            Transcript(
                id=t["id"],
                path=t["path"],
                format=t["format"],
                text=t["text"],
                segments=tuple(Segment(**s) for s in t["segments"]),
                sha256=t["sha256"],
                meta=TranscriptMeta(
                    **{
                        **t["meta"],
                        "speakers": tuple(
                            Speaker(**{**s, "labels": tuple(s.get("labels", ()))})
                            for s in t["meta"]["speakers"]
                        ),
                    }
                ),
            )
            for t in data["transcripts"]
        )
        entities = tuple(
            Entity(
                **{
                    **e,
                    "aliases": tuple(e["aliases"]),
                    "speaker_in": tuple(e.get("speaker_in", ())),
                    "mentions": tuple(Mention(**m) for m in e["mentions"]),
                    "origins": tuple(NameOrigin(**o) for o in e.get("origins", ())),
                }
            )
            for e in data["entities"]
        )
        relations = tuple(
            Relation(
                **{
                    **r,
                    "evidence": tuple(Evidence(**v) for v in r["evidence"]),
                    "roles": tuple(r["roles"]),
                    "counts": tuple(tuple(c) for c in r["counts"]),
                }
            )
            for r in data["relations"]
        )
        corrections = tuple(
            Correction(**{**c, "entities": tuple(c["entities"])})
            for c in data.get("corrections", ())
        )
        unresolved = tuple(
            UnresolvedRelation(**{**u, "evidence": Evidence(**u["evidence"])})
            for u in data.get("unresolved", ())
        )
        return cls(transcripts, entities, relations, corrections, unresolved)


def load_graph(outputs_dir: str | Path) -> KnowledgeGraph:
    """The graph of the last build in ``outputs_dir``."""
    path = Path(outputs_dir) / GRAPH_FILE
    if not path.is_file():
        raise OutputsMissingError(str(outputs_dir))
    try:
        kg = KnowledgeGraph.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise KgError(
            f"{path}: damaged ({type(exc).__name__}: {reason}); run `kg build` again"
        ) from None
    for t in kg.transcripts:  # ids become file names (transcripts/<id>.html)
        if not isinstance(t.id, str) or not _TRANSCRIPT_ID_RE.fullmatch(t.id):
            raise KgError(
                f"{path}: damaged (transcript id {printable(repr(t.id))[:80]} is not an id "
                "kg writes); run `kg build` again"
            )
    return kg


#: What :func:`kg.ingest.transcript_id` produces: safe as a file name and in an IRI.
_TRANSCRIPT_ID_RE = re.compile(r"[a-z0-9_][a-z0-9_-]{0,199}")


def to_networkx(kg: KnowledgeGraph, kinds: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph with one node per entity and one edge per relation (keyed by predicate).

    Node attributes: label, type, aliases, mentions, transcripts. Edge attributes: kind,
    weight, roles, negated, evidence (list of dicts). Co-mention edges are stored once,
    subject < object, and are symmetric by meaning.
    """
    g = nx.MultiDiGraph()
    for e in kg.entities:
        g.add_node(
            e.key,
            label=e.label,
            type=e.type,
            aliases=list(e.aliases),
            mentions=len(e.mentions),
            transcripts=list(e.transcripts),
            lexicon_id=e.lexicon_id,
        )
    for r in kg.relations:
        if kinds and r.kind not in kinds:
            continue
        g.add_edge(
            r.subject,
            r.object,
            key=f"{r.predicate}{'/negated' if r.negated else ''}",
            predicate=r.predicate,
            kind=r.kind,
            weight=r.weight,
            roles=list(r.roles),
            negated=r.negated,
            evidence=[plain(v) for v in r.evidence],
        )
    return g


def importance(g: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the undirected, weighted graph: how central each entity is."""
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    for u, v, data in g.edges(data=True):
        if u == v:
            continue
        w = simple.get_edge_data(u, v, {}).get("weight", 0) + data.get("weight", 1)
        simple.add_edge(u, v, weight=w)
    try:
        return nx.pagerank(simple, weight="weight", max_iter=200, tol=1e-08)
    except nx.PowerIterationFailedConvergence:
        return nx.degree_centrality(simple)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value):
    """``value`` as JSON-ready dicts and lists: what ``dataclasses.asdict`` gives for
    the model's frozen dataclasses, without its deep copies of every leaf (five times
    faster on a graph of a million pieces of evidence)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not is_dataclass(value):
            raise TypeError(f"cannot serialise {kind.__name__}")
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    return {name: plain(getattr(value, name)) for name in names}
