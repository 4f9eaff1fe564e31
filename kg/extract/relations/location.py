"""Location: "based in", "headquartered in", "located in"."""

from __future__ import annotations

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

PATTERNS: tuple[Pattern, ...] = (
    _p(
        "locatedIn",
        r"^(?:(?:is|was|are|which is)\s+)?(?:based|headquartered|located)\s+(?:in|out of)\s+$",
        _ORG,
        "Place",
        confidence=0.85,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = ()
