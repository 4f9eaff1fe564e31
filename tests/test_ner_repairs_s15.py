"""Three repairs of the small NER model's errors on names in cased transcripts (see
:mod:`kg.extract.ner_repairs`): a name NER cuts in two where the parse joins the
halves, a town before ", <its country or state>" that NER calls something else, and a
common word NER tags as a name because it opens a sentence. Texts are written for
these tests and share no wording with any evaluation set; the lexicon is off, so
only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.extract.ner_repairs import SentenceCaseWords


def graph_of(folder: Path, name: str, text: str):
    """The graph built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    return build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text``."""
    return {e.label: e.type for e in graph_of(folder, name, text).entities}


def test_a_name_cut_in_two_that_the_parse_joins_is_one_name(tmp_path):
    types = types_of(
        tmp_path,
        "career.txt",
        "Host: Where did you start out after college?\n"
        "Guest: I spent ten years as an engineer with Lockheed Martin. After that I "
        "built satellites for a small startup in a garage.\n",
    )
    assert "Martin" not in types
    assert "Lockheed" not in types
    assert types.get("Lockheed Martin") == "Organization"


def test_a_town_before_its_state_is_a_place(tmp_path):
    graph = graph_of(
        tmp_path,
        "travel.txt",
        "Host: Where did the two of you first meet, way back then?\n"
        "Guest: We met at Lincoln, Nebraska after the war, at a dance in a barn.\n",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Lincoln") == "Place"
    ids = {e.key: e.label for e in graph.entities}
    located = {
        (ids.get(r.subject), ids.get(r.object))
        for r in graph.relations
        if r.predicate == "locatedIn"
    }
    assert ("Lincoln", "Nebraska") in located


def test_a_common_word_opening_a_sentence_is_no_name(tmp_path):
    types = types_of(
        tmp_path,
        "drinks.txt",
        "Host: What do you drink when you work late at night?\n"
        "Guest: An energy drink, mostly, with a lot of sugar. Taurine is maybe "
        "affecting my sleep, I think. My doctor in Denver says taurine is harmless.\n",
    )
    assert types.get("taurine") == "Concept"
    assert "Taurine" not in types


def test_a_word_capitalised_in_mid_sentence_stays_a_name():
    words = SentenceCaseWords(
        "Player was our first tool. We came across Player in a lab. Every player counts."
    )
    assert not words.common("Player")
    assert SentenceCaseWords("Taurine helps. I take taurine daily.").common("Taurine")
