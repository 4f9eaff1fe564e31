"""Concept discovery: a compound of nouns said once is a term only when the talk stresses
its words, not for being rare in English alone (judging a build of transcripts nobody
tuned to found that path admitted only wrong ones: "coping mechanism", "auto renew").
Counts are written for this test."""

from __future__ import annotations

from collections import Counter

from kg.extract.concepts import _zipf, select_terms


def test_a_compound_of_rare_nouns_said_once_needs_the_talk_to_stress_it():
    # a long talk: "quilting regimen" said once is rare in English but not salient here
    words = Counter({"the": 200000, "quilting": 1, "regimen": 1})
    total = sum(words.values())
    assert max(_zipf("quilting"), _zipf("regimen")) <= 4.6
    assert min(_zipf("quilting"), _zipf("regimen")) <= 3.8
    counts = Counter({"quilting regimen": 1})
    assert "quilting regimen" not in select_terms(counts, 2, 2.0, set(counts), words, total)
    # a short talk that keeps saying its words stresses them: the compound is a term
    words = Counter({"the": 2000, "quilting": 4, "regimen": 3})
    total = sum(words.values())
    assert "quilting regimen" in select_terms(counts, 2, 2.0, set(counts), words, total)
