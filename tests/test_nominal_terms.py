"""A noun derived to name a process, a practice, a state or a field ("desalination",
"sedimentation"), said once and rare in English, is a concept of the talk; a derived
noun of the same rarity naming a feeling or an attribute ("malevolence", "tenderness")
is not (:func:`kg.extract.concepts.nominalization`). Texts are written for these tests."""

from __future__ import annotations

from collections import Counter

from kg.build import build
from kg.config import Settings
from kg.extract.concepts import nominalization, select_terms


def test_a_nominalization_is_a_derived_noun_of_a_process_or_field_in_wordnet():
    assert nominalization("desalination") and nominalization("sedimentation")
    assert nominalization("sterilization")  # an act
    assert not nominalization("malevolence")  # a feeling
    assert not nominalization("tenderness")  # an attribute
    assert not nominalization("workstation")  # a made thing: the ending is not derivational
    assert not nominalization("harbour")  # no derivational ending


def test_select_terms_keeps_a_salient_nominalization_said_once():
    counts = Counter({"desalination": 1, "malevolence": 1, "condition": 1})
    words = Counter({"desalination": 1, "malevolence": 1, "condition": 1, "the": 3000})
    kept = select_terms(counts, 2, 2.0, set(), words, sum(words.values()))
    assert "desalination" in kept
    assert "malevolence" not in kept and "condition" not in kept


def test_a_process_named_once_is_a_concept(tmp_path):
    (tmp_path / "coast.txt").write_text(
        "We drove down to the coast on Saturday to see the new plant by the harbour. The "
        "town had run short of water for three summers in a row, so the council paid for "
        "desalination at the end of the old pier. The engineer who showed us around said "
        "the water comes in through long pipes under the sand. She told us the hardest "
        "part was the cost of the power, and that the town pays for it with a small charge "
        "on every bill. We walked along the beach afterwards. The tenderness of the old "
        "fisherman who mended his nets there was lovely to watch, and we bought fish from "
        "him before we drove home in the evening.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    labels = {e.label.lower() for e in graph.entities if e.type == "Concept"}
    assert "desalination" in labels
    assert "tenderness" not in labels


def test_a_term_and_an_everyday_noun_said_once_is_the_term():
    counts = Counter({"moraine": 4, "moraine business": 1, "moraine ridge": 1})
    words = Counter({"moraine": 6, "business": 1, "ridge": 1, "the": 3000})
    kept = select_terms(counts, 2, 2.0, {"moraine business", "moraine ridge"}, words, 3008)
    assert "moraine" in kept
    assert "moraine business" not in kept  # "business" is among English's commonest nouns
    assert "moraine ridge" in kept  # a kind of ridge


def test_a_salient_modifier_and_a_nominalization_said_once_is_a_term():
    counts = Counter({"glacial erosion": 1, "glacial valley": 1, "strict erosion": 1})
    words = Counter({"glacial": 2, "erosion": 2, "valley": 20, "strict": 1, "the": 30000})
    kept = select_terms(counts, 2, 2.0, set(), words, sum(words.values()))
    assert "glacial erosion" in kept  # a process, named with its kind
    assert "glacial valley" not in kept  # a valley is no process
    assert "strict erosion" not in kept  # "strict" is no more salient here than anywhere
    # a lexicon concept inside ("erosion" known): a narrower term the lexicon does not need
    kept = select_terms(
        counts, 2, 2.0, set(), words, sum(words.values()), holds_concept={"glacial erosion"}
    )
    assert "glacial erosion" not in kept


def test_a_commoner_nominalization_said_again_is_a_term():
    words = Counter({"irrigation": 2, "the": 5000})
    assert "irrigation" in select_terms(Counter({"irrigation": 2}), 2, 2.0, set(), words, 5002)
    once = Counter({"irrigation": 1, "the": 5000})
    assert "irrigation" not in select_terms(Counter({"irrigation": 1}), 2, 2.0, set(), once, 5001)
