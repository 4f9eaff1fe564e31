"""Precision of relations, from judging every typed edge of the builds of unseen text
(``tests/data/judged_unseen*``):

* a name that only classifies what was made is not what was made: "published a
  YouTube video" made no YouTube (neither ``created`` nor an open "publish" edge);
* "we" + "at" an organisation is a job only where "at" says where one is, not what
  one looks or aims at or is good at ("we're looking at OpenAI").

Extraction runs on the real spaCy model (no build); texts are invented.
"""

from __future__ import annotations


def test_a_name_classifying_what_was_made_is_not_made(typed, open_rel):
    text = (
        "Host: So what happened?\n"
        "Guest: In November Romano published a very good YouTube video, I love the title.\n"
    )
    assert not {(s, o) for s, p, o in typed(text) if o == "YouTube"}
    assert not {(s, p, o) for s, p, o, _ in open_rel(text) if o == "YouTube"}


def test_looking_or_laughing_at_an_organisation_is_no_job(typed):
    found = typed(
        "Host: What are you doing these days?\n"
        "Guest: We're looking at OpenAI and laughing at Google. We are good at Microsoft stuff.\n"
    )
    assert not {o for s, p, o in found if p == "worksFor"}, found


def test_we_at_an_organisation_is_still_a_job(typed):
    found = typed("Host: Where are you now?\nGuest: We work at Anthropic these days.\n")
    assert ("Guest (t)", "worksFor", "Anthropic") in found
