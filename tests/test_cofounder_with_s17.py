"""The partner a founding is shared with founded it too: "I co-founded Luma Labs with my
co-founder Petra Holm"; and "Later Luma Labs grew" names Luma Labs, the sentence's
adverb no part of it. Someone one merely worked with after founding, or a partner of
a company one joined, founded nothing.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_GUEST = [{"name": "Tomas Berg", "role": "guest"}]
_OPENING = (
    "Thanks for having me on the show today, it is great to be here and to talk about my career. "
)


def _founders(typed, line: str) -> set[tuple[str, str]]:
    facts = typed(_OPENING + line + "\n", speakers=_GUEST)
    return {(s, o) for s, p, o in facts if p == "founded"}


def test_the_cofounder_named_with_the_founding(typed):
    found = _founders(
        typed, "I co-founded Luma Labs with my co-founder Petra Holm in 2015. Later Luma Labs grew."
    )
    assert {("Tomas Berg", "Luma Labs"), ("Petra Holm", "Luma Labs")} <= found


def test_a_partner_of_a_firm_one_joined_founded_nothing(typed):
    found = _founders(typed, "I joined Luma Labs with my partner Petra Holm in 2015.")
    assert ("Petra Holm", "Luma Labs") not in found


def test_a_sentence_adverb_is_no_part_of_the_name_after_it(mentions):
    text = _OPENING + "I co-founded Luma Labs in 2015. Later Luma Labs grew a lot.\n"
    names = {m.surface for m in mentions(text) if m.type == "Organization"}
    assert "Luma Labs" in names and "Later Luma Labs" not in names
