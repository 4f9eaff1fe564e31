"""People named after a title or a role in lowercase speech, whose given names and
family names are also English words ("senator bill nelson", "my wife laura bush"): the
title says a person follows. A given name after a role that is not followed by a
family name or a rare word stays a word ("the teacher will rock the house").

Extraction runs on the real spaCy model (no build); the texts are invented and
lowercased, as auto-captions are.
"""

from __future__ import annotations

_SPEECH = (
    "thank you all for coming tonight it is good to be back in florida "
    "{line} and we have a lot of work to do together in the years ahead"
)


def _people(mentions, line: str) -> set[str]:
    return {m.surface for m in mentions(_SPEECH.format(line=line)) if m.type == "Person"}


def test_a_name_of_words_after_a_title_is_a_person(mentions):
    assert "bill nelson" in _people(mentions, "i want to thank senator bill nelson for his help")


def test_a_name_of_words_after_a_role_noun_is_a_person(mentions):
    assert "laura bush" in _people(mentions, "my wife laura bush is here with me tonight")


def test_a_given_name_that_is_a_word_after_a_role_stays_a_word(mentions):
    assert not _people(mentions, "the teacher will rock the house and the dancer will shine")
