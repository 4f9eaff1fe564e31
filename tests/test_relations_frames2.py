"""Typed relations of creation, taxonomy, part-of and derivation read from the parse,
on short texts written for these tests (no wording from the seeds, the held-out
transcripts or the dialogues). Each frame has sentences that must NOT yield the
relation (a pronoun with two candidates, a question, a negation, a hypothetical).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


# -- "they" for the one organisation just named ------------------------------------------
def test_they_after_one_organisation_is_that_organisation(typed):
    found = typed(
        "Host: And after that?\nGuest: I did an ad for Microsoft after they bought LinkedIn.\n"
    )
    assert ("LinkedIn", "partOf", "Microsoft") in found


def test_they_after_two_organisations_or_a_person_is_no_one(typed):
    found = typed(
        "Host: And after that?\n"
        "Guest: Oracle and Sun talked for months, then they bought Acme Labs.\n"
        "Host: Really?\n"
        "Guest: I met Dana Whitfield at Google, and they bought Nest Labs.\n"
        "Host: And?\n"
        "Guest: I did an ad for Microsoft Office, but they never bought Slack.\n"
        "Host: Why not?\n"
        "Guest: I wrote ads for Microsoft Office. If they bought Salesforce, I would quit.\n"
    )
    assert not {t for t in found if t[1] == "partOf"}
