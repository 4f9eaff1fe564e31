"""kg installs like a real package: a wheel built from the tracked files carries the
ontology (kg.ttl, shapes.ttl, lexicon.tsv, name lists), the templates, static files and
named queries, and runs `kg build` / `kg query` from a folder outside the repository;
the build prints no warning of ours; a user's own ontology folder is a setting.

The wheel is built by pip with its ordinary build isolation (setuptools from the
index) from a copy of the tracked files, so a file that only exists in this work tree,
or a stale ``build/`` folder, cannot make it pass. `.ci/wheel.sh` goes one step further
in CI: a fresh venv with every dependency installed from the index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from kg.ontology import ONTOLOGY_FILES, builtin_ontology_dir, ontology_file

#: Lines of a verbose build that come from this machine's pip set-up, not from kg.
_ENVIRONMENT_NOISE = ("byte-compiling is disabled", "Location 'file:", "Looking in")


def _tracked_copy(target: Path) -> Path:
    """The files git tracks (as they are in the work tree) copied to ``target``."""
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, names):
        source = ROOT / name.decode()
        if source.is_file():
            dest = target / name.decode()
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """(the wheel built from the tracked files, pip's verbose build log)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    base = tmp_path_factory.mktemp("wheel")
    source = _tracked_copy(base / "src")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(base / "dist"), "."],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (found,) = (base / "dist").glob("kg-*.whl")
    return found, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel unpacked as a site-packages folder (its dependencies are this venv's)."""
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel[0]) as archive:
        archive.extractall(site)
    return site


def _run_outside(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m kg ARGS`` in ``cwd`` (outside the repository), importing kg from ``site``."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_wheel_carries_ontology_templates_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    for name in (
        *ONTOLOGY_FILES,
        "wordnet_nouns.tsv.gz",
        "wordnet_names.tsv.gz",
        "place_names.tsv.gz",
        "WORDNET-LICENSE",
    ):
        assert f"kg/ontology_files/{name}" in names
    for folder, suffix in (("queries", ".rq"), ("templates", ".html"), ("static", ".js")):
        shipped = {n for n in names if n.startswith(f"kg/{folder}/")}
        expected = {
            f"kg/{folder}/{p.name}" for p in (ROOT / "kg" / folder).iterdir() if p.is_file()
        }
        assert shipped == expected and any(n.endswith(suffix) for n in shipped)
    assert not any("__pycache__" in n for n in names)


def test_build_prints_no_warning_of_ours(wheel):
    """A quiet install: no deprecation (the licence as a TOML table was one) and no
    'package would be ignored' notice for the data folders."""
    lines = [
        line
        for line in wheel[1].splitlines()
        if re.search(r"warn|deprecat", line, re.IGNORECASE)
        and not any(noise in line for noise in _ENVIRONMENT_NOISE)
    ]
    assert lines == []


def test_wheel_builds_and_queries_from_another_folder(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    probe = subprocess.run(
        [sys.executable, "-c", "import kg.ontology as o; print(o.__file__); print(o.ONTOLOGY_DIR)"],
        cwd=work,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert probe == [
        str(installed / "kg" / "ontology.py"),
        str(installed / "kg" / "ontology_files"),
    ]
    done = _run_outside(installed, work, "build", str(SEEDS), "-o", "out")
    assert done.returncode == 0, done.stderr
    assert "built 2 transcript(s)" in done.stdout
    assert (work / "out" / "graph.ttl").is_file() and (work / "out" / "index.html").is_file()
    done = _run_outside(installed, work, "query", "people_organizations", "-o", "out")
    assert done.returncode == 0, done.stderr
    assert re.search(r"Ilya Sutskever +\| worksFor +\| id:openai +\| OpenAI", done.stdout)
    done = _run_outside(installed, work, "validate", "-o", "out")
    assert done.returncode == 0 and done.stdout.startswith("valid:"), done.stdout + done.stderr


def test_checkout_reads_its_own_ontology_folder():
    assert builtin_ontology_dir() == ROOT / "ontology"
    assert ontology_file("lexicon.tsv") == ROOT / "ontology" / "lexicon.tsv"


def test_own_ontology_folder_replaces_the_shapes(outputs, tmp_path):
    """The ``ontology`` setting: a folder whose shapes.ttl replaces the built-in one
    (kg.ttl, which it lacks, stays built-in)."""
    from kg.validate import validate_outputs

    own = tmp_path / "my-ontology"
    own.mkdir()
    (own / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kg: <https://w3id.org/kg/ontology#> .\n"
        "@prefix ex: <https://example.org/> .\n"
        "ex:PersonNeedsBirthday a sh:NodeShape ; sh:targetClass kg:Person ;\n"
        "  sh:property [ sh:path ex:birthday ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    assert validate_outputs(outputs).conforms
    report = validate_outputs(outputs, str(own))
    assert not report.conforms
    assert any("Ilya Sutskever" in v for v in report.violations)


def test_missing_ontology_folder_is_one_line(outputs, tmp_path):
    env = {**os.environ, "KG_ONTOLOGY": str(tmp_path / "nope")}
    done = subprocess.run(
        [sys.executable, "-m", "kg", "validate", "-o", str(outputs)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: ontology setting: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
