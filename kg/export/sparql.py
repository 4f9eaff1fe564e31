"""Push the build's triples to a remote SPARQL store, replacing one named graph per build.

Two protocols, both over HTTP with basic or digest authentication:

- ``gsp`` (SPARQL 1.1 Graph Store HTTP Protocol, the default): the first chunk of
  N-Triples is PUT to ``ENDPOINT?graph=IRI`` (replacing the graph), later chunks are
  POSTed (added). Virtuoso: ``http://host:8890/sparql-graph-crud-auth`` with digest auth.
- ``update`` (SPARQL 1.1 Update): ``DROP SILENT GRAPH <IRI>`` then ``INSERT DATA``
  chunks. Virtuoso: ``http://host:8890/sparql-auth`` with digest auth.

The triples are the build's ``graph.nt`` (the union of all its named graphs), streamed
line by line in chunks (~100k triples for GSP: one large request stalls some stores).
Exporting the same build again replaces the graph with the same triples, so nothing
is duplicated. HTTP goes through ``requests`` (a dependency of spaCy), lazily imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .common import ExportError, ExportResult, missing_package, stopwatch

__all__ = ["push_sparql", "DEFAULT_GRAPH", "PROTOCOLS", "AUTH_SCHEMES", "DEFAULT_CHUNK"]

#: Named graph the build goes into unless ``--graph`` says otherwise.
DEFAULT_GRAPH = "https://w3id.org/kg/graph/build"
PROTOCOLS = ("gsp", "update")
AUTH_SCHEMES = ("basic", "digest")
#: Triples per request for each protocol. An Update request is compiled whole: Virtuoso
#: refuses 2,000 triples in one INSERT DATA ("generated SQL text has exceeded 10000 lines").
DEFAULT_CHUNK = {"gsp": 100_000, "update": 1_000}
TIMEOUT = 300.0


def _chunks(nt_file: Path, size: int) -> Iterator[list[str]]:
    """Lists of at most ``size`` N-Triples lines (each line is one triple)."""
    chunk: list[str] = []
    with open(nt_file, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            chunk.append(line if line.endswith("\n") else line + "\n")
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def _session(user: str | None, password: str | None, auth: str) -> Any:
    try:
        import requests
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth
    except ImportError:
        raise missing_package("requests", "SPARQL") from None
    session = requests.Session()
    if user is not None:
        cls = HTTPDigestAuth if auth == "digest" else HTTPBasicAuth
        session.auth = cls(user, password or "")
    return session


_TOO_BIG = ("exceed", "memory", "too large", "too long")


def _check(response: Any, endpoint: str, auth: str) -> None:
    """Raise a one-line error for anything but a 2xx answer."""
    if 200 <= response.status_code < 300:
        return
    if response.status_code in (401, 403):
        other = "digest" if auth == "basic" else "basic"
        raise ExportError(
            f"{endpoint} refused the request (HTTP {response.status_code}); check "
            f"--user/--password, or try --auth {other}"
        )
    body = " ".join((response.text or "").split())[:200]
    hint = ""
    if response.status_code == 413 or any(word in body.lower() for word in _TOO_BIG):
        hint = " (send fewer triples per request with --chunk)"
    raise ExportError(
        f"{endpoint} answered HTTP {response.status_code}: {body or response.reason}{hint}"
    )


@dataclass
class _Store:
    """One remote store: where, how to log in, and how much has been sent so far."""

    session: Any
    endpoint: str
    auth: str
    graph: str
    sent: int = 0

    def send(self, method: str, url: str, body: bytes, content_type: str) -> None:
        """One request; a failure after data went in says the graph is incomplete."""
        try:
            _request(self.session, method, url, body, content_type, self.endpoint, self.auth)
        except ExportError as exc:
            if self.sent:
                raise ExportError(
                    f"{exc}; graph <{self.graph}> holds only the first {self.sent:,} triples: "
                    "run the export again to replace it"
                ) from None
            raise


def _request(
    session: Any, method: str, url: str, body: bytes, content_type: str, endpoint: str, auth: str
) -> None:
    import requests

    try:
        response = session.request(
            method, url, data=body, headers={"Content-Type": content_type}, timeout=TIMEOUT
        )
    except requests.exceptions.ConnectionError as exc:
        text = " ".join(str(exc).split())
        reason = "connection refused" if "refused" in text.lower() else text[:200]
        raise ExportError(f"cannot reach the SPARQL store at {endpoint}: {reason}") from None
    except requests.exceptions.Timeout:
        raise ExportError(
            f"the SPARQL store at {endpoint} did not answer within {TIMEOUT:.0f}s"
        ) from None
    except requests.exceptions.RequestException as exc:
        raise ExportError(f"cannot use {endpoint}: {' '.join(str(exc).split())[:200]}") from None
    _check(response, endpoint, auth)


def _gsp(store: _Store, nt_file: Path, chunk: int) -> None:
    """PUT the first chunk (replacing the graph), POST the others."""
    sep = "&" if "?" in store.endpoint else "?"
    url = f"{store.endpoint}{sep}graph={quote(store.graph, safe='')}"
    for lines in _chunks(nt_file, chunk):
        method = "POST" if store.sent else "PUT"
        store.send(method, url, "".join(lines).encode("utf-8"), "application/n-triples")
        store.sent += len(lines)
    if store.sent == 0:  # an empty build still replaces the graph
        store.send("PUT", url, b"", "application/n-triples")


def _update(store: _Store, nt_file: Path, chunk: int) -> None:
    """DROP the graph, then INSERT DATA chunk by chunk."""
    iri = f"<{store.graph}>"
    update = "application/sparql-update"
    store.send("POST", store.endpoint, f"DROP SILENT GRAPH {iri}".encode(), update)
    for lines in _chunks(nt_file, chunk):
        body = f"INSERT DATA {{ GRAPH {iri} {{\n{''.join(lines)}}} }}"
        store.send("POST", store.endpoint, body.encode("utf-8"), update)
        store.sent += len(lines)


def push_sparql(
    nt_file: str | Path,
    endpoint: str,
    graph: str = DEFAULT_GRAPH,
    protocol: str = "gsp",
    user: str | None = None,
    password: str | None = None,
    auth: str = "basic",
    chunk: int | None = None,
) -> ExportResult:
    """Replace named graph ``graph`` of the store at ``endpoint`` with the triples of ``nt_file``."""
    if protocol not in PROTOCOLS:
        raise ExportError(f"unknown protocol {protocol!r}; use one of {', '.join(PROTOCOLS)}")
    if auth not in AUTH_SCHEMES:
        raise ExportError(f"unknown auth scheme {auth!r}; use one of {', '.join(AUTH_SCHEMES)}")
    if not endpoint.startswith(("http://", "https://")):
        raise ExportError(f"{endpoint!r} is not an http(s) URL of a SPARQL store")
    if any(c in graph for c in '<>"{}|^`\\ ') or ":" not in graph:
        raise ExportError(f"{graph!r} is not an absolute IRI for the named graph")
    size = chunk or DEFAULT_CHUNK[protocol]
    if size < 1:
        raise ExportError("chunk size must be at least 1 triple")
    result = ExportResult("sparql", f"{endpoint} graph <{graph}>")
    with stopwatch(result), _session(user, password, auth) as session:
        store = _Store(session, endpoint, auth, graph)
        (_gsp if protocol == "gsp" else _update)(store, Path(nt_file), size)
        result.counts = {"triples": store.sent}
    return result
