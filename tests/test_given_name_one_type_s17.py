"""A given name said alone is one person with one type: where NER calls "kamala" a
person once and an organisation elsewhere in the same speech, both are the person. A
place keeps its type beside a person of that name ("Austin").

Extraction runs on the real spaCy model (no build); the speech is invented and
lowercased, as auto-captions are.
"""

from __future__ import annotations

_SPEECH = (
    "thank you all it is good to be here we thought we'd never get here when kamala and "
    "i came to office three thousand people were out of work and now not anymore kamala "
    "and i are making sure the federal projects are built with american products\n"
)


def test_a_given_name_is_one_person_wherever_said(extract):
    types = {m.type for m in extract(_SPEECH).mentions if m.surface.lower() == "kamala"}
    assert types == {"Person"}


def test_a_place_keeps_its_type_beside_a_person_of_that_name(extract):
    text = (
        "Welcome back. Austin Reyes joined us today from the lab, and Austin told us "
        "about the move. The lab is in Austin, Texas, now, near the river.\n"
    )
    places = {m.surface for m in extract(text).mentions if m.type == "Place"}
    assert "Austin" in places
