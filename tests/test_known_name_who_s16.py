"""A relative "who" after a name says the name is a person ("Ada Lind, who built the
company"), but not of a name WordNet lists as another kind of individual: in
unpunctuated speech the "who" is as often the clause of the people named before it.

Extraction runs on the real spaCy model (no build); the text is invented.
"""

from __future__ import annotations


def test_a_named_age_followed_by_who_stays_an_event(mentions):
    found = mentions(
        "our grandparents were farmers and miners who built the towns of this valley "
        "during the great depression who worked the land and who raised their children "
        "in hard times and we owe them a great deal\n"
    )
    types = {m.type for m in found if m.surface.lower() == "great depression"}
    assert types == {"Event"}
