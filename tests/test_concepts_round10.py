"""Concept discovery, tenth round: kinds of wrong concept found by judging a build of
transcripts nobody tuned to. An adjective on an everyday noun the talk says no more than
English does ("the cordial relationship", "its serene nature") is the speaker's wording,
not a name. Texts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.config import Settings
from kg.extract.concepts import (
    EVERYDAY_HEAD_ZIPF,
    GENERIC_HEAD_KEYNESS,
    _zipf,
    keyness,
    select_terms,
)
from kg.extract.terms import TermStatistics, phrase_candidates
from kg.ingest import read_transcript
from kg.nlp import load_nlp, split_sentences


def _statistics(tmp_path, text: str) -> TermStatistics:
    path = tmp_path / "unit.txt"
    path.write_text(text + "\n", encoding="utf-8")
    transcript = read_transcript(path)
    sentence = split_sentences(transcript, 1000)[0]
    phrases = phrase_candidates(load_nlp(Settings())(text), transcript, sentence, set())
    statistics = TermStatistics()
    for phrase in phrases:
        statistics.add(phrase)
    return statistics


def test_phrases_opening_with_an_adjective_are_marked_adjectival(tmp_path):
    stats = _statistics(tmp_path, "We kept a cordial relationship with the customer service desk.")
    adjectival = stats.adjectival()
    assert "cordial relationship" in adjectival
    assert "customer service desk" in stats.frequency
    assert not {k for k in stats.frequency if k.startswith("customer")} & adjectival


def test_an_adjective_on_an_everyday_head_the_talk_does_not_stress_is_no_term():
    words = Counter({"the": 4000, "serene": 2, "nature": 2, "lake": 2, "physics": 2})
    total = sum(words.values())
    assert _zipf("nature") >= EVERYDAY_HEAD_ZIPF
    assert keyness("nature", 2, total) < GENERIC_HEAD_KEYNESS
    counts = Counter({"serene nature": 2})
    # salient enough on its modifier alone: without the adjective mark it is kept
    assert "serene nature" in select_terms(counts, 2, 2.0, set(), words, total)
    kept = select_terms(counts, 2, 2.0, set(), words, total, adjectival={"serene nature"})
    assert "serene nature" not in kept


def test_a_stressed_or_listed_head_keeps_the_adjective_phrase():
    # the talk keeps saying the head: it is about such things ("quantum nature" of a lecture
    # on quantum nature), so the phrase stays
    words = Counter({"the": 4000, "quantum": 12, "nature": 12})
    total = sum(words.values())
    assert keyness("nature", 12, total) >= GENERIC_HEAD_KEYNESS
    counts = Counter({"quantum nature": 12})
    assert "quantum nature" in select_terms(
        counts, 2, 2.0, set(), words, total, adjectival={"quantum nature"}
    )
    # a phrase WordNet lists names one thing whatever its head ("public school")
    words = Counter({"the": 4000, "public": 2, "school": 2})
    total = sum(words.values())
    assert _zipf("school") >= EVERYDAY_HEAD_ZIPF
    assert keyness("school", 2, total) < GENERIC_HEAD_KEYNESS
    kept = select_terms(
        Counter({"public school": 2}), 2, 2.0, set(), words, total, adjectival={"public school"}
    )
    assert kept == select_terms(Counter({"public school": 2}), 2, 2.0, set(), words, total)


def test_a_hesitation_sound_spelt_long_is_no_word_of_a_term(tmp_path):
    for sound in ("mmm", "ummm", "hmmm"):
        text = f"It is independent of language {sound} I think it's independent of language."
        keys = set(_statistics(tmp_path, text).frequency)
        assert "language" in keys
        assert not any(sound in k.split() for k in keys), keys
    # a word with a doubled letter is no hesitation
    keys = set(_statistics(tmp_path, "The output is independent of the grammar book.").frequency)
    assert "grammar book" in keys


def test_a_noun_for_a_term_before_the_term_is_not_part_of_it(tmp_path):
    text = "Some researchers coined the term garden automation for this kind of work."
    keys = set(_statistics(tmp_path, text).frequency)
    assert "garden automation" in keys
    assert not any(k.split()[0] == "term" for k in keys), keys
    # not after an article: the noun belongs to the phrase ("long term memory")
    keys = set(_statistics(tmp_path, "They studied long term memory in mice.").frequency)
    assert any("term memory" in k for k in keys), keys
