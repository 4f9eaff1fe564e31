"""Noun frames that tie a person to an organisation (``frames.py``) and the comma-set
relative clause that states its fact under a modal (``clauses.non_asserting``), on short
texts written for these tests. Each frame has sentences that must NOT yield the relation
(a question, a negation, a hypothetical, two organisations in view).

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


# -- "put money in as an investor": investedIn, in the organisation named or in view ----
def test_money_put_in_as_an_investor_is_invested(typed):
    found = typed(
        "Host: What came next?\n"
        "Mara Lind: So I joined the board over at Quentar Systems and put a little money "
        "as an investor.\n"
        "Host: And Tomas?\n"
        "Mara Lind: Tomas Berg came in as an investor in Halvorsen Robotics last year.\n"
    )
    assert ("Mara Lind", "investedIn", "Quentar Systems") in found
    assert ("Tomas Berg", "investedIn", "Halvorsen Robotics") in found


def test_investor_denied_supposed_or_with_two_organisations_in_view_is_not_invested(typed):
    found = typed(
        "Host: What came next?\n"
        "Mara Lind: I never came in as an investor at Quentar Systems.\n"
        "Host: And Halvorsen?\n"
        "Mara Lind: I'd love to come in as an investor in Halvorsen Robotics.\n"
        "Host: And then?\n"
        "Mara Lind: I left Brightline Labs for Orbis Systems and put money in as an investor.\n"
    )
    invested = {o for s, p, o in found if s == "Mara Lind" and p == "investedIn"}
    assert not invested & {"Quentar Systems", "Halvorsen Robotics", "Brightline Labs"}
    assert "Orbis Systems" not in invested


# -- "Y, X over there built ...": a person "there" works at the organisation in view ----
def test_a_person_over_there_works_at_the_organisation_in_view(typed):
    found = typed(
        "Host: Who impressed you?\n"
        "Mara Lind: Look at Quentar Systems, Tomas Berg over there built an incredible "
        "company.\n"
    )
    assert ("Tomas Berg", "worksFor", "Quentar Systems") in found


def test_meeting_a_person_there_or_two_organisations_in_view_is_no_job(typed):
    found = typed(
        "Host: Who impressed you?\n"
        "Mara Lind: I went to the Quentar Systems conference and met Tomas Berg there.\n"
        "Host: And later?\n"
        "Mara Lind: I split time between Brightline Labs and Halvorsen Robotics, and Ada "
        "Pryce over there built a great team.\n"
    )
    jobs = {(s, o) for s, p, o in found if p == "worksFor"}
    assert ("Tomas Berg", "Quentar Systems") not in jobs
    assert not {o for s, o in jobs if s == "Ada Pryce"}
