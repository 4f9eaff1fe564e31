"""The entity graph as a networkx MultiDiGraph, for the file formats networkx writes.

GraphML, GEXF and node-link JSON hold the entities and the relations between them
(the ``Entity`` nodes and the entity-to-entity relationships of the property graph,
so their counts match the databases'); evidence and transcripts are folded into
attributes. Each edge's key and ``id`` is the relation's stable id.

``flat=True`` makes attributes that Gephi, yEd and Cytoscape read: no missing values
(absent attributes are left out), lists joined with ``;``, one type per attribute,
only characters XML 1.0 allows. ``flat=False`` keeps lists and adds each edge's full
evidence, for JSON.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx

from .property_graph import RELATIONS, PropertyGraph

__all__ = ["entity_graph", "LIST_SEPARATOR", "xml_text"]

LIST_SEPARATOR = ";"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Evidence properties that repeat the edge's own and are left out of JSON edges.
_EDGE_FIELDS = {"relation", "subject", "predicate", "object", "kind", "negated"}


def xml_text(text: str) -> str:
    """``text`` without the control characters XML 1.0 cannot hold."""
    return _XML_INVALID.sub("", text)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(xml_text(str(v)) for v in value)
    if isinstance(value, str):
        return xml_text(value)
    return value


def _attrs(row: dict[str, Any], flat: bool, skip: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    return {k: (_flat(v) if flat else v) for k, v in row.items() if v is not None and k not in skip}


def _evidence_by_relation(pg: PropertyGraph) -> dict[str, list[dict[str, Any]]]:
    """Each relation's evidence, in transcript order (transcript, then position)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in pg.node_table("Evidence").rows:
        grouped[row["relation"]].append(row)
    for rows in grouped.values():
        rows.sort(key=lambda r: (r["transcript"], r["char_start"], r["char_end"], r["id"]))
    return grouped


def entity_graph(pg: PropertyGraph, flat: bool = True) -> nx.MultiDiGraph:
    """Entities as nodes (keyed by entity id), relations as edges (keyed by relation id).

    Edge attributes add ``label`` (the predicate, what viewers show) and, when flat,
    ``quote`` (the first quote supporting the edge); otherwise ``evidence`` (every one).
    """
    g = nx.MultiDiGraph()
    for row in pg.node_table("Entity").rows:
        g.add_node(row["id"], **_attrs(row, flat))
    evidence = _evidence_by_relation(pg)
    for rel in pg.rel_table(RELATIONS).rows:
        attrs = _attrs(rel.props, flat, skip=())
        attrs["label"] = attrs["predicate"]
        quotes = evidence.get(rel.props["id"], [])
        if flat:
            if quotes:
                attrs["quote"] = xml_text(quotes[0]["quote"])
        else:
            attrs["evidence"] = [_attrs(q, False, skip=tuple(_EDGE_FIELDS)) for q in quotes]
        g.add_edge(rel.start, rel.end, key=rel.props["id"], **attrs)
    return g
