"""A product named with its maker: "GPT-2 from OpenAI", "Gemini by Google" state that
the organisation made the product (``created``). Never from a question, nor between
two products ("Slack from Microsoft Teams").

Extraction runs on the real spaCy model (no build); names are invented where they can
be (NER must still read them as a product and an organisation).
"""

from __future__ import annotations


def test_a_product_from_or_by_an_organisation_is_its_making(typed):
    found = typed(
        "Host: We had two episodes, one on BERT and one on GPT-2 from OpenAI.\n"
        "Guest: And then Gemini by Google came out.\n"
    )
    assert ("OpenAI", "created", "GPT-2") in found
    assert ("Google", "created", "Gemini") in found


def test_a_question_or_two_products_state_no_maker(typed):
    found = typed(
        "Host: Is Claude from Anthropic?\nGuest: I moved to Slack from Microsoft Teams.\n"
    )
    assert not {(s, o) for s, p, o in found if p == "created"}, found
