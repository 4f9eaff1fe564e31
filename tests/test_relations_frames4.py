"""Noun frames and asides that tie a person to an organisation (``frames.py``, the
hiring verb and the comma-set relative clause of ``clauses.py``), on short texts written
for these tests. Each frame has sentences that must NOT yield the relation (a question,
a negation, a hypothetical, two organisations in view).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


# -- "Y, which was X's company": a person's company is the one they founded -----------
def test_a_persons_company_named_as_an_organisation_is_founded(typed):
    found = typed(
        "Host: Tell us about the early days.\n"
        "Mara Lind: I sold software to Halvorsen Robotics, which was Tomas Berg's company.\n"
        "Host: And later?\n"
        "Mara Lind: Back then Quentar Systems was Jonas Whitfield's company.\n"
    )
    assert ("Tomas Berg", "founded", "Halvorsen Robotics") in found
    assert ("Jonas Whitfield", "founded", "Quentar Systems") in found


def test_a_persons_company_denied_or_asked_is_not_founded(typed):
    found = typed(
        "Host: Was Quentar Systems Ada Pryce's company?\n"
        "Mara Lind: No, Halvorsen Robotics was never Tomas Berg's company.\n"
    )
    assert not {(s, o) for s, p, o in found if p == "founded"} & {
        ("Ada Pryce", "Quentar Systems"),
        ("Tomas Berg", "Halvorsen Robotics"),
    }


# -- an aside inside a supposition still states its fact --------------------------------
def test_a_comma_set_relative_clause_under_a_modal_is_asserted(typed):
    found = typed(
        "Host: Why did you leave?\n"
        "Mara Lind: So they'd be able to keep Halvorsen Robotics, which was Tomas Berg's "
        "company, afloat.\n"
    )
    assert ("Tomas Berg", "founded", "Halvorsen Robotics") in found


def test_a_supposed_company_without_an_aside_is_not_founded(typed):
    found = typed(
        "Host: Why did you leave?\n"
        "Mara Lind: If Halvorsen Robotics were Tomas Berg's company, I would have stayed.\n"
    )
    assert ("Tomas Berg", "founded", "Halvorsen Robotics") not in found


# -- "There was X, the CEO": a bare role beside a name, at the organisation in view -----
def test_a_bare_role_beside_a_name_is_a_job_at_the_organisation_in_view(typed):
    found = typed(
        "Host: Where were you then?\n"
        "Mara Lind: I spent six years at Quentar Systems. There was Tomas Berg, the CEO, "
        "and he was great.\n"
    )
    assert ("Tomas Berg", "worksFor", "Quentar Systems") in found


def test_a_bare_role_with_two_organisations_in_view_is_not_guessed(typed):
    found = typed(
        "Host: Where were you then?\n"
        "Mara Lind: I split my time between Quentar Systems and Halvorsen Robotics. "
        "There was Tomas Berg, the CEO, and he was great.\n"
    )
    assert not {(s, o) for s, p, o in found if s == "Tomas Berg" and p == "worksFor"}


# -- "I had hired a team at Y": who hires at an organisation works there ----------------
def test_hiring_at_an_organisation_is_working_there(typed):
    found = typed(
        "Host: What did you do first?\n"
        "Mara Lind: I had hired a team of engineers at Quentar Systems to build the product.\n"
    )
    assert ("Mara Lind", "worksFor", "Quentar Systems") in found


def test_hiring_supposed_or_denied_is_no_job(typed):
    found = typed(
        "Host: What did you do first?\n"
        "Mara Lind: I would have hired a team of engineers at Quentar Systems.\n"
        "Host: And Halvorsen?\n"
        "Mara Lind: I never hired anyone at Halvorsen Robotics.\n"
    )
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert not jobs & {("Mara Lind", "Quentar Systems"), ("Mara Lind", "Halvorsen Robotics")}
