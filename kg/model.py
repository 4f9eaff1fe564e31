"""The core data model: small frozen dataclasses that flow one way through the stages.

ingest -> Transcript/Segment; extract -> Mention/RelationCandidate; resolve -> Entity/Relation.
Every later stage (graph, rdf, viz, export) reads these and nothing else, so the
model is the contract between modules.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = [
    "ENTITY_TYPES",
    "RELATION_KINDS",
    "Speaker",
    "TranscriptMeta",
    "Segment",
    "Transcript",
    "Sentence",
    "Mention",
    "Evidence",
    "RelationCandidate",
    "Entity",
    "Relation",
    "UnresolvedRelation",
    "NameOrigin",
    "NAME_RULES",
    "Correction",
]

#: The entity classes of the ontology (``ontology/kg.ttl``), by local name.
ENTITY_TYPES = ("Person", "Organization", "Place", "Product", "Work", "Concept", "Event")

#: How a relation was found; queries and the viewer keep these apart.
#: typed: a declared ontology property (worksFor, founded, ...);
#: open: a verb phrase between two entities; comention: seen close together;
#: discusses: a speaker talking about an entity.
RELATION_KINDS = ("typed", "open", "comention", "discusses")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person who speaks in a transcript, from labels or the metadata sidecar."""

    name: str
    role: str | None = None  # "host", "guest", ...
    #: the labels this person has in the transcript ("SPEAKER_00", "Host"), if not the name
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TranscriptMeta:
    """Optional metadata from a sidecar file (``<stem>.meta.json``)."""

    title: str | None = None
    date: str | None = None  # ISO 8601 date as given
    url: str | None = None  # recording URL; a time offset can be appended
    source: str | None = None  # where the transcript came from
    speakers: tuple[Speaker, ...] = ()
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed or labelled piece of a transcript.

    ``char_start``/``char_end`` are offsets into ``Transcript.text``, so any span of
    text maps back to a segment, a time and a speaker.
    """

    index: int
    char_start: int
    char_end: int
    start: float | None = None  # seconds from the start of the recording
    end: float | None = None
    speaker: str | None = None
    line: int | None = None  # 1-based line in the source file where it begins


@dataclass(frozen=True)
class Transcript:
    """A parsed transcript: normalised text plus the segments that cover it.

    ``text`` is the segments' text joined by single newlines; a segment's text is
    ``text[segment.char_start:segment.char_end]``.
    """

    id: str  # stable id derived from the file name, used in IRIs
    path: str  # as given on the command line
    format: str  # plain, whisper, srt, vtt, speaker, whisper-json
    text: str
    segments: tuple[Segment, ...]
    sha256: str  # of the raw file bytes
    meta: TranscriptMeta = field(default_factory=TranscriptMeta)

    def segment_text(self, segment: Segment) -> str:
        return self.text[segment.char_start : segment.char_end]

    def segment_at(self, offset: int) -> Segment:
        """The segment containing character ``offset`` (the next one if it falls on a gap)."""
        starts = self._starts()
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        seg = self.segments[i]
        if offset >= seg.char_end and i + 1 < len(self.segments):
            return self.segments[i + 1]
        return seg

    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [s.char_start for s in self.segments]
            object.__setattr__(self, "_starts_cache", cached)
        return cached

    def speaker_names(self) -> frozenset[str]:
        """Every speaker's name as written: the sidecar's and the segments' labels."""
        cached = self.__dict__.get("_speaker_names_cache")
        if cached is None:
            cached = frozenset(s.name for s in self.meta.speakers) | frozenset(
                s.speaker for s in self.segments if s.speaker
            )
            object.__setattr__(self, "_speaker_names_cache", cached)
        return cached

    def time_span(self, char_start: int, char_end: int) -> tuple[float | None, float | None]:
        """Start and end time (seconds) of a character span, where the format has times."""
        first = self.segment_at(char_start)
        last = self.segment_at(max(char_start, char_end - 1))
        return first.start, last.end

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """A unit of text handed to the parser: one sentence, or a short stretch of
    unpunctuated speech cut at a plausible boundary."""

    transcript_id: str
    index: int
    char_start: int
    char_end: int
    segment_index: int
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form in the text that refers to an entity."""

    transcript_id: str
    sentence_index: int
    segment_index: int
    char_start: int
    char_end: int
    surface: str
    type: str  # one of ENTITY_TYPES
    source: str  # "lexicon", "ner", "concept", "speaker"
    lexicon_id: str | None = None
    start: float | None = None
    end: float | None = None
    speaker: str | None = None
    #: concepts: the normalised term (lowercase, head lemmatised); a name said short: the
    #: full name it stands for ("Lumen" -> "Lumen Robotics")
    norm: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was seen: the quote, its place in the transcript and recording."""

    transcript_id: str
    segment_index: int
    char_start: int
    char_end: int
    quote: str
    extractor: str  # e.g. "pattern:worksFor", "open:svo", "comention:sentence"
    confidence: float
    start: float | None = None
    end: float | None = None
    speaker: str | None = None
    role: str | None = None  # the role this sentence states ("chief scientist"), if any
    #: typed relations: "past" or "present" as the sentence says it ("was the CEO",
    #: "is the CEO"), None when the clause does not tell
    tense: str | None = None
    #: typed relations: the year or duration said with it ("in 2019", "two years")
    time: str | None = None


@dataclass(frozen=True, slots=True)
class RelationCandidate:
    """A relation between two mentions, before mentions are resolved to entities."""

    subject: Mention
    predicate: str  # ontology local name ("worksFor") or open verb phrase ("train_on")
    object: Mention
    kind: str  # one of RELATION_KINDS
    evidence: Evidence
    role: str | None = None  # "chief scientist", "CEO" for worksFor
    negated: bool = False


#: How a name was attached to an entity (:class:`NameOrigin`), in the order resolution
#: tries them: lexicon (an entry's name), fuzzy (an ASR variant of an entry's name,
#: with its score), sound-alike (Metaphone), first-name (a first name or surname of a
#: full name introduced in the same transcript), field-first-name (the one person of
#: the lexicon with that distinctive first name), given-name (a first name said alone:
#: one person per show), acronym, spacing (the same word written with other spaces),
#: short-form (an organisation's first word, a term before a general noun, a modifier
#: said alone: :mod:`kg.splits`), speaker (a speaker label or sidecar name), name (the
#: same normalised name), concept (the same term), correction (the user's curation file).
NAME_RULES = (
    "lexicon",
    "fuzzy",
    "sound-alike",
    "first-name",
    "field-first-name",
    "given-name",
    "acronym",
    "spacing",
    "short-form",
    "speaker",
    "name",
    "concept",
    "correction",
)


@dataclass(frozen=True, slots=True)
class NameOrigin:
    """Why one name (the label or an alias) belongs to an entity: the rule that attached
    it (one of :data:`NAME_RULES`) and what it matched, so a merge can be explained."""

    name: str
    rule: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing: one node, one IRI, one canonical label."""

    key: str  # stable slug used in the IRI
    label: str
    type: str
    aliases: tuple[str, ...] = ()  # every surface form seen, sorted
    lexicon_id: str | None = None
    description: str | None = None
    mentions: tuple[Mention, ...] = ()
    speaker_in: tuple[str, ...] = ()  # transcripts this person speaks in
    origins: tuple[NameOrigin, ...] = ()  # how each name was attached, by name
    type_reason: str = ""  # why it has its type: lexicon, votes of its mentions, correction

    @property
    def transcripts(self) -> tuple[str, ...]:
        return tuple(sorted({m.transcript_id for m in self.mentions} | set(self.speaker_in)))


@dataclass(frozen=True, slots=True)
class Relation:
    """A resolved edge between two entities with every piece of evidence for it."""

    subject: str  # Entity.key
    predicate: str
    object: str
    kind: str
    evidence: tuple[Evidence, ...]
    roles: tuple[str, ...] = ()
    negated: bool = False
    count: int = 0  # times seen (may exceed len(evidence) for co-mentions)
    counts: tuple[tuple[str, int], ...] = ()  # (transcript id, times seen there)

    @property
    def weight(self) -> int:
        return self.count or len(self.evidence)


@dataclass(frozen=True, slots=True)
class UnresolvedRelation:
    """A typed relation whose one end is a pronoun the transcript does not ground ("I
    did my PhD with X" in an unlabelled two-person talk, "he joined Y" with no person
    named close before): not an edge (a person is never guessed), but kept in
    ``graph.json`` so a user can see it and, knowing who it was, curate it."""

    predicate: str
    #: "subject" or "object": which end is the unresolved word
    unresolved_end: str
    word: str  # the word as said ("I", "he", "you")
    word_start: int  # the word's character span in the transcript's text
    word_end: int
    entity: str  # Entity.key of the resolved end
    evidence: Evidence
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """One entry of the user's curation file that changed this build: where it is
    written (file, line), what it does (action and a one-line summary) and the keys of
    the entities it touched. In RDF a ``kg:Correction`` (a ``prov:Activity``)."""

    file: str
    line: int
    action: str  # merge, split, rename, type, drop, drop_relation, alias, relation
    summary: str
    entities: tuple[str, ...] = ()
