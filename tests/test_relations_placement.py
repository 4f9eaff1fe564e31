"""Location and part-whole frames of ``placement.py`` on short texts written for these
tests: verbs of lying and keeping a site, possessives, a unit at an organisation, a
part's noun, "belongs to", and parallel lists paired in order. Each frame has sentences
that must NOT yield the relation (negation, question, hypothetical, a person's trip).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


def _pairs(found, predicate):
    return {(s.removesuffix("'s"), o.removesuffix("'s")) for s, p, o in found if p == predicate}


# -- "X sits in Y", "X has an office in Y" -------------------------------------------------
def test_an_organisation_that_lies_or_keeps_a_site_in_a_place_is_located_there(typed):
    found = _pairs(
        typed(
            "Host: Where are they?\n"
            "Mara Lind: Ondira Labs sits in Helsinki.\n"
            "Mara Lind: And Microsoft has an office in Dublin.\n"
        ),
        "locatedIn",
    )
    assert ("Ondira Labs", "Helsinki") in found
    assert ("Microsoft", "Dublin") in found


def test_a_denied_asked_or_supposed_site_is_not_a_location(typed):
    found = _pairs(
        typed(
            "Host: Does Microsoft have an office in Dublin?\n"
            "Mara Lind: Microsoft doesn't have an office in Dublin.\n"
            "Mara Lind: If Ondira Labs opened an office in Oslo, we would move.\n"
        ),
        "locatedIn",
    )
    assert ("Microsoft", "Dublin") not in found
    assert ("Ondira Labs", "Oslo") not in found


def test_a_person_visiting_a_place_is_not_located_there(typed):
    found = typed("Mara Lind: Jonas Whitfield visited Helsinki last week and flew to Oslo.\n")
    assert not {(s, o) for s, p, o in found if p == "locatedIn"}


# -- possessives ----------------------------------------------------------------------
def test_a_places_organisation_is_located_there_and_an_organisations_is_part_of_it(typed):
    found = typed(
        "Mara Lind: Germany's Siemens makes trains.\nMara Lind: Google's DeepMind built a model.\n"
    )
    assert ("Siemens", "Germany") in _pairs(found, "locatedIn")
    assert ("DeepMind", "Google") in _pairs(found, "partOf")


def test_a_possessive_on_a_role_is_no_part_of(typed):
    found = typed("Mara Lind: Google's CEO Sundar Pichai spoke about Microsoft.\n")
    assert not _pairs(found, "partOf")


# -- a unit at an organisation, a part's noun, belongs to ------------------------------------
def test_a_named_institute_at_a_university_is_part_of_it(typed):
    found = typed("Mara Lind: The Vector Institute at the University of Toronto trains students.\n")
    assert ("Vector Institute", "University of Toronto") in _pairs(found, "partOf")


def test_an_organisation_at_another_without_a_parts_name_is_no_part(typed):
    found = typed("Mara Lind: Microsoft at the University of Toronto hired students.\n")
    assert not _pairs(found, "partOf")


def test_a_parts_noun_or_belonging_makes_part_of(typed):
    found = _pairs(
        typed(
            "Mara Lind: Ondira Labs, the research arm of Veltro Systems, makes chips.\n"
            "Mara Lind: And Halvorsen Robotics belongs to Quentar Systems.\n"
        ),
        "partOf",
    )
    assert ("Ondira Labs", "Veltro Systems") in found
    assert ("Halvorsen Robotics", "Quentar Systems") in found


def test_a_denied_or_asked_part_is_no_part_of(typed):
    found = _pairs(
        typed(
            "Host: Does Halvorsen Robotics belong to Quentar Systems?\n"
            "Mara Lind: DeepMind is not a subsidiary of Microsoft.\n"
        ),
        "partOf",
    )
    assert ("Halvorsen Robotics", "Quentar Systems") not in found
    assert ("DeepMind", "Microsoft") not in found


# -- parallel lists ---------------------------------------------------------------------------
def test_parallel_lists_of_subjects_and_places_pair_in_order(typed):
    found = _pairs(
        typed("Ondira Labs and Brask Audio are based in Helsinki and Oslo.\n"),
        "locatedIn",
    )
    assert ("Ondira Labs", "Helsinki") in found
    assert ("Ondira Labs", "Oslo") not in found


# -- lists on both sides of a between-words pattern ----------------------------------------
def test_two_lists_around_one_pattern_pair_in_order_never_crosswise(typed):
    found = _pairs(
        typed("Mara Lind: Ondira Labs and Corvel Systems are based in Helsinki and Dublin.\n"),
        "locatedIn",
    )
    assert ("Corvel Systems", "Helsinki") not in found
    assert ("Ondira Labs", "Dublin") not in found
    assert found <= {("Ondira Labs", "Helsinki"), ("Corvel Systems", "Dublin")}


def test_one_name_and_a_list_still_pair_with_every_item(typed):
    found = _pairs(
        typed("Mara Lind: Ondira Labs and Corvel Systems are based in Helsinki.\n"), "locatedIn"
    )
    assert {("Ondira Labs", "Helsinki"), ("Corvel Systems", "Helsinki")} <= found
