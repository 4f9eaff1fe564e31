"""Kuzu: bulk-load the property graph into a Kuzu database with ``COPY ... FROM`` CSV.

Kuzu has typed tables instead of free labels, so the schema is:

- node tables ``Entity`` (the type is the ``type`` column, not a label), ``Evidence``,
  ``Transcript``, each with ``id`` as primary key;
- one relationship table per relationship type between entities (``WORKS_FOR``,
  ``RELATED_TO``, ``OPEN_RELATION`` ...; every type of the ontology, even when empty),
  and ``HAS_EVIDENCE``, ``MENTIONED_IN``, ``QUOTED_IN``.

COPY is the fast path (MERGE row by row is two orders of magnitude slower). COPY cannot
upsert, so an export replaces what an earlier one loaded: it drops the tables above
(and every relationship table that touches them) and creates them again, all in one
transaction, so a failed export leaves the previous graph as it was. Other tables in
the database are left alone. Lists travel through the CSV joined with U+001F and are
split again by the COPY subquery, so any character inside an alias survives.
"""

from __future__ import annotations

import contextlib
import csv
import tempfile
from pathlib import Path
from typing import Any

from .common import ExportError, ExportResult, missing_package, stopwatch
from .property_graph import (
    RELATION_TYPES,
    RELATIONS,
    Column,
    NodeTable,
    PropertyGraph,
    Rel,
    RelTable,
)

__all__ = ["load_kuzu", "KUZU_TYPES"]

#: Column types of the property graph as Kuzu types.
KUZU_TYPES = {
    "string": "STRING",
    "int": "INT64",
    "float": "DOUBLE",
    "boolean": "BOOLEAN",
    "string[]": "STRING[]",
}
_SEP = "\x1f"


def _q(name: str) -> str:
    """A table or column name in backticks (``end`` and friends are keywords in Kuzu)."""
    return "`" + name.replace("`", "``") + "`"


def _cell(value: Any, column: Column) -> str:
    if value is None or value == []:
        return ""
    if column.type == "string[]":
        return _SEP.join(str(v).replace(_SEP, " ") for v in value)
    if column.type == "boolean":
        return "true" if value else "false"
    return repr(value) if column.type == "float" else str(value)


def _write_csv(path: Path, columns: list[Column], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        writer.writerows(rows)


def _load_columns(columns: list[Column]) -> str:
    """``LOAD WITH HEADERS`` column list: lists are read as strings and split later."""
    return ", ".join(
        f"{_q(c.name)} {KUZU_TYPES['string' if c.type == 'string[]' else c.type]}" for c in columns
    )


def _return_columns(columns: list[Column]) -> str:
    parts = []
    for c in columns:
        if c.type == "string[]":
            parts.append(
                f"CASE WHEN {_q(c.name)} IS NULL OR {_q(c.name)} = '' THEN NULL "
                f"ELSE string_split({_q(c.name)}, '{_SEP}') END"
            )
        else:
            parts.append(_q(c.name))
    return ", ".join(parts)


def _copy(conn: Any, table: str, csv_path: Path, columns: list[Column]) -> None:
    path = str(csv_path).replace("'", "''")
    conn.execute(
        f"COPY {_q(table)} FROM (LOAD WITH HEADERS ({_load_columns(columns)}) FROM '{path}' "
        f"(HEADER=true, PARALLEL=false) RETURN {_return_columns(columns)})"
    )


def _existing_tables(conn: Any) -> dict[str, str]:
    result = conn.execute("CALL show_tables() RETURN name, type")
    tables = {}
    while result.has_next():
        name, kind = result.get_next()
        tables[name] = kind
    return tables


def _drop_previous(conn: Any, pg: PropertyGraph) -> None:
    """Drop the tables an earlier export created (ours, and relationship tables touching them)."""
    ours = {t.name for t in pg.nodes}
    tables = _existing_tables(conn)
    for name, kind in sorted(tables.items()):
        if kind != "REL":
            continue
        result = conn.execute(f"CALL show_connection('{name}') RETURN *")
        ends: set[str] = set()
        while result.has_next():
            ends.update(result.get_next()[:2])
        if ends & ours:
            conn.execute(f"DROP TABLE {_q(name)}")
    for name in sorted(ours & set(tables)):
        conn.execute(f"DROP TABLE {_q(name)}")


def _create_node_table(conn: Any, table: NodeTable) -> None:
    cols = ", ".join(
        f"{_q(c.name)} {KUZU_TYPES[c.type]}{' PRIMARY KEY' if c.name == 'id' else ''}"
        for c in table.columns
    )
    conn.execute(f"CREATE NODE TABLE {_q(table.name)}({cols})")


def _create_rel_table(conn: Any, name: str, table: RelTable) -> None:
    cols = "".join(f", {_q(c.name)} {KUZU_TYPES[c.type]}" for c in table.columns)
    conn.execute(f"CREATE REL TABLE {_q(name)}(FROM {_q(table.start)} TO {_q(table.end)}{cols})")


def _rel_groups(pg: PropertyGraph) -> list[tuple[str, RelTable, list[Rel]]]:
    """One Kuzu relationship table per relationship type. Every type an entity relation
    can have gets its table even when this build has none, so queries naming it work."""
    groups = []
    for table in pg.rels:
        types = (
            sorted(set(table.types) | set(RELATION_TYPES))
            if table.name == RELATIONS
            else table.types
        )
        groups.extend((rtype, table, [r for r in table.rows if r.type == rtype]) for rtype in types)
    return groups


def _load(conn: Any, pg: PropertyGraph, tmp: Path) -> None:
    _drop_previous(conn, pg)
    for table in pg.nodes:
        _create_node_table(conn, table)
    groups = _rel_groups(pg)
    for name, table, _ in groups:
        _create_rel_table(conn, name, table)
    for table in pg.nodes:
        if table.rows:
            path = tmp / f"{table.name}.csv"
            _write_csv(
                path,
                list(table.columns),
                [[_cell(row.get(c.name), c) for c in table.columns] for row in table.rows],
            )
            _copy(conn, table.name, path, list(table.columns))
    ends = [Column("from_id"), Column("to_id")]
    for name, table, rels in groups:
        if not rels:
            continue
        path = tmp / f"rel_{name}.csv"
        _write_csv(
            path,
            ends + list(table.columns),
            [
                [r.start, r.end, *(_cell(r.props.get(c.name), c) for c in table.columns)]
                for r in rels
            ],
        )
        _copy(conn, name, path, ends + list(table.columns))


def _rollback(conn: Any) -> None:
    """Undo the open transaction (Kuzu has already done so after a failed statement)."""
    with contextlib.suppress(RuntimeError):
        conn.execute("ROLLBACK")


def load_kuzu(pg: PropertyGraph, path: str | Path) -> ExportResult:
    """Create or replace the kg tables of the Kuzu database at ``path`` and COPY the graph in."""
    try:
        import kuzu
    except ImportError:
        raise missing_package("kuzu", "Kuzu") from None
    target = Path(path)
    result = ExportResult(
        "kuzu", str(target), {"nodes": pg.node_count, "relationships": pg.rel_count}
    )
    with stopwatch(result):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            db = kuzu.Database(str(target))
        except (OSError, RuntimeError) as exc:
            raise ExportError(
                f"{target}: cannot open a Kuzu database there ({' '.join(str(exc).split())})"
            ) from None
        conn = kuzu.Connection(db)
        try:
            with tempfile.TemporaryDirectory(prefix="kg-kuzu-") as tmp:
                conn.execute("BEGIN TRANSACTION")
                try:
                    _load(conn, pg, Path(tmp))
                except BaseException:
                    _rollback(conn)
                    raise
                conn.execute("COMMIT")
        except RuntimeError as exc:
            raise ExportError(f"{target}: Kuzu failed: {' '.join(str(exc).split())}") from None
        finally:
            conn.close()
            db.close()
    return result
