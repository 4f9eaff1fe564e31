"""In cased text, a name NER never tags but the transcript writes again and again with
its capitals in mid-sentence ("we ran CentOS ... the CentOS project") is a name; a
name said twice is left to NER.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def _names(tmp_path, lexicon, text: str) -> dict[str, str]:
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    return {m.surface: m.type for m in extraction.mentions if m.type != "Concept"}


_TALK = (
    "Host: Welcome back. Today we talk about the early days of {name} and the people "
    "behind it.\n"
    "Guest: Thanks. We started {name} as a weekend thing, and for years I ran {name} on "
    "old servers.\n"
    "Host: Why did people pick {name} over the others?\n"
    "Guest: Honestly, because {name} was free and it just worked.\n"
)


def test_a_name_written_again_and_again_is_a_name(tmp_path, lexicon):
    names = _names(tmp_path, lexicon, _TALK.format(name="CentOS"))
    assert "CentOS" in names


def test_a_name_said_twice_is_left_to_ner(tmp_path, lexicon):
    twice = (
        "Host: Welcome back. We talk about CentOS and the people behind it.\n"
        "Guest: Thanks. We started CentOS as a weekend thing.\n"
    )
    assert "CentOS" not in _names(tmp_path, lexicon, twice)
