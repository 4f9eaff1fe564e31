"""Typed relations said in speech (round 10): the employer one "had", the name of
one's company, the school one went to, a project one started (made, not founded), a
product made "a" copy of, and "at Y" after "to X" (where a thing was said or done).
Each frame has sentences that must NOT yield it.

Extraction runs on the real spaCy model, one transcript at a time (no build); all
names are invented for these tests.
"""

from __future__ import annotations

ME = "Mara Lind"


def _said(*lines: str) -> str:
    """A two-speaker transcript: the host asks, Mara Lind says each line in turn."""
    return "".join(f"Host: And then?\n{ME}: {line}\n" for line in lines)


# -- "I had an employer, X" -----------------------------------------------------------
def test_an_employer_one_had_is_a_job(typed):
    found = typed(_said("I had an employer, Orbis Labs at the time, and I liked it."))
    assert (ME, "worksFor", "Orbis Labs") in found


def test_an_employer_one_never_had_is_no_job(typed):
    found = typed(_said("I never had an employer, Orbis Labs or any other."))
    assert (ME, "worksFor", "Orbis Labs") not in found


# -- "the name of my company was X" ---------------------------------------------------
def test_the_name_of_my_company_is_my_employer(typed):
    found = typed(_said("The name of my company in Sweden was Brightline Labs."))
    assert (ME, "worksFor", "Brightline Labs") in found


def test_the_name_of_my_favourite_company_is_no_employer(typed):
    found = typed(
        _said(
            "The name of my favorite company was Brightline Labs.",
            "The name of my company was not Quentar Systems.",
        )
    )
    assert (ME, "worksFor", "Brightline Labs") not in found
    assert (ME, "worksFor", "Quentar Systems") not in found


# -- "I went to X High School" --------------------------------------------------------
def test_went_to_a_school_is_an_affiliation(typed):
    found = typed(_said("I went to Hollis High School in Boston, a long time ago."))
    assert (ME, "affiliatedWith", "Hollis High School") in found


def test_went_to_a_school_for_a_visit_or_a_firm_is_no_affiliation(typed):
    found = typed(
        _said(
            "I went to Hollis High School to give a talk.",
            "Yesterday I went to Hollis College for a meeting.",
            "I went to Orbis Labs in Boston.",
        )
    )
    assert (ME, "affiliatedWith", "Hollis High School") not in found
    assert (ME, "affiliatedWith", "Hollis College") not in found
    assert (ME, "affiliatedWith", "Orbis Labs") not in found


# -- "started a project called X": made, not founded ----------------------------------
def test_a_project_started_is_no_founding(typed):
    found = typed(_said("Jane Doe started a project actually called Quentar Systems, to help."))
    assert ("Jane Doe", "founded", "Quentar Systems") not in found


def test_a_company_started_is_still_a_founding(typed):
    found = typed(
        _said(
            "Jane Doe started a company called Quentar Systems.",
            "Tom Berger founded a charity called Brightline Labs.",
        )
    )
    assert ("Jane Doe", "founded", "Quentar Systems") in found
    assert ("Tom Berger", "founded", "Brightline Labs") in found


# -- "to make a Lumen": one copy of a product, not its making -------------------------
def test_making_a_copy_of_a_product_is_no_creation(typed):
    found = typed(
        _said(
            "Lumen is a game by Jane Doe. I loved the Lumen game.",
            "And when I create the pipe to make a Lumen, my play field goes from ten to nine.",
            "And when Tom Berger used the tools to make a Lumen, it was slow.",
        )
    )
    assert (ME, "created", "Lumen") not in found
    assert ("Tom Berger", "created", "Lumen") not in found


def test_making_the_product_itself_is_still_creation(typed):
    found = typed(
        _said(
            "Lumen is a game by Jane Doe. I loved the Lumen game.",
            "And when Tom Berger used the tools to make Lumen, it was slow.",
        )
    )
    assert ("Tom Berger", "created", "Lumen") in found


# -- "to X at Y": where a thing was said or done, not where X works -------------------
def test_at_after_to_someone_is_where_it_was_done(typed):
    found = typed(
        _said(
            "Jane Doe works at Quentar Systems, a software company.",
            "And no other game does that to you at the Quentar Systems.",
            "I gave the demo to Tom Berger at Quentar Systems.",
        )
    )
    employees = {s for s, p, o in found if o == "Quentar Systems" and p == "worksFor"}
    assert employees == {"Jane Doe"}


def test_someone_at_an_organisation_is_still_there(typed):
    found = typed(_said("I talked with Jane Doe at Orbis Labs about it."))
    assert ("Jane Doe", "worksFor", "Orbis Labs") in found


# -- "the founder of A, as well as B" ---------------------------------------------------
def test_as_well_as_lists_a_second_organisation(typed):
    found = typed(
        _said("Jane Doe is the founder of Brightline Labs, as well as the Quentar Systems.")
    )
    assert ("Jane Doe", "founded", "Brightline Labs") in found
    assert ("Jane Doe", "founded", "Quentar Systems") in found


def test_as_well_as_a_person_is_no_founded_organisation(typed):
    found = typed(_said("Jane Doe is the founder of Brightline Labs, as well as Tom Berger."))
    assert ("Jane Doe", "founded", "Tom Berger") not in found


# -- "the founder of the X project" ---------------------------------------------------
def test_founder_of_a_named_project_founded_it(typed):
    text = (
        "Host: So we are here with Jane Doe, who is the founder of the Brightline Labs "
        "project, here to talk.\nJane Doe: Thanks.\n"
    )
    assert ("Jane Doe", "founded", "Brightline Labs") in typed(text)


def test_member_of_a_named_project_is_no_job_there(typed):
    found = typed(_said("Tom Berger is a member of the Quentar Systems project."))
    assert ("Tom Berger", "worksFor", "Quentar Systems") not in found


# -- "X is a fork of Y", "X, which is a Y clone", "predecessor to" ---------------------
def test_a_copy_of_a_product_is_based_on_it(typed):
    found = typed(
        _said(
            "Neovim is a fork of Vim.",
            "I use Keras, which is a Theano clone, every day.",
            "Caffe was the predecessor to PyTorch.",
            "JAX is the successor of NumPy, I think.",
        )
    )
    assert ("Neovim", "basedOn", "Vim") in found
    assert ("Keras", "basedOn", "Theano") in found
    assert ("PyTorch", "basedOn", "Caffe") in found
    assert ("JAX", "basedOn", "NumPy") in found


def test_a_copy_denied_or_of_a_person_is_no_derivation(typed):
    found = typed(
        _said(
            "Neovim is not a fork of Emacs.",
            "Jane Doe is a clone of Tom Berger.",
            "Windows 95 was the predecessor to Windows 98.",
        )
    )
    assert not {(s, o) for s, p, o in found if p == "basedOn"} - {("Neovim", "Vim")}


# -- "we ... for X": a job only when "for" follows the verb ------------------------------
def test_we_work_for_an_organisation_is_the_speakers_job(typed):
    found = typed(_said("We still work for Quentar Systems, all of us."))
    assert (ME, "worksFor", "Quentar Systems") in found


def test_we_built_something_for_an_organisation_is_no_job(typed):
    found = typed(_said("Well, we were still using that as a build system for Quentar Systems."))
    assert (ME, "worksFor", "Quentar Systems") not in found


# -- "X was a joint venture between A and B": the owners invested ------------------------
def test_a_company_between_two_owners_is_their_investment(typed):
    found = typed(
        _said(
            "Quentar Systems at that time was a 50/50 company between Brightline Labs, and Orbis Labs."
        )
    )
    assert ("Brightline Labs", "investedIn", "Quentar Systems") in found
    assert ("Orbis Labs", "investedIn", "Quentar Systems") in found


def test_a_company_between_places_or_denied_has_no_owners(typed):
    found = typed(
        _said(
            "Quentar Systems is not a joint venture between Jane Doe and Orbis Labs.",
            "Quentar Systems is a software company between Boston and New York.",
        )
    )
    assert not {(s, o) for s, p, o in found if p == "investedIn"}


def test_my_company_in_a_place_is_located_there(typed):
    found = typed(_said("The name of my company in Sweden was Brightline Labs."))
    assert ("Brightline Labs", "locatedIn", "Sweden") in found


def test_my_favourite_company_is_no_job_but_is_still_in_its_place(typed):
    found = typed(_said("The name of my favorite company in Sweden was Brightline Labs."))
    assert (ME, "worksFor", "Brightline Labs") not in found
    # a favourite company in Sweden is in Sweden all the same (placement.py)
    assert ("Brightline Labs", "locatedIn", "Sweden") in found


# -- "there": the one organisation said as a place one is at ----------------------------
def test_there_is_the_organisation_said_after_at_in_the_same_unit(typed):
    found = typed(
        _said(
            "We met at Brightline Labs and talked about Orbis Labs, and Jane Doe was working there."
        )
    )
    assert ("Jane Doe", "worksFor", "Brightline Labs") in found
    assert ("Jane Doe", "worksFor", "Orbis Labs") not in found


def test_there_is_the_organisation_said_after_at_in_the_unit_before(typed):
    text = (
        "Gregory Hale: Yeah. And I was coming up the stairwell at Brightline Labs, in "
        "Building 50, back where Tom Berger -- I don't know if you ever followed Quentar "
        "Systems, but Tom Berger was working there... Anyway, coming up the stairs.\n"
    )
    found = typed(text)
    assert ("Tom Berger", "worksFor", "Brightline Labs") in found
    assert ("Tom Berger", "worksFor", "Quentar Systems") not in found


def test_there_with_two_organisations_at_is_never_guessed(typed):
    found = typed(
        _said(
            "We stopped at Brightline Labs in May and at Orbis Labs in June, "
            "and Jane Doe was working there."
        )
    )
    assert not {o for s, p, o in found if s == "Jane Doe" and p == "worksFor"}
