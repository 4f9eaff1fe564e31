"""Which region a place lies in, from GeoNames (``ontology/place_regions.tsv.gz``, made
by ``bench/make_place_regions.py``): a city's country and, in the United States, its
state; a US state's country; a country's continent.

A speaker who names a place right beside another ("Phoenix, Arizona", "lyon france")
says where the first lies only when the second holds it; word order alone would also
pair "Paris, Berlin" in a list. :func:`lies_in` asks the gazetteer, so the graph states
only what the speaker said *and* the world confirms.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

from ...ontology import ONTOLOGY_DIR

__all__ = ["REGIONS_FILE", "is_region", "lies_in", "regions_of"]

REGIONS_FILE = "place_regions.tsv.gz"

#: Short names speech gives the two countries it names most, as GeoNames names them.
_COUNTRY_ALIASES = {
    "us": "united states",
    "u s": "united states",
    "usa": "united states",
    "u s a": "united states",
    "america": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "u k": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
}


def _key(name: str) -> str:
    key = " ".join(re.findall(r"[a-z]+", name.lower()))
    return _COUNTRY_ALIASES.get(key, key)


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    text = gzip.decompress((ONTOLOGY_DIR / REGIONS_FILE).read_bytes()).decode("ascii")
    return {
        place: frozenset(regions.split("|"))
        for place, regions in (line.split("\t") for line in text.splitlines())
    }


def regions_of(place: str) -> frozenset[str]:
    """The regions (lowercase words) GeoNames puts ``place`` in; empty when unknown."""
    return _table().get(_key(place), frozenset())


def lies_in(place: str, region: str) -> bool:
    """``place`` lies in ``region`` by GeoNames ("Phoenix" in "Arizona" or "the US")."""
    return _key(region) in regions_of(place)


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return frozenset(r for regions in _table().values() for r in regions)


def is_region(name: str) -> bool:
    """``name`` is a region GeoNames puts places in: a country, a US state, a
    continent ("France", "Idaho", "the US")."""
    key = _key(name)
    if key.startswith("the "):
        key = _key(key[4:])  # "the US"
    return key in _regions()
