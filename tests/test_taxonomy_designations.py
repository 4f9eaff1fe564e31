"""Model designations as modifiers (kg.extract.designations): "f 16 fighter jets" makes
the designation a kind of the plural phrase after it; counts, measures, people and
questions do not."""

from __future__ import annotations


def _broader(found) -> set[tuple[str, str]]:
    return {(s.lower(), o.lower()) for s, p, o in found if p == "broader"}


def test_a_designation_before_a_plural_phrase_is_a_kind_of_it(typed):
    found = typed(
        "Host: And then?\nGuest: the navy parked a dozen old tu 95 patrol bombers on the "
        "coast that winter.\n"
    )
    assert ("tu 95", "patrol bombers") in _broader(found), found


def test_counts_measures_people_and_questions_are_no_designations(typed):
    found = typed(
        "Host: And then?\nGuest: we waited ok 20 minutes while the top 10 companies and "
        "about 30 soldiers left. Did they ever build tu 95 patrol bombers?\n"
    )
    assert not _broader(found), found
