"""Names found by judging a build of unseen transcripts (tests/data/judged_unseen_3):
a given name that makes up its sentence alone ("Gary.") is a person called on by the
chair or host; a named region around a lexicon place is the place meant. Texts are
written for these tests."""

from __future__ import annotations

from kg.build import build
from kg.config import Settings

PRESSER = (
    "Chair: Good morning. I have a short statement on the harbour budget before "
    "questions. The council voted last night to repair the north pier, and the work "
    "starts in May. Now I will take your questions. Gary.\n"
    "Q: Thank you. How much will the pier cost?\n"
    "Chair: About four million, paid over three years. Walt.\n"
    "Q: Will the ferry keep running during the repairs?\n"
    "Chair: Yes, the ferry keeps its timetable. Doris.\n"
    "Q: Who decided on the contractor? Where did they work before?\n"
    "Chair: The council did, after a public tender. Initech.\n"
)


def _named(tmp_path, text: str) -> dict[str, str]:
    (tmp_path / "presser.txt").write_text(text, encoding="utf-8")
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    return {e.label: e.type for e in graph.entities if e.type != "Concept"}


def test_a_given_name_alone_as_a_sentence_is_a_person_called_on(tmp_path):
    named = _named(tmp_path, PRESSER)
    for name in ("Gary", "Walt", "Doris"):
        assert named.get(name) == "Person", (name, named)
    assert named.get("Initech") != "Person"


def test_a_named_region_around_a_lexicon_place_is_the_place_meant(tmp_path):
    # the lexicon knows "America"; WordNet lists "Latin America" as a named place
    (tmp_path / "trade.txt").write_text(
        "Our growers ship most of the coffee to America. Last year the co-op opened a "
        "second office in Latin America, and the buyers there pay well.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    places = {e.label for e in graph.entities if e.type == "Place"}
    assert "Latin America" in places
