"""Export the last build to graph databases, triple stores and graph file formats.

One module per target; :func:`export` is the single entry point the CLI calls::

    >>> from kg.export import export
    >>> export("graphml", "outputs", "graph.graphml").counts       # doctest: +SKIP
    {'nodes': 47, 'edges': 45}

Property-graph targets (neo4j, falkordb, kuzu, graphml, gexf, json) all start from
``property_graph`` (see its docstring for the schema), so their node and edge counts
agree; RDF targets (sparql, nt, trig, nquads, jsonld) start from the build's RDF files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .common import ExportError, ExportResult, build_base_iri, build_file
from .property_graph import PropertyGraph, property_graph

__all__ = [
    "export",
    "load_property_graph",
    "default_output",
    "resolve_target",
    "FORMATS",
    "FILE_NAMES",
    "ExportError",
    "ExportResult",
    "PropertyGraph",
    "property_graph",
]

#: Every export target, in the order ``kg export --help`` lists them.
FORMATS = (
    "neo4j",
    "falkordb",
    "kuzu",
    "sparql",
    "graphml",
    "gexf",
    "json",
    "jsonld",
    "nt",
    "trig",
    "nquads",
)

#: Default file (or folder) name of each target that writes locally, under ``<outputs>/export/``.
FILE_NAMES = {
    "neo4j": "neo4j",
    "kuzu": "graph.kuzu",
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.nodelink.json",
    "jsonld": "graph.jsonld",
    "nt": "graph.nt",
    "trig": "graph.trig",
    "nquads": "graph.nq",
}


def default_output(fmt: str, outputs_dir: str | Path) -> Path:
    """Where ``fmt`` is written when no ``-o`` is given: ``<outputs>/export/<name>``."""
    return Path(outputs_dir) / "export" / FILE_NAMES[fmt]


def resolve_target(fmt: str, outputs_dir: str | Path, to: str | Path | None) -> Path | str:
    """Where ``fmt`` goes for ``--to``, as the user meant it: nothing -> the default
    under ``<outputs>/export/``; ``-`` -> stdout; an existing folder, or a path written
    with a trailing ``/`` (made here), -> the format's usual name inside it; anything
    else -> that file (its folder made if needed). neo4j writes a folder: the path as is.
    """
    if to is None:
        return default_output(fmt, outputs_dir)
    text = str(to)
    if text == "-" or fmt == "neo4j":
        return text if text == "-" else Path(text)
    path = Path(text)
    if text.endswith(("/", os.sep)) or path.is_dir():
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{text}: cannot make the folder ({exc.strerror})") from None
        return path / FILE_NAMES[fmt]
    return path


def load_property_graph(outputs_dir: str | Path) -> PropertyGraph:
    """The property graph of the build in ``outputs_dir``, with that build's IRIs."""
    from ..graph import GRAPH_FILE, load_graph

    build_file(outputs_dir, GRAPH_FILE)  # the usual message when there is no build
    return property_graph(load_graph(outputs_dir), build_base_iri(outputs_dir))


def export(
    fmt: str, outputs_dir: str | Path = "outputs", output: str | Path | None = None, **options: Any
) -> ExportResult:
    """Export the build in ``outputs_dir`` as ``fmt`` to ``output`` (a path, read as
    :func:`resolve_target` says; ``-`` for stdout where the format is text) or to the
    server the ``options`` name.

    Options by target: neo4j ``uri, user, password, database, batch``; falkordb ``host,
    port, graph, username, password, replace, batch``; sparql ``endpoint, graph,
    protocol, user, password, auth, chunk``.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt not in ("sparql", "falkordb") and not (fmt == "neo4j" and options.get("uri")):
        output = resolve_target(fmt, outputs_dir, output)
    if fmt == "sparql":
        from .sparql import push_sparql

        return push_sparql(build_file(outputs_dir, "graph.nt"), **options)
    if fmt in ("nt", "trig", "nquads"):
        from .rdf_files import write_rdf_file

        return write_rdf_file(outputs_dir, fmt, output or default_output(fmt, outputs_dir))
    if fmt == "jsonld":
        from .jsonld import write_jsonld

        return write_jsonld(outputs_dir, output or default_output(fmt, outputs_dir))
    pg = load_property_graph(outputs_dir)
    if fmt == "falkordb":
        from .falkordb import load_falkordb

        return load_falkordb(pg, **options)
    if fmt == "neo4j" and options.get("uri"):
        if output is not None:
            raise ExportError("give either --to (write files) or --uri (load a server), not both")
        from .neo4j import push_neo4j

        return push_neo4j(pg, **options)
    target = output or default_output(fmt, outputs_dir)
    if fmt == "neo4j":
        from .neo4j import write_neo4j

        return write_neo4j(pg, target, **{k: v for k, v in options.items() if k == "batch"})
    if fmt == "kuzu":
        from .kuzu import load_kuzu

        return load_kuzu(pg, target)
    if fmt == "graphml":
        from .graphml import write_graphml

        return write_graphml(pg, target)
    if fmt == "gexf":
        from .gexf import write_gexf

        return write_gexf(pg, target)
    from .nodelink import write_nodelink

    return write_nodelink(pg, target)
