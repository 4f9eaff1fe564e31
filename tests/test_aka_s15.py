""" "AKA" is no word of a name: "my co-founder Olaoluwa, AKA 'Roasbeef'" never gives a
name "AKA 'Roasbeef".

Extraction runs on the real spaCy model (no build); the sentence is invented.
"""

from __future__ import annotations


def test_aka_is_no_part_of_a_name(tmp_path, lexicon):
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(
        "Host: Welcome back to the show.\n"
        "Guest: My co founder Olaoluwa, AKA 'Roasbeef', wrote most of the code, and "
        "Roasbeef still does.\n",
        encoding="utf-8",
    )
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    assert not [m.surface for m in extraction.mentions if "aka" in m.surface.lower().split()]
