""" "One of our engineers, X" and "one of our team members, X" make X work where the
speaker's "we" does, as "our CEO X" already did; "one of my friends, X" does not.

Extraction runs on the real spaCy model (no build); the names are invented.
"""

from __future__ import annotations


def test_one_of_our_staff_works_where_we_do(typed):
    found = typed(
        "Host: Welcome back. Where do you work these days?\n"
        "Mara Lind: I work at Quentar Systems. We build payment tools. One of our team "
        "members, Alex Bosworth, wrote most of it. And one of our engineers, Mike Brock, "
        "tested it. One of my friends, Dana Cole, liked it.\n"
    )
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert ("Alex Bosworth", "Quentar Systems") in jobs
    assert ("Mike Brock", "Quentar Systems") in jobs
    assert ("Dana Cole", "Quentar Systems") not in jobs


def test_my_colleague_works_where_we_do(typed):
    found = typed(
        "Adam Wiggins: Hello and welcome. I work at Quentar Systems. I'm Adam Wiggins here "
        "today with my colleague Lennart Ziburski.\n"
        "Lennart Ziburski: Hello. My friend Dana Cole is here too.\n"
    )
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert ("Lennart Ziburski", "Quentar Systems") in jobs
    assert ("Dana Cole", "Quentar Systems") not in jobs
