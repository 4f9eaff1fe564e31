"""Which noun phrases are established English nouns, and what kind of thing each names.

Statistics of one transcript cannot tell an established compound said once ("mailing
list", "immune system") from two nouns of unpunctuated speech run together ("disease
jenner", "schooling requirement"), nor a kind of people said twice ("researcher") from
a thing the talk is about ("microscope"). A dictionary can: WordNet 3.0 (Princeton
University; ``ontology/WORDNET-LICENSE``) lists ~118,000 noun lemmas, ~60,000 of them
multiword, each with the lexicographer file (its "lexname": noun.person, noun.artifact,
noun.state, ...) of each of its senses, most frequent sense first.

``ontology/wordnet_nouns.tsv.gz`` holds just that, derived by
``bench/make_wordnet_nouns.py``: one line ``lemma<TAB>letters``, a letter per sense
(:data:`LEXNAMES`). It is read once per process, on first use (~0.1 s).
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from ..ontology import ONTOLOGY_DIR

__all__ = ["LEXNAMES", "DATA_FILE", "senses", "first_lexname", "is_noun_lemma"]

#: The data file in ``ontology/`` (shipped as ``kg.ontology_files``), WordNet 3.0.
DATA_FILE = "wordnet_nouns.tsv.gz"
#: The noun lexicographer files of WordNet 3.0, numbers 03 to 28: the sense letter
#: ``a`` is the first, ``b`` the second, ...
LEXNAMES = (
    "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
    "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
    "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance",
    "noun.time",
)  # fmt: skip


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Lemma (lowercase, words separated by spaces) -> one letter per sense."""
    data = gzip.decompress((ONTOLOGY_DIR / DATA_FILE).read_bytes()).decode("utf-8")
    return dict(line.split("\t", 1) for line in data.splitlines())


def senses(lemma: str) -> tuple[str, ...]:
    """The lexnames of the noun senses of ``lemma`` (lowercase), most frequent first;
    empty when WordNet does not list it as a noun."""
    return tuple(LEXNAMES[ord(c) - ord("a")] for c in _table().get(lemma, ""))


def first_lexname(lemma: str) -> str | None:
    """The lexname of the first (most frequent) noun sense of ``lemma``, if any."""
    letters = _table().get(lemma)
    return LEXNAMES[ord(letters[0]) - ord("a")] if letters else None


def is_noun_lemma(phrase: str) -> bool:
    """Whether WordNet lists ``phrase`` (lowercase, head lemmatised) as a noun, as it is
    or written solid or hyphened: speech transcribed "cow pox" is WordNet's "cowpox"."""
    table = _table()
    words = phrase.replace("-", " ").split()
    return any(form in table for form in (phrase, " ".join(words), "".join(words), "-".join(words)))
