"""The fleet's pace, ledger and claims in Redis (see :mod:`leadspace_cli.engine.fleet`)."""

from __future__ import annotations

import contextlib
import math
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock

from leadspace_cli.engine.fleet import Fleet, RedisLostError
from leadspace_cli.engine.ledger import PROCESS_SPACE, Ledger, Limit, Refusal, _alive
from leadspace_cli.engine.pace_file import PaceState, read_pace

if TYPE_CHECKING:
    from leadspace_cli.engine.claims import Claims

LOCK_MS = 1000  # a host killed while holding the pace's lock holds it this long at most
LOCK_TIMEOUT = 2.0
PACE_TTL_MS = 60_000


def _machine() -> str:
    """This process space's name in a claim's owner: host name, machine id, boot and PID namespace.

    Only an owner of the same space can be judged dead by its process id (review 47 F1).
    """
    try:
        machine_id = Path("/etc/machine-id").read_text(encoding="ascii").strip()[:12]
    except (OSError, UnicodeDecodeError):
        machine_id = ""
    return f"{socket.gethostname()}-{machine_id}-{PROCESS_SPACE}".replace(":", "-")


_MACHINE = _machine()
CLAIM_STALE = 120.0  # seconds without a heartbeat after which a claim is void
CLAIM_BEAT = 10.0
HOLD_STALE = 900.0  # a hold not settled this long: its host went away; it counts as maybe billed
DAY_KEEP = 40 * 86400
MONTH_KEEP = 400 * 86400


_PACE_LOCK = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2]) or ''}
end
return {0, ''}
"""

_PACE_WRITE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""

_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[2]))
local used = {tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(redis.call('GET', KEYS[2]) or '0')}
local held = redis.call('ZCARD', KEYS[3])
local n = tonumber(ARGV[3])
for i = 0, n - 1 do
  local which = tonumber(ARGV[4 + 2 * i])
  if used[which] >= tonumber(ARGV[5 + 2 * i]) then return {0, i, used[which], held} end
end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[4 + 2 * n])
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[5 + 2 * n])
redis.call('ZADD', KEYS[3], now, ARGV[1])
return {1, 0, 0, 0}
"""

_SETTLE = """
if redis.call('ZREM', KEYS[3], ARGV[1]) == 1 and ARGV[2] == '0' then
  if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
  if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
end
return 1
"""

_IF_OWNER = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  if ARGV[2] == '' then return redis.call('DEL', KEYS[1]) end
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""


def fleet_pace(fleet: Fleet) -> Callable[[Callable[[float], PaceState], float], FleetPace]:
    """Return the pace holder factory a :class:`~leadspace_cli.engine.pacing.RateLimiter` takes."""
    return lambda fresh, now: FleetPace(fleet, fresh, now)


class FleetPace:
    """A program's pace in Redis: read and written under a short lock, like the pace file."""

    shared = True

    def __init__(self, fleet: Fleet, fresh: Callable[[float], PaceState], now: float) -> None:
        self.fleet = fleet
        fleet.register("pace_lock", _PACE_LOCK)
        fleet.register("pace_write", _PACE_WRITE)
        self._fresh = fresh
        self._lock = threading.Lock()
        self.problem = ""
        self.state = fresh(-math.inf)
        self._keys = [fleet.key("pace", "lock"), fleet.key("pace")]
        with self.open(now):
            pass

    def _read(self, raw: bytes | str, now: float) -> PaceState:
        state, why = read_pace(raw if isinstance(raw, bytes) else raw.encode(), now, self._fresh)
        if why:
            self.problem = f"the fleet's pace in Redis could not be used ({why}): started afresh"
        return state

    @contextlib.contextmanager
    def open(self, now: float) -> Iterator[PaceState]:
        with self._lock:
            token = uuid.uuid4().hex
            deadline = time.monotonic() + LOCK_TIMEOUT
            pause = 0.0005
            while True:
                got, raw = self.fleet.script("pace_lock", self._keys, [token, LOCK_MS])
                if got == 1:
                    break
                if time.monotonic() > deadline:
                    raise filelock.Timeout(self._keys[0])
                time.sleep(pause)
                pause = min(pause * 2, 0.01)
            try:
                state = self._read(raw, now)
                yield state
            except BaseException:
                with contextlib.suppress(RedisLostError):
                    self.fleet.script("pace_write", self._keys, [token, "", 0])
                raise
            state.updated = now
            self.state = state
            # Lost while this call held the pace: its slot stands (the caller has it), and the next
            # open finds Redis lost and paces alone from this state. Raised here, it failed a row.
            with contextlib.suppress(RedisLostError):
                self.fleet.script("pace_write", self._keys, [token, state.to_json(), PACE_TTL_MS])


class FleetLedger:
    """The purchase ledger of a program in Redis: counters per day and month, and the holds in flight.

    Days and months are counted in one time zone for the whole fleet (the first run's, kept in
    Redis), so that hosts in different zones count one budget.
    """

    def __init__(self, fleet: Fleet, local: Ledger | None = None) -> None:
        self.fleet = fleet
        # This machine's own ledger, where every purchase is recorded too (no budget is checked
        # there): when Redis is out of reach later, "this machine only" counts what it bought.
        self.local = local
        self._local: dict[int, int] = {}  # hold -> the local ledger's line
        fleet.register("reserve", _RESERVE)
        fleet.register("settle", _SETTLE)
        self._holds: dict[int, tuple[str, str, str]] = {}
        self._next = 0
        self._lock = threading.Lock()
        self.run = uuid.uuid4().hex[:16]
        self.path = f"Redis at {fleet.url}"

    def reserve(self, program: str, limits: Sequence[Limit]) -> int | Refusal:
        day, month = self.fleet.labels()
        with self._lock:
            self._next += 1
            hold = self._next
        member = f"{self.run}:{hold}"
        args: list[Any] = [member, HOLD_STALE, len(limits)]
        for limit in limits:
            args += [1 if limit.period == "day" else 2, limit.credits]
        args += [DAY_KEEP, MONTH_KEEP]
        try:
            got, index, used, held = self.fleet.script("reserve", [day, month, self.fleet.key("holds")], args)
        except RedisLostError as exc:
            if limits:  # a budget that cannot be counted is not kept: no purchase without it
                return Refusal(limits[0], 0, 0, lost=str(exc))
            self._record(-hold, program)  # no budget to keep: recorded on this machine only
            return -hold
        if got != 1:
            limit = limits[int(index)]
            return Refusal(limit, max(0, int(used) - int(held)), int(held))
        with self._lock:
            self._holds[hold] = (member, day, month)
        self._record(hold, program)
        return hold

    def _record(self, hold: int, program: str) -> None:
        if self.local is None:
            return
        with contextlib.suppress(Exception):  # the machine's copy: never a reason to stop buying
            line = self.local.reserve(program, ())
            if isinstance(line, int):
                with self._lock:
                    self._local[hold] = line

    def settle(self, hold: int, billed: bool) -> None:
        with self._lock:
            entry = self._holds.pop(hold, None)
            line = self._local.pop(hold, None)
        if line is not None and self.local is not None:
            with contextlib.suppress(Exception):
                self.local.settle(line, billed)
        if entry is None:
            return
        member, day, month = entry
        with contextlib.suppress(RedisLostError):  # lost: the hold stays, counted as maybe billed
            self.fleet.script(
                "settle", [day, month, self.fleet.key("holds")], [member, "1" if billed else "0"]
            )

    def spent(self, program: str, period: str) -> int:
        today, month = self.fleet.spent_now()
        return today if period == "day" else month

    def close(self) -> None:
        pass


class FleetClaims:
    """Claims on questions in flight, shared by every host; the local claims once Redis is lost."""

    def __init__(self, fleet: Fleet, fallback: Claims) -> None:
        self.fleet = fleet
        fleet.register("if_owner", _IF_OWNER)
        self.fallback = fallback
        # The machine and the process in the owner: a claim of this machine's run that is gone (a
        # SIGKILL, an OOM kill) is void at once, not after CLAIM_STALE (skeptic 26 F6).
        self.owner = f"{_MACHINE}:{os.getpid()}:{uuid.uuid4().hex}"
        self._mine: dict[bytes, float] = {}
        self._lock = threading.Lock()

    def _name(self, key: bytes) -> str:
        return self.fleet.key("c", key.hex())

    def _dead_here(self, owner: str) -> bool:
        """Whether a claim's owner is a run of this machine whose process is gone."""
        parts = owner.rsplit(":", 2)
        if len(parts) != 3 or parts[0] != _MACHINE or not parts[1].isdigit():
            return False
        pid = int(parts[1])
        return pid != os.getpid() and not _alive(pid)

    def claim(self, key: bytes) -> bool:
        if not self.fallback.claim(key):
            return False
        try:
            got = self.fleet.call(
                lambda: self.fleet.redis.set(self._name(key), self.owner, nx=True, px=int(CLAIM_STALE * 1000))
            )
            if not got:
                held = self.fleet.call(lambda: self.fleet.redis.get(self._name(key)))
                owner = "" if held is None else held.decode(errors="replace")
                if owner and self._dead_here(owner):  # void it (only if it is still that run's)
                    self.fleet.script("if_owner", [self._name(key)], [owner, ""])
                    got = self.fleet.call(
                        lambda: self.fleet.redis.set(
                            self._name(key), self.owner, nx=True, px=int(CLAIM_STALE * 1000)
                        )
                    )
                else:
                    got = owner == self.owner
        except RedisLostError:
            return True  # the local claim holds for this machine
        if not got:
            self.fallback.release(key)
            return False
        with self._lock:
            self._mine[key] = time.monotonic()
        return True

    def held_elsewhere(self, key: bytes) -> bool:
        if self.fallback.held_elsewhere(key):
            return True
        try:
            held = self.fleet.call(lambda: self.fleet.redis.get(self._name(key)))
        except RedisLostError:
            return False
        owner = "" if held is None else held.decode(errors="replace")
        return bool(owner) and owner != self.owner and not self._dead_here(owner)

    def beat(self, key: bytes) -> None:
        self.fallback.beat(key)
        now = time.monotonic()
        with self._lock:
            if now - self._mine.get(key, now) < CLAIM_BEAT:
                return
            self._mine[key] = now
        with contextlib.suppress(RedisLostError):
            self.fleet.script("if_owner", [self._name(key)], [self.owner, int(CLAIM_STALE * 1000)])

    def release(self, key: bytes) -> None:
        self.fallback.release(key)
        with self._lock:
            self._mine.pop(key, None)
        with contextlib.suppress(RedisLostError):
            self.fleet.script("if_owner", [self._name(key)], [self.owner, ""])

    def close(self) -> None:
        with self._lock:
            keys = list(self._mine)
            self._mine.clear()
        for key in keys:
            with contextlib.suppress(RedisLostError):
                self.fleet.script("if_owner", [self._name(key)], [self.owner, ""])
        self.fallback.close()
