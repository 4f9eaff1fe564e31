"""Founding: "co-founder of", "co-founded", "was founded by", "OpenAI's founders"."""

from __future__ import annotations

import re

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

PATTERNS: tuple[Pattern, ...] = (
    # founded: "he's a co-founder of openai", "co-founded Anthropic", "OpenAI was founded by";
    # in an introduction too: "Ada Lind here, one of the other co-founders of Y";
    # a job said with it is its ``role`` ("the co-founder and CEO at Y": the finder adds
    # worksFor with that role)
    _p(
        "founded",
        rf"^(?:here\s+)?{_BE}{_ART}(?:other\s+)?{_TIME}(?:co-?\s?founders?|cofounders?|founders?|founding members?)\s+(?:of|at|and\s+(?:(?:the|its)\s+)?(?:(?P<role>{ROLES})|[a-z ]+)\s+(?:of|at))\s+$",
        _PERSON,
        _ORG,
        implicit=True,
    ),
    _p(
        "founded",
        r"^(?:(?:who|that|also|then|later|had|has|have)\s+)*(?:co-?\s?founded|cofounded|founded|started|set up|launched)\s+$",
        _PERSON,
        _ORG,
    ),
    _p(
        "founded",
        r"^(?:(?:was|is|were|which was|that was|which is|which were|that were)\s+)?(?:co-?\s?founded|cofounded|founded|started|set up)\s+by\s+$",
        _PERSON,
        _ORG,
        forward=False,
    ),
    # the partner a founding is shared with: "I co-founded Luma Labs with my co-founder
    # Petra Holm" (the founding verb must come right before the organisation)
    Pattern(
        "founded",
        re.compile(
            r"^(?:in\s+[a-z]+\s+)?with\s+(?:my|his|her|their|our)\s+(?:co-?\s?founders?|cofounders?|partners?|business partners?)\s+$"
        ),
        frozenset({_PERSON}),
        frozenset({_ORG}),
        forward=False,
        confidence=0.75,
        before=re.compile(r"(?:co-?\s?founded|cofounded|founded|started|set up)\s+(?:the\s+)?$"),
    ),
    _p(
        "founded",
        r"^(?:'s|’s|s|')?\s*(?:co-?\s?founders?|cofounders?|founders?)\s+$",
        _PERSON,
        _ORG,
        forward=False,
        confidence=0.8,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = (
    (
        ("found", "co-found", "cofound", "start", "establish", "set up", "launch"),
        "founded",
        _PERSON,
        _ORG,
        True,
    ),
)
