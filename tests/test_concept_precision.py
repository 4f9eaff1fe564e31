"""Concept precision: unpunctuated speech runs a list of nouns together ("grief sorrow
despair"), which the parse reads as one compound. Nouns of one WordNet kind side by
side are such a list, not a modifier naming another kind of thing than its head. Texts
and counts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.extract import wordnet
from kg.extract.concepts import select_terms


def _kept(counts: dict[str, int]) -> set[str]:
    words = Counter({w: 2 for key in counts for w in key.split()})
    words["the"] = 3000
    total = sum(words.values())
    return select_terms(Counter(counts), 2, 2.0, set(counts), words, total)


def test_a_run_of_nouns_of_one_kind_said_once_is_not_a_term():
    listed = "grief sorrow despair"
    kinds = [wordnet.first_lexname(w) for w in listed.split()]
    assert kinds[0] == kinds[1]  # the premise: neighbours of one kind
    kept = _kept({listed: 1, "volcano ash cloud": 1})
    # the compound of different kinds, as salient, is kept: the run alone is refused
    assert "volcano ash cloud" in kept
    assert listed not in kept


def test_a_two_noun_compound_of_one_kind_is_still_a_term():
    # two nouns of one kind are often a real compound ("enzyme inhibitor"): the rule needs three
    pair = "enzyme inhibitor"
    kinds = [wordnet.first_lexname(w) for w in pair.split()]
    assert kinds[0] == kinds[1]
    assert pair in _kept({pair: 1})
