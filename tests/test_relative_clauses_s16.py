"""A relative clause is said of the noun it hangs on and of the nouns listed with it
("A and B, who founded X"), but when each listed person has a clause of their own ("A,
who is the founder of X, and B, who is the CEO of Y") each clause is that person's:
never paired crosswise (the issue's "no crosswise pair from a list sentence").

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def test_each_listed_person_keeps_their_own_relative_clause(typed):
    found = typed(
        "Host: Who is with us?\n"
        "Mara Lind: I spoke with Ada Lind, who is the founder of Tarnfield Labs, and Omar "
        "Rizwan, who is the CEO of Velmont Robotics.\n"
    )
    assert ("Ada Lind", "founded", "Tarnfield Labs") in found
    assert ("Omar Rizwan", "worksFor", "Velmont Robotics") in found
    assert ("Omar Rizwan", "founded", "Tarnfield Labs") not in found
    assert ("Ada Lind", "worksFor", "Velmont Robotics") not in found


def test_one_clause_after_a_list_is_said_of_every_name(typed):
    found = typed(
        "Host: Who founded it?\n"
        "Mara Lind: It was Ada Lind and Omar Rizwan, who founded Tarnfield Labs in 2019.\n"
    )
    assert ("Ada Lind", "founded", "Tarnfield Labs") in found
    assert ("Omar Rizwan", "founded", "Tarnfield Labs") in found


def test_a_capital_is_in_what_it_is_the_capital_of(typed):
    found = typed(
        "Host: Tell me about the move.\n"
        "Mara Lind: We moved to Salem, the capital of Oregon, in 2019. It rains a lot.\n"
    )
    assert ("Salem", "locatedIn", "Oregon") in found


def test_the_editor_of_a_work_made_it(typed):
    found = typed(
        "Host: Tell me about Ada.\n"
        "Mara Lind: Ada Lind is the editor of the Tarn Review, a small magazine. She "
        "works hard.\n"
    )
    assert ("Ada Lind", "created", "Tarn Review") in found


def test_an_introduction_names_one_of_the_founders(typed):
    found = typed(
        "Host: Who is with us?\n"
        "Ada Lind: Yep, Ada Lind here, one of the other co founders of Tarnfield Labs. "
        "Glad to be here.\n"
    )
    assert ("Ada Lind", "founded", "Tarnfield Labs") in found


def test_a_title_before_a_name_holds_under_a_wish(typed):
    # the title is part of the noun phrase; "want to thank" does not make it supposed
    found = typed(
        "Host: Who do you thank?\n"
        "Mara Lind: I want to thank NASA Administrator Charlie Bolden for his work. If we "
        "moved to Berlin, I would work at Google.\n"
    )
    assert ("Charlie Bolden", "worksFor", "NASA") in found
    assert ("Mara Lind", "worksFor", "Google") not in found
