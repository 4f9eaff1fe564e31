"""The cheap connection hardening of ``kg serve``: bad paths get 400 (no traceback, the
server keeps answering), HEAD works, a half-sent request is dropped after the
connection timeout, and every connection has TCP_NODELAY."""

from __future__ import annotations

import socket
import time

import pytest
from test_server import _running, _stop

import kg.server


@pytest.fixture
def served(seeds_build, monkeypatch):
    monkeypatch.setattr(kg.server._Handler, "timeout", 1.0)  # the half-sent request test
    server, thread = _running(seeds_build.outputs_dir)
    yield server
    _stop(server, thread)


def _raw(server, data: bytes, wait: float = 10.0) -> bytes:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and b"Connection: close" not in data:
                break
        return b"".join(chunks)


def test_nul_and_control_characters_in_a_path_get_400(served, capfd):
    for path in (b"/site/%00", b"/site/a%0ab", b"/entity/%00x"):
        reply = _raw(
            served, b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        assert reply.startswith(b"HTTP/1.1 400"), reply[:80]
    assert b"200 OK" in _raw(
        served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    err = capfd.readouterr().err
    assert "Traceback" not in err and "\x00" not in err


def test_head_answers_like_get_without_a_body(served):
    get = _raw(served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    head = _raw(served, b"HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    get_headers, body = get.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200") and head.endswith(b"\r\n\r\n")
    length = [h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")]
    assert length and int(length[0].split(b":")[1]) == len(body) > 0


def test_half_sent_request_is_dropped_after_the_timeout(served):
    t0 = time.monotonic()
    reply = _raw(served, b"GET / HTTP/1.1\r\nHost: 127.0", wait=10.0)  # never finished
    assert reply == b"" and time.monotonic() - t0 < 8


def test_connections_have_tcp_nodelay_and_a_real_backlog(served):
    assert served.request_queue_size >= 128
    seen = []
    original = kg.server._Handler.setup

    def spy(self):
        original(self)
        seen.append(self.request.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    kg.server._Handler.setup = spy
    try:
        _raw(served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    finally:
        kg.server._Handler.setup = original
    assert seen and seen[0] != 0


def test_a_request_trickled_byte_by_byte_is_dropped_at_its_deadline(served):
    # each byte comes well within the socket timeout (1 s here), so only a deadline for
    # the whole request ends it; before, the connection stayed open as long as bytes came
    host, port = served.server_address[:2]
    t0 = time.monotonic()
    closed = False
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        while time.monotonic() - t0 < 8:
            try:
                sock.sendall(b"x")
                sock.settimeout(0.3)
                if sock.recv(1024) == b"":
                    closed = True
                    break
            except TimeoutError:
                continue
            except OSError:  # reset by the server
                closed = True
                break
    assert closed, "a trickling client kept its connection"
    assert b"200 OK" in _raw(
        served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )


def test_connections_past_the_cap_get_503_and_are_closed(served):
    served.max_connections = 2
    host, port = served.server_address[:2]
    idle = [socket.create_connection((host, port), timeout=10) for _ in range(2)]
    try:
        time.sleep(0.3)  # both accepted and holding a thread
        reply = _raw(served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert reply.startswith(b"HTTP/1.1 503") and b"connections" in reply
    finally:
        for sock in idle:
            sock.close()
    time.sleep(0.3)
    assert b"200 OK" in _raw(
        served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
