"""Head-term taxonomy (kg.extract.headterms): a modified field of study is a subfield of
the field the transcript also names; other head nouns are left alone."""

from __future__ import annotations

TEXT = (
    "Host: How did you come to virology?\n"
    "Guest: I studied virology in Lyon. Then I moved into molecular virology, because "
    "molecular virology asked the questions I liked. Virology as a whole was changing.\n"
    "Host: And the lab?\n"
    "Guest: We bought a confocal microscope for the lab. The microscope sat in the "
    "basement, and the confocal microscope needed a dark room. A microscope like that "
    "costs a lot.\n"
)


def test_a_modified_field_is_a_subfield_of_the_field(typed):
    found = typed(TEXT)
    broader = {(s.lower(), o.lower()) for s, p, o in found if p == "broader"}
    assert ("molecular virology", "virology") in broader, found


def test_a_modified_common_noun_is_no_kind_by_its_head_alone(typed):
    found = typed(TEXT)
    # "microscope" is a node, but a modified instrument may be that instrument said
    # another way: no broader from the head noun alone
    assert not {(s, o) for s, p, o in found if p == "broader" and "microscope" in o.lower()}
