"""What every export target shares: its error type, its result, reading the last build.

Targets read the build from ``outputs/`` (``graph.json`` for property graphs, the
RDF files for RDF targets) and never re-run extraction, so an export is fast and
gives the same result as often as it is repeated.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..config import BASE_IRI
from ..errors import KgError

__all__ = [
    "ExportError",
    "ExportResult",
    "build_base_iri",
    "build_file",
    "open_text_output",
    "stopwatch",
    "missing_package",
]


class ExportError(KgError):
    """An export that could not complete: an unreachable server, a refused login, a bad path."""

    code = "KG500"


@dataclass
class ExportResult:
    """What an export wrote or loaded: where, how much of each kind, and how long it took."""

    target: str
    destination: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI: ``neo4j: 120 nodes, 340 relationships -> out/ in 0.12s``."""
        parts = ", ".join(f"{n:,} {k}" for k, n in self.counts.items())
        return f"{self.target}: {parts} -> {self.destination} in {self.seconds:.2f}s"


@contextmanager
def stopwatch(result: ExportResult) -> Iterator[ExportResult]:
    """Time the block and store the seconds in ``result.seconds``."""
    t0 = time.perf_counter()
    try:
        yield result
    finally:
        result.seconds = round(time.perf_counter() - t0, 3)


def build_file(outputs_dir: str | Path, name: str) -> Path:
    """A file the last build wrote into ``outputs_dir``; a clear error when it is missing."""
    path = Path(outputs_dir) / name
    if not path.is_file():
        raise ExportError(
            f"{outputs_dir}: no build found there ({name} is missing); run `kg build` "
            "first, or point --outputs at the folder a build wrote"
        )
    return path


def build_base_iri(outputs_dir: str | Path) -> str:
    """The base IRI the last build minted its IRIs under (``build.json``), so exported
    ``iri`` properties match the RDF files of the same build."""
    path = Path(outputs_dir) / "build.json"
    try:
        settings = json.loads(path.read_text(encoding="utf-8")).get("settings", {})
    except (OSError, ValueError):
        return BASE_IRI
    base = settings.get("base_iri")
    return base if isinstance(base, str) and base else BASE_IRI


@contextmanager
def open_text_output(path: str | Path) -> Iterator[IO[str]]:
    """A text file to write, or stdout for ``-`` (so exports can be piped).

    The file is written next to its final name and renamed at the end, so an
    interrupted export never leaves half a file under the final name.
    """
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        handle = open(tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write there ({exc.strerror})") from None
    try:
        with handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def missing_package(package: str, target: str) -> ExportError:
    """The error for an optional client library that is not installed."""
    return ExportError(f"the {target} export needs the {package!r} package: pip install {package}")
