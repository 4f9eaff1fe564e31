"""After "by", a person "of" an organisation is the person's own tie ("joined today by
Maximilian Becht of Kosmovision"); "at" there still tells where something was done
("founded by Dana Cole at Stanford" says nothing of where Dana Cole works).

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def test_by_x_of_y_is_x_at_y(typed):
    found = typed(
        "Adam Wiggins: Hello and welcome to the show. And joined today by Maximilian "
        "Becht of Kosmovision.\nMaximilian Becht: Hi, Adam. Nice to meet you.\n"
    )
    assert ("Maximilian Becht", "worksFor", "Kosmovision") in found


def test_by_x_at_y_is_where_it_was_done(typed):
    found = typed(
        "Host: So who started it?\nGuest: It was founded by Dana Cole at Stanford, in a basement.\n"
    )
    assert not {(s, o) for s, p, o in found if s == "Dana Cole" and o == "Stanford"}
