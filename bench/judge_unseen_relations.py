"""Judged precision of the typed and open relations of a build of unseen texts.

A judged set (e.g. tests/data/judged_unseen_5/relations.json) holds every typed and
open relation of one build, each judged by reading its evidence quote in context:
``{"transcript", "subject", "predicate", "object", "kind", "correct", "note",
"quote"}`` -- is the relation stated by the quote, with the right subject and
object. A relation of the build is matched per transcript its evidence comes from,
by (transcript, subject key, predicate, object key, kind), as in the relation part
of bench/judge_report.py: judged ones no longer built are listed as gone, new ones
as unjudged (read them in context and add them to the judgements).

    python -m kg build tests/data/judged_unseen_5 -o /tmp/ju5
    python bench/judge_unseen_relations.py --outputs /tmp/ju5 \\
        --judged tests/data/judged_unseen_5/relations.json --details
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judge_report import pct  # noqa: E402

from kg.graph import load_graph  # noqa: E402

JUDGED = ROOT / "tests" / "data" / "judged_unseen_5" / "relations.json"
KINDS = ("typed", "open")

Key = tuple[str, str, str, str, str]


def built(outputs: str) -> dict[Key, str]:
    """Every (transcript, subject, predicate, object, kind) of the build, with a quote."""
    out: dict[Key, str] = {}
    for rel in load_graph(outputs).relations:
        if rel.kind not in KINDS:
            continue
        for ev in rel.evidence:
            key = (ev.transcript_id, rel.subject, rel.predicate, rel.object, rel.kind)
            out.setdefault(key, ev.quote)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--outputs", default="/tmp/ju5", help="the build to score")
    parser.add_argument("--judged", default=str(JUDGED), help="the judgements file")
    parser.add_argument("--details", action="store_true", help="list every judged error")
    args = parser.parse_args()
    judged = json.loads(Path(args.judged).read_text(encoding="utf-8"))
    by_key: dict[Key, dict] = {
        (j["transcript"], j["subject"], j["predicate"], j["object"], j["kind"]): j for j in judged
    }
    present = built(args.outputs)
    print(f"build: {args.outputs}")
    for kind in KINDS:
        matched = [j for k, j in by_key.items() if k[4] == kind and k in present]
        gone = [j for k, j in by_key.items() if k[4] == kind and k not in present]
        new = sorted(k for k in present if k[4] == kind and k not in by_key)
        right = sum(bool(j["correct"]) for j in matched)
        gone_right = sum(bool(j["correct"]) for j in gone)
        print(
            f"{kind:<6} precision {pct(right, len(matched))}   (judged & gone {len(gone)}, "
            f"of them correct {gone_right}; new/unjudged {len(new)})"
        )
        if args.details:
            for j in matched:
                if not j["correct"]:
                    print(
                        f"  wrong     {j['subject']} --{j['predicate']}--> {j['object']}: {j['note']}"
                    )
            for j in gone:
                tag = "LOST right" if j["correct"] else "gone wrong"
                print(f"  {tag:<9} {j['subject']} --{j['predicate']}--> {j['object']}")
        for t, s, p, o, _ in new:
            print(
                f"  unjudged  {t[:24]:<24} {s} --{p}--> {o}: {present[(t, s, p, o, kind)][:100]!r}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
