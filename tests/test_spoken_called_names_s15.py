"""In lowercase speech, "a company called field book" names the company with the noun
phrase after "called", common words and all (said twice in a row, once); a one-word
common noun after "called" stays no name.

Extraction runs on the real spaCy model (no build); the text is invented.
"""

from __future__ import annotations

_SPEECH = (
    "so my background is as a software engineer and tech startup founder and most recently "
    "in 2013 i started a company called {name} {name} was a sort of hybrid spreadsheet "
    "database and a lot of people liked it and we grew for years and then we sold it and "
    "i started writing about the history of technology and progress and the people in it "
    "and that is what i do now most days of the week with a lot of reading and writing"
)


def _orgs(mentions, name: str) -> set[str]:
    found = mentions(_SPEECH.format(name=name), "talk.txt")
    return {m.surface.lower() for m in found if m.type == "Organization"}


def test_a_spoken_name_of_common_nouns_after_called(mentions):
    assert "field book" in _orgs(mentions, "field book")


def test_one_common_noun_after_called_is_no_name(mentions):
    assert "book" not in _orgs(mentions, "book")
