"""A person run into another name by NER is split: "Tyler Tringas of the Calm Fund"
(tagged as one organisation) is the person and the fund, with the job between them;
"Bank of America" (no given name first) stays one name.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def test_a_person_of_an_organisation_tagged_as_one_is_split(typed, mentions):
    text = (
        "Host: Welcome back to the show, everyone. Today we talk about funds and the people "
        "who run them.\n"
        "Guest: Today we have Tyler Tringas of the Calm Fund with us, and the Bank of "
        "America lends money.\n"
    )
    names = {m.surface: m.type for m in mentions(text)}
    assert names.get("Tyler Tringas") == "Person"
    assert names.get("Calm Fund") == "Organization"
    assert names.get("Bank of America") == "Organization"
    assert ("Tyler Tringas", "worksFor", "Calm Fund") in typed(text)
