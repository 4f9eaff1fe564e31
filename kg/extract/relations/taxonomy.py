"""Taxonomy between concepts (skos:broader), Hearst patterns: "X is a kind of Y", "Ys such as
X", "X and other Ys", "a Y called X"."""

from __future__ import annotations

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

PATTERNS: tuple[Pattern, ...] = (
    # broader: "an LSTM is a recurrent neural network", "models such as GPT"
    _p(
        "broader",
        r"^(?:is|are|was|were|being|as)\s+(?:basically\s+|just\s+|essentially\s+|really\s+)?(?:a|an|one)\s+(?:(?:kind|type|form|sort|class|variant|example|instance|subfield|branch|subset|area|special case)\s+of\s+(?:a\s+|an\s+)?)?$",
        "Concept Product",
        "Concept",
        confidence=0.8,
    ),
    _p(
        "broader",
        r"^(?:is|are)\s+(?:a\s+)?(?:kind|type|form|sort|subfield|branch|subset)\s+of\s+$",
        "Concept Product",
        "Concept",
        confidence=0.85,
    ),
    _p(
        "broader", r"^are\s+(?:all\s+|just\s+|basically\s+)?$", "Concept", "Concept", confidence=0.7
    ),
    _p(
        "broader",
        r"^(?:such as|like|including|e\.g\.|for example|for instance)\s+$",
        "Concept Product",
        "Concept",
        forward=False,
        confidence=0.7,
    ),
    _p("broader", r"^(?:and|or)\s+other\s+$", "Concept Product", "Concept", confidence=0.8),
    _p(
        "broader",
        r"^(?:called|named|known as) $",
        "Concept",
        "Concept",
        forward=False,
        confidence=0.75,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = ()
