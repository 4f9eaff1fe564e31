"""How far two careful readers agree: a second, independent annotation of held-out
transcripts scored against the first exactly as kg is scored.

The entity and relation targets of the quality work are figures against *one* reader's
gold. A machine cannot be asked to agree with that reader more than a second careful
reader does. So study transcripts (never the test half nor gate2) were annotated a
second time, by annotators who saw neither the first gold, nor kg's code or output,
with the guide the first annotators had (``tests/data/agreement/GUIDE.md``), and each
second annotation is scored here as if it were a system's output (:mod:`kg.evaluate`,
the matcher ``bench/quality.py`` uses: names by normalised keys, types by group, typed
relations by predicate and end names):

* **B against A**: the second reader's entities and relations as predictions, the
  first gold as gold (typed right, named recall and precision, concept recall and
  precision, relations recall and precision, as in the README's Quality table);
* **A against B**: the other way round, so recall and precision swap roles.

kg on the same transcripts against A is in ``bench/quality.py --details`` (per
transcript). Both readers were AI annotators working from the same guide, so the
figures measure how reproducible the gold is, an upper bound on what two human readers
would share, not a measure of human disagreement.

    python bench/agreement.py             # every second annotation in tests/data/agreement
    python bench/agreement.py --details   # and what each reader listed that the other did not
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import (  # noqa: E402
    Gold,
    PredictedEntity,
    PredictedRelation,
    combine_entity_scores,
    combine_relation_scores,
    load_gold,
    score_transcript,
    transcript_id,
)

AGREEMENT = ROOT / "tests" / "data" / "agreement"
GOLD = ROOT / "tests" / "data" / "heldout" / "gold"
#: The held-out sets kept unread (the test half and the latest merge gate): never here.
UNREAD = ("h4_", "h5_", "h6_", "h17_", "h18_", "h19_")


def as_predictions(gold: Gold) -> tuple[list[PredictedEntity], list[PredictedRelation]]:
    """One reader's annotation as a system's output: every entity it lists (optional
    ones too: a reader who lists them says they are there) and every relation, ends
    with their aliases."""
    entities = [PredictedEntity(e.label, e.type, e.aliases) for e in gold.entities]
    names = {e.label: e.aliases for e in gold.entities}
    relations = [
        PredictedRelation(
            r.subject, r.predicate, r.object, names.get(r.subject, ()), names.get(r.object, ())
        )
        for r in gold.relations
    ]
    return entities, relations


def pairs(directory: Path = AGREEMENT) -> list[tuple[Gold, Gold]]:
    """(first gold, second annotation) for every second annotation in ``directory``."""
    out = []
    for path in sorted(directory.glob("*.gold.json")):
        tid = transcript_id(path.name.removesuffix(".gold.json"))
        if tid.startswith(UNREAD):
            raise SystemExit(f"{path}: {tid} is held out unread; it has no place here")
        out.append((load_gold(GOLD / f"{tid}.json"), load_gold(path)))
    return out


def figures(golds: list[Gold], predictions: list[Gold]) -> dict[str, float | None]:
    """The Quality table's columns for ``predictions`` (annotations read as output)
    against ``golds``, micro-averaged over the transcripts."""
    scores = [
        score_transcript(gold, *as_predictions(pred))
        for gold, pred in zip(golds, predictions, strict=True)
    ]
    ents = combine_entity_scores(s.entities for s in scores)
    rels = combine_relation_scores(s.relations for s in scores)
    return {
        "typed right": ents["all"].typed_recall,
        "named recall": ents["named"].recall,
        "named precision": ents["named"].precision,
        "concept recall": ents["Concept"].recall,
        "core recall": ents["core"].recall,
        "concept precision": ents["Concept"].precision,
        "relations recall": rels.recall,
        "relations precision": rels.precision,
    }


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list what each reader alone listed")
    parser.add_argument("--dir", type=Path, default=AGREEMENT, help="the second annotations")
    args = parser.parse_args()
    found = pairs(args.dir)
    if not found:
        print(f"no second annotations in {args.dir}")
        return 1
    rows = []
    for first, second in found:
        rows.append((first.transcript, "B against A", figures([first], [second])))
        rows.append((first.transcript, "A against B", figures([second], [first])))
    firsts, seconds = [a for a, _ in found], [b for _, b in found]
    rows.append(("all", "B against A", figures(firsts, seconds)))
    rows.append(("all", "A against B", figures(seconds, firsts)))
    columns = list(rows[0][2])
    print("| transcript | reading | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for tid, how, figs in rows:
        print(f"| {tid} | {how} | " + " | ".join(_pct(figs[c]) for c in columns) + " |")
    if args.details:
        for first, second in found:
            score = score_transcript(first, *as_predictions(second))
            print(f"\n== {first.transcript}")
            for group in ("named", "Concept"):
                g = score.entities[group]
                print(f"  {group}: only the first reader: {', '.join(g.missed)}")
                print(f"  {group}: only the second reader: {', '.join(g.unmatched)}")
            print(f"  typed differently: {'; '.join(score.entities['all'].mistyped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
