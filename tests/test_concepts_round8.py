"""Concept discovery, eighth round: a word of everyday English that a talk keeps naming.
A word said three times at well above its rate in English is a term when WordNet reads it
first as a made thing, an act, a process or a field ("telescope" in a talk about
astronomy); the same salience does not make a term of a kind of person, a natural object
or a word said only after a possessive. A vague noun ("number", "time") is a word of a
noun WordNet lists ("prime number", "number systems"); a vague adjective is not. Texts
and counts are written for these tests."""

from __future__ import annotations

from collections import Counter

from conftest import talk_word_counts

from kg.extract import wordnet
from kg.extract.concepts import (
    EVERYDAY_KEYNESS,
    SINGLE_KEYNESS,
    SINGLE_KEYNESS_TWICE,
    keyness,
    select_terms,
)


def _kept(counts: dict[str, int], words: Counter, owned: set[str] = frozenset()) -> set[str]:
    total = sum(words.values())
    return select_terms(Counter(counts), 2, 2.0, set(), words, total, owned=owned)


def test_an_everyday_made_thing_said_three_times_is_a_term():
    words = talk_word_counts(telescope=3, glacier=3, sailor=3)
    total = sum(words.values())
    value = keyness("telescope", 3, total)
    # salient, but under the bars of a word said three times by keyness alone
    assert EVERYDAY_KEYNESS <= value < min(SINGLE_KEYNESS, SINGLE_KEYNESS_TWICE)
    kept = _kept({"telescope": 3, "glacier": 3, "sailor": 3}, words)
    assert "telescope" in kept
    # as salient, but a natural object and a kind of person: not such a term
    assert keyness("glacier", 3, total) >= EVERYDAY_KEYNESS
    assert keyness("sailor", 3, total) >= EVERYDAY_KEYNESS
    assert "glacier" not in kept
    assert "sailor" not in kept


def test_an_everyday_word_said_twice_or_only_after_a_possessive_is_not():
    words = talk_word_counts(telescope=3)
    assert "telescope" not in _kept({"telescope": 2}, talk_word_counts(telescope=2))
    assert "telescope" not in _kept({"telescope": 3}, words, owned={"telescope"})
    # and one not salient enough stays out
    common = talk_word_counts(the=12000, telescope=3)
    assert keyness("telescope", 3, sum(common.values())) < EVERYDAY_KEYNESS
    assert "telescope" not in _kept({"telescope": 3}, common)


def test_a_vague_noun_is_a_word_of_a_noun_wordnet_lists(candidate_keys):
    keys = candidate_keys(
        "She told us that a prime number has no divisors and we studied number systems."
    )
    assert "prime number" in keys  # "number" alone is vague; WordNet lists the phrase
    assert "number system" in keys
    assert "number" not in keys


def test_a_vague_adjective_stays_out_of_a_listed_noun(candidate_keys):
    assert wordnet.is_noun_lemma("basic principle")
    keys = candidate_keys("They explained the basic principle of the engine.")
    assert "basic principle" not in keys
    assert "principle" in keys
