"""A person who founds (establishes, pioneers) a field made it, as its founder did
("the founder of the discipline of X"): "helped to found the discipline of
computational ecology" gives created. Beginning to study something makes nothing.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_TALK = "Host: Tell me about Ada Lind.\nMara Lind: {line} She was brilliant, truly.\n"


def _created(typed, line: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in typed(_TALK.format(line=line)) if p == "created"}


def test_founding_a_field_is_creating_it(typed):
    found = _created(typed, "Ada Lind helped to found the discipline of computational ecology.")
    assert ("Ada Lind", "computational ecology") in found


def test_starting_to_study_a_thing_creates_nothing(typed):
    assert not _created(typed, "Ada Lind started the study of tide pools as a hobby.")
