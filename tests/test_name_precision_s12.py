"""Types of names from general cues found by judging a whole build of unseen text
(tests/data/judged_unseen_names): a greeting before a name ("What's up, X?"), a name
and its epithet ("X the Great"), a one-word name NER calls a place that no gazetteer
knows, a device noun before a naming verb ("a TV called The X") and "Conf" ending an
event's name. Texts are written for these tests and share no wording
with any evaluation set; the lexicon is off, so only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_a_name_greeted_is_a_person(tmp_path):
    types = types_of(
        tmp_path,
        "show.txt",
        "Rena Kowalczyk: Welcome back to the show, everybody. Who else is here today?\n"
        "Rena Kowalczyk: And our friend is here too. Hey, Qball.\n"
        "Tomas Ilves: Hey, Qball. Good to have you on the panel again.\n",
    )
    assert types.get("Qball") == "Person"


def test_a_name_and_its_epithet_is_a_person(tmp_path):
    types = types_of(
        tmp_path,
        "story.txt",
        "Host: Which part of the old saga do you like best?\n"
        "Guest: In the old story he is Thorvald the Grey at first, and then he comes "
        "back as Thorvald the White, stronger than before, and Thorvald the White "
        "leads them home.\n",
    )
    assert types.get("Thorvald the White") == "Person"


def test_a_one_word_place_no_gazetteer_knows_is_a_firm(tmp_path):
    types = types_of(
        tmp_path,
        "hosting.txt",
        "Host: Where did you run it at first?\n"
        "Guest: Everything ran on Zorvexa back then, and Zorvexa billed us every month. "
        "We left Zorvexa when the bills grew, and the team moved to Paris that year.\n",
    )
    assert types.get("Zorvexa", "Organization") != "Place"
    assert types.get("Paris") == "Place"


def test_a_device_called_a_name_is_a_product(tmp_path):
    types = types_of(
        tmp_path,
        "living_room.txt",
        "Host: What did you buy for the new flat?\n"
        "Guest: We bought a TV called The Slate from a small maker in Oslo. "
        "It hangs on the wall like a painting, and everyone asks about it.\n",
    )
    assert types.get("The Slate", types.get("Slate")) == "Product"


def test_a_name_ending_in_conf_is_an_event(tmp_path):
    types = types_of(
        tmp_path,
        "talks.txt",
        "Host: Where did your co-founder speak last?\n"
        "Guest: He gave a talk at Brightwater Data Conf in April, and the Brightwater "
        "Data Conf videos are online now.\n",
    )
    assert types.get("Brightwater Data Conf") == "Event"
