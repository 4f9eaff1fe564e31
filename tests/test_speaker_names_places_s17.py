"""Two names that are also words: a speaker's first name ("Christian", which NER reads
as a faith) is that speaker where it is capitalised mid-sentence, and a country that
WordNet knows only as a place is one in lowercase speech though its plural is frequent
("america": "the Americas").

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_SPEAKERS = [
    {"name": "Mira Stone", "role": "host"},
    {"name": "Christian Vogt", "role": "guest"},
]


def test_a_speakers_first_name_is_that_speaker(extract):
    text = (
        "Welcome everyone to our deep dive on payment routing. Today Christian and I "
        "will go through the paper. But when Christian wants to send money back, he "
        "has to find a route. And you, Christian, reminded me of one thing.\n"
    )
    people = {m.surface for m in extract(text, speakers=_SPEAKERS).mentions if m.type == "Person"}
    assert "Christian" in people


def test_a_faith_is_no_person_without_a_speaker_of_that_name(extract):
    text = (
        "Welcome everyone to our talk on history. The town was Christian and Muslim "
        "for centuries, and the Christian calendar was used there.\n"
    )
    people = {m.surface for m in extract(text).mentions if m.type == "Person"}
    assert "Christian" not in people


def test_a_country_in_lowercase_speech(extract):
    text = (
        "thank you all it is good to be here tonight we invented these chips here in "
        "america and we still design the most advanced chips in the world\n"
    )
    places = {m.surface for m in extract(text).mentions if m.type == "Place"}
    assert "america" in places
