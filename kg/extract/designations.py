"""Model designations used as a modifier: "hundreds of SS-20 nuclear missiles", "a
fleet of F-16 fighter jets": a letters-and-number designation before a plural noun
phrase names a kind of the thing that phrase names (skos:broader), and both are
concepts of their own.

A designation is a short run of letters that is no function word ("ss", "f", "mig")
and a number of two to four digits, apart or hyphenated ("ss 20", "ss-20"); the
phrase after it is adjectives and nouns ending in a plural common noun that is no
time, quantity or person word ("top 10 companies", "ok 20 minutes", "ss 20 soldiers"
are not kinds). Asked units are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import RelationCandidate, Sentence, Transcript
from ..nlp import tokens, unit_evidence
from . import wordnet
from .entities import SpanMention, _make_mention
from .relations.clauses import is_question
from .terms import _key

__all__ = ["designation_kinds"]

#: Head nouns that count or measure, or name people: a number before them is no model.
_NOT_KINDS = ("noun.time", "noun.quantity", "noun.person", "noun.group")
_INTERJECTIONS = frozenset(
    ("ok", "okay", "uh", "um", "oh", "ah", "eh", "yes", "yeah", "no", "vs", "ca", "approx")
)
_MAX_PHRASE = 3
_NUMBER = re.compile(r"[A-Za-z][\s-]?\d\d")


def _designation_end(toks, i: int) -> int | None:
    """The end of a designation starting at token ``i``, or None."""
    letters = toks[i]
    if not (letters.is_alpha and len(letters.text) <= 3) or letters.is_stop:
        return None
    if letters.lower_ in _INTERJECTIONS:  # the tagger's part of speech of "ss" is a guess
        return None
    j = i + 1
    if j < len(toks) and toks[j].text == "-":
        j += 1
    if j >= len(toks) or not toks[j].text.isdigit() or not 2 <= len(toks[j].text) <= 4:
        return None
    return j + 1


def designation_kinds(
    doc, transcript: Transcript, sentence: Sentence, spans: list[SpanMention]
) -> tuple[list[SpanMention], list[RelationCandidate]]:
    """New designation and kind mentions of the unit and the ``broader`` candidates
    between them."""
    if _NUMBER.search(doc.text) is None or is_question(doc):
        return [], []  # most units say no number: one string search, no token loop
    toks = tokens(doc)
    taken = {i: s for s in spans for i in range(s.token_start, s.token_end)}
    new: list[SpanMention] = []
    out: list[RelationCandidate] = []
    for i in range(len(toks) - 2):
        if i in taken or (i > 0 and toks[i - 1].is_alpha and toks[i - 1].pos_ == "PROPN"):
            continue
        end = _designation_end(toks, i)
        if end is None or any(k in taken for k in range(i, end)):
            continue
        stop = end
        while stop < min(len(toks), end + _MAX_PHRASE) and toks[stop].pos_ in ("ADJ", "NOUN"):
            if toks[stop].tag_ == "NNS":
                break
            stop += 1
        if stop >= len(toks) or toks[stop].tag_ != "NNS" or toks[stop].pos_ != "NOUN":
            continue
        stop += 1
        if wordnet.first_lexname(toks[stop - 1].lemma_.lower()) in _NOT_KINDS:
            continue
        made = _make_mention(doc, i, end, transcript, sentence, "Concept", "concept")
        norm = "-".join(t.lower_ for t in toks[i:end] if t.text != "-")
        narrow = SpanMention(replace(made.mention, norm=norm), i, end)
        wide = next((taken[k] for k in range(end, stop) if k in taken), None)
        if wide is not None and (wide.token_end != stop or wide.mention.type != "Concept"):
            continue
        new.append(narrow)
        if wide is None:
            made = _make_mention(doc, end, stop, transcript, sentence, "Concept", "concept")
            wide = SpanMention(replace(made.mention, norm=_key(doc, end, stop)), end, stop)
            new.append(wide)
        evidence = unit_evidence(transcript, sentence, "parse:broader:designation", 0.7)
        out.append(RelationCandidate(narrow.mention, "broader", wide.mention, "typed", evidence))
        taken.update({k: narrow for k in range(i, end)})
        taken.update({k: wide for k in range(end, stop)})
    return new, out
