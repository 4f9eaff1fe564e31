"""Node-link JSON (``{"nodes": [...], "links": [...]}``) as d3 and ``networkx.node_link_graph`` read it.

Unlike GraphML and GEXF it keeps lists as lists and gives every edge its evidence
(quote, transcript, times, speaker, role, confidence, url). Read it back with
``networkx.node_link_graph(data, edges="links")``.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from .common import ExportResult, open_text_output, stopwatch
from .entity_graph import entity_graph
from .property_graph import PropertyGraph

__all__ = ["write_nodelink", "nodelink_data"]


def nodelink_data(pg: PropertyGraph) -> dict:
    """The node-link dictionary of the entity graph (nodes and links in id order)."""
    return nx.node_link_data(entity_graph(pg, flat=False), edges="links")


def write_nodelink(pg: PropertyGraph, path: str | Path) -> ExportResult:
    """Write the node-link JSON of ``pg`` to ``path`` (``-`` for stdout)."""
    data = nodelink_data(pg)
    result = ExportResult(
        "json", str(path), {"nodes": len(data["nodes"]), "edges": len(data["links"])}
    )
    with stopwatch(result), open_text_output(path) as out:
        json.dump(data, out, ensure_ascii=False, sort_keys=True, indent=1)
        out.write("\n")
    return result
