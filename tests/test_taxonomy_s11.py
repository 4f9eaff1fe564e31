"""Copular definitions make the missing end a concept (kg.extract.relations.definitions):
"X is a kind of Y", "X is a Y", "X, which is a Y" with one end a concept already; a
negated, asked, past, deictic, vague or named end asserts no kind."""

from __future__ import annotations


def _broader(found) -> set[tuple[str, str]]:
    return {(s.lower(), o.lower()) for s, p, o in found if p == "broader"}


def test_a_kind_of_a_concept_makes_the_defined_term(typed):
    found = typed(
        "Host: What do you study?\nGuest: Mostly tone tracking. Tone tracking is a kind of "
        "speech recognition, and it runs on small chips.\n"
    )
    assert ("tone tracking", "speech recognition") in _broader(found), found


def test_a_run_on_unit_still_finds_the_subject_before_is(typed):
    found = typed(
        "host: and then\nguest: we moved to a new office a long time ago pitch tracking "
        "is a kind of speech recognition anyway\n"
    )
    assert ("pitch tracking", "speech recognition") in _broader(found), found


def test_evaluative_adjectives_are_left_out_of_the_kind(typed):
    found = typed(
        "Host: Why that method?\nGuest: Reinforcement learning is a great optimisation "
        "method for robots.\n"
    )
    assert ("reinforcement learning", "optimisation method") in _broader(found), found


def test_denied_asked_past_deictic_and_vague_definitions_assert_no_kind(typed):
    found = typed(
        "Host: Is tone tracking a kind of speech recognition?\nGuest: Reinforcement "
        "learning is not a kind of optimisation method. Reinforcement learning was a "
        "favourite control method back then. Imitation learning is no control method. "
        "This robot learning is a fancy control method. Reinforcement learning is a big problem. Reinforcement learning is a huge "
        "leap.\n"
    )
    assert not _broader(found), found


def test_a_named_subject_is_no_kind(typed):
    found = typed(
        "Host: And Google?\nGuest: Google is a kind of search engine company, and they sell ads.\n"
    )
    assert not any(s.lower() == "google" for s, _ in _broader(found)), found
