"""Third-person frames of a career said in conversation (``frames.person_at`` and the
possessive patterns of ``founding``/``roles``): "X, formerly of Y", "X and Z, both at
Y", "Y' founder X", "Y' CEO X". Each frame has sentences that must NOT yield it (a
question, a hypothetical, hearsay, a place that is no organisation).

Extraction runs on the real spaCy model, one transcript at a time (no build); all
names are invented for these tests.
"""

from __future__ import annotations

ME = "Mara Lind"


def _said(*lines: str) -> str:
    """A two-speaker transcript: the host asks, Mara Lind says each line in turn."""
    return "".join(f"Host: And then?\n{ME}: {line}\n" for line in lines)


# -- "X, formerly of Y": a past stint ----------------------------------------------
def test_formerly_of_an_organisation_is_a_past_job(typed, tenses):
    text = _said(
        "Jane Doe, formerly of Orbis Labs, disagrees with that.",
        "Tom Berger, previously at Quentar Systems, wrote the review.",
    )
    found = typed(text)
    assert ("Jane Doe", "worksFor", "Orbis Labs") in found
    assert ("Tom Berger", "worksFor", "Quentar Systems") in found
    assert tenses(text)[("Jane Doe", "worksFor", "Orbis Labs")] == "past"


def test_formerly_of_asked_supposed_or_reported_is_no_job(typed):
    found = typed(
        _said(
            "Was Jane Doe, formerly of Orbis Labs, at the meeting?",
            "If Tom Berger, previously at Quentar Systems, wrote it, I would know.",
            "People say Ada Holm, formerly of Brightline Labs, disagrees.",
        )
    )
    assert (
        not {
            ("Jane Doe", "worksFor", "Orbis Labs"),
            ("Tom Berger", "worksFor", "Quentar Systems"),
            ("Ada Holm", "worksFor", "Brightline Labs"),
        }
        & found
    )


# -- "X and Z, both at Y": each of the listed ---------------------------------------
def test_both_at_an_organisation_places_each_name(typed):
    found = typed(_said("Jane Doe and Tom Berger, both at Quentar Systems, wrote the paper."))
    assert ("Jane Doe", "worksFor", "Quentar Systems") in found
    assert ("Tom Berger", "worksFor", "Quentar Systems") in found


def test_both_at_supposed_or_at_a_place_is_no_job(typed):
    found = typed(
        _said(
            "If Jane Doe and Tom Berger, both at Quentar Systems, wrote it, I would know.",
            "I met Ada Holm and Ivo Sand, both at Lisbon airport.",
        )
    )
    assert not {p for s, p, o in found if p == "worksFor" and s != ME}


# -- "Y' founder X", "Y' CEO X": a possessive written with a bare apostrophe ---------
def test_bare_apostrophe_possessive_role_and_founder(typed):
    found = typed(
        _said(
            "Quentar Systems' founder Jane Doe spoke first.",
            "Orbis Labs' CEO Tom Berger spoke next.",
        )
    )
    assert ("Jane Doe", "founded", "Quentar Systems") in found
    assert ("Tom Berger", "worksFor", "Orbis Labs") in found


def test_bare_apostrophe_possessive_asked_is_no_fact(typed):
    found = typed(
        _said(
            "Is Quentar Systems' founder Jane Doe here?",
            "Would Orbis Labs' CEO Tom Berger come?",
        )
    )
    assert ("Jane Doe", "founded", "Quentar Systems") not in found
    assert ("Tom Berger", "worksFor", "Orbis Labs") not in found
