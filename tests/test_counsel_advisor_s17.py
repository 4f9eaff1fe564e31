"""An advisor is a teacher only as one's PhD, thesis or plain advisor: "my chief science
advisor, John Holdren" or "my financial advisor" counsels; nobody studied under them.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_SPEAKER = [{"name": "Mara Quinn", "role": "speaker"}]
_OPENING = "Thank you all for being here today at the center. "


def _studied(typed, line: str) -> set[str]:
    facts = typed(_OPENING + line + "\n", speakers=_SPEAKER)
    return {o for s, p, o in facts if p == "studiedUnder"}


def test_a_counsellor_taught_nobody(typed):
    assert not _studied(
        typed, "I want to thank my chief science advisor, John Holdren, who is here."
    )
    speech = (
        "thank you all for being here today it is an honor in other words my chief "
        "science advisor john holdren is here and i want to thank all of you\n"
    )
    assert not {f for f in typed(speech, speakers=_SPEAKER) if f[1] == "studiedUnder"}


def test_a_phd_advisor_and_a_plain_advisor_taught(typed):
    line = "I thank my advisor, Lang Tong, and my PhD advisor, Geoffrey Hinton."
    assert {"Lang Tong", "Geoffrey Hinton"} <= _studied(typed, line)
