"""An open relation read through the verb's object noun is the subject's only when the
noun is: "watching your journey with Earnest Capital" says nothing of the speaker and
Earnest Capital; "Steve made his peace with Bill Gates" still relates Steve.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def test_the_addressees_thing_relates_no_one_else(open_rel):
    found = open_rel(
        "Host: Welcome back.\n"
        "Mark Dunn: I've been watching your journey with Earnest Capital for years.\n"
    )
    assert not {o for s, p, o, _ in found if o == "Earnest Capital"}, found


def test_the_subjects_own_thing_still_relates_it(open_rel):
    found = open_rel(
        "Host: And then?\n"
        "Guest: One day, Steve Jobs made his peace with Bill Gates, and that was that.\n"
    )
    assert ("Steve Jobs", "make peace with", "Bill Gates", False) in found
