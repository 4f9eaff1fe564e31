"""Concept precision, session 14: kinds of wrong concept found by judging every concept
of a build of three transcripts nobody tuned to (tests/data/judged_unseen_3/): a run-on
said once that cuts across a term the talk keeps saying, and a piece of such a term
said once on its own. Texts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.extract.entities import SpanMention
from kg.extract.term_precision import crosses_commoner_term, without_fragments
from kg.extract.terms import TermCandidate, TermStatistics, choose_terms


def _candidate(key: str, start: int, end: int) -> TermCandidate:
    return TermCandidate(key, False, SpanMention(None, start, end), ())  # type: ignore[arg-type]


def _accept(_c: TermCandidate) -> bool:
    return True


def test_a_run_on_said_once_gives_way_to_the_commoner_term_it_cuts():
    # "... our water supply network pressure valves ..." said as one noun phrase
    run_on = _candidate("supply network pressure valve", 1, 5)
    term = _candidate("water supply network", 0, 3)
    phrase = (run_on, term)
    terms = {run_on.key, term.key}
    counts = Counter({run_on.key: 1, term.key: 5})
    assert crosses_commoner_term(run_on, phrase, terms, counts, _accept)
    assert not crosses_commoner_term(term, phrase, terms, counts, _accept)
    assert [c.key for c in choose_terms(phrase, terms, _accept)] == [run_on.key]
    assert [c.key for c in choose_terms(phrase, terms, _accept, counts)] == [term.key]


def test_a_longer_term_holding_a_commoner_one_is_no_run_on():
    longer = _candidate("water supply network map", 0, 4)
    term = _candidate("water supply network", 0, 3)
    counts = Counter({longer.key: 1, term.key: 5})
    assert not crosses_commoner_term(
        longer, (longer, term), {longer.key, term.key}, counts, _accept
    )


def test_a_piece_of_a_term_said_once_on_its_own_is_a_fragment():
    stats = TermStatistics()
    for _ in range(5):  # "the water supply network", always whole
        stats.add((_candidate("water supply network", 0, 3), _candidate("supply network", 1, 3)))
    # one slip: "the wter supply network", whose longer candidate is no term
    stats.add((_candidate("wter supply network", 0, 3), _candidate("supply network", 1, 3)))
    terms = {"water supply network", "supply network"}
    assert without_fragments(terms, stats) == {"water supply network"}
    # said once as a whole noun phrase ("a supply network"), it is the speaker's wording
    stats.add((_candidate("supply network", 0, 2),))
    assert without_fragments(terms, stats) == terms
