"""Entity and relation quality of a build against the gold annotation in tests/data/gold.

python bench/quality.py                 # builds seeds/ into a temp dir and scores it
python bench/quality.py --outputs outputs   # scores an existing build
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.evaluate import format_report, score_build  # noqa: E402
from kg.graph import load_graph  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--outputs", help="score this build instead of building the seeds")
    parser.add_argument("--gold", default=str(ROOT / "tests" / "data" / "gold"))
    parser.add_argument("--brief", action="store_true")
    args = parser.parse_args()
    if args.outputs:
        kg = load_graph(args.outputs)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            kg = build([str(ROOT / "seeds")], tmp).graph
    print(format_report(score_build(kg, args.gold), details=not args.brief))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
