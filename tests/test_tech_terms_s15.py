"""Technical terms, units and technologies are no names of organisations or people.
Judging whole builds of unseen text (tests/data/judged_unseen_5, _6, _7) found NER's
organisations and people among a talk's terms of the trade: plural acronyms
("HTLCs") and acronyms WordNet lists as common nouns of made things, messages, acts
or fields ("CPU", "HTML"). Texts are written for these tests and share no wording with any
evaluation set; the lexicon is off, so only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def named(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the named (non-Concept) entities built from ``text``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities if e.type != "Concept"}


def test_a_plural_acronym_is_no_organisation(tmp_path):
    types = named(
        tmp_path,
        "channels.txt",
        "Host: How do the payments get through?\n"
        "Guest: The wallet signs the PTLCs first, and then the PTLCs settle. Each PTLC "
        "is another output, and if the PTLC is too small it is no real output. Stale "
        "PTLCs worry me, so Veridian wrote a watcher for PTLCs.\n",
    )
    assert not any(label.startswith("PTLC") for label in types)
    assert types.get("Veridian") == "Organization"


def test_an_acronym_wordnet_knows_as_a_thing_is_no_organisation(tmp_path):
    types = named(
        tmp_path,
        "listing.txt",
        "Host: What did the job look like back then?\n"
        "Guest: We wrote HTML all day, and the HTML still broke on every phone. "
        "Then Veridian bought us, and Veridian kept the HTML.\n",
    )
    assert "HTML" not in types
    assert types.get("Veridian") == "Organization"
