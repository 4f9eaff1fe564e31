"""Kinds stated by apposition to a concept with a new term: "an underlying graphical
model, a probabilistic model that connects ...": the indefinite phrase set beside a
concept names its kind, and that kind is a concept of its own even when the term
statistics never kept it (said once, in this one place).

:meth:`kg.extract.relations.clauses.Clauses._kind_apposition` links two concepts that
are both mentions already; this module covers the appositive that is none: it makes
the kind's mention (its adjective and noun modifiers and its head noun, never a bare
"a model") and the ``broader`` candidate. Lists the parse read as appositions, negated
or asked appositives are left alone.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import RelationCandidate, Sentence, Transcript
from ..nlp import tokens, unit_evidence
from .entities import SpanMention, _make_mention
from .relations.clauses import is_question, listed_apposition
from .terms import _key

__all__ = ["appositive_kinds"]

_ARTICLES = ("a", "an")
_NEGATIONS = ("not", "no", "never")


def _kind_span(doc, noun) -> tuple[int, int] | None:
    """(start, end) of the kind phrase an appositive ``noun`` heads: its adjacent
    adjective and noun modifiers and itself, after "a"/"an"; None without a modifier."""
    toks = tokens(doc)
    start = noun.i
    while start > 0:
        t = toks[start - 1]
        if t.dep_ not in ("amod", "compound") or t.head.i != noun.i or not t.is_alpha:
            break
        start -= 1
    article = toks[start - 1] if start > 0 else None
    if start == noun.i or article is None or article.lower_ not in _ARTICLES:
        return None
    if start > 1 and toks[start - 2].lower_ in _NEGATIONS:
        return None
    return start, noun.i + 1


def appositive_kinds(
    doc, transcript: Transcript, sentence: Sentence, spans: list[SpanMention]
) -> tuple[list[SpanMention], list[RelationCandidate]]:
    """New kind mentions of the unit and their ``broader`` candidates (from the concept
    each is set beside)."""
    if is_question(doc):
        return [], []
    toks = tokens(doc)
    taken = {i for s in spans for i in range(s.token_start, s.token_end)}
    new: list[SpanMention] = []
    out: list[RelationCandidate] = []
    for narrow in spans:
        if narrow.mention.type != "Concept":
            continue
        head = toks[narrow.token_end - 1]
        for noun in head.children:
            if noun.dep_ != "appos" or noun.pos_ != "NOUN" or noun.tag_ == "NNS":
                continue
            if any(c.dep_ == "neg" for c in noun.children):
                continue
            bounds = _kind_span(doc, noun)
            if bounds is None or any(i in taken for i in range(*bounds)):
                continue
            if listed_apposition(head, noun, bounds[1]):
                continue
            if bounds[0] > 1 and toks[bounds[0] - 2].text == "(":
                continue  # "his coat of arms (a caged bird on one side ...)": what it shows
            made = _make_mention(doc, *bounds, transcript, sentence, "Concept", "concept")
            wide = SpanMention(replace(made.mention, norm=_key(doc, *bounds)), *bounds)
            new.append(wide)
            taken.update(range(*bounds))
            evidence = unit_evidence(transcript, sentence, "parse:broader:appos-new", 0.7)
            out.append(
                RelationCandidate(narrow.mention, "broader", wide.mention, "typed", evidence)
            )
    return new, out
