"""A name said in a plural its entry never has is a kind, not the one named: "four
major technological industrial revolutions" is no Industrial Revolution (an Event of
the lexicon) but a concept; the singular still is the event.

Real builds of invented transcripts (real spaCy model, no cache).
"""

from __future__ import annotations

from kg.build import build
from kg.config import Settings


def _types(tmp_path, text: str) -> dict[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([str(folder)], str(tmp_path / "out"), Settings(cache=False)).graph
    return {e.label.lower(): e.type for e in graph.entities}


def test_a_name_said_in_the_plural_is_a_kind(tmp_path):
    types = _types(
        tmp_path,
        "Host: Welcome back. Today we talk about progress.\n"
        "Guest: By my count we had four major technological industrial revolutions going "
        "on at once, and industrial revolutions change everything.\n",
    )
    assert types.get("industrial revolution") != "Event"


def test_the_singular_is_still_the_event(tmp_path):
    types = _types(
        tmp_path,
        "Host: Welcome back. Today we talk about progress.\n"
        "Guest: The Industrial Revolution changed everything, and the Industrial "
        "Revolution began in Britain.\n",
    )
    assert types.get("industrial revolution") == "Event"
