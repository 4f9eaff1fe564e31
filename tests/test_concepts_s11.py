"""Concept discovery, session eleven: a word of three letters that a talk keeps saying
far above its rate in English, and whose first WordNet sense is abstract (an act, a
state, a possession...: "war", "tax"), is a term; a short word of a concrete kind
("pig"), of time ("day"), or one said only a few times is not. Counts are written for
these tests."""

from __future__ import annotations

from collections import Counter

from conftest import talk_word_counts

from kg.extract import wordnet
from kg.extract.concepts import (
    SHORT_KEYNESS,
    SHORT_LEXNAMES,
    SHORT_MIN_COUNT,
    keyness,
    select_terms,
)


def _kept(word: str, count: int, words: Counter) -> bool:
    total = sum(words.values())
    return word in select_terms(Counter({word: count}), 2, 2.0, set(), words, total)


def test_a_short_abstract_word_the_talk_keeps_saying_is_a_term():
    words = talk_word_counts(tax=8)
    assert wordnet.first_lexname("tax") in SHORT_LEXNAMES
    assert keyness("tax", 8, sum(words.values())) >= SHORT_KEYNESS
    assert _kept("tax", 8, words)


def test_a_short_word_said_a_few_times_is_no_term():
    words = talk_word_counts(the=300, tax=SHORT_MIN_COUNT - 1)
    # salient enough, but said too few times
    assert keyness("tax", SHORT_MIN_COUNT - 1, sum(words.values())) >= SHORT_KEYNESS
    assert not _kept("tax", SHORT_MIN_COUNT - 1, words)


def test_a_short_word_of_a_concrete_kind_or_of_time_is_no_term():
    for word in ("pig", "day"):
        words = talk_word_counts(the=300, **{word: 8})
        assert wordnet.first_lexname(word) not in SHORT_LEXNAMES
        assert keyness(word, 8, sum(words.values())) >= SHORT_KEYNESS
        assert not _kept(word, 8, words)


def test_a_short_abstract_word_said_at_its_english_rate_is_no_term():
    words = talk_word_counts(the=30000, war=8)
    assert keyness("war", 8, sum(words.values())) < SHORT_KEYNESS
    assert not _kept("war", 8, words)
