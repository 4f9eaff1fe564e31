"""Kinds stated by naming examples (Hearst patterns): "Ys such as X", "Ys like X and
Z", "Ys including X", "Ys, especially X", "X and other Ys", "one of the Ys is X".

:mod:`.definitions` reads the copular "X is a Y"; speakers state a taxonomy at least as
often by listing examples of a plural kind. Read from the dependency parse of one unit,
like a definition, and held to the same tests (shared helpers of :mod:`.definitions`):

* the kind is a plural common noun, a kind noun (no shell noun, person, time or
  quantity: "things like X", "people like X" name no kind), and a kind made here has a
  classifying modifier ("methods such as X" is too generic to be X's kind);
* the example is the object of "such as" / "like" / "including" on that noun, an
  appositive under "especially" / "particularly", the noun "other Ys" is listed with,
  or the complement of a present, unnegated "one of the Ys is";
  every conjunct of a listed example is an example of the same kind, and of no other
  (a list pairs each item with its own head only);
* one end is a concept mention already, neither is another kind of entity (a named
  organisation is an instance, not a kind), a new end is a generic common noun phrase;
* the unit is no question and the noun is under no hypothetical or hearsay verb.
"""

from __future__ import annotations

from ...model import RelationCandidate, Sentence, Transcript
from ...nlp import tokens, unit_evidence
from ..entities import SpanMention
from .clauses import is_question, non_asserting
from .definitions import _bare, _is_kind_noun, _phrase, _span_of, pair_ends

__all__ = ["listed_kinds"]

#: prepositions on a plural kind that introduce its examples ("as" only after "such")
_EXAMPLE_PREPS = frozenset({"like", "including"})
#: adverbs that make an appositive an example of the noun it hangs on
_EXAMPLE_ADVERBS = frozenset({"especially", "particularly", "notably", "namely"})


def _listed(noun) -> list:
    """``noun`` and the nouns listed with it after it ("X, Y and Z")."""
    return [noun, *(c for c in noun.conjuncts if c.i > noun.i)]


def _one_of_is(one) -> list:
    """The examples "one of the Ys is X, (Z)" names: the complement of the present,
    unnegated "be" whose subject is ``one``."""
    verb = one.head
    if one.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    attrs = [c for c in verb.children if c.dep_ == "attr"]
    return _listed(attrs[0]) if len(attrs) == 1 else []


def _pairs(doc) -> list[tuple[object, object, str]]:
    """(example, kind, how) pairs the parse of ``doc`` states, in text order."""
    out = []
    for t in tokens(doc):
        if t.pos_ != "NOUN" or t.tag_ != "NNS":
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "like":
            continue  # "the cells are like text formulas": a simile, no kind
        for c in t.children:
            such_as = c.lower_ == "as" and any(g.lower_ == "such" for g in c.children)
            if c.lower_ == "like" and any(g.dep_ == "advmod" for g in c.children):
                continue  # "formulas more like a programming language": a comparison
            if c.dep_ == "prep" and (c.lower_ in _EXAMPLE_PREPS or such_as):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend((x, t, "such-as") for x in _listed(p))
            elif c.dep_ == "appos" and any(g.lower_ in _EXAMPLE_ADVERBS for g in c.children):
                out.extend((x, t, "especially") for x in _listed(c))
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "one":
            out.extend((x, t, "one-of-is") for x in _one_of_is(t.head.head))
        if t.dep_ == "conj" and any(c.dep_ == "amod" and c.lower_ == "other" for c in t.children):
            head = t.head
            listed = [head, *(c for c in head.conjuncts if c.i < t.i)]
            out.extend((x, t, "and-other") for x in sorted(listed, key=lambda x: x.i))
    return out


def listed_kinds(
    doc, transcript: Transcript, sentence: Sentence, spans: list[SpanMention]
) -> tuple[list[SpanMention], list[RelationCandidate]]:
    """New concept mentions the examples of a plural kind make and their ``broader``
    candidates (one end a concept already, the other made here if it is none)."""
    pairs = _pairs(doc)
    if not pairs or is_question(doc):
        return [], []
    at = {i: s for s in spans for i in range(s.token_start, s.token_end)}
    denied = non_asserting(doc)
    new: list[SpanMention] = []
    out: list[RelationCandidate] = []
    seen: set[tuple[int, int]] = set()
    for example, kind, how in pairs:
        if example.i in denied or kind.i in denied:
            continue
        if example.pos_ not in ("NOUN", "PROPN") and example.tag_ != "VBG":
            continue  # a gerund names a process: "methods such as bagging"
        ends: list[SpanMention | None] = []
        for noun in (example, kind):
            s = _span_of(noun, at)
            if s is None and noun.i in at:
                s = at[noun.i]
                ends.append(None if s.mention.type == "Concept" else s)
                continue
            ends.append(s)
        if any(e is not None and e.mention.type != "Concept" for e in ends):
            continue  # a named entity is an instance, not a kind
        if all(e is None for e in ends) or not _is_kind_noun(kind):
            continue
        if ends[0] is None and (example.pos_ == "PROPN" or not _bare(example)):
            continue
        if ends[1] is None and (kind.pos_ == "PROPN" or kind.ent_type_):
            continue
        bounds = [
            None if e is not None else _phrase(n)
            for e, n in zip(ends, (example, kind), strict=True)
        ]
        if any(e is None and b is None for e, b in zip(ends, bounds, strict=True)):
            continue
        if bounds[1] is not None and bounds[1][1] - bounds[1][0] < 2:
            continue  # a new kind needs its classifier: "methods such as X" names none
        if any(
            b is not None and (any(i in at for i in range(*b)) or n.ent_type_)
            for b, n in zip(bounds, (example, kind), strict=True)
        ):
            continue
        made = pair_ends(doc, ends, bounds, transcript, sentence, at, new)
        key = (made[0].token_start, made[1].token_start)
        if made[0] is made[1] or key in seen:
            continue
        seen.add(key)
        evidence = unit_evidence(transcript, sentence, f"parse:broader:hearst-{how}", 0.75)
        out.append(
            RelationCandidate(made[0].mention, "broader", made[1].mention, "typed", evidence)
        )
    return new, out
