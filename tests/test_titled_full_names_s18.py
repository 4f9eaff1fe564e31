"""In lowercase speech a title, a name word and a rare word after it are one person's
full name ("dr buzz aldrin"), as after a given name ("ignacio filipe semmelweiss"); a
common word after the name stays a word ("dr smith told us").

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def _people(mentions, text):
    return {m.surface for m in mentions(text) if m.type == "Person"}


def test_a_title_before_a_full_name(mentions):
    text = "and i want to recognize dr buzz aldrin as well who's in the house tonight\n"
    assert "buzz aldrin" in _people(mentions, text)


def test_a_common_word_after_a_titled_name_is_no_name(mentions):
    text = "and then dr smith told us about the results of the trial last week\n"
    people = _people(mentions, text)
    assert not any("told" in p for p in people)
