"""Entity and relation quality on the seeds, scored against the hand-made gold
annotation in tests/data/gold (written from the transcripts, not from program output).

The thresholds are the figures reached when this test was written, rounded down: a
change that makes the graph worse fails here. README "Quality" has the full report
(`python bench/quality.py`).
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from kg.evaluate import combine_entity_scores, combine_relation_scores, score_build

GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="module")
def scores(seeds_build):
    results = score_build(seeds_build.graph, GOLD)
    assert len(results) == 2, "both seeds have a gold annotation"
    return results


def _total(results, attribute, group):
    if attribute == "entities":
        return combine_entity_scores(r.entities for r in results)[group]
    return combine_relation_scores(r.relations for r in results)


def test_people_and_organizations_found_typed_and_unsplit(scores):
    for group, minimum in (("Person", 1.0), ("Organization", 1.0)):
        s = _total(scores, "entities", group)
        assert s.typed_recall >= minimum, (group, s.as_dict())
        assert s.splits == 0, (group, s.as_dict())


def test_named_entities_precise(scores):
    named = _total(scores, "entities", "named")
    assert named.precision >= 0.95, named.as_dict()
    assert named.splits == 0


def test_concepts(scores):
    core = _total(scores, "entities", "core")
    concepts = _total(scores, "entities", "Concept")
    assert core.recall >= 0.85, core.as_dict()
    assert concepts.recall >= 0.70, concepts.as_dict()
    assert concepts.precision >= 0.85, concepts.as_dict()
    assert concepts.splits <= 1


def test_typed_relations(scores):
    relations = _total(scores, "relations", None)
    assert relations.precision >= 0.90, relations.as_dict()
    assert relations.recall >= 0.75, relations.as_dict()
