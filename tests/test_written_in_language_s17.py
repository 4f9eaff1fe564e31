"""What code is written in is a language, a Product, whatever NER calls it ("I wrote my
first compiler in Pascal", "we rewrote the parser in Zig"); a town one writes a book in
stays a place. A name ending in "Regulation" or "Amendment" is a text, as one ending in
"Act" or "Treaty" is.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_OPENING = (
    "Welcome back to the show. Today I am talking with Tom Baker about his career in "
    "software. We talked about many things, and I hope you enjoy the conversation. "
)


def _types(mentions, line: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mentions(_OPENING + line + "\n"):
        out.setdefault(m.surface, set()).add(m.type)
    return out


def test_what_code_is_written_in_is_a_product(mentions):
    types = _types(mentions, "I grew up with Pascal. I wrote my first compiler in Pascal.")
    assert types.get("Pascal") == {"Product"}


def test_a_town_one_writes_a_book_in_stays_a_place(mentions):
    assert _types(mentions, "I wrote a book in Paris once.").get("Paris") == {"Place"}


def test_what_an_article_is_written_in_is_no_language(mentions):
    line = "Patrick Collison wrote an article together in The Atlantic about progress."
    assert "Product" not in _types(mentions, line).get("Atlantic", set())


def test_a_regulation_or_an_amendment_is_a_text(mentions):
    line = (
        "The General Data Protection Regulation changed everything, and so did the Fifth Amendment."
    )
    types = _types(mentions, line)
    assert types.get("General Data Protection Regulation") == {"Work"}


def test_a_dash_after_a_plural_kind_noun_opens_a_list_of_that_kind(mentions):
    line = (
        "So Go has actually had four content management systems - SVN, Perforce, Mercurial and Git."
    )
    assert _types(mentions, line).get("Perforce") == {"Product"}
