"""Tests of the gold annotations and of the scorer in kg.evaluate."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # until the package is installed into the venv
    sys.path.insert(0, str(ROOT))

from kg.evaluate import (  # noqa: E402
    ENTITY_TYPES,
    Gold,
    GoldEntity,
    GoldRelation,
    PredictedEntity,
    PredictedRelation,
    canonical_predicate,
    format_report,
    load_gold,
    load_gold_dir,
    main,
    name_key,
    normalize_name,
    predictions_for_transcript,
    score_entities,
    score_relations,
    score_transcript,
)

GOLD_DIR = ROOT / "tests" / "data" / "gold"
SEEDS = ROOT / "seeds"
SEED_IDS = ("000_d7e5a9d90b8e53ea", "001_e3e5ae1872f45ed1")


def _gold() -> Gold:
    return Gold(
        transcript="t",
        entities=(
            GoldEntity("OpenAI", "Organization", ("open AI",)),
            GoldEntity("Ilya Sutskever", "Person", ("Ilya", "Ilia")),
            GoldEntity("GPT-4", "Product", ("gpt4",)),
            GoldEntity("AI alignment", "Concept", ("alignment",), importance="core"),
            GoldEntity("learning rate", "Concept", (), importance="minor"),
            GoldEntity("Europe", "Place", ("European",), optional=True),
            GoldEntity("Dario Amodei", "Person", (), from_metadata=True),
        ),
        relations=(
            GoldRelation("Ilya Sutskever", "worksFor", "OpenAI", "chief scientist", "q"),
            GoldRelation("OpenAI", "created", "GPT-4", None, "q"),
            GoldRelation("Dario Amodei", "worksFor", "OpenAI", None, "q"),
        ),
    )


# --------------------------------------------------------------------------- names


def test_normalisation() -> None:
    assert normalize_name("  The  Open-AI  Charter!") == "open ai charter"
    assert name_key("open AI") == name_key("OpenAI") == name_key("Open-AI")
    assert name_key("GPT-4") == name_key("gpt4")
    assert name_key("the alignment problem") == name_key("Alignment Problem")
    assert name_key("theory") == "theory"  # only a leading "the " word is dropped
    assert canonical_predicate("skos:broader") == "broader"
    assert canonical_predicate("https://example.org/kg#worksFor") == "worksFor"


# --------------------------------------------------------------------------- entities


def test_alias_matching_and_recall() -> None:
    scores = score_entities(
        _gold(),
        [
            PredictedEntity("Open AI", "Organization"),
            PredictedEntity("Ilia", "Person"),  # matches through a gold alias
            PredictedEntity("Alignment problem", "Concept", ("alignment",)),  # predicted alias
        ],
    )
    assert scores["Organization"].recall == 1.0
    assert scores["Person"].matched == 1
    assert scores["Person"].gold == 2  # Dario counts by default (from metadata)
    assert scores["named"].gold == 4  # the optional Europe is not counted
    assert scores["named"].missed == ["GPT-4", "Dario Amodei"]
    assert scores["Concept"].recall == 0.5
    assert scores["core"].recall == 1.0
    assert scores["all"].precision == 1.0


def test_without_metadata_speakers() -> None:
    scores = score_entities(_gold(), [PredictedEntity("Ilya", "Person")], with_metadata=False)
    assert scores["Person"].gold == 1
    assert scores["Person"].recall == 1.0


def test_split_counted() -> None:
    scores = score_entities(
        _gold(),
        [
            PredictedEntity("Ilya", "Person"),
            PredictedEntity("Ilia", "Person"),
            PredictedEntity("Ilya Sutskever", "Person"),
            PredictedEntity("OpenAI", "Organization"),
        ],
    )
    assert scores["all"].splits == 1
    assert scores["Person"].splits == 1
    label, preds = scores["all"].split_groups[0]
    assert label == "Ilya Sutskever"
    assert len(preds) == 3
    # each split node is still a correct prediction
    assert scores["Person"].precision == 1.0
    assert scores["Person"].matched == 1


def test_merge_reported() -> None:
    scores = score_entities(_gold(), [PredictedEntity("OpenAI", "Product", ("GPT-4",))])
    assert scores.merges == [("OpenAI [Product]", ("OpenAI", "GPT-4"))]
    assert scores["named"].matched == 2


def test_type_mismatch() -> None:
    scores = score_entities(
        _gold(),
        [PredictedEntity("GPT-4", "Concept"), PredictedEntity("OpenAI", "org")],
    )
    product = scores["Product"]
    assert product.recall == 1.0
    assert product.typed_recall == 0.0
    assert product.mistyped == ["GPT-4 [Product] predicted as Concept"]
    # "org" is a synonym of Organization
    assert scores["Organization"].typed_recall == 1.0
    # precision is by predicted type: a Concept node that is a gold Product is still a match
    assert scores["Concept"].predicted == 1
    assert scores["Concept"].precision == 1.0
    assert scores["Product"].predicted == 0


def test_precision_and_unmatched() -> None:
    scores = score_entities(
        _gold(),
        [
            PredictedEntity("OpenAI", "Organization"),
            PredictedEntity("Sam", "Person"),
            PredictedEntity("thing", "Concept"),
            PredictedEntity("learning rates", "Concept"),  # no plural folding
            PredictedEntity("the European", "Place"),  # optional: neutral
            PredictedEntity("Ilya", "Speaker"),  # unknown type goes to "other"
        ],
    )
    assert scores["named"].predicted == 2
    assert scores["named"].precision == 0.5
    assert scores["named"].unmatched == ["Sam [Person]"]
    assert scores["Concept"].precision == 0.0
    assert scores["Concept"].unmatched == ["thing [Concept]", "learning rates [Concept]"]
    assert scores.neutral == ["the European [Place]"]
    assert scores["other"].predicted == 1
    assert scores["all"].predicted == 5
    assert scores["all"].predicted_matched == 2
    assert scores["Person"].typed_matched == 0  # Ilya only found as a "Speaker"


# --------------------------------------------------------------------------- relations


def test_relations() -> None:
    scores = score_relations(
        _gold(),
        [
            PredictedRelation("Ilia", "worksFor", "open AI"),
            PredictedRelation("Ilya Sutskever", "kg:worksFor", "OpenAI"),  # duplicate match
            PredictedRelation("Sutskever", "worksFor", "OpenAI", subject_aliases=("Ilya",)),
            PredictedRelation("OpenAI", "created", "Ilya Sutskever"),  # wrong direction
            PredictedRelation("GPT-4", "relatedTo", "OpenAI"),  # unscored predicate
        ],
    )
    assert scores.overall.gold == 3
    assert scores.overall.matched_gold == 1
    assert scores.overall.predicted == 4
    assert scores.overall.matched_predicted == 3
    assert scores.precision == 0.75
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.ignored == 1
    assert [r.predicate for r in scores.missed] == ["created", "worksFor"]
    assert [r.describe() for r in scores.false_positives] == ["OpenAI --created--> Ilya Sutskever"]
    assert scores.per_predicate["worksFor"].recall == 0.5
    assert scores.per_predicate["created"].precision == 0.0

    without = score_relations(
        _gold(), [PredictedRelation("Dario Amodei", "worksFor", "OpenAI")], with_metadata=False
    )
    assert without.overall.gold == 2
    assert without.overall.predicted == 0
    assert len(without.neutral) == 1


def test_report_formats() -> None:
    gold = _gold()
    result = score_transcript(
        gold,
        [PredictedEntity("Ilya", "Person"), PredictedEntity("Ilia", "Person")],
        [PredictedRelation("Ilya", "worksFor", "OpenAI")],
    )
    text = format_report(result)
    assert "entities" in text and "relations" in text
    assert "split" in text
    assert "missed relations" in text
    both = format_report([result, result])
    assert "== ALL: entities" in both


# --------------------------------------------------------------------------- predictions file


def test_predictions_for_transcript_and_main(tmp_path: Path, capsys) -> None:
    data = {
        "entities": [
            {
                "id": "e1",
                "label": "Ilya",
                "type": "Person",
                "aliases": ["Ilia"],
                "transcripts": ["seeds/000_d7e5a9d90b8e53ea.txt"],
            },
            {
                "id": "e2",
                "label": "open AI",
                "type": "Organization",
                "transcripts": ["000_d7e5a9d90b8e53ea", "001_e3e5ae1872f45ed1"],
            },
            {
                "id": "e3",
                "label": "Anthropic",
                "type": "Organization",
                "transcripts": ["001_e3e5ae1872f45ed1"],
            },
        ],
        "relations": [
            {"subject": "e1", "predicate": "worksFor", "object": "e2"},
            {"subject": "Anthropic", "predicate": "partOf", "object": "open AI"},
            {
                "subject": "x",
                "subject_label": "Dario Amodei",
                "predicate": "worksFor",
                "object": "Anthropic",
                "transcripts": ["001_e3e5ae1872f45ed1"],
            },
        ],
    }
    ents, rels = predictions_for_transcript(data, "000_d7e5a9d90b8e53ea")
    assert [e.label for e in ents] == ["Ilya", "open AI"]
    assert len(rels) == 1
    assert rels[0].subject == "Ilya"
    assert rels[0].subject_aliases == ("Ilia",)
    ents, rels = predictions_for_transcript(data, "001_e3e5ae1872f45ed1")
    assert [e.label for e in ents] == ["open AI", "Anthropic"]
    assert [r.subject for r in rels] == ["Anthropic", "Dario Amodei"]

    pred_path = tmp_path / "pred.json"
    pred_path.write_text(json.dumps(data), encoding="utf-8")
    out_json = tmp_path / "scores.json"
    assert main([str(GOLD_DIR), str(pred_path), "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "== 000_d7e5a9d90b8e53ea: entities" in out
    assert "== ALL: relations" in out
    scores = json.loads(out_json.read_text(encoding="utf-8"))
    first = {s["transcript"]: s for s in scores}["000_d7e5a9d90b8e53ea"]
    assert first["relations"]["per_predicate"]["worksFor"]["matched_gold"] == 1
    second = {s["transcript"]: s for s in scores}["001_e3e5ae1872f45ed1"]
    assert second["relations"]["overall"]["recall"] == 1.0


# --------------------------------------------------------------------------- gold files


def test_load_gold_rejects_bad_relation_end(tmp_path: Path) -> None:
    bad = {
        "transcript": "x",
        "entities": [{"label": "A", "type": "Person", "aliases": []}],
        "relations": [{"subject": "A", "predicate": "worksFor", "object": "B", "quote": ""}],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="not a gold entity"):
        load_gold(path)


def test_gold_dir_has_both_seeds() -> None:
    assert [g.transcript for g in load_gold_dir(GOLD_DIR)] == list(SEED_IDS)


@pytest.mark.parametrize("stem", SEED_IDS)
def test_gold_file(stem: str) -> None:
    gold = load_gold(GOLD_DIR / f"{stem}.json")
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    assert gold.transcript == stem
    assert {e.type for e in gold.entities} <= set(ENTITY_TYPES)

    # no normalised name is shared by two entities
    owners = Counter(k for e in gold.entities for k in e.keys)
    shared = sorted(k for k, n in owners.items() if n > 1)
    assert not shared, shared

    # every concept is graded
    for ent in gold.entities:
        if ent.type == "Concept":
            assert ent.importance in ("core", "minor"), ent.label

    # an entity named in the text shows at least one of its names there (a concept
    # that is only paraphrased says so in its note)
    folded = text.casefold()
    for ent in gold.entities:
        if not ent.from_metadata and not (ent.type == "Concept" and ent.note):
            assert any(n.casefold() in folded for n in ent.names), ent.label

    labels = {e.label for e in gold.entities}
    assert gold.relations
    for rel in gold.relations:
        assert rel.quote and rel.quote in text, rel.quote
        assert rel.subject in labels and rel.object in labels

    # the gold scores perfectly against itself
    result = score_transcript(
        gold,
        [PredictedEntity(e.label, e.type, e.aliases) for e in gold.entities],
        [PredictedRelation(r.subject, r.predicate, r.object) for r in gold.relations],
    )
    assert result.entities["all"].recall == 1.0
    assert result.entities["all"].typed_recall == 1.0
    assert result.entities["all"].precision == 1.0
    assert result.entities["all"].splits == 0
    assert result.entities.merges == []
    assert result.relations.precision == result.relations.recall == 1.0
