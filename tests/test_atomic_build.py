"""All-or-nothing builds: a build killed (SIGKILL) at any step of its commit leaves the
outputs folder wholly the old build or wholly the new one, as every reader sees it;
the next build cleans what it left; two builds never write one folder at once.

The harness does not rely on timing: ``KG_KILL_AT_STEP=N`` makes the N-th step of the
commit (:func:`kg.files.step`) kill its own process, and the test runs N = 1, 2, ...
until the commit completes, checking the readers after each kill.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.files import BUILDS_DIR, CURRENT_LINK, clean_leftovers, current_build, outputs_lock

ROOT = Path(__file__).resolve().parent.parent
PUBLISH = (
    "import sys; from pathlib import Path; from kg.files import publish, outputs_lock\n"
    "out = Path(sys.argv[1])\n"
    "with outputs_lock(out):\n"
    "    publish(out, Path(sys.argv[2]))\n"
)


def _digest(path: Path) -> str | None:
    """The content of ``path`` as a reader of it sees it (a folder: every file in it)."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if path.is_dir():
        h = hashlib.sha256()
        for p in sorted(path.rglob("*")):
            if p.is_file():
                h.update(str(p.relative_to(path)).encode() + b"\0" + p.read_bytes())
        return h.hexdigest()
    return None


def _view(out: Path, names: set[str]) -> dict[str, str | None]:
    return {name: _digest(out / name) for name in sorted(names)}


def _store_ids(out: Path) -> list[str]:
    """The transcripts of the build as the SPARQL store (``kg.load``) sees it."""
    import kg

    store = kg.load(out)
    rows = store.query("SELECT ?t WHERE { ?t a kg:Transcript } ORDER BY ?t")
    store.close()
    return [str(r["t"]).rsplit("/", 1)[-1] for r in rows]


def _graph_ids(out: Path) -> list[str]:
    """The transcripts of the build as ``graph.json`` readers see it."""
    from kg.graph import load_graph

    return [t.id for t in load_graph(out).transcripts]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Two real, different builds: A (published in a template outputs folder, with an
    output B lacks) and B (a finished version folder, with an output A lacks)."""
    base = tmp_path_factory.mktemp("atomic")
    (base / "a.txt").write_text("Yann LeCun is the chief AI scientist at Meta.\n")
    (base / "b.txt").write_text("Demis Hassabis founded DeepMind in London.\n")
    old = base / "old"
    build([str(base / "a.txt")], old)
    a_version = current_build(old)
    (a_version / "only-old.txt").write_text("A\n")
    report = json.loads((a_version / "build.json").read_text())
    report["outputs"].append("only-old.txt")
    (a_version / "build.json").write_text(json.dumps(report))
    os.symlink(f"{CURRENT_LINK}/only-old.txt", old / "only-old.txt")
    new = base / "new"
    build([str(base / "b.txt")], new)
    b_version = current_build(new)
    (b_version / "only-new.txt").write_text("B\n")
    names = {p.name for p in a_version.iterdir()} | {p.name for p in b_version.iterdir()}
    views = {"A": _view(a_version, names), "B": _view(b_version, names)}
    assert views["A"] != views["B"]
    return old, b_version, names, views


def _kill_at_every_step(tmp_path: Path, make_old, two_builds, gaps_allowed: bool) -> int:
    _, b_version, names, views = two_builds
    seen = set()
    for n in range(1, 200):
        out = tmp_path / f"run{n}"
        make_old(out)
        version = out / BUILDS_DIR / "99999999999999999999-1"
        shutil.copytree(b_version, version, symlinks=True)
        env = {**os.environ, "KG_KILL_AT_STEP": str(n), "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-c", PUBLISH, str(out), str(version)],
            env=env,
            capture_output=True,
            timeout=60,
        )
        assert proc.returncode in (0, -9), proc.stderr.decode()
        view = _view(out, names)
        which = [
            k
            for k, expected in views.items()
            if all(view[x] == expected[x] or (gaps_allowed and view[x] is None) for x in names)
        ]
        assert len(which) == 1, f"killed at step {n}: a mix of both builds"
        seen.add(which[0])
        in_graph = _graph_ids(out)
        assert in_graph == (["a"] if which == ["A"] else ["b"]), f"killed at step {n}"
        if view["store"] is not None:
            assert _store_ids(out) == in_graph, f"killed at step {n}: store, graph.json differ"
        # the next build (here: its first act, under the lock) cleans what was left
        with outputs_lock(out):
            clean_leftovers(out)
        assert _view(out, names) == view
        published = {current_build(out).name} if (out / CURRENT_LINK).exists() else set()
        assert {p.name for p in (out / BUILDS_DIR).iterdir()} == published
        assert not [p for p in out.iterdir() if p.name.startswith((".link-", ".trash-"))]
        if proc.returncode == 0:
            assert view == views["B"]
            assert seen >= {"A", "B"}
            return n
        shutil.rmtree(out)
    raise AssertionError("the commit never completed")


def test_killed_at_every_step_of_the_commit_old_or_new(tmp_path, two_builds):
    old, *_ = two_builds
    steps = _kill_at_every_step(
        tmp_path, lambda out: shutil.copytree(old, out, symlinks=True), two_builds, False
    )
    assert steps >= 5  # links, switch, stale link, old version removed, done


def test_older_layout_is_adopted_without_a_mix(tmp_path, two_builds):
    """Outputs of the layout before versioned builds (real files and folders) are taken
    over by the first new build; a kill during that shows the old build (a folder may be
    missing for an instant), never files of both."""
    old, *_ = two_builds

    def legacy(out: Path) -> None:
        shutil.copytree(current_build(old), out)  # real files, no .current

    _kill_at_every_step(tmp_path, legacy, two_builds, True)


def test_kg_build_killed_before_publishing_then_rebuilt(tmp_path):
    """A real ``kg build`` killed after writing its version: the old build stays, and
    the next build removes the dead version folder."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Yann LeCun is the chief AI scientist at Meta.\n")
    b.write_text("Demis Hassabis founded DeepMind.\n")
    out = tmp_path / "out"
    assert main(["build", str(a), "-o", str(out), "-q"]) == 0
    before = _view(out, {"graph.json", "build.json", "index.html", "store"})
    env = {**os.environ, "KG_KILL_AT_STEP": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(b), "-o", str(out), "-q"],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    assert len(list((out / BUILDS_DIR).iterdir())) == 2  # the dead one is there
    assert _view(out, set(before)) == before
    assert main(["build", str(b), "-o", str(out), "-q"]) == 0
    assert [p.name for p in (out / BUILDS_DIR).iterdir()] == [current_build(out).name]
    assert _store_ids(out) == _graph_ids(out) == ["b"]


def test_second_build_into_the_same_folder_is_refused(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Yann LeCun is the chief AI scientist at Meta.\n")
    out = tmp_path / "out"
    assert main(["build", str(good), "-o", str(out), "-q"]) == 0
    before = _view(out, {"graph.json", "build.json", "store"})
    capsys.readouterr()
    with outputs_lock(out):  # as a running build holds it
        assert main(["build", str(good), "-o", str(out), "-q", "--no-cache"]) == 2
        assert main(["clean", "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("another build (process" in line for line in err)
    assert _view(out, set(before)) == before


def test_lock_of_a_killed_build_is_released(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    hold = "import os, sys; from pathlib import Path; from kg.files import outputs_lock\n"
    hold += "with outputs_lock(Path(sys.argv[1])):\n    os.kill(os.getpid(), 9)\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", hold, str(out)], env=env, timeout=60)
    assert proc.returncode == -9
    with outputs_lock(out):  # the kernel dropped the dead holder's lock
        pass


def test_rerendered_pages_stay_in_the_published_build(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Yann LeCun is the chief AI scientist at Meta.\n")
    out = tmp_path / "out"
    assert main(["build", str(good), "-o", str(out), "-q"]) == 0
    assert main(["render", "-o", str(out), "-q", "--max-nodes", "1"]) == 0
    assert (out / "graph.html").is_symlink()
    assert (current_build(out) / "graph.html").read_text() == (out / "graph.html").read_text()
