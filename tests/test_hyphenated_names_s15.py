"""A name NER cut inside a hyphenated word ("Port-au-" of "Port-au-Prince") is the whole
word.

Extraction runs on the real spaCy model (no build); the sentence is invented.
"""

from __future__ import annotations


def test_a_name_cut_at_a_hyphen_is_the_whole_word(mentions):
    found = mentions(
        "Host: Welcome back to the show, everyone.\n"
        "Guest: They lived in Port-au-Prince Haiti for years.\n"
    )
    places = {m.surface for m in found if m.type == "Place"}
    assert "Port-au-Prince" in places
