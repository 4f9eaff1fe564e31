"""Concept discovery, session ten: a compound of nouns whose every word the talk keeps
saying ("operating system" in a talk saying "operating" and "system" again and again)
is a term even when its words are common in English; not when a word of it is said only
in the phrase, when the phrase is no compound of nouns, or when its head names a group
of people ("steel company"). Counts are written for these tests."""

from __future__ import annotations

from collections import Counter

from conftest import talk_word_counts

from kg.extract import wordnet
from kg.extract.concepts import (
    PHRASE_KEYNESS,
    REPEATED_COMPOUND_KEYNESS,
    SINGLE_MIN_COUNT,
    WHO_LEXNAMES,
    keyness,
    select_terms,
)


def _mean(key: str, words: Counter, count: int = 2) -> float:
    total = sum(words.values())
    keys = [keyness(w, max(words[w], count), total) for w in key.split()]
    return sum(keys) / len(keys)


def _kept(key: str, words: Counter, compounds: set[str]) -> bool:
    total = sum(words.values())
    return key in select_terms(Counter({key: 2}), 2, 2.0, compounds, words, total)


def test_a_compound_of_words_the_talk_keeps_saying_is_a_term():
    words = talk_word_counts(price=4, list=4)
    # too common in English for the mean-keyness rule of phrases
    assert REPEATED_COMPOUND_KEYNESS <= _mean("price list", words) < PHRASE_KEYNESS
    assert _kept("price list", words, {"price list"})
    # the same words not read as a compound of nouns: no term
    assert not _kept("price list", words, set())


def test_a_word_said_only_in_the_compound_does_not_make_it_a_term():
    words = talk_word_counts(price=8, list=2)
    assert words["list"] < SINGLE_MIN_COUNT
    assert _mean("price list", words) >= REPEATED_COMPOUND_KEYNESS
    assert not _kept("price list", words, {"price list"})


def test_a_compound_naming_a_group_of_people_is_no_term():
    words = talk_word_counts(steel=4, company=4)
    assert wordnet.first_lexname("company") in WHO_LEXNAMES
    assert REPEATED_COMPOUND_KEYNESS <= _mean("steel company", words) < PHRASE_KEYNESS
    assert not _kept("steel company", words, {"steel company"})
