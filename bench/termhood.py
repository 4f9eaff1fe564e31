"""kg's concept discovery against an established keyphrase method, on the same text.

For each transcript of the seeds and the held-out dev half, three concept lists are
scored against the gold concepts (recall, precision; matching as in kg.evaluate):

* ``kg``: the concepts of a kg build (lexicon and keyness-selected terms);
* ``kg-nolex``: the same with the lexicon off (keyness alone);
* ``textrank``: pytextrank's TextRank phrases on the same spaCy parse, the top N
  where N is the number of concepts ``kg-nolex`` keeps for that transcript (so the
  two are compared at the same output size).

pytextrank is not a dependency of kg: ``pip install pytextrank`` to run this.

    python bench/termhood.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.config import Settings  # noqa: E402
from kg.evaluate import Gold, PredictedEntity, load_gold_dir, score_entities, transcript_id  # noqa: E402
from kg.ingest import read_transcript  # noqa: E402
from kg.nlp import load_nlp  # noqa: E402

SETS = {
    "seeds": (ROOT / "seeds", ROOT / "tests" / "data" / "gold"),
    "dev": (
        ROOT / "tests" / "data" / "heldout" / "dev",
        ROOT / "tests" / "data" / "heldout" / "gold",
    ),
}


def concepts_of_build(inputs: Path, lexicon: str) -> dict[str, list[PredictedEntity]]:
    with tempfile.TemporaryDirectory() as tmp:
        graph = build([str(inputs)], tmp, Settings(cache=False, lexicon=lexicon)).graph
    out: dict[str, list[PredictedEntity]] = {}
    for e in graph.entities:
        if e.type != "Concept":
            continue
        for t in e.transcripts:
            out.setdefault(t, []).append(PredictedEntity(e.label, "Concept", e.aliases))
    return out


def textrank_phrases(path: Path, limit: int) -> list[PredictedEntity]:
    import pytextrank  # noqa: F401 - registers the "textrank" factory

    nlp = load_nlp(Settings())
    if "textrank" not in nlp.pipe_names:
        nlp.add_pipe("textrank")
    transcript = read_transcript(path)
    doc = nlp(" ".join(transcript.text.split()))
    phrases = []
    for phrase in doc._.phrases:
        if phrase.text.lower() not in {p.label.lower() for p in phrases}:
            phrases.append(PredictedEntity(phrase.text, "Concept"))
        if len(phrases) >= limit:
            break
    return phrases


def _concept_scores(gold: Gold, predicted: list[PredictedEntity]) -> tuple[int, int, int, int]:
    only_concepts = Gold(
        gold.transcript, tuple(e for e in gold.entities if e.type == "Concept"), ()
    )
    g = score_entities(only_concepts, predicted)["Concept"]
    return g.gold, g.matched, g.predicted, g.predicted_matched


def main() -> int:
    totals: dict[str, list[int]] = {}
    print("| set | transcript | system | concepts | recall | precision |")
    print("|---|---|---|---|---|---|")
    for set_name, (inputs, gold_dir) in SETS.items():
        kg = concepts_of_build(inputs, "")
        nolex = concepts_of_build(inputs, "off")
        files = {transcript_id(p.name): p for p in inputs.iterdir() if not p.name.endswith(".json")}
        for gold in load_gold_dir(gold_dir):
            tid = transcript_id(gold.transcript)
            if tid not in files:
                continue
            systems = {
                "kg": kg.get(tid, []),
                "kg-nolex": nolex.get(tid, []),
                "textrank": textrank_phrases(files[tid], len(nolex.get(tid, [])) or 10),
            }
            for name, predicted in systems.items():
                g, m, p, pm = _concept_scores(gold, predicted)
                key = f"{set_name}/{name}"
                totals.setdefault(key, [0, 0, 0, 0])
                for i, v in enumerate((g, m, p, pm)):
                    totals[key][i] += v
                print(
                    f"| {set_name} | {tid} | {name} | {p} | {m / g:.1%} | "
                    + (f"{pm / p:.1%}" if p else "—")
                    + " |"
                )
    print()
    print("| set / system | gold | recall | predicted | precision |")
    print("|---|---|---|---|---|")
    for key, (g, m, p, pm) in totals.items():
        print(f"| {key} | {g} | {m / g:.1%} | {p} | {(pm / p if p else 0):.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
