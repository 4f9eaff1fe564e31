"""Repairs of three errors the small spaCy model makes on names in cased transcripts.

* **Split names.** NER may tag one name as two spans side by side ("with Lockheed
  Martin": ORG "Lockheed" + PERSON "Martin"), though the parse reads the first as a
  compound of the second. Two spans with no token between them that the parse joins
  are one name (:func:`joined_names`).
* **A town before its region.** "we flew to Lyon, France": NER may call the town a
  person or an organisation; a name after a preposition of place and before ", <a
  country or a first-level region>" is a place (:func:`town_of_region`).
* **A person and more in one span.** "Tyler Tringas of the Calm Fund" tagged as one
  organisation, "Gloria and Fanquake" as one person: a span that opens with a given
  name and goes on with "of (the) <Name>" is the person and the organisation; a
  person's span with "and" between two capitalised names is two people
  (:func:`split_people`).
* **A common word opening a sentence.** "Taurine is maybe affecting you" gets a
  name's tag for its capital; a word the transcript also writes in lowercase, and
  never with a capital in mid-sentence, is no name (:class:`SentenceCaseWords`), so
  its tokens stay free for concept discovery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .titled import known_given_name

__all__ = [
    "SentenceCaseWords",
    "joined_names",
    "split_after_company",
    "split_people",
    "town_of_region",
]

#: Dependencies by which the parse makes one proper noun part of the next one's name.
_NAME_JOINS = frozenset({"compound", "flat"})


def joined_names(
    doc, spans: list[tuple[int, int, str]], taken: list[bool]
) -> list[tuple[int, int, str]]:
    """``spans`` (NER's, in text order) with each pair that is one name made one span:
    the second starts where the first ends (no token, no comma between), the parse
    joins them (a word of one is a compound or flat part of a word of the other), and
    no lexicon or earlier mention holds a word of either (two known names side by
    side, "IBM Linux", stay two). The joined name's type: an organisation's when one
    side is an organisation and the other one word ("Lockheed Martin": firms are
    named after people), else the type of the side that holds the parse's head."""
    out: list[tuple[int, int, str]] = []
    for start, end, etype in spans:
        if out and _joins(doc, out[-1], (start, end), taken) and etype and out[-1][2]:
            first_start, first_end, first_type = out[-1]
            out[-1] = (first_start, end, _joined_type(doc, out[-1], (start, end, etype)))
            continue
        out.append((start, end, etype))
    return out


def _joins(doc, first: tuple, second: tuple, taken: list[bool]) -> bool:
    if first[1] != second[0] or any(taken[first[0] : second[1]]):
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in doc[first[0] : second[1]]):
        return False
    last, head = doc[first[1] - 1], doc[second[0]]
    return (last.dep_ in _NAME_JOINS and second[0] <= last.head.i < second[1]) or (
        head.dep_ in _NAME_JOINS and first[0] <= head.head.i < first[1]
    )


def _joined_type(doc, first: tuple, second: tuple) -> str:
    (a_start, a_end, a_type), (b_start, b_end, b_type) = first, second
    if a_type == b_type:
        return a_type
    if a_type == "Organization" and b_end - b_start == 1:
        return a_type
    if b_type == "Organization" and a_end - a_start == 1:
        return b_type
    # the side whose words the other's hang from (the head of the whole name)
    last = doc[a_end - 1]
    return b_type if b_start <= last.head.i < b_end else a_type


#: Prepositions of place: one is in, goes to, comes from, is at or near a town.
_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near"})
#: Longest region name read after the comma ("United Arab Emirates").
_REGION_WORDS = 3


def town_of_region(doc, start: int, end: int) -> bool:
    """The capitalised name at ``doc[start:end]`` is a town: a preposition of place
    before it and ", <a country or first-level region>" after it ("to Lyon, France",
    "from Boise, Idaho"). A region does not follow a person's or a firm's name after
    "in"/"to"; the region must end its noun phrase ("in Paris, France Telecom" names a
    firm)."""
    if start == 0 or doc[start - 1].lower_ not in _PLACE_PREPOSITIONS:
        return False
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    if not all(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]):
        return False
    # imported here: the relations package imports this module's users
    from .relations.regions import is_region

    for k in range(min(len(doc), end + 1 + _REGION_WORDS), end + 1, -1):
        words = doc[end + 1 : k]
        if not all(t.text[:1].isupper() for t in words):
            continue
        if k < len(doc) and doc[k].pos_ == "PROPN":
            continue  # the region's words begin a longer name
        if is_region(words.text):
            return True
    return False


@dataclass
class SentenceCaseWords:
    """Words a cased transcript writes with a capital only where a sentence begins:
    said elsewhere in lowercase ("... with caffeine, taurine, ..."), and never with a
    capital in mid-sentence ("Taurine is maybe affecting you" then names nothing).
    NER tags such a word at a sentence's start as a name at random; the transcript's
    own spelling of it says it is a common word. Looked up per word, lazily, in the
    transcript's text (few words need asking)."""

    text: str = field(repr=False)
    _known: dict[str, bool] = field(default_factory=dict, repr=False)
    _names: dict[str, bool] = field(default_factory=dict, repr=False)

    def common(self, word: str) -> bool:
        """``word`` (written with a capital) is a common word of the transcript."""
        if not (word.isalpha() and word[:1].isupper() and word[1:].islower() and len(word) > 1):
            return False
        if word not in self._known:
            lower = re.escape(word.lower())
            said_lower = re.search(rf"(?<![\w'-]){lower}(?![\w'-])", self.text)
            capital = re.escape(word)
            # a capital after a word or a comma is the writer's, not the sentence's
            mid_capital = re.search(rf"[\w,;] +{capital}(?![\w'-])", self.text)
            self._known[word] = bool(said_lower) and not mid_capital
        return self._known[word]

    def recurring_name(self, name: str) -> bool:
        """``name`` (capitalised words) is written so at least :data:`NAME_RECURS` times
        in mid-sentence and seldom in lowercase (a web address, a slip): the transcript's
        own spelling of a name ("we ran CentOS ... the CentOS project"), which NER may
        never have tagged."""
        if name not in self._names:
            escaped = re.escape(name)
            mid = re.findall(rf"[\w,;] +{escaped}(?![\w'-])", self.text)
            lower = re.findall(rf"(?<![\w'-]){re.escape(name.lower())}(?![\w'-])", self.text)
            self._names[name] = len(mid) >= NAME_RECURS and 2 * len(lower) < len(mid)
        return self._names[name]


#: Times a capitalised name NER did not tag is written in mid-sentence before the
#: transcript's own spelling makes it a name (:meth:`SentenceCaseWords.recurring_name`).
NAME_RECURS = 3


def split_people(
    doc, spans: list[tuple[int, int, str]], given_names: frozenset[str]
) -> list[tuple[int, int, str]]:
    """``spans`` (NER's) with a person run into more names split (see the module doc):
    "<Given> <Surname> of (the) <Name>" becomes the person and an organisation, a
    person's "<Name> and <Name>" two people. Only capitalised words count as names."""
    out: list[tuple[int, int, str]] = []
    for start, end, etype in spans:
        words = doc[start:end]
        cut = next((t.i for t in words if t.lower_ in ("of", "and") and t.i > start), None)
        if cut is None or not all(t.text[:1].isupper() for t in doc[start:cut]):
            out.append((start, end, etype))
            continue
        after = cut + 1
        if after < end and doc[after].lower_ == "the" and doc[cut].lower_ == "of":
            after += 1
        rest = doc[after:end]
        if not rest or not all(t.text[:1].isupper() or not t.is_alpha for t in rest):
            out.append((start, end, etype))
            continue
        first_given = doc[start].lower_ in given_names and cut - start >= 2
        if doc[cut].lower_ == "of" and first_given:
            out += [(start, cut, "Person"), (after, end, "Organization")]
        elif doc[cut].lower_ == "and" and etype == "Person":
            out += [(start, cut, "Person"), (after, end, "Person")]
        else:
            out.append((start, end, etype))
    return out


def split_after_company(
    doc,
    spans: list[tuple[int, int, str]],
    given_names: frozenset[str],
    company_words: frozenset[str],
) -> list[tuple[int, int, str]]:
    """``spans`` (NER's) with an organisation run into the person named after it split:
    in unpunctuated speech "at luma labs ana silva a professor of physics" comes out as
    one organisation; a company word ("labs", "inc", "robotics") followed by a given name
    and one more word ends the organisation, the rest is the person."""
    out: list[tuple[int, int, str]] = []
    for start, end, etype in spans:
        cut = None
        if etype == "Organization":
            cut = next(
                (
                    k
                    for k in range(start + 1, end - 1)
                    if doc[k - 1].lower_ in company_words
                    and known_given_name(doc[k].lower_, given_names)
                    and doc[k].is_alpha
                    and doc[k + 1].is_alpha
                ),
                None,
            )
        if cut is None:
            out.append((start, end, etype))
        else:
            out += [(start, cut, "Organization"), (cut, end, "Person")]
    return out
