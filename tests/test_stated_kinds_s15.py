"""Kinds a sentence states of a name (round 15): "X, which in fact is a book", "X was
one of those technologies", "an app that was called X". The kind noun types the name,
not NER. Texts are written for these tests and share no wording with any evaluation
set; denials and questions state no kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.config import Settings
from kg.extract.entities import context_type
from kg.nlp import load_nlp


def type_of(text: str, name: str) -> str | None:
    """The type the words around the first ``name`` in ``text`` give it."""
    doc = load_nlp(Settings())(text)
    words = name.split()
    for i in range(len(doc) - len(words) + 1):
        if [t.text for t in doc[i : i + len(words)]] == words:
            return context_type(doc, i, i + len(words))
    raise AssertionError(f"{name!r} not in {text!r}")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a non-restrictive relative clause past adverbs states the kind
        (
            "Last winter I finally finished Quarrow Tide, which in fact is a book about lighthouses.",
            "Quarrow Tide",
            "Work",
        ),
        ("We switched to Plimsette, which is actually a tool for billing.", "Plimsette", "Product"),
        (
            "They sold it to Vantrell, which was a small startup in Leeds.",
            "Vantrell",
            "Organization",
        ),
        # "one of those <kinds>", "a kind of <kind>"
        ("Drobix was one of those technologies.", "Drobix", "Product"),
        ("Honestly, Kelbrane is one of the best podcasts around.", "Kelbrane", "Work"),
        ("Tessaline is a kind of protocol for sharing keys.", "Tessaline", "Product"),
        # a relative clause of naming: the kind noun is its antecedent
        ("In school I built an app that was called Morrow Vane.", "Morrow Vane", "Product"),
        ("She ran a company which is now named Pellacor.", "Pellacor", "Organization"),
    ],
)
def test_a_stated_kind_types_the_name(text, name, expected):
    assert type_of(text, name) == expected


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        ("Friday at Brannock was one of those days.", "Brannock", None),
        ("Is Zentrop a book or a film?", "Zentrop", "Work"),
        ("Zentrop is not a company at all.", "Zentrop", "Organization"),
        ("Zentrop, which is not a company, gave us the money.", "Zentrop", "Organization"),
    ],
)
def test_no_kind_is_stated_by_a_denial_a_question_or_a_day(text, name, wrong):
    etype = type_of(text, name)
    assert etype is None or (wrong is not None and etype != wrong), etype


def test_a_stated_kind_types_every_mention(tmp_path: Path):
    """Said once as "which in fact is a book", the name is a work at every mention."""
    (tmp_path / "reading.txt").write_text(
        "Host: What are we talking about today?\n"
        "Guest: Our topic is Harrowgate Commons, which in fact is a book about "
        "shared land. I think Harrowgate Commons changed how people see farming.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False, lexicon="off")).graph
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Harrowgate Commons") == "Work", types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hello and welcome to Drumlane.", "Drumlane"),
        ("Hi everyone, welcome back to Kestrel Hour, I'm your host.", "Kestrel Hour"),
    ],
)
def test_a_name_one_is_welcomed_to_is_the_show(text, name):
    """ "Hello and welcome to X" opens a show: X is a work (NER: an organisation)."""
    assert type_of(text, name) == "Work"


def test_a_place_one_is_welcomed_to_stays_a_place():
    assert type_of("Welcome to Lisbon, everyone.", "Lisbon") != "Work"
