"""Jobs and made things as guests say them: "I was interning at X" (a verb the small
model reads as an adjective), "I started many years ago at X", "I was leading AI ethics
for X", and a verb that shares the object of the verb after "and" ("I wrote and signed
the Clean Air Act"). Reading and liking a book makes nothing; a race starts nowhere's
job.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_GUEST = [{"name": "Dana Whitfield", "role": "guest"}]
_OPENING = "Thank you all for having me on the show today. "


def _facts(typed, line: str) -> set[tuple[str, str, str]]:
    return typed(_OPENING + line + "\n", speakers=_GUEST)


def test_interning_at_a_company_is_a_job(typed):
    assert ("Dana Whitfield", "worksFor", "Google") in _facts(
        typed, "I was interning at Google at the time."
    )


def test_where_ones_working_life_started(typed):
    assert ("Dana Whitfield", "worksFor", "Siemens") in _facts(
        typed, "I started many years ago at Siemens."
    )


def test_what_one_leads_for_an_organisation(typed):
    assert ("Dana Whitfield", "worksFor", "Lockheed Martin") in _facts(
        typed, "I was leading AI ethics for Lockheed Martin for a while."
    )


def test_two_verbs_share_the_object_said_after_both(typed):
    assert ("Dana Whitfield", "created", "Clean Air Act") in _facts(
        typed, "That is why I wrote and signed the Clean Air Act."
    )


def test_reading_a_book_or_a_race_starting_makes_no_fact(typed):
    facts = _facts(typed, "I read and liked Deep Habits. The race started at Google.")
    assert not {f for f in facts if f[1] in ("created", "worksFor")}
