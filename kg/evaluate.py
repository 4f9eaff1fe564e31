"""Score extracted entities and relations against hand-made gold annotations.

The gold files (``tests/data/gold/<transcript>.json``) list, for one transcript,
every named entity and the topical concepts a careful reader finds, and the typed
relations stated in the text, each with a verbatim supporting quote::

    {"transcript": "000_d7e5a9d90b8e53ea",
     "entities": [{"label": "OpenAI", "type": "Organization", "aliases": ["open AI"]},
                  {"label": "AI alignment", "type": "Concept", "aliases": ["alignment"],
                   "importance": "core"}, ...],
     "relations": [{"subject": "Ilya Sutskever", "predicate": "worksFor",
                    "object": "OpenAI", "role": "chief scientist",
                    "quote": "Ilya is the chief scientist at open AI"}, ...]}

Optional entity keys: ``importance`` ("core"/"minor", concepts), ``note``,
``optional`` (true: neither required for recall nor a false positive when
predicted) and ``from_metadata`` (true: a speaker not named in the text, known
only from metadata; scored unless ``with_metadata=False``, when it becomes
optional).

Matching is by name: a predicted entity matches a gold entity when any of its
names (label or aliases) has the same :func:`name_key` as any gold name. The key
casefolds, turns punctuation and hyphens into spaces, drops a leading "the " and
then removes spaces, so "open AI", "OpenAI" and "Open-AI" are one name, as are
"neural link" and "Neuralink".

Predictions file for ``python -m kg.evaluate GOLD_DIR PREDICTED_JSON``::

    {"entities": [{"label": "OpenAI", "type": "Organization",
                   "aliases": ["open AI"], "transcripts": ["000_d7e5a9d90b8e53ea"]}, ...],
     "relations": [{"subject": "Ilya Sutskever", "predicate": "worksFor",
                    "object": "OpenAI"}, ...]}

* an entity without ``transcripts`` belongs to every transcript; transcript
  names may be ids, file names or paths (``seeds/000_x.txt`` is ``000_x``);
* an entity may carry an ``id``; a relation's ``subject``/``object`` are entity
  ids or labels, and ``subject_label``/``object_label``, when present, win;
* a relation belongs to the transcripts in its own ``transcripts`` list, or,
  without one, to each transcript that has both its subject and its object
  (a relation whose ends name no known entity belongs to every transcript);
* predicates may be prefixed or IRIs (``kg:worksFor``, ``skos:broader``); only
  the typed predicates in :data:`SCORED_PREDICATES` are scored, others are
  counted as ignored;
* ``nodes``/``links`` (networkx node-link, with ``source``/``target``) are
  accepted in place of ``entities``/``relations``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePath
from typing import Any

__all__ = [
    "NAMED_TYPES",
    "ENTITY_TYPES",
    "SCORED_PREDICATES",
    "GoldEntity",
    "GoldRelation",
    "Gold",
    "PredictedEntity",
    "PredictedRelation",
    "GroupScore",
    "EntityScores",
    "Counts",
    "RelationScores",
    "TranscriptScores",
    "normalize_name",
    "name_key",
    "canonical_type",
    "canonical_predicate",
    "load_gold",
    "load_gold_dir",
    "score_entities",
    "score_relations",
    "score_transcript",
    "combine_entity_scores",
    "combine_relation_scores",
    "predictions_for_transcript",
    "transcript_id",
    "format_report",
    "main",
]

#: Entity types that are names of things (scored together as the group "named").
NAMED_TYPES = ("Person", "Organization", "Place", "Product", "Work", "Event")
#: All entity types of the gold annotation.
ENTITY_TYPES = (*NAMED_TYPES, "Concept")
#: The typed relations the gold annotation uses; other predicates are not scored.
SCORED_PREDICATES = (
    "worksFor",
    "founded",
    "studiedUnder",
    "affiliatedWith",
    "created",
    "broader",
    "partOf",
    "basedOn",
    "investedIn",
    "locatedIn",
)

#: Other spellings of entity types that predictions may use.
_TYPE_SYNONYMS = {
    "org": "Organization",
    "organisation": "Organization",
    "company": "Organization",
    "location": "Place",
    "loc": "Place",
    "gpe": "Place",
    "software": "Product",
    "model": "Product",
    "creativework": "Work",
    "paper": "Work",
    "topic": "Concept",
    "field": "Concept",
    "method": "Concept",
}
_CANONICAL_TYPES = {t.casefold(): t for t in ENTITY_TYPES} | _TYPE_SYNONYMS
_CANONICAL_PREDICATES = {p.casefold(): p for p in SCORED_PREDICATES}
_GROUP_ORDER = (*NAMED_TYPES, "named", "Concept", "core", "other", "all")


# --------------------------------------------------------------------------- names


def normalize_name(name: str) -> str:
    """Casefold, turn punctuation/hyphens into spaces, collapse spaces, drop "the "."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    if text.startswith("the "):
        text = text[4:]
    return text


def name_key(name: str) -> str:
    """The matching key of a name: :func:`normalize_name` without spaces."""
    return normalize_name(name).replace(" ", "")


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (name_key(n) for n in names) if k)


def _local_name(term: str) -> str:
    return re.split(r"[#/:]", term.strip())[-1]


def canonical_type(etype: str) -> str:
    """The gold type for a predicted type name (prefixes and case ignored), else as given."""
    return _CANONICAL_TYPES.get(_local_name(etype).casefold(), etype)


def canonical_predicate(predicate: str) -> str:
    """The scored predicate for a predicate name or IRI, else its local name unchanged."""
    local = _local_name(predicate)
    return _CANONICAL_PREDICATES.get(local.casefold(), local)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEntity:
    """One real thing in a transcript, with every surface form it takes there."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()
    importance: str | None = None  # "core" / "minor" for concepts
    note: str | None = None
    optional: bool = False
    from_metadata: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The label and the aliases."""
        return (self.label, *self.aliases)

    @property
    def keys(self) -> frozenset[str]:
        """The matching keys of all names."""
        return _keys(self.names)


@dataclass(frozen=True)
class GoldRelation:
    """A typed relation stated in the text, with a verbatim supporting quote."""

    subject: str
    predicate: str
    object: str
    role: str | None = None
    quote: str = ""


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one transcript."""

    transcript: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]

    def entity(self, label: str) -> GoldEntity:
        """The gold entity with this exact label."""
        for ent in self.entities:
            if ent.label == label:
                return ent
        raise KeyError(label)


def load_gold(path: str | Path) -> Gold:
    """Read and check one gold file; raises ``ValueError`` naming the problem."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    entities: list[GoldEntity] = []
    for i, raw in enumerate(data.get("entities", [])):
        etype = raw.get("type")
        if etype not in ENTITY_TYPES:
            raise ValueError(f"{path}: entity {i} ({raw.get('label')!r}) has type {etype!r}")
        importance = {"other": "minor"}.get(raw.get("importance"), raw.get("importance"))
        if importance not in (None, "core", "minor"):
            raise ValueError(f"{path}: entity {raw['label']!r} has importance {importance!r}")
        entities.append(
            GoldEntity(
                label=raw["label"],
                type=etype,
                aliases=tuple(raw.get("aliases", ())),
                importance=importance,
                note=raw.get("note"),
                optional=bool(raw.get("optional", False)),
                from_metadata=bool(raw.get("from_metadata", False)),
            )
        )
    labels = {e.label for e in entities}
    if len(labels) != len(entities):
        raise ValueError(f"{path}: duplicate entity labels")
    relations: list[GoldRelation] = []
    for raw in data.get("relations", []):
        rel = GoldRelation(
            subject=raw["subject"],
            predicate=raw["predicate"],
            object=raw["object"],
            role=raw.get("role"),
            quote=raw.get("quote", ""),
        )
        if rel.predicate not in SCORED_PREDICATES:
            raise ValueError(f"{path}: relation {rel} has an unknown predicate")
        for end in (rel.subject, rel.object):
            if end not in labels:
                raise ValueError(f"{path}: relation end {end!r} is not a gold entity label")
        relations.append(rel)
    transcript = data.get("transcript") or transcript_id(path.name)
    return Gold(transcript=transcript, entities=tuple(entities), relations=tuple(relations))


def load_gold_dir(path: str | Path) -> list[Gold]:
    """All gold files in a directory (``*.json``, sorted), or the one file given."""
    path = Path(path)
    if path.is_file():
        return [load_gold(path)]
    return [load_gold(p) for p in sorted(path.glob("*.json"))]


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True)
class PredictedEntity:
    """An entity (graph node) produced by the system under test."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The label and the aliases."""
        return (self.label, *self.aliases)

    @property
    def keys(self) -> frozenset[str]:
        """The matching keys of all names."""
        return _keys(self.names)

    def describe(self) -> str:
        """``label [Type]``."""
        return f"{self.label} [{self.type}]"


@dataclass(frozen=True)
class PredictedRelation:
    """A relation produced by the system; ends are names, with optional aliases."""

    subject: str
    predicate: str
    object: str
    subject_aliases: tuple[str, ...] = ()
    object_aliases: tuple[str, ...] = ()

    def describe(self) -> str:
        """``subject --predicate--> object``."""
        return f"{self.subject} --{self.predicate}--> {self.object}"


def transcript_id(name: str) -> str:
    """A transcript id from an id, file name or path: the base name up to its first dot."""
    return PurePath(name.strip()).name.split(".")[0]


def _str_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def predictions_for_transcript(
    data: Mapping[str, Any], transcript: str
) -> tuple[list[PredictedEntity], list[PredictedRelation]]:
    """The predicted entities and relations of one transcript (format in the module doc)."""
    tid = transcript_id(transcript)
    raw_entities = data.get("entities", data.get("nodes", [])) or []
    raw_relations = data.get("relations", data.get("links", data.get("edges", []))) or []

    by_id: dict[str, PredictedEntity] = {}
    by_key: dict[str, list[PredictedEntity]] = {}
    in_transcript: set[PredictedEntity] = set()
    entities: list[PredictedEntity] = []
    for raw in raw_entities:
        label = raw.get("label") or raw.get("name") or str(raw.get("id", ""))
        ent = PredictedEntity(
            label=label, type=str(raw.get("type", "")), aliases=_str_list(raw.get("aliases"))
        )
        if "id" in raw:
            by_id[str(raw["id"])] = ent
        by_key.setdefault(name_key(label), []).append(ent)
        transcripts = raw.get("transcripts")
        if transcripts is None or tid in {transcript_id(t) for t in _str_list(transcripts)}:
            entities.append(ent)
            in_transcript.add(ent)

    def resolve(ref: Any, label: Any) -> tuple[str, tuple[str, ...], list[PredictedEntity]]:
        ref = "" if ref is None else str(ref)
        known = [by_id[ref]] if ref in by_id else []
        name = str(label) if label else (known[0].label if known else ref)
        if not known:
            known = by_key.get(name_key(name), [])
        aliases = tuple(dict.fromkeys(a for e in known for a in e.names if a != name))
        return name, aliases, known

    relations: list[PredictedRelation] = []
    for raw in raw_relations:
        predicate = raw.get("predicate") or raw.get("relation") or raw.get("label") or ""
        subj, subj_aliases, subj_known = resolve(
            raw.get("subject", raw.get("source")), raw.get("subject_label")
        )
        obj, obj_aliases, obj_known = resolve(
            raw.get("object", raw.get("target")), raw.get("object_label")
        )
        transcripts = raw.get("transcripts")
        if transcripts is not None:
            keep = tid in {transcript_id(t) for t in _str_list(transcripts)}
        else:
            keep = all(
                not known or any(e in in_transcript for e in known)
                for known in (subj_known, obj_known)
            )
        if keep:
            relations.append(
                PredictedRelation(str(subj), str(predicate), str(obj), subj_aliases, obj_aliases)
            )
    return entities, relations


# --------------------------------------------------------------------------- scores


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GroupScore:
    """Entity scores for one group of types ("Person", "named", "Concept", "core", "all").

    ``gold``/``matched``/``typed_matched`` count gold entities of the group;
    ``predicted``/``predicted_matched`` count predicted entities whose type is in
    the group (a prediction matching only an optional gold entity is not counted).
    """

    name: str
    gold: int = 0
    matched: int = 0
    typed_matched: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    splits: int = 0
    missed: list[str] = field(default_factory=list)
    mistyped: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    split_groups: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        """Gold entities matched by some prediction, over gold entities."""
        return _ratio(self.matched, self.gold)

    @property
    def typed_recall(self) -> float | None:
        """Gold entities matched by a prediction of the same type, over gold entities."""
        return _ratio(self.typed_matched, self.gold)

    @property
    def precision(self) -> float | None:
        """Predictions of the group's types matching some gold entity, over those predictions."""
        return _ratio(self.predicted_matched, self.predicted)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and (untyped) recall."""
        return _f1(self.precision, self.recall)

    def add(self, other: GroupScore) -> None:
        """Add another group's counts and lists into this one."""
        for name in (
            "gold",
            "matched",
            "typed_matched",
            "predicted",
            "predicted_matched",
            "splits",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.mistyped += other.mistyped
        self.unmatched += other.unmatched
        self.split_groups += other.split_groups

    def as_dict(self) -> dict[str, Any]:
        """Counts, ratios and lists as plain JSON-ready data."""
        out = asdict(self)
        out.update(
            recall=self.recall, typed_recall=self.typed_recall, precision=self.precision, f1=self.f1
        )
        return out


@dataclass
class EntityScores:
    """Entity scores of one transcript (or several combined)."""

    transcript: str
    groups: dict[str, GroupScore]
    #: predicted entities matching more than one gold entity: (prediction, gold labels)
    merges: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    #: predictions that matched only optional gold entities (not scored)
    neutral: list[str] = field(default_factory=list)

    def __getitem__(self, group: str) -> GroupScore:
        return self.groups.setdefault(group, GroupScore(group))

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "transcript": self.transcript,
            "groups": {k: v.as_dict() for k, v in self.groups.items()},
            "merges": self.merges,
            "neutral": self.neutral,
        }


def _gold_groups(ent: GoldEntity) -> list[str]:
    groups = [ent.type, "named" if ent.type in NAMED_TYPES else "", "all"]
    if ent.type == "Concept" and ent.importance == "core":
        groups.append("core")
    return [g for g in groups if g]


def _predicted_groups(etype: str) -> list[str]:
    if etype in ENTITY_TYPES:
        return [etype, "named" if etype in NAMED_TYPES else "", "all"]
    return ["other", "all"]


def _active(ent: GoldEntity, with_metadata: bool) -> bool:
    return not ent.optional and (with_metadata or not ent.from_metadata)


def score_entities(
    gold: Gold, predicted: Sequence[PredictedEntity], *, with_metadata: bool = True
) -> EntityScores:
    """Recall, typed recall, precision, splits and merges of predicted entities.

    ``with_metadata=False`` treats gold entities known only from metadata (speakers
    not named in the text) as optional.
    """
    scores = EntityScores(gold.transcript, {g: GroupScore(g) for g in _GROUP_ORDER})
    active = [e for e in gold.entities if _active(e, with_metadata)]
    optional = [e for e in gold.entities if not _active(e, with_metadata)]
    pred_keys = [p.keys for p in predicted]
    pred_types = [canonical_type(p.type) for p in predicted]

    for ent in active:
        keys = ent.keys
        hits = [i for i, pk in enumerate(pred_keys) if pk & keys]
        typed = any(pred_types[i] == ent.type for i in hits)
        for group in _gold_groups(ent):
            score = scores[group]
            score.gold += 1
            if hits:
                score.matched += 1
            else:
                score.missed.append(ent.label)
            if typed:
                score.typed_matched += 1
            elif hits:
                types = ", ".join(sorted({pred_types[i] for i in hits}))
                score.mistyped.append(f"{ent.label} [{ent.type}] predicted as {types}")
            if len(hits) > 1:
                score.splits += 1
                score.split_groups.append((ent.label, tuple(predicted[i].describe() for i in hits)))

    for i, pred in enumerate(predicted):
        keys = pred_keys[i]
        golds = [e for e in active if e.keys & keys]
        if not golds and any(e.keys & keys for e in optional):
            scores.neutral.append(pred.describe())
            continue
        if len(golds) > 1:
            scores.merges.append((pred.describe(), tuple(e.label for e in golds)))
        for group in _predicted_groups(pred_types[i]):
            score = scores[group]
            score.predicted += 1
            if golds:
                score.predicted_matched += 1
            else:
                score.unmatched.append(pred.describe())
    return scores


@dataclass
class Counts:
    """Relation counts: gold relations found and predicted relations correct."""

    gold: int = 0
    matched_gold: int = 0
    predicted: int = 0
    matched_predicted: int = 0

    @property
    def recall(self) -> float | None:
        """Gold relations matched by some prediction, over gold relations."""
        return _ratio(self.matched_gold, self.gold)

    @property
    def precision(self) -> float | None:
        """Predicted relations matching a gold relation, over predicted relations."""
        return _ratio(self.matched_predicted, self.predicted)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    def add(self, other: Counts) -> None:
        """Add another's counts into this one."""
        self.gold += other.gold
        self.matched_gold += other.matched_gold
        self.predicted += other.predicted
        self.matched_predicted += other.matched_predicted

    def as_dict(self) -> dict[str, Any]:
        """Counts and ratios as plain data."""
        return asdict(self) | {
            "recall": self.recall,
            "precision": self.precision,
            "f1": self.f1,
        }


@dataclass
class RelationScores:
    """Relation scores of one transcript (or several combined)."""

    transcript: str
    overall: Counts = field(default_factory=Counts)
    per_predicate: dict[str, Counts] = field(default_factory=dict)
    missed: list[GoldRelation] = field(default_factory=list)
    false_positives: list[PredictedRelation] = field(default_factory=list)
    #: predictions matching only gold relations with an optional end (not scored)
    neutral: list[PredictedRelation] = field(default_factory=list)
    #: predictions whose predicate is not in SCORED_PREDICATES
    ignored: int = 0

    @property
    def precision(self) -> float | None:
        """Overall precision."""
        return self.overall.precision

    @property
    def recall(self) -> float | None:
        """Overall recall."""
        return self.overall.recall

    def _counts(self, predicate: str) -> Counts:
        return self.per_predicate.setdefault(predicate, Counts())

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "transcript": self.transcript,
            "overall": self.overall.as_dict(),
            "per_predicate": {k: v.as_dict() for k, v in sorted(self.per_predicate.items())},
            "missed": [asdict(r) for r in self.missed],
            "false_positives": [asdict(r) for r in self.false_positives],
            "neutral": [asdict(r) for r in self.neutral],
            "ignored": self.ignored,
        }


def score_relations(
    gold: Gold, predicted: Sequence[PredictedRelation], *, with_metadata: bool = True
) -> RelationScores:
    """Precision and recall of predicted typed relations.

    A prediction matches a gold relation when the predicates are equal (after
    :func:`canonical_predicate`) and its subject and object names match the gold
    subject's and object's names as entities do. Identical predictions (same
    keys and predicate) count once; unscored predicates are only counted.
    """
    scores = RelationScores(gold.transcript)
    ents = {e.label: e for e in gold.entities}

    def active(rel: GoldRelation) -> bool:
        return _active(ents[rel.subject], with_metadata) and _active(
            ents[rel.object], with_metadata
        )

    seen: set[tuple[frozenset[str], str, frozenset[str]]] = set()
    preds: list[tuple[PredictedRelation, str, frozenset[str], frozenset[str]]] = []
    for pred in predicted:
        predicate = canonical_predicate(pred.predicate)
        if predicate not in SCORED_PREDICATES:
            scores.ignored += 1
            continue
        skeys = _keys((pred.subject, *pred.subject_aliases))
        okeys = _keys((pred.object, *pred.object_aliases))
        ident = (_keys((pred.subject,)), predicate, _keys((pred.object,)))
        if ident in seen:
            continue
        seen.add(ident)
        preds.append((pred, predicate, skeys, okeys))

    def matches(
        rel: GoldRelation, predicate: str, skeys: frozenset[str], okeys: frozenset[str]
    ) -> bool:
        return (
            rel.predicate == predicate
            and bool(ents[rel.subject].keys & skeys)
            and bool(ents[rel.object].keys & okeys)
        )

    for rel in gold.relations:
        if not active(rel):
            continue
        counts = scores._counts(rel.predicate)
        counts.gold += 1
        scores.overall.gold += 1
        if any(matches(rel, p, s, o) for _, p, s, o in preds):
            counts.matched_gold += 1
            scores.overall.matched_gold += 1
        else:
            scores.missed.append(rel)

    for pred, predicate, skeys, okeys in preds:
        hits = [rel for rel in gold.relations if matches(rel, predicate, skeys, okeys)]
        if hits and not any(active(rel) for rel in hits):
            scores.neutral.append(pred)
            continue
        counts = scores._counts(predicate)
        counts.predicted += 1
        scores.overall.predicted += 1
        if hits:
            counts.matched_predicted += 1
            scores.overall.matched_predicted += 1
        else:
            scores.false_positives.append(pred)
    return scores


@dataclass
class TranscriptScores:
    """Entity and relation scores of one transcript (or "ALL" combined)."""

    transcript: str
    entities: EntityScores
    relations: RelationScores

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "transcript": self.transcript,
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
        }


def score_transcript(
    gold: Gold,
    entities: Sequence[PredictedEntity],
    relations: Sequence[PredictedRelation],
    *,
    with_metadata: bool = True,
) -> TranscriptScores:
    """Entity and relation scores of one transcript."""
    return TranscriptScores(
        gold.transcript,
        score_entities(gold, entities, with_metadata=with_metadata),
        score_relations(gold, relations, with_metadata=with_metadata),
    )


def combine_entity_scores(scores: Iterable[EntityScores], transcript: str = "ALL") -> EntityScores:
    """Micro-averaged entity scores: counts and lists summed over transcripts."""
    out = EntityScores(transcript, {g: GroupScore(g) for g in _GROUP_ORDER})
    for s in scores:
        for name, group in s.groups.items():
            out[name].add(group)
        out.merges += s.merges
        out.neutral += s.neutral
    return out


def combine_relation_scores(
    scores: Iterable[RelationScores], transcript: str = "ALL"
) -> RelationScores:
    """Micro-averaged relation scores: counts and lists summed over transcripts."""
    out = RelationScores(transcript)
    for s in scores:
        out.overall.add(s.overall)
        for predicate, counts in s.per_predicate.items():
            out._counts(predicate).add(counts)
        out.missed += s.missed
        out.false_positives += s.false_positives
        out.neutral += s.neutral
        out.ignored += s.ignored
    return out


# --------------------------------------------------------------------------- report


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    cells = [list(map(str, header)), *[list(map(str, r)) for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        first = row[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([first, *rest]).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _list(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"{title} ({len(items)}):", *(f"  - {item}" for item in items)]


def _entity_report(scores: EntityScores, details: bool) -> list[str]:
    rows = []
    for name in _GROUP_ORDER:
        g = scores.groups.get(name)
        if g is None or (not g.gold and not g.predicted):
            continue
        core = name == "core"
        rows.append(
            [
                "core concepts" if core else name,
                g.gold,
                g.matched,
                g.typed_matched,
                _pct(g.recall),
                _pct(g.typed_recall),
                "" if core else g.predicted,
                "" if core else g.predicted_matched,
                "" if core else _pct(g.precision),
                g.splits,
            ]
        )
    header = [
        "entities",
        "gold",
        "found",
        "typed",
        "recall",
        "t-recall",
        "pred",
        "ok",
        "precision",
        "splits",
    ]
    lines = [f"== {scores.transcript}: entities", *_table(header, rows)]
    if not details:
        return lines
    named, concept = scores["named"], scores["Concept"]
    lines += _list("missed named entities", named.missed)
    lines += _list(
        "missed concepts",
        [f"{m} (core)" if m in scores["core"].missed else m for m in concept.missed],
    )
    lines += _list("found with another type", scores["all"].mistyped)
    lines += _list(
        "split (one gold entity, several nodes)",
        [f"{label}: {' | '.join(preds)}" for label, preds in scores["all"].split_groups],
    )
    lines += _list(
        "merged (one node, several gold entities)",
        [f"{pred}: {' | '.join(golds)}" for pred, golds in scores.merges],
    )
    lines += _list("unmatched named predictions", named.unmatched)
    lines += _list("unmatched concept predictions (inspect by hand)", scores["Concept"].unmatched)
    lines += _list("unmatched predictions of other types", scores["other"].unmatched)
    return lines


def _relation_report(scores: RelationScores, details: bool) -> list[str]:
    rows = [
        [
            p,
            c.gold,
            c.matched_gold,
            _pct(c.recall),
            c.predicted,
            c.matched_predicted,
            _pct(c.precision),
        ]
        for p, c in sorted(scores.per_predicate.items())
    ]
    o = scores.overall
    rows.append(
        [
            "all",
            o.gold,
            o.matched_gold,
            _pct(o.recall),
            o.predicted,
            o.matched_predicted,
            _pct(o.precision),
        ]
    )
    header = ["relations", "gold", "found", "recall", "pred", "ok", "precision"]
    lines = [f"== {scores.transcript}: relations", *_table(header, rows)]
    if scores.ignored:
        lines.append(f"({scores.ignored} predictions with unscored predicates ignored)")
    if details:
        lines += _list(
            "missed relations",
            [f'{r.subject} --{r.predicate}--> {r.object}  "{r.quote}"' for r in scores.missed],
        )
        lines += _list("false positives", [r.describe() for r in scores.false_positives])
    return lines


def format_report(
    scores: EntityScores | RelationScores | TranscriptScores | Sequence[TranscriptScores],
    *,
    details: bool = True,
) -> str:
    """A readable plain-text table (and, with ``details``, the lists behind it).

    Several transcripts are reported one by one, then combined as "ALL".
    """
    if isinstance(scores, EntityScores):
        lines = _entity_report(scores, details)
    elif isinstance(scores, RelationScores):
        lines = _relation_report(scores, details)
    elif isinstance(scores, TranscriptScores):
        lines = _entity_report(scores.entities, details) + [""]
        lines += _relation_report(scores.relations, details)
    else:
        items = list(scores)
        parts = [format_report(s, details=details) for s in items]
        if len(items) > 1:
            total = TranscriptScores(
                "ALL",
                combine_entity_scores(s.entities for s in items),
                combine_relation_scores(s.relations for s in items),
            )
            parts.append(format_report(total, details=False))
        return "\n\n".join(parts) + "\n"
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kg.evaluate GOLD_DIR PREDICTED_JSON``: print the scores."""
    parser = argparse.ArgumentParser(
        prog="python -m kg.evaluate",
        description="Score predicted entities/relations against gold annotations.",
    )
    parser.add_argument("gold", help="gold directory (*.json) or one gold file")
    parser.add_argument("predicted", help="predictions JSON (format: kg.evaluate module doc)")
    parser.add_argument(
        "--no-metadata",
        action="store_true",
        help="do not require speakers known only from metadata",
    )
    parser.add_argument("--brief", action="store_true", help="tables only, no lists")
    parser.add_argument("--json", metavar="PATH", help="also write the scores as JSON")
    args = parser.parse_args(argv)

    golds = load_gold_dir(args.gold)
    if not golds:
        parser.error(f"no gold files in {args.gold}")
    data = json.loads(Path(args.predicted).read_text(encoding="utf-8"))
    results = []
    for gold in golds:
        entities, relations = predictions_for_transcript(data, gold.transcript)
        results.append(
            score_transcript(gold, entities, relations, with_metadata=not args.no_metadata)
        )
    sys.stdout.write(format_report(results, details=not args.brief))
    if args.json:
        Path(args.json).write_text(
            json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def predictions_from_graph(kg) -> dict[str, Any]:
    """A build's entities and typed relations in the predictions format above."""
    entities = [
        {
            "id": e.key,
            "label": e.label,
            "type": e.type,
            "aliases": list(e.aliases),
            "transcripts": list(e.transcripts),
        }
        for e in kg.entities
    ]
    relations = [
        {
            "subject": r.subject,
            "predicate": r.predicate,
            "object": r.object,
            "transcripts": sorted({ev.transcript_id for ev in r.evidence}),
        }
        for r in kg.relations
        if r.kind == "typed"
    ]
    return {"entities": entities, "relations": relations}


def score_build(kg, gold_dir: str | Path, with_metadata: bool = True) -> list:
    """Score a built graph against every gold file in ``gold_dir`` whose transcript it has."""
    data = predictions_from_graph(kg)
    present = {t.id for t in kg.transcripts}
    results = []
    for gold in load_gold_dir(gold_dir):
        if transcript_id(gold.transcript) not in present:
            continue
        entities, relations = predictions_for_transcript(data, gold.transcript)
        results.append(score_transcript(gold, entities, relations, with_metadata=with_metadata))
    return results
