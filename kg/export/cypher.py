"""Cypher statements that load a property graph with ``UNWIND $rows ... MERGE``.

One set of statement templates serves three uses: the Neo4j driver sends them with
``rows`` as a parameter; ``load.cypher`` inlines the rows as Cypher list literals
(for ``cypher-shell -f``); the FalkorDB target runs the inlined form. MERGE on
unique ids (and on endpoints for relationships) makes a second load of the same
build change nothing, and ``SET n = row`` replaces a node's properties wholesale.

Literals: strings are single-quoted with ``\\``, ``'`` and control characters escaped;
other characters are written as they are (UTF-8), which both Neo4j and FalkorDB read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from .property_graph import NodeTable, PropertyGraph, RelTable

__all__ = [
    "Statement",
    "cypher_literal",
    "cypher_name",
    "neo4j_constraints",
    "data_statements",
    "DEFAULT_BATCH",
]

#: Rows per UNWIND statement: large enough to be fast, small enough for one transaction.
DEFAULT_BATCH = 1000

_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_NEEDS_ESCAPE = re.compile(r"[\\'\x00-\x1f]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def cypher_name(name: str) -> str:
    """A label, type or map key, backtick-quoted unless it is a plain identifier."""
    if _IDENTIFIER.fullmatch(name):
        return name
    return "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    """A Python value (str, int, float, bool, None, list, dict) as a Cypher literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no Cypher literal for {value!r}")
        return repr(value)
    if isinstance(value, str):
        return "'" + _NEEDS_ESCAPE.sub(_escape_char, value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{cypher_name(str(k))}: {cypher_literal(v)}" for k, v in value.items())
            + "}"
        )
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


@dataclass(frozen=True)
class Statement:
    """A statement template with ``$rows`` and the rows it is run with."""

    template: str
    rows: tuple[dict[str, Any], ...] = ()

    @property
    def params(self) -> dict[str, Any]:
        """Driver parameters (empty for statements without rows)."""
        return {"rows": list(self.rows)} if "$rows" in self.template else {}

    def inline(self) -> str:
        """The statement with its rows written in, one row per line (no parameters needed)."""
        if "$rows" not in self.template:
            return self.template
        body = ",\n  ".join(cypher_literal(r) for r in self.rows)
        return self.template.replace("$rows", f"[\n  {body}\n]", 1)


def neo4j_constraints(pg: PropertyGraph) -> list[Statement]:
    """Neo4j 5 uniqueness constraints on every node table's ``id`` (they also index it)."""
    return [
        Statement(
            f"CREATE CONSTRAINT kg_{t.name.lower()}_id IF NOT EXISTS "
            f"FOR (n:{cypher_name(t.name)}) REQUIRE n.id IS UNIQUE"
        )
        for t in pg.nodes
    ]


def _compact(row: dict[str, Any]) -> dict[str, Any]:
    """Drop absent values and empty lists: a property is stored only when it has a value,
    as ``neo4j-admin import`` does with empty CSV fields, so both Neo4j paths agree."""
    return {k: v for k, v in row.items() if v is not None and v != []}


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[tuple[dict[str, Any], ...]]:
    for i in range(0, len(rows), size):
        yield tuple(rows[i : i + size])


def _node_statements(table: NodeTable, batch: int, labels_in_merge: bool) -> Iterator[Statement]:
    def labels(row: dict[str, Any]) -> tuple[str, ...]:
        return table.labels(row)

    for label_set, group in groupby(sorted(table.rows, key=labels), key=labels):
        if labels_in_merge:
            pattern = "".join(f":{cypher_name(label)}" for label in label_set)
            template = f"UNWIND $rows AS row MERGE (n{pattern} {{id: row.id}}) SET n = row"
        else:
            extra = "".join(f", n:{cypher_name(label)}" for label in label_set[1:])
            template = (
                f"UNWIND $rows AS row MERGE (n:{cypher_name(table.name)} {{id: row.id}}) "
                f"SET n = row{extra}"
            )
        for rows in _batches([_compact(r) for r in group], batch):
            yield Statement(template, rows)


def _rel_statements(table: RelTable, batch: int) -> Iterator[Statement]:
    match = (
        f"UNWIND $rows AS row MATCH (s:{cypher_name(table.start)} {{id: row.from_id}}) "
        f"MATCH (o:{cypher_name(table.end)} {{id: row.to_id}}) "
    )
    for rtype in table.types:
        rows = [r for r in table.rows if r.type == rtype]
        key = " {id: row.props.id}" if table.keyed else ""
        if table.columns:
            template = f"{match}MERGE (s)-[r:{cypher_name(rtype)}{key}]->(o) SET r = row.props"
            data = [{"from_id": r.start, "to_id": r.end, "props": _compact(r.props)} for r in rows]
        else:
            template = f"{match}MERGE (s)-[:{cypher_name(rtype)}]->(o)"
            data = [{"from_id": r.start, "to_id": r.end} for r in rows]
        for chunk in _batches(data, batch):
            yield Statement(template, chunk)


def data_statements(
    pg: PropertyGraph, batch: int = DEFAULT_BATCH, labels_in_merge: bool = False
) -> list[Statement]:
    """Every node, then every relationship, in batches of ``batch`` rows, in a fixed order.

    Nodes are merged on their table's label and ``id``, and get their type label with
    ``SET n:Person``, which also fixes a node whose type changed since an earlier load.
    ``labels_in_merge`` puts every label in the MERGE pattern instead
    (``MERGE (n:Entity:Person {id: ...})``): FalkorDB creates nodes four times faster
    that way, so it is used when the graph starts empty.
    """
    if batch < 1:
        raise ValueError("batch size must be at least 1")
    statements: list[Statement] = []
    for table in pg.nodes:
        statements.extend(_node_statements(table, batch, labels_in_merge))
    for rtable in pg.rels:
        statements.extend(_rel_statements(rtable, batch))
    return statements
