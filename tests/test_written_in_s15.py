"""In lowercase speech, "the atlantic" after a piece of writing and "in" ("wrote an
article together in the atlantic") is the magazine, a Work; "across the atlantic" is
still the ocean.

Extraction runs on the real spaCy model (no build); the text is invented.
"""

from __future__ import annotations

_SPEECH = (
    "so as you know tyler cowen and patrick collison wrote an article together in the "
    "atlantic about a year and a half ago calling for a new science of progress and a lot "
    "of people read it and then we flew across the atlantic to talk about it with people "
    "in europe and that was a good trip for all of us and we learned a lot on the way"
)


def test_a_magazine_after_an_article_in_and_the_ocean_after_across(mentions):
    found = mentions(_SPEECH, "talk.txt")
    types = [m.type for m in found if m.surface.lower() == "atlantic"]
    assert types == ["Work", "Place"], types
