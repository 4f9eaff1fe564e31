"""Which of NER's names a cased transcript keeps (the eleventh round's recall work):
a name that ends with a known product and adds capitalised words of its own in
mid-sentence is that product's edition ("Silver Fox Linux" around the lexicon's
"Linux"), typed as the product; a word written as a brand ("CloudVault") that NER
calls a person is kept though said once, as a product. Texts are written for these tests and share no
wording with any evaluation set."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.extract.entities import brand_word


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
        "cluster to Silver Fox Linux, and we kept it there for years. I still think "
        "that was the right call, because the team knew it well.\n",
    )
    assert names.get("Silver Fox Linux") == "Product"


def test_a_known_product_after_common_lowercase_words_is_not_widened(tmp_path):
    names = names_of(
        tmp_path,
        "laptop.txt",
        "Host: What do you use at home?\n"
        "Guest: I have an old laptop that runs Linux, and it is fine. My daughter "
        "uses Linux too, and she likes it.\n",
    )
    assert not [label for label in names if label.endswith("Linux") and label != "Linux"]


def test_a_brand_word_ner_calls_a_person_is_kept_once_as_a_product(tmp_path):
    names = names_of(
        tmp_path,
        "backups.txt",
        "Host: Where did the backups go?\n"
        "Guest: We needed somewhere to keep them for a while. We tried CloudVault and "
        "it was fine, so nobody asked for anything else that year.\n",
    )
    assert names.get("CloudVault") == "Product"


def test_a_word_said_once_in_lowercase_text_needs_more(tmp_path):
    names = names_of(
        tmp_path,
        "parser.txt",
        "host: where did you publish the first version\n"
        "guest: i wrote the parser in a weekend and i put it up on codehaven because "
        "that was where people looked back then a few weeks later someone sent me a "
        "patch and that is how the project began\n",
    )
    assert "CodeHaven" not in names and "codehaven" not in names


def test_brand_words_are_capitalised_words_run_together_but_not_surnames():
    assert brand_word("CloudVault") and brand_word("PayPal")
    assert not brand_word("McCarthy") and not brand_word("LeCun") and not brand_word("DiNardo")
    assert not brand_word("Codehaven") and not brand_word("NASA") and not brand_word("CloseAI")
