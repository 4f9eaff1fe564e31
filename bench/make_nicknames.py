"""Derive ``ontology/nicknames.tsv``: English given names and their short forms.

The source is the ``names.csv`` of carltonnorthern/nicknames (Apache License 2.0; the
licence text travels with the derived file as ``ontology/NICKNAMES-LICENSE``): lines
``name1,has_nickname,name2`` ("gregory,has_nickname,greg", "william,has_nickname,bill"),
gathered from genealogy references. The derived file keeps, one per line, ``formal<TAB>short``
for every such pair of alphabetic names, sorted, so that resolution can tell that
"Greg Kurtzer" and "Gregory Kurtzer" of one transcript are one person
(:mod:`kg.resolve`).

Rerun (the file from any clone of the repository)::

    python bench/make_nicknames.py /path/to/nicknames/names.csv
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ontology" / "nicknames.tsv"
HEADER = (
    "# Given names and their short forms, one pair per line: formal<TAB>short.\n"
    "# Derived by bench/make_nicknames.py from names.csv of carltonnorthern/nicknames\n"
    "# (Apache License 2.0, text in NICKNAMES-LICENSE).\n"
)


def pairs(rows) -> list[tuple[str, str]]:
    """The (formal, short) pairs of ``name1,has_nickname,name2`` rows, lowercase,
    alphabetic names only, without duplicates, sorted."""
    out = set()
    for row in rows:
        if len(row) != 3 or row[1] != "has_nickname":
            continue
        formal, short = row[0].strip().lower(), row[2].strip().lower()
        if formal.isalpha() and short.isalpha() and formal != short:
            out.add((formal, short))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names_csv", type=Path)
    args = parser.parse_args()
    with args.names_csv.open(newline="", encoding="utf-8") as f:
        found = pairs(csv.reader(f))
    OUT.write_text(HEADER + "".join(f"{a}\t{b}\n" for a, b in found), encoding="utf-8")
    print(f"{len(found)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
