"""GraphML for yEd, Cytoscape and Gephi: the entity graph with flat, typed attributes.

Keys are numbered (``d0``, ``d1`` ...: node and edge attributes may share a name), edges carry the
relation id as their GraphML id; lists are joined with ``;`` (see ``entity_graph``).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .common import ExportResult, open_text_output, stopwatch
from .entity_graph import entity_graph
from .property_graph import PropertyGraph

__all__ = ["write_graphml"]


def write_graphml(pg: PropertyGraph, path: str | Path) -> ExportResult:
    """Write the entity graph of ``pg`` as GraphML to ``path`` (``-`` for stdout)."""
    g = entity_graph(pg, flat=True)
    result = ExportResult(
        "graphml", str(path), {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    )
    with stopwatch(result), open_text_output(path) as out:
        for line in nx.generate_graphml(g, encoding="utf-8", prettyprint=True):
            out.write(line + "\n")
    return result
