"""In cased text, a capitalised name NER leaves untagged after a place in an organisation
and "of"/"at" ("co-founder of Quillstream", "worked at Tidewell") is an organisation;
common words alone there ("the CEO of Big Thinking") are not made one.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def _names(tmp_path, lexicon, text: str) -> dict[str, str]:
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    return {m.surface: m.type for m in extraction.mentions if m.type != "Concept"}


def test_a_name_after_a_founder_of_is_an_organisation(tmp_path, lexicon):
    names = _names(
        tmp_path,
        lexicon,
        "Host: Welcome back to the show, everyone.\n"
        "Guest: We are lucky to have Adam Back here today, co-founder of Blockstream and "
        "inventor of Hashcash.\n",
    )
    assert names.get("Blockstream") == "Organization"


def test_common_words_after_a_founder_of_are_no_name(tmp_path, lexicon):
    names = _names(
        tmp_path,
        lexicon,
        "Host: Welcome back to the show, everyone.\n"
        "Guest: He is the co-founder of Good Work, a club for friends, and he is happy.\n",
    )
    assert "Good Work" not in names
