"""A person named with a short form of the given name ("Greg" for "Gregory") is the
same person as the full name of the same transcript. Texts are invented for these
tests (invented people and firms)."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.lexicon import given_name_short_forms, same_given_name


def _people(folder: Path, text: str) -> dict[str, set[str]]:
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False)).graph
    return {e.label: set(e.aliases) for e in graph.entities if e.type == "Person"}


def test_short_forms_of_given_names_come_from_the_shipped_table():
    assert "greg" in given_name_short_forms("Gregory")
    assert same_given_name("Bill", "william") and same_given_name("William", "Bill")
    assert not same_given_name("Gregory", "William")


def test_a_full_name_with_a_short_given_name_is_the_same_person(tmp_path):
    people = _people(
        tmp_path,
        "Our guest today is Gregory Talvanen, who built the first cluster at the lab. "
        "Greg Talvanen later ran the whole project, and Gregory Talvanen still maintains it. "
        "Then Greg told us about the early days.\n",
    )
    talvanen = [label for label in people if label.endswith("Talvanen")]
    assert talvanen == ["Gregory Talvanen"], people
    assert "Greg Talvanen" in people["Gregory Talvanen"], people
    assert "Greg" in people["Gregory Talvanen"], people  # the short form said alone


def test_a_different_given_name_with_the_same_surname_stays_apart(tmp_path):
    people = _people(
        tmp_path,
        "Gregory Talvanen founded the lab with his sister Miriam Talvanen in the spring, "
        "and Miriam Talvanen still runs it while Gregory Talvanen teaches.\n",
    )
    assert {"Gregory Talvanen", "Miriam Talvanen"} <= set(people), people


def test_a_short_given_name_in_the_text_is_the_labelled_speaker(tmp_path):
    people = _people(
        tmp_path,
        "Mara Quill: Welcome back. My guest built the first cluster at the lab.\n"
        "Gregory Talvanen: Thanks for having me. It was a long time ago.\n"
        "Mara Quill: I read that Greg Talvanen wrote most of the scheduler himself.\n"
        "Gregory Talvanen: They do, and I never asked them to.\n",
    )
    assert "Greg Talvanen" not in people, people
    assert "Greg Talvanen" in people["Gregory Talvanen"], people


def test_a_given_name_spelt_two_ways_is_one_person(tmp_path):
    """A transcriber's two spellings of one given name ("Sandi"/"Sandy") with the same
    surname are one person; two given names that only sound alike ("Dan"/"Don") stay two."""
    people = _people(
        tmp_path,
        "We had Sandi Talvanen on the show last year, and Sandy Talvanen told us about "
        "the design book. Sandi Talvanen still teaches it. Dan Korhola and his brother "
        "Don Korhola run the press, and Don Korhola prints the books.\n",
    )
    talvanen = [label for label in people if label.endswith("Talvanen")]
    assert len(talvanen) == 1, people
    assert {"Dan Korhola", "Don Korhola"} <= set(people), people
