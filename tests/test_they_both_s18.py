"""A subject "they both" (or "they ... together") stands for the two people just named,
listed together in the unit or the only two the unit before named: each of them holds
what it says. A plain "they", three people before it, a hypothetical or someone else's
words say nothing of either. A person said to be "from" an organisation, as guests are
introduced, is one of its people.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def test_they_both_work_at(typed):
    facts = typed("My guests are Ada Lind and Ben Moss. They both work at Google.\n")
    assert {("Ada Lind", "worksFor", "Google"), ("Ben Moss", "worksFor", "Google")} <= facts


def test_they_founded_together(typed):
    facts = typed("Ada Lind and Ben Moss are here. They co-founded Tarn Labs together.\n")
    assert {("Ada Lind", "founded", "Tarn Labs"), ("Ben Moss", "founded", "Tarn Labs")} <= facts


def test_they_are_both_roles_at(typed):
    facts = typed("Ada Lind and Ben Moss are here. They're both engineers at Google.\n")
    assert {("Ada Lind", "worksFor", "Google"), ("Ben Moss", "worksFor", "Google")} <= facts


def test_a_plain_they_is_not_guessed(typed):
    facts = typed("Ada Lind and Ben Moss are here. They work at Google.\n")
    assert not {f for f in facts if f[2] == "Google"}


def test_they_both_after_three_people_is_not_guessed(typed):
    facts = typed("We spoke with Ada Lind, Ben Moss and Carl Dunn. They both work at Google.\n")
    assert not {f for f in facts if f[2] == "Google"}


def test_they_both_in_a_supposition_says_nothing(typed):
    facts = typed("If Ada Lind and Ben Moss came, they would both work at Google.\n")
    assert not {f for f in facts if f[2] == "Google"}


def test_a_guest_from_an_organisation(typed):
    facts = typed(
        "My guests are Andrew Burt and Patrick Hall. They're both from Tarn Labs. "
        "Welcome to the show.\n"
    )
    assert {
        ("Andrew Burt", "worksFor", "Tarn Labs"),
        ("Patrick Hall", "worksFor", "Tarn Labs"),
    } <= facts


def test_not_from_an_organisation(typed):
    assert not typed("Ada Lind is not from Google, she told us.\n")
