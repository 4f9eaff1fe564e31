"""Measure the fuzzy-match threshold for ASR variants of lexicon names.

Positives: every multi-word alias in the lexicon that is a spelling variant of its
entry's label (ASR mishearings such as "Jeff Hinton" for Geoffrey Hinton), matched
against the lexicon's names *with that alias held out*: the score the resolver would
give the variant if the lexicon did not list it. Negatives: each name matched
against the names of the *other* entries of its kind (the best-scoring wrong entry),
the confusions a threshold must not allow ("Andrew Ng" vs "Andrew Yang").

Prints precision and recall per threshold and the lowest threshold with no false
match; ``Settings.fuzzy_threshold`` is set from this.

    python bench/fuzzy_threshold.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.lexicon import load_lexicon  # noqa: E402
from kg.resolve import _FAMILIES, _plain, fuzzy_compatible  # noqa: E402


def main() -> int:
    lexicon = load_lexicon()
    names_by_family: dict[str, dict[str, str]] = {}
    for entry in lexicon.entries.values():
        for name in lexicon.names(entry.id):
            if len(_plain(name)) >= 5:
                names_by_family.setdefault(_FAMILIES[entry.type], {})[_plain(name)] = entry.id

    positives, negatives = [], []
    for entry in lexicon.entries.values():
        if entry.type == "Concept":
            continue  # the resolver never fuzzy-matches concepts (supervised/unsupervised)
        family = names_by_family[_FAMILIES[entry.type]]
        label = _plain(entry.label)
        for alias in entry.aliases:
            variant = _plain(alias)
            # a spelling variant: same length class, shares most letters with the label
            if " " not in variant or len(variant) < 6 or fuzz.ratio(variant, label) < 60:
                continue
            held_out = [n for n in family if n != variant and fuzzy_compatible(variant, n)]
            best = process.extractOne(variant, held_out, scorer=fuzz.ratio)
            if best:
                positives.append((best[1], family[best[0]] == entry.id, alias, entry.label))
        others = [n for n, eid in family.items() if eid != entry.id and fuzzy_compatible(label, n)]
        best = process.extractOne(label, others, scorer=fuzz.ratio) if others else None
        if best:
            negatives.append((best[1], entry.label, best[0]))

    print(f"{len(positives)} ASR/spelling variants, {len(negatives)} confusable pairs\n")
    print("threshold  recall  false matches  precision")
    chosen = None
    for threshold in range(70, 101, 2):
        hits = sum(1 for s, right, *_ in positives if s >= threshold and right)
        wrong = sum(1 for s, right, *_ in positives if s >= threshold and not right)
        wrong += sum(1 for s, *_ in negatives if s >= threshold)
        recall = hits / len(positives) if positives else 0.0
        precision = hits / (hits + wrong) if hits + wrong else 1.0
        print(f"{threshold:9}  {recall:6.1%}  {wrong:13}  {precision:9.1%}")
        if chosen is None and wrong == 0:
            chosen = threshold
    worst = sorted(negatives, reverse=True)[:8]
    print("\nclosest different entries:")
    for score, a, b in worst:
        print(f"  {score:5.1f}  {a!r} ~ {b!r}")
    print(
        json.dumps(
            {
                "lowest_threshold_without_false_match": chosen,
                "positives": len(positives),
                "negatives": len(negatives),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
