"""A word spelt as a brand is ("iPad", "iTunes", "eBay": a lowercase letter or two and a
capitalised word) is a name, never a concept, in any sentence position; a unit or a
molecule ("mRNA", "kWh") is no such spelling.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

from kg.extract.entities import brand_cased


def test_brand_spellings():
    assert brand_cased("iPad") and brand_cased("eBay") and brand_cased("iTunes")
    assert not brand_cased("mRNA") and not brand_cased("kWh") and not brand_cased("Apple")


def test_a_brand_spelling_is_a_name_not_a_concept(mentions):
    found = mentions(
        "Host: Welcome back to the show. Today we talk with Mara Lind about her company. "
        "What did you build first?\n"
        "Mara Lind: We built the app for the iPad first, because the iPad was new. Then "
        "the iPad sold well in Berlin. Every iPad owner wanted a better app for the iPad. "
        "Later we moved to Paris, and Apple noticed us.\n"
    )
    kinds = {(m.surface, m.type == "Concept") for m in found}
    assert ("iPad", False) in kinds
    assert ("iPad", True) not in kinds


def test_a_brand_spelling_said_once_is_kept(mentions):
    # NER's one-word organisation or product said once must recur unless something
    # vouches for it; a brand's spelling does, the way a capital in mid-sentence does
    found = mentions(
        "Host: Welcome back to the show. Today we talk with Mara Lind about her studio.\n"
        "Mara Lind: Our studio makes a small drawing tool for thought on iPad. We sell it "
        "to teachers and to students. The teachers like it a lot, and so do the students.\n"
    )
    assert "iPad" in {m.surface for m in found if m.type != "Concept"}
