"""Roles and affiliations: worksFor with a role ("the chief scientist at", "OpenAI's CEO"),
working at, leading, joining; affiliatedWith for study, teaching and board seats."""

from __future__ import annotations

import re
from dataclasses import replace

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["OFFICES", "OFFICE_NOUNS", "PATTERNS", "VERB_RULES"]

#: titles of office in a government or an institution, beside the job roles of
#: ``ROLES``: "the Secretary of the Treasury", "the treasurer of", "the dean of"
OFFICE_NOUNS = frozenset(
    {"secretary", "undersecretary", "minister", "senator", "governor", "mayor"}
    | {"chancellor", "commissioner", "administrator", "spokesman", "spokeswoman"}
    | {"spokesperson", "commander", "dean", "provost", "treasurer", "envoy"}
    | {"superintendent", "comptroller", "auditor", "registrar", "justice", "judge"}
)
OFFICES = "|".join(
    [*sorted(OFFICE_NOUNS), "under secretary", "attorney general", "general counsel"]
    + ["director general", "deputy", "counsel"]
)
#: words a title of office may begin with: "the deputy secretary", "the Prime Minister"
_OFFICE_RANK = r"(?:(?:deputy|assistant|associate|acting|vice|prime|foreign|press|first|chief)\s+)?"

PATTERNS: tuple[Pattern, ...] = (
    # worksFor with role: "Ilya is the chief scientist at open AI", "OpenAI's CEO Sam Altman"
    _p(
        "worksFor",
        rf"^{_BE}{_ART}{_TIME}(?P<role>{ROLES})\s+(?:at|of|for|in|with)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        implicit=True,
    ),
    _p(
        "worksFor",
        r"^(?:(?:who|also|now|then|still|currently|has|had|have|is|was|used to)\s+)*(?:works|worked|working|work)\s+(?:at|for|with)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    _p(
        "worksFor",
        r"^(?:(?:who|also|now|then|still|currently)\s+)*(?:leads|led|heads|headed|runs|ran|directs|directed|co-?leads|co-?led)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        confidence=0.75,
    ),
    _p(
        "worksFor",
        r"^(?:(?:who|also|then|has|had|have|just|recently)\s+)*(?:joined|joins|joining)\s+$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    _p(
        "worksFor",
        rf"^(?:'s|’s|s|')?\s*{_TIME}(?P<role>{ROLES}|{_OFFICE_RANK}(?:{OFFICES}))\s+$",
        _PERSON,
        _ORG,
        forward=False,
        confidence=0.85,
    ),
    # a title of office before the name: "the chairman of the Federal Reserve Paul
    # Volcker", "Secretary of the Treasury Donald Regan" (the organisation right before
    # the name, the title before it)
    replace(
        _p("worksFor", r"^$", _PERSON, _ORG, forward=False, confidence=0.8),
        before=re.compile(
            rf"(?:^|\s){_TIME}(?P<role>{_OFFICE_RANK}(?:{OFFICES}|{ROLES}))\s+(?:of|at|for)"
            r"\s+(?:the\s+)?$"
        ),
    ),
    # a title of office said of a person: "Tom Berger, the secretary of the Orbis
    # Foundation", "who is the spokesman for Y"
    _p(
        "worksFor",
        rf"^{_BE}{_ART}{_TIME}(?P<role>{_OFFICE_RANK}(?:{OFFICES}))\s+(?:of|at|for)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    # affiliatedWith: a person at an institution
    _p(
        "affiliatedWith",
        r"^(?:(?:was|is|did|doing|his|her|a|the|my|then)\s+)*(?:ph\.?\s?d\.?|postdoc|post-doc|post doc|student|studied|studying|research|fellow|graduate|graduated|dropped out|undergrad(?:uate)?)\s+(?:(?:with|under)\s+\S+(?:\s+\S+)?\s+)?(?:at|in|in in|from|of)\s+(?:the\s+)?$",
        _PERSON,
        "Organization Place",
        confidence=0.8,
        implicit=True,
    ),
    # teaching and research are jobs, at a university too: "a professor at MIT"
    _p(
        "worksFor",
        r"^(?:(?:was|is|a|the|then|now|an|assistant|associate|full)\s+)*(?P<role>professor|prof|lecturer|faculty|researcher|research scientist)\s+(?:of\s+[a-z]+(?:\s+[a-z]+)?\s+)?(?:at|in|of)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        confidence=0.8,
        implicit=True,
    ),
    # board members: "Helen Toner, who was on the board of OpenAI"
    _p(
        "affiliatedWith",
        r"^(?:(?:who|also|then|now|still|has|had|have|was|is|were|sits|sat|served|serves|been)\s+)*(?:on|joined)\s+(?:the|its|their|his|her)\s+board\s+(?:of\s+(?:directors\s+(?:of|at)\s+)?(?:the\s+)?|at\s+(?:the\s+)?)$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    # a person named right before an organisation: "Andrew Ng at Stanford" (affiliated),
    # "Doug at Sequoia" (works there), "we've got X here from Y" (a guest introduced)
    replace(
        _p(
            "affiliatedWith",
            r"^(?:here\s+)?(?:at|in|from|of)\s+(?:the\s+)?$",
            _PERSON,
            _ORG,
            confidence=0.6,
        ),
        # "founded by X at Y", "studied under X at Y": Y is where
        # the founding or the study was, not (said to be) where X is; "said it to X
        # at Y", "does that to you at Y": where the saying or doing was
        not_after=frozenset({"by", "under", "to"}),
        by_institution=True,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = (
    (
        ("join", "lead", "run", "head", "direct", "work at", "work for"),
        "worksFor",
        _PERSON,
        _ORG,
        True,
    ),
)
