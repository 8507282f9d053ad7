"""A faithful local implementation of the Single Enrichment API, on loopback.

Start it on port 0 in a thread (tests), in the foreground (``leadspace sandbox``) or embedded in
``enrich --sandbox``. It follows the API document: 404 off the endpoint, 405 for another method,
401 without the key, 415 without a JSON content type, 429 past the rate, 400 for bad JSON or missing
minimum input, 427 when credits run out, and 200 with deterministic data. Faults can be injected for
tests and benchmarks: latency, 5xx answers, dropped connections, outages, 429s with ``Retry-After``,
and another client of the same program.

It is the referee of every promise about credits, so it imports nothing of the tool but the
document's field list: its minimum-input rule and its canonical body are its own (``rules``).
"""

from __future__ import annotations

import collections
import contextlib
import math
import random
import secrets
import select
import socket
import ssl
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

from leadspace_cli.sandbox.config import OUTAGE_MODES, SandboxConfig, Stats, question
from leadspace_cli.sandbox.handler import _Handler
from leadspace_cli.sandbox.rules import canonical


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512

    sandbox: Sandbox

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-answer is normal under fault injection; stay quiet.
        pass


class Sandbox:
    """The stand-in API. Use as a context manager, or ``start()`` and ``stop()``.

    >>> with Sandbox(SandboxConfig(rate=30)) as sb:
    ...     print(sb.url, sb.key)
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.config = config or SandboxConfig()
        if self.config.outage_mode not in OUTAGE_MODES:
            raise ValueError(f"outage_mode must be 'drop' or 'refuse', not {self.config.outage_mode!r}")
        self.stats = Stats()
        self._lock = threading.Lock()
        # Per program: the sliding window's accepted times, or the bucket's (tokens, last refill).
        self._windows: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self._buckets: dict[str, tuple[float, float]] = {}
        if self.config.limiter not in ("window", "bucket"):
            raise ValueError(f"limiter must be 'window' or 'bucket', not {self.config.limiter!r}")
        self._background: threading.Thread | None = None
        self._outage: threading.Thread | None = None
        self._stopping = threading.Event()
        self._credits = self.config.credits
        self._rng = random.Random(self.config.seed)
        self._background_rng = random.Random(f"background-{self.config.seed}")  # its own: faults stay
        self._tokens: dict[str, float] = {}  # OAuth token -> expiry (epoch seconds)
        self._refresh: dict[str, str] = {}  # refresh token -> program ID
        self._in_flight = 0
        self._started = time.monotonic()
        self._server = _Server((host, port), _Handler)
        self._server.sandbox = self
        self._tls = ssl_context is not None
        self._ssl_context = ssl_context
        if ssl_context is not None:
            self._server.socket = ssl_context.wrap_socket(self._server.socket, server_side=True)
        self._thread: threading.Thread | None = None
        # The listening socket is closed during a "refuse" outage: the serving loop holds this lock
        # while it waits for a connection, so that the socket is never closed under it.
        self._socket_lock = threading.Lock()
        self._listening = threading.Event()
        self._listening.set()
        self._connections: dict[socket.socket, bool] = {}  # open connections -> idle (between requests)
        self._cut: set[socket.socket] = set()  # idle connections closed by a "refuse" outage

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The base URL to point a client at."""
        host = str(self._server.server_address[0])
        scheme = "https" if self._tls else "http"
        return f"{scheme}://{'localhost' if self._tls else host}:{self.port}"

    @property
    def key(self) -> str:
        """The API key it accepts."""
        return self.config.key

    def in_outage(self) -> bool:
        """Whether the configured outage (either mode) is on now."""
        cfg = self.config
        if cfg.outage_start is None:
            return False
        elapsed = time.monotonic() - self._started
        return cfg.outage_start <= elapsed < cfg.outage_start + cfg.outage_seconds

    def set_credits(self, credits: int | None) -> None:
        """Set the credits left (None: unlimited)."""
        with self._lock:
            self._credits = credits

    def start(self) -> Sandbox:
        """Serve in a background thread and return self."""
        self._start_helpers()
        self._thread = threading.Thread(target=self._serve, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted."""
        self._start_helpers()
        self._serve(0.2)

    def _serve(self, poll_interval: float) -> None:
        """Accept connections until stopped; while a "refuse" outage lasts, nothing listens."""
        server = self._server
        while not self._stopping.is_set():
            if not self._listening.is_set():
                self._stopping.wait(0.02)
                continue
            with self._socket_lock:
                if not self._listening.is_set():
                    continue
                server.timeout = poll_interval
                try:
                    ready, _, _ = select.select([server.socket], [], [], poll_interval)
                except (OSError, ValueError):
                    continue
                if ready:
                    server.handle_request()  # accept at once (ready), then a thread of its own

    def _start_helpers(self) -> None:
        cfg = self.config
        if cfg.outage_mode == "refuse" and cfg.outage_start is not None and self._outage is None:
            if cfg.outage_start <= 0 < cfg.outage_seconds:
                self._refuse()  # from the very start: no connection may get through first
            self._outage = threading.Thread(target=self._outage_control, daemon=True)
            self._outage.start()
        if cfg.background_rate > 0 and self._background is None:
            self._background = threading.Thread(target=self._background_client, daemon=True)
            self._background.start()

    def _outage_control(self) -> None:
        """A "refuse" outage: close the listening socket when it begins, open it again when it ends."""
        cfg = self.config
        assert cfg.outage_start is not None
        begin = self._started + cfg.outage_start
        if self._stopping.wait(max(0.0, begin - time.monotonic())):
            return
        self._refuse()
        if self._stopping.wait(max(0.0, begin + cfg.outage_seconds - time.monotonic())):
            return
        self._reopen()

    def _refuse(self) -> None:
        """Stop listening, and close the idle keep-alive connections: every new call is refused."""
        if not self._listening.is_set():
            return
        # Cleared before the lock is taken: the serving loop then stops taking it at its next turn. (It
        # took it again at once after each select, and on a busy machine this thread could wait
        # seconds for it: connections were still accepted well into the outage.)
        self._listening.clear()
        with self._socket_lock:
            self._server.socket.close()
        with self._lock:
            idle = [conn for conn, is_idle in self._connections.items() if is_idle]
            self._cut.update(idle)
            self.stats.connections_cut += len(idle)
        for conn in idle:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def _reopen(self) -> None:
        """Listen again on the same address after a "refuse" outage."""
        server = self._server
        for attempt in range(50):
            sock = socket.socket(server.address_family, server.socket_type)
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(server.server_address)
                sock.listen(server.request_queue_size)
            except OSError:
                sock.close()
                if attempt == 49:
                    raise
                time.sleep(0.1)
                continue
            if self._ssl_context is not None:
                sock = self._ssl_context.wrap_socket(sock, server_side=True)
            with self._socket_lock:
                server.socket = sock
                self._listening.set()
            return

    def _connection_opened(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections[conn] = True

    def _connection_busy(self, conn: socket.socket) -> bool:
        """A request line came in: mark the connection busy; False if an outage closed it first."""
        with self._lock:
            if conn in self._cut:
                return False
            self._connections[conn] = False
            return True

    def _connection_idle(self, conn: socket.socket) -> None:
        with self._lock:
            if conn in self._connections:
                self._connections[conn] = True

    def _connection_closed(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.pop(conn, None)
            self._cut.discard(conn)

    def _background_client(self) -> None:
        """The customer's other integration: a fixed rate on its own timer, on the main key's program.

        Its schedule has a random phase and owes nothing to the tool's calls; it never backs off (a
        429 is simply lost); each call crosses the network like the tool's (``jitter``) and takes a
        place in the same window. After a pause longer than a period it skips the calls it missed.
        """
        cfg = self.config
        program = self.program_of(cfg.key)
        interval = 1.0 / cfg.background_rate
        rng = self._background_rng
        due = self._started + max(0.0, cfg.background_start) + rng.uniform(0.0, interval)
        while True:
            arrival = due + (rng.uniform(0.0, cfg.jitter) if cfg.jitter > 0 else 0.0)
            if self._stopping.wait(max(0.0, arrival - time.monotonic())):
                return
            accepted = self._admit(program, counted=False)
            with self._lock:
                self.stats.note_background(time.monotonic(), accepted)
            due += interval
            late = time.monotonic() - due
            if late > interval:
                due += math.ceil(late / interval) * interval  # the same grid, the missed calls skipped

    def close(self) -> None:
        """Close the listening socket (after serve_forever returned)."""
        self._stopping.set()
        with self._socket_lock:
            self._server.server_close()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._socket_lock:
            self._server.server_close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # The decisions, each under the lock so that concurrent calls see one state.

    def program_of(self, key: str) -> str:
        """Return the program a key belongs to."""
        return self.config.keys.get(key) or self.config.program_id or "default"

    def _authorized(self, header: str | None) -> str | None:
        """Return the program of the credentials, or None when they are refused."""
        if not header or not header.startswith("Bearer "):
            return None
        token = header[len("Bearer ") :].strip()
        for key in (self.config.key, *self.config.keys):
            if secrets.compare_digest(token.encode(), key.encode()):
                return self.program_of(key)
        with self._lock:
            expiry = self._tokens.get(token)
        if expiry is not None and expiry > time.time():
            return self.config.program_id or "default"
        return None

    def _admit(self, program: str = "default", *, counted: bool = True, tag: str = "") -> bool:
        """Count a call in its program's allowance, or refuse it (429).

        ``counted``: a call of this tool, recorded in the stats (the background client's are not).
        """
        cfg = self.config
        with self._lock:
            now = time.monotonic()
            if cfg.rate <= 0:
                accepted = True
            elif cfg.limiter == "bucket":
                size = cfg.burst if cfg.burst is not None else cfg.rate
                tokens, last = self._buckets.get(program, (size, now))
                tokens = min(size, tokens + (now - last) * cfg.rate)
                accepted = tokens >= 1.0
                self._buckets[program] = (tokens - 1.0 if accepted else tokens, now)
            else:
                window = self._windows[program]
                while window and window[0] <= now - 1.0:
                    window.popleft()
                accepted = len(window) < cfg.rate
                if accepted:
                    window.append(now)
            if counted:
                self.stats.note(now, accepted, tag)
            return accepted

    def _arrive(self) -> None:
        """Wait as a call crossing a network would before it reaches the gateway."""
        if self.config.jitter > 0:
            with self._lock:
                delay = self._rng.uniform(0.0, self.config.jitter)
            time.sleep(delay)

    def _roll(self, share: float) -> bool:
        if share <= 0:
            return False
        with self._lock:
            return self._rng.random() < share

    def _latency(self) -> float:
        cfg = self.config
        if cfg.latency <= 0:
            return 0.0
        if cfg.latency_spread <= 0:
            return cfg.latency
        with self._lock:
            value = cfg.latency * math.exp(self._rng.gauss(0.0, cfg.latency_spread))
        return min(value, cfg.latency_cap)

    def _spend_credit(self) -> bool:
        with self._lock:
            if self._credits is None:
                return True
            if self._credits <= 0:
                return False
            self._credits -= 1
            return True

    def _record(self, status: int, body: dict[str, Any] | None, paid: bool, program: str = "default") -> None:
        with self._lock:
            self.stats.by_status[status] += 1
            if body is not None and self.config.keep_bodies:
                self.stats.received.append(body)
            if paid and body is not None:
                self.stats.billed[program, question(body)] += 1
                if self.config.keep_bodies:
                    self.stats.paid.append(canonical(body))

    def _issue_token(self, program_id: str) -> dict[str, Any]:
        token = "oat-" + secrets.token_urlsafe(24)
        refresh = "ort-" + secrets.token_urlsafe(24)
        expiration = time.time() + self.config.token_ttl
        with self._lock:
            now = time.time()
            for old in [t for t, expiry in self._tokens.items() if expiry <= now]:
                del self._tokens[old]  # expired tokens are forgotten: flat memory on a long run
            self._tokens[token] = expiration
            self._refresh[refresh] = program_id
        return {"token": token, "refreshToken": refresh, "expiration": int(expiration)}
