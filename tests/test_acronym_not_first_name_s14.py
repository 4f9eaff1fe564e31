"""A word written in capitals is an abbreviation, never the first name of a person of
the lexicon however it sounds: "SEP" (separation, read off a panel) is not Sepp
Hochreiter. Text written for this test."""

from __future__ import annotations

from kg.build import build
from kg.config import Settings


def test_a_capitalised_abbreviation_is_no_lexicon_persons_first_name(tmp_path):
    (tmp_path / "radio.txt").write_text(
        "Glenn: Roger, I have SEP on the panel.\n"
        "CapCom: Understand SEP. We confirm SEP from here.\n"
        "Glenn: SEP light is green now.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    linked = {e.lexicon_id for e in graph.entities if e.type == "Person"}
    assert "sepp-hochreiter" not in linked
