"""A simile or a comparison names no kind: "the cells are like text formulas, more like
a typical programming language" makes nothing broader than anything; "X is a reaction
to Y" states a relation, not that X is a kind of reaction; "Ys like X" still names X as
a Y.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_TALK = (
    "Host: Today we talk about spreadsheets and programming languages. Programming "
    "languages are everywhere, and spreadsheets are everywhere too.\n"
    "Guest: {line}\n"
)


def _broader(typed, line: str) -> set[tuple[str, str]]:
    return {(s.lower(), o.lower()) for s, p, o in typed(_TALK.format(line=line)) if p == "broader"}


def test_a_simile_names_no_kind(typed):
    found = _broader(
        typed,
        "So the cells themselves are like texts formulas more like a typical programming language.",
    )
    assert not found, found


def test_a_reaction_to_something_is_no_kind_of_reaction(typed):
    found = _broader(typed, "A spreadsheet is a reaction to programming languages, really.")
    assert not {o for s, o in found if "reaction" in o}, found


def test_examples_after_like_still_name_a_kind(typed):
    found = _broader(typed, "We used programming languages like Python and Haskell for years.")
    assert {s for s, o in found if "programming language" in o} >= {"python", "haskell"}, found
