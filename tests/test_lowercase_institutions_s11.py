"""Lowercase speech: names of institutions, events, documents and titled people found
by their head noun and the name they are anchored on (:mod:`kg.extract.institutions`).
Texts are written for these tests and share no wording with any evaluation set."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.extract.institutions import lowercase_institution_names
from kg.nlp import load_nlp


@lru_cache(maxsize=1)
def _nlp():
    return load_nlp(Settings())


def _names(text: str) -> set[tuple[str, str]]:
    doc = _nlp()(text)
    return {
        (doc[n.start : n.end].text.lower(), n.type) for n in lowercase_institution_names(doc, [])
    }


def _srt(lines: list[str]) -> str:
    return "".join(
        f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
        for i, line in enumerate(lines)
    )


def _types(tmp_path: Path, lines: list[str]) -> dict[str, str]:
    (tmp_path / "talk.srt").write_text(_srt(lines), encoding="utf-8")
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label.lower(): e.type for e in graph.entities}


def test_an_institution_head_with_an_of_complement_or_rare_modifier_is_an_organization():
    found = _names("the report went to the council of regional governors last spring")
    assert ("council of regional governors", "Organization") in found
    assert ("department of labor", "Organization") in _names(
        "she joined the department of labor in the autumn"
    )
    assert ("united states government", "Organization") in _names(
        "a note from the united states government arrived in june"
    )
    assert ("tolmark commission", "Organization") in _names(
        "it was studied by the tolmark commission for a year"
    )


def test_an_event_or_document_head_anchored_on_a_place_is_a_name():
    found = _names("after the helsinki conference they signed the stockholm declaration")
    assert ("helsinki conference", "Event") in found
    assert ("stockholm declaration", "Work") in found
    assert ("conference at stockholm", "Event") in _names(
        "we prepared for the conference at stockholm that winter"
    )
    assert ("second world war", "Event") in _names("my father fought in the second world war")


def test_a_plural_title_before_a_list_of_rare_words_names_each_person():
    found = _names("we thank senators kowalczyk halvorsen and okafor for their help")
    assert found == {
        ("kowalczyk", "Person"),
        ("halvorsen", "Person"),
        ("okafor", "Person"),
    }
    assert _names("and the secretary of labor tremaine spoke next") == {("tremaine", "Person")}


def test_everyday_phrases_with_a_head_noun_are_no_names():
    for text in [
        "the committee met on tuesday and the bank closed early so we went to a bank",
        "the conference was great and the court ruled against him",
        "our agreement was simple and the treaty was signed at the end of the war",
        "professors teach and doctors prescribe drugs and monitor patients",
        "the bank of the river and the administration of justice",
        "the council of elders decided and the committee of experts wrote",
        "the planning committee and the food bank and the supreme court",
        "he has a strong constitution and the constitution of the body is weak",
        "she was secretary of the club for years",
        "the local government and the interim government and a coalition government",
    ]:
        assert _names(text) == set(), text


def test_names_by_head_noun_reach_the_graph_of_a_lowercase_transcript(tmp_path: Path):
    types = _types(
        tmp_path,
        [
            "we met the delegates of the other powers and thanked ambassadors kowalczyk",
            "halvorsen and okafor for their work at the helsinki conference where the",
            "council of regional governors agreed to meet again next year in the spring",
        ],
    )
    # "work at" says employer, but the head noun says what the name is
    assert types.get("helsinki conference") == "Event", types
    assert types.get("council of regional governors") == "Organization", types
    # each person of the list is one, said once, not NER's run of surnames
    assert {types.get(n) for n in ("kowalczyk", "halvorsen", "okafor")} == {"Person"}, types


def test_a_cased_transcript_is_left_to_its_capitals(tmp_path: Path):
    (tmp_path / "talk.txt").write_text(
        "We met in Oslo last year. The committee of experts wrote to us, and I think "
        "our constitution says nothing about it. Maria Lindqvist agreed with me.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False, lexicon="off")).graph
    assert not any(e.type == "Work" for e in graph.entities), [
        (e.label, e.type) for e in graph.entities
    ]
