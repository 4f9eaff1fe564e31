"""Types of names the lexicon does not know, from strong cues only: the last word of a
name ("the Harwick Declaration", "Quillon OS", at "the Marrow Gadget Show"), a kind
noun said as the subject a name completes ("the framework we all used was X") and a
list after a plural kind noun and a colon ("companies: X, Y"). Texts are written for
these tests and share no wording with any evaluation set; the lexicon is off, so only
the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_the_last_word_of_a_name_says_it_is_a_text_or_a_system(tmp_path):
    types = types_of(
        tmp_path,
        "history.txt",
        "Host: What came out of the meeting?\n"
        "Guest: The delegates signed the Harwick Declaration in March, and the "
        "Harwick Declaration set the borders for twenty years. Later the engineers "
        "at the ministry moved every machine to Quillon OS, and Quillon OS ran the "
        "archive until 1999.\n",
    )
    assert types.get("Harwick Declaration") == "Work"
    assert types.get("Quillon OS") == "Product"


def test_a_show_one_is_at_is_an_event(tmp_path):
    types = types_of(
        tmp_path,
        "trip.txt",
        "Host: Where did you find it?\n"
        "Guest: I found the puzzle at the Marrow Gadget Show in Denver. Everyone at "
        "the Marrow Gadget Show was playing it, and I bought the rights that week.\n",
    )
    assert types.get("Marrow Gadget Show") == "Event"


def test_a_kind_noun_said_before_the_name_it_is_types_the_name(tmp_path):
    types = types_of(
        tmp_path,
        "career.txt",
        "Host: How did you get started?\n"
        "Guest: In school the framework that everybody was using then was Zanthra. "
        "So I learned Zanthra, and later I taught Zanthra to my students.\n",
    )
    assert types.get("Zanthra") == "Product"


def test_a_kind_noun_and_a_colon_type_the_names_listed_after_them(tmp_path):
    types = types_of(
        tmp_path,
        "rights.txt",
        "Host: Who had the rights back then?\n"
        "Guest: Well, the ministry had sold the rights to a bunch of different "
        "companies: Dalgaard, Petrovna, and Hollis. Dalgaard had a big hit with it, "
        "and Dalgaard sold millions of copies.\n",
    )
    assert types.get("Dalgaard") == "Organization"


def test_a_project_called_x_is_a_product_past_an_adverb(tmp_path):
    types = types_of(
        tmp_path,
        "tools.txt",
        "Host: What did you do when the old installer was gone?\n"
        "Guest: I missed it a lot. So I started a project actually called Fennick, "
        "to install packages and resolve dependencies. Fennick grew fast, and soon "
        "Fennick had a hundred contributors.\n",
    )
    assert types.get("Fennick") == "Product"
