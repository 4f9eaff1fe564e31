"""Facts said in passing, inside a clause that itself asserts nothing or around a name:

* a place named with its region holds whatever the clause does ("you don't need a
  degree and it will bring growth outside of columbus ohio"), and a town the gazetteer
  does not know lies in the region it is named with ("east peoria illinois"); a run of
  regions is a list ("asia europe");
* a title between two names makes one phrase even where the parse hangs them apart
  ("senator bill nelson and nasa administrator charlie bolden");
* a role that "its"/"their" owns, with a name after it, is held at the organisation
  named before ("the Manhattan Institute and its chairman Paul Singer");
* "Andrew's a managing partner there": "'s" before an article is "is".

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def test_a_place_named_with_its_region_under_a_denial(typed):
    text = (
        "and you don't need a college degree and it's going to bring growth outside of "
        "columbus ohio for years\n"
    )
    assert ("columbus", "locatedIn", "ohio") in typed(text)


def test_a_town_unknown_to_the_gazetteer_beside_its_state(typed):
    text = "i've been to a tractor factory in east peoria illinois where they build engines\n"
    assert ("east peoria", "locatedIn", "illinois") in typed(text)


def test_a_run_of_regions_is_a_list(typed):
    text = "we sell in asia europe and africa and in texas ohio arizona all across the country\n"
    assert not {f for f in typed(text) if f[1] == "locatedIn"}


def test_an_unknown_name_in_a_run_of_countries_is_a_list(typed):
    text = "he reported on all developments in rumania bulgaria hungary and finland\n"
    assert not {f for f in typed(text) if f[1] == "locatedIn"}


def test_a_country_named_two_ways_is_not_in_itself(typed):
    text = "the republic of korea south korea has offered to host some events\n"
    assert not {f for f in typed(text) if f[1] == "locatedIn"}


def test_a_title_between_two_names_after_a_list(typed):
    text = (
        "i want to thank senator bill nelson and nasa administrator charlie bolden for "
        "their leadership\n"
    )
    assert ("charlie bolden", "worksFor", "nasa") in typed(text)


def test_a_role_its_organisation_owns(typed):
    text = "I thank the Manhattan Institute board of trustees and its chairman Paul Singer.\n"
    assert ("Paul Singer", "worksFor", "Manhattan Institute") in typed(text)


def test_a_role_owned_when_two_organisations_are_named_is_not_guessed(typed):
    text = "I thank Google, Microsoft and their chairman Paul Singer.\n"
    assert not {f for f in typed(text) if f[0] == "Paul Singer"}


def test_a_contracted_is_before_a_role_there(typed):
    text = "We work with Tarn Labs a lot. Sarah Lind's a managing partner there.\n"
    assert ("Sarah Lind", "worksFor", "Tarn Labs") in typed(text)


def test_a_real_possessive_before_a_role_there_is_someone_else(typed):
    text = "We work with Tarn Labs a lot. Sarah Lind's sister is a partner there.\n"
    assert not {f for f in typed(text) if f[0] == "Sarah Lind"}
