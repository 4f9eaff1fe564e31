"""A known firm's name followed, inside one name, by capitalised words of its own names
the firm's product ("Facebook Messenger", "Microsoft Teams"); a part of the firm
("Google Research") or a place ("Google Zurich") after it does not.

Extraction runs on the real spaCy model (no build); the firms are lexicon entries, the
sentences invented.
"""

from __future__ import annotations


def _types(tmp_path, lexicon, text: str) -> dict[str, str]:
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    extraction = process_transcript(read_transcript(path), lexicon, Settings())
    return {m.surface: m.type for m in extraction.mentions if m.type != "Concept"}


def test_a_firm_and_a_name_of_its_own_is_a_product(tmp_path, lexicon):
    types = _types(
        tmp_path,
        lexicon,
        "Host: What do you use?\n"
        "Guest: Most of the messaging platforms like Facebook Messenger work fine for us.\n",
    )
    assert types.get("Facebook Messenger") == "Product"


def test_a_part_of_the_firm_is_no_product(tmp_path, lexicon):
    types = _types(
        tmp_path,
        lexicon,
        "Host: Who did you meet?\nGuest: We met people from Google Research last week.\n",
    )
    assert types.get("Google Research") != "Product"


def test_firms_said_in_the_plural_are_no_product(tmp_path, lexicon):
    types = _types(
        tmp_path,
        lexicon,
        "Host: What do you mean?\n"
        "Guest: Some people like the Twitters Facebooks of this world, and we use Microsoft "
        "Teams every day.\n",
    )
    assert "Twitters Facebooks" not in types
    assert types.get("Microsoft Teams") == "Product"
