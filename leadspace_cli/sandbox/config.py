"""The sandbox's options (one list for `leadspace sandbox` and the tests' fixture) and its counts."""

from __future__ import annotations

import collections
import hashlib
from dataclasses import dataclass, field
from typing import Any

from leadspace_cli.api import fields
from leadspace_cli.sandbox.rules import canonical

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
