"""Words a third person is reported to have said are theirs: in "he said, I'm going to
increase the block size" the "I" is not the speaker, and nothing is asserted of the
speaker; the speaker's own "I said, I built X" still is theirs.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def test_reported_first_person_is_not_the_speaker(open_rel):
    found = open_rel(
        "Host: How did it start?\n"
        "Tadge Dryja: I remember going to lunch with Gavin Anderson And he said, I'm going "
        "to increase the block size.\n"
    )
    assert not {(s, p) for s, p, o, _ in found if s == "Tadge Dryja" and "increase" in p}, found
