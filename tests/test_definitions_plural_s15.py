"""A kind said in the plural: "morphine and nicotine are also alkaloids" states that each
subject is of the kind ("broader"), as "caffeine is an alkaloid" does, also when the
small model tags the plural kind as an adjective. Never from a question, a negation, a
deictic subject ("these drugs") or a word said again.

Extraction runs on the real spaCy model, one transcript at a time (no build); the
texts are invented for these tests.
"""

from __future__ import annotations

#: a talk in which caffeine, morphine and alkaloids are concepts (said and defined)
_TALK = (
    "Host: Caffeine is an alkaloid, a plant alkaloid in coffee. Morphine came up before, "
    "morphine in hospitals.\n"
    "Guest: Right, and alkaloids act on the brain. {line}\n"
    "Host: Morphine is strong, morphine is addictive. Alkaloids are bitter.\n"
)


def _broader(typed, line: str) -> set[tuple[str, str]]:
    return {(s.lower(), o.lower()) for s, p, o in typed(_TALK.format(line=line)) if p == "broader"}


def test_coordinated_subjects_of_a_plural_kind_are_each_of_it(typed):
    found = _broader(typed, "Well, morphine and nicotine are also alkaloids.")
    assert ("morphine", "alkaloids") in found
    assert ("nicotine", "alkaloids") in found


def test_a_plural_kind_is_no_definition_when_asked_denied_or_pointed_at(typed):
    for line in (
        "Are morphine and nicotine also alkaloids?",
        "Well, morphine and nicotine are not alkaloids.",
        "Well, these drugs are alkaloids.",
    ):
        found = _broader(typed, line)
        assert not {s for s, _ in found} & {"morphine", "nicotine", "drugs", "these drugs"}, line


def test_a_word_said_again_is_no_kind_of_itself(typed):
    found = _broader(
        typed, "So bacteria and viruses are pathogens. Pathogens are everywhere, pathogens."
    )
    assert ("bacteria", "pathogens") in found
    assert all(s.rstrip("s") != o.rstrip("s") for s, o in found), found


def test_a_listed_subject_new_to_the_talk_is_of_the_kind_too(typed):
    # only "nicotine" is a term before the line (said and defined); "codeine" is new, and
    # the kind "alkaloids" is made by the pair of the subject listed second
    talk = (
        "Host: Nicotine is a stimulant, and nicotine is in tobacco.\n"
        "Guest: Right. And codeine and nicotine are also alkaloids. Tobacco is old.\n"
    )
    found = {(s.lower(), o.lower()) for s, p, o in typed(talk) if p == "broader"}
    assert ("nicotine", "alkaloids") in found
    assert ("codeine", "alkaloids") in found
