"""What every family of typed patterns shares: the :class:`Pattern` (a relation read
from the words *between* two mentions), the vocabulary of roles, articles, copulas and
time words, and the text normalisation the patterns are matched against.

Patterns read the words between two mentions, which works on unpunctuated speech where
a dependency parse often does not ("he's a co-founder of openai", "his PhD with Jeff
Hinton", "OpenAI's CEO Sam Altman"); the parse-driven reader (``clauses.py``) covers
what the words between cannot (relative clauses, appositions, first person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Pattern", "ROLES", "norm", "is_institution", "job_at"]

#: words that make an organisation's name a place of study ("Uppsala University", "MIT")
_INSTITUTION_WORDS = ("university", "institute", "college", "school", "academy", "polytechnic")
_INSTITUTION_WORDS += ("eth", "mit", "caltech", "kaist", "iit", "epfl", "ucl")

ROLES = (
    r"chief executive officer|chief executive|ceo|chief technology officer|cto|chief scientist|"
    r"chief operating officer|coo|chief research officer|president|chairman|chairwoman|chair|"
    r"head of [a-z]+|director of [a-z]+|director|vice president|vp of [a-z]+|vp|research scientist|"
    r"researcher|scientist|engineer|software engineer|employee|member of technical staff|"
    r"board member|member of the board|lead|research lead|team lead|head|cso|cfo|manager|"
    r"partner|investor|advisor|professor|intern|"
    r"chief(?: [a-z]+){1,2} (?:officer|scientist)|(?:senior|staff|principal|distinguished|lead) "
    r"(?:research )?(?:scientist|engineer|researcher)|fellow|postdoc|phd student"
)
_ART = r"(?:(?:the|a|an|one of the|one of|its|their|our|his|her)\s+)?"
_BE = r"(?:(?:is|was|are|were|am|'m|’m|'s|’s|s|has been|had been|have been|became|becomes|being|as|now|who's|who is|who was)\s+)?"
_TIME = r"(?:(?:former|current|new|interim|then|now|first|founding|longtime|long-time)\s+)?"


@dataclass(frozen=True)
class Pattern:
    """A typed relation read from the text between two mentions.

    ``forward``: subject comes first; otherwise the object does. ``subject_types`` and
    ``object_types`` restrict what may be linked.
    """

    predicate: str
    regex: re.Pattern
    subject_types: frozenset[str]
    object_types: frozenset[str]
    forward: bool = True
    confidence: float = 0.9
    implicit_subject: bool = False  # the subject may be left unsaid ("postdoc with X")
    #: words that, right before the first mention, make it another clause's object
    #: ("founded by X at Y": Y is where the founding was, not where X is)
    not_after: frozenset[str] = frozenset()
    #: the predicate follows the object: affiliatedWith at a place of study, else
    #: worksFor ("Andrew Ng at Stanford", "Doug at Sequoia")
    by_institution: bool = False
    #: matched against the words right before the first mention, which must then say
    #: the relation too (a title of office: "the chairman of" + Y + X); its ``role``
    #: group, if any, is the role
    before: re.Pattern | None = None


def _p(predicate, regex, subj, obj, forward=True, confidence=0.9, implicit=False):
    return Pattern(
        predicate,
        re.compile(regex),
        frozenset(subj.split()),
        frozenset(obj.split()),
        forward,
        confidence,
        implicit,
    )


_PERSON, _ORG, _AGENT = "Person", "Organization", "Person Organization"
_ARTIFACT = "Product Work Concept"


def norm(text: str) -> str:
    """Lowercase, single-spaced, with ASR stutters collapsed ("in in" -> "in")."""
    words = re.sub(r"[,;:]|\s[-–—]+(?=\s)", " ", text.lower().replace("’", "'")).split()
    words = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return " ".join(words) + " " if words else ""


def is_institution(m) -> bool:
    """A mention whose name, or its lexicon entry's, says it is a place of study or
    research ("Uppsala University"; "Stanford" for the entry stanford-university)."""
    words = f"{m.surface} {m.lexicon_id or ''}".lower().replace("-", " ").split()
    return any(w in _INSTITUTION_WORDS for w in words)


def job_at(m) -> str:
    """What being at organisation ``m`` is: affiliatedWith a place of study, else worksFor."""
    return "affiliatedWith" if is_institution(m) else "worksFor"
