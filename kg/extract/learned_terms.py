"""A learned second look at the candidate terms the rules of :func:`.concepts.select_terms`
refuse: a logistic regression over the rules' own statistics and the parser's context
vectors, fitted on the gold of the study transcripts and shipped as data.

The rules weigh what statistics and dictionaries can see (keyness, counts, WordNet,
defining contexts). What they miss, judged by the readers who wrote the gold, are mostly
everyday-word topics a talk dwells on ("coffee" in a talk on caffeine, "drug
interaction") and domain phrases said once. The spaCy model already computes, for every
token, a 96-number vector of its context (``doc.tensor``, the output of the tok2vec layer
its tagger and parser share): what words of that shape and spelling do in such
sentences. Averaged over a candidate's occurrences it says something the counts do not,
at no parsing cost. Measured leave-one-transcript-out over the fifteen study transcripts
(``bench/fit_termhood.py --tensor``): among the candidates the rules refuse, those this
model scores above its threshold are gold about half the time, against one in ten for
the refused candidates as a whole, so it adds them; it never removes a term the rules
chose.

The model is ``ontology/termhood_model.json``, written by ``bench/fit_termhood.py
--tensor --write``; it holds the feature names, their means and scales, the weights,
the threshold and the spaCy model (name, version, vector width) it was fitted with. With
another spaCy model its vectors mean something else, so it is not used then; nor with
the setting ``learned_terms = false``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..ontology import ONTOLOGY_DIR
from . import wordnet
from .concepts import (
    FEATURES,
    content_words,
    nominalization,
    people_noun,
    refused_outright,
    term_features,
)

__all__ = [
    "MODEL_FILE",
    "EXTRA",
    "TermCues",
    "TermModel",
    "candidate_features",
    "context_vectors",
    "feature_names",
    "load_model",
    "rescued_terms",
    "term_model",
]

#: The model's file in ``ontology/`` (shipped as ``kg.ontology_files``).
MODEL_FILE = "termhood_model.json"
#: Cues the rules use that :data:`.concepts.FEATURES` lacks (see ``bench/fit_termhood.py``).
EXTRA = (
    "defined_plain",  # in a defining context, never written with capitals
    "wordnet_listed",  # the key is a WordNet noun lemma
    "nominalization",  # the head is a derived noun of a process, practice or field
    "people_head",  # the head names a kind of people
    "log_head_count",  # log(1 + occurrences of the head word in the transcript)
    "log_dispersion",  # log(1 + distinct units it is said in)
    "first_position",  # first unit it is said in, as a share of the transcript
    "owned",  # said only after a possessive
    "adjectival",  # the first word is an adjective wherever it is said
    # the first WordNet lexname of the head word, grouped (LEXNAME_GROUPS), as
    # indicators; and whether some noun sense of the head is a state or a substance
    *(f"lex_{group}" for group in ("state", "natural", "artifact", "act", "cognition",
                                    "attribute", "nokind", "unknown")),
    "any_state",
    "any_substance",
    # the same groups for one-word candidates only (0 for phrases): the lexname of a
    # single noun is what the rules weigh it by
    *(f"single_lex_{group}" for group in ("state", "natural", "artifact", "act",
                                           "cognition", "attribute", "nokind")),
)  # fmt: skip
#: Lexnames of a head word's first sense, grouped for :data:`EXTRA` (the rest "nokind":
#: people, groups, places, times, amounts, relations, possessions, shapes, Tops).
LEXNAME_GROUPS = {
    "noun.state": "state",
    "noun.food": "natural",
    "noun.substance": "natural",
    "noun.body": "natural",
    "noun.plant": "natural",
    "noun.animal": "natural",
    "noun.object": "natural",
    "noun.artifact": "artifact",
    "noun.act": "act",
    "noun.process": "act",
    "noun.event": "act",
    "noun.phenomenon": "act",
    "noun.cognition": "cognition",
    "noun.communication": "cognition",
    "noun.attribute": "attribute",
    "noun.feeling": "attribute",
    "noun.motive": "attribute",
}
_GROUPS = ("state", "natural", "artifact", "act", "cognition", "attribute", "nokind")


@dataclass(frozen=True)
class TermModel:
    """A fitted logistic regression over candidate features (see the module doc)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float
    #: spaCy model packages (name==version) whose context vectors it was fitted on
    spacy_models: tuple[str, ...]
    tensor_width: int

    def score(self, x: np.ndarray) -> np.ndarray:
        """Log-odds that each row of raw features ``x`` is a term."""
        return ((x - self.mean) / self.scale) @ self.weights + self.intercept


@lru_cache(maxsize=1)
def load_model() -> TermModel | None:
    """The shipped model, or None when the file is absent."""
    path = ONTOLOGY_DIR / MODEL_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return TermModel(
        tuple(data["features"]),
        np.array(data["mean"], dtype=float),
        np.array(data["scale"], dtype=float),
        np.array(data["weights"], dtype=float),
        float(data["intercept"]),
        float(data["threshold"]),
        tuple(data["spacy_models"]),
        int(data["tensor_width"]),
    )


def _lexname_features(head: str, single: bool) -> list[float]:
    senses = wordnet.senses(head)
    group = LEXNAME_GROUPS.get(senses[0], "nokind") if senses else "unknown"
    return [
        *(float(group == g) for g in (*_GROUPS, "unknown")),
        float("noun.state" in senses),
        float("noun.substance" in senses or "noun.food" in senses),
        *(float(single and group == g) for g in _GROUPS),
    ]


def candidate_features(
    key: str,
    count: float,
    statistics,
    word_counts: Counter,
    total_words: int,
    rule: bool,
    defined: set[str],
    owned: set[str],
    adjectival: set[str],
) -> list[float]:
    """:data:`.concepts.FEATURES` and :data:`EXTRA` of candidate ``key``."""
    head = key.replace("-", " ").split()[-1]
    said_in = statistics.units_of(key) or [0]
    return [
        *term_features(key, count, statistics, word_counts, total_words, rule),
        float(key in defined),
        float(wordnet.is_noun_lemma(key)),
        float(nominalization(head)),
        float(people_noun(head)),
        math.log1p(word_counts[head]),
        math.log1p(len(set(said_in))),
        min(said_in) / max(statistics.unit_count, 1),
        float(key in owned),
        float(key in adjectival),
        *_lexname_features(head, " " not in key.replace("-", " ")),
    ]


def context_vectors(key: str, statistics, docs, width: int) -> list[float]:
    """The mean over the candidate's occurrences of its words' context vectors
    (``doc.tensor``) and of its head's: ``2 * width`` numbers (zeros when a Doc has no
    vectors of that width)."""
    spans = [
        docs[unit].tensor[start:end]
        for unit, start, end in statistics.places.get(key, ())
        if docs[unit].tensor.shape[-1] == width and end > start
    ]
    if not spans:
        return [0.0] * (2 * width)
    words = np.mean([s.mean(axis=0) for s in spans], axis=0)
    heads = np.mean([s[-1] for s in spans], axis=0)
    return [*words.tolist(), *heads.tolist()]


def _written_as_name(key: str, statistics, names: set[str]) -> bool:
    """The candidate is a name of the transcript (a person, firm, product ... said
    there, lowercase in ``names``) or is capitalised wherever it is said: the name
    path's to type, never a concept (the model was fitted on concepts only)."""
    cues = statistics.cues.get(key)
    capitalised = cues is not None and cues["capitalised"] >= statistics.frequency[key]
    return capitalised or key in names or key.replace("-", " ") in names


def _holds_a_term(key: str, chosen: set[str]) -> bool:
    """A longer phrase around a term the rules chose (``chosen``, hyphens read as
    spaces): "electronic cash system" around "electronic cash" would take that term's
    place where both are said. Its shorter runs of words are looked up, not every term."""
    words = key.replace("-", " ").split()
    return any(
        " ".join(words[i:j]) in chosen
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
        if j - i < len(words)
    )


@dataclass(frozen=True)
class TermCues:
    """The transcript-wide cue sets term selection reads (:class:`.terms.TermStatistics`'
    ``defined()``, ``owned()``, ``adjectival()``), computed once for the rules and the
    model alike."""

    defined: set[str]
    owned: set[str]
    adjectival: set[str]


def rescued_terms(
    model: TermModel,
    counts: Counter,
    selected: set[str],
    statistics,
    cues: TermCues,
    docs,
    total_words: int,
    names: set[str] = frozenset(),
) -> set[str]:
    """The candidate keys the rules refused (not in ``selected``) that ``model`` scores
    above its threshold. The rules' own invariants hold: never a name (``names``: the
    lowercase surfaces of the transcript's named mentions), a phrase around a term or a
    lexicon concept (that is a narrower term, :mod:`.headterms`' to relate), nor one
    word said once (a one-word term recurs: said once it is as often a name, a slip of
    the recogniser or a word of the moment)."""
    chosen = {t.replace("-", " ") for t in selected}
    # the rules' refusals, a vague head only alone (as the model was measured); a word
    # said once is refused by the last test, from its frequency
    keys = sorted(
        k
        for k in counts
        if k not in selected
        and not refused_outright(content_words(k) or [k], count=2)
        and not _written_as_name(k, statistics, names)
        and not _holds_a_term(k, chosen)
        and k not in statistics.holds_concept
        and not (" " not in k and statistics.frequency[k] < 2)
    )
    if not keys:
        return set()
    rows = [
        candidate_features(
            k,
            counts[k],
            statistics,
            statistics.words,
            total_words,
            False,
            cues.defined,
            cues.owned,
            cues.adjectival,
        )
        + context_vectors(k, statistics, docs, model.tensor_width)
        for k in keys
    ]
    scores = model.score(np.array(rows, dtype=float))
    return {k for k, s in zip(keys, scores, strict=True) if s > model.threshold}


def feature_names(width: int) -> tuple[str, ...]:
    """The model's feature names: :data:`FEATURES`, :data:`EXTRA`, the context vectors."""
    return (
        *FEATURES,
        *EXTRA,
        *(f"context_{i}" for i in range(width)),
        *(f"head_context_{i}" for i in range(width)),
    )


def term_model(settings) -> TermModel | None:
    """The shipped model if the settings allow it and the spaCy model they load is the
    one it was fitted with (its context vectors mean nothing to the model otherwise)."""
    if not settings.learned_terms:
        return None
    model = load_model()
    if model is None:
        return None
    from ..cache import model_id  # the installed model package, from its metadata

    loaded = model_id(settings.model).split()[-1]
    return model if loaded in model.spacy_models else None
