"""A name introduced by "called" goes on through a possessive: "a game called Rocky's
Boots" names "Rocky's Boots", not "Rocky".

Extraction runs on the real spaCy model (no build); the text is invented.
"""

from __future__ import annotations


def test_a_called_name_goes_on_through_a_possessive(tmp_path, lexicon):
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(
        "Host: Welcome back to the show, everyone. What did you play as a kid?\n"
        "Guest: I played a game called Rocky's Boots for years, and I loved it.\n",
        encoding="utf-8",
    )
    names = {
        m.surface for m in process_transcript(read_transcript(path), lexicon, Settings()).mentions
    }
    assert "Rocky's Boots" in names
    assert "Rocky" not in names
