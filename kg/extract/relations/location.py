"""Location: "based in", "headquartered in", "located in"."""

from __future__ import annotations

import re
from dataclasses import replace

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
    # a capital is in what it is the capital of: "Olympia, the capital of Washington",
    # and, the other way round, "the capital of Washington is Olympia"
    _p(
        "locatedIn",
        rf"^,?\s*{_BE}(?:the\s+)?(?:state\s+|national\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?$",
        "Place",
        "Place",
        confidence=0.85,
    ),
    replace(
        _p("locatedIn", r"^(?:is|was)\s+$", "Place", "Place", forward=False, confidence=0.8),
        before=re.compile(r"(?:^|\s)the\s+capital\s+(?:city\s+)?of\s+(?:the\s+)?$"),
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = ()
