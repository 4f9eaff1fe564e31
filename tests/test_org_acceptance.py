"""Which of NER's organisation spans become entities in cased text (the acceptance
side of :mod:`kg.extract.entities`). Texts are written for these tests and share no
wording with any evaluation set; the lexicon is on, since the rule is about a known
name inside a longer organisation name."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings

_TALK = (
    "I grew up near the coast and I studied chemistry there. After that I moved to a "
    "big city. I had hired a team of people at BX Linux to do marketing, and it went "
    "well. The stock of BX Linux went up after the listing. We sold servers to banks "
    "and to schools. I still think about those years.\n"
)


def named(folder: Path, text: str) -> dict[str, str]:
    """Label (lowercased) -> type of the named (non-Concept) entities built from ``text``."""
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False)).graph
    return {e.label.lower(): e.type for e in graph.entities if e.type != "Concept"}


def test_an_acronym_and_a_known_name_name_an_organisation(tmp_path):
    types = named(tmp_path, _TALK)
    assert types.get("bx linux") == "Organization"
    # the known product is only a part of the firm's name here
    assert "linux" not in types


def test_a_common_word_before_a_known_name_makes_no_organisation(tmp_path):
    text = _TALK.replace("BX Linux", "Desktop Linux")
    assert "desktop linux" not in named(tmp_path, text)
