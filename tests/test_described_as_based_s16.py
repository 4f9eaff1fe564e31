"""What a made thing is said to be may carry what it is made on: "X was a deep learning
library built on top of Y", "X, a small library built on Y" state X basedOn Y; a
denied copula states nothing.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_TALK = "Host: Tell me about it.\nMara Lind: {line} People loved Keras.\n"


def _based(typed, line: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in typed(_TALK.format(line=line)) if p == "basedOn"}


def test_the_noun_a_thing_is_said_to_be_carries_its_base(typed):
    line = "Keras was a small deep learning library built on top of TensorFlow."
    assert ("Keras", "TensorFlow") in _based(typed, line)
    line = "We loved Keras, a small library built on TensorFlow."
    assert ("Keras", "TensorFlow") in _based(typed, line)


def test_a_denied_description_states_no_base(typed):
    assert not _based(typed, "Keras was not a library based on TensorFlow.")
