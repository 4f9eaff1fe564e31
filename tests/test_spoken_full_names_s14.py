"""A given name of the nicknames table and a surname after it, in lowercase speech,
are a person's name ("kerry kennedy"), though the given name is a word or a place too;
a given name before a word of things ("ginger cookies") is not. Texts are written for
these tests."""

from __future__ import annotations

from kg.build import build
from kg.config import Settings
from kg.extract.truecase import truecase

SPEECH = (
    "my fellow citizens tonight i want to tell you about two people i met this year "
    "dottie marchetti runs a bakery in a small town with nine workers and she cannot "
    "afford insurance for any of them and rusty okonkwo drives a truck for a living and "
    "he has not seen a doctor in six years because he cannot pay for it we owe them "
    "better than that and we owe it to every family that works hard and plays by the "
    "rules some people put their savings into penny stocks and ginger cookies and lose "
    "it all and that "
    "is their choice but no one should lose a home because a child got sick\n"
)


def test_a_given_name_and_a_surname_are_capitalised_in_lowercase_speech():
    cased = truecase(SPEECH, frozenset())
    assert "Dottie Marchetti" in cased
    assert "Rusty Okonkwo" in cased
    assert "penny stocks" in cased  # a word of things after it: no surname
    assert "ginger cookies" in cased


def test_a_person_named_once_in_lowercase_speech_is_found(tmp_path):
    (tmp_path / "address.txt").write_text(SPEECH, encoding="utf-8")
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    people = {e.label.lower() for e in graph.entities if e.type == "Person"}
    assert "dottie marchetti" in people
    assert "rusty okonkwo" in people
