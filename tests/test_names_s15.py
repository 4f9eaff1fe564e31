"""Titles of works NER cuts into pieces, found by judging a whole build of unseen text
(tests/data/judged_unseen_names): capitalised words joined by "in" or "of the" in
mid-sentence, where NER reads a common noun inside as a name, are one title, and its
pieces are not names; a person in a place GeoNames knows keeps both names. Texts are
written for these tests and share no wording with any evaluation set; the lexicon is
off, so only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_a_title_cut_into_pieces_is_one_work(tmp_path):
    types = types_of(
        tmp_path,
        "films.txt",
        "Host: Which old film did you keep coming back to as a kid?\n"
        "Guest: Honestly, it was Dorothy in Wonderland, and later I watched Keeper of "
        "the Rings with my brother twice every winter.\n",
    )
    assert "Wonderland" not in types
    assert "Rings" not in types
    assert types.get("Dorothy in Wonderland") == "Work"


def test_a_person_in_a_known_place_keeps_both_names(tmp_path):
    types = types_of(
        tmp_path,
        "trip.txt",
        "Host: Who did you meet on that long trip last spring?\n"
        "Guest: I met Priya Raman in Paris at a small conference about batteries, "
        "and we have worked together ever since.\n",
    )
    assert types.get("Paris") == "Place"
    assert types.get("Priya Raman") == "Person"
