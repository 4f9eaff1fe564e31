"""Names whose shape the filters refused:

* a surname's particles inside a person's name ("Walther von der Vogelweide",
  "Leonardo da Vinci"), which are lowercase in any casing;
* a name with a sign in it ("C++"), whose key reads the sign as the word said ("C plus
  plus"), and which wordfreq mistakes for the letter "c" in lowercase;
* in lowercase speech, a person WordNet knows by one sense only and by a name no
  list of given names or surnames holds ("putin", said more often than the one-word
  name limit allows), while a verb form with such a sense stays a word ("drew").

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

from kg.lexicon import name_key


def _names(mentions, text):
    return {(m.surface, m.type) for m in mentions(text) if m.type != "Concept"}


def test_particles_inside_a_persons_name(mentions):
    text = (
        "We read the songs of Walther von der Vogelweide in class. "
        "Later we looked at drawings by Leonardo da Vinci.\n"
    )
    found = _names(mentions, text)
    assert ("Walther von der Vogelweide", "Person") in found
    assert ("Leonardo da Vinci", "Person") in found


def test_a_plus_sign_is_read_as_the_word():
    assert name_key("C++") == name_key("C plus plus")
    assert name_key("C++") != name_key("C")
    assert name_key("Disney+") == name_key("Disney Plus")


def test_a_language_named_with_signs_in_any_casing(mentions):
    cased = _names(mentions, "We rewrote the compiler in C++ because it was too slow.\n")
    lower = _names(mentions, "we rewrote the compiler in c++ because it was too slow\n")
    assert ("C++", "Product") in cased
    assert ("c++", "Product") in lower


def test_a_one_sense_surname_in_lowercase_speech(mentions):
    text = (
        "inflation grew worse after putin invaded ukraine which sent food prices up "
        "and we have to stand against that aggression\n"
    )
    assert ("putin", "Person") in _names(mentions, text)


def test_a_verb_form_with_a_name_sense_stays_a_word(mentions):
    text = "he drew a picture of the house and then he drew another one for his sister\n"
    assert not {s for s, t in _names(mentions, text) if s == "drew"}
