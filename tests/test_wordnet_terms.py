"""What WordNet 3.0 (``ontology/wordnet_nouns.tsv.gz``, :mod:`kg.extract.wordnet`) tells
concept discovery: a phrase said once that English has as a noun ("continental drift")
is a term, a made-up one of words as salient is not; a noun whose first sense is a person
("geologist") is a kind of people, a device with a person's first sense ("router") is
not. Texts are written for these tests."""

from __future__ import annotations

import gzip
from collections import Counter

from kg.build import build
from kg.config import Settings
from kg.extract import wordnet
from kg.extract.concepts import people_noun, select_terms
from kg.ontology import ONTOLOGY_DIR


def test_the_table_has_every_noun_with_its_senses_and_a_licence():
    lines = gzip.decompress((ONTOLOGY_DIR / wordnet.DATA_FILE).read_bytes()).decode()
    rows = [line.split("\t") for line in lines.splitlines()]
    assert len(rows) > 100_000
    assert sum(" " in lemma for lemma, _ in rows) > 40_000  # multiword lemmas, spaced
    assert all(letters and set(letters) <= set("abcdefghijklmnopqrstuvwxyz") for _, letters in rows)
    assert "WordNet 3.0" in (ONTOLOGY_DIR / "WORDNET-LICENSE").read_text(encoding="utf-8")
    assert wordnet.senses("sandstone") == ("noun.substance",)
    assert wordnet.first_lexname("geologist") == "noun.person"
    assert wordnet.senses("sandstone ledge") == ()


def test_a_phrase_is_a_known_noun_written_spaced_solid_or_hyphened():
    assert wordnet.is_noun_lemma("continental drift")
    assert wordnet.is_noun_lemma("sand stone")  # WordNet writes "sandstone"
    assert wordnet.is_noun_lemma("tidal-wave")
    assert not wordnet.is_noun_lemma("tidal shelf")


def test_kinds_of_people_by_first_sense_but_not_devices():
    assert people_noun("virologist") and people_noun("geologist")
    assert people_noun("team")  # a group in WordNet, a role noun of the language
    assert not people_noun("router")  # first a person who routes, but also a device
    assert not people_noun("sandstone")


def test_select_terms_keeps_an_established_phrase_said_once_and_refuses_people():
    counts = Counter({"lymphatic system": 1, "lymphatic shelf": 1, "virologist": 5, "router": 5})
    words = Counter({"lymphatic": 4, "system": 6, "shelf": 6, "virologist": 5, "router": 5})
    words["the"] = 2000
    kept = select_terms(counts, 2, 2.0, set(), words, sum(words.values()))
    assert "lymphatic system" in kept and "router" in kept
    assert "lymphatic shelf" not in kept  # as salient, but no English noun
    assert "virologist" not in kept


def test_an_established_phrase_said_once_is_a_concept_and_a_person_noun_is_not(tmp_path):
    (tmp_path / "cliffs.txt").write_text(
        "We spent the morning on the cliffs above the bay, looking at the layers of rock. "
        "Our geologist pointed at a band of sandstone and said it was laid down when the "
        "sea was warmer. The geologist told us that continental drift had carried this "
        "coast far from where it began. Later the geologist showed us a fossil shell in "
        "the sandstone, and a second geologist from the museum agreed it was very old. We "
        "ate lunch by the harbour and then walked back along the sandstone ledge while the "
        "tide came in and the wind picked up over the water.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    labels = {e.label.lower() for e in graph.entities if e.type == "Concept"}
    assert "sandstone" in labels
    assert "continental drift" in labels  # an adjective and a noun, said once
    assert "geologist" not in labels  # said four times, far above its rate in English
