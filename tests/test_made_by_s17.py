"""Who made what, said the ways people say it: a work and its author side by side
("Deep Habits by Nora Lind", "Nora Lind's book Deep Habits", "a novel by ..."), what
someone came up with, and the laws a legislature passes. Owning a thing, being moved by
someone or passing a test makes nothing.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_TALK = (
    "Host: Welcome back to the show. Today we talk about books, ideas and the people "
    "behind them, and I hope you enjoy the conversation.\nMara Lind: {line} "
    "It stayed with me for years, truly.\n"
)


def _created(typed, line: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in typed(_TALK.format(line=line)) if p == "created"}


def test_a_work_by_its_author(typed):
    assert ("Nora Lind", "Deep Habits") in _created(typed, "I just read Deep Habits by Nora Lind.")


def test_a_work_named_after_its_makers_name_and_kind(typed):
    found = _created(typed, "I loved Nora Lind's book Deep Habits.")
    assert ("Nora Lind", "Deep Habits") in found


def test_what_someone_came_up_with(typed):
    found = _created(
        typed, "John McCarthy came up with garbage collection. Garbage collection is great."
    )
    assert ("John McCarthy", "garbage collection") in found


def test_a_legislature_makes_the_law_it_passes(typed):
    assert ("Congress", "Clean Air Act") in _created(typed, "Congress passed the Clean Air Act.")


def test_owning_a_thing_or_being_moved_by_someone_makes_nothing(typed):
    assert not _created(typed, "I was inspired by Nora Lind, and I loved Nora Lind's iPhone.")


def test_a_thing_read_near_a_name_by_time_or_place_makes_nothing(typed):
    assert not _created(typed, "I read Deep Habits by the river with Nora Lind in Lyon.")


def test_a_shows_host_made_it(typed):
    found = _created(typed, "We have with us Nora Lind, who is host of the Tidewater Podcast.")
    assert ("Nora Lind", "Tidewater Podcast") in found


def test_hosting_an_event_or_a_dinner_makes_no_work(typed):
    assert not _created(typed, "Nora Lind was the host of the Olympics dinner in Paris.")
