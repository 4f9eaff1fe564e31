"""Kinds stated by naming examples (kg.extract.relations.hearst): "Ys such as X",
"Ys like X and Z", "Ys, especially X", "X and other Ys" make each listed example a
kind of its own plural noun; names, shell nouns, questions and hypotheticals do not."""

from __future__ import annotations


def _broader(found) -> set[tuple[str, str]]:
    return {(s.lower(), o.lower()) for s, p, o in found if p == "broader"}


def test_examples_after_such_as_are_kinds_of_the_plural_noun(typed):
    found = typed(
        "Host: What works?\nGuest: We used learning methods such as reinforcement learning "
        "and imitation learning for that.\n"
    )
    got = _broader(found)
    assert ("reinforcement learning", "learning methods") in got, found
    assert ("imitation learning", "learning methods") in got, found


def test_each_example_after_like_is_a_kind_of_its_own_noun(typed):
    found = typed(
        "Host: What works?\nGuest: Robot training recipes like imitation learning help.\n"
    )
    assert _broader(found) == {("imitation learning", "robot training recipes")}, found


def test_and_other_and_especially_name_the_kind(typed):
    found = typed(
        "Host: And robots?\nGuest: Reinforcement learning and other control methods are "
        "slow. Perception techniques, especially computer vision, are cheap now.\n"
    )
    got = _broader(found)
    assert ("reinforcement learning", "control methods") in got, found
    assert ("computer vision", "perception techniques") in got, found


def test_names_shell_nouns_questions_and_hypotheticals_make_no_kind(typed):
    found = typed(
        "Host: Would learning methods like reinforcement learning help?\nGuest: Companies "
        "like Google use reinforcement learning. Things like computer vision are neat. If "
        "we had used perception techniques like computer vision, it would have worked.\n"
    )
    assert not _broader(found), found


def test_one_of_the_kinds_is_the_example(typed):
    found = typed(
        "Host: What works?\nGuest: One of the learning methods we use is reinforcement "
        "learning. One of the problems is imitation learning. One of the vision tricks "
        "is not computer vision.\n"
    )
    assert _broader(found) == {("reinforcement learning", "learning methods")}, found
