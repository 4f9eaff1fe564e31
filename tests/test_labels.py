"""The label of a name heard only in lowercase speech (:mod:`kg.labels`): the
lexicon's spelling, WordNet's written form, initials in capitals, else title case.
The names are invented or general knowledge, not from any transcript of the benches."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.labels import written_form
from kg.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory) -> object:
    path = Path(tmp_path_factory.mktemp("lex")) / "lexicon.tsv"
    path.write_text(
        "zorbmind\tOrganization\tZorbMind\tZorbMind Labs\t\tAn invented lab.\n",
        encoding="utf-8",
    )
    return load_lexicon(path)


def test_the_lexicon_spelling_of_the_same_words(lexicon):
    assert written_form("zorbmind", lexicon) == "ZorbMind"
    assert written_form("zorbmind labs", lexicon) == "ZorbMind Labs"


def test_the_form_wordnet_writes_a_named_individual_in(lexicon):
    assert written_form("unesco", lexicon) == "UNESCO"
    assert written_form("lake superior", lexicon) == "Lake Superior"
    # a word of a longer name WordNet writes in capitals keeps them
    assert written_form("unesco office", lexicon) == "UNESCO Office"


def test_short_initials_that_are_no_word_in_capitals(lexicon):
    assert written_form("qzx", lexicon) == "QZX"
    assert written_form("vrtk", lexicon) == "VRTK"
    # a syllable-like word of four letters or more, and a person's name, stay words
    assert written_form("zorba", lexicon) == "Zorba"
    assert written_form("qzx", lexicon, person=True) == "Qzx"


def test_otherwise_title_case_with_small_words_kept(lexicon):
    assert written_form("quellby institute of  zoology", lexicon) == (
        "Quellby Institute of Zoology"
    )
