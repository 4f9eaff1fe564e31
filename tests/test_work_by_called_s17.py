"""A work introduced with its maker and its name in one phrase: "a paper from
AlgorithmWatch called Paper Tigers", "a new book by Nora Lind called Deep Habits". The
kind noun the naming verb hangs on says the name is a work, however far before it
stands; its maker after "from" or "by" created it. A work merely liked made nothing.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_OPENING = "Welcome to the show, we have two guests with us today to talk about reading. "


def test_a_work_named_after_its_maker(typed, mentions):
    text = _OPENING + "There is a really wonderful paper from AlgorithmWatch called Paper Tigers.\n"
    assert ("Paper Tigers", "Work") in {(m.surface, m.type) for m in mentions(text)}
    assert ("AlgorithmWatch", "created", "Paper Tigers") in typed(text)


def test_a_book_by_a_person_called_its_name(typed):
    text = _OPENING + "There is also a new book by Nora Lind called Deep Habits.\n"
    assert ("Nora Lind", "created", "Deep Habits") in typed(text)


def test_a_favourite_work_of_someone_is_not_theirs(typed):
    text = _OPENING + "My favorite paper, which Nora Lind loves, is called Paper Tigers.\n"
    assert not {f for f in typed(text) if f[1] == "created"}


def test_a_work_one_wrote_titled_its_name(typed):
    speakers = [{"name": "Rene Vogel", "role": "guest"}]
    text = _OPENING + "I also wrote a book titled Lightning Basics, and it sold well.\n"
    assert ("Rene Vogel", "created", "Lightning Basics") in typed(text, speakers=speakers)
