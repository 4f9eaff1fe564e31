"""One role set beside a name is that person's, not the person's listed with them: "A,
CEO of X and Y, and also B, CEO of Z" gives A at X and Y, B at Z, never B at Y or A
at Z (the parse lists A and B together). A plural role ("A and B, the chief executives
of C and D") still pairs in order.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def test_a_role_beside_one_of_two_listed_people_is_that_persons(typed):
    found = typed(
        "Host: It's a very special episode today with Jack Dorsey, CEO of Twitter and "
        "Square, and also Elizabeth Stark, CEO of Lightning Labs.\n"
        "Guest: Thanks for having us.\n"
    )
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert ("Elizabeth Stark", "Lightning Labs") in jobs
    assert ("Jack Dorsey", "Twitter") in jobs
    assert ("Elizabeth Stark", "Square") not in jobs
    assert ("Jack Dorsey", "Lightning Labs") not in jobs
