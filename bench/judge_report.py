"""Precision and recall of a build of the shared corpus against human judgements.

The judgements in tests/data/judged/ were made by reading a build of the three
transcripts in ../shared/corpus (lex419_sam_altman_speakerlabels,
lex_yoshua_bengio_autocaptions, standup_what_is_an_ai_agent_whisper):

* corpus_named_entities.json -- every non-Concept entity: is it a real named thing
  (``real``), is its type right (``type_ok``, ``correct_type``), is its label the
  canonical name (``label_ok``, ``correct_label``);
* corpus_recall_sample.json -- every named person, organization, place, product,
  work and event in the first 2,500 words of each transcript, with the surfaces as
  written;
* corpus_concepts.json -- every Concept entity, per transcript and label: is it a
  concept a careful reader would list for that conversation (``correct``);
* corpus_relations.json -- every typed and open relation, and a random sample of
  40 co-mentions (``random.seed(0)``; ``random.sample`` of the co-mentions sorted by
  (subject, predicate, object, kind)): is the relation stated by its quote.

Judgements are matched to the build by key (entity key; relation subject,
predicate, object, kind). Entities or relations that are new in the build are
reported as unjudged and left out of the precision figures. A judged entity whose
type or label has changed is scored against ``correct_type``/``correct_label``.

    python bench/judge_report.py                     # scores /tmp/judge
    python bench/judge_report.py --outputs outputs   # scores another build
    python bench/judge_report.py --details           # also lists every error
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import load_graph  # noqa: E402
from kg.model import ENTITY_TYPES  # noqa: E402

JUDGED = ROOT / "tests" / "data" / "judged"
NAMED_TYPES = tuple(t for t in ENTITY_TYPES if t != "Concept")


def norm_surface(s: str) -> str:
    s = re.sub(r"\s+", " ", s.strip().lower().replace("\u2019", "'"))
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s$", "", s)
    return s.strip(" .,;:!?\"'()[]")


def pct(n: int, d: int) -> str:
    return f"{n:>3}/{d:<3} {100.0 * n / d:5.1f}%" if d else f"{n:>3}/{d:<3}    -  "


# ---------------------------------------------------------------- entities


def score_entities(kg, judgements: list[dict]) -> dict:
    by_key = {j["key"]: j for j in judgements}
    named = [e for e in kg.entities if e.type != "Concept"]
    rows, unjudged = [], []
    retyped = relabelled = 0
    for e in named:
        j = by_key.get(e.key)
        if j is None:
            unjudged.append(e)
            continue
        real = bool(j["real"])
        if e.type == j["type"]:
            type_ok = bool(j["type_ok"])
        else:
            retyped += 1
            type_ok = real and e.type == (j.get("correct_type") or "")
        if e.label == j["label"]:
            label_ok = bool(j["label_ok"])
        else:
            relabelled += 1
            want = j.get("correct_label") or ""
            label_ok = real and norm_surface(e.label) == norm_surface(want)
        rows.append(
            dict(entity=e, j=j, real=real, type_ok=real and type_ok, label_ok=real and label_ok)
        )
    present = {e.key for e in named}
    gone = [j for j in judgements if j["key"] not in present]
    return dict(
        rows=rows,
        unjudged=unjudged,
        gone=gone,
        retyped=retyped,
        relabelled=relabelled,
        named=len(named),
    )


def print_entities(res: dict, details: bool) -> None:
    rows = res["rows"]
    print("== Named entities (non-Concept), judged precision")
    print(
        f"   build has {res['named']} named entities; judged {len(rows)}, new/unjudged {len(res['unjudged'])}; "
        f"judgements not matching a named entity any more (removed or now Concept): {len(res['gone'])}; "
        f"retyped since judged {res['retyped']}, relabelled {res['relabelled']}"
    )
    print(f"   {'type':<13} {'real':>15} {'real+type ok':>15} {'real+label ok':>15}")
    by_type = defaultdict(list)
    for r in rows:
        by_type[r["entity"].type].append(r)
    for t in NAMED_TYPES + ("ALL",):
        rs = rows if t == "ALL" else by_type.get(t, [])
        if not rs and t != "ALL":
            continue
        n = len(rs)
        print(
            f"   {t:<13} {pct(sum(r['real'] for r in rs), n):>15} {pct(sum(r['type_ok'] for r in rs), n):>15} "
            f"{pct(sum(r['label_ok'] for r in rs), n):>15}"
        )
    # weighted by mentions: how much of the text the errors touch
    nm = sum(len(r["entity"].mentions) for r in rows)
    print(
        f"   by mentions: real {pct(sum(len(r['entity'].mentions) for r in rows if r['real']), nm)}, "
        f"real+type ok {pct(sum(len(r['entity'].mentions) for r in rows if r['type_ok']), nm)}"
    )
    if details:
        bad = [r for r in rows if not (r["real"] and r["type_ok"] and r["label_ok"])]
        if bad:
            print("   errors:")
        for r in sorted(
            bad, key=lambda r: (r["real"], r["type_ok"], r["entity"].type, r["entity"].key)
        ):
            e, j = r["entity"], r["j"]
            what = (
                "NOT REAL"
                if not r["real"]
                else f"TYPE {e.type}->{j.get('correct_type')}"
                if not r["type_ok"]
                else f"LABEL {e.label!r}->{j.get('correct_label')!r}"
            )
            if r["real"] and not r["type_ok"] and not r["label_ok"]:
                what += f", LABEL ->{j.get('correct_label')!r}"
            print(f"     - {e.type:<12} {e.label!r:<26} {what}: {j.get('note', '')}")
    if res["unjudged"]:
        print("   new/unjudged named entities (add them to corpus_named_entities.json):")
        for e in sorted(res["unjudged"], key=lambda e: (e.type, e.key)):
            surf = sorted({m.surface for m in e.mentions})[:4]
            print(f"     - {e.type:<12} {e.key:<28} {e.label!r} surfaces={surf}")


# ---------------------------------------------------------------- recall


def score_recall(kg, sample: dict) -> dict:
    out = {}
    for tid, spec in sample.items():
        try:
            text = kg.transcript(tid).text
        except Exception:  # noqa: BLE001 - transcript not in this build
            out[tid] = None
            continue
        words = list(re.finditer(r"\S+", text))
        n = spec.get("words", 2500)
        end_now = words[n - 1].end() if len(words) >= n else len(text)
        end = spec["char_end"]
        # surface -> entities with a mention of that surface inside the sample
        found = defaultdict(set)
        for e in kg.entities:
            for m in e.mentions:
                if m.transcript_id == tid and m.char_start < end:
                    found[norm_surface(m.surface)].add(e)
        items = []
        for item in spec["entities"]:
            types = {item["type"], *item.get("alt_types", ())}
            ents = set()
            hit_surfaces = []
            for s in item["surfaces"]:
                es = found.get(norm_surface(s), set())
                if es:
                    hit_surfaces.append(s)
                ents |= es
            typed = [e for e in ents if e.type in types]
            items.append(
                dict(
                    item=item,
                    found=bool(ents),
                    typed=bool(typed),
                    surfaces_found=hit_surfaces,
                    got=sorted(f"{e.label} ({e.type})" for e in ents),
                )
            )
        out[tid] = dict(items=items, end=end, end_now=end_now)
    return out


def print_recall(res: dict, details: bool) -> None:
    print("== Recall of named entities, first 2,500 words of each transcript")
    tf = tt = tn = 0
    for tid, r in res.items():
        if r is None:
            print(f"   {tid}: not in this build")
            continue
        items = r["items"]
        n, f, t = len(items), sum(i["found"] for i in items), sum(i["typed"] for i in items)
        tn, tf, tt = tn + n, tf + f, tt + t
        warn = (
            ""
            if r["end"] == r["end_now"]
            else f"  (sample ended at {r['end']}, 2,500 words now end at {r['end_now']})"
        )
        print(f"   {tid:<40} found {pct(f, n)}   typed right {pct(t, n)}{warn}")
        if details:
            for i in items:
                if not i["typed"]:
                    it = i["item"]
                    got = ", ".join(i["got"]) if i["got"] else "nothing"
                    print(
                        f"     - missed {it['type']:<12} {it['label']!r} surfaces={it['surfaces']}: build has {got}"
                    )
    print(f"   {'ALL':<40} found {pct(tf, tn)}   typed right {pct(tt, tn)}")


# ---------------------------------------------------------------- concepts


def score_concepts(kg, judgements: list[dict]) -> dict:
    """Judged precision of the Concept entities, one row per (transcript, label)."""
    by_key = {(j["transcript"], j["label"]): j for j in judgements}
    present = sorted(
        {(m.transcript_id, e.label) for e in kg.entities if e.type == "Concept" for m in e.mentions}
    )
    matched = [by_key[k] for k in present if k in by_key]
    new = [k for k in present if k not in by_key]
    have = set(present)
    gone = [j for j in judgements if (j["transcript"], j["label"]) not in have]
    return dict(matched=matched, new=new, gone=gone)


def print_concepts(res: dict, details: bool) -> None:
    m = res["matched"]
    ok = sum(bool(j["correct"]) for j in m)
    gone_ok = sum(bool(j["correct"]) for j in res["gone"])
    print("== Concepts, judged precision (per transcript and label)")
    print(
        f"   precision {pct(ok, len(m))}   (judged & present {len(m)}; judged & gone {len(res['gone'])}, "
        f"of them correct {gone_ok}; new/unjudged {len(res['new'])})"
    )
    if details:
        for j in m:
            if not j["correct"]:
                print(
                    f"     - wrong {j['transcript'][:24]:<24} {j['label']!r}: {j.get('note', '')}"
                )
        for j in res["gone"]:
            tag = "LOST correct" if j["correct"] else "gone wrong"
            print(f"     - {tag} {j['transcript'][:24]:<24} {j['label']!r}")
    if res["new"]:
        print("     new/unjudged concepts (add them to corpus_concepts.json):")
        for t, label in res["new"]:
            print(f"     - {t[:24]:<24} {label!r}")


# ---------------------------------------------------------------- relations


def rel_key(d) -> tuple:
    if isinstance(d, dict):
        return (d["subject"], d["predicate"], d["object"], d["kind"])
    return (d.subject, d.predicate, d.object, d.kind)


def score_relations(kg, judgements: list[dict]) -> dict:
    by_key = {rel_key(j): j for j in judgements}
    present = {rel_key(r): r for r in kg.relations}
    out = {}
    for kind in ("typed", "open", "comention"):
        js = [j for j in judgements if j["kind"] == kind]
        matched = [(present[rel_key(j)], j) for j in js if rel_key(j) in present]
        gone = [j for j in js if rel_key(j) not in present]
        new = (
            [r for k, r in present.items() if r.kind == kind and k not in by_key]
            if kind != "comention"
            else []
        )
        out[kind] = dict(
            matched=matched,
            gone=gone,
            new=new,
            total=sum(1 for r in kg.relations if r.kind == kind),
        )
    return out


def print_relations(res: dict, details: bool) -> None:
    print("== Relations, judged precision (is the relation stated by its quote)")
    for kind, r in res.items():
        m = r["matched"]
        ok = sum(bool(j["correct"]) for _, j in m)
        extra = f"; build has {r['total']}" + (
            f", new/unjudged {len(r['new'])}"
            if kind != "comention"
            else " (judged: a seeded sample)"
        )
        print(
            f"   {kind:<10} precision {pct(ok, len(m))}   (judged & present {len(m)}, judged & gone {len(r['gone'])}{extra})"
        )
        if details:
            for rel, j in m:
                if not j["correct"]:
                    print(
                        f"     - wrong {rel.subject} --{rel.predicate}--> {rel.object}: {j.get('note', '')}"
                    )
        if r["new"]:
            print(f"     new/unjudged {kind} relations (add them to corpus_relations.json):")
            for rel in r["new"]:
                print(
                    f"     - {rel.subject} --{rel.predicate}--> {rel.object}{' (negated)' if rel.negated else ''}: "
                    f"{rel.evidence[0].quote[:120]!r}"
                )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--outputs", default="/tmp/judge", help="the build to score (default /tmp/judge)"
    )
    parser.add_argument("--judged", default=str(JUDGED), help="folder of judgement files")
    parser.add_argument("--details", action="store_true", help="list every judged error")
    args = parser.parse_args()
    judged = Path(args.judged)
    kg = load_graph(args.outputs)
    ents = json.loads((judged / "corpus_named_entities.json").read_text(encoding="utf-8"))
    sample = json.loads((judged / "corpus_recall_sample.json").read_text(encoding="utf-8"))
    rels = json.loads((judged / "corpus_relations.json").read_text(encoding="utf-8"))
    concepts_file = judged / "corpus_concepts.json"
    concepts = (
        json.loads(concepts_file.read_text(encoding="utf-8")) if concepts_file.exists() else None
    )

    print(
        f"build: {args.outputs}  ({len(kg.entities)} entities, {len(kg.relations)} relations; "
        f"{dict(Counter(r.kind for r in kg.relations))})"
    )
    print_entities(score_entities(kg, ents), args.details)
    print()
    print_recall(score_recall(kg, sample), args.details)
    print()
    if concepts is not None:
        print_concepts(score_concepts(kg, concepts), args.details)
        print()
    print_relations(score_relations(kg, rels), args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
