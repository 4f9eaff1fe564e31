"""A name introduced by "called" goes on through a possessive: "a game called Rocky's
Boots" names "Rocky's Boots", not "Rocky".

Extraction runs on the real spaCy model (no build); the text is invented.
"""

from __future__ import annotations


def test_a_called_name_goes_on_through_a_possessive(mentions):
    found = mentions(
        "Host: Welcome back to the show, everyone. What did you play as a kid?\n"
        "Guest: I played a game called Rocky's Boots for years, and I loved it.\n"
    )
    names = {m.surface for m in found}
    assert "Rocky's Boots" in names
    assert "Rocky" not in names
