"""The extraction cache and ``kg clean``, with the real spaCy model: a cached rebuild
writes the same bytes as a clean one, only changed transcripts are parsed again,
damaged entries are rebuilt, and ``kg clean`` leaves only README.md and .gitignore."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.cache import CACHE_DIR
from kg.cli import main
from kg.config import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.json", "graph.html")
SMALL = "001_e3e5ae1872f45ed1"  # the shorter seed: the one the tests change


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in GRAPH_FILES}


def _same(a: dict[str, bytes], b: dict[str, bytes]) -> bool:
    """Byte equality of two builds' files, naming the files that differ when not."""
    differ = [name for name in GRAPH_FILES if a[name] != b[name]]
    assert not differ, f"differ: {differ}"
    return True


def _entries(out: Path) -> list[Path]:
    return sorted((out / CACHE_DIR / "extractions").rglob("*.pickle"))


def _parsed(out: Path) -> dict[str, float]:
    """The parsed-transcript entries, with their modification times."""
    return {p.name: p.stat().st_mtime_ns for p in (out / CACHE_DIR / "transcripts").glob("*")}


@pytest.fixture(scope="module")
def first_cache(tmp_path_factory) -> Path:
    """The cache of a first build of the seeds (every transcript a miss), made once."""
    out = tmp_path_factory.mktemp("first") / "out"
    report = build([SEEDS], out).report
    assert report["cache"] == {"enabled": True, "hits": 0, "misses": 2, "corrupt": 0}
    assert len(_entries(out)) == 2
    return out / CACHE_DIR


@pytest.fixture()
def inputs(tmp_path) -> Path:
    """A private copy of the seeds (with sidecars) that a test may change."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


@pytest.fixture()
def cached(inputs, tmp_path, first_cache) -> Path:
    """An outputs folder holding the first build's cache, rebuilt from it (all hits)."""
    out = tmp_path / "out"
    out.mkdir()
    shutil.copytree(first_cache, out / CACHE_DIR)
    report = build([inputs], out).report
    assert report["cache"] == {"enabled": True, "hits": 2, "misses": 0, "corrupt": 0}
    assert report["executor"]["processes"] == 0, "nothing should have been parsed"
    return out


def _entry_of(out: Path, transcript_file: Path) -> Path:
    from kg.cache import transcript_key
    from kg.ingest import read_transcript

    key = transcript_key(read_transcript(transcript_file))
    (entry,) = [p for p in _entries(out) if p.stem == key]
    return entry


def _clean_build(inputs: Path, out: Path) -> dict[str, bytes]:
    result = build([inputs], out, Settings(cache=False))
    assert result.report["cache"]["enabled"] is False
    assert not (out / CACHE_DIR).exists(), "--no-cache must not write a cache"
    return _files(out)


def test_rebuild_from_cache_is_byte_identical_to_a_clean_build(inputs, cached, tmp_path):
    assert _same(_clean_build(inputs, tmp_path / "clean"), _files(cached))


def test_changing_one_transcript_reextracts_only_that_one(inputs, cached, tmp_path):
    before = _files(cached)
    path = inputs / f"{SMALL}.txt"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "[00:10:00.000 --> 00:10:05.000]  Later Demis Hassabis founded DeepMind in London.\n",
        encoding="utf-8",
    )
    report = build([inputs], cached).report
    assert report["cache"]["hits"] == 1 and report["cache"]["misses"] == 1
    after = _files(cached)
    assert after != before, "the change must show in the outputs"
    assert b"Demis Hassabis founded DeepMind" in after["graph.nt"]
    assert _same(_clean_build(inputs, tmp_path / "clean"), after)
    # parsed transcripts: one entry per input file, the unchanged one reused as it was
    parsed = _parsed(cached)
    assert len(parsed) == 2
    build([inputs], cached)
    assert _parsed(cached) == parsed


def test_sidecar_and_extraction_settings_are_part_of_the_key(inputs, cached):
    side = inputs / f"{SMALL}.meta.json"
    meta = json.loads(side.read_text(encoding="utf-8"))
    meta["title"] = "A retitled episode"
    side.write_text(json.dumps(meta), encoding="utf-8")
    assert build([inputs], cached).report["cache"]["misses"] == 1
    # a setting of a later stage reuses every entry; one extraction reads does not
    assert build([inputs], cached, Settings(max_nodes=10)).report["cache"]["hits"] == 2
    report = build([inputs], cached, Settings(concept_min_count=3)).report
    assert report["cache"]["misses"] == 2
    # the cache keeps only the entries of the latest configuration
    assert len(_entries(cached)) == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other-transcript"])
def test_damaged_cache_entry_is_ignored_and_rebuilt(inputs, cached, damage):
    expected = _files(cached)
    victim = _entry_of(cached, inputs / f"{SMALL}.txt")
    if damage == "garbage":
        victim.write_bytes(b"\x00not a pickle\xff" * 10)
    elif damage == "truncated":
        victim.write_bytes(victim.read_bytes()[:50])
    else:  # a valid entry, of the other transcript
        other = [p for p in _entries(cached) if p != victim][0]
        victim.write_bytes(other.read_bytes())
    report = build([inputs], cached).report
    assert report["cache"] == {"enabled": True, "hits": 1, "misses": 1, "corrupt": 1}
    assert _same(_files(cached), expected)
    assert build([inputs], cached).report["cache"]["hits"] == 2, "entry not rewritten"
    leftovers = [p for p in (cached / CACHE_DIR).rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def test_kg_clean_keeps_only_readme_and_gitignore(inputs, cached, capsys):
    out = cached
    (out / "README.md").write_text("# outputs\n")
    (out / ".gitignore").write_text("*\n")
    assert main(["build", str(inputs), "-o", str(out), "--quiet"]) == 0
    assert (out / CACHE_DIR).is_dir() and (out / "graph.ttl").is_file()
    assert main(["clean", "-o", str(out)]) == 0
    assert "removed" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [".gitignore", "README.md"]
    assert main(["clean", "-o", str(out)]) == 0
    assert "already clean" in capsys.readouterr().out


def test_kg_clean_refuses_a_folder_that_is_not_an_outputs_folder(tmp_path, capsys):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    assert main(["clean", "-o", str(precious)]) == 2
    err = capsys.readouterr().err
    assert "not a kg outputs folder" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert (precious / "thesis.tex").read_text() == "years of work"


def test_relation_code_and_ontology_data_are_part_of_the_key(tmp_path, monkeypatch):
    """Editing a relation reader (``extract/relations/``) or a data file extraction reads
    (a name list, the WordNet table) must re-extract: both change the cache key."""
    import kg
    import kg.cache as cache
    import kg.ontology

    package = tmp_path / "kg"
    shutil.copytree(Path(kg.__file__).parent, package, ignore=shutil.ignore_patterns("*.pyc"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    reader = package / "extract" / "relations" / "finder.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() != before
    cache.code_fingerprint.cache_clear()

    data = tmp_path / "ontology"
    shutil.copytree(kg.ontology.ONTOLOGY_DIR, data)
    monkeypatch.setattr(kg.ontology, "ONTOLOGY_DIR", data)
    cache._data_fingerprint.cache_clear()
    before = cache._data_fingerprint()
    names = data / "first_names.txt"
    names.write_text(names.read_text(encoding="utf-8") + "zebulonia\n", encoding="utf-8")
    cache._data_fingerprint.cache_clear()
    assert cache._data_fingerprint() != before
    cache._data_fingerprint.cache_clear()


def test_a_fully_cached_build_never_imports_spacy(inputs, cached, tmp_path):
    """Importing spaCy takes about half a second; a rebuild whose transcripts are all
    in the cache must not pay it (no module of the build imports it at load time)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kg.build import build\n"
        "from kg.config import Settings\n"
        f"result = build([Path({str(inputs)!r})], Path({str(cached)!r}), Settings())\n"
        "assert result.ok, result.errors\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stdout
