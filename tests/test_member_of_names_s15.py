"""In cased text, a capitalised name NER leaves untagged after a place in an organisation
and "of"/"at" ("co-founder of Quillstream", "worked at Tidewell") is an organisation;
common words alone there ("the CEO of Big Thinking") are not made one.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def _names(mentions, text: str) -> dict[str, str]:
    return {m.surface: m.type for m in mentions(text) if m.type != "Concept"}


def test_a_name_after_a_founder_of_is_an_organisation(mentions):
    names = _names(
        mentions,
        "Host: Welcome back to the show, everyone.\n"
        "Guest: We are lucky to have Adam Back here today, co-founder of Blockstream and "
        "inventor of Hashcash.\n",
    )
    assert names.get("Blockstream") == "Organization"


def test_common_words_after_a_founder_of_are_no_name(mentions):
    names = _names(
        mentions,
        "Host: Welcome back to the show, everyone.\n"
        "Guest: He is the co-founder of Good Work, a club for friends, and he is happy.\n",
    )
    assert "Good Work" not in names
