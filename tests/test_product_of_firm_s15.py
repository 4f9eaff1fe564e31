"""A known firm's name followed, inside one name, by capitalised words of its own names
the firm's product ("Facebook Messenger", "Microsoft Teams"); a part of the firm
("Google Research") or a place ("Google Zurich") after it does not.

Extraction runs on the real spaCy model (no build); the firms are lexicon entries, the
sentences invented.
"""

from __future__ import annotations


def _types(mentions, text: str) -> dict[str, str]:
    return {m.surface: m.type for m in mentions(text) if m.type != "Concept"}


def test_a_firm_and_a_name_of_its_own_is_a_product(mentions):
    types = _types(
        mentions,
        "Host: What do you use?\n"
        "Guest: Most of the messaging platforms like Facebook Messenger work fine for us.\n",
    )
    assert types.get("Facebook Messenger") == "Product"


def test_a_part_of_the_firm_is_no_product(mentions):
    types = _types(
        mentions,
        "Host: Who did you meet?\nGuest: We met people from Google Research last week.\n",
    )
    assert types.get("Google Research") != "Product"


def test_firms_said_in_the_plural_are_no_product(mentions):
    types = _types(
        mentions,
        "Host: What do you mean?\n"
        "Guest: Some people like the Twitters Facebooks of this world, and we use Microsoft "
        "Teams every day.\n",
    )
    assert "Twitters Facebooks" not in types
    assert types.get("Microsoft Teams") == "Product"
