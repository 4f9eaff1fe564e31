"""Concept discovery beyond the lexicon: which candidate noun phrases are terms.

A phrase is kept when it recurs in the transcript and is *specific*: at least one of
its words is rare in general English (wordfreq's Zipf scale) and it is not made of
everyday words. "scaling law" and "emergent ability" pass; "big thing" and "good
question" do not. Single words pass only when very rare ("backpropagation").
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from wordfreq import zipf_frequency

__all__ = ["termhood", "select_terms"]

#: General-English Zipf frequency of a word that makes a phrase technical.
RARE_ZIPF = 3.6
#: Single-word terms must be at least this rare.
RARE_SINGLE_ZIPF = 2.5


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def termhood(key: str, count: int) -> float:
    """Specificity times log-frequency: how much a phrase looks like a term of art.

    Specificity is the mean of ``6 - zipf`` over the phrase's words (0 for the
    commonest words, 6 for words absent from general English)."""
    words = key.split()
    specificity = sum(max(0.0, 6.0 - _zipf(w)) for w in words) / len(words)
    return specificity * (1.0 + min(count, 20) ** 0.5) / 2.0


def select_terms(
    counts: Counter, min_count: int, min_termhood: float, noun_compounds: set[str] = frozenset()
) -> set[str]:
    """The candidate keys that are concepts in this transcript.

    A phrase seen ``min_count`` times needs one rare word; a phrase seen fewer times
    is kept only when it is a compound of nouns ("permissions model", not "drastic
    consequence") and specific throughout (every word moderately rare, one rare)."""
    selected = set()
    for key, count in counts.items():
        words = key.split()
        zipfs = [_zipf(w) for w in words]
        if len(words) == 1:
            if count < min_count or zipfs[0] > RARE_SINGLE_ZIPF or len(words[0]) < 5:
                continue
        elif count < min_count:
            if key not in noun_compounds or max(zipfs) > 4.6 or min(zipfs) > 3.8:
                continue
        elif min(zipfs) > RARE_ZIPF:
            continue
        if count >= min_count and termhood(key, count) < min_termhood:
            continue
        selected.add(key)
    return selected
