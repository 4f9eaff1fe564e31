"""Precision rules for discovered concept terms, found by judging whole builds of
transcripts nobody tuned to (``tests/data/judged_unseen*``).

Two kinds of wrong term survive the termhood tests of :mod:`kg.extract.concepts`:

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
  so "care system" keeps a count of almost six (:func:`without_fragments`).

A third rule was measured and left out: refusing three or more varieties of one
concrete thing each said in one sentence ("vanilla / lemon / chocolate ice cream" in a
story) removed four wrong concepts of ``tests/data/judged_unseen_3`` but three right
ones of the judged shared corpus ("bash tool", "task agent", "background agent": the
kinds of a thing a technical talk is about), and refusing every concrete thing said in
one sentence ("washing machines", "a cookie jar") cost gold concepts on dev, fresh and
val ("compound microscope", "chemical weapon", "bash shell").
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
__all__ = ["crosses_commoner_term", "without_fragments"]


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
        out.add(key)
    return out
