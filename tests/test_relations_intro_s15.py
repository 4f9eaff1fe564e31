"""People as podcasts and interviews introduce them: "we've got X here from Y, who is
the co-founder and CEO at Y", "my co-host, X, with Y", "I'm a technical writer with
Y", "the founder and chief scientist of Y". Each frame has sentences that must NOT
yield it (a question, a hypothetical, no name, a "with" that is no aside).

Extraction runs on the real spaCy model, one transcript at a time (no build); all
names are invented for these tests.
"""

from __future__ import annotations

import pytest

ME = "Mara Lind"


@pytest.fixture
def roles(tmp_path, lexicon):
    """Typed (subject, predicate, object, role) surface tuples kg extracts from a text."""
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    def run(text: str) -> set[tuple[str, str, str, str | None]]:
        path = tmp_path / "roles.txt"
        path.write_text(text, encoding="utf-8")
        extraction = process_transcript(read_transcript(path), lexicon, Settings())
        return {
            (r.subject.surface, r.predicate, r.object.surface, r.role)
            for r in extraction.relations
            if r.kind == "typed"
        }

    return run


def _said(*lines: str) -> str:
    """A two-speaker transcript: the host asks, Mara Lind says each line in turn."""
    return "".join(f"Host: And then?\n{ME}: {line}\n" for line in lines)


# -- "X here from Y": a guest introduced with where they work ------------------------
def test_a_guest_here_from_an_organisation_works_there(typed):
    found = typed(_said("Kenji Abara here from Northwind Bank will walk us through it."))
    assert ("Kenji Abara", "worksFor", "Northwind Bank") in found


def test_from_after_no_name_or_a_question_is_no_job(typed):
    found = typed(
        _said(
            "A friend from Quantel Systems told me about it.",
            "Is Kenji Abara here from Northwind Bank?",
        )
    )
    assert not {r for r in found if r[1] in ("worksFor", "affiliatedWith")}


# -- "who" after "X from Y": the person, not the organisation -------------------------
def test_who_after_person_from_org_is_the_person(typed):
    found = typed(
        _said(
            "Today we've got Marta Kovalenko here from Brightwave Robotics, who is the"
            " co-founder and CEO at Brightwave Robotics."
        )
    )
    assert ("Marta Kovalenko", "founded", "Brightwave Robotics") in found


def test_who_after_person_from_org_founded_another(typed):
    found = typed(
        _said("We have Marta Kovalenko from Brightwave Robotics, who founded Tellan Labs.")
    )
    assert ("Marta Kovalenko", "founded", "Tellan Labs") in found
    assert ("Brightwave Robotics", "founded", "Tellan Labs") not in found


def test_who_after_org_said_alone_gives_nothing(typed):
    found = typed(
        _said("I read a report on Brightwave Robotics, who is the co-founder of Tellan Labs.")
    )
    assert not {r for r in found if r[1] == "founded"}


# -- coordinated roles: a founding and a job -----------------------------------------
def test_cofounder_and_ceo_is_both_founding_and_job(roles):
    found = roles(_said("Marta Kovalenko is the co-founder and CEO at Brightwave Robotics."))
    assert ("Marta Kovalenko", "founded", "Brightwave Robotics", None) in found
    assert ("Marta Kovalenko", "worksFor", "Brightwave Robotics", "ceo") in found


def test_founder_and_chief_scientist_apposition(roles):
    found = roles(_said("Our guest is Priya Menon, founder and chief scientist of Lumora Labs."))
    assert ("Priya Menon", "founded", "Lumora Labs", None) in found
    assert ("Priya Menon", "worksFor", "Lumora Labs", "chief scientist") in found


def test_coordinated_roles_asked_or_supposed_give_nothing(typed):
    found = typed(
        _said(
            "Are you the co-founder and CEO at Brightwave Robotics?",
            "If Priya Menon were the founder and chief scientist of Lumora Labs, I'd know.",
        )
    )
    assert not {r for r in found if r[1] in ("founded", "worksFor")}


# -- "X, with Y": an aside naming someone's employer ---------------------------------
def test_comma_with_names_an_employer(typed):
    found = typed(_said("I've got my co-host here, Darius Feld, with Quantel Systems."))
    assert ("Darius Feld", "worksFor", "Quantel Systems") in found


def test_with_that_is_no_aside_gives_nothing(typed):
    found = typed(
        _said(
            "I talked with Sam Ortega with Google's help.",
            "I went to Paris with Sam Ortega, with Quantel Systems paying for it.",
        )
    )
    assert not {r for r in found if r[1] in ("worksFor", "affiliatedWith")}


# -- a kind of worker (WordNet) "with" an organisation -------------------------------
def test_a_kind_of_worker_with_an_organisation_works_there(roles):
    found = roles(
        _said(
            "Tomas Vidrik is a technical writer with Verity Analytics.",
            "Nadia Okafor, a locksmith with Corden Security, fixed it.",
        )
    )
    assert ("Tomas Vidrik", "worksFor", "Verity Analytics", "technical writer") in found
    assert ("Nadia Okafor", "worksFor", "Corden Security", "locksmith") in found


def test_friends_guests_and_questions_with_an_organisation_are_no_job(typed):
    found = typed(
        _said(
            "Tomas Vidrik is a friend with Verity Analytics.",
            "Is Tomas Vidrik a technical writer with Verity Analytics?",
        )
    )
    assert not {r for r in found if r[1] in ("worksFor", "affiliatedWith")}
