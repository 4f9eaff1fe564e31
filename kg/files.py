"""Moving finished outputs into place, so readers never see half of one.

Outputs are written into a staging folder first; this module swaps each one in:
a file by an atomic rename, a folder (the store, the per-transcript pages) by
renaming the old one aside, the new one in, then deleting the old one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

__all__ = ["move_into_place"]


def move_into_place(source: Path, target: Path) -> None:
    """Replace ``target`` by ``source``: a file by rename, a folder by a swap."""
    if source.is_dir():
        trash = target.parent / f".old-{target.name}-{os.getpid()}"
        if target.exists():
            os.replace(target, trash)
        os.replace(source, target)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(source, target)
