"""A word a talk keeps coming back to, at a hundred times its rate in English, is one
of its concepts though it is an everyday word: "water" five times in a short talk about
water. Said once or twice, the same word is just a word.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_TALK = (
    "Welcome back to the show. Today we talk about water with an engineer from the "
    "coast. The water question has been strange this year. When water gets scarce, "
    "buyers wait, and when water comes back, prices jump. Nobody can plan for water, "
    "she said. Rates matter too, but it is mostly about people and about what they "
    "expect from the next winter and the one after it.\n"
)


def _concepts(mentions, text: str) -> set[str]:
    return {m.surface.lower() for m in mentions(text) if m.type == "Concept"}


def test_a_word_the_talk_keeps_coming_back_to_is_a_concept(mentions):
    assert "water" in _concepts(mentions, _TALK)


def test_the_same_word_said_once_is_just_a_word(mentions):
    text = (
        "Welcome back to the show. Today we talk about prices with an engineer from the "
        "coast. She had a glass of water, and then we talked about rates and people.\n"
    )
    assert "water" not in _concepts(mentions, text)
