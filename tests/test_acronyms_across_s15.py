"""Initials stand for the name with those initials only where one transcript says both:
"HSI" in one talk is no "Harbor Science Institute" of another talk of the build.

Real builds of invented transcripts (real spaCy model, no cache).
"""

from __future__ import annotations

from kg.build import build
from kg.config import Settings

_OPENING = (
    "Host: Welcome back to the show, everyone. Today we talk about science, money and the "
    "people who run research labs.\n"
)
_LONG = (
    "Guest: Thanks. I work at the Harbor Science Institute in Boston. The Harbor Science "
    "Institute was started by Dana Cole, and I love the Harbor Science Institute.\n"
)
_SHORT = "Guest: Thanks. I work at HSI in Boston. HSI was started by Dana Cole, and HSI is great.\n"


def _labels_holding(tmp_path, talks: dict[str, str], alias: str) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in talks.items():
        (folder / name).write_text(text, encoding="utf-8")
    graph = build([str(folder)], str(tmp_path / "out"), Settings(cache=False)).graph
    return [e.label for e in graph.entities if alias in (e.label, *e.aliases)]


def test_initials_said_with_their_name_join_it(tmp_path):
    talk = _OPENING + _LONG + _SHORT.replace("Guest: Thanks. ", "Host: And you? ")
    assert _labels_holding(tmp_path, {"one.txt": talk}, "HSI") == ["Harbor Science Institute"]


def test_initials_of_another_talk_stay_their_own(tmp_path):
    talks = {"one.txt": _OPENING + _LONG, "two.txt": _OPENING + _SHORT}
    assert _labels_holding(tmp_path, talks, "HSI") == ["HSI"]
