"""Judged concept precision of a build of tests/data/judged_unseen/.

The three transcripts in tests/data/judged_unseen/ (see its SOURCES.md) were in no
set kg's rules were written from. Every Concept of one build of them was judged by
reading it in context (``concepts.json``: transcript, label, correct, note). This
scores another build against those judgements, with the concept part of
``bench/judge_report.py``: concepts new in the build are listed as unjudged and left
out of the figure; judged concepts no longer built are listed as gone.

    python -m kg build tests/data/judged_unseen -o /tmp/ju_c
    python bench/judge_unseen.py --outputs /tmp/ju_c --details
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judge_report import print_concepts, score_concepts  # noqa: E402

from kg.graph import load_graph  # noqa: E402

JUDGED = ROOT / "tests" / "data" / "judged_unseen" / "concepts.json"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--outputs", default="/tmp/ju_c", help="the build to score")
    parser.add_argument("--judged", default=str(JUDGED), help="the judgements file")
    parser.add_argument("--details", action="store_true", help="list every judged error")
    args = parser.parse_args()
    kg = load_graph(args.outputs)
    judgements = json.loads(Path(args.judged).read_text(encoding="utf-8"))
    print(f"build: {args.outputs}")
    print_concepts(score_concepts(kg, judgements), args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
