"""Lowercase speech: a name of several words that WordNet lists as a named individual is
capitalised whole before the parser sees it ("camp david", "martin luther king"), so
that its given name alone is not read as a person ("David", "Martin Luther"); and
WordNet's named texts, ages and conditions are typed as Works and Events ("the fifth
amendment", "the great depression", "the industrial revolution").

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

from kg.extract.truecase import truecase

_TALK = (
    "good evening tonight i want to talk with you about our work and our hopes "
    "{line} and i thank you all for listening to me tonight good night"
)


def _names(mentions, line: str) -> set[tuple[str, str]]:
    found = mentions(_TALK.format(line=line), "speech.txt")
    return {(m.surface.lower(), m.type) for m in found if m.type != "Concept"}


def test_a_listed_name_is_capitalised_whole(lexicon):
    text = truecase("last week i went to camp david with friends", lexicon.given_names)
    assert "Camp David" in text
    text = truecase("the dream of martin luther king lives on", lexicon.given_names)
    assert "Martin Luther King" in text


def test_a_listed_name_is_no_person_of_its_given_name(mentions):
    names = _names(
        mentions,
        "last week i went up to camp david with my family and we spoke of the dream of "
        "martin luther king who marched for all of us",
    )
    assert ("david", "Person") not in names
    assert ("martin luther", "Person") not in names
    assert ("martin luther king", "Person") in names


def test_listed_texts_and_ages_are_works_and_events(mentions):
    names = _names(
        mentions,
        "our parents lived through the great depression and the fifth amendment still "
        "protects us as it did when the industrial revolution changed this land",
    )
    assert ("great depression", "Event") in names
    assert ("fifth amendment", "Work") in names
    assert ("industrial revolution", "Event") in names
