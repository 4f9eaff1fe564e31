"""The written form of a name heard only in lowercase speech.

Lowercase captions ("i joined nato", "deepmind hired me") carry no capitals, and
title-casing every word gives "Nato" and "Deepmind". Where a source of the name's
written form exists it is used, in this order: the lexicon's own spelling of that name
("DeepMind"); the form WordNet 3.0 writes the named individual in
(``ontology/wordnet_names.tsv.gz``: "NATO", "Baltic Sea", "MIT"); a short word that is
no English word and cannot be read as one (no vowel, or three letters or fewer: "ibm",
"cnn") said alone as no person, in capitals, as initials are written. Otherwise each word is title-cased, with
the function words of :data:`LOWER_IN_NAMES` kept lowercase inside the name. A pure
function of the name and the lexicon: labels stay deterministic for RDF and HTML.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from .extract.propernames import DATA_FILE
from .extract.wordnet import senses
from .lexicon import Lexicon
from .ontology import ONTOLOGY_DIR

__all__ = ["written_form", "LOWER_IN_NAMES", "INITIALS_MAX_LETTERS"]

#: Words a name keeps in lowercase inside it ("Paris School of Medicine").
LOWER_IN_NAMES = frozenset(
    {"of", "the", "and", "for", "to", "a", "an", "in", "on", "at", "with"}
    | {"de", "van", "von", "la", "le", "du"}
)
#: The longest word read as initials ("nasa" is WordNet's; "sony", "uber" are words).
INITIALS_MAX_LETTERS = 5
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1)
def _wordnet_forms() -> dict[str, str]:
    """Lowercase name -> the form WordNet writes it in (its first listing)."""
    data = gzip.decompress((ONTOLOGY_DIR / DATA_FILE).read_bytes()).decode("utf-8")
    out: dict[str, str] = {}
    for line in data.splitlines():
        name = line.split("\t", 1)[0]
        if any(c.isupper() for c in name):
            out.setdefault(name.lower(), name)
    return out


def _lexicon_form(name: str, lexicon: Lexicon) -> str | None:
    """The lexicon's spelling of exactly these words, if it lists them."""
    entry = lexicon.lookup(name)
    if entry is None:
        return None
    for written in lexicon.names(entry.id):
        if written.lower().split() == name.split():
            return written
    return None


def _initials(word: str) -> bool:
    """A short word that is no English word and reads as letters, not a syllable."""
    return (
        word.isalpha()
        and 2 <= len(word) <= INITIALS_MAX_LETTERS
        and not senses(word)
        and (len(word) <= 3 or not _VOWELS.intersection(word))
    )


def written_form(name: str, lexicon: Lexicon, person: bool = False) -> str:
    """How the lowercase name ``name`` is written (see the module docstring); a
    person's name is never read as initials ("ian", "bo"), nor a word of a longer name."""
    name = " ".join(name.split())
    found = _lexicon_form(name, lexicon) or _wordnet_forms().get(name)
    if found is not None:
        return found
    words = []
    for i, word in enumerate(name.split()):
        form = _wordnet_forms().get(word, "")
        if form.isupper() or (not person and " " not in name and _initials(word)):
            words.append(word.upper())  # "nato summit", "ibm research"
        elif i and word in LOWER_IN_NAMES:
            words.append(word)
        else:
            words.append(word[:1].upper() + word[1:])
    return " ".join(words)
