"""Names of institutions, events, documents and titled people in lowercase speech.

Lowercase speech (auto-captions, transcribed speeches) says "the council of foreign
ministers", "the potsdam conference", "the crimea agreement" and "ambassadors harriman
davies and pauley" with no capital to mark a name, and NER, even on the truecased
copy, reads them as common words or runs a list of surnames into one name. English
builds such names from a small set of head nouns and a name they are anchored on:

* an institution's head noun (:data:`INSTITUTION_HEADS`) with a name or a rare word
  before it ("the reparations commission") or an "of" complement after it ("the
  council of foreign ministers", "the senate of the united states"): Organization;
* an event's head noun (:data:`EVENT_HEADS`) with a name before it ("the potsdam
  conference") or "of"/"at"/"in" and a name after it ("the conference at san
  francisco"; plural, each name its own event: "the conferences of teheran and
  yalta"), and the numbered world wars: Event;
* a document's head noun (:data:`DOCUMENT_HEADS`) with a name before it ("the united
  nations charter", "the berlin declarations") or "of" and a name after it ("the
  treaty of versailles"), and a country's constitution said as "our constitution":
  Work;
* the bodies a country has one of ("the senate", "the congress", "the parliament"):
  Organization;
* rare words after a title ("secretary of state byrnes") or after a plural title, as
  a list ("ambassadors harriman davies and pauley": three people): Person, each name
  its own span whatever NER made of the run.

A name anchors a phrase when a mention of the unit already covers it (a place, an
organisation, a person), or the gazetteer or WordNet lists it (:mod:`.truecase`,
:mod:`.propernames`). A head noun with nothing of that kind beside it ("the
committee", "a bank", "the conference") stays a common noun. Cased text never comes
here: its capitals say which phrases are names.
"""

from __future__ import annotations

from dataclasses import dataclass

from wordfreq import zipf_frequency

from ..model import Sentence, Transcript
from ..nlp import tokens
from .entities import SpanMention, _make_mention
from .propernames import longest_name
from .truecase import TITLES, gazetteer_place, known_place

__all__ = [
    "INSTITUTION_HEADS",
    "EVENT_HEADS",
    "DOCUMENT_HEADS",
    "NameSpan",
    "lowercase_institution_names",
    "with_institution_names",
    "institution_name",
]

#: Head nouns of the names of bodies (singular and plural).
INSTITUTION_HEADS = frozenset(
    {
        "council", "councils", "senate", "congress", "commission", "commissions",
        "committee", "committees", "ministry", "department", "parliament", "court",
        "assembly", "bank", "agency", "administration", "government", "army", "navy",
    }
)  # fmt: skip
#: Institution heads whose "of" complement may be plain words, not a name ("the
#: council of foreign ministers", "the department of state"); "the administration
#: of justice" or "the bank of the river" are no bodies.
_OF_WORDS_HEADS = frozenset(
    {"council", "senate", "commission", "committee", "ministry", "department", "parliament"}
)
#: Heads whose "of" and one plain word are a name ("the department of state", "the
#: ministry of defence"); the others need two ("the council of foreign ministers").
_ONE_WORD_OF_HEADS = frozenset({"ministry", "department"})
#: Bodies a country has one of, a name after "the" on their own.
UNIQUE_BODIES = frozenset({"senate", "congress", "parliament"})
#: Head nouns of the names of things that happen.
EVENT_HEADS = frozenset({"conference", "conferences", "summit", "summits", "war", "olympics"})
#: Head nouns of the names of documents.
DOCUMENT_HEADS = frozenset(
    {
        "charter", "constitution", "agreement", "agreements", "declaration", "declarations",
        "treaty", "treaties", "accord", "accords", "protocol", "pact", "convention",
        "communique", "doctrine",
    }
)  # fmt: skip
#: Documents that "of" and a name complement ("the treaty of versailles"); "the
#: agreement of france" is a country agreeing.
_OF_DOCUMENTS = DOCUMENT_HEADS - {"agreement", "agreements", "accord", "accords"}
_HEAD_TYPES = (
    {w: "Organization" for w in INSTITUTION_HEADS}
    | {w: "Event" for w in EVENT_HEADS}
    | {w: "Work" for w in DOCUMENT_HEADS}
)
#: Prepositions joining an event to its place ("the conference at san francisco").
_EVENT_PREPOSITIONS = frozenset({"of", "at", "in"})
#: The types of mentions that anchor a name built on them.
_ANCHOR_TYPES = frozenset({"Place", "Organization", "Person"})
#: A modifier before an institution's head that is no name is at most this frequent
#: (Zipf), a word hardly English outside the name: "reparations" (3.2); not
#: "planning" (4.9), "food" (5.4), "ethics" (4.3).
RARE_MODIFIER_MAX_ZIPF = 3.5
#: A word after a title is a surname at most this frequent (Zipf): "davies" (3.9),
#: "byrnes" (2.9); not "teach" or "will".
TITLED_NAME_MAX_ZIPF = 4.0
#: Ordinals and numerals of the world wars ("the second world war", "world war ii").
_WAR_ORDINALS = frozenset({"first", "second", "third"})
_WAR_NUMBERS = frozenset({"i", "ii", "one", "two", "1", "2"})
#: Determiners and possessives before a name of a document or body.
_THE = frozenset({"the"})
_OUR = frozenset({"the", "our"})
#: Plural titles, said before a list of people ("ambassadors harriman and pauley").
PLURAL_TITLES = frozenset(
    t + "s" for t in TITLES if len(t) > 3 and t not in ("miss", "father", "prince", "princess")
)
_ALL_HEADS = frozenset(_HEAD_TYPES) | PLURAL_TITLES | {"world", "secretary", "minister"}
_STOP = frozenset(
    {"the", "a", "an", "of", "and", "or", "in", "at", "to", "for", "on", "by", "with", "our"}
)


@dataclass(frozen=True)
class NameSpan:
    """A name found by a head-noun pattern: tokens ``[start, end)`` and its type."""

    start: int
    end: int
    type: str


def _rare(word: str, max_zipf: float) -> bool:
    """A word of four letters or more, no function word, at most ``max_zipf``."""
    return (
        word.isalpha()
        and len(word) >= 4
        and word not in _STOP
        and not word.endswith(("ed", "ing"))
        and zipf_frequency(word, "en") <= max_zipf
    )


class _Anchors:
    """The names of one unit, as token ranges: its mentions of names and the places and
    named individuals general knowledge lists."""

    def __init__(self, words: list[str], spans: list[SpanMention]):
        self.words = words
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}
        for s in spans:
            if s.mention.type in _ANCHOR_TYPES:
                self._add(s.token_start, s.token_end)

    def _add(self, start: int, end: int) -> None:
        if end - start > self.by_start.get(start, 0) - start:
            self.by_start[start] = end
        if start < self.by_end.get(end, end + 1):
            self.by_end[end] = start

    def starting(self, i: int) -> int:
        """The end of a name that begins at ``i``, or 0."""
        if i in self.by_start:
            return self.by_start[i]
        words = self.words
        for size in (4, 3, 2, 1):
            if i + size <= len(words):
                name = " ".join(words[i : i + size])
                if known_place(name) or gazetteer_place(name):
                    return i + size
        named = longest_name(words, i) if i < len(words) else None
        return i + named[0] if named else 0

    def ending(self, j: int) -> int:
        """The start of a name that ends at ``j`` (exclusive), or -1."""
        if j in self.by_end:
            return self.by_end[j]
        for size in (4, 3, 2, 1):
            if j - size >= 0 and self.starting(j - size) == j:
                return j - size
        return -1


def lowercase_institution_names(doc, spans: list[SpanMention]) -> list[NameSpan]:
    """The names of bodies, events, documents and titled people in one unit of
    lowercase speech (see the module doc), in text order."""
    toks = tokens(doc)
    words = [t.lower_ for t in toks]
    if not _ALL_HEADS.intersection(words):
        return []
    anchors = _Anchors(words, spans)
    out: list[NameSpan] = []
    for h, word in enumerate(words):
        if word in PLURAL_TITLES:
            out.extend(_titled_list(words, h))
        elif word in ("secretary", "minister"):
            out.extend(_titled_office(words, h))
        elif word == "world":
            war = _world_war(words, h)
            if war:
                out.append(war)
        if word in _HEAD_TYPES:
            out.extend(_headed_name(words, toks, h, anchors))
    out.sort(key=lambda n: (n.start, -n.end))
    kept: list[NameSpan] = []
    for name in out:  # the first and longest of overlapping names
        if all(name.end <= k.start or k.end <= name.start for k in kept):
            kept.append(name)
    return kept


def _headed_name(words: list[str], toks, h: int, anchors: _Anchors) -> list[NameSpan]:
    """The name whose head noun is ``words[h]``: a name or rare word before it, or a
    preposition and a name after it."""
    head = words[h]
    etype = _HEAD_TYPES[head]
    before = anchors.ending(h)
    if before > 0 and words[before - 1] in _THE and not (etype == "Event" and head == "war"):
        return [NameSpan(before, h + 1, etype)]
    if (
        etype == "Organization"
        and h >= 2
        and words[h - 2] in _THE
        and _rare(words[h - 1], RARE_MODIFIER_MAX_ZIPF)
        and toks[h - 1].pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        return [NameSpan(h - 1, h + 1, etype)]  # "the reparations commission"
    if h == 0 or words[h - 1] not in _OUR:
        return []
    if h + 2 < len(words) and (
        words[h + 1] == "of" or (etype == "Event" and words[h + 1] in _EVENT_PREPOSITIONS)
    ):
        found = _complement(words, toks, h, anchors)
        if found:
            return found
    if words[h - 1] == "the" and head in UNIQUE_BODIES:
        return [NameSpan(h, h + 1, "Organization")]  # "the senate"
    if head == "constitution" and words[h + 1 : h + 2] != ["of"]:
        return [NameSpan(h, h + 1, "Work")]  # "our constitution"; not "of the body"
    return []


def _complement(words: list[str], toks, h: int, anchors: _Anchors) -> list[NameSpan]:
    """A head noun with "of"/"at"/"in" and a name after it; a plural event head with a
    list of names gives each name as an event ("the conferences of teheran and yalta")."""
    head = words[h]
    etype = _HEAD_TYPES[head]
    if etype == "Work" and head not in _OF_DOCUMENTS:
        return []
    k = h + 2 + (words[h + 2] == "the")
    end = anchors.starting(k) if k < len(words) else 0
    if end:
        if etype == "Event" and head.endswith("s"):
            names = [NameSpan(k, end, etype)]
            while end + 1 < len(words) and words[end] == "and":
                nxt = anchors.starting(end + 1)
                if not nxt:
                    break
                names.append(NameSpan(end + 1, nxt, etype))
                end = nxt
            return names if len(names) > 1 else []
        return [NameSpan(h, end, etype)]
    if etype != "Organization" or head not in _OF_WORDS_HEADS or words[h + 1] != "of":
        return []
    # "the council of foreign ministers": up to three plain words, the last a noun
    last = 0
    for j in range(h + 2, min(h + 5, len(words))):
        if words[j] in _STOP or not words[j].isalpha() or toks[j].pos_ not in ("NOUN", "ADJ"):
            break
        if toks[j].pos_ == "NOUN":
            last = j + 1
    if not last or (last - h - 2 < 2 and head not in _ONE_WORD_OF_HEADS):
        return []  # "the committee of experts", "the council of elders": a group
    return [NameSpan(h, last, etype)]


def _titled_list(words: list[str], h: int) -> list[NameSpan]:
    """Surnames listed after a plural title ("ambassadors harriman davies and pauley"):
    two or more rare words, the last after "and", each one person."""
    names: list[NameSpan] = []
    j = h + 1
    joined = False
    while j < len(words):
        if words[j] == "and" and names and not joined:
            joined = True
            j += 1
            continue
        if not _rare(words[j], TITLED_NAME_MAX_ZIPF):
            break
        names.append(NameSpan(j, j + 1, "Person"))
        j += 1
        if joined:
            break
    return names if len(names) >= 2 and joined else []


def _titled_office(words: list[str], h: int) -> list[NameSpan]:
    """A surname after a title of office ("secretary of state byrnes", "minister of
    finance okonjo"): the office's one or two words, then one rare word."""
    if h + 3 >= len(words) or words[h + 1] != "of":
        return []
    for size in (1, 2):
        j = h + 2 + size
        office = words[h + 2 : j]
        if j >= len(words) or any(w in _STOP or not w.isalpha() for w in office):
            return []
        if _rare(words[j], TITLED_NAME_MAX_ZIPF) and (
            j + 1 == len(words) or not _rare(words[j + 1], TITLED_NAME_MAX_ZIPF)
        ):
            return [NameSpan(j, j + 1, "Person")]
    return []


def _world_war(words: list[str], h: int) -> NameSpan | None:
    """ "world war ii", "the second world war": the numbered world wars."""
    if h + 1 >= len(words) or words[h + 1] != "war":
        return None
    if h + 2 < len(words) and words[h + 2] in _WAR_NUMBERS:
        return NameSpan(h, h + 3, "Event")
    if h > 0 and words[h - 1] in _WAR_ORDINALS:
        return NameSpan(h - 1, h + 2, "Event")
    return None


def _remainders(
    doc, transcript: Transcript, sentence: Sentence, span: SpanMention, name: NameSpan
) -> list[SpanMention]:
    """The parts of a statistical name outside a pattern's name that cuts through it,
    without the function words at their edges, kept with NER's type: the name NER ran
    into the next ("United Nations" of "United Nations the Council of Foreign")."""
    words = [t.lower_ for t in tokens(doc)]
    out = []
    for start, end in ((span.token_start, name.start), (name.end, span.token_end)):
        while start < end and words[start] in _STOP:
            start += 1
        while end > start and words[end - 1] in _STOP:
            end -= 1
        if end > start and all(w.isalpha() for w in words[start:end]):
            out.append(
                _make_mention(doc, start, end, transcript, sentence, span.mention.type, "ner")
            )
    return out


#: Where :func:`with_institution_names` keeps the spans it named, per Doc.
_NAMES_KEY = "kg_institution_names"


def institution_name(doc, start: int, end: int) -> bool:
    """``doc[start:end]`` is a name :func:`with_institution_names` found: its head noun
    or title is the evidence, so it needs no second mention to be kept ("ambassadors
    harriman davies and pauley", "our constitution" said once)."""
    return (start, end) in doc.user_data.get(_NAMES_KEY, ())


def with_institution_names(
    doc, transcript: Transcript, sentence: Sentence, spans: list[SpanMention]
) -> list[SpanMention]:
    """``spans`` with the names of :func:`lowercase_institution_names` added. A name
    replaces the mentions inside it and the statistical names it overlaps (NER's
    "Harriman Davies" before two people); a lexicon name it cuts through stays, and the
    pattern's name is dropped."""
    names = lowercase_institution_names(doc, spans)
    if not names:
        return spans
    doc.user_data[_NAMES_KEY] = frozenset((n.start, n.end) for n in names)
    out = list(spans)
    for name in names:
        overlapping = [s for s in out if s.token_start < name.end and name.start < s.token_end]
        inside = [s for s in overlapping if name.start <= s.token_start and s.token_end <= name.end]
        if any(s.mention.source != "ner" and s not in inside for s in overlapping):
            continue
        if any(
            s.mention.type == name.type and (s.token_start, s.token_end) == (name.start, name.end)
            for s in overlapping
        ):
            continue
        out = [s for s in out if s not in overlapping]
        for s in overlapping:
            if s not in inside:  # NER's "United Nations the Council of Foreign"
                out.extend(_remainders(doc, transcript, sentence, s, name))
        out.append(_make_mention(doc, name.start, name.end, transcript, sentence, name.type, "ner"))
    out.sort(key=lambda s: s.token_start)
    return out
