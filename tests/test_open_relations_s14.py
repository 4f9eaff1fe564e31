"""Open relations through a name that classifies the verb's subject or object noun
(``relations/open.py``): "Quentar engineers met in Lisbon" is Quentar meeting in
Lisbon; a name inside a preposition's noun is not the clause's end ("a member of the
Quentar Labs board" is no member of Quentar Labs). On short texts written for these
tests.

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


def _pairs(found, subject):
    return {(p, o) for s, p, o, _ in found if s == subject}


def test_a_name_classifying_the_subject_noun_is_the_subject(open_rel):
    found = open_rel(
        "Host: Where was the summit?\n"
        "Rosa Diaz: In March the Quentar Labs engineers met in Lisbon to plan the launch.\n"
    )
    assert ("meet in", "Lisbon") in _pairs(found, "Quentar Labs"), found


def test_a_name_classifying_the_object_noun_is_the_object(open_rel):
    found = open_rel(
        "Host: And then?\nRosa Diaz: Helena Varga visited the Quentar Labs headquarters.\n"
    )
    assert ("visit", "Quentar Labs") in _pairs(found, "Helena Varga"), found


def test_no_edge_through_a_name_inside_a_prepositions_noun(open_rel):
    found = open_rel(
        "Host: And Tomas?\nRosa Diaz: Tomas Berg is a member of the Quentar Labs board.\n"
    )
    assert not {t for t in found if "Quentar Labs" in (t[0], t[2])}, found
