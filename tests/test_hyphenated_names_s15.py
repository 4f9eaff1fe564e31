"""A name NER cut inside a hyphenated word ("Port-au-" of "Port-au-Prince") is the whole
word.

Extraction runs on the real spaCy model (no build); the sentence is invented.
"""

from __future__ import annotations


def test_a_name_cut_at_a_hyphen_is_the_whole_word(tmp_path, lexicon):
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(
        "Host: Welcome back to the show, everyone.\n"
        "Guest: They lived in Port-au-Prince Haiti for years.\n",
        encoding="utf-8",
    )
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    places = {m.surface for m in extraction.mentions if m.type == "Place"}
    assert "Port-au-Prince" in places
