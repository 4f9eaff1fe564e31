"""The embedded pyoxigraph store persisted in ``outputs/store`` (first version; see issue 5)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

__all__ = ["create_store", "STORE_DIR"]

STORE_DIR = "store"


def create_store(nquads: Path, store_dir: Path) -> int:
    """Bulk-load an N-Quads file into a new store at ``store_dir``; returns the quad count."""
    store = pyoxigraph.Store(str(store_dir))
    with open(nquads, "rb") as f:
        store.bulk_load(f, pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    count = len(store)
    del store
    return count
