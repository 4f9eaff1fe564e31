"""Names a speaker says are one thing ("the Lightning Network Trust Chain, also known as
the Lightning Torch") are one node, whose other mentions join it too; two names side
by side with no such words stay two.

Real builds of invented transcripts (real spaCy model, no cache).
"""

from __future__ import annotations

from kg.build import build
from kg.config import Settings
from kg.extract.aliases import _KNOWN_AS


def _entities(tmp_path, text: str):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    return build([str(folder)], str(tmp_path / "out"), Settings(cache=False)).graph.entities


def test_the_words_that_say_two_names_are_one():
    for between in (", also known as the ", ", aka ", " (a.k.a. ", ", otherwise known as "):
        assert _KNOWN_AS.match(between), between
    assert not _KNOWN_AS.match(", and the ")
    assert not _KNOWN_AS.match(" known as ")


def test_a_name_also_known_as_another_is_one_node(tmp_path):
    entities = _entities(
        tmp_path,
        "Host: Welcome back to the show. Today we talk about the Lightning Network Trust "
        "Chain, also known as the Lightning Torch, which went around the world last year.\n"
        "Guest: Yes. The Lightning Torch was passed from person to person, and the "
        "Lightning Torch reached Jack Dorsey in the end. Everyone loved the Lightning "
        "Torch.\n",
    )
    names = [e for e in entities if "Lightning" in e.label]
    assert len(names) == 1, [(e.label, e.aliases) for e in names]
    assert {"Lightning Torch", "Lightning Network Trust Chain"} <= {
        names[0].label,
        *names[0].aliases,
    }
