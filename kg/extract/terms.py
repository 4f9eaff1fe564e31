"""Candidate concept terms of a transcript and how often each is really said.

A term is often said inside a longer noun phrase: "signal processing" in "the
signal processing community", "anthrax" in "the anthrax bacillus". Counting only
whole noun phrases misses those; counting every sub-phrase credits fragments that
only ever occur inside one longer term ("neck flask experiment" inside "swan neck
flask experiment"). The C-value method of terminology extraction (Frantzi, Ananiadou
and Mima, 2000) settles both: a candidate's frequency counts its nested occurrences,
minus the mean frequency of the longer candidates it is nested in, so a fragment
that never stands on its own scores zero::

    independent(a) = f(a) - (1 / |T_a|) * sum(f(b) for b in T_a)

where ``T_a`` is the set of longer candidates containing ``a``. That count then goes
through the termhood test of :mod:`kg.extract.concepts`; among the kept terms of one
noun phrase the longest wins (:func:`choose_terms`).

Candidates are the noun phrases of the parse (trimmed of determiners, numbers and
vague modifiers) and their sub-phrases that end in a noun: English noun phrases are
head-final, so every such sub-phrase is itself a well-formed noun phrase.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Sentence, Transcript
from .entities import (
    _CONCEPT_POS,
    _VAGUE_MODIFIERS,
    SpanMention,
    _inner_hyphen,
    _make_mention,
    _written_as_name,
)

__all__ = ["TermCandidate", "TermStatistics", "phrase_candidates", "choose_terms"]

#: The longest candidate, in words ("swan neck flask experiment").
MAX_TERM_WORDS = 4


@dataclass(frozen=True)
class TermCandidate:
    """One candidate term said at one place: its key (lowercase, head lemmatised:
    "scaling laws" -> "scaling law"), whether it is a compound of nouns only, its
    mention and the lexicon concepts inside it."""

    key: str
    compound: bool
    span: SpanMention
    inner: tuple[SpanMention, ...]

    @property
    def length(self) -> int:
        return self.span.token_end - self.span.token_start


def _lexicon_concepts(spans: Sequence[SpanMention]) -> dict[int, SpanMention]:
    return {
        k: s
        for s in spans
        if s.mention.type == "Concept" and s.mention.source == "lexicon"
        for k in range(s.token_start, s.token_end)
    }


def _trimmed(doc, chunk_start: int, end: int) -> tuple[int, int]:
    """A noun phrase without its leading determiners, numbers and vague modifiers
    (a dropped word takes what it is hyphened to: "large-scale"), and without an ASR
    stutter ("generalization power generalization power")."""
    start = chunk_start
    while start < end and (
        doc[start].pos_ not in _CONCEPT_POS
        or doc[start].lower_ in _VAGUE_MODIFIERS
        or doc[start].like_num
        or (start > chunk_start and _inner_hyphen(doc, start - 1, chunk_start, end))
    ):
        start += 1
    half = (end - start) // 2
    if (
        half
        and (end - start) % 2 == 0
        and [t.lower_ for t in doc[start : start + half]]
        == [t.lower_ for t in doc[start + half : end]]
    ):
        end = start + half
    return start, end


def _key(doc, start: int, end: int) -> str:
    tokens = doc[start:end]
    head = tokens[-1].lemma_.lower()
    if head == "datum":  # the lemmatizer's singular of "data" is not how anyone says it
        head = "data"
    return (
        "".join(
            t.lower_
            + ("" if t.text == "-" or (t.i + 1 < end and doc[t.i + 1].text == "-") else " ")
            for t in tokens[:-1]
        )
        + head
    )


def _word_ok(doc, i: int, start: int, end: int) -> bool:
    t = doc[i]
    return (t.pos_ in _CONCEPT_POS and t.is_alpha and t.lower_ not in _VAGUE_MODIFIERS) or (
        _inner_hyphen(doc, i, start, end)
    )


def phrase_candidates(
    doc,
    transcript: Transcript,
    sentence: Sentence,
    taken: set[int],
    spans: Sequence[SpanMention] = (),
) -> list[tuple[TermCandidate, ...]]:
    """For each noun phrase of ``doc``: its candidate terms, longest first.

    A candidate is a run of content words ending in a noun, not overlapping a name
    (``taken`` holds the tokens of the unit's other mentions), holding any lexicon
    concept whole, at most :data:`MAX_TERM_WORDS` long and not written as a name."""
    concept_at = _lexicon_concepts(spans)
    out = []
    for chunk in doc.noun_chunks:
        start, end = _trimmed(doc, chunk.start, chunk.end)
        if end <= start:
            continue
        found: list[TermCandidate] = []
        for length in range(min(MAX_TERM_WORDS, end - start), 0, -1):
            for i in range(start, end - length + 1):
                j = i + length
                candidate = _candidate(
                    doc, i, j, start, end, transcript, sentence, taken, concept_at
                )
                if candidate:
                    found.append(candidate)
        if found:
            out.append(tuple(found))
    return out


def _candidate(doc, i, j, start, end, transcript, sentence, taken, concept_at):
    tokens = doc[i:j]
    if tokens[-1].pos_ not in ("NOUN", "PROPN") or not _word_ok(doc, i, start, end):
        return None
    if doc[i].text == "-" or doc[j - 1].text == "-":
        return None
    if not all(_word_ok(doc, k, i, j) for k in range(i, j)):
        return None
    if any(k in taken and k not in concept_at for k in range(i, j)):
        return None
    inner = tuple(dict.fromkeys(concept_at[k] for k in range(i, j) if k in concept_at))
    if any(s.token_start < i or s.token_end > j for s in inner):
        return None  # cuts a lexicon concept in two
    if inner and sum(s.token_end - s.token_start for s in inner) == j - i:
        return None  # the lexicon concept itself
    if _written_as_name(doc, i, j):
        return None
    key = _key(doc, i, j)
    # a compound of common nouns ("signal processing"); not names ("hippocrates galen")
    # nor a plural before the head ("microorganisms bacteria"), which in unpunctuated
    # speech is two items of a list run together
    compound = (
        j - i > 1
        and all(t.pos_ == "NOUN" for t in tokens)
        and not any(t.tag_ == "NNS" for t in tokens[:-1])
    )
    mention = _make_mention(doc, i, j, transcript, sentence, "Concept", "concept")
    return TermCandidate(
        key, compound, SpanMention(replace(mention.mention, norm=key), i, j), inner
    )


class TermStatistics:
    """Frequencies of a transcript's candidate terms, nested occurrences included."""

    def __init__(self) -> None:
        self.frequency: Counter = Counter()
        self.containers: dict[str, set[str]] = defaultdict(set)
        self.compounds: set[str] = set()

    def add(self, phrase: Sequence[TermCandidate]) -> None:
        """Count one noun phrase's candidates (each key once per phrase)."""
        self.frequency.update({c.key for c in phrase})
        self.compounds.update(c.key for c in phrase if c.compound)
        for a in phrase:
            for b in phrase:
                if (
                    b.length > a.length
                    and b.key != a.key
                    and b.span.token_start <= a.span.token_start
                    and a.span.token_end <= b.span.token_end
                ):
                    self.containers[a.key].add(b.key)

    def independent_counts(self) -> Counter:
        """Each candidate's C-value frequency: its occurrences minus the mean frequency
        of the longer candidates it occurs inside."""
        out: Counter = Counter()
        for key, f in self.frequency.items():
            longer = self.containers.get(key)
            if longer:
                f = f - sum(self.frequency[b] for b in longer) / len(longer)
            if f > 0:
                out[key] = f
        return out


def choose_terms(phrase: Sequence[TermCandidate], terms: set[str], accept) -> list[TermCandidate]:
    """The kept terms of one noun phrase, longest first, never overlapping: the specific
    term the speaker said ("swan neck flask experiment") rather than a term inside it.
    ``accept(candidate)`` may refuse one for reasons outside the phrase."""
    chosen: list[TermCandidate] = []
    for c in phrase:  # longest first
        if c.key not in terms or not accept(c):
            continue
        if any(
            c.span.token_start < o.span.token_end and o.span.token_start < c.span.token_end
            for o in chosen
        ):
            continue
        chosen.append(c)
    return chosen
