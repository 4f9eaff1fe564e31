"""Ownership and money between organisations: partOf ("part of", "acquired by", "A acquired
B") and investedIn ("invested ... in", "put money in")."""

from __future__ import annotations

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

#: nouns for a part of an organisation
_UNITS = r"division|subsidiary|unit|lab|laboratory|arm|branch|department"

PATTERNS: tuple[Pattern, ...] = (
    _p(
        "partOf",
        r"^(?:(?:is|are|was|were|became|which is|which was|now)\s+)?(?:(?:a|the)\s+)?(?:part of|division of|subsidiary of|owned by|acquired by|unit of|lab of|lab at|arm of)\s+(?:the\s+)?$",
        _ORG,
        _ORG,
        confidence=0.85,
    ),
    # "DeepMind, the research arm of Google", "X, a hardware division within Meta": a
    # unit noun after an article and up to two classifying words (no "not": the words
    # before the article are only a copula)
    _p(
        "partOf",
        rf"^(?:(?:is|are|was|were|became|which is|which was|now)\s+)?(?:a|an|the)\s+(?:[a-z][a-z-]*\s+){{1,2}}(?:{_UNITS})\s+(?:of|within|inside|at)\s+(?:the\s+)?$",
        _ORG,
        _ORG,
        confidence=0.8,
    ),
    # "Meta's research lab FAIR", "Google's AI unit DeepMind": the owner said first
    _p(
        "partOf",
        rf"^(?:'s|’s)\s+(?:[a-z][a-z-]*\s+){{0,2}}(?:{_UNITS})\s+(?:called\s+|named\s+)?$",
        _ORG,
        _ORG,
        forward=False,
        confidence=0.75,
    ),
    _p(
        "investedIn",
        r"^(?:(?:has|had|have|also|then)\s+)*(?:invested|invests|investing|put money)\s+(?:(?:\$?[\d.,]+|[a-z]+)\s+(?:billion|million|dollars)\s+)?(?:dollars\s+)?in(?:to)?\s+$",
        _AGENT,
        _ORG,
        confidence=0.85,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = (
    (("acquire",), "partOf", _ORG, _ORG, False),
    (("acquire by",), "partOf", _ORG, _ORG, True),
    (("invest in",), "investedIn", _AGENT, _ORG, True),
)
