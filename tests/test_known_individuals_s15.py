"""A one-word name said once, where its capital is no evidence (a sentence's first
word), is kept when WordNet lists it as a named individual of the type NER gives it
("Mozart is a name that springs to mind"); an unknown one stays dropped.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def _people(tmp_path, lexicon, text: str) -> set[str]:
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    return {m.surface for m in extraction.mentions if m.type == "Person"}


_TALK = (
    "Host: Welcome back to the show. Today we talk about music, cities and the names "
    "that come with them.\n"
    "Guest: Think of a city known for its classical music history. {name} is certainly a "
    "name that springs to mind there.\n"
)


def test_a_named_individual_said_once_is_kept(tmp_path, lexicon):
    assert "Mozart" in _people(tmp_path, lexicon, _TALK.format(name="Mozart"))


def test_an_unknown_name_said_once_at_a_sentence_start_is_not(tmp_path, lexicon):
    assert "Valdrik" not in _people(tmp_path, lexicon, _TALK.format(name="Valdrik"))
