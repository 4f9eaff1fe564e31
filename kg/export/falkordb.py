"""FalkorDB: load the property graph into a running FalkorDB server with the ``falkordb`` client.

It runs the statements ``load.cypher`` holds for Neo4j (``UNWIND $rows ... MERGE``), with
the rows sent as a parameter (three times faster for FalkorDB to read than the same rows
inlined as literals), after a range index on every node table's ``id`` so that MERGE
finds nodes fast.
Loading the same build again changes nothing; ``replace=True`` deletes the graph first
(use it when the build changed, so nodes and edges that are gone do not linger). Into a
new graph, nodes are created with all their labels in the MERGE pattern (fast); into an
existing one, type labels are SET (an entity whose type changed is corrected).
Entities carry two labels (``:Entity:Person``), as in Neo4j.
"""

from __future__ import annotations

from typing import Any

from .common import ExportError, ExportResult, missing_package, stopwatch
from .cypher import DEFAULT_BATCH, cypher_name, data_statements
from .property_graph import PropertyGraph

__all__ = ["load_falkordb", "DEFAULT_GRAPH", "DEFAULT_PORT"]

DEFAULT_GRAPH = "kg"
DEFAULT_PORT = 6379


def _connect(host: str, port: int, username: str | None, password: str | None) -> Any:
    try:
        import falkordb
    except ImportError:
        raise missing_package("falkordb", "FalkorDB") from None
    return falkordb.FalkorDB(host=host, port=port, username=username, password=password)


def _explain(exc: Exception, where: str) -> ExportError:
    """A one-line error for the ways a FalkorDB connection or query fails."""
    text = " ".join(str(exc).split()).rstrip(".")
    name = type(exc).__name__
    if name in ("ConnectionError", "TimeoutError"):
        return ExportError(f"cannot connect to FalkorDB at {where}: {text}; is the server running?")
    if name == "AuthenticationError" or "NOAUTH" in text or "WRONGPASS" in text:
        return ExportError(f"FalkorDB at {where} refused the login; check --user/--password")
    if "unknown command" in text.lower():
        return ExportError(
            f"{where} is a Redis server without the FalkorDB module (load falkordb.so)"
        )
    return ExportError(f"FalkorDB at {where}: {text}")


def _ensure_indexes(graph: Any, pg: PropertyGraph) -> None:
    for table in pg.nodes:
        try:
            graph.query(f"CREATE INDEX FOR (n:{cypher_name(table.name)}) ON (n.id)")
        except Exception as exc:  # an index that exists already is what we want
            if "already indexed" not in str(exc):
                raise


def load_falkordb(
    pg: PropertyGraph,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    graph: str = DEFAULT_GRAPH,
    username: str | None = None,
    password: str | None = None,
    replace: bool = False,
    batch: int = DEFAULT_BATCH,
) -> ExportResult:
    """Load ``pg`` into graph ``graph`` of the FalkorDB server at ``host:port``."""
    where = f"{host}:{port}"
    result = ExportResult(
        "falkordb",
        f"{where} graph {graph!r}",
        {"nodes": pg.node_count, "relationships": pg.rel_count},
    )
    with stopwatch(result):
        try:
            db = _connect(host, port, username, password)
            g = db.select_graph(graph)
            exists = graph in db.list_graphs()
            if replace and exists:
                g.delete()
            _ensure_indexes(g, pg)
            fresh = replace or not exists
            for statement in data_statements(pg, batch, labels_in_merge=fresh):
                g.query(statement.template, statement.params)
        except ExportError:
            raise
        except Exception as exc:  # redis/falkordb raise plain redis errors; name them
            raise _explain(exc, where) from None
    return result
