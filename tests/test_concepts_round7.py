"""Concept discovery, seventh round: what WordNet and the parse add for phrases said once.
A phrase English lists as one noun ("magnetic field", "rule of law") needs less salience
than a made-up one; a phrase English lists stays a term inside a longer one ("heat pump"
in "heat pump controller"); a past participle before a noun is a term's word ("reinforced
concrete"); and a phrase said once only after "my" is someone's own thing, not a term.
Texts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.build import build
from kg.config import Settings
from kg.extract.concepts import LISTED_PHRASE_KEYNESS, ONCE_PHRASE_KEYNESS, keyness, select_terms
from kg.extract.entities import SpanMention
from kg.extract.terms import TermCandidate, TermStatistics, phrase_candidates
from kg.ingest import read_transcript
from kg.nlp import load_nlp, split_sentences


def _concepts(tmp_path, text: str) -> set[str]:
    (tmp_path / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    return {e.label.lower() for e in graph.entities if e.type == "Concept"}


def _phrases(tmp_path, text: str):
    path = tmp_path / "unit.txt"
    path.write_text(text + "\n", encoding="utf-8")
    transcript = read_transcript(path)
    sentence = split_sentences(transcript, 1000)[0]
    return phrase_candidates(load_nlp(Settings())(text), transcript, sentence, set())


def _mean_keyness(key: str, words: Counter) -> float:
    total = sum(words.values())
    values = [keyness(w, words[w], total) for w in key.split()]
    return sum(values) / len(values)


def _words(the: int = 3000, **counts: int) -> Counter:
    """Word counts of a talk of about ``the`` words saying these words so often."""
    words = Counter(counts)
    words["the"] = the
    return words


def test_a_listed_adjective_noun_said_once_needs_less_salience_than_a_made_up_one():
    words = _words(magnetic=1, field=2, surface=1)
    for key in ("magnetic field", "magnetic surface"):  # both moderately salient
        assert LISTED_PHRASE_KEYNESS <= _mean_keyness(key, words) < ONCE_PHRASE_KEYNESS
    counts = Counter({"magnetic field": 1, "magnetic surface": 1})
    kept = select_terms(counts, 2, 2.0, set(), words, sum(words.values()))
    assert "magnetic field" in kept  # WordNet lists it
    assert "magnetic surface" not in kept
    # a compound of nouns has rules of its own: WordNet's word does not lower its bar
    words = _words(the=6000, salt=1, marsh=1)
    assert LISTED_PHRASE_KEYNESS <= _mean_keyness("salt marsh", words) < ONCE_PHRASE_KEYNESS
    total = sum(words.values())
    kept = select_terms(Counter({"salt marsh": 1}), 2, 2.0, {"salt marsh"}, words, total)
    assert "salt marsh" not in kept


def test_a_listed_phrase_said_again_needs_more_salience_than_said_once():
    words = _words(the=6000, magnetic=2, field=2)
    mean = _mean_keyness("magnetic field", words)
    assert LISTED_PHRASE_KEYNESS <= mean < 1.0
    total = sum(words.values())
    assert "magnetic field" in select_terms(
        Counter({"magnetic field": 1}), 2, 2.0, set(), words, total
    )
    assert "magnetic field" not in select_terms(
        Counter({"magnetic field": 2}), 2, 2.0, set(), words, total
    )


def test_a_listed_x_of_y_phrase_is_one_candidate(tmp_path):
    phrases = _phrases(tmp_path, "The court upheld the rule of law in every province.")
    keys = {c.key for phrase in phrases for c in phrase}
    assert "rule of law" in keys
    # the parse's two noun phrases are one name: its phrase leads with it
    assert any(phrase[0].key == "rule of law" and len(phrase) >= 2 for phrase in phrases)
    phrases = _phrases(tmp_path, "The court upheld the rule of the house in every province.")
    assert not any(" of " in c.key for phrase in phrases for c in phrase)  # not listed
    # a listed place is a name, not a concept (lowercase speech leaves it to the parse)
    phrases = _phrases(tmp_path, "we sailed across the gulf of mexico in june.")
    assert not any(" of " in c.key for phrase in phrases for c in phrase)


def test_a_listed_x_of_y_phrase_said_once_is_a_concept(tmp_path):
    labels = _concepts(
        tmp_path,
        "The protesters marched to the square and asked for the freedom of assembly. "
        "The assembly was peaceful, and the next assembly was larger. Each assembly "
        "sang songs about freedom, and freedom was on every banner. The police watched the "
        "assembly from the bridge until the evening.\n",
    )
    assert "freedom of assembly" in labels


def test_a_past_participle_before_a_noun_is_a_word_of_the_term(tmp_path):
    keys = {
        c.key for p in _phrases(tmp_path, "They poured reinforced concrete for the dam.") for c in p
    }
    assert "reinforced concrete" in keys
    keys = {
        c.key for p in _phrases(tmp_path, "We shipped the encrypted backups last week.") for c in p
    }
    assert "encrypted backup" in keys


def _candidate(key: str, start: int, end: int) -> TermCandidate:
    return TermCandidate(key, False, SpanMention(None, start, end), ())  # type: ignore[arg-type]


def test_a_listed_phrase_is_no_fragment_of_the_longer_phrase_it_is_said_in():
    stats = TermStatistics()
    stats.add(
        (
            _candidate("heat pump controller", 0, 3),
            _candidate("heat pump", 0, 2),
            _candidate("pump controller", 1, 3),
        )
    )
    counts = stats.independent_counts()
    assert counts["heat pump"] == 1  # WordNet lists it: it stands on its own
    assert "pump controller" not in counts  # a fragment, as before


def test_a_phrase_said_once_only_after_a_possessive_is_not_a_term(tmp_path):
    phrases = _phrases(tmp_path, "I loved my pottery workshop back then.")
    stats = TermStatistics()
    for phrase in phrases:
        stats.add(phrase)
    assert "pottery workshop" in stats.owned()
    words = _words(pottery=2, workshop=1)
    total = sum(words.values())
    counts = Counter({"pottery workshop": 1})
    assert "pottery workshop" in select_terms(counts, 2, 2.0, {"pottery workshop"}, words, total)
    kept = select_terms(
        counts, 2, 2.0, {"pottery workshop"}, words, total, owned={"pottery workshop"}
    )
    assert "pottery workshop" not in kept
    stats = TermStatistics()
    for phrase in _phrases(tmp_path, "I loved the pottery workshop back then."):
        stats.add(phrase)
    assert "pottery workshop" not in stats.owned()
