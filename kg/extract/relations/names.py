"""Names as the relation reader sees them: one type per name for the whole transcript,
and names said again where the entity finder missed them.

Statistical NER types the same name differently from one sentence to the next ("Lark"
a person here, "Tessel Robotics" a work there) and misses a name it found before
("Norrsken Robotics" read as the concept "robotics"). A relation is stated once, in
one sentence, so the reader needs the name's type as the transcript settles it, and
the name wherever it is said:

* the type: the lexicon's, else what the speaker introduced it as ("a model called
  Lark" is a Product), else the type most of its mentions have (first seen on a tie);
* names said again: an exact, case-sensitive repeat of a name (or of the first name of
  a person named in full) that the unit's mentions do not cover; it replaces the
  shorter mentions inside it ("Robotics" in "Norrsken Robotics").

The mentions this module makes are for relations only: the entity list is untouched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ...model import Mention
from ..entities import _KIND_TYPES, _NAMING_VERBS, SpanMention

__all__ = ["NameTable"]

_NAMED_TYPES = frozenset({"Person", "Organization", "Product", "Work", "Place", "Event"})
_ARTIFACTS = ("Product", "Work")
_TYPE_ORDER = ("Organization", "Product", "Person", "Work", "Place", "Event")


@dataclass
class NameTable:
    """The names of one transcript: their settled type and where they are said again."""

    types: dict[str, str] = field(default_factory=dict)
    first: dict[str, Mention] = field(default_factory=dict)  # surface -> first mention
    #: first token of a name -> the names (as token tuples) starting with it, longest first
    starts: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    #: names the transcript introduced ("a model called Ogbon"): a repeat is the name,
    #: even where the parse reads it as a common noun (opening a sentence)
    introduced: frozenset[str] = frozenset()

    @classmethod
    def learn(cls, units) -> NameTable:
        """Build the table from (sentence, doc, spans) of every unit, in order."""
        votes: dict[str, Counter] = {}
        decided: dict[str, str] = {}
        first: dict[str, Mention] = {}
        persons: dict[str, set[str]] = {}  # first name -> full names
        introduced: set[str] = set()
        for _, doc, spans in units:
            for s in spans:
                m = s.mention
                if m.source not in ("lexicon", "ner") or m.type not in _NAMED_TYPES:
                    continue
                surface = doc[s.token_start : s.token_end].text
                if not surface[:1].isupper() and not surface[:1].isdigit():
                    continue  # lowercase speech: a repeat is no evidence of a name
                first.setdefault(surface, m)
                votes.setdefault(surface, Counter())[m.type] += 1
                if m.source == "lexicon":
                    decided.setdefault(surface, m.type)
                kind = _introduced_as(doc, s.token_start)
                if kind:
                    decided[surface] = kind
                    introduced.add(surface)
                words = surface.split()
                if m.type == "Person" and len(words) >= 2 and words[0].isalpha():
                    persons.setdefault(words[0], set()).add(surface)
        types = {}
        for surface, counter in votes.items():
            if surface in decided:
                types[surface] = decided[surface]
            else:
                top = max(counter.values())
                types[surface] = next(t for t in _TYPE_ORDER if counter[t] == top)
        # "Lark Mini" after "a model called Lark": a variant is the kind of thing it varies
        for surface in types:
            head = surface.split()[0]
            if surface not in decided and head != surface and decided.get(head) in _ARTIFACTS:
                types[surface] = decided[head]
        table = cls(types, first, introduced=frozenset(introduced))
        for surface in first:
            table._index(surface, surface)
        # "Carol had run marketing": the first name of the one person named in full
        for name, fulls in persons.items():
            if len(fulls) == 1 and name not in first:
                full = next(iter(fulls))
                if types.get(full) == "Person":
                    table._index(name, full)
        for entries in table.starts.values():
            entries.sort(key=lambda e: (-len(e[0]), e[1]))
        return table

    def _index(self, said: str, surface: str) -> None:
        tokens = tuple(said.split())
        self.starts.setdefault(tokens[0], []).append((tokens, surface))

    def view(self, doc, spans: list[SpanMention], sentence, transcript) -> list[SpanMention]:
        """The unit's mentions for relations: retyped to the transcript's type, with the
        names said again that they miss (placed in ``sentence`` of ``transcript``)."""
        out = []
        for s in spans:
            m = s.mention
            t = self.types.get(doc[s.token_start : s.token_end].text) if m.source == "ner" else None
            out.append(SpanMention(replace(m, type=t), s.token_start, s.token_end) if t else s)
        covered = {k: s for s in out for k in range(s.token_start, s.token_end)}
        added: list[SpanMention] = []
        i = 0
        while i < len(doc):
            entries = self.starts.get(doc[i].text)
            found = None
            for tokens, surface in entries or ():
                end = i + len(tokens)
                if tuple(t.text for t in doc[i:end]) != tokens:
                    continue
                if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                    continue  # part of a longer name
                said = doc[i].pos_ == "PROPN" or _mid_sentence(doc, i) or surface in self.introduced
                if len(tokens) == 1 and not said:
                    continue
                inside = {covered[k] for k in range(i, end) if k in covered}
                if any(
                    o.token_start < i or o.token_end > end or o.token_end - o.token_start >= end - i
                    for o in inside
                ):
                    continue  # a mention as long or straddling it is the better reading
                found = (end, surface, inside)
                break
            if found is None:
                i += 1
                continue
            end, surface, inside = found
            out = [s for s in out if s not in inside]
            added.append(
                SpanMention(self._again(doc, i, end, surface, sentence, transcript), i, end)
            )
            i = end
        return sorted(out + added, key=lambda s: s.token_start) if added else out

    def _again(self, doc, start: int, end: int, surface: str, sentence, transcript) -> Mention:
        """The first mention of ``surface``, placed here (its source kept: a name said)."""
        char_start = sentence.char_start + doc[start].idx
        char_end = sentence.char_start + doc[end - 1].idx + len(doc[end - 1].text)
        t0, t1 = transcript.time_span(char_start, char_end)
        return replace(
            self.first[surface],
            type=self.types[surface],
            sentence_index=sentence.index,
            segment_index=transcript.segment_at(char_start).index,
            char_start=char_start,
            char_end=char_end,
            start=t0,
            end=t1,
            speaker=sentence.speaker,
        )


def _mid_sentence(doc, i: int) -> bool:
    return i > 0 and not doc[i - 1].is_punct and doc[i].text[:1].isupper()


def _introduced_as(doc, start: int) -> str | None:
    """The type "a <kind> called X" gives X ("a model called Lark" -> Product)."""
    if start >= 2 and doc[start - 1].lower_ in _NAMING_VERBS:
        return _KIND_TYPES.get(doc[start - 2].lemma_.lower())
    return None
