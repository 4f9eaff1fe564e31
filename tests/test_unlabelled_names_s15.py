"""In cased text, a name NER never tags but the transcript writes again and again with
its capitals in mid-sentence ("we ran CentOS ... the CentOS project") is a name; a
name said twice is left to NER.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def _names(mentions, text: str) -> dict[str, str]:
    return {m.surface: m.type for m in mentions(text) if m.type != "Concept"}


_TALK = (
    "Host: Welcome back. Today we talk about the early days of {name} and the people "
    "behind it.\n"
    "Guest: Thanks. We started {name} as a weekend thing, and for years I ran {name} on "
    "old servers.\n"
    "Host: Why did people pick {name} over the others?\n"
    "Guest: Honestly, because {name} was free and it just worked.\n"
)


def test_a_name_written_again_and_again_is_a_name(mentions):
    names = _names(mentions, _TALK.format(name="CentOS"))
    assert "CentOS" in names


def test_a_name_said_twice_is_left_to_ner(mentions):
    twice = (
        "Host: Welcome back. We talk about CentOS and the people behind it.\n"
        "Guest: Thanks. We started CentOS as a weekend thing.\n"
    )
    assert "CentOS" not in _names(mentions, twice)
