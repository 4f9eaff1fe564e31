"""Lowercase speech, session fourteen: a name NER reads as a person, said among places
("from porto and braga", "the volga the mackenzie and the yukon"), is a place when
general knowledge has a place of that name (a town of the gazetteer, a river WordNet
lists); one said among people stays a person. Texts are written for these tests and
share no wording with any evaluation set."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def _srt(lines: list[str]) -> str:
    return "".join(
        f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
        for i, line in enumerate(lines)
    )


def _types(tmp_path: Path, lines: list[str]) -> dict[str, str]:
    (tmp_path / "talk.srt").write_text(_srt(lines), encoding="utf-8")
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label.lower(): e.type for e in graph.entities}


def test_a_town_or_river_in_a_list_of_places_is_a_place(tmp_path: Path):
    types = _types(
        tmp_path,
        [
            "my aunt moved from porto and braga to the coast when she was young",
            "later on we saw the volga the mackenzie and the yukon on one long trip",
            "and so the goods went down to the sea and the towns grew rich over the years",
        ],
    )
    # NER reads "braga" after "porto and" as a person, and WordNet's first named
    # "mackenzie" is a person: the list says which reading is meant
    assert types.get("braga") == "Place", types
    assert types.get("mackenzie") == "Place", types


def test_a_name_in_a_list_of_people_stays_a_person(tmp_path: Path):
    types = _types(
        tmp_path,
        [
            "she read the letters of charles darwin and the notes of alexander mackenzie",
            "and she wrote that mackenzie and darwin had both travelled very far",
            "so the class spent the whole winter on their journeys and their maps",
        ],
    )
    assert types.get("alexander mackenzie", types.get("mackenzie")) == "Person", types
