"""partOf stated by a unit noun, ownership or a merger (kg.extract.relations.ownership,
kg.extract.relations.clauses): "X, a hardware division within Y", "Y's research lab
X", "X is the department of Y", "Y owns X", "X merged into Y"; denied and asked ones
state nothing."""

from __future__ import annotations


def _part_of(found) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in found if p == "partOf"}


def test_a_unit_noun_with_modifiers_after_an_article(typed):
    found = typed(
        "Host: And then?\nGuest: Reality Labs, a hardware division within Meta, makes headsets.\n"
    )
    assert ("Reality Labs", "Meta") in _part_of(found), found


def test_the_owner_said_first_with_a_possessive(typed):
    found = typed("Host: And then?\nGuest: Meta's research lab FAIR released a model.\n")
    assert ("FAIR", "Meta") in _part_of(found), found


def test_a_copula_with_a_modified_unit_noun(typed):
    found = typed(
        "Host: And then?\nGuest: Reality Labs is the biggest hardware department of Meta.\n"
    )
    assert ("Reality Labs", "Meta") in _part_of(found), found


def test_owning_and_merging_into(typed):
    found = typed(
        "Host: And then?\nGuest: Amazon owns Twitch. Google Brain merged into DeepMind last year.\n"
    )
    got = _part_of(found)
    assert ("Twitch", "Amazon") in got, found
    assert ("Google Brain", "DeepMind") in got, found


def test_denied_and_asked_units_state_nothing(typed):
    found = typed(
        "Host: Does Amazon own Twitch?\nGuest: DeepMind is not a research lab of Amazon. "
        "If Amazon owned Reality Labs, would it matter?\n"
    )
    assert not _part_of(found), found
