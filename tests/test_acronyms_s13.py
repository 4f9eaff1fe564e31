"""Acronyms a transcript uses as common nouns are no organisations: NER tags
initialisms of the trade ("an RPC", "my SPA", "some SQL", "RFCs", "X stands for")
ORG, which judging a whole build of unseen text (tests/data/judged_unseen_names)
found to be a third of its errors. Organisations in capitals ("at IBM", "IBM's",
"joined NASA") stay organisations. Texts are written for these tests and share no
wording with any evaluation set; the lexicon is off, so only the general machinery
is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def named(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the named (non-Concept) entities built from ``text``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities if e.type != "Concept"}


def test_an_acronym_after_a_determiner_is_no_organisation(tmp_path):
    types = named(
        tmp_path,
        "query.txt",
        "Host: Where did the data come from?\n"
        "Guest: We wrote some SQL against the warehouse, and my SQL was slow. The SQL "
        "ran for hours before Veridian bought the company.\n",
    )
    assert "SQL" not in types
    assert types.get("Veridian") == "Organization"


def test_an_acronym_spelled_out_is_no_organisation(tmp_path):
    types = named(
        tmp_path,
        "pattern.txt",
        "Host: What do you make of the new server actions?\n"
        "Guest: To me it is the old pattern of RPC coming back. RPC, I think it stands "
        "for Remote Procedure Call, and RPC is nothing new either. Everybody wrote some "
        "RPC in the nineties.\n",
    )
    assert "RPC" not in types
    assert "Remote Procedure Call" not in types


def test_an_acronym_after_an_adjective_is_no_organisation(tmp_path):
    types = named(
        tmp_path,
        "app.txt",
        "Host: How did you ship the app back then?\n"
        "Guest: We shipped a SPA first. My SPA talked to the server, and every SPA "
        "needed a separate API. Then SPAs went out of fashion.\n",
    )
    assert "API" not in types
    assert "SPA" not in types


def test_organisations_in_capitals_stay(tmp_path):
    types = named(
        tmp_path,
        "career.txt",
        "Host: Where did you start?\n"
        "Guest: I worked at IBM for ten years, and IBM's research lab taught me a lot. "
        "Then I joined NASA, and NASA sent me to Houston. An IBM mainframe ran "
        "everything there, and I still keep an IBM in my garage, and a NASA badge.\n",
    )
    assert types.get("IBM") == "Organization"
    assert types.get("NASA") == "Organization"
