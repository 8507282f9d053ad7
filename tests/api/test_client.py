"""What the client calls a call that got no answer: a drop, a reset, a timeout, no connection."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from leadspace_cli.api.client import Client, Outcome
from leadspace_cli.app.settings import resolve
from leadspace_cli.sandbox import Sandbox
from tests.conftest import KEY, invoke

BODY = {"company": {"name": "Acme"}}


def _client(url: str, timeout: float = 5.0) -> Client:
    return Client(resolve({"LEADSPACE_API_KEY": KEY}, base_url=url), timeout=timeout, pool_size=1)


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        body += conn.recv(65536)


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """A one-behaviour server on loopback: reads each request whole, then does what it is told."""
    servers: list[socket.socket] = []

    def start(behave: Callable[[socket.socket], None]) -> str:
        srv = socket.create_server(("127.0.0.1", 0))
        servers.append(srv)

        def serve() -> None:
            while True:
                try:
                    conn, _ = srv.accept()
                except OSError:
                    return
                _read_request(conn)
                behave(conn)

        threading.Thread(target=serve, daemon=True).start()
        return f"http://127.0.0.1:{srv.getsockname()[1]}"

    yield start
    for srv in servers:
        srv.close()


def _reset(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close sends RST
    conn.close()


def _silent(conn: socket.socket) -> None:
    time.sleep(1.0)
    conn.close()


def test_a_dropped_connection_is_called_dropped_not_a_timeout(
    sandbox_factory: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=0, drop_rate=1.0)
    with _client(sb.url) as client:
        answer = client.call(BODY)
    assert answer.outcome is Outcome.RETRY
    assert answer.unknown  # the request was read: it may have been billed, and counts so
    assert answer.error == "connection dropped by the server without an answer (maybe billed)"
    assert sb.stats.dropped == 1
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    result = invoke("lookup", "--company", "Acme", "--base-url", sb.url)
    assert result.exit_code == 5
    assert "No answer: connection dropped by the server without an answer" in result.stderr
    assert "time" not in result.stderr


def test_a_reset_a_timeout_and_no_connection_are_told_apart(
    raw_server: Callable[[Callable[[socket.socket], None]], str],
) -> None:
    with _client(raw_server(_reset)) as client:
        reset = client.call(BODY)
    assert reset.error == "connection reset without an answer (maybe billed)"
    assert reset.unknown
    with _client(raw_server(_silent), timeout=0.2) as client:
        slow = client.call(BODY)
    assert slow.error == "no answer within 0.2s (timeout)"
    assert slow.unknown
    nobody = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{nobody.getsockname()[1]}"
    nobody.close()  # nothing listens there now: refused, nothing sent
    with _client(url) as client:
        refused = client.call(BODY)
    assert refused.error.startswith("could not connect: ")
    assert not refused.unknown
    for answer in (reset, slow, refused):
        assert answer.outcome is Outcome.RETRY
