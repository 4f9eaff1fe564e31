""" "AKA" is no word of a name: "my co-founder Olaoluwa, AKA 'Roasbeef'" never gives a
name "AKA 'Roasbeef".

Extraction runs on the real spaCy model (no build); the sentence is invented.
"""

from __future__ import annotations


def test_aka_is_no_part_of_a_name(mentions):
    found = mentions(
        "Host: Welcome back to the show.\n"
        "Guest: My co founder Olaoluwa, AKA 'Roasbeef', wrote most of the code, and "
        "Roasbeef still does.\n"
    )
    assert not [m.surface for m in found if "aka" in m.surface.lower().split()]
