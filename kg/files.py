"""Publishing a build's outputs so that every reader sees one whole build.

A build writes into a fresh versioned folder ``<outputs>/.builds/<version>/``. The
outputs folder holds one pointer, the symbolic link ``.current`` (to
``.builds/<version>``), and for every output a link ``NAME -> .current/NAME``. A build
is published by replacing ``.current`` with one ``rename(2)`` (:func:`publish`), so a
reader resolving ``outputs/graph.json``, ``outputs/store`` or a page sees the old build
or the new one, never a mix, even if the builder is killed (``kill -9``) at any instant.
Readers that open several files (the SPARQL store, the server's pages) resolve
``.current`` once (:func:`current_build`) and read everything from that folder.

What a killed build leaves behind (its unfinished version folder, a temporary link)
is removed by the next one (:func:`clean_leftovers`), which also takes over the
outputs of the older layout (real files in the outputs folder). Builds into one
folder are serialised by an ``fcntl`` lock on ``<outputs>/.lock``
(:func:`outputs_lock`); the kernel releases it when its holder dies.

Tests stop the process at each step of the commit: with ``KG_KILL_AT_STEP=N`` in
the environment, the N-th call of :func:`step` kills the process with SIGKILL.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import BuildError

__all__ = [
    "BUILDS_DIR",
    "CURRENT_LINK",
    "LOCK_FILE",
    "current_build",
    "new_version",
    "publish",
    "clean_leftovers",
    "outputs_lock",
    "move_into_place",
    "step",
]

#: Folder of the versioned builds inside an outputs folder.
BUILDS_DIR = ".builds"
#: The link naming the published build (``.builds/<version>``).
CURRENT_LINK = ".current"
#: The lock file that serialises builds into one outputs folder.
LOCK_FILE = ".lock"
#: Names in an outputs folder that no build ever publishes.
_RESERVED = (BUILDS_DIR, CURRENT_LINK, LOCK_FILE, ".cache", "README.md", ".gitignore")
#: Prefixes of temporary names (this layout's and the older one's).
_TEMPORARY = (".current.tmp", ".link-", ".trash-", ".staging-", ".old-", ".render-")

_steps_taken = 0


def step(name: str) -> None:
    """A named point of the commit; with ``KG_KILL_AT_STEP=N`` the N-th one kills the
    process (SIGKILL, as ``kill -9``), so tests can stop a build at every step."""
    global _steps_taken
    _steps_taken += 1
    wanted = os.environ.get("KG_KILL_AT_STEP")
    if wanted and wanted.isdigit() and int(wanted) == _steps_taken:
        os.kill(os.getpid(), signal.SIGKILL)


def current_build(outputs_dir: str | Path) -> Path:
    """The folder holding the published build of ``outputs_dir``: the target of its
    ``.current`` link, or the outputs folder itself when it has none (older layout,
    or pages rendered without a build)."""
    outputs_dir = Path(outputs_dir)
    link = outputs_dir / CURRENT_LINK
    if link.is_symlink():
        target = outputs_dir / os.readlink(link)
        if target.is_dir():
            return target
    return outputs_dir


def new_version(outputs_dir: Path) -> Path:
    """A new, empty version folder ``.builds/<time>-<pid>`` to write a build into."""
    folder = outputs_dir / BUILDS_DIR / f"{time.time_ns():020d}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def publish(outputs_dir: Path, version: Path) -> list[str]:
    """Make the complete build in ``version`` the one every reader sees; returns its
    output names.

    Steps, each safe to be killed after: (0) outputs of the older layout (real files
    and folders) adopted as the published version and replaced by links to it
    (:func:`_adopt_real_outputs`); (1) a ``NAME -> .current/NAME`` link for each new
    output (a link to a name the published build lacks reads as missing, as before);
    (2) ``.current`` switched to ``version`` by one rename, the only step readers can
    observe; (3) links to names the new build lacks removed; (4) the previous version
    folders removed (readers that have them open keep their files).
    """
    names = sorted(p.name for p in version.iterdir())
    _adopt_real_outputs(outputs_dir, names)
    for name in names:
        link = outputs_dir / name
        if not link.is_symlink() and not link.exists():
            _atomic_symlink(f"{CURRENT_LINK}/{name}", link)
            step(f"link {name}")
    step("linked")
    _atomic_symlink(os.path.relpath(version, outputs_dir), outputs_dir / CURRENT_LINK)
    step("switched")
    for entry in sorted(outputs_dir.iterdir()):
        if entry.name not in names and _is_output_link(entry):
            entry.unlink()
            step(f"unlink {entry.name}")
    clean_leftovers(outputs_dir)
    step("cleaned")
    return names


def clean_leftovers(outputs_dir: Path) -> list[str]:
    """Remove what killed or failed builds left in ``outputs_dir``: version folders
    other than the published one, temporary links and folders; returns their names.

    Call it only while holding :func:`outputs_lock`.
    """
    removed = []
    current = current_build(outputs_dir).resolve()
    builds = outputs_dir / BUILDS_DIR
    if builds.is_dir():
        for folder in sorted(builds.iterdir()):
            if folder.resolve() != current:
                _remove(folder)
                removed.append(f"{BUILDS_DIR}/{folder.name}")
                step(f"remove {folder.name}")
    for folder in {outputs_dir, current}:
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(_TEMPORARY):
                _remove(entry)
                removed.append(entry.name)
    return removed


@contextmanager
def outputs_lock(outputs_dir: Path) -> Iterator[None]:
    """Hold the exclusive build lock of ``outputs_dir``; a ``BuildError`` (one line)
    if another build holds it. The kernel drops the lock when its process dies."""
    path = outputs_dir / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise BuildError(f"{outputs_dir}: cannot write outputs there ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise BuildError(
                f"{outputs_dir}: another build (process {holder}) is writing there; "
                "wait for it to finish or build into another folder (-o)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def move_into_place(source: Path, target: Path) -> None:
    """Replace ``target`` by ``source``: a file by rename, a folder by a swap.

    A ``target`` that is an output link of a published build (``NAME ->
    .current/NAME``) is replaced inside that build's folder, so re-rendered pages
    (``kg render``) stay part of the build readers see.
    """
    if _is_output_link(target):
        target = current_build(target.parent) / target.name
    if source.is_dir():
        trash = target.parent / f".old-{target.name}-{os.getpid()}"
        if target.exists():
            os.replace(target, trash)
        os.replace(source, target)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(source, target)


def _is_output_link(path: Path) -> bool:
    """True for a link ``NAME -> .current/NAME`` that :func:`publish` made."""
    try:
        return path.is_symlink() and os.readlink(path) == f"{CURRENT_LINK}/{path.name}"
    except OSError:
        return False


def _atomic_symlink(text: str, link: Path) -> None:
    """Point ``link`` at ``text`` with one rename, whatever ``link`` was (not a folder)."""
    temporary = link.parent / f".link-{os.getpid()}-{link.name}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(text, temporary)
    os.replace(temporary, link)


def _adopt_real_outputs(outputs_dir: Path, names: list[str]) -> None:
    """Make real files and folders of the outputs folder part of the published build.

    Outputs of the older layout (and pages a ``kg render`` wrote into a folder that
    had no build) are real entries named like outputs. They are hard-linked into the
    published version (a new one, pointed to by ``.current``, when there is none),
    then each is replaced by its link: readers see the same bytes throughout.
    """
    legacy = set(names)
    build_json = outputs_dir / "build.json"
    if build_json.is_file() and not build_json.is_symlink():
        with suppress(OSError, ValueError, AttributeError, TypeError):
            legacy.update(json.loads(build_json.read_text(encoding="utf-8")).get("outputs"))
    real = sorted(
        name
        for name in legacy
        if isinstance(name, str)
        and "/" not in name
        and name not in _RESERVED
        and not name.startswith(_TEMPORARY)
        and not (outputs_dir / name).is_symlink()
        and (outputs_dir / name).exists()
    )
    if not real:
        return
    published = current_build(outputs_dir)
    adopted = published if published != outputs_dir else new_version(outputs_dir)
    for name in real:
        if not (adopted / name).exists():
            copy = adopted / f".link-{os.getpid()}-{name}"
            _remove(copy)
            if (outputs_dir / name).is_dir():
                shutil.copytree(outputs_dir / name, copy, copy_function=_link_or_copy)
            else:
                _link_or_copy(outputs_dir / name, copy)
            os.replace(copy, adopted / name)
            step(f"adopt {name}")
    if adopted != published:
        _atomic_symlink(os.path.relpath(adopted, outputs_dir), outputs_dir / CURRENT_LINK)
        step("adopted")
    for name in real:
        _replace_by_link(outputs_dir, name)


def _link_or_copy(source, target) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _replace_by_link(outputs_dir: Path, name: str) -> None:
    """Turn a real output into a link to the published build's copy of it (the same
    bytes). A file is replaced by one rename; a folder must be renamed aside first, so
    for an instant that name is missing (once, when an older layout is adopted)."""
    path = outputs_dir / name
    if path.is_symlink() or not path.exists() or name in _RESERVED:
        return
    if path.is_dir():
        trash = outputs_dir / f".trash-{os.getpid()}-{name}"
        os.replace(path, trash)
        step(f"aside {name}")
        _atomic_symlink(f"{CURRENT_LINK}/{name}", path)
        _remove(trash)
    else:
        _atomic_symlink(f"{CURRENT_LINK}/{name}", path)
    step(f"relink {name}")


def _remove(path: Path) -> None:
    """Remove a file, link or folder tree; a folder that cannot be removed is an error."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, onerror=_ignore_missing)


def _ignore_missing(function, path, exc_info) -> None:
    exc = exc_info[1]
    if isinstance(exc, FileNotFoundError) or getattr(exc, "errno", None) == errno.ENOENT:
        return
    raise exc
