"""Which of spaCy's named-entity spans a kg build does not keep, and which filter dropped each.

kg keeps far fewer of NER's names than plain spaCy on unseen cased transcripts; the
filters that drop NER spans were fitted on a few sets. This lists, for one set, every
NER span (PERSON/ORG/GPE/LOC/PRODUCT/WORK_OF_ART/EVENT/FAC/NORP, as bench/quality.py's
``_SPACY_TYPES`` maps them) whose name is no entity of the build of its transcript,
with the stage that dropped it, found by wrapping kg's predicates during the build
(nothing in kg changes):

* ``overlap <surface> (<source>)``: a lexicon or other mention holds its words;
* ``looks_like_name``: :func:`kg.extract.entities._looks_like_name` said no (common
  words, lowercase words, an acronym person ...);
* ``not_a_name_here``: :func:`kg.extract.entities._not_a_name_here` said yes;
* ``once-unsupported``: a one-word name said once that no cue supports
  (:func:`kg.extract._drop_unsupported_names`);
* ``group-label``: NER's NORP (a nationality or group), kept only where the parse
  reads a proper noun in mid-sentence and the context types it (``_group_as_name``);
* ``untyped/trimmed``: trimming left nothing;
* ``later``: kept by extraction, gone from the graph (terms, resolution).

Each line says whether the name is gold (``gold`` / ``-``; ``?`` where the set has no
gold for that part of the text). Only sets that may be studied are accepted:

    python bench/ner_dropped.py dev
    python bench/ner_dropped.py fresh
    python bench/ner_dropped.py val
    python bench/ner_dropped.py corpus      # ../shared/corpus, gold: corpus_recall_sample
    python bench/ner_dropped.py judged_unseen_5   # a judged build: every span "?"
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg.extract as extract  # noqa: E402
import kg.extract.entities as entities  # noqa: E402
from kg.build import build  # noqa: E402
from kg.config import Settings  # noqa: E402
from kg.evaluate import (  # noqa: E402
    _keys,
    load_gold_dir,
    predictions_for_transcript,
    predictions_from_graph,
    transcript_id,
)

HELDOUT = ROOT / "tests" / "data" / "heldout"
SHARED = ROOT.parent / "shared"
#: The sets one may study (never the test half).
SETS = {
    "dev": (HELDOUT / "dev", HELDOUT / "gold"),
    "fresh": (HELDOUT / "fresh", HELDOUT / "gold"),
    "val": (HELDOUT / "val", HELDOUT / "gold"),
    "gate": (HELDOUT / "gate", HELDOUT / "gold"),
    "train": (HELDOUT / "train", HELDOUT / "gold"),
    "train2": (HELDOUT / "train2", HELDOUT / "gold"),
    "corpus": (SHARED / "corpus", ROOT / "tests" / "data" / "judged" / "corpus_recall_sample.json"),
}
#: The judged builds of unseen text (``tests/data/judged_unseen*``): no gold of names
#: missed, so every dropped span is ``?``, to be judged by reading its context.
SETS.update(
    {
        p.name: (p, None)
        for p in sorted((ROOT / "tests" / "data").glob("judged_unseen*"))
        if p.is_dir()
    }
)
#: spaCy labels counted as names (bench/quality.py's ``_SPACY_TYPES`` without LAW).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "NORP"}
)


@dataclass(frozen=True)
class Dropped:
    """One NER span whose name the build does not have."""

    transcript: str
    text: str
    label: str
    reason: str
    gold: str  # "gold", "-" or "?"
    context: str


class Recorder:
    """Wraps kg's span filters during a build and remembers what each decided, per Doc."""

    def __init__(self) -> None:
        self.docs: dict[int, object] = {}  # id -> Doc (held so ids stay unique)
        self.transcript: dict[int, str] = {}
        self.offset: dict[int, int] = {}  # where the unit starts in its transcript
        self.raw: dict[int, list[tuple[int, int, str]]] = {}
        self.found: dict[int, list] = {}
        self.looks: dict[int, dict[tuple[int, int], bool]] = {}
        self.not_here: dict[int, dict[tuple[int, int], bool]] = {}
        self.dropped_once: set[tuple[int, int, int]] = set()

    def install(self) -> None:
        ner_spans, looks, not_here = (
            entities._ner_spans,
            entities._looks_like_name,
            entities._not_a_name_here,
        )
        find, drop = extract.find_mentions, extract._drop_unsupported_names

        def rec_ner(doc):
            self.docs[id(doc)] = doc
            self.raw[id(doc)] = [(e.start, e.end, e.label_) for e in doc.ents]
            return ner_spans(doc)

        def rec_looks(span, etype, lexicon=None, trusted=False):
            out = looks(span, etype, lexicon, trusted)
            self.looks.setdefault(id(span.doc), {})[(span.start, span.end)] = out
            return out

        def rec_not_here(doc, start, end, etype):
            out = not_here(doc, start, end, etype)
            self.not_here.setdefault(id(doc), {})[(start, end)] = out
            return out

        def rec_find(doc, transcript, sentence, *args, **kwargs):
            out = find(doc, transcript, sentence, *args, **kwargs)
            self.transcript[id(doc)] = transcript.id
            self.offset[id(doc)] = sentence.char_start
            self.found[id(doc)] = list(out)
            return out

        def rec_drop(units, *args, **kwargs):
            out = drop(units, *args, **kwargs)
            for (_, doc, before, _), (_, _, after, _) in zip(units, out, strict=True):
                kept = {(s.token_start, s.token_end) for s in after}
                for s in before:
                    if (s.token_start, s.token_end) not in kept:
                        self.dropped_once.add((id(doc), s.token_start, s.token_end))
            return out

        entities._ner_spans = rec_ner
        entities._looks_like_name = rec_looks
        entities._not_a_name_here = rec_not_here
        extract.find_mentions = rec_find
        extract._drop_unsupported_names = rec_drop

    def reason(self, doc, start: int, end: int, label: str = "") -> str:
        """The stage that dropped NER's span ``doc[start:end]`` (see the module doc)."""
        d = id(doc)
        for s in self.found.get(d, []):
            if s.token_start < end and start < s.token_end:
                if s.mention.source == "ner" and (s.token_start, s.token_end) == (start, end):
                    if (d, start, end) in self.dropped_once:
                        return "once-unsupported"
                    return "later"
                if (d, s.token_start, s.token_end) in self.dropped_once:
                    return "once-unsupported"
                return f"overlap {s.mention.surface!r} ({s.mention.source} {s.mention.type})"
        inside = lambda k: start <= k[0] and k[1] <= end  # noqa: E731
        if any(not v for k, v in self.looks.get(d, {}).items() if inside(k)):
            return "looks_like_name"
        if any(v for k, v in self.not_here.get(d, {}).items() if inside(k)):
            return "not_a_name_here"
        if label == "NORP":
            return "group-label"  # NORP: kept only where the context types it
        return "untyped/trimmed"


def _gold_keys(
    set_name: str, gold_path: Path | None, inputs: Path
) -> dict[str, tuple[set[str], int]]:
    """Per transcript id: the match keys of its gold names and the character offset up to
    which the gold covers the text (a large number where all of it)."""
    out: dict[str, tuple[set[str], int]] = {}
    if gold_path is None:
        return out
    if set_name == "corpus":
        for tid, sample in json.loads(gold_path.read_text(encoding="utf-8")).items():
            keys = set().union(
                *(_keys(tuple(e["surfaces"]) + (e["label"],)) for e in sample["entities"])
            )
            out[tid] = (keys, int(sample["char_end"]))
        return out
    present = {transcript_id(p.name) for p in inputs.iterdir() if not p.name.endswith(".json")}
    for gold in load_gold_dir(gold_path):
        tid = transcript_id(gold.transcript)
        if tid in present:
            keys = set().union(*(_keys(e.names) for e in gold.entities if e.type != "Concept"))
            out[tid] = (keys, 10**12)
    return out


def dropped_spans(set_name: str) -> tuple[list[Dropped], Counter]:
    """The NER spans of ``set_name`` the build lost, and how many NER spans it had."""
    inputs, gold_path = SETS[set_name]
    recorder = Recorder()
    recorder.install()
    with tempfile.TemporaryDirectory() as tmp:
        result = build([str(inputs)], tmp, settings=Settings.load().replace(cache=False))
    data = predictions_from_graph(result.graph)
    golds = _gold_keys(set_name, gold_path, inputs)
    kept: dict[str, set[str]] = {}
    out: list[Dropped] = []
    totals: Counter = Counter()
    for d, raw in recorder.raw.items():
        tid = recorder.transcript.get(d)
        if tid is None:
            continue
        if tid not in kept:
            predicted, _ = predictions_for_transcript(data, tid)
            kept[tid] = set().union(*(p.keys for p in predicted)) if predicted else set()
        doc = recorder.docs[d]
        offset = recorder.offset[d]
        for start, end, label in raw:
            if label not in NAME_LABELS:
                continue
            text = doc[start:end].text
            totals[label] += 1
            keys = _keys((text,))
            if keys & kept[tid]:
                continue
            gold_keys, gold_end = golds.get(tid, (set(), -1))
            if keys & gold_keys:
                gold = "gold"
            elif offset < gold_end:
                gold = "-"
            else:
                gold = "?"
            context = doc[max(0, start - 6) : min(len(doc), end + 6)].text.replace("\n", " ")
            out.append(
                Dropped(tid, text, label, recorder.reason(doc, start, end, label), gold, context)
            )
    return out, totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("--summary", action="store_true", help="counts by reason only")
    args = parser.parse_args()
    rows, totals = dropped_spans(args.set)
    rows.sort(key=lambda r: (r.transcript, r.reason, r.label, r.text))
    if not args.summary:
        for r in rows:
            print(f"{r.transcript[:24]:<24} {r.gold:<4} {r.label:<11} {r.text!r:<32} {r.reason}")
            print(f"{'':<29}… {r.context} …")
    by_reason = Counter(r.reason.split(" ")[0] for r in rows)
    gold_by_reason = Counter(r.reason.split(" ")[0] for r in rows if r.gold == "gold")
    print(f"\n{sum(totals.values())} NER name spans, {len(rows)} not kept")
    for reason, n in by_reason.most_common():
        print(f"  {reason:<18} {n:>4}  (gold {gold_by_reason[reason]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
