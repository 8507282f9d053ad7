"""A fleet of machines on one program, through Redis: the connection, its clock, and the answers
(the pace, the ledger and the claims built on it are in :mod:`leadspace_cli.engine.fleet_parts`).

With ``LEADSPACE_REDIS_URL``, every host and run of a program meets in one Redis, under keys
namespaced by the program's identity and endpoint (a one-way hash of them, never the key itself):

- **the pace**: the rate limiter's state (slots, margin, what the 429s taught), read and written
  under a short lock in Redis, on a clock taken from Redis ``TIME``, so that every host takes its
  turn in one sliding window;
- **the ledger**: each call reserves a credit in one Lua script that checks the day and month
  budgets and counts the hold (holds of hosts that went away count as maybe billed);
- **the claims**: a question in flight is claimed with ``SET NX PX``, so that a row is bought once
  however many hosts ask;
- **the answers**: every answer bought is written beside the local store, compressed, for
  ``LEADSPACE_REDIS_TTL``; a local miss asks Redis before the API. ``cache forget`` leaves
  tombstones, so that an answer bought before the erasure is never written back.

Nothing read from Redis is trusted: sizes, types and ranges are checked, answers are decompressed
under a cap, must answer the very question asked, and are refused when they echo a secret. Data
reaches the scripts only through KEYS and ARGV. Redis lost mid-run: :class:`RedisLostError` (an
``OSError``), and each part falls back as the wiring decides (local pacing at the host's share, no
purchase without the fleet's budget, local claims).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import math
import os
import struct
import threading
import time
import zlib
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadspace_cli.engine.pace_file import MAX_PACE_BYTES, SHARED_FRESH, PaceState
from leadspace_cli.engine.store_dictionary import DICTIONARY
from leadspace_cli.results import loads_answer

if TYPE_CHECKING:
    pass

PREFIX = "leadspace"
MAGIC = b"LS1A"  # an answer: magic, status (2 bytes), stored (8 bytes), deflated "request\0answer"
TOMB = b"LS1T"  # a tombstone: magic, then the time of the erasure as text
HEADER = struct.Struct(">HQ")
MAX_VALUE = 1024 * 1024  # a stored answer is a few KiB compressed; larger was not written by a run
MAX_TEXT = 8 * 1024 * 1024  # the client's own cap on an answer
DEFAULT_TTL = 30 * 86400.0
STATUSES = (200, 400)


class RedisLostError(OSError):
    """Redis cannot be reached (or answered with an error) in the middle of a run."""


# Scripts: every value comes through KEYS and ARGV.

_PUT = """
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 4) == ARGV[4] then
  local erased = tonumber(string.sub(v, 5))
  if erased and erased >= tonumber(ARGV[3]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
"""


def namespace(partition: str) -> str:
    """Return the key prefix of a program's identity and endpoint (a one-way hash of them)."""
    return f"{PREFIX}:{hashlib.sha256(partition.encode()).hexdigest()[:24]}"


def local_zone() -> str:
    """Return this machine's time zone as an IANA name (UTC when it cannot be told)."""
    tz = os.environ.get("TZ", "").lstrip(":")
    candidates = [tz] if tz else []
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text().strip())
    with contextlib.suppress(OSError):
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
            zoneinfo.ZoneInfo(name)
            return name
    return "UTC"


@dataclass
class Figures:
    """What ``cache info`` shows of the fleet."""

    answers: int = 0
    tombstones: int = 0
    value_bytes: int = 0
    memory_bytes: int | None = None  # Redis's own count for the answers, sampled
    day: int = 0
    month: int = 0
    tz: str = ""
    runs: int = 0  # runs pacing the program now, every host
    estimated: bool = False  # counted from a sample of the values (a large fleet)
    server: str = ""


@dataclass
class Fleet:
    """One program's keys in one Redis, and the parts built on them."""

    redis: Any
    partition: str
    url: str  # masked, for messages
    ttl: float = DEFAULT_TTL
    secrets: tuple[str, ...] = ()
    tz: str = "UTC"
    ns: str = ""
    lost: str = ""  # why Redis was lost mid-run ("" while it works)
    hits: int = 0  # answers found in Redis (bought by another host, or before a local clear)
    shared: int = 0  # answers this run wrote to Redis
    on_lost: Callable[[str], None] | None = None
    _offset: float = 0.0
    _scripts: dict[str, Any] = field(default_factory=dict)
    _lost_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.ns = namespace(self.partition)
        self.register("put", _PUT)

    def register(self, name: str, src: str) -> None:
        """Register a Lua script under a name (its data comes through KEYS and ARGV only)."""
        if name not in self._scripts:
            self._scripts[name] = self.redis.register_script(src)

    # Connection and time.

    def _errors(self) -> tuple[type[BaseException], ...]:
        import redis

        return (redis.RedisError, OSError)

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run one Redis operation; a failure marks the fleet lost and raises :class:`RedisLostError`."""
        if self.lost:
            raise RedisLostError(self.lost)
        try:
            return fn()
        except self._errors() as exc:
            self._mark_lost(f"Redis at {self.url} was lost ({type(exc).__name__}: {exc})")
            raise RedisLostError(self.lost) from None

    def _mark_lost(self, why: str) -> None:
        with self._lost_lock:
            if self.lost:
                return
            self.lost = why
        if self.on_lost is not None:
            self.on_lost(why)

    def script(self, name: str, keys: Sequence[str], args: Sequence[Any]) -> Any:
        return self.call(lambda: self._scripts[name](keys=list(keys), args=list(args)))

    def sync_clock(self) -> None:
        """Measure the offset of Redis ``TIME`` from this machine's monotonic clock (best of five)."""
        best = (math.inf, 0.0)
        for _ in range(5):
            before = time.monotonic()
            secs, micros = self.call(self.redis.time)
            after = time.monotonic()
            server = float(secs) + float(micros) / 1e6
            best = min(best, (after - before, server - (before + after) / 2))
        self._offset = best[1]

    def clock(self) -> float:
        """The fleet's clock: Redis ``TIME``, as this machine's monotonic clock follows it."""
        return time.monotonic() + self._offset

    def key(self, *parts: str) -> str:
        return ":".join((self.ns, *parts))

    # The parts.

    # Answers.

    def _pack(self, status: int, stored: float, request: str, text: str) -> bytes:
        raw = f"{request}\0{text}".encode()
        co = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, DICTIONARY)
        return MAGIC + HEADER.pack(status, max(0, int(stored))) + co.compress(raw) + co.flush()

    def _unpack(self, value: bytes) -> tuple[int, float, str, str]:
        """Return (status, stored, request, answer) of a value, or raise ValueError."""
        if not isinstance(value, bytes) or len(value) > MAX_VALUE or not value.startswith(MAGIC):
            raise ValueError("not an answer")
        status, stored = HEADER.unpack_from(value, len(MAGIC))
        d = zlib.decompressobj(-15, DICTIONARY)
        raw = d.decompress(value[len(MAGIC) + HEADER.size :], MAX_TEXT + 1)
        if len(raw) > MAX_TEXT or d.unconsumed_tail:
            raise ValueError("an answer larger than the cap")
        request, sep, text = raw.decode("utf-8").partition("\0")
        if not sep:
            raise ValueError("not an answer")
        return int(status), float(stored), request, text

    def _trusted(self, status: int, stored: float, text: str) -> str:
        """Return why an answer read from Redis is not used ("" when it is)."""
        if status not in STATUSES:
            return f"status {status}"
        if stored > time.time() + 60:
            return "stored in the future"
        if any(s and s in text for s in self.secrets):
            return "it echoes a secret"  # the client's key-echo check, for answers it did not fetch
        if status == 200:
            try:
                if not isinstance(loads_answer(text), dict):
                    return "not a JSON object"
            except (ValueError, RecursionError):
                return "not JSON"
        return ""

    def get(self, key: bytes, request: str, oldest: float) -> tuple[int, str, float] | None:
        """Return (status, answer, stored) of a question from Redis, or None (missing, stale, erased,
        or not to be trusted)."""
        try:
            value = self.call(lambda: self.redis.get(self.key("a", key.hex())))
        except RedisLostError:
            return None  # said once, by the run
        if value is None or value.startswith(TOMB):
            return None
        try:
            status, stored, asked, text = self._unpack(value)
        except (ValueError, struct.error, zlib.error, UnicodeDecodeError):
            return None
        if asked != request or stored < oldest or self._trusted(status, stored, text):
            return None
        self.hits += 1
        return status, text, stored

    def put(self, key: bytes, status: int, text: str, request: str, stored: float) -> bool:
        """Share an answer with the fleet (not over a tombstone newer than it); return whether written."""
        if status not in STATUSES or self._trusted(status, stored, text):
            return False
        value = self._pack(status, stored, request, text)
        if len(value) > MAX_VALUE:
            return False
        ms = max(1, int(self.ttl * 1000))
        try:
            done = self.script("put", [self.key("a", key.hex())], [value, ms, f"{stored:.3f}", TOMB])
        except RedisLostError:
            return False  # kept in the local store; said once, by the run
        self.shared += int(done == 1)
        return bool(done == 1)

    def _scan(self, kind: str) -> Iterator[str]:
        it = self.call(lambda: self.redis.scan_iter(match=self.key(kind, "*"), count=1000))
        while True:
            try:
                name = self.call(lambda: next(it, None))
            except RedisLostError:
                raise
            if name is None:
                return
            yield name.decode() if isinstance(name, bytes) else str(name)

    def answers(self, batch: int = 500) -> Iterator[tuple[str, bytes]]:
        """Yield (Redis key, value) of every stored answer and tombstone of the program."""
        names: list[str] = []
        for name in self._scan("a"):
            names.append(name)
            if len(names) >= batch:
                yield from zip(names, self.call(functools.partial(self.redis.mget, names)), strict=True)
                names = []
        if names:
            yield from zip(names, self.call(lambda: self.redis.mget(names)), strict=True)

    def clear(self, older_than: float | None = None) -> int:
        """Delete the program's answers in Redis (all, or those older than some seconds); return how many.

        Tombstones stay: an erasure outlives a clear."""
        cutoff = math.inf if older_than is None else time.time() - older_than
        doomed: list[str] = []
        for name, value in self.answers():
            if value is None or value.startswith(TOMB):
                continue
            try:
                _, stored = HEADER.unpack_from(value, len(MAGIC))
            except struct.error:
                stored = 0
            if stored < cutoff:
                doomed.append(name)
        for start in range(0, len(doomed), 500):
            part = doomed[start : start + 500]
            self.call(functools.partial(self.redis.unlink, *part))
        return len(doomed)

    def forget(self, mentions: Callable[[str, str], bool], keys: Sequence[bytes] = ()) -> int:
        """Replace the answers that ``mentions(request, answer)`` finds (and ``keys``) by tombstones.

        A tombstone keeps any host from writing back an answer bought before the erasure; it lasts
        as long as an answer would. Return how many answers were erased in Redis.
        """
        now = time.time()
        tomb = TOMB + f"{now:.3f}".encode()
        names = {self.key("a", k.hex()) for k in keys}
        erased = 0
        for name, value in self.answers():
            if value is None or value.startswith(TOMB):
                continue
            try:
                _, _, request, text = self._unpack(value)
            except (ValueError, struct.error, zlib.error, UnicodeDecodeError):
                names.add(name)  # unreadable: erased all the same, it may hold the person
                erased += 1
                continue
            if mentions(request, text):
                names.add(name)
                erased += 1
        ms = max(1, int(self.ttl * 1000))
        for name in sorted(names):
            self.call(functools.partial(self.redis.set, name, tomb, px=ms))
        return erased

    def figures(self, sample: int = 2000) -> Figures:
        """Count the program's answers in Redis (keys counted; values read for at most ``sample`` of
        them, the rest estimated), its spending, and the runs pacing it now."""
        fig = Figures(tz=self.tz, server=self.url)
        names = list(self._scan("a"))
        read = names[:sample]
        values = [
            v
            for start in range(0, len(read), 500)
            for v in self.call(functools.partial(self.redis.mget, read[start : start + 500]))
        ]
        live = [(n, v) for n, v in zip(read, values, strict=True) if v is not None]
        answers = [(n, v) for n, v in live if not v.startswith(TOMB)]
        scale = len(names) / len(read) if read else 1.0
        fig.estimated = len(names) > len(read)
        fig.answers = round(len(answers) * scale)
        fig.tombstones = round((len(live) - len(answers)) * scale)
        fig.value_bytes = round(sum(len(v) for _, v in answers) * scale)
        if answers:
            with contextlib.suppress(RedisLostError):
                some = [n for n, _ in answers[:200]]
                used = [self.call(functools.partial(self.redis.memory_usage, n)) or 0 for n in some]
                fig.memory_bytes = int(sum(used) / len(used) * fig.answers)
        fig.day, fig.month = self.spent_now()
        raw = self.call(lambda: self.redis.get(self.key("pace")))
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            state = PaceState.from_json(raw.decode()) if raw and len(raw) <= MAX_PACE_BYTES else None
            if state is not None and self.clock() - SHARED_FRESH < state.updated:
                fig.runs = len(state.runs)
        return fig

    # The ledger's counters (engine.fleet_parts.FleetLedger writes them).

    def labels(self, now: float | None = None) -> tuple[str, str]:
        """Return the keys of the current day's and month's counters, in the fleet's time zone."""
        when = time.time() if now is None else now
        local = dt.datetime.fromtimestamp(when, zoneinfo.ZoneInfo(self.tz))
        day = self.key("spent", "day", local.strftime("%Y-%m-%d"))
        month = self.key("spent", "month", local.strftime("%Y-%m"))
        return day, month

    def spent_now(self) -> tuple[int, int]:
        """Return the credits spent (and held) today and this month by every host."""
        day, month = self.labels()
        values = self.call(lambda: self.redis.mget([day, month]))
        got = [int(v) if isinstance(v, bytes) and v.isdigit() and len(v) < 19 else 0 for v in values]
        return got[0], got[1]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.redis.close()


def connect(
    url: str,
    masked: str,
    *,
    partition: str,
    ca_file: str | None,
    ttl: float = DEFAULT_TTL,
    secrets: tuple[str, ...] = (),
    tz: str | None = None,
    timeout: float = 3.0,
) -> Fleet:
    """Connect to the fleet's Redis (the URL checked by the settings); raise :class:`RedisLostError` when it
    cannot be reached or refuses the connection."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    options: dict[str, Any] = {
        "socket_connect_timeout": timeout,
        "socket_timeout": timeout,
        # One retry at once (a pooled connection broken by a restart), never seconds of backoff:
        # a Redis that is gone must be told within a call, not after every thread has waited.
        "retry": Retry(NoBackoff(), 1),
    }
    if url.startswith("rediss://"):
        options["ssl_cert_reqs"] = "required"
        options["ssl_check_hostname"] = True
        if ca_file:
            options["ssl_ca_certs"] = ca_file
    try:
        client = redis.Redis.from_url(url, **options)
        client.ping()
    except (redis.RedisError, OSError, ValueError) as exc:
        raise RedisLostError(
            f"Redis at {masked} cannot be reached ({type(exc).__name__}: {_clean(exc, url)})"
        ) from None
    fleet = Fleet(client, partition, masked, ttl=ttl, secrets=secrets)
    try:
        fleet.sync_clock()
        # One time zone for the fleet's days and months: the first run's.
        zone = tz or local_zone()
        fleet.call(lambda: client.set(fleet.key("tz"), zone, nx=True))
        kept = fleet.call(lambda: client.get(fleet.key("tz")))
        name = kept.decode(errors="replace") if isinstance(kept, bytes) and len(kept) <= 64 else zone
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            name = zone
        fleet.tz = name
    except RedisLostError:
        fleet.close()
        raise
    return fleet


def _clean(exc: BaseException, url: str) -> str:
    """An error's text without the URL's password."""
    text = str(exc)
    from urllib.parse import urlsplit

    password = urlsplit(url).password
    return text.replace(password, "****") if password else text
