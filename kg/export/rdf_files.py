"""The build's own RDF files under the name and place the user asks for: N-Triples
(``graph.nt``, every named graph merged), TriG (``graph.trig``) and N-Quads
(``graph.nq``, one named graph per transcript plus ``graph/entities``).

They are copied byte for byte, so an export is exactly what the build validated.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .common import ExportError, ExportResult, build_file, open_text_output, stopwatch

__all__ = ["write_rdf_file", "RDF_FILES"]

#: Export name -> (file the build wrote, what its statements are called).
RDF_FILES = {
    "nt": ("graph.nt", "triples"),
    "trig": ("graph.trig", "quads"),
    "nquads": ("graph.nq", "quads"),
}


def _statements(outputs_dir: Path, name: str) -> int:
    """Triples of graph.nt or quads of graph.nq: one per non-empty line."""
    with open(build_file(outputs_dir, name), encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def write_rdf_file(outputs_dir: str | Path, fmt: str, path: str | Path) -> ExportResult:
    """Copy the build's ``fmt`` file (``nt``, ``trig``, ``nquads``) to ``path`` (``-``: stdout)."""
    if fmt not in RDF_FILES:
        raise ExportError(f"unknown RDF format {fmt!r}; use one of {', '.join(RDF_FILES)}")
    name, what = RDF_FILES[fmt]
    source = build_file(outputs_dir, name)
    counted = "graph.nt" if fmt == "nt" else "graph.nq"
    result = ExportResult(fmt, str(path), {what: _statements(Path(outputs_dir), counted)})
    with stopwatch(result), open(source, encoding="utf-8") as src, open_text_output(path) as out:
        shutil.copyfileobj(src, out, 1 << 20)
    return result
