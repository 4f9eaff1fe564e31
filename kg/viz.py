"""Interactive HTML pages of the graph, working offline (first version; see issue 6)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pyvis.network import Network

from .config import Settings
from .graph import KnowledgeGraph

__all__ = ["render_site"]

_EXTERNAL = re.compile(r"<(?:script|link)[^>]+(?:src|href)=\"https?://[^\"]*\"[^>]*>(?:</script>)?")


def render_site(kg: KnowledgeGraph, out_dir: Path, settings: Settings | None = None) -> list[Path]:
    """Write ``graph.html`` for the whole build; returns the files written."""
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for e in kg.entities:
        net.add_node(e.key, label=e.label, title=html.escape(f"{e.type}: {e.label}"), group=e.type)
    for r in kg.relations:
        if r.kind == "comention":
            continue
        net.add_edge(r.subject, r.object, label=r.predicate, title=html.escape(r.predicate))
    page = _EXTERNAL.sub("", net.generate_html())
    path = Path(out_dir) / "graph.html"
    path.write_text(page, encoding="utf-8")
    return [path]
