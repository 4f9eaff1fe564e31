"""A lone word that only sounds like the first name of a person of the lexicon, and is a
place general knowledge lists, is not that person: "Lyon" in a talk about cooking is
no Llion Jones. A misheard first name that is no place still is its person ("Daryo"
is Dario Amodei).

Real builds of invented transcripts (real spaCy model, no cache).
"""

from __future__ import annotations

from kg.build import build
from kg.config import Settings

_COOKING = """Host: Welcome back to the show. Today we talk about food, travel and the places that shaped your cooking.
Guest: Thanks for having me. It has been a long road, and I am happy to be here with you today.
Host: So where did it all start for you?
Guest: I grew up in Boston, and after school we flew to Lyon, France, where I trained in a small kitchen for two years.
Host: What was Lyon like back then?
Guest: Lyon was wonderful. The markets were full, the chefs were strict, and I learned to make bread every morning.
"""


def _labels(tmp_path, text: str) -> set[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([str(folder)], str(tmp_path / "out"), Settings(cache=False)).graph
    return {e.label for e in graph.entities}


def test_a_place_that_sounds_like_a_first_name_is_no_one(tmp_path):
    assert "Llion Jones" not in _labels(tmp_path, _COOKING)


def test_a_misheard_first_name_still_is_its_person(tmp_path):
    labels = _labels(
        tmp_path,
        "Host: Who built the early models?\n"
        "Guest: Daryo did a lot of that work at Anthropic, and Daryo kept pushing on safety.\n",
    )
    assert "Dario Amodei" in labels
