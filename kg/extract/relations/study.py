"""Study: "his PhD with", "studied under", "student of", "my advisor was", "X supervised me"."""

from __future__ import annotations

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

PATTERNS: tuple[Pattern, ...] = (
    # studiedUnder: "his PhD with Jeff Hinton", "postdoc with Andrew Ng", "studied under"
    _p(
        "studiedUnder",
        r"^(?:(?:did|does|do|doing|done|got|get|completed|finished|was|is|and|then|it is|it was|he did|she did|i did)\s+)*(?:his|her|their|my|a|the)?\s*(?:ph\.?\s?d\.?|doctorate|doctoral (?:work|studies|thesis)|postdoc|post-doc|post doc|postdoctoral (?:work|fellowship|research)|master'?s|thesis|grad school|graduate studies|phd studies)\s+(?:(?:with|under|advised by|supervised by)\s+)$",
        _PERSON,
        _PERSON,
        confidence=0.9,
        implicit=True,
    ),
    _p(
        "studiedUnder",
        r"^(?:(?:who|also|then|was|had)\s+)*(?:studied|trained|worked as a (?:student|postdoc))\s+(?:under|with)\s+$",
        _PERSON,
        _PERSON,
        confidence=0.8,
    ),
    _p(
        "studiedUnder",
        rf"^{_BE}{_ART}(?:former\s+)?(?:student|phd student|grad student|graduate student|postdoc|advisee|doctoral student)\s+of\s+$",
        _PERSON,
        _PERSON,
    ),
    _p(
        "studiedUnder",
        r"^(?:'s|’s|s)\s+(?:former\s+)?(?:student|phd student|grad student|graduate student|postdoc|advisee)\s+$",
        _PERSON,
        _PERSON,
        forward=False,
    ),
    # advisors: "my PhD advisor was Geoffrey Hinton", "Hinton supervised my thesis"
    _p(
        "studiedUnder",
        r"^(?:(?:phd|ph\.d\.|doctoral|thesis|postdoc|postdoctoral|graduate|grad school|master'?s)\s+)?(?:advisor|adviser|supervisor)\s+(?:was|is|had been)\s+$",
        _PERSON,
        _PERSON,
        confidence=0.85,
    ),
    _p(
        "studiedUnder",
        r"^(?:(?:who|also|then|had|has)\s+)*(?:advised|supervised|co-?supervised)\s+$",
        _PERSON,
        _PERSON,
        forward=False,
        confidence=0.8,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = (
    (("study under",), "studiedUnder", _PERSON, _PERSON, True),
)
