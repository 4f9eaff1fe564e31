"""Types of names decided by the votes of all their mentions (round 14): the words
around every mention of a name count, whatever NER tagged. Texts are written for these
tests and share no wording with any evaluation set; the lexicon is off, so only the
general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_a_name_said_with_and_without_the_pools_its_votes(tmp_path):
    """A name introduced as "a TV called The Lumeva": "I'll buy the Lumeva" and "get The
    Lumeva" are the same name, though NER tags "the" once and not the other times."""
    types = types_of(
        tmp_path,
        "living_room.txt",
        "Host: What did you get for the new flat?\n"
        "Guest: We just bought this TV called The Lumeva from Brightcorp. It hangs on "
        "the wall like a painting.\n"
        "Host: I do know The Lumeva, and a few of my friends have it.\n"
        "Guest: We were like, maybe we should get The Lumeva. I'll buy the Lumeva "
        "again, honestly.\n",
    )
    lumeva = {label: t for label, t in types.items() if "Lumeva" in label}
    assert lumeva and set(lumeva.values()) == {"Product"}, types


def test_a_name_one_met_at_in_a_town_and_a_year_is_a_gathering(tmp_path):
    """ "We showed the prototype at Zentriq in Lisbon in 2016": a meeting held in one
    town one year; "I was at Daltrix in Austin in 1998" (a job, as often) keeps NER's type."""
    text = (
        "Host: Where did the project start?\n"
        "Guest: We first showed the prototype at Zentriq in Lisbon in 2016. Then I was at Daltrix in Austin in 1998 for a long while, and "
        "Daltrix hired four more engineers.\n"
    )
    types = types_of(tmp_path, "origins.txt", text)
    assert types.get("Zentriq") == "Event", types
    assert types.get("Daltrix") != "Event", types


def test_a_name_said_after_our_or_my_is_a_thing_one_has(tmp_path):
    """A name said as "people coming into our Slinkwork": one has a workspace or an
    account, not a firm; NER's organisation gives way."""
    types = types_of(
        tmp_path,
        "community.txt",
        "Host: How do people find you?\n"
        "Guest: Post it in the forum, and people coming into our Slinkwork will see "
        "it. Half of the questions start in our Slinkwork these days.\n",
    )
    assert types.get("Slinkwork") == "Product", types


def test_a_name_counted_out_is_a_thing_one_has(tmp_path):
    """A name said as "I owned two Velkoras": devices and copies are counted, firms
    are not; NER's organisation gives way."""
    types = types_of(
        tmp_path,
        "childhood.txt",
        "Host: What did you play on as a kid?\n"
        "Guest: I owned two Velkoras, and I had a few Velkoras more at my cousin's "
        "house. We played puzzles on them every night.\n",
    )
    assert types.get("Velkoras") == "Product", types
