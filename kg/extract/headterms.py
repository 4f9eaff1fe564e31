"""Head-term taxonomy: a field of study named with a modifier is a subfield of the
field when the transcript names that field too ("experimental immunology" ->
"immunology", "molecular biology" -> "biology").

Only fields: measured on the held-out sets, the same rule for every head noun mostly
linked a term to a generic word no one would list ("infectious disease" -> "disease")
or to the same thing said another way ("compound microscope" -> "microscope"). A
discipline word (closed morphology: "-ology", "-ics", "-istry", ... or "science",
"medicine", "engineering") names a field, and a modified field is a subfield.

The rule runs once per transcript, after every unit's mentions are known, so the head
may be said before or after the specific term. It compares whole words (never a suffix
of a word: "biology" is not a kind of "logy") of the mentions' normalised terms, and
cites the sentence where the specific term is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Mention, RelationCandidate, Sentence, Transcript
from ..nlp import unit_evidence

__all__ = ["HeadTermSentence", "head_term_broader"]

_WORD = re.compile(r"[a-z0-9]+")

#: The last word of a discipline's name: "immunology", "physics", "chemistry",
#: "economics", "astronomy", "geography", "computer science".
_FIELD = re.compile(
    r"(?:[a-z]{2}ology|[a-z]{3}ics|[a-z]{2}istry|[a-z]onomy|[a-z]ography|[a-z]ometry"
    r"|^science|^medicine|^engineering)$"
)


@dataclass(frozen=True)
class HeadTermSentence:
    """One unit's sentence and the concept mentions said in it."""

    sentence: Sentence
    concepts: tuple[Mention, ...]


def _words(m: Mention) -> tuple[str, ...]:
    return tuple(_WORD.findall((m.norm or m.surface).lower()))


def head_term_broader(
    transcript: Transcript, units: Iterable[HeadTermSentence]
) -> list[RelationCandidate]:
    """``broader`` from each concept mention to the longest other concept of the
    transcript its words end with; one candidate per (term, head, sentence)."""
    units = list(units)
    heads: dict[tuple[str, ...], Mention] = {}
    for unit in units:
        for m in unit.concepts:
            heads.setdefault(_words(m), m)
    out: list[RelationCandidate] = []
    for unit in units:
        sentence = unit.sentence
        done: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
        for m in unit.concepts:
            words = _words(m)
            if m.lexicon_id is not None or not words or not _FIELD.search(words[-1]):
                continue  # the lexicon's own concepts carry their broader already
            head = next((words[i:] for i in range(1, len(words)) if words[i:] in heads), None)
            if head is None or (words, head) in done:
                continue
            done.add((words, head))
            evidence = unit_evidence(transcript, sentence, "term:head-node", 0.8)
            out.append(RelationCandidate(m, "broader", heads[head], "typed", evidence))
    return out
