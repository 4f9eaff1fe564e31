"""Two things guests say of a firm in one breath: what it is and where ("BNH.ai, which
is a boutique law firm based in Washington DC", "Lumora, a lab located in Oslo"), and a
firm named as a web domain ("BNH.ai", "H2O.ai"), which NER leaves unlabelled. A denied
copula puts nothing anywhere; an address read out in lowercase is no firm.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_OPENING = "Welcome to the show, we have two guests with us today from a young company. "


def test_a_firm_named_as_a_domain(mentions):
    text = _OPENING + "They are both from BNH.ai, and you can write to them at hello.example.com.\n"
    found = {(m.surface, m.type) for m in mentions(text)}
    assert ("BNH.ai", "Organization") in found
    assert not any(s == "hello.example.com" for s, _ in found)


def test_what_a_firm_is_and_where_it_is_based(typed):
    text = _OPENING + (
        "They are both from BNH.ai, which is a boutique law firm based in Washington DC. "
        "Our other guest is from Acme Robotics, which is a startup based in Berlin.\n"
    )
    facts = typed(text)
    assert ("BNH.ai", "locatedIn", "Washington DC") in facts
    assert ("Acme Robotics", "locatedIn", "Berlin") in facts


def test_a_denied_copula_puts_a_firm_nowhere(typed):
    text = _OPENING + "Our guest is from Acme Robotics, which is not a startup based in Berlin.\n"
    assert not {f for f in typed(text) if f[1] == "locatedIn"}
