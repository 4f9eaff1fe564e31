"""Lowercase speech: frequent place names WordNet lists as names first, gazetteer towns
a context marks as places, and names of features of the land ("the x canal"). Texts
are written for these tests and share no wording with any evaluation set."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.extract.propernames import frequent_place_name, name_type
from kg.extract.truecase import truecase

_NONE: frozenset[str] = frozenset()


def _srt(lines: list[str]) -> str:
    return "".join(
        f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
        for i, line in enumerate(lines)
    )


def _capitalised(text: str) -> set[str]:
    return {w for w in truecase(text, _NONE).split() if w[:1].isupper()}


def test_a_frequent_wordnet_place_is_a_name_but_a_countable_noun_or_person_is_not():
    # more frequent than the surname cap, but a place first: the place rule takes it
    assert name_type(("scotland",)) == "Place"
    assert "Scotland" in _capitalised("the ferry went back to scotland that night")
    # a plural of an everyday noun, and a given name, are no such place
    assert not frequent_place_name("tours")
    assert not frequent_place_name("queens")
    # below the surname cap the name is name_type's alone, not capitalised here
    assert not frequent_place_name("danube")


def test_a_town_is_capitalised_after_a_place_preposition_or_joined_to_a_place():
    assert {"Utrecht", "Groningen"} <= _capitalised("we saw utrecht and groningen by train")
    assert "Ghent" in _capitalised("a small bakery near ghent sold it")
    # said alone, with nothing that says place, a town too small to be known stays as said
    assert "Ghent" not in _capitalised("ghent was quiet")
    # frequent words among the gazetteer's towns never qualify
    assert _capitalised("we kept reading and then bath time came") == set()
    # a verb form or a three-letter word after a preposition is no town said
    assert _capitalised("they were in shaping the plan at mit and oslo") == {"Oslo"}


def test_a_rare_word_or_place_before_a_feature_noun_after_the_is_a_name():
    text = "ships used the vessenby canal and armies held the tolmark line for weeks"
    assert {"Vessenby", "Canal", "Tolmark", "Line"} <= _capitalised(text)
    # a place before the noun: a place and then the feature's noun
    assert {"Oslo", "Channel"} <= _capitalised("boats crossed the oslo channel at dawn")
    assert _capitalised("the bottom line is the party line on the main river") == set()


def test_a_feature_name_in_lowercase_speech_is_one_place(tmp_path: Path):
    (tmp_path / "talk.srt").write_text(
        _srt(
            [
                "after the treaty the border followed the grenmark river for many miles and",
                "the farmers on both banks had to move their cattle before the winter",
                "so the whole valley was emptied within a year and the towns were rebuilt",
            ]
        ),
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False, lexicon="off")).graph
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("grenmark river") == "Place", types
