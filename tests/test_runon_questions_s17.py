"""A question run on inside a longer unit of unpunctuated speech asserts nothing ("...
and sequoia invested in orbitech did you ever work at google no i never ..."): its
auxiliary comes before its subject, with no "?" to end it. A statement that inverts
after a negative adverb is denied ("Never have I worked at Siemens"); one that inverts
after "so" or "only" is no question. (A unit of unpunctuated speech never ends on "if"; a
reason given inside a supposition is still claimed: the seeds' relation floor in
tests/test_quality.py guards that, "because lstms are recurrent neural networks".)

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_GUEST = [{"name": "Tomas Berg", "role": "guest"}]


def _jobs(typed, text: str) -> set[str]:
    return {o for s, p, o in typed(text, speakers=_GUEST) if p == "worksFor"}


def test_a_question_run_on_in_lowercase_speech_asserts_nothing(typed):
    text = (
        "thanks for having me it is great to be here i joined microsoft in 2010 where i was a "
        "research scientist and sequoia invested in orbitech did you ever work at google "
        "no i never worked at google if i had joined google i would have stayed there\n"
    )
    jobs = {o.lower() for o in _jobs(typed, text)}
    assert "google" not in jobs
    assert "microsoft" in jobs


def test_a_statement_denied_by_a_fronted_never(typed):
    text = (
        "Thanks for having me on the show today. Never have I worked at Siemens. "
        "I worked at Nokia for years.\n"
    )
    jobs = _jobs(typed, text)
    assert "Siemens" not in jobs and "Nokia" in jobs
