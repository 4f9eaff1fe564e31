"""A person's name after a title of office in cased text ("Secretary of the Treasury
Donald Regan", "Secretary of Agriculture John Block"), found by judging a whole build
of unseen transcripts (tests/data/judged_unseen_3): NER or the title-of-a-work rule
runs the title into the name and types the whole as an organisation or a work; the
person is the name at the end; and a name introduced after a noun for a person ("a
famous inventor named X") is a person at every mention, however NER types it. Texts
are written for these tests and share no wording with any evaluation set; the
lexicon is off, so only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.extract.titled import known_given_name, role_noun
from kg.nlp import load_nlp


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_a_title_of_office_inside_an_organisation_span_is_cut(tmp_path):
    types = types_of(
        tmp_path,
        "briefing.txt",
        "Host: What happened with the fishing quotas last winter?\n"
        "Guest: Well, at the request of Secretary of Labor Walter Brenning, I have taken "
        "the matter out of the talks, and nobody there liked it much.\n",
    )
    assert types.get("Walter Brenning") == "Person"
    assert not any("Labor Walter" in label for label in types)


def test_a_title_joined_by_of_the_is_no_work(tmp_path):
    types = types_of(
        tmp_path,
        "budget.txt",
        "Host: Who sent the request to the lawmakers?\n"
        "Guest: Last week Secretary of the Navy Howard Pellow sent a request, and then "
        "he went home early.\n",
    )
    assert types.get("Howard Pellow") == "Person"
    assert not any(label.startswith("Secretary of") for label in types)


def test_role_nouns_and_given_names():
    doc = load_nlp(Settings())("Secretary Treasury Donald")
    assert role_noun(doc[0]) and not role_noun(doc[1])
    assert known_given_name("Donald") and not known_given_name("Treasury")


def test_a_name_introduced_after_a_person_noun_is_a_person(tmp_path):
    # NER reads the made-up name as a firm where machines are sold or made by it; the
    # introduction ("a famous inventor named X") says what it is, at every mention
    types = types_of(
        tmp_path,
        "story.txt",
        "Narrator: On the hill lived a famous inventor named Valtronic.\n"
        "Narrator: Everyone bought the machines made by Valtronic.\n"
        "Narrator: Valtronic had great new ideas, and Valtronic sold them everywhere.\n"
        "Narrator: The shops were full of the clocks made by Valtronic.\n",
    )
    assert types.get("Valtronic") == "Person"


def test_a_package_manager_called_x_is_no_person():
    # "manager" is a person noun, but "package manager" (a compound) is software
    from kg.extract.entities import introduced_type

    doc = load_nlp(Settings())("I use a package manager called Brewtap every day.")
    assert doc[6].text == "Brewtap"
    assert introduced_type(doc, 6) != "Person"
    doc = load_nlp(Settings())("I once met a manager called Brewtap at a party.")
    assert doc[6].text == "Brewtap"
    assert introduced_type(doc, 6) == "Person"
