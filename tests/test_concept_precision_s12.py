"""Concept precision, session 12: kinds of wrong concept found by judging every concept
of a build of three transcripts nobody tuned to (tests/data/judged_unseen/). A phrase
said once of an adjective and a derived noun is a process of the talk named with its
kind ("statistical inference", "soviet expansion") only when the adjective classifies;
one that describes ("a peaceful confidence", "a devastating retaliation") is the
speaker's rhetoric. Texts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.extract import wordnet
from kg.extract.concepts import (
    PROCESS_PHRASE_KEYNESS,
    PROCESS_WORD_KEYNESS,
    describing_adjective,
    keyness,
    nominalization,
    select_terms,
)


def test_relational_adjectives_classify_and_the_rest_describe():
    for word in ("statistical", "atomic", "soviet", "mobile"):
        assert not describing_adjective(word), word
    for word in ("peaceful", "devastating", "similar", "scalable"):
        assert describing_adjective(word), word


def _process_once(phrase: str) -> tuple[set[str], set[str]]:
    """select_terms on ``phrase`` said once in a talk of 3,000 words that says each of
    its words four times, with and without the adjective mark."""
    words = Counter({"the": 3000 - 8})
    for w in phrase.split():
        words[w] = 4
    total = sum(words.values())
    first, head = phrase.split()
    assert nominalization(head) and not wordnet.is_noun_lemma(phrase)
    keys = [keyness(w, 4, total) for w in (first, head)]
    assert min(keys) >= PROCESS_WORD_KEYNESS and sum(keys) / 2 >= PROCESS_PHRASE_KEYNESS
    counts = Counter({phrase: 1})
    plain = select_terms(counts, 2, 2.0, set(), words, total)
    marked = select_terms(counts, 2, 2.0, set(), words, total, adjectival={phrase})
    return plain, marked


def test_a_describing_adjective_on_a_process_said_once_is_no_term():
    plain, marked = _process_once("serene cultivation")
    assert "serene cultivation" in plain  # a process named with a noun modifier would stay
    assert "serene cultivation" not in marked


def test_a_classifying_adjective_on_a_process_said_once_stays_a_term():
    plain, marked = _process_once("genetic modification")
    assert "genetic modification" in plain and "genetic modification" in marked
