"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a small web UI.

Routes:

* ``/sparql`` -- GET ``?query=``, POST ``application/x-www-form-urlencoded`` (``query=``)
  or ``application/sparql-query``; ``default-graph-uri``/``named-graph-uri`` as in the
  protocol. The result format follows ``Accept`` (SPARQL JSON, XML, CSV, TSV; Turtle,
  N-Triples, RDF/XML, JSON-LD for graphs; JSON and Turtle by default) or a ``format``
  parameter (json, xml, csv, tsv, turtle, ntriples, ...). ``param.NAME=value`` (a kg
  extension) binds ``?NAME`` as ``kg query --param`` does. Updates and ``SERVICE`` are
  refused (403). At most ``Settings.max_results`` rows come back; a cut result carries
  ``X-KG-Truncated: true``. A query running longer than ``Settings.query_timeout`` is
  stopped and answered 503.
* ``/`` -- a query page (named queries as examples, results table with entity links).
* ``/entity/KEY`` -- what the graph says about one entity, with quotes and times.
* ``/graph`` -- redirects to ``/site/graph.html``, the build's interactive graph; ``/site/``
  serves the build's static pages (graph.html, index.html, transcripts/) so their links work.

pyoxigraph cannot cancel a running query, and a Python thread cannot be killed, so
queries run in a small pool of worker processes (each with the store opened
read-only); a worker that overruns the timeout is killed and replaced.
The server is the standard library's ``ThreadingHTTPServer``; it listens on the
loopback interface unless told otherwise.
"""

from __future__ import annotations

import contextlib
import html
import ipaddress
import json
import multiprocessing
import os
import re
import signal
import socket
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .config import Settings
from .errors import KgError, OutputsMissingError, QueryError, printable
from .files import current_build
from .ontology import PREFIXES
from .store import STORE_DIR, open_store

try:
    import resource
except ImportError:  # not POSIX: no memory cap
    resource = None  # type: ignore[assignment]

__all__ = ["KgServer", "WorkerPool", "make_server", "serve", "negotiate", "ENTITY_BASE"]

#: Entity IRIs start with this; the UI links them to ``/entity/<key>``.
ENTITY_BASE = PREFIXES["id"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_BODY = 1 << 20  # bytes of a POSTed query
#: Files of the build's static site that ``/site/`` serves, by suffix.
_SITE_MEDIA = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
}  # fmt: skip

_RESULT_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
_GRAPH_MEDIA = {
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "n3": "text/n3; charset=utf-8",
}
#: Accept media types -> format, for SELECT/ASK results and for graphs.
_RESULT_ACCEPT = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}  # fmt: skip
_GRAPH_ACCEPT = {
    "text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
    "application/ld+json": "jsonld", "application/json": "jsonld",
    "text/n3": "n3", "text/rdf+n3": "n3", "application/n3": "n3",
}  # fmt: skip
#: ``format=`` parameter values (besides media types).
_RESULT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"}
_GRAPH_NAMES = {
    "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
    "n-triples": "ntriples", "xml": "rdfxml", "rdf": "rdfxml", "rdfxml": "rdfxml",
    "rdf+xml": "rdfxml", "jsonld": "jsonld", "json-ld": "jsonld", "json": "jsonld", "n3": "n3",
}  # fmt: skip


def negotiate(kind: str, accept: str, hints: list[str]) -> str | None:
    """The format to answer in: the first known ``format`` hint, else the best ``Accept``
    type, else the default (json for results, turtle for graphs); None if Accept names
    only types this server cannot write (406)."""
    graph = kind == "graph"
    names, media = (_GRAPH_NAMES, _GRAPH_ACCEPT) if graph else (_RESULT_NAMES, _RESULT_ACCEPT)
    default = "turtle" if graph else "json"
    for hint in hints:
        hint = hint.strip().lower()
        found = names.get(hint) or media.get(hint.split(";")[0].strip())
        if found:
            return found
    if not accept.strip():
        return default
    ranges = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            ranges.append((-q, i, fields[0].lower()))
    for _, _, media_type in sorted(ranges):
        if media_type in media:
            return media[media_type]
        if media_type in ("*/*", "application/*") or (media_type == "text/*" and graph):
            return default
        if media_type == "text/*":
            return "csv"
    return None


# -- worker processes ----------------------------------------------------------------


#: Seconds a new worker process may take to import kg and open the store.
WORKER_STARTUP = 120.0


@dataclass
class _Worker:
    """One worker process and the parent's end of its pipe."""

    process: multiprocessing.process.BaseProcess
    conn: object  # multiprocessing.connection.Connection
    ready: bool = False


def _open(store_dir: str, in_memory: bool):
    """The store for a worker, or None while there is no build."""
    from .sparql import KnowledgeStore

    try:
        return KnowledgeStore(store_dir, in_memory=in_memory)
    except KgError:
        return None


def _worker_main(conn, store_dir: str, in_memory: bool = False) -> None:
    """A worker process: open the store, say it is ready, then answer each request dict
    with a reply dict until told to stop (None) or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's business
    from .query_guard import isolate_from_network

    not_isolated = isolate_from_network()  # before the store starts its threads
    store = _open(store_dir, in_memory)
    conn.send({"ready": True, "network": not_isolated or "none"})
    _quiet_stderr()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        if store is None:
            store = _open(store_dir, in_memory)
        if store is None:
            conn.send(
                {"status": 503, "message": f"{store_dir}: no readable SPARQL store; run `kg build`"}
            )
            continue
        cap_memory(request.get("memory", 0))
        conn.send(_execute(store, request))


def _quiet_stderr() -> None:
    """Send this worker's stderr to /dev/null: when a query passes its memory cap, the
    store's allocator prints a backtrace and aborts; the server says it in one line."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def _data_bytes() -> int | None:
    """This process's data segment (``VmData``: heap and private mappings, what
    ``RLIMIT_DATA`` limits), or None where /proc does not tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def cap_memory(mib: int) -> int | None:
    """Let this process's data segment grow by at most ``mib`` MiB from now on (the next
    query's memory: the store already open is not counted); returns the limit in bytes,
    or None when there is no cap (``mib`` 0, or no ``RLIMIT_DATA``/``/proc`` here).

    Past the limit an allocation fails: pyoxigraph (Rust) aborts the process, Python
    raises ``MemoryError``; either way the query ends and only this worker is lost."""
    if not mib or mib <= 0 or resource is None:
        return None
    used = _data_bytes()
    if used is None:
        return None
    limit = used + (mib << 20)
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ValueError, OSError):
        return None
    return limit


def _execute(store, request: dict) -> dict:
    """Run one protocol request on ``store``; a reply dict (status, body or message)."""
    from .sparql import QueryRefused, QuerySyntaxError, parse_param_value

    try:
        params = {
            name: parse_param_value(value) for name, value in request.get("params", {}).items()
        }
        result = store.query(
            request["query"],
            params,
            max_results=request["max_results"],
            allow_service=False,
            default_graph=request.get("default_graph"),
            named_graphs=request.get("named_graphs"),
        )
        fmt = negotiate(result.kind, request.get("accept", ""), request.get("hints", []))
        if fmt is None:
            wanted = ", ".join((_GRAPH_MEDIA if result.kind == "graph" else _RESULT_MEDIA).values())
            return {
                "status": 406,
                "message": f"cannot answer in {request.get('accept')!r}; available: {wanted}",
            }
        body, result, cut = fit_bytes(result, fmt, request.get("max_bytes") or 0)
        media = (_GRAPH_MEDIA if result.kind == "graph" else _RESULT_MEDIA)[fmt]
        return {
            "status": 200,
            "content_type": media,
            "body": body,
            "truncated": result.truncated,
            "cut_by_bytes": cut,
            "count": len(result),
            "kind": result.kind,
        }
    except MemoryError:
        return {
            "status": 503,
            "message": _memory_message(request.get("memory", 0)),
            "recycle": True,
        }
    except QuerySyntaxError as error:
        return {"status": 400, "message": str(error)}
    except QueryRefused as error:
        return {"status": 403, "message": str(error)}
    except OutputsMissingError as error:
        return {"status": 503, "message": str(error)}
    except QueryError as error:
        return {"status": 400, "message": str(error)}
    except Exception as error:  # noqa: BLE001 - a worker must answer, whatever happened
        return {
            "status": 500,
            "message": f"query failed: {' '.join(str(error).split()) or type(error).__name__}",
        }


def fit_bytes(result, fmt: str, max_bytes: int):
    """``result`` serialised in ``fmt``, cut to whole rows (triples) so that it is at most
    ``max_bytes`` long (0: no cap); returns (body, the result it holds, whether it was cut).
    The cut keeps the format valid, as ``max_results`` does, and is marked ``truncated``."""
    from .sparql import QueryResult, serialize

    body = serialize(result, fmt).encode("utf-8")
    if not max_bytes or len(body) <= max_bytes or result.kind == "ask":
        return body, result, False
    rows = result.triples if result.kind == "graph" else result.solutions
    keep = len(rows)
    while len(body) > max_bytes and keep > 0:
        keep = min(keep - 1, int(keep * max_bytes / len(body) * 0.95))
        cut = QueryResult(result.kind, result.variables, truncated=True)
        if result.kind == "graph":
            cut.triples = rows[:keep]
        else:
            cut.solutions = rows[:keep]
        body = serialize(cut, fmt).encode("utf-8")
        result = cut
    return body, result, True


def _memory_message(mib: int) -> str:
    return (
        f"query stopped: it needed more than {mib} MiB of memory (setting query_memory); "
        "add LIMIT, narrow the patterns or avoid ORDER BY over a cross product"
    )


@dataclass
class _Ticket:
    """A request waiting for a worker: which client asked, and the worker it got."""

    client: str
    worker: _Worker | None = None


class WorkerPool:
    """Worker processes that run queries, shared fairly between clients, and killed when
    they overrun.

    Fairness: a client (an address) runs at most ``per_client`` queries at once and
    waits for a worker in its own line of at most ``client_waiting`` requests; a freed
    worker goes to the client that has waited its turn longest (round robin over the
    clients with a request waiting), so one client's heavy queries cannot take every
    worker or make another client's simple queries wait behind all of them.
    """

    def __init__(
        self,
        store_dir: str | Path,
        size: int = 2,
        in_memory: bool = False,
        per_client: int = 0,
        client_waiting: int = 16,
    ):
        self.store_dir = str(store_dir)
        self.size = max(1, size)
        self.in_memory = in_memory
        #: Queries one client may run at once: ``per_client``, else all workers but one.
        self.per_client = per_client if per_client > 0 else max(1, self.size - 1)
        #: Requests one client may have waiting for a worker; more get 503 at once.
        self.client_waiting = max(1, client_waiting)
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._waiting: dict[str, deque[_Ticket]] = {}  # per client, in arrival order
        self._turns: deque[str] = deque()  # clients with requests waiting, next first
        self._running: Counter[str] = Counter()
        self._all: list[_Worker] = []
        self._closed = False
        #: What network a started worker has: "none" (its own empty namespace) or why not.
        self.network: str | None = None
        for _ in range(self.size):
            self._idle.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, self.store_dir, self.in_memory),
            daemon=True,
            name="kg-query-worker",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._cond:
            self._all.append(worker)
        return worker

    def _discard(self, worker: _Worker, ended: bool = False) -> int | None:
        """Kill ``worker`` and start another in its place; with ``ended`` (its pipe
        closed), its exit code (negative: the signal that ended it)."""
        if ended:
            worker.process.join(2)
        code = worker.process.exitcode
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        with self._cond:
            if worker in self._all:
                self._all.remove(worker)
        if not self._closed:
            fresh = self._spawn()
            with self._cond:
                self._idle.append(fresh)
                self._dispatch()
        return code

    # -- scheduling (all under self._cond) -------------------------------------------
    def _dispatch(self) -> None:
        """Give idle workers to waiting requests, one client per turn."""
        handed = False
        while self._idle and self._turns:
            for _ in range(len(self._turns)):
                client = self._turns[0]
                self._turns.rotate(-1)
                if self._running[client] < self.per_client:
                    ticket = self._waiting[client].popleft()
                    if not self._waiting[client]:
                        del self._waiting[client]
                        self._turns.remove(client)
                    ticket.worker = self._idle.pop()
                    self._running[client] += 1
                    handed = True
                    break
            else:
                break  # every waiting client is at its limit
        if handed:
            self._cond.notify_all()

    def _acquire(self, client: str, timeout: float) -> _Worker | str:
        """A worker for ``client`` within ``timeout`` seconds, or why not (a message)."""
        with self._cond:
            line = self._waiting.get(client)
            if line is not None and len(line) >= self.client_waiting:
                return (
                    f"server busy: {len(line)} queries from {client or 'you'} are already "
                    "waiting; wait for their answers before sending more"
                )
            ticket = _Ticket(client)
            if line is None:
                line = self._waiting[client] = deque()
                self._turns.append(client)
            line.append(ticket)
            self._dispatch()
            if ticket.worker is None:
                self._cond.wait_for(lambda: ticket.worker is not None, timeout)
            if ticket.worker is not None:
                return ticket.worker
            line.remove(ticket)
            if not line:
                del self._waiting[client]
                self._turns.remove(client)
            return f"server busy: no query worker free within {timeout:g} s; try again"

    def _release(self, client: str, worker: _Worker | None) -> None:
        """``client``'s query is over; ``worker`` (None: it was discarded) is free."""
        with self._cond:
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]
            if worker is not None:
                self._idle.append(worker)
            self._dispatch()

    def run(self, request: dict, timeout: float, client: str = "") -> dict:
        """Run ``request`` in a worker, in ``client``'s turn; a 503 reply when it takes
        longer than ``timeout`` seconds (the worker is killed), when it passes its memory
        cap (the worker has died), or when no worker frees up in that time."""
        got = self._acquire(client, timeout)
        if isinstance(got, str):
            return {"status": 503, "message": got}
        worker: _Worker | None = got
        try:
            return self._run_in(worker, request, timeout)
        except _WorkerLost as lost:
            worker = None
            return lost.reply
        finally:
            self._release(client, worker)

    def _run_in(self, worker: _Worker, request: dict, timeout: float) -> dict:
        try:
            if not worker.ready:  # startup (imports, opening the store) is not query time
                if not worker.conn.poll(WORKER_STARTUP):
                    self._discard(worker)
                    raise _WorkerLost(500, "query worker did not start; try again")
                hello = worker.conn.recv()
                self.network = hello.get("network", self.network)
                worker.ready = True
            worker.conn.send(request)
            if worker.conn.poll(timeout):
                reply = worker.conn.recv()
                if reply.pop("recycle", False):  # a MemoryError: start afresh
                    self._discard(worker)
                    raise _WorkerLost(reply["status"], reply["message"])
                return reply
        except (EOFError, OSError):
            code = self._discard(worker, ended=True)
            if request.get("memory") and code in (
                -signal.SIGABRT,
                -signal.SIGKILL,
                -signal.SIGSEGV,
            ):
                raise _WorkerLost(503, _memory_message(request["memory"])) from None
            raise _WorkerLost(500, "query worker stopped unexpectedly; try again") from None
        self._discard(worker)
        raise _WorkerLost(
            503,
            f"query stopped: it ran longer than the {timeout:g} s timeout "
            "(setting query_timeout; kg serve --timeout)",
        )

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._cond:
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.conn.close()


class _WorkerLost(Exception):
    """The worker that ran a query is gone (killed, died, replaced); ``reply`` says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.reply = {"status": status, "message": message}


# -- HTTP ----------------------------------------------------------------------------


class KgServer(ThreadingHTTPServer):
    """The HTTP server: settings, the outputs folder, the worker pool and the UI data.

    Connections: a listen backlog of :attr:`request_queue_size` (bursts are queued,
    not dropped), ``TCP_NODELAY`` on every connection (no Nagle/delayed-ACK stall on
    keep-alive requests), :data:`CONNECTION_TIMEOUT` seconds for a client to send its
    whole request, counted from when the server starts waiting for it (a half-sent or
    trickled request does not hold its thread: a watchdog shuts the socket at the
    deadline, as a socket timeout alone restarts with every byte), and at most
    :attr:`max_connections` connections at once (each holds a thread; more are
    answered 503 and closed).
    """

    daemon_threads = True
    request_queue_size = 128
    #: Connections served at once; each holds a thread until it closes or times out.
    max_connections = 256

    def __init__(
        self,
        address: tuple[str, int],
        outputs_dir: Path,
        settings: Settings,
        workers: int,
        quiet: bool,
        in_memory: bool = False,
        cors: tuple[str, ...] = (),
        allowed_hosts: tuple[str, ...] = (),
    ):
        self.outputs_dir = Path(outputs_dir)
        self.settings = settings
        self.quiet = quiet
        #: Origins whose pages may read answers (``--cors``); ``*`` allows every origin.
        self.cors = tuple(origin.rstrip("/").lower() for origin in cors)
        #: Host names (besides IP addresses and localhost) the server answers to.
        self.allowed_hosts = {address[0].lower().strip("[]"), *(h.lower() for h in allowed_hosts)}
        self._lock = threading.Lock()
        self._deadlines: dict[socket.socket, float] = {}  # connection -> request deadline
        self._connections = 0
        self._closing = threading.Event()
        self.pool = WorkerPool(
            self.outputs_dir / STORE_DIR, workers, in_memory, per_client=settings.client_queries
        )
        try:
            super().__init__(address, _Handler)
        except OSError as exc:
            self.pool.close()
            raise KgError(
                f"cannot listen on {address[0]}:{address[1]} ({exc.strerror or exc})"
            ) from None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"

    def server_activate(self) -> None:
        super().server_activate()
        threading.Thread(target=self._watchdog, daemon=True, name="kg-request-deadlines").start()

    def server_close(self) -> None:
        self._closing.set()
        super().server_close()
        self.pool.close()

    # -- connections -------------------------------------------------------------------
    def process_request(self, request, client_address) -> None:
        """Serve the connection in its own thread, or answer 503 and close it when
        :attr:`max_connections` are open already."""
        with self._lock:
            full = self._connections >= self.max_connections
            if not full:
                self._connections += 1
        if not full:
            try:
                super().process_request(request, client_address)
            except Exception:
                with self._lock:
                    self._connections -= 1
                raise
            return
        body = (
            f"server busy: {self.max_connections} connections open already; try again\n"
        ).encode()
        with contextlib.suppress(OSError):
            request.settimeout(1.0)
            request.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8"
                b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body
            )
        self.shutdown_request(request)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._lock:
                self._connections -= 1

    def watch(self, connection: socket.socket, seconds: float) -> None:
        """Shut ``connection`` if its request has not been read within ``seconds``."""
        with self._lock:
            self._deadlines[connection] = time.monotonic() + seconds

    def unwatch(self, connection: socket.socket) -> None:
        """The request on ``connection`` has been read: no deadline any more."""
        with self._lock:
            self._deadlines.pop(connection, None)

    def _watchdog(self) -> None:
        """Shut the connections whose request did not arrive by its deadline (their
        handler's blocked read then returns at once and the thread ends)."""
        while not self._closing.wait(0.25):
            now = time.monotonic()
            with self._lock:
                late = [c for c, deadline in self._deadlines.items() if deadline <= now]
                for connection in late:
                    del self._deadlines[connection]
            for connection in late:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def run_query(
        self,
        query: str,
        accept: str = "",
        hints: list[str] | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        max_results: int | None = None,
        params: dict[str, str] | None = None,
        client: str = "",
    ) -> dict:
        """Run a query in a worker, in ``client``'s turn (an address; see
        :class:`WorkerPool`), under the timeout, the memory cap and the result caps
        (``max_results``, default the setting, and ``max_result_bytes``); ``params``
        bind variables as ``kg query --param`` does. The worker's reply."""
        cap = self.settings.max_results if max_results is None else max_results
        request = {
            "query": query,
            "params": params or {},
            "accept": accept,
            "hints": hints or [],
            "max_results": cap,
            "default_graph": default_graph,
            "named_graphs": named_graphs,
            "max_bytes": self.settings.max_result_bytes,
            "memory": self.settings.query_memory,
        }
        return self.pool.run(request, self.settings.query_timeout, client)


#: Characters no path of the server holds (NUL and other controls).
_BAD_PATH_RE = re.compile(r"[\x00-\x1f\x7f]")

#: Seconds a connection may stay silent (sending its request, or idle between
#: keep-alive requests) before the server closes it.
CONNECTION_TIMEOUT = 20.0


class _Handler(BaseHTTPRequestHandler):
    """HTTP requests: routing, the protocol, pages; errors as one-line text/plain."""

    server: KgServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-sparql"
    timeout = CONNECTION_TIMEOUT
    _head_only = False

    # -- plumbing ----------------------------------------------------------------------
    def setup(self) -> None:
        super().setup()
        with contextlib.suppress(OSError):
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle_one_request(self) -> None:
        """One request, which must arrive whole within :attr:`timeout` seconds (the
        deadline ends when its head, and a POST's body, have been read)."""
        self.server.watch(self.connection, self.timeout)
        try:
            super().handle_one_request()
        finally:
            self.server.unwatch(self.connection)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if not self.server.quiet:
            line = printable(format % args)  # a request line may hold control characters
            sys.stderr.write(f"{printable(self.address_string())} - {line}\n")

    def do_HEAD(self) -> None:  # noqa: N802
        """As GET, without the body (same status, type and length)."""
        self._head_only = True
        try:
            self.do_GET()
        finally:
            self._head_only = False

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
        head: bool = False,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        allowed = self._cors_origin()
        if allowed:
            self.send_header("Access-Control-Allow-Origin", allowed)
            self.send_header(
                "Access-Control-Expose-Headers",
                "X-KG-Truncated, X-KG-Max-Results, X-KG-Max-Result-Bytes, X-KG-Result-Count",
            )
        if self.server.cors:
            self.send_header("Vary", "Origin")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head and not self._head_only:
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _html(self, page: str, status: int = 200) -> None:
        csp = (
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
        )
        self._send(
            status,
            page.encode("utf-8"),
            "text/html; charset=utf-8",
            {"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff"},
        )

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.close_connection = True
            self._error(411, "send the body with a Content-Length")
            return None
        try:
            size = int(length or 0)
        except ValueError:
            size = -1
        if size < 0 or size > MAX_BODY:
            self.close_connection = True
            self._error(413, f"request body too large or invalid (at most {MAX_BODY} bytes)")
            return None
        return self.rfile.read(size)

    # -- who may ask ---------------------------------------------------------------------
    def _cors_origin(self) -> str | None:
        """The value of Access-Control-Allow-Origin for this request, if its origin is one
        the user named with ``--cors`` (None: no header, the browser keeps the answer
        from the page)."""
        origin = (self.headers.get("Origin") or "").rstrip("/").lower()
        if not origin or not self.server.cors:
            return None
        if "*" in self.server.cors:
            return "*"
        return origin if origin in self.server.cors else None

    def _host_refusal(self) -> str | None:
        """Why the Host header is refused (DNS rebinding), or None. IP addresses, localhost
        names, the bound address and names given with ``--allow-host`` are accepted."""
        host = (self.headers.get("Host") or "").strip().lower()
        if not host:
            return None  # HTTP/1.0 clients; a browser always sends Host
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]")
        if name in self.server.allowed_hosts or name == "localhost" or name.endswith(".localhost"):
            return None
        with contextlib.suppress(ValueError):
            ipaddress.ip_address(name)
            return None
        return (
            f"Host {host!r} refused: this server answers to its address and localhost names "
            "only (a defence against DNS rebinding); add the name with kg serve --allow-host"
        )

    def _origin_refusal(self) -> str | None:
        """Why a request sent by another site's page is refused, or None. A browser tells
        with ``Origin`` (and ``Sec-Fetch-Site``); a form post from any web page needs no
        preflight, so it must be refused here, not left to CORS."""
        if self._cors_origin():
            return None
        origin = (self.headers.get("Origin") or "").rstrip("/").lower()
        site = (self.headers.get("Sec-Fetch-Site") or "").lower()
        if origin and origin != "null":
            if urlsplit(origin).netloc == (self.headers.get("Host") or "").lower():
                return None
        elif not origin and site not in ("cross-site", "same-site"):
            return None  # not sent by another site's page (curl, scripts, this server's UI)
        return (
            f"request from {origin or 'another site'} refused: another site's page may not "
            "use this endpoint; allow its origin with kg serve --cors ORIGIN"
        )

    def _refused(self) -> bool:
        """Answer 403 and return True if the Host or the Origin of the request is refused."""
        reason = self._host_refusal() or self._origin_refusal()
        if reason:
            self.close_connection = True
            self._error(403, reason)
            return True
        return False

    # -- methods -----------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self.server.unwatch(self.connection)
        allowed = self._cors_origin()
        if self._host_refusal() or not allowed:
            self._error(403, "cross-origin requests are off; allow an origin with kg serve --cors")
            return
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", allowed)
        self.send_header("Vary", "Origin")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self.server.unwatch(self.connection)  # the request is in; the answer may take time
        if self._refused():
            return
        url = urlsplit(self.path)
        path = url.path
        if _BAD_PATH_RE.search(unquote(path)):  # %00 and other control characters
            self._error(400, f"{printable(unquote(path))}: not a valid path")
            return
        if path == "/sparql":
            self._sparql(parse_qs(url.query, keep_blank_values=True), None)
        elif path == "/":
            self._html(ui_page())
        elif path.startswith("/entity/"):
            self._entity(unquote(path[len("/entity/") :]))
        elif path == "/graph":
            self._redirect("/site/graph.html")
        elif path.startswith("/site/"):
            self._site(unquote(path[len("/site/") :]))
        else:
            self._error(
                404, f"{path}: not found; see / for the query page and /sparql for the endpoint"
            )

    def do_POST(self) -> None:  # noqa: N802
        if self._refused():
            return
        url = urlsplit(self.path)
        body = self._body()
        self.server.unwatch(self.connection)
        if body is None:
            return
        if url.path != "/sparql":
            self._error(404, f"{url.path}: not found; POST queries to /sparql")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                self._error(400, "the form is not UTF-8")
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            self._sparql(params, None)
        elif content_type == "application/sparql-query":
            try:
                self._sparql(params, body.decode("utf-8"))
            except UnicodeDecodeError:
                self._error(400, "the query is not UTF-8")
        elif content_type == "application/sparql-update":
            self._error(
                403,
                "SPARQL Update refused: this endpoint is read-only; `kg build` is the only writer",
            )
        else:
            self._error(
                415,
                f"unsupported Content-Type {content_type or '(none)'!r}; send "
                "application/x-www-form-urlencoded (query=...) or application/sparql-query",
            )

    # -- routes ------------------------------------------------------------------------
    def _sparql(self, params: dict[str, list[str]], direct: str | None) -> None:
        from .sparql import QueryRefused, check_read_only

        if "update" in params:
            self._error(
                403,
                "SPARQL Update refused: this endpoint is read-only; `kg build` is the only writer",
            )
            return
        queries = params.get("query", [])
        if direct is not None:
            queries = [direct, *queries]
        if len(queries) != 1 or not queries[0].strip():
            self._error(
                400,
                "give exactly one query: GET /sparql?query=..., POST query=... "
                "or POST an application/sparql-query body",
            )
            return
        query = queries[0]
        try:
            check_read_only(query, allow_service=False)
        except QueryRefused as error:
            self._error(403, str(error))
            return
        hints = params.get("format", []) + params.get("output", []) + params.get("results", [])
        bound = {
            k[len("param.") :]: v[-1] for k, v in params.items() if k.startswith("param.") and v[-1]
        }
        reply = self.server.run_query(
            query,
            self.headers.get("Accept", ""),
            hints,
            params.get("default-graph-uri"),
            params.get("named-graph-uri"),
            params=bound,
            client=self.client_address[0],
        )
        if reply["status"] != 200:
            self._error(reply["status"], reply["message"])
            return
        headers = {"Vary": "Accept", "X-KG-Result-Count": str(reply["count"])}
        if reply["truncated"]:
            headers["X-KG-Truncated"] = "true"
            headers["X-KG-Max-Results"] = str(self.server.settings.max_results)
        if reply.get("cut_by_bytes"):
            headers["X-KG-Max-Result-Bytes"] = str(self.server.settings.max_result_bytes)
        self._send(200, reply["body"], reply["content_type"], headers)

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/plain; charset=utf-8", {"Location": location})

    def _site(self, relative: str) -> None:
        """A page of the build's static site (graph.html, index.html, transcripts/...)."""
        root = current_build(self.server.outputs_dir).resolve()  # one build throughout
        path = (root / relative).resolve()
        media = _SITE_MEDIA.get(path.suffix.lower())
        inside = path.is_relative_to(root) and not any(
            p.startswith(".") or p == STORE_DIR for p in path.relative_to(root).parts
        )
        if media is None or not inside or not path.is_file():
            self._error(
                404,
                f"/site/{relative}: not found in {self.server.outputs_dir}; run `kg build` to "
                "write the graph pages",
            )
            return
        self._send(200, path.read_bytes(), media)

    def _entity(self, key: str) -> None:
        if not re.fullmatch(r"[A-Za-z0-9._~\-]+", key):
            self._error(404, f"no entity {key!r}")
            return
        try:
            page, status = entity_page(self.server, key, self.client_address[0])
        except QueryError as error:
            self._error(503, str(error))
            return
        self._html(page, status)


# -- pages ---------------------------------------------------------------------------


def _fill(name: str, values: dict[str, str]) -> str:
    """Template ``name`` with each ``__KG_KEY__`` replaced in one pass (so no value is
    ever read as a placeholder); values must already be escaped."""
    page = (TEMPLATES / name).read_text(encoding="utf-8")
    return re.sub(r"__KG_([A-Z_]+?)__", lambda m: values[m.group(1)], page)


def _script_json(data) -> str:
    """JSON safe inside a <script> element (no "</script>", no "<!--")."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def ui_page() -> str:
    """The query page: editor, named queries as examples, results table."""
    from .sparql import QUERY_PREFIXES, named_queries

    queries = [
        {"name": q.name, "description": q.description, "params": list(q.params), "text": q.text}
        for q in named_queries().values()
    ]
    data = {"queries": queries, "prefixes": QUERY_PREFIXES, "entityBase": ENTITY_BASE}
    first = next(
        (q["text"] for q in queries if q["name"] == "people_organizations"),
        queries[0]["text"] if queries else "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
    )
    return _fill("sparql_ui.html", {"DATA": _script_json(data), "FIRST_QUERY": html.escape(first)})


_ENTITY_FACTS = """
SELECT ?p ?o WHERE {
  VALUES ?p { rdf:type rdfs:label skos:altLabel skos:definition kg:mentionCount kg:lexiconId }
  <%(iri)s> ?p ?o
}"""
_ENTITY_EDGES = """
SELECT ?p ?plabel ?other ?otherLabel ?kind ?quote ?speaker ?speakerLabel ?start ?end ?url
       ?transcript ?transcriptLabel ?role ?negated ?confidence
WHERE {
  ?a rdf:%(side)s <%(iri)s> ; a kg:Assertion ; rdf:predicate ?p ; rdf:%(other)s ?other .
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?other rdfs:label ?otherLabel }
  OPTIONAL { ?a kg:kind ?kind }
  OPTIONAL { ?a kg:quote ?quote }
  OPTIONAL { ?a kg:speaker ?speaker . OPTIONAL { ?speaker rdfs:label ?speakerLabel } }
  OPTIONAL { ?a kg:startTime ?start }
  OPTIONAL { ?a kg:endTime ?end }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a kg:role ?role }
  OPTIONAL { ?a kg:negated ?negated }
  OPTIONAL { ?a kg:confidence ?confidence }
  OPTIONAL { ?a kg:transcript ?transcript . OPTIONAL { ?transcript rdfs:label ?transcriptLabel } }
}
ORDER BY ?kind ?p ?otherLabel ?transcript ?start ?quote
"""


def _rows(
    server: KgServer, query: str, max_results: int | None = None, client: str = ""
) -> tuple[list[dict[str, dict]], bool]:
    """Bindings (SPARQL JSON) of a query the entity page needs, and whether they were cut."""
    reply = server.run_query(query, hints=["json"], max_results=max_results, client=client)
    if reply["status"] != 200:
        raise QueryError(reply["message"])
    data = json.loads(reply["body"])
    return data["results"]["bindings"], bool(reply["truncated"])


def _value(row: dict, name: str) -> str:
    """The value of a variable in a JSON binding, '' when unbound."""
    return row.get(name, {}).get("value", "")


def _clock(seconds: str) -> str:
    """Seconds as m:ss or h:mm:ss."""
    try:
        total = int(float(seconds))
    except ValueError:
        return seconds
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _predicate_label(iri: str, label: str) -> str:
    """A relation's label: from the store, else the ontology, else its prefixed name."""
    if label:
        return label
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    from .ontology import ontology_graph
    from .sparql import shorten

    found = ontology_graph().value(URIRef(iri), RDFS.label)
    return str(found) if found is not None else shorten(iri)


def _entity_link(iri: str, label: str) -> str:
    """A link to an entity's page (escaped), or just its escaped label."""
    text = html.escape(label or iri)
    if iri.startswith(ENTITY_BASE):
        return (
            f'<a href="/entity/{html.escape(quote(iri[len(ENTITY_BASE) :], safe=""))}">{text}</a>'
        )
    return text


def _safe_url(url: str) -> str | None:
    """``url`` if it is http(s) (safe in an href), else None."""
    return url if re.match(r"https?://", url, re.IGNORECASE) else None


def entity_page(server: KgServer, key: str, client: str = "") -> tuple[str, int]:
    """The HTML page of one entity and its HTTP status (404 when the graph has no such entity)."""
    from .sparql import shorten

    iri = ENTITY_BASE + key
    facts, _ = _rows(server, _ENTITY_FACTS % {"iri": iri}, max_results=10_000, client=client)
    by_predicate: dict[str, list[str]] = {}
    for row in facts:
        by_predicate.setdefault(_value(row, "p"), []).append(_value(row, "o"))
    rdf, rdfs, skos, kg = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["skos"], PREFIXES["kg"]
    label = (by_predicate.get(rdfs + "label") or [""])[0]
    if not facts:
        body = f"<h1>No such entity</h1><p>The graph has no entity <code>{html.escape(key)}</code>.</p>"
        return _page(f"{key}: not found", body), 404
    types = sorted(shorten(t).removeprefix("kg:") for t in by_predicate.get(rdf + "type", []))
    aliases = sorted(set(by_predicate.get(skos + "altLabel", [])) - {label}, key=str.lower)
    parts = [
        f"<h1>{html.escape(label or key)}</h1>",
        f'<p class="meta"><span class="type">{html.escape(", ".join(types))}</span> '
        f"<code>{html.escape(iri)}</code></p>",
    ]
    for name, title in (
        (skos + "definition", "Definition"),
        (kg + "mentionCount", "Mentions"),
        (kg + "lexiconId", "Lexicon id"),
    ):
        for value in by_predicate.get(name, []):
            parts.append(f"<p><b>{title}:</b> {html.escape(value)}</p>")
    if aliases:
        parts.append(
            "<p><b>Also written:</b> " + ", ".join(html.escape(a) for a in aliases) + "</p>"
        )
    truncated_any = False
    for side, other, heading in (
        ("subject", "object", "Relations out"),
        ("object", "subject", "Relations in"),
    ):
        rows, truncated = _rows(
            server, _ENTITY_EDGES % {"iri": iri, "side": side, "other": other}, client=client
        )
        truncated_any |= truncated
        parts.append(f"<h2>{heading} ({len(rows)} observation{'s' if len(rows) != 1 else ''})</h2>")
        parts.append(
            _edges_html(rows, label or key, outgoing=side == "subject") if rows else "<p>None.</p>"
        )
    if truncated_any:
        parts.append(
            f'<p class="warn">Only the first {server.settings.max_results} observations are shown '
            "(setting max_results).</p>"
        )
    return _page(label or key, "\n".join(parts)), 200


def _edges_html(rows: list[dict], this: str, outgoing: bool) -> str:
    """Relations grouped by predicate and other entity, each with its evidence."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((_value(row, "kind"), _value(row, "p"), _value(row, "other")), []).append(
            row
        )
    out = ['<ul class="edges">']
    for (kind, predicate, other), evidence in groups.items():
        first = evidence[0]
        name = _predicate_label(predicate, _value(first, "plabel"))
        link = _entity_link(other, _value(first, "otherLabel"))
        me = f"<b>{html.escape(this)}</b>"
        subject, obj = (me, link) if outgoing else (link, me)
        arrow = f"{subject} <i>{html.escape(name)}</i> {obj}"
        roles = sorted({_value(r, "role") for r in evidence if _value(r, "role")})
        extra = f' <span class="role">({html.escape(", ".join(roles))})</span>' if roles else ""
        out.append(f'<li><span class="kind">{html.escape(kind)}</span> {arrow}{extra}<ul>')
        for row in evidence:
            out.append("<li>" + _evidence_html(row) + "</li>")
        out.append("</ul></li>")
    out.append("</ul>")
    return "\n".join(out)


def _evidence_html(row: dict) -> str:
    """One observation: quote, speaker, transcript and a link to the moment."""
    bits = []
    quote_text = _value(row, "quote")
    if quote_text:
        bits.append(f"<q>{html.escape(quote_text)}</q>")
    who = _value(row, "speakerLabel")
    if who:
        bits.append(f'<span class="speaker">{_entity_link(_value(row, "speaker"), who)}</span>')
    where = _value(row, "transcriptLabel") or _value(row, "transcript")
    if where:
        bits.append(f'<span class="transcript">{html.escape(where)}</span>')
    start, end = _value(row, "start"), _value(row, "end")
    if start:
        span = _clock(start) + (f"\u2013{_clock(end)}" if end else "")
        url = _safe_url(_value(row, "url"))
        if url:
            bits.append(
                f'<a class="time" href="{html.escape(url)}" rel="noopener noreferrer">'
                f"\u25b6 {html.escape(span)}</a>"
            )
        else:
            bits.append(f'<span class="time">{html.escape(span)}</span>')
    if _value(row, "negated") == "true":
        bits.append('<span class="warn">negated</span>')
    return " ".join(bits)


def _page(title: str, body: str) -> str:
    """The entity page template filled in."""
    return _fill("sparql_entity.html", {"TITLE": html.escape(title), "BODY": body})


# -- entry points --------------------------------------------------------------------


def make_server(
    outputs_dir: str | Path = "outputs",
    host: str = "127.0.0.1",
    port: int = 0,
    settings: Settings | None = None,
    workers: int = 2,
    quiet: bool = True,
    in_memory: bool = False,
    cors: tuple[str, ...] = (),
    allowed_hosts: tuple[str, ...] = (),
) -> KgServer:
    """A ready server (not yet serving: call ``serve_forever`` in a thread, then
    ``shutdown`` and ``server_close``). ``port=0`` picks a free port (see ``.url``).
    ``in_memory`` has each worker load the graph into memory (faster queries, more RAM)."""
    outputs_dir = Path(outputs_dir)
    open_store(outputs_dir / STORE_DIR)  # fail now, with the usual message, if there is no build
    return KgServer(
        (host, port),
        outputs_dir,
        settings or Settings(),
        workers,
        quiet,
        in_memory,
        tuple(cors),
        tuple(allowed_hosts),
    )


def serve(
    outputs_dir: str | Path = "outputs",
    host: str = "127.0.0.1",
    port: int = 7878,
    settings: Settings | None = None,
    workers: int = 2,
    quiet: bool = False,
    in_memory: bool = False,
    cors: tuple[str, ...] = (),
    allowed_hosts: tuple[str, ...] = (),
) -> None:
    """Serve until Ctrl-C."""
    server = make_server(
        outputs_dir, host, port, settings, workers, quiet, in_memory, cors, allowed_hosts
    )
    print(
        f"kg: SPARQL endpoint {server.url}sparql, query page {server.url} "
        f"(timeout {server.settings.query_timeout:g} s, at most {server.settings.max_results} rows); "
        "Ctrl-C stops",
        file=sys.stderr,
        flush=True,
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"kg: listening on {host}: other machines can query this build", file=sys.stderr)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("kg: stopped", file=sys.stderr)
    finally:
        server.server_close()
