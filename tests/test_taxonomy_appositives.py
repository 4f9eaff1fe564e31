"""Kinds stated by apposition with a new term (kg.extract.appositives): "an X, a <mod>
<noun> ..." makes the kind a concept and X broader to it; bare nouns, lists and
questions do not."""

from __future__ import annotations


def _broader(found) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in found if p == "broader"}


def test_an_indefinite_appositive_with_a_modifier_is_a_new_kind(typed):
    found = typed(
        "Host: What did you use?\n"
        "Guest: We trained an LSTM, a gated sequence model that remembers context, on the "
        "logs.\n"
    )
    assert ("LSTM", "gated sequence model") in _broader(found), found


def test_a_bare_noun_a_list_or_a_question_makes_no_kind(typed):
    found = typed(
        "Host: What did you use?\n"
        "Guest: We trained an LSTM, a recipe that remembers context, on the logs. Then we "
        "tried a GRU, a gated sequence model and a transformer. Did you try a CNN, a "
        "convolutional vision model?\n"
    )
    assert not _broader(found), found
