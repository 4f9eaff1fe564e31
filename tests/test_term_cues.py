"""What a candidate term's words and context say of it: kinds of people, shell nouns
and evaluative adjectives are not terms; a word the speaker names or defines is one
even when said once; a lemma far rarer than its word does not key a term. Texts are
written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.build import build
from kg.config import Settings
from kg.extract.concepts import select_terms
from kg.extract.terms import TermStatistics, context_cues, phrase_candidates
from kg.ingest import read_transcript
from kg.nlp import load_nlp, split_sentences


def _concepts(tmp_path, text: str) -> set[str]:
    (tmp_path / "talk.txt").write_text(text, encoding="utf-8")
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    return {e.label.lower() for e in graph.entities if e.type == "Concept"}


def _doc(text: str):
    return load_nlp(Settings())(text)


def _transcript(tmp_path, text: str):
    path = tmp_path / "unit.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return read_transcript(path)


def _phrases(tmp_path, text: str):
    """The candidate phrases of ``text`` parsed as one unit."""
    transcript = _transcript(tmp_path, text)
    sentence = split_sentences(transcript, 1000)[0]
    return phrase_candidates(_doc(text), transcript, sentence, set())


def _keys(tmp_path, text: str) -> set[str]:
    return {c.key for phrase in _phrases(tmp_path, text) for c in phrase}


def test_a_kind_of_people_is_not_a_concept_however_often_said(tmp_path):
    labels = _concepts(
        tmp_path,
        "Our research scientist tuned the gradient clipping. The research scientist "
        "said gradient clipping was fragile. Every research scientist we hired had used "
        "gradient clipping before, and each research scientist wrote about it.\n",
    )
    assert "gradient clipping" in labels
    assert not any(label.endswith("scientist") for label in labels)


def test_a_shell_noun_is_the_speakers_framing_not_a_concept(tmp_path):
    labels = _concepts(
        tmp_path,
        "The implication was clear. We saw the implication in lattice reduction. "
        "That implication changed how we think about lattice reduction, and another "
        "implication followed from lattice reduction too.\n",
    )
    assert "lattice reduction" in labels
    assert "implication" not in labels


def test_a_rare_word_the_speaker_defines_is_a_concept_said_once(tmp_path):
    text = (
        "We talked for a while about the old doctors and their hospitals, and about "
        "how people got sick in crowded cities. Then she explained the theory of "
        "contagion to me, and we went back to talking about the hospitals.\n"
    )
    assert "contagion" in _concepts(tmp_path, text)
    (tmp_path / "talk.txt").unlink()
    plain = text.replace("the theory of contagion", "why contagion mattered")
    assert "contagion" not in _concepts(tmp_path, plain)


def test_defining_contexts_are_cues_and_capitalised_ones_introduce_names(tmp_path):
    text = "They used a process called attenuation. Alpine Vision is a startup."
    doc = _doc(text)
    called = next(t.i for t in doc if t.text == "attenuation")
    assert "defined" in context_cues(doc, called, called + 1, {})
    assert "defined" not in context_cues(doc, called - 1, called, {})  # "process"
    past_the = _doc("She studied the theory of the miasma for years.")
    miasma = next(t.i for t in past_the if t.text == "miasma")
    assert "defined" in context_cues(
        past_the, miasma, miasma + 1, {}, (miasma - 1, miasma, miasma + 1)
    )
    assert "defined" not in context_cues(past_the, miasma, miasma + 1, {})  # "the" before it
    stats = TermStatistics()
    for phrase in _phrases(tmp_path, text):
        stats.add(phrase)
    assert "attenuation" in stats.defined()
    assert "alpine vision" not in stats.defined()


def test_evaluative_adjectives_are_not_part_of_a_term(tmp_path):
    keys = _keys(tmp_path, "It was an enormous compiler bug and a fantastic proof assistant.")
    assert "compiler bug" in keys and "proof assistant" in keys
    assert not any(k.startswith(("enormous", "fantastic")) for k in keys)


def test_a_lemma_far_rarer_than_its_word_does_not_key_the_term(tmp_path):
    keys = _keys(
        tmp_path, "Darwin counted the species on the island and kept the data in notebooks."
    )
    assert "species" in keys and "data" in keys
    assert "specie" not in keys and "datum" not in keys
    assert "notebook" in keys  # an ordinary plural is still lemmatised


def test_people_and_shell_nouns_are_refused_by_select_terms():
    counts = Counter({"superconductor": 5, "researcher": 5, "caveat": 5})
    words = Counter({"superconductor": 5, "researcher": 5, "caveat": 5, "the": 300})
    kept = select_terms(counts, 2, 2.0, set(), words, sum(words.values()))
    assert kept == {"superconductor"}


def test_a_word_said_twice_far_above_its_rate_in_english_is_a_concept(tmp_path):
    labels = _concepts(
        tmp_path,
        "My grandmother grew up on a farm, and she talked about the weather all the time. "
        "When she was nine her brother caught typhoid, and the whole village was afraid "
        "for a month. She told me the weather that spring was cold and wet, that the well "
        "water was bad, and that nobody knew where the typhoid came from. Later she was a "
        "nurse, and she worked in the town hospital for thirty years before she retired "
        "and moved to the coast with my grandfather.\n",
    )
    assert "typhoid" in labels  # zipf 2.9, said twice in about ninety words
    assert "weather" not in labels  # said twice too, but an everyday word


def test_an_adjective_of_a_compound_modifier_stays_with_the_term(tmp_path):
    keys = _keys(
        tmp_path, "We fund early stage companies, build high density servers and one huge company."
    )
    assert "early stage company" in keys  # "early" qualifies "stage", not the companies
    assert "high density server" in keys
    assert "huge company" not in keys and "company" in keys  # a comment on the head


def test_a_word_the_speaker_defines_and_says_again_is_a_concept():
    words = Counter({"patience": 3, "the": 600, "and": 397})
    counts = Counter({"patience": 3})
    # an everyday word (zipf 4.2) said three times in a thousand words: keyness 2.3, too
    # little on its own
    assert select_terms(counts, 2, 2.0, set(), words, 1000) == set()
    assert select_terms(counts, 2, 2.0, set(), words, 1000, {"patience"}) == {"patience"}


def test_a_defined_word_said_again_in_a_talk_is_a_concept(tmp_path):
    labels = _concepts(
        tmp_path,
        "My father planted the orchard the year I was born. He said trust is a thing you "
        "earn slowly, season by season, with the buyers in town. He waited eleven years "
        "for the first good harvest, and the trust of those buyers paid him back. The "
        "neighbours sold their land, but he stayed on the farm until he was very old.\n",
    )
    assert "trust" in labels  # an everyday word (zipf 5), defined, said twice
    assert "orchard" not in labels  # said once, not defined


def test_a_salient_word_said_in_a_list_is_a_concept():
    # not a nominalization ("irrigation" would now be a term said twice on its own)
    words = Counter({"glacier": 2, "the": 1200, "and": 798})
    counts = Counter({"glacier": 2})
    # zipf 3.6 said twice in two thousand words: keyness 2.4, short of a word said twice
    assert select_terms(counts, 2, 2.0, set(), words, 2000) == set()
    kept = select_terms(counts, 2, 2.0, set(), words, 2000, coordinated={"glacier"})
    assert kept == {"glacier"}


def test_the_statistics_know_which_candidates_were_said_in_a_list(tmp_path):
    stats = TermStatistics()
    for phrase in _phrases(tmp_path, "They studied irrigation and drainage near a quiet lake."):
        stats.add(phrase)
    assert {"irrigation", "drainage"} <= stats.coordinated()
    assert "lake" not in stats.coordinated()
