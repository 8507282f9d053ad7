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
import datetime as dt
import hashlib
import json
import math
import random
import re
import secrets
import select
import socket
import ssl
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from leadspace_cli.api import fields
from leadspace_cli.sandbox import data as sandbox_data
from leadspace_cli.sandbox.rules import canonical, has_minimum_input

DEFAULT_KEY = "sandbox-key"
STATS_PATH = "/_sandbox/stats"  # the sandbox's own, not the API's
MAX_BODY = 1024 * 1024  # a request body larger than this is refused (413) without being read
# Call times kept for benchmarks (``/_sandbox/stats?times=1``): the most recent ones only, so that a
# long-running sandbox keeps flat memory; the summary's figures are counted as calls come.
TIMES_KEPT = 200_000
TAGS_KEPT = 64  # run tags counted apart (benchmarks of several runs); more are not recorded
OUTAGE_MODES = ("drop", "refuse")


@dataclass
class SandboxConfig:
    """How the sandbox behaves. Shares are probabilities per call, from 0 to 1."""

    key: str = DEFAULT_KEY
    # More keys, each with its program: a rotated key of the same program, or other programs.
    keys: dict[str, str] = field(default_factory=dict)
    rate: float = fields.RATE_LIMIT  # accepted calls in any sliding one-second window; 0: no limit
    credits: int | None = None  # None: unlimited
    latency: float = 0.0  # median seconds before an answer
    latency_spread: float = 0.0  # 0: fixed; else the sigma of a log-normal tail
    latency_cap: float = 10.0
    fail_rate: float = 0.0  # share of 500-504 answers
    drop_rate: float = 0.0  # share of connections closed without an answer
    # Share of 200 answers cut off mid-body: billed, the whole Content-Length announced, half the
    # body sent, then the connection closed (a proxy or a network failing mid-answer).
    cut_rate: float = 0.0
    throttle_rate: float = 0.0  # share of injected 429s (with Retry-After)
    retry_after: str = "1"
    program_id: str | None = None  # OAuth: accepted program ID and secret
    secret: str | None = None
    token_ttl: float = 24 * 3600.0
    seed: int = 0
    keep_bodies: bool = True  # for tests; off for long runs, where they would fill memory
    hostile: bool = False  # answers hold markup, HTML, formulas and control characters
    # An outage: from this many seconds after start, for this long. "drop": each request is read,
    # then its connection closed unanswered (the client cannot know whether it was billed);
    # "refuse": nothing listens (connections are refused, idle keep-alive ones closed), so nothing
    # is sent and nothing can be billed.
    outage_start: float | None = None
    outage_seconds: float = 0.0
    outage_mode: str = "drop"
    max_body: int = MAX_BODY  # bytes; a larger Content-Length is answered 413 without reading
    # How the gateway counts a program's calls: "window", a strict sliding one-second window of
    # ``rate`` calls; "bucket", a token bucket refilled at ``rate`` per second holding ``burst``.
    limiter: str = "window"
    burst: float | None = None  # the bucket's size (default: rate)
    jitter: float = 0.0  # each call reaches the gateway after a random 0..jitter seconds (a WAN)
    # Another client of the main key's program (a CRM sync), not this tool: a fixed rate of calls
    # on its own timer with a random phase, from ``background_start`` seconds after the sandbox
    # started; each call crosses the same network (``jitter``) and is counted in the same window
    # as the tool's; it never backs off; its 429s are counted apart.
    background_rate: float = 0.0
    background_start: float = 0.0


def question(body: dict[str, Any]) -> bytes:
    """Return the digest of the question a body asks, as the referee bills it."""
    return hashlib.blake2b(canonical(body).encode(), digest_size=16).digest()


def _times() -> collections.deque[float]:
    return collections.deque(maxlen=TIMES_KEPT)


@dataclass
class Stats:
    """What the sandbox saw: calls by status, paid bodies and accepted call times."""

    by_status: collections.Counter[int] = field(default_factory=collections.Counter)
    received: list[dict[str, Any]] = field(default_factory=list)
    paid: list[str] = field(default_factory=list)  # canonical bodies answered 200 (with keep_bodies)
    # Every body billed, by program and digest, whatever keep_bodies says: what "paid twice" counts.
    billed: collections.Counter[tuple[str, bytes]] = field(default_factory=collections.Counter)
    # The last TIMES_KEPT accepted and refused (429, rate window) arrivals of this tool's calls.
    accepted_times: collections.deque[float] = field(default_factory=_times)
    refused_times: collections.deque[float] = field(default_factory=_times)
    dropped: int = 0  # connections closed after the request was read (drop_rate, a "drop" outage)
    cut: int = 0  # 200 answers billed and cut off mid-body (cut_rate)
    connections_cut: int = 0  # idle keep-alive connections closed when a "refuse" outage began
    too_large: int = 0  # requests refused for their Content-Length (413, 411 or 400), body unread
    max_in_flight: int = 0
    background_accepted: int = 0  # the other client's calls (background_rate)
    background_refused: int = 0
    background_times: collections.deque[float] = field(default_factory=_times)  # its arrivals
    background_refused_times: collections.deque[float] = field(default_factory=_times)
    # For benchmarks of several runs at once: accepted times by the part of the external_id before
    # its first ":" (rows tagged "run2:00Q123" count under "run2").
    accepted_by_tag: dict[str, collections.deque[float]] = field(default_factory=dict)
    # The summary's figures, counted as calls come (the kept times are bounded).
    accepted: int = 0
    first_accepted: float | None = None
    last_accepted: float | None = None
    peak_in_one_second: int = 0
    _last_second: collections.deque[float] = field(default_factory=collections.deque, repr=False)

    def note(self, now: float, accepted: bool, tag: str = "") -> None:
        """Count one of this tool's calls in the rate window: accepted, or refused (429)."""
        if not accepted:
            self.refused_times.append(now)
            return
        self.accepted_times.append(now)
        self.accepted += 1
        if self.first_accepted is None:
            self.first_accepted = now
        self.last_accepted = now
        second = self._last_second  # only the last second's times: flat memory on a long run
        while second and second[0] <= now - 1.0:
            second.popleft()
        second.append(now)
        self.peak_in_one_second = max(self.peak_in_one_second, len(second))
        if tag and (tag in self.accepted_by_tag or len(self.accepted_by_tag) < TAGS_KEPT):
            self.accepted_by_tag.setdefault(tag, _times()).append(now)

    def note_background(self, now: float, accepted: bool) -> None:
        """Count one call of the other client (``background_rate``)."""
        self.background_times.append(now)
        if accepted:
            self.background_accepted += 1
        else:
            self.background_refused += 1
            self.background_refused_times.append(now)

    @property
    def calls(self) -> int:
        """Every enrichment call answered, whatever its status (dropped ones not included)."""
        return sum(self.by_status.values())

    def paid_twice(self) -> list[str]:
        """Return the canonical bodies that were answered 200 more than once (with keep_bodies)."""
        counts = collections.Counter(self.paid)
        return [body for body, n in counts.items() if n > 1]

    def billed_twice(self, program: str | None = None) -> int:
        """Return how many distinct bodies one program (or any) was billed for more than once."""
        return sum(1 for (p, _), n in self.billed.items() if n > 1 and program in (None, p))

    def billed_for(self, body: dict[str, Any], program: str | None = None) -> int:
        """Return how many times the question a body asks was billed (by the referee's rules)."""
        digest = question(body)
        return sum(n for (p, d), n in self.billed.items() if d == digest and program in (None, p))

    def billed_to(self, program: str) -> int:
        """Return how many answers a program was billed for."""
        return sum(n for (p, _), n in self.billed.items() if p == program)

    def summary(self) -> dict[str, Any]:
        """Return the figures as JSON-able data, with rates measured on accepted calls."""
        span = (self.last_accepted or 0.0) - (self.first_accepted or 0.0)
        rate = (self.accepted - 1) / span if self.accepted > 2 and span > 0 else 0.0
        background = self.background_accepted + self.background_refused
        return {
            "calls": self.calls,
            "by_status": {str(k): v for k, v in sorted(self.by_status.items())},
            "paid": self.by_status.get(200, 0),
            "paid_twice": self.billed_twice(),
            "dropped": self.dropped,
            "cut": self.cut,
            "connections_cut": self.connections_cut,
            "too_large": self.too_large,
            "accepted": self.accepted,
            "accepted_per_second": round(rate, 3),
            "peak_in_one_second": self.peak_in_one_second,
            "max_in_flight": self.max_in_flight,
            "background_accepted": self.background_accepted,
            "background_refused": self.background_refused,
            "background_429_share": round(self.background_refused / background, 4) if background else 0.0,
        }


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
        with self._socket_lock:
            if not self._listening.is_set():
                return
            self._listening.clear()
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


def error_body(status: int, error: str, details: str = "") -> dict[str, Any]:
    """Return an error body as the API gives one: error, tracking id and timestamp."""
    return {
        "error": error,
        "tracking_id": str(uuid.uuid4()),
        "request_timestamp": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "details": details,
        "status": status,
    }


_GATEWAY_PAGE = (
    "<html><head><title>{status} {reason}</title></head><body><center><h1>{status} {reason}"
    "</h1></center><hr><center>awselb/2.0</center></body></html>"
)


_TAG = re.compile(rb'"external_id"\s*:\s*"([^":]{1,40}):')


def _tag_of(raw: bytes) -> str:
    """Return a benchmark's run tag: the external_id's text before its first ":" ("" if none)."""
    found = _TAG.search(raw)
    return found.group(1).decode("utf-8", "replace") if found else ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    server_version = "LeadspaceSandbox/1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: tests and benchmarks read the stats instead

    # Each connection is tracked, idle or busy, so that a "refuse" outage closes the idle ones.

    def setup(self) -> None:
        super().setup()
        self.server.sandbox._connection_opened(self.connection)

    def finish(self) -> None:
        self.server.sandbox._connection_closed(self.connection)
        super().finish()

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        finally:
            self.server.sandbox._connection_idle(self.connection)

    def parse_request(self) -> bool:
        if not self.server.sandbox._connection_busy(self.connection):
            self.close_connection = True  # closed by an outage as this request came in: unread
            return False
        return super().parse_request()

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if body:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), headers=headers)

    def _read_body(self) -> bytes | None:
        """Read the body its Content-Length announces, or refuse it (answered here; None).

        Never reads more than ``max_body``: a larger length gets 413, an invalid one 400 and a
        chunked body 411, each without reading a byte of it, and the connection is closed (what
        follows in the stream cannot be trusted to start a request). No Content-Length: no body.
        """
        sb = self.server.sandbox
        values = self.headers.get_all("Content-Length") or []
        problem: tuple[int, str] | None = None
        if self.headers.get("Transfer-Encoding"):
            problem = (411, "Length Required: send the body with a Content-Length")
        elif len(set(values)) > 1 or not all(re.fullmatch(r"[0-9]{1,12}", v.strip()) for v in values):
            problem = (400, "Invalid Content-Length")
        elif values and int(values[0]) > sb.config.max_body:
            problem = (413, f"Payload Too Large: at most {sb.config.max_body} bytes")
        if problem is not None:
            with sb._lock:
                sb.stats.too_large += 1
            self.close_connection = True
            status, detail = problem
            self._send_json(status, error_body(status, detail.split(":")[0], detail), {"Connection": "close"})
            return None
        length = int(values[0]) if values else 0
        return self.rfile.read(length) if length > 0 else b""

    def _drop(self) -> None:
        """Close the connection without an answer, as a failing network would."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _route(self, method: str) -> None:
        sb = self.server.sandbox
        path = self.path.split("?", 1)[0]
        if path == STATS_PATH and method == "GET":
            summary = sb.stats.summary()
            if "times=1" in self.path:
                with sb._lock:
                    summary["accepted_times"] = list(sb.stats.accepted_times)
                    summary["refused_times"] = list(sb.stats.refused_times)
                    summary["background_refused_times"] = list(sb.stats.background_refused_times)
                    summary["accepted_by_tag"] = {k: list(v) for k, v in sb.stats.accepted_by_tag.items()}
            self._send_json(200, summary)
            return
        if path == fields.OAUTH_ENDPOINT:
            self._oauth(method)
            return
        if path != fields.ENDPOINT:
            if self._read_body() is not None:
                self._send_json(404, error_body(404, "Not Found", f"No resource at {path}"))
            return
        raw = self._read_body()
        if raw is None:
            return
        if method != "POST":
            sb._record(405, None, False)
            self._send(405, headers={"Allow": "POST"})
            return
        with sb._lock:
            sb._in_flight += 1
            sb.stats.max_in_flight = max(sb.stats.max_in_flight, sb._in_flight)
        try:
            self._enrich(raw)
        finally:
            with sb._lock:
                sb._in_flight -= 1

    def _enrich(self, raw: bytes) -> None:
        sb = self.server.sandbox
        if sb.config.outage_mode == "drop" and sb.in_outage():
            with sb._lock:
                sb.stats.dropped += 1
            self._drop()
            return
        program = sb._authorized(self.headers.get("Authorization"))
        if program is None:
            sb._record(401, None, False)
            self._send_json(401, {"message": fields.UNAUTHORIZED_MESSAGE})
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            sb._record(415, None, False)
            self._send(415)
            return
        sb._arrive()
        tag = _tag_of(raw)
        if not sb._admit(program, tag=tag) or sb._roll(sb.config.throttle_rate):
            sb._record(429, None, False)
            self._send(429, headers={"Retry-After": sb.config.retry_after})
            return
        delay = sb._latency()
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        if not isinstance(body, dict):
            time.sleep(delay)
            sb._record(400, None, False)
            self._send_json(400, error_body(400, "Bad Request", "JSON format is invalid"))
            return
        if not has_minimum_input(body):
            time.sleep(delay)
            sb._record(400, body, False)
            self._send_json(400, error_body(400, "Bad Request", fields.MINIMUM_INPUT_MESSAGE))
            return
        if sb._roll(sb.config.drop_rate):
            time.sleep(delay)
            with sb._lock:
                sb.stats.dropped += 1
            self._drop()
            return
        if sb._roll(sb.config.fail_rate):
            time.sleep(delay)
            self._server_error()
            return
        if not sb._spend_credit():
            sb._record(427, body, False)
            self._send_json(427, error_body(427, "Insufficient credits", fields.CREDITS_MESSAGE))
            return
        time.sleep(delay)
        sb._record(200, body, True, program)
        answer = {
            "status": "success",
            "external_id": body.get("external_id", ""),
            "data": (sandbox_data.hostile if sb.config.hostile else dict)(sandbox_data.answer(body)),
        }
        if sb._roll(sb.config.cut_rate):
            with sb._lock:
                sb.stats.cut += 1
            self._send_cut(json.dumps(answer, ensure_ascii=False).encode())
            return
        self._send_json(200, answer)

    def _send_cut(self, body: bytes) -> None:
        """Announce the whole answer, send half of it, and close the connection."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
        self._drop()

    def _server_error(self) -> None:
        sb = self.server.sandbox
        with sb._lock:
            status = sb._rng.choice((500, 500, 502, 503, 504))
            shape = sb._rng.random()
        sb._record(status, None, False)
        reason = self.responses.get(status, ("Server Error",))[0]
        if shape < 0.2:
            self._send(status)  # "The body of the response may or may not exist."
        elif shape < 0.4 and status in (502, 503, 504):
            page = _GATEWAY_PAGE.format(status=status, reason=reason).encode()
            self._send(status, page, "text/html")
        else:
            self._send_json(status, error_body(status, reason, "Internal error, please retry"))

    def _oauth(self, method: str) -> None:
        sb = self.server.sandbox
        raw = self._read_body()
        if raw is None:
            return
        if method not in ("POST", "PUT"):
            self._send(405, headers={"Allow": "POST, PUT"})
            return
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        if not isinstance(body, dict):
            self._send_json(400, error_body(400, "Bad Request", "JSON format is invalid"))
            return
        cfg = sb.config
        user = body.get("user")
        if cfg.program_id is None or user != cfg.program_id:
            self._send_json(401, {"message": fields.UNAUTHORIZED_MESSAGE})
            return
        if method == "POST":
            ok = body.get("pass") == cfg.secret and body.get("audience") == "API_GATEWAY"
        else:
            with sb._lock:
                ok = sb._refresh.pop(str(body.get("refreshToken")), None) == user
        if not ok:
            self._send_json(401, {"message": fields.UNAUTHORIZED_MESSAGE})
            return
        self._send_json(200, sb._issue_token(str(user)))

    def do_POST(self) -> None:
        self._route("POST")

    def do_GET(self) -> None:
        self._route("GET")

    def do_PUT(self) -> None:
        self._route("PUT")

    def do_DELETE(self) -> None:
        self._route("DELETE")

    def do_PATCH(self) -> None:
        self._route("PATCH")
