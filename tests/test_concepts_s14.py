"""Concept recall for multi-word terms of everyday words: a compound of nouns naming a
kind of made thing the talk keeps saying ("ticket system" in a talk about systems).
Texts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.extract.concepts import select_terms


def _select(counts: Counter, words: Counter, compounds: set[str]) -> set[str]:
    words["the"] += 3000 - sum(words.values())  # a transcript of 3000 words
    return select_terms(counts, 2, 2.0, compounds, words, sum(words.values()))


def test_a_compound_naming_a_kind_of_made_thing_the_talk_keeps_saying_is_a_term():
    # "system" is said five times, "ticket" once: mean keyness under 0.8, below what a
    # compound said once otherwise needs, but it names a kind of system
    counts = Counter({"ticket system": 1})
    words = Counter({"ticket": 1, "system": 5})
    assert "ticket system" in _select(counts, words, {"ticket system"})


def test_a_made_thing_the_talk_says_once_is_no_kind_it_is_about():
    # as salient ("screen" is rarer than "system"), but the talk never comes back to screens
    counts = Counter({"ticket screen": 1})
    words = Counter({"ticket": 1, "screen": 1})
    assert "ticket screen" not in _select(counts, words, {"ticket screen"})


def test_an_adjective_before_a_made_thing_is_not_such_a_compound():
    counts = Counter({"sturdy system": 1})
    words = Counter({"sturdy": 1, "system": 5})
    assert "sturdy system" not in _select(counts, words, set())
