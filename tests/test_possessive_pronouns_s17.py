"""A possessive pronoun the tagger reads as a noun stands for a thing said before and
names none: "mine is a very fun memory" makes no concept "mine" and no kind of memory.

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
