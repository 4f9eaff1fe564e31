"""Precision rules for discovered concept terms, found by judging whole builds of
transcripts nobody tuned to (``tests/data/judged_unseen*``).

Three kinds of wrong term survive the termhood tests of :mod:`kg.extract.concepts`:

* a run-on or fragment that cuts across a term the talk keeps saying: in unpunctuated
  speech "... reform america's health care system security simplicity savings ..."
  is one noun phrase to the parse, whose longest candidate ("care system security
  simplicity") wins over the term inside it ("health care system"). A candidate said
  once that overlaps a kept term said more often, without holding it whole, is a piece
  of that term plus a piece of the words around it (:func:`crosses_commoner_term`);
* a piece of a longer term that the talk says on its own once, where a slip of the
  tongue or of the recogniser broke the longer term ("our heath care system" in a talk
  that says "health care system" six times): C-value's count (see
  :mod:`kg.extract.terms`) subtracts the *mean* frequency of the longer candidates a
  phrase is nested in, and in run-on speech many run-ons said once dilute that mean,
  so "care system" keeps a count of almost six (:func:`without_fragments`);
* the varieties of one concrete thing a story lists, each named in one sentence
  ("vanilla ice cream", "coconut ice cream", "lemon ice cream"): members of a list a
  talk runs through on the way to its subject (:func:`incidental_thing`). Refusing
  every concrete thing said in one sentence ("washing machines", "a cookie jar") cost
  gold concepts on dev, fresh and val ("compound microscope", "chemical weapon",
  "bash shell"); a list of three varieties of one thing cost none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import wordnet

if TYPE_CHECKING:
    from .terms import TermCandidate, TermStatistics

#: A kept term said on its own (outside one longer kept term) at most this often, and
#: otherwise only inside that term, is a fragment of it.
FRAGMENT_ALONE = 1
#: Phrases of one concrete thing said in one sentence each that make a list of varieties.
LIST_SIBLINGS = 3
#: WordNet lexnames of concrete things: made things, food, natural objects and
#: substances, plants, animals, body parts.
CONCRETE_LEXNAMES = frozenset(
    {"noun.artifact", "noun.food", "noun.object", "noun.plant", "noun.animal", "noun.body",
     "noun.substance"}
)  # fmt: skip

__all__ = ["crosses_commoner_term", "without_fragments", "incidental_thing", "CONCRETE_LEXNAMES"]


def crosses_commoner_term(
    c: TermCandidate,
    phrase: Sequence[TermCandidate],
    terms: set[str],
    counts: Counter,
    accept: Callable[[TermCandidate], bool],
) -> bool:
    """Whether candidate ``c``, said once, partly overlaps another kept candidate of its
    noun phrase (neither holds the other) that the talk says more often: "care system
    security simplicity" across "health care system". Which of two crossing terms is
    the fragment is settled by how often each is said, not by length."""
    if counts[c.key] >= 2:
        return False
    a, b = c.span.token_start, c.span.token_end
    for o in phrase:
        if o.key == c.key or o.key not in terms or counts[o.key] <= counts[c.key]:
            continue
        s, e = o.span.token_start, o.span.token_end
        crossing = s < b and a < e and not (s <= a and b <= e) and not (a <= s and e <= b)
        if crossing and accept(o):
            return True
    return False


def without_fragments(terms: set[str], statistics: TermStatistics) -> set[str]:
    """``terms`` without the phrases said outside one longer kept term at most
    :data:`FRAGMENT_ALONE` times, which that term is said at least twice: "care system"
    said six times in "health care system" and once in "our heath care system", and
    never a whole noun phrase: the slip leaves it inside a longer phrase. Said once as
    a whole noun phrase ("a neck flask experiment"), a phrase is the speaker's own
    wording; a phrase WordNet lists stands on its own ("bone marrow"), and so does a
    single word."""
    out = set()
    index = tail_index(statistics)
    for key in terms:
        if " " in key and not statistics.whole[key] and not wordnet.is_noun_lemma(key):
            f = statistics.frequency[key]
            if any(
                t in terms
                and statistics.frequency[t] >= 2
                and f - statistics.frequency[t] <= FRAGMENT_ALONE
                for t in statistics.containers.get(key, ())
            ):
                continue
        if incidental_thing(key, statistics, index):
            continue
        out.add(key)
    return out


def _head_lexname(words: list[str]) -> str | None:
    """The lexname of the first sense of the longest tail of ``words`` WordNet lists
    ("ice cream" in "vanilla ice cream": food, where "cream" alone is first a group)."""
    for k in range(len(words) - 1):
        tail = " ".join(words[k:])
        if wordnet.is_noun_lemma(tail):
            found = wordnet.first_lexname(tail) or wordnet.first_lexname(tail.replace(" ", ""))
            if found:
                return found
    return wordnet.first_lexname(words[-1])


def _one_sentence_nouns(key: str, statistics: TermStatistics) -> bool:
    """Whether candidate ``key`` is said in one sentence only and every word of it is a
    noun WordNet lists."""
    return len(set(statistics.units.get(key, ()))) == 1 and all(
        wordnet.first_lexname(w) for w in key.split()
    )


def incidental_thing(
    key: str, statistics: TermStatistics, index: dict[str, list[str]] | None = None
) -> bool:
    """Whether phrase ``key`` is one of :data:`LIST_SIBLINGS` or more phrases of a
    concrete thing (:data:`CONCRETE_LEXNAMES`) that share all words but the first, each
    said in one sentence only with nouns only: "vanilla ice cream", "coconut ice cream",
    "lemon ice cream", the members of a list of one kind that a story runs through on
    the way to its subject. A kind the talk comes back to is said in more than one
    sentence; an adjective that classifies ("electronic device") is no noun. ``index``:
    :func:`tail_index` of ``statistics``, made once for many keys."""
    words = key.split()
    if len(words) < 2 or not _one_sentence_nouns(key, statistics):
        return False
    if _head_lexname(words) not in CONCRETE_LEXNAMES:
        return False
    tail = " ".join(words[1:])
    siblings = [
        k
        for k in (index if index is not None else tail_index(statistics)).get(tail, ())
        if _one_sentence_nouns(k, statistics)
    ]
    return len(siblings) >= LIST_SIBLINGS


def tail_index(statistics: TermStatistics) -> dict[str, list[str]]:
    """The candidates of several words said in one sentence, by all their words but the
    first ("ice cream" -> "vanilla ice cream", "lemon ice cream"): one pass over the
    candidate keys, no dictionary look-up."""
    index: dict[str, list[str]] = {}
    for k in statistics.frequency:
        _, _, tail = k.partition(" ")
        if tail and len(set(statistics.units.get(k, ()))) == 1:
            index.setdefault(tail, []).append(k)
    return index
