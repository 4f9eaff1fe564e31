"""Named precision, typed precision and recall of a build of the judged unseen texts.

tests/data/judged_unseen_names/ holds three transcripts nobody tuned kg to
(SOURCES.md) and names.json, made by judging a whole kg build of them in context
and by reading the texts for what the build missed:

* ``names`` -- every named thing a careful reader lists, with its acceptable types
  and the surfaces it takes (``optional`` ones count as real when found but not
  toward recall);
* ``not_names`` -- surfaces the build proposed that are not named things.

An entity of the build (any non-Concept type) is matched by its label or any
alias, normalised (case, a leading "the", a trailing "'s"). It is *real* when it
matches a name, *false* when it matches a not-name, and *unjudged* otherwise
(listed, left out of the figures: judge it and add it to names.json).

    python -m kg build tests/data/judged_unseen_names -o /tmp/ju_n
    python bench/judge_unseen_names.py --outputs /tmp/ju_n [--details]

``--judged`` scores another judged set in the same format, e.g.
tests/data/judged_unseen_3/names.json against a build of tests/data/judged_unseen_3.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from judge_report import norm_surface as norm  # noqa: E402
from judge_report import pct  # noqa: E402

from kg.graph import load_graph  # noqa: E402

NAMES = ROOT / "tests" / "data" / "judged_unseen_names" / "names.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--outputs", default="/tmp/ju_n", help="build directory")
    ap.add_argument("--judged", default=str(NAMES), help="the judgements file (names.json)")
    ap.add_argument("--details", action="store_true", help="list every error")
    args = ap.parse_args()

    gold = json.loads(Path(args.judged).read_text(encoding="utf-8"))
    by_surface: dict[str, int] = {}
    for i, name in enumerate(gold["names"]):
        for s in [name["label"], *name.get("aliases", [])]:
            by_surface.setdefault(norm(s), i)
    false_surfaces = {norm(x["label"]) for x in gold["not_names"]}

    graph = load_graph(Path(args.outputs))
    real = typed = false = 0
    found: set[int] = set()
    errors: list[str] = []
    unjudged: list[str] = []
    for ent in sorted(graph.entities, key=lambda e: e.key):
        if ent.type == "Concept":
            continue
        surfaces = [norm(s) for s in [ent.label, *ent.aliases]]
        hit = next((by_surface[s] for s in surfaces if s in by_surface), None)
        if hit is not None:
            real += 1
            found.add(hit)
            if ent.type in gold["names"][hit]["types"]:
                typed += 1
            else:
                want = "/".join(gold["names"][hit]["types"])
                errors.append(f"  wrong type  {ent.label!r} {ent.type} (want {want})")
        elif any(s in false_surfaces for s in surfaces):
            false += 1
            errors.append(f"  not a name  {ent.label!r} {ent.type}")
        else:
            unjudged.append(f"  unjudged    {ent.label!r} {ent.type}")
    judged = real + false
    required = [i for i, n in enumerate(gold["names"]) if not n.get("optional")]
    recalled = [i for i in required if i in found]
    print(f"named precision  {pct(real, judged)}")
    print(f"typed precision  {pct(typed, judged)}")
    print(f"recall           {pct(len(recalled), len(required))}")
    print(f"unjudged         {len(unjudged)}")
    if args.details:
        for line in errors + unjudged:
            print(line)
        for i in required:
            if i not in found:
                print(f"  missed      {gold['names'][i]['label']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
