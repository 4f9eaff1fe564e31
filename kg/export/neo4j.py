"""Neo4j: CSV files for ``neo4j-admin database import``, a Cypher script, and a live push.

Three ways to get the same graph (``kg.export.property_graph``) into Neo4j:

- ``neo4j-admin database import full`` over the CSV files (fastest; the database is
  created new; ``import.sh`` holds the command). Headers use the importer's syntax:
  ``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``, ``:END_ID(Evidence)``,
  ``:TYPE``, typed columns such as ``mentions:int`` and ``aliases:string[]`` (array
  items joined with ``;``, the importer's default delimiter; a ``;`` inside an item
  becomes ``,``). Empty fields are absent properties.
- ``cypher-shell -f load.cypher`` against a running server: uniqueness constraints
  first, then ``UNWIND [rows] AS row MERGE ...`` batches (safe to run again).
- :func:`push_neo4j`: the same statements through the official ``neo4j`` driver.
"""

from __future__ import annotations

import csv
import logging
import os
import re
from pathlib import Path
from typing import Any

from .common import ExportError, ExportResult, missing_package, stopwatch
from .cypher import DEFAULT_BATCH, Statement, data_statements, neo4j_constraints
from .property_graph import Column, NodeTable, PropertyGraph, RelTable

__all__ = ["write_neo4j", "push_neo4j", "csv_header", "CSV_FILES", "SCRIPT_FILE", "IMPORT_FILE"]

SCRIPT_FILE = "load.cypher"
IMPORT_FILE = "import.sh"
#: CSV file of each node and relationship table.
CSV_FILES = {
    "Entity": "entities.csv",
    "Evidence": "evidence.csv",
    "Transcript": "transcripts.csv",
    "relations": "relations.csv",
    "HAS_EVIDENCE": "has_evidence.csv",
    "MENTIONED_IN": "mentioned_in.csv",
    "QUOTED_IN": "quoted_in.csv",
}
ARRAY_DELIMITER = ";"
#: URI schemes the driver's Bolt protocol accepts (its HTTP preview needs extra packages).
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _column_header(column: Column) -> str:
    return column.name if column.type == "string" else f"{column.name}:{column.type}"


def csv_header(table: NodeTable | RelTable) -> list[str]:
    """The ``neo4j-admin import`` header of a table's CSV file."""
    if isinstance(table, NodeTable):
        cols = [
            f"id:ID({table.name})" if c.name == "id" else _column_header(c) for c in table.columns
        ]
        return [*cols, ":LABEL"]
    return [
        f":START_ID({table.start})",
        f":END_ID({table.end})",
        ":TYPE",
        *(_column_header(c) for c in table.columns),
    ]


def _csv_value(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.type == "string[]":
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value)
    if column.type == "boolean":
        return "true" if value else "false"
    if column.type == "float":
        return repr(float(value))
    return str(value)


def _node_rows(table: NodeTable) -> list[list[str]]:
    return [
        [*(_csv_value(row.get(c.name), c) for c in table.columns), ";".join(table.labels(row))]
        for row in table.rows
    ]


def _rel_rows(table: RelTable) -> list[list[str]]:
    return [
        [r.start, r.end, r.type, *(_csv_value(r.props.get(c.name), c) for c in table.columns)]
        for r in table.rows
    ]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    os.replace(tmp, path)


def _import_script(pg: PropertyGraph) -> str:
    nodes = " ".join(f"--nodes={CSV_FILES[t.name]}" for t in pg.nodes)
    rels = " ".join(f"--relationships={CSV_FILES[t.name]}" for t in pg.rels)
    return (
        "#!/bin/sh\n"
        "# Create a Neo4j 5 database from these CSV files (server stopped; the database is replaced):\n"
        "#   sh import.sh [database]        (default: neo4j; neo4j-admin on PATH)\n"
        "# Then start the server and run the CREATE CONSTRAINT lines of load.cypher once.\n"
        "set -e\n"
        'cd "$(dirname "$0")"\n'
        f"neo4j-admin database import full --overwrite-destination --multiline-fields=true \\\n"
        f"  --array-delimiter='{ARRAY_DELIMITER}' {nodes} \\\n"
        f"  {rels} \\\n"
        '  "${1:-neo4j}"\n'
    )


def _script(statements: list[Statement], pg: PropertyGraph) -> str:
    counts = ", ".join(f"{k} {v}" for k, v in pg.counts().items())
    head = (
        "// Load the kg graph into a running Neo4j 5 server; safe to run again (MERGE on ids).\n"
        "//   cypher-shell -a bolt://localhost:7687 -u neo4j -p PASSWORD -f load.cypher\n"
        f"// {pg.node_count} nodes, {pg.rel_count} relationships: {counts}\n"
    )
    return head + "".join(f"{s.inline()};\n" for s in statements)


def write_neo4j(pg: PropertyGraph, out_dir: str | Path, batch: int = DEFAULT_BATCH) -> ExportResult:
    """Write the CSV files, ``import.sh`` and ``load.cypher`` into ``out_dir``."""
    out = Path(out_dir)
    result = ExportResult(
        "neo4j", str(out), {"nodes": pg.node_count, "relationships": pg.rel_count}
    )
    with stopwatch(result):
        try:
            out.mkdir(parents=True, exist_ok=True)
            for table in pg.nodes:
                _write_csv(out / CSV_FILES[table.name], csv_header(table), _node_rows(table))
            for rtable in pg.rels:
                _write_csv(out / CSV_FILES[rtable.name], csv_header(rtable), _rel_rows(rtable))
            statements = neo4j_constraints(pg) + data_statements(pg, batch)
            (out / SCRIPT_FILE).write_text(_script(statements, pg), encoding="utf-8")
            (out / IMPORT_FILE).write_text(_import_script(pg), encoding="utf-8")
        except OSError as exc:
            raise ExportError(
                f"{out}: cannot write the Neo4j files there ({exc.strerror})"
            ) from None
        result.files = sorted([*CSV_FILES.values(), SCRIPT_FILE, IMPORT_FILE])
    return result


def _reason(exc: Exception) -> str:
    """The useful end of a driver error (``Connection refused``), on one line."""
    text = " ".join(str(exc).split())
    found = re.findall(r"reason:? \[?[^\]]*\]? ?([^)]+)\)?", text)
    return found[-1].strip() if found else text


def push_neo4j(
    pg: PropertyGraph,
    uri: str,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    batch: int = DEFAULT_BATCH,
) -> ExportResult:
    """Load the graph into a running Neo4j server through the official driver (MERGE, so
    running it again changes nothing). Needs ``pip install neo4j``."""
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in URI_SCHEMES:
        raise ExportError(
            f"cannot use Neo4j URI {uri!r}: give bolt://host:7687 or neo4j://host:7687 "
            f"(schemes: {', '.join(URI_SCHEMES)})"
        )
    try:
        import neo4j
        from neo4j import exceptions as neo_errors
    except ImportError:
        raise missing_package("neo4j", "Neo4j") from None
    # the driver logs connection retries; without a handler Python would print them raw
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    result = ExportResult("neo4j", uri, {"nodes": pg.node_count, "relationships": pg.rel_count})
    auth = (user or "neo4j", password or "") if (user or password) else None
    with stopwatch(result):
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
                for statement in neo4j_constraints(pg) + data_statements(pg, batch):
                    driver.execute_query(
                        statement.template, parameters_=statement.params, database_=database
                    )
        except neo_errors.AuthError:
            raise ExportError(
                f"Neo4j at {uri} refused the login of user {auth[0] if auth else None!r}; "
                "check --user/--password"
            ) from None
        except neo_errors.ServiceUnavailable as exc:
            raise ExportError(
                f"cannot connect to Neo4j at {uri}: {_reason(exc)}; "
                "is the server running and the bolt port right?"
            ) from None
        except neo_errors.Neo4jError as exc:
            raise ExportError(f"Neo4j at {uri}: {exc.message or exc}") from None
        except (neo_errors.DriverError, ValueError) as exc:
            raise ExportError(f"Neo4j at {uri}: {' '.join(str(exc).split())}") from None
    return result
