"""Fit the learned termhood of :mod:`kg.extract.concepts` and measure it honestly.

For every transcript of the seeds and the held-out dev half, the candidate terms of a
kg extraction (:mod:`kg.extract.terms`) are described by their
:data:`~kg.extract.concepts.FEATURES` and labelled by the gold: a candidate is a term
when its key (or a form it was said in) is a name of a gold entity. A logistic
regression (L2-regularised, fitted by Newton's method in numpy) weighs the features.

Figures, at the level of distinct candidate keys (before the longest-term choice of
each noun phrase and resolution; ``bench/quality.py`` gives the end figures):

* leave-one-transcript-out: each transcript scored by a model fitted on the others,
  so no transcript is scored by weights that saw its gold;
* the rule-based selection (``select_terms``) on the same candidates, for comparison.

Then the model fitted on all of them is printed as the constants to paste into
``kg/extract/concepts.py`` (weights on the raw feature scale).

Measured (1013 candidate keys, 171 gold): leave-one-out, the learned score does not
beat the rules of ``select_terms`` (rules: recall 35.7%, precision 70.9% of keys;
score > 0: 34.5% / 60.2%; rules or score > 1: 38.6% / 69.5%; rules and score > 0:
26.9% / 69.7%; one model for one-word terms and one for phrases, ``--split``, no
better). Five transcripts of very unequal term density are too few for the weights to
carry from one to another, so selection stays rule-based; the cues that weigh most
(defining contexts, kinds of people) became rules of their own.

    python bench/fit_termhood.py              # LOO figures and the constants
    python bench/fit_termhood.py --dump x.tsv # also every candidate, features, label
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.config import Settings  # noqa: E402
from kg.evaluate import load_gold_dir, name_key, transcript_id  # noqa: E402
from kg.extract.casing import casing_profile  # noqa: E402
from kg.extract.concepts import FEATURES, select_terms, term_features  # noqa: E402
from kg.extract.entities import find_mentions  # noqa: E402
from kg.extract.terms import TermStatistics, phrase_candidates  # noqa: E402
from kg.extract.truecase import truecase  # noqa: E402
from kg.ingest import discover_inputs, read_transcript  # noqa: E402
from kg.lexicon import load_lexicon  # noqa: E402
from kg.nlp import load_nlp, split_sentences, unit_text  # noqa: E402

HELDOUT = ROOT / "tests" / "data" / "heldout"
SETS = {
    "seeds": (ROOT / "seeds", ROOT / "tests" / "data" / "gold"),
    "dev": (HELDOUT / "dev", HELDOUT / "gold"),
}
#: L2 penalty on the standardised weights (chosen by leave-one-out log-loss).
PENALTY = 30.0


@dataclass
class Candidate:
    """One distinct candidate key of one transcript."""

    transcript: str
    key: str
    features: list[float]
    label: int  # 1 gold, 0 not, -1 only an optional gold entity (left out)
    rule: bool  # selected by the rule-based select_terms


def candidates_of(path: Path, gold_keys: set[str], optional_keys: set[str], lexicon, settings):
    """The candidate keys of the transcript at ``path`` with features and labels."""
    transcript = read_transcript(path)
    nlp = load_nlp(settings)
    units = split_sentences(transcript, settings.max_sentence_words)
    texts = [unit_text(transcript, s) for s in units]
    profile = casing_profile(transcript.text)
    if not profile.cased:
        texts = [truecase(t, lexicon.given_names) for t in texts]
    statistics = TermStatistics()
    word_counts: Counter = Counter()
    surfaces: dict[str, set[str]] = {}
    trust_case, lowercase = profile.reliable, not profile.cased
    for n, (sentence, doc) in enumerate(
        zip(units, nlp.pipe(texts, batch_size=settings.batch_size), strict=True)
    ):
        word_counts.update(t.lower_ for t in doc if t.is_alpha)
        statistics.count_words(doc)
        spans = find_mentions(doc, transcript, sentence, lexicon, trust_case, lowercase)
        taken = {k for s in spans for k in range(s.token_start, s.token_end)}
        for phrase in phrase_candidates(doc, transcript, sentence, taken, spans, all_cues=True):
            statistics.add(phrase, n, sentence.speaker)
            for c in phrase:
                surfaces.setdefault(c.key, set()).add(c.span.mention.surface)
    counts = statistics.independent_counts()
    total = sum(word_counts.values())
    rule = select_terms(
        counts,
        settings.concept_min_count,
        settings.concept_min_termhood,
        statistics.compounds,
        word_counts,
        total,
        statistics.defined(),
    )
    out = []
    for key in sorted(counts):
        names = {name_key(key)} | {name_key(s) for s in surfaces.get(key, ())}
        label = 1 if names & gold_keys else (-1 if names & optional_keys else 0)
        features = term_features(key, counts[key], statistics, word_counts, total, key in rule)
        out.append(Candidate(transcript.id, key, features, label, key in rule))
    return out


def collect() -> list[Candidate]:
    lexicon = load_lexicon()
    settings = Settings.load()
    out: list[Candidate] = []
    for inputs, gold_dir in SETS.values():
        golds = {transcript_id(g.transcript): g for g in load_gold_dir(gold_dir)}
        for path in discover_inputs([str(inputs)]):
            gold = golds.get(transcript_id(path.name))
            if gold is None:
                continue
            gold_keys = {k for e in gold.entities if not e.optional for k in e.keys}
            optional = {k for e in gold.entities if e.optional for k in e.keys}
            out.extend(candidates_of(path, gold_keys, optional, lexicon, settings))
    return out


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> tuple[np.ndarray, float]:
    """Weights and intercept of an L2-regularised logistic regression on raw features
    (standardised inside, the intercept not penalised), by Newton's method."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], penalty)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[1:] / std
    return weights, float(w[0] - (weights * mean).sum())


def score(x: np.ndarray, weights: np.ndarray, intercept: float) -> np.ndarray:
    return x @ weights + intercept


def figures(rows: list[Candidate], chosen: list[bool]) -> tuple[int, int, int, int]:
    """(gold keys found, gold keys, chosen, chosen that are gold), over distinct keys."""
    gold = sum(r.label == 1 for r in rows)
    found = sum(r.label == 1 and c for r, c in zip(rows, chosen, strict=True))
    predicted = sum(c and r.label != -1 for r, c in zip(rows, chosen, strict=True))
    return found, gold, predicted, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", help="write every candidate with features and label (TSV)")
    parser.add_argument("--penalty", type=float, default=PENALTY)
    parser.add_argument(
        "--split", action="store_true", help="one model for one-word terms, one for phrases"
    )
    parser.add_argument("--thresholds", default="-1,-0.5,0,0.5,1,1.5,2")
    args = parser.parse_args()
    rows = collect()
    rows = [r for r in rows if r.label != -1]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            f.write("\t".join(("transcript", "key", "label", "rule", *FEATURES)) + "\n")
            for r in rows:
                cells = (r.transcript, r.key, str(r.label), str(int(r.rule)))
                f.write("\t".join((*cells, *(f"{v:.3f}" for v in r.features))) + "\n")
    transcripts = sorted({r.transcript for r in rows})
    x = np.array([r.features for r in rows])
    y = np.array([r.label for r in rows], dtype=float)
    held = np.zeros(len(rows))
    loss = 0.0
    single = x[:, FEATURES.index("single")] == 1
    groups = [single, ~single] if args.split else [np.ones(len(rows), dtype=bool)]
    for t in transcripts:
        for group in groups:
            test = np.array([r.transcript == t for r in rows]) & group
            train = ~np.array([r.transcript == t for r in rows]) & group
            weights, intercept = fit(x[train], y[train], args.penalty)
            held[test] = score(x[test], weights, intercept)
            p = 1 / (1 + np.exp(-held[test]))
            loss -= float(
                np.sum(y[test] * np.log(p + 1e-12) + (1 - y[test]) * np.log(1 - p + 1e-12))
            )
    print(f"{len(rows)} candidates, {int(y.sum())} gold; leave-one-out log-loss {loss:.1f}")
    thresholds = [float(v) for v in args.thresholds.split(",")]
    systems = {"rules": [r.rule for r in rows]}
    for th in thresholds:
        systems[f"score > {th:g}"] = [bool(v > th) for v in held]
        systems[f"rules and score > {th:g}"] = [
            r.rule and bool(v > th) for r, v in zip(rows, held, strict=True)
        ]
        systems[f"rules or score > {th:g}"] = [
            r.rule or bool(v > th) for r, v in zip(rows, held, strict=True)
        ]
    print("| system | " + " | ".join(transcripts) + " | all recall | all precision |")
    print("|---|" + "---|" * (len(transcripts) + 2))
    for name, chosen in systems.items():
        cells = []
        for t in transcripts:
            part = [(r, c) for r, c in zip(rows, chosen, strict=True) if r.transcript == t]
            found, gold, predicted, ok = figures([r for r, _ in part], [c for _, c in part])
            cells.append(f"{found}/{gold} R, {ok}/{predicted} P")
        found, gold, predicted, ok = figures(rows, chosen)
        recall = found / gold if gold else math.nan
        precision = ok / predicted if predicted else math.nan
        print(f"| {name} | " + " | ".join(cells) + f" | {recall:.1%} | {precision:.1%} |")
    weights, intercept = fit(x, y, args.penalty)
    print()
    print(f"TERMHOOD_INTERCEPT = {intercept:.4f}")
    print("TERMHOOD_WEIGHTS = {")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f'    "{name}": {w:.4f},')
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
