"""Concept discovery, ninth round: a modifier said without hyphens after an article and
a preposition ("a for profit bakery") is no part of a term; a phrase WordNet lists is a
term even after a possessive ("our intellectual property"); and an everyday word before
a term said again, in a phrase said once ("a host weather station"), is a passing
modifier of that term. Texts and counts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.extract import wordnet
from kg.extract.concepts import EVERYDAY_HEAD_ZIPF, _zipf, select_terms


def test_the_word_after_an_article_and_a_preposition_is_the_modifiers(candidate_keys):
    keys = candidate_keys("She runs a for profit bakery near the harbour.")
    assert "profit bakery" not in keys  # "for profit" modifies "bakery"
    assert "bakery" in keys
    # without the article, "profit bakery" is an ordinary phrase of the parse
    plain = candidate_keys("She runs profit bakery chains near the harbour.")
    assert any(k.startswith("profit bakery") for k in plain)


def _words(the: int = 3000, **counts: int) -> Counter:
    words = Counter(counts)
    words["the"] = the
    return words


def test_a_listed_phrase_after_a_possessive_is_still_a_term():
    assert wordnet.is_noun_lemma("intellectual property")
    words = _words(the=200, intellectual=1, property=1, hobby=2, project=1)
    total = sum(words.values())
    counts = Counter({"intellectual property": 1, "hobby project": 1})
    owned = {"intellectual property", "hobby project"}
    kept = select_terms(counts, 2, 2.0, {"hobby project"}, words, total, owned=owned)
    assert "intellectual property" in kept
    assert "hobby project" not in kept  # not listed: someone's own thing
    # the same phrase not after a possessive is kept as before
    assert "intellectual property" in select_terms(counts, 2, 2.0, set(), words, total)


def test_an_everyday_word_before_a_term_said_again_is_a_passing_modifier():
    assert _zipf("city") >= EVERYDAY_HEAD_ZIPF > _zipf("barometric")
    words = _words(the=1000, city=1, barometric=1, weather=20, station=20)
    total = sum(words.values())
    counts = Counter(
        {"weather station": 3, "city weather station": 1, "barometric weather station": 1}
    )
    nouns = set(counts)
    kept = select_terms(counts, 2, 2.0, nouns, words, total)
    assert "weather station" in kept
    assert "city weather station" not in kept
    assert "barometric weather station" in kept  # a rare modifier makes a kind


def test_a_plural_before_the_head_of_a_phrase_said_once_is_a_list_run_together():
    words = _words(the=200, developments=1, development=1, astrology=2, arms=1)
    total = sum(words.values())
    counts = Counter({"developments astrology": 1, "development astrology": 1})
    kept = select_terms(counts, 2, 2.0, set(), words, total)
    assert "development astrology" in kept  # a derived noun named with its kind
    assert "developments astrology" not in kept  # "... developments, astrology ..."
    # a plural WordNet lists as it is ("arms") is a modifier like any other
    assert "arms astrology" in select_terms(
        Counter({"arms astrology": 1}), 2, 2.0, set(), words, total
    )


def test_a_common_word_misspelt_by_the_recogniser_is_no_word_of_a_term():
    from kg.extract.concepts import misheard

    assert _zipf("bigital") == 0 and _zipf("digital") >= EVERYDAY_HEAD_ZIPF
    assert misheard("bigital")  # "digital" with one letter changed
    assert not misheard("optogenetics")  # jargon: known, or no slip from a common word
    assert not misheard("digital")
    words = _words(the=200, bigital=2, camera=2, photogrammetry=2)
    total = sum(words.values())
    counts = Counter({"bigital camera": 2, "photogrammetry camera": 2})
    kept = select_terms(counts, 2, 2.0, set(counts), words, total)
    assert "photogrammetry camera" in kept
    assert "bigital camera" not in kept
