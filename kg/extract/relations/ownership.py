"""Ownership and money between organisations: partOf ("part of", "acquired by", "A acquired
B") and investedIn ("invested ... in", "put money in")."""

from __future__ import annotations

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

PATTERNS: tuple[Pattern, ...] = (
    _p(
        "partOf",
        r"^(?:(?:is|are|was|were|became|which is|which was|now)\s+)?(?:(?:a|the)\s+)?(?:part of|division of|subsidiary of|owned by|acquired by|unit of|lab of|lab at|arm of)\s+(?:the\s+)?$",
        _ORG,
        _ORG,
        confidence=0.85,
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
