"""Which of NER's organisation spans become entities in cased text (the acceptance
side of :mod:`kg.extract.entities`). Texts are written for these tests and share no
wording with any evaluation set; the lexicon is on, since the rule is about a known
name inside a longer organisation name."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings

_TALK = (
    "I grew up near the coast and I studied chemistry there. After that I moved to a "
    "big city. I had hired a team of people at BX Linux to do marketing, and it went "
    "well. The stock of BX Linux went up after the listing. We sold servers to banks "
    "and to schools. I still think about those years.\n"
)


def named(folder: Path, text: str) -> dict[str, str]:
    """Label (lowercased) -> type of the named (non-Concept) entities built from ``text``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False)).graph
    return {e.label.lower(): e.type for e in graph.entities if e.type != "Concept"}


def test_an_acronym_and_a_known_name_name_an_organisation(tmp_path):
    types = named(tmp_path, _TALK)
    assert types.get("bx linux") == "Organization"
    # the known product is only a part of the firm's name here
    assert "linux" not in types


def test_a_common_word_before_a_known_name_makes_no_organisation(tmp_path):
    text = _TALK.replace("BX Linux", "Desktop Linux")
    assert "desktop linux" not in named(tmp_path, text)


_GROUP_TALK = (
    "I grew up near the coast and I studied chemistry there. After that I moved to a "
    "big city. Then I became the Marvanite project leader for two years, and it went "
    "well. I had never met another Marvanite developer before that. We sold servers to "
    "banks and to schools. I still think about those years.\n"
)


def test_a_rare_word_ner_calls_a_group_is_a_name(tmp_path):
    assert "marvanite" in named(tmp_path, _GROUP_TALK)


def test_a_dictionary_group_word_stays_no_name(tmp_path):
    # nationalities, faiths and parties are WordNet nouns, however rare the word
    for word in ("Uzbek", "Zoroastrian"):
        text = _GROUP_TALK.replace("Marvanite", word).replace(
            "We sold", f"Later I worked with the {word} for two years. We sold"
        )
        assert word.lower() not in named(tmp_path / word, text)
