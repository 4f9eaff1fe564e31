"""A one-word name said once, where its capital is no evidence (a sentence's first
word), is kept when WordNet lists it as a named individual of the type NER gives it
("Mozart is a name that springs to mind"); an unknown one stays dropped.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def _people(mentions, text: str) -> set[str]:
    return {m.surface for m in mentions(text) if m.type == "Person"}


_TALK = (
    "Host: Welcome back to the show. Today we talk about music, cities and the names "
    "that come with them.\n"
    "Guest: Think of a city known for its classical music history. {name} is certainly a "
    "name that springs to mind there.\n"
)


def test_a_named_individual_said_once_is_kept(mentions):
    assert "Mozart" in _people(mentions, _TALK.format(name="Mozart"))


def test_an_unknown_name_said_once_at_a_sentence_start_is_not(mentions):
    assert "Valdrik" not in _people(mentions, _TALK.format(name="Valdrik"))
