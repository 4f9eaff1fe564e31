"""A law named by what it does, in lowercase speech: "the inflation reduction act",
"the chips and science act" are Works (a law is its text). One word before "act" is
as often a common noun's modifier ("the balancing act", "the final act").

Extraction runs on the real spaCy model (no build); the texts are invented and
lowercased, as auto-captions are.
"""

from __future__ import annotations

_SPEECH = (
    "thank you all it is good to be back here tonight {line} and we have a lot of "
    "work left to do together in the years ahead"
)


def _works(mentions, line: str) -> set[str]:
    return {m.surface for m in mentions(_SPEECH.format(line=line)) if m.type == "Work"}


def test_a_law_named_by_what_it_does_is_a_work(mentions):
    works = _works(mentions, "we passed the clean water act and the chips and science act")
    assert {"clean water act", "chips and science act"} <= works


def test_an_act_with_one_word_before_it_is_no_law(mentions):
    assert not _works(mentions, "it was quite the balancing act and the final act was long")
