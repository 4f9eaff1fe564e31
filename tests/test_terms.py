"""Nested term counting (C-value): a term said only inside longer noun phrases is
still found, and a fragment that only ever occurs inside one longer term is not a
term of its own. Texts are written for these tests."""

from __future__ import annotations

from kg.build import build
from kg.config import Settings
from kg.extract.entities import SpanMention
from kg.extract.terms import TermCandidate, TermStatistics


def _candidate(key: str, start: int, end: int) -> TermCandidate:
    return TermCandidate(key, False, SpanMention(None, start, end), ())  # type: ignore[arg-type]


def test_independent_count_discounts_the_longer_terms_a_candidate_sits_in():
    stats = TermStatistics()
    for _ in range(4):  # "swan neck flask experiment", always whole
        stats.add(
            (
                _candidate("swan neck flask experiment", 0, 4),
                _candidate("neck flask experiment", 1, 4),
                _candidate("flask experiment", 2, 4),
            )
        )
    stats.add((_candidate("flask experiment", 0, 2),))  # once on its own
    counts = stats.independent_counts()
    assert counts["swan neck flask experiment"] == 4
    assert "neck flask experiment" not in counts  # never said on its own
    # 5 occurrences, minus the mean (4 + 4) / 2 of the two longer terms it sits in
    assert counts["flask experiment"] == 1


def test_a_term_said_only_inside_longer_phrases_is_found(tmp_path):
    (tmp_path / "optics.txt").write_text(
        "I came from the traditional phase retrieval community. Those classic phase "
        "retrieval tricks were where I learned, and the modern phase retrieval "
        "literature paid for my lab. We never wrote a paper about a neck flask "
        "experiment, only about the swan neck flask experiment, and the swan neck "
        "flask experiment again, and the swan neck flask experiment once more.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    labels = {e.label for e in graph.entities if e.type == "Concept"}
    assert "phase retrieval" in labels  # never said on its own
    assert "swan neck flask experiment" in labels
    assert "neck flask experiment" in labels  # said once on its own, in a compound
    assert "flask experiment" not in labels


def test_a_noun_of_number_is_no_word_of_a_term(tmp_path):
    # unpunctuated speech runs a noun into the count that starts the next clause
    (tmp_path / "war.txt").write_text(
        "we saw the war bring nothing but devastation thousands of refugees walked west "
        "and the city we knew became a city of ruins the devastation hundreds of towns "
        "suffered was the price of that war\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    labels = {e.label.lower() for e in graph.entities if e.type == "Concept"}
    assert "devastation" in labels
    assert not any("thousand" in label or "hundred" in label for label in labels), labels


def test_an_es_plural_takes_the_commoner_noun_as_its_singular(tmp_path):
    # the lemmatizer reads "taxes" as the plural of "taxis" and "bases" of "basis"
    (tmp_path / "budget.txt").write_text(
        "We will cut payroll taxes this year. Payroll taxes fall on every worker, and "
        "payroll taxes pay for pensions. The navy keeps its submarine bases open, and "
        "the submarine bases need repairs, so the submarine bases get money too. Every "
        "financial crisis starts small, and financial crises spread.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    labels = {e.label for e in graph.entities if e.type == "Concept"}
    assert "payroll tax" in labels
    assert "submarine base" in labels
    assert not {"payroll taxis", "submarine basis"} & labels
    assert "financial crisis" in labels  # a real "-is" noun keeps its singular
