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


def _orgs(tmp_path, lexicon, name: str) -> set[str]:
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "talk.txt"
    path.write_text(_SPEECH.format(name=name), encoding="utf-8")
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    return {m.surface.lower() for m in extraction.mentions if m.type == "Organization"}


def test_a_spoken_name_of_common_nouns_after_called(tmp_path, lexicon):
    assert "field book" in _orgs(tmp_path, lexicon, "field book")


def test_one_common_noun_after_called_is_no_name(tmp_path, lexicon):
    assert "book" not in _orgs(tmp_path, lexicon, "book")
