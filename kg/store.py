"""The embedded pyoxigraph store persisted in ``outputs/store``.

``kg build`` bulk-loads ``graph.nq`` into a fresh store inside its staging folder and
swaps the folder into place, so a store is written once and never changed afterwards.
Readers (``kg query``, ``kg serve``, :func:`kg.sparql.load`) open it read-only: a query
can neither block nor change a build, and any number of processes may read at once.
Because a rebuild replaces the folder, long-lived readers compare
:func:`store_signature` before each query and reopen when it changed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph

from .errors import BuildError, OutputsMissingError

__all__ = ["STORE_DIR", "create_store", "open_store", "store_signature"]

#: Folder of the store inside the outputs folder.
STORE_DIR = "store"


def create_store(nquads: Path, store_dir: Path) -> int:
    """Bulk-load an N-Quads file into a new store at ``store_dir``; returns the quad count.

    The store holds exactly the quads of ``nquads`` (one named graph per transcript and
    ``graph/entities``), so ``len(store)`` equals the line count of ``graph.nq``.
    Compaction after the load makes the first queries of a fresh build as fast as later ones.
    """
    store_dir = Path(store_dir)
    if store_dir.exists() and any(store_dir.iterdir()):
        raise BuildError(f"{store_dir}: store folder is not empty; remove it or build elsewhere")
    try:
        store = pyoxigraph.Store(str(store_dir))
        with open(nquads, "rb") as f:
            store.bulk_load(f, pyoxigraph.RdfFormat.N_QUADS)
        store.optimize()
        store.flush()
        count = len(store)
    except (OSError, SyntaxError, ValueError) as exc:
        raise BuildError(f"{store_dir}: cannot write the SPARQL store ({_one_line(exc)})") from None
    del store  # closes RocksDB so that read-only openers see a clean store
    return count


def open_store(store_dir: str | Path, in_memory: bool = False) -> pyoxigraph.Store:
    """The store at ``store_dir`` opened read-only; raises ``OutputsMissingError`` if absent.

    ``in_memory`` loads the build's ``graph.nq`` (next to ``store/``) into an in-memory
    store instead: it takes seconds per million quads and the memory they need, and
    then answers queries several times faster than the on-disk store (no RocksDB reads).
    """
    # resolved once, so every file the store reads later belongs to one build even
    # if a rebuild switches ``outputs/.current`` meanwhile (see kg.files)
    given = Path(store_dir)
    store_dir = Path(os.path.realpath(given))
    if not (store_dir / "CURRENT").is_file():
        raise OutputsMissingError(str(given.parent), "SPARQL store (store/)")
    if in_memory:
        return _load_in_memory(store_dir.parent / "graph.nq")
    try:
        return pyoxigraph.Store.read_only(str(store_dir))
    except (OSError, RuntimeError, ValueError) as exc:  # RocksDB "Corruption: ..."
        raise OutputsMissingError(
            str(given.parent), f"readable SPARQL store ({_one_line(exc)})"
        ) from None


def _load_in_memory(nquads: Path) -> pyoxigraph.Store:
    """A new in-memory store holding the quads of ``nquads``."""
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    except (OSError, SyntaxError) as exc:
        raise OutputsMissingError(
            str(nquads.parent), f"readable graph.nq ({_one_line(exc)})"
        ) from None
    return store


def store_signature(store_dir: str | Path) -> tuple[int, int, int] | None:
    """Identity of the store folder (inode, change and modification times), None if absent.

    A rebuild swaps in a new folder, which changes the signature; readers reopen then.
    """
    try:
        st = os.stat(store_dir)
    except OSError:
        return None
    return (st.st_ino, st.st_ctime_ns, st.st_mtime_ns)


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line, for one-line errors."""
    return " ".join(str(exc).split()) or type(exc).__name__
