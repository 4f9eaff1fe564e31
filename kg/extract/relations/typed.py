"""The one place that lists the families of typed patterns, in the order they are
tried, and matches them: the words between two mentions (``match``), a verb phrase of
the parse (``typed_verb``), the lists a mention belongs to (``conjuncts``).

To add a relation: write its patterns and verb rules in a family module (or a new
one) and list that module in ``FAMILIES``.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Mention
from ...nlp import tokens
from ..entities import SpanMention
from . import creation, founding, location, ownership, roles, study, taxonomy
from .patterns import Pattern

__all__ = [
    "FAMILIES",
    "TYPED_PATTERNS",
    "VERB_RULES",
    "match",
    "typed_verb",
    "conjuncts",
    "singular_verb_after",
]

#: first match wins, so the order matters where two families could read the same words
FAMILIES = (founding, study, roles, creation, taxonomy, ownership, location)
_ORDER = ("founded", "studiedUnder", "worksFor", "affiliatedWith", "created", "broader")
_ORDER += ("partOf", "basedOn", "investedIn", "locatedIn")
TYPED_PATTERNS: tuple[Pattern, ...] = tuple(
    sorted(
        (p for family in FAMILIES for p in family.PATTERNS),
        key=lambda p: _ORDER.index(p.predicate),
    )
)
VERB_RULES = tuple(rule for family in FAMILIES for rule in family.VERB_RULES)
MAX_BETWEEN_WORDS = 9


def match(between: str, a: Mention, b: Mention, before: Callable[[], str] = str):
    """The first pattern whose between-words regex matches ``between`` (and, for a
    pattern with a ``before`` regex, whose words before ``a``, ``before()``, match it
    too) for these mentions' types, with the role it states."""
    for pattern in TYPED_PATTERNS:
        subj, obj = (a, b) if pattern.forward else (b, a)
        if subj.type not in pattern.subject_types or obj.type not in pattern.object_types:
            continue
        m = pattern.regex.match(between)
        if not m:
            continue
        role = m.groupdict().get("role")
        if pattern.before is not None:
            t = pattern.before.search(before())
            if t is None:
                continue
            role = t.groupdict().get("role") or role
        return pattern, role
    return None


def typed_verb(phrase: str, subj: Mention, obj: Mention) -> tuple[str, bool] | None:
    """The typed relation an open verb phrase states between these mentions, if any."""
    for phrases, predicate, subject_types, object_types, forward in VERB_RULES:
        if phrase not in phrases:
            continue
        s_, o_ = (subj, obj) if forward else (obj, subj)
        if s_.type in subject_types.split() and o_.type in object_types.split():
            return predicate, forward
    return None


def conjuncts(doc, spans: list[SpanMention], index: int, step: int) -> list[SpanMention]:
    """The mentions listed with ``spans[index]`` ("X and Y", "X, Y and Z") of its type,
    walking before it (``step`` -1) or after it (+1).

    Agreement bounds the list where unpunctuated speech runs two clauses together: a
    name followed by a singular verb ("the CEO of A and B is part of C") is the subject
    of its own clause, so B takes no A before it and A no B after it."""
    out = []
    kind = spans[index].mention.type
    if step < 0 and singular_verb_after(doc, spans[index]):
        return out
    j = index
    while 0 <= j + step < len(spans):
        near, far = (spans[j + step], spans[j]) if step < 0 else (spans[j], spans[j + step])
        joint = " ".join(t.lower_ for t in doc[near.token_end : far.token_start])
        if joint not in ("and", ",", ", and", "&") or spans[j + step].mention.type != kind:
            break
        # the parse must list them too: "A invested in B, C invested in D" is two clauses
        near_root = doc[near.token_start : near.token_end].root
        far_root = doc[far.token_start : far.token_end].root
        if far_root not in near_root.conjuncts or far_root.dep_ in ("nsubj", "nsubjpass"):
            break
        if step > 0 and singular_verb_after(doc, far):
            break
        j += step
        out.append(spans[j])
    return out


def singular_verb_after(doc, span: SpanMention) -> bool:
    """The word after the mention is a singular finite verb ("is", "was", "has"): the
    mention is a clause's subject on its own, not one item of a plural subject."""
    toks = tokens(doc)
    if span.token_end >= len(toks):
        return False
    after = toks[span.token_end]
    return after.tag_ == "VBZ" or after.lower_ == "was"


def starts_clause(prefix: str, position: int) -> bool:
    """An implicit-subject trigger must open the unit or follow a clause joiner."""
    before = prefix[:position].split()
    return (
        not before
        or before[-1] in ("and", "then", "so", "also", "did", "a", "with")
        or len(before) <= 2
    )
