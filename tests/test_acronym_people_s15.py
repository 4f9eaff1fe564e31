"""A person known by an acronym ("JFK", "FDR") is a person, said once: WordNet lists
the acronym as a named person first. An all-capitals word general knowledge has no
person for stays no person.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def _people(mentions, text: str) -> set[str]:
    return {m.surface for m in mentions(text) if m.type == "Person"}


def test_an_acronym_general_knowledge_has_as_a_person_is_one(mentions):
    people = _people(
        mentions,
        "Host: So who needed those shots?\n"
        "Guest: Famous people got them, like JFK, Margaret Thatcher - they had a deficiency.\n",
    )
    assert "JFK" in people
    assert "Margaret Thatcher" in people


def test_other_acronyms_stay_no_person(mentions):
    people = _people(
        mentions,
        "Host: So who called you?\nGuest: Famous people called, like QXV, Margaret Thatcher.\n",
    )
    assert "QXV" not in people
