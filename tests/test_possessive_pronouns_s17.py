"""A possessive pronoun the tagger reads as a noun stands for a thing said before and
names none: "mine is a very fun memory" makes no concept "mine" and no kind of memory. A
parenthesis describing a thing ("his coat of arms (a caged bird on one side)") is no kind
of it.

Extraction runs on the real spaCy model (no build); the text is invented.
"""

from __future__ import annotations

_TALK = (
    "Welcome back. We talked about memories for an hour with our guest. Yeah, I love it, "
    "mine is a very fun memory, too. Memory matters, and memory fades.\n"
)


def test_a_possessive_pronoun_is_no_concept(extract):
    result = extract(_TALK)
    assert "mine" not in {m.surface.lower() for m in result.mentions}
    assert not [r for r in result.relations if r.subject.surface.lower() == "mine"]


def test_a_parenthesis_describing_a_thing_is_no_kind_of_it(typed):
    text = (
        "Welcome back. The picture of the poet shows him sitting in an attitude of "
        "meditation, on a green hillock, beside him his sword and his coat of arms (a "
        "caged bird on one side and a lion on the other). Every knight had a coat of "
        "arms, and the coat of arms told his story. An LSTM, a recurrent neural network, "
        "is old.\n"
    )
    broader = {(s, o) for s, p, o in typed(text) if p == "broader"}
    assert not any("coat of arms" in s for s, _ in broader)
    assert ("LSTM", "recurrent neural network") in broader
