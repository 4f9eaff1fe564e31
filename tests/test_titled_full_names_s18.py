"""In lowercase speech a title, a name word and a rare word after it are one person's
full name ("dr buzz aldrin"), as after a given name ("ignacio filipe semmelweiss"); a
common word after the name stays a word ("dr smith told us"). After the title of an
office ("president", "congressman") a commoner word is a surname ("president obama"),
but not a word as frequent as "tonight".

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


def test_an_office_before_a_frequent_surname(mentions):
    text = "and back then president obama said the recovery would take years of work\n"
    assert "obama" in _people(mentions, text)


def test_a_congressman_is_a_title(mentions):
    text = "and i have to admit to you excuse me congressman carper my buddy i didn't know\n"
    assert "carper" in _people(mentions, text)


def test_a_frequent_word_after_an_office_is_no_name(mentions):
    text = "and the president tonight said nothing at all about the budget or the deficit\n"
    assert not {p for p in _people(mentions, text) if "tonight" in p}
