"""First-person frames of a career said in conversation (``clauses._rule`` and
``frames.personal_tie``): leaving, moving to, being hired by, being with an
organisation; "X mentored me"; "X was my advisor", "I was X's student"; "X, my
employer", "my startup X", "my team at X"; "an advisor to X". Each frame has sentences
that must NOT yield it (a question, a negation, a hypothetical, hearsay, an "I" no
speaker label grounds).

Extraction runs on the real spaCy model, one transcript at a time (no build); all
names are invented for these tests.
"""

from __future__ import annotations

ME = "Mara Lind"


def _said(*lines: str) -> str:
    """A two-speaker transcript: the host asks, Mara Lind says each line in turn."""
    return "".join(f"Host: And then?\n{ME}: {line}\n" for line in lines)


def _mine(found, predicate: str) -> set[str]:
    return {o for s, p, o in found if s == ME and p == predicate}


# -- "I left X", "I moved to X": one worked where one left or moved to ----------------
def test_leaving_or_moving_to_an_organisation_is_working_there(typed, tenses):
    text = _said(
        "I left Quentar Systems in 2019.",
        "Then I moved to Orbis Systems with my whole team.",
        "I left Halvorsen Robotics for Brightline Labs.",
    )
    found = typed(text)
    assert {"Quentar Systems", "Orbis Systems", "Halvorsen Robotics"} <= _mine(found, "worksFor")
    assert tenses(text)[(ME, "worksFor", "Quentar Systems")] == "past"


def test_leaving_or_moving_asked_denied_supposed_or_reported_is_not_working(typed):
    found = typed(
        _said(
            "Did I leave Quentar Systems?",
            "I never left Halvorsen Robotics.",
            "If I moved to Orbis Systems, I would regret it.",
            "People say I left Brightline Labs.",
        )
        + "Host: And Sol?\nSol: I moved to Varda Analytics.\n"
    )
    assert not _mine(found, "worksFor") & {
        "Quentar Systems",
        "Halvorsen Robotics",
        "Orbis Systems",
        "Brightline Labs",
    }
    assert ("I", "worksFor", "Varda Analytics") not in found


def test_a_place_left_is_no_employer(typed):
    found = typed(_said("I left Paris for good in 2010."))
    assert "Paris" not in _mine(found, "worksFor")


# -- "X hired me", "I was hired by X", "I hired a team at X" ---------------------------
def test_hired_by_or_hiring_at_an_organisation_is_working_there(typed, tenses):
    text = _said(
        "Quentar Systems hired me in 2015.",
        "Later I was hired by Orbis Systems.",
        "I had hired a team of engineers at Brightline Labs.",
    )
    found = typed(text)
    assert {"Quentar Systems", "Orbis Systems", "Brightline Labs"} <= _mine(found, "worksFor")
    assert tenses(text)[(ME, "worksFor", "Quentar Systems")] == "past"


def test_hiring_denied_asked_or_reported_is_not_working(typed):
    found = typed(
        _said(
            "Quentar Systems never hired me.",
            "Would Orbis Systems hire me?",
            "I heard that Brightline Labs hired me.",
        )
    )
    assert not _mine(found, "worksFor") & {"Quentar Systems", "Orbis Systems", "Brightline Labs"}


# -- "I was with X for a decade" -------------------------------------------------------
def test_being_with_an_organisation_is_working_there(typed):
    found = typed(_said("I was with Orbis Systems for a decade."))
    assert "Orbis Systems" in _mine(found, "worksFor")


def test_being_with_an_organisation_for_a_visit_or_in_a_question_is_not(typed):
    found = typed(
        _said(
            "I was with Orbis Systems yesterday for a demo.",
            "Was I with Quentar Systems then?",
        )
    )
    assert not _mine(found, "worksFor") & {"Orbis Systems", "Quentar Systems"}


# -- "X mentored me", "X was my advisor", "I was X's student" -------------------------
def test_a_mentor_or_advisor_named_with_a_copula_is_studied_under(typed, tenses):
    text = _said(
        "Tomas Berg mentored me for years.",
        "Ada Pryce was my PhD supervisor.",
        "My advisor at Uppsala University was Jonas Whitfield.",
        "I was Ingrid Halden's student.",
    )
    found = typed(text)
    assert {"Tomas Berg", "Ada Pryce", "Jonas Whitfield", "Ingrid Halden"} <= _mine(
        found, "studiedUnder"
    )
    assert tenses(text)[(ME, "studiedUnder", "Ada Pryce")] == "past"


def test_a_mentor_or_advisor_denied_asked_or_supposed_is_not_studied_under(typed):
    found = typed(
        _said(
            "Tomas Berg never mentored me.",
            "Was Ada Pryce my advisor?",
            "If Jonas Whitfield were my mentor, I'd be rich.",
            "Ingrid Halden was never my supervisor.",
        )
    )
    assert not _mine(found, "studiedUnder") & {
        "Tomas Berg",
        "Ada Pryce",
        "Jonas Whitfield",
        "Ingrid Halden",
    }


def test_an_unlabelled_i_is_nobodys_student(typed):
    found = typed("Tomas Berg mentored me for years. Ada Pryce was my advisor.\n")
    assert not {(s, o) for s, p, o in found if p == "studiedUnder"} & {
        ("me", "Tomas Berg"),
        ("my", "Ada Pryce"),
    }
    assert not any(p == "studiedUnder" for _, p, _ in found)


# -- "X, my employer", "my company X", "my startup X", "my team at X" ------------------
def test_my_employer_company_startup_or_team_ties_me_to_the_organisation(typed):
    found = typed(
        _said(
            "Orbis Systems, my employer, sells chips.",
            "My company, Halvorsen Robotics, makes drones.",
            "My startup, Quentar Systems, builds sensors.",
            "My team at Brightline Labs built the parser.",
        )
    )
    assert {"Orbis Systems", "Halvorsen Robotics", "Brightline Labs"} <= _mine(found, "worksFor")
    assert "Quentar Systems" in _mine(found, "founded")


def test_a_liked_supposed_or_asked_company_ties_me_to_nothing(typed):
    found = typed(
        _said(
            "Orbis Systems, my favorite company, sells chips.",
            "My startup would be Quentar Systems if I had the money.",
            "Is my employer Halvorsen Robotics?",
        )
    )
    assert not _mine(found, "worksFor") & {"Orbis Systems", "Halvorsen Robotics"}
    assert "Quentar Systems" not in _mine(found, "founded")


# -- "an advisor to X": affiliatedWith, not a job --------------------------------------
def test_an_advisor_to_an_organisation_is_affiliated(typed):
    found = typed(
        _said(
            "I'm an advisor to Quentar Systems these days.",
            "I was a consultant to Orbis Systems in 2010.",
        )
    )
    assert {"Quentar Systems", "Orbis Systems"} <= _mine(found, "affiliatedWith")
    assert not _mine(found, "worksFor") & {"Quentar Systems", "Orbis Systems"}


def test_an_advisor_to_an_organisation_denied_or_asked_is_not_affiliated(typed):
    found = typed(
        _said(
            "I'm not an advisor to Quentar Systems.",
            "Would I be a consultant to Orbis Systems?",
        )
    )
    assert not _mine(found, "affiliatedWith") & {"Quentar Systems", "Orbis Systems"}


# -- "I was one of the first engineers at X": one of a group is what the group is -----
def test_one_of_the_engineers_at_an_organisation_works_there(typed):
    found = typed(_said("I was one of the first engineers at Orbis Systems."))
    assert "Orbis Systems" in _mine(found, "worksFor")


def test_one_of_the_engineers_denied_asked_or_met_is_no_job(typed):
    found = typed(
        _said(
            "I wasn't one of the engineers at Orbis Systems.",
            "Was I one of the engineers at Quentar Systems?",
            "I met one of the engineers at Halvorsen Robotics.",
        )
    )
    assert not _mine(found, "worksFor") & {"Orbis Systems", "Quentar Systems", "Halvorsen Robotics"}


# -- "my own company X" is one's making; "I started my own company, X" says it already --
def test_my_own_company_is_founded_not_only_worked_for(typed):
    found = typed(
        _said(
            "My own company, Brightline Labs, makes drones.",
            "Then I started my own company, Quentar Systems.",
        )
    )
    assert {"Brightline Labs", "Quentar Systems"} <= _mine(found, "founded")
    assert "Quentar Systems" not in _mine(found, "worksFor")


# -- "I was on / led the team that built X": a member made what the team made ---------
def test_a_member_of_the_team_that_built_a_product_created_it(typed):
    found = typed(
        _said(
            "I was on the team that built Lumenware, a parser.",
            "Later I led the group that trained Kestrel, our speech model.",
        )
    )
    assert {"Lumenware", "Kestrel"} <= _mine(found, "created")


def test_a_team_met_denied_or_asked_about_gives_no_creation_and_no_other_tie(typed):
    found = typed(
        _said(
            "I met the team that built Lumenware, a parser.",
            "I wasn't on the team that trained Kestrel, our speech model.",
            "Was I on the group that built Quill, our note-taking app?",
            "I was on the team that left Orbis Systems.",
        )
    )
    assert not _mine(found, "created") & {"Lumenware", "Kestrel", "Quill"}
    assert "Orbis Systems" not in _mine(found, "worksFor")


# -- "I wrote the first version of X": one who made a version of X made X -------------
def test_writing_the_first_version_of_a_product_created_it(typed):
    found = typed(_said("I wrote the first version of Kestrel, our speech model."))
    assert "Kestrel" in _mine(found, "created")


def test_reading_or_supposing_a_version_of_a_product_is_not_creating_it(typed):
    found = typed(
        _said(
            "I read the first version of Kestrel, our speech model.",
            "I might write the first prototype of Quill, our note-taking app.",
        )
    )
    assert not _mine(found, "created") & {"Kestrel", "Quill"}
