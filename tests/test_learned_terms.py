"""The learned second look at refused terms (kg/extract/learned_terms.py): the shipped
model matches the features the code computes, is used only with the spaCy model it was
fitted on and when the setting allows, and only ever adds concepts the rules refused,
never a name, never a phrase around a term the rules chose.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

import dataclasses

from kg.config import Settings
from kg.extract.learned_terms import (
    feature_names,
    load_model,
    term_model,
)


def test_the_shipped_model_reads_the_features_the_code_computes():
    model = load_model()
    assert model is not None
    assert model.features == feature_names(model.tensor_width)
    n = len(model.features)
    assert model.mean.shape == model.scale.shape == model.weights.shape == (n,)
    assert (model.scale > 0).all()


def test_the_model_is_used_only_with_its_spacy_model_and_when_allowed():
    settings = Settings()
    assert term_model(settings) is not None
    assert term_model(dataclasses.replace(settings, learned_terms=False)) is None
    assert term_model(dataclasses.replace(settings, model="en_core_web_lg")) is None


_TALK = (
    "Host: Welcome back. Today Mara Lind tells us about Kestrel, her coffee company.\n"
    "Mara Lind: Thanks. Coffee is a strange crop. Coffee grows on hillsides, and coffee "
    "prices swing with the weather. We buy coffee from farmers in Colombia, and the "
    "caffeine content of coffee varies a lot. Decaf coffee is made by washing the beans.\n"
    "Host: And tea? Tea has caffeine too.\n"
    "Mara Lind: Tea is different. Green tea has less caffeine than coffee, and black tea "
    "is somewhere in between. Kestrel sells both, but coffee pays the bills. Caffeine "
    "tolerance builds up quickly, so people drink more coffee over time.\n"
)


def _terms(extract, learned: bool) -> tuple[set[str], set[str]]:
    settings = dataclasses.replace(Settings(), learned_terms=learned, cache=False)
    found = extract(_TALK, settings=settings)
    concepts = {m.surface.lower() for m in found.mentions if m.type == "Concept"}
    names = {m.surface.lower() for m in found.mentions if m.type != "Concept"}
    return set(found.concept_terms), concepts | names


def test_the_model_only_adds_concepts_and_never_a_name(extract):
    without, _ = _terms(extract, False)
    with_model, surfaces = _terms(extract, True)
    assert without <= with_model
    added = with_model - without
    assert added  # "tea", said again and again beside the coffee the rules kept
    assert "kestrel" not in added and "mara lind" not in added
    for key in added:  # never a phrase around a term the rules chose
        assert not any(f" {t} " in f" {key} " for t in without if t != key), key
