"""Titles of office said before a name (``roles`` pattern with a ``before`` regex): "the
deputy secretary of the Orbis Foundation Tom Berger" -> Tom Berger worksFor the Orbis
Foundation, role "deputy secretary". Never from a question or for a word that is no
title ("a friend of").

Extraction runs on the real spaCy model, one transcript at a time (no build); all
names are invented for these tests.
"""

from __future__ import annotations

ME = "Mara Lind"


def _said(*lines: str) -> str:
    """A two-speaker transcript: the host asks, Mara Lind says each line in turn."""
    return "".join(f"Host: And then?\n{ME}: {line}\n" for line in lines)


def test_a_title_of_office_before_a_name_is_a_job(typed):
    found = typed(
        _said(
            "The deputy secretary of the Orbis Foundation Tom Berger spoke on Monday.",
            "Yesterday the chief executive of Quentar Systems, Jane Doe, sent a letter.",
        )
    )
    assert ("Tom Berger", "worksFor", "Orbis Foundation") in found
    assert ("Jane Doe", "worksFor", "Quentar Systems") in found


def test_a_title_keeps_its_role(tmp_path, lexicon):
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(_said("The deputy secretary of the Orbis Foundation Tom Berger spoke."))
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    roles = {
        r.role
        for r in extraction.relations
        if r.kind == "typed" and r.subject.surface == "Tom Berger"
    }
    assert "deputy secretary" in roles


def test_no_title_or_a_question_is_no_job(typed):
    found = typed(
        _said(
            "Did the deputy secretary of the Orbis Foundation Tom Berger speak?",
            "A friend of the Orbis Foundation Tom Berger wrote it.",
        )
    )
    assert ("Tom Berger", "worksFor", "Orbis Foundation") not in found


def test_a_person_noun_at_an_organisation_is_one_of_its_people(typed):
    found = typed(
        _said(
            "Dr. Lina Beard, a pediatrician at Orbis Hospital, wrote the guide.",
            "Ada Holm, an economist at Quentar Systems, and Tom Weiss, a lawyer at Orbis"
            " Labs, wrote it.",
        )
    )
    assert ("Lina Beard", "worksFor", "Orbis Hospital") in found
    assert ("Ada Holm", "worksFor", "Quentar Systems") in found
    assert ("Tom Weiss", "worksFor", "Orbis Labs") in found
    assert ("Ada Holm", "worksFor", "Orbis Labs") not in found


def test_a_visitor_or_a_question_at_an_organisation_is_no_job(typed):
    found = typed(
        _said(
            "Jane Doe, a guest at Orbis Labs, wrote the guide.",
            "Is Ada Holm, a nurse at Orbis Hospital, coming?",
        )
    )
    assert ("Jane Doe", "worksFor", "Orbis Labs") not in found
    assert ("Ada Holm", "worksFor", "Orbis Hospital") not in found


def test_an_office_said_of_a_person_is_a_job(typed):
    found = typed(
        _said(
            "Tom Berger, secretary of the Orbis Foundation, spoke today.",
            "Ada Holm, who is the spokeswoman for Quentar Systems, spoke.",
            "Lena Park, the long-serving treasurer of the Brightline Trust, retired.",
        )
    )
    assert ("Lena Park", "worksFor", "Brightline Trust") in found
    assert ("Tom Berger", "worksFor", "Orbis Foundation") in found
    assert ("Ada Holm", "worksFor", "Quentar Systems") in found


def test_an_office_met_or_asked_about_is_no_job(typed):
    found = typed(
        _said(
            "Tom Berger met the secretary of the Orbis Foundation today.",
            "Is Ada Holm the spokeswoman for Quentar Systems?",
        )
    )
    assert ("Tom Berger", "worksFor", "Orbis Foundation") not in found
    assert ("Ada Holm", "worksFor", "Quentar Systems") not in found


def test_two_names_beside_two_organisations_pair_in_order(typed):
    found = typed(
        _said(
            "Jane Doe and Tom Weiss, the chief executives of Orbis Labs and Quentar Systems, met."
        )
    )
    assert ("Jane Doe", "worksFor", "Orbis Labs") in found
    assert ("Tom Weiss", "worksFor", "Quentar Systems") in found
    assert ("Jane Doe", "worksFor", "Quentar Systems") not in found
    assert ("Tom Weiss", "worksFor", "Orbis Labs") not in found


def test_a_title_of_office_in_lowercase_speech(typed):
    found = typed(
        "and so yesterday we met the board and the secretary of the reparations commission"
        " tom berger agreed with that and he said we would meet again in the spring when"
        " the weather is better for travel and the roads are open again\n"
    )
    assert ("tom berger", "worksFor", "reparations commission") in found
