"""Concept discovery beyond the lexicon: which candidate noun phrases are terms.

Termhood is measured by *contrast with general English*, the idea behind keyness
and "weirdness" in terminology extraction: a word is salient in a transcript when it
occurs there far more often than its frequency in general English predicts. wordfreq
gives that frequency (Zipf scale: log10 of occurrences per billion words), so the
keyness of a word ``w`` said ``n`` times in a transcript of ``N`` words is

    keyness(w) = log10( n / (N * 10 ** (zipf(w) - 9)) )

— 3 means a thousand times more frequent than in English. This admits terms made of
everyday words that a talk is about ("poker" said twenty times, "decision tree",
"risk aversion") as well as rare jargon ("backpropagation"), and rejects recurring
everyday words ("question", "thing", "people"), whose rate in conversation is close
to their rate in English.

A candidate (a noun phrase or a sub-phrase of one ending in a noun, head lemmatised,
counted by its independent C-value count: see :mod:`kg.extract.terms`) is a term when

* it is one word of at least four letters, said at least ``min_count`` times, with
  keyness at least :data:`SINGLE_KEYNESS`; or
* it is several words said at least ``min_count`` times whose mean word keyness is at
  least :data:`PHRASE_KEYNESS`, or whose rarest word is rare in English (the older
  rule, kept: "scaling law", "emergent ability"); or
* it is a compound of nouns said once, specific throughout (every word moderately
  rare, one rare: "permissions model").

The thresholds were chosen on the seeds and the held-out dev half (``bench/quality.py``).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from wordfreq import zipf_frequency

__all__ = ["termhood", "select_terms", "keyness"]

#: General-English Zipf frequency of a word that makes a phrase technical.
RARE_ZIPF = 3.6
#: Single-word terms by rarity alone must be at least this rare.
RARE_SINGLE_ZIPF = 2.5
#: Keyness (log10 of observed over expected rate) a one-word term needs.
SINGLE_KEYNESS = 3.0
#: ... or this keyness when said four times or more ("poker" all through a talk).
SINGLE_KEYNESS_OFTEN = 2.5
#: Occurrences a one-word term found by keyness needs (a word said twice is often
#: just a word).
SINGLE_MIN_COUNT = 3
#: Mean keyness of its words a multi-word term needs.
PHRASE_KEYNESS = 1.2
#: Mean keyness of its words a multi-word term said only once needs: its words must
#: be what the talk is about ("signal processing" in a talk about signals).
ONCE_PHRASE_KEYNESS = 1.2
#: Zipf given to a word general English does not know (a name, a coinage).
_UNKNOWN_ZIPF = 1.0


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def keyness(word: str, count: int, total_words: int) -> float:
    """log10 of how much more often ``word`` occurs (``count`` times in ``total_words``)
    than general English predicts; 0 means as often."""
    expected = max(total_words, 1) * 10 ** (max(_zipf(word), _UNKNOWN_ZIPF) - 9)
    return math.log10(max(count, 1) / expected)


def termhood(key: str, count: int) -> float:
    """Specificity times log-frequency: how much a phrase looks like a term of art.

    Specificity is the mean of ``6 - zipf`` over the phrase's words (0 for the
    commonest words, 6 for words absent from general English)."""
    words = key.split()
    specificity = sum(max(0.0, 6.0 - _zipf(w)) for w in words) / len(words)
    return specificity * (1.0 + min(count, 20) ** 0.5) / 2.0


def select_terms(
    counts: Counter,
    min_count: int,
    min_termhood: float,
    noun_compounds: set[str] = frozenset(),
    word_counts: Counter | None = None,
    total_words: int = 0,
) -> set[str]:
    """The candidate keys that are concepts in this transcript.

    ``counts``: candidate key -> occurrences; ``word_counts``: every word of the
    transcript (lowercase) -> occurrences, and ``total_words`` their sum, for keyness.
    """
    word_counts = word_counts or Counter()
    selected = set()
    for key, count in counts.items():
        words = key.replace("-", " ").split()
        zipfs = [_zipf(w) for w in words]
        keys = [keyness(w, max(word_counts[w], count), total_words) for w in words]
        if len(words) == 1:
            if count < min_count or len(words[0]) < 4:
                continue
            key_term = count >= max(min_count, SINGLE_MIN_COUNT) and (
                keys[0] >= SINGLE_KEYNESS or (keys[0] >= SINGLE_KEYNESS_OFTEN and count >= 4)
            )
            rare_term = zipfs[0] <= RARE_SINGLE_ZIPF and termhood(key, count) >= min_termhood
            if not (key_term or rare_term):
                continue
        elif count < min_count:
            salient_once = key in noun_compounds and sum(keys) / len(keys) >= ONCE_PHRASE_KEYNESS
            specific = key in noun_compounds and max(zipfs) <= 4.6 and min(zipfs) <= 3.8
            if not (salient_once or specific):
                continue
        else:
            salient = sum(keys) / len(keys) >= PHRASE_KEYNESS
            if not (salient or min(zipfs) <= RARE_ZIPF):
                continue
            if not salient and termhood(key, count) < min_termhood:
                continue
        selected.add(key)
    return selected
