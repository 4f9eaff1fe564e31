"""Which of NER's names a cased transcript keeps (the eleventh round's recall work):
a name that ends with a known product and adds capitalised words of its own in
mid-sentence is that product's edition ("Scientific Linux" around the lexicon's
"Linux"), typed as the product; a rare word capitalised in mid-sentence that NER calls
a person is kept though said once. Texts are written for these tests and share no
wording with any evaluation set."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def names_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the named (non-concept) entities built from ``text``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False)).graph
    return {e.label: e.type for e in graph.entities if e.type != "Concept"}


def test_a_capitalised_name_ending_with_a_known_product_is_kept_as_a_product(tmp_path):
    names = names_of(
        tmp_path,
        "servers.txt",
        "Host: What did the company run on?\n"
        "Guest: At first every server ran Debian. Then, in 2004, I moved the whole "
        "cluster to Scientific Linux, and we kept it there for years. I still think "
        "that was the right call, because the team knew it well.\n",
    )
    assert names.get("Scientific Linux") == "Product"


def test_a_known_product_after_common_lowercase_words_is_not_widened(tmp_path):
    names = names_of(
        tmp_path,
        "laptop.txt",
        "Host: What do you use at home?\n"
        "Guest: I have an old laptop that runs Linux, and it is fine. My daughter "
        "uses Linux too, and she likes it.\n",
    )
    assert not [label for label in names if label.endswith("Linux") and label != "Linux"]


def test_a_rare_capitalised_word_ner_calls_a_person_is_kept_once(tmp_path):
    names = names_of(
        tmp_path,
        "parser.txt",
        "Host: Where did you publish the first version?\n"
        "Guest: I wrote the parser in a weekend and I put it up on Gitorious, because "
        "that was where people looked back then. A few weeks later someone sent me a "
        "patch, and that is how the project began.\n",
    )
    assert "Gitorious" in names


def test_a_rare_word_said_once_in_lowercase_text_needs_more(tmp_path):
    names = names_of(
        tmp_path,
        "parser.txt",
        "host: where did you publish the first version\n"
        "guest: i wrote the parser in a weekend and i put it up on gitorious because "
        "that was where people looked back then a few weeks later someone sent me a "
        "patch and that is how the project began\n",
    )
    assert "Gitorious" not in names and "gitorious" not in names
