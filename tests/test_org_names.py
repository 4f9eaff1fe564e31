"""Organisation names in cased transcripts that NER does not join: a firm named by
its capitalised words and a lowercase business noun ("the Marlow Capital group").
Texts are written for these tests and share no wording with any evaluation set; the
lexicon is off, so only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings

_TALK = (
    "I grew up in a small town and I studied physics there. After that I moved to a big "
    "city. My first job was at a venture fund that was called Marlow Capital group, and "
    "it was not a success. Then I helped to keep Tarrow Quill systems afloat for a year. "
    "We ran everything on Unix systems back then, and I liked it. I still think about "
    "those years. They taught me a lot about money and people.\n"
)


def types_of(folder: Path, text: str) -> dict[str, str]:
    """Label (lowercased) -> type of the entities built from ``text``."""
    (folder / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label.lower(): e.type for e in graph.entities}


def test_capitalised_words_and_a_lowercase_business_noun_name_a_firm(tmp_path):
    types = types_of(tmp_path, _TALK)
    assert types.get("marlow capital group") == "Organization"
    assert types.get("tarrow quill systems") == "Organization"
    # the firm's shorter name is not a second node
    assert "marlow capital" not in types


def test_one_capitalised_word_before_the_noun_is_no_firm(tmp_path):
    types = types_of(tmp_path, _TALK)
    assert "unix systems" not in types


def test_a_business_noun_that_modifies_another_names_no_firm(tmp_path):
    text = _TALK.replace("They taught", "Then the Orla Venn group leaders taught")
    types = types_of(tmp_path, text)
    assert not any(label.startswith("orla venn group") for label in types)
