"""bench/agreement.py scores one reader's annotation against another's exactly as kg is
scored: an annotation agrees fully with itself, and loses recall (not precision) when
the second reader leaves an entity out, precision (not recall) when it adds one."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _agreement():
    spec = importlib.util.spec_from_file_location("agreement", ROOT / "bench" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["agreement"] = module
    spec.loader.exec_module(module)
    return module


def test_second_annotations_pair_with_their_first_gold():
    agreement = _agreement()
    found = agreement.pairs()
    assert len(found) >= 4
    for first, second in found:
        assert first.transcript == second.transcript
        assert not first.transcript.startswith(agreement.UNREAD)


def test_agreement_counts_what_each_reader_alone_listed():
    agreement = _agreement()
    first, _ = agreement.pairs()[0]
    same = agreement.figures([first], [first])
    assert same["typed right"] == same["concept precision"] == 1.0
    concepts = [e for e in first.entities if e.type == "Concept" and not e.optional]
    fewer = replace(first, entities=tuple(e for e in first.entities if e is not concepts[0]))
    less = agreement.figures([first], [fewer])
    assert less["concept recall"] < 1.0 and less["concept precision"] == 1.0
    extra = replace(
        first, entities=(*first.entities, replace(concepts[0], label="zzyzx flux", aliases=()))
    )
    more = agreement.figures([first], [extra])
    assert more["concept recall"] == 1.0 and more["concept precision"] < 1.0
