"""The rate limiter: at most N calls in any one-second window, evenly spaced, learning from 429s,
and shared by every run on the machine that calls the same program.

Callers take a slot with :meth:`RateLimiter.acquire` right before each call, retries included, so
that the API never sees more than the allowance. Slots are handed out one at a time: a caller
reserves the next free slot, then waits for it. A guard keeps call ``k + N`` a little more than one
second after call ``k``: the API counts arrivals, which jitter.

The client cannot see when its calls reach the gateway, only what the gateway answers, so both the
guard and the pace learn from the 429s: a 429 while pacing at the target widens the guard (the
network jitters more than it allowed for); a 429 below the target means the allowance is shared
(another client of the program, a ``--rate`` above the program's limit), and the pace drops under
what got through in the last second. Quiet seconds narrow the guard again and probe the pace back
up slowly, so that collisions stay rare instead of the pace oscillating.

The allowance belongs to the program, not to a run: runs on one machine that call the same program
keep the pace (the slots, the guard, what the 429s taught) in one small file in the user's runtime
folder, under a cross-platform file lock. Slots are reserved in turn, so concurrent runs share the
allowance evenly, and a run that ends (or is killed) simply stops reserving: the others take up its
share with their next slots. A run's own ``--rate`` stays a ceiling on its own calls.
"""

from __future__ import annotations

import collections
import contextlib
import math
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock

from leadspace_cli.engine.pace_file import (
    MAX_GUARD,
    PaceState,
    RuntimeFolderError,
    _Shared,
)

DEFAULT_GUARD = 0.010  # seconds added to the one-second window; with LATE below, 30/s becomes 29.64/s


# A slot is recorded this much after its planned time, and later still when the caller wakes later:
# the window counts a call from when it really goes, never before.
LATE = 0.002


GUARD_STEP = 0.008  # a 429 widens the guard by this much at least


# A second 429 at the target within a second of the first widens the guard at once to this: a
# network that jitters at all jitters by tens of milliseconds, and each second spent finding the
# margin step by step costs 429s. 30/s with a 48 ms margin is still 28.6/s; quiet periods win the
# margin back.
JUMP_GUARD = 0.048


QUIET = 5.0  # seconds without a 429 before the guard narrows a step, or the pace probes up


# For this long after a cut, probing stops a little under what got through when the 429s came:
# the other client is still there, and every collision costs it a 429 too.
CAUTION = 120.0


SETTLE = 0.94  # after a cut, the pace is this share of what got through: a margin for the others' bursts


STARTUP_GUARD = 0.03  # the first calls of a run (threads, connections starting) go less on time


SHARED_GUARD = 0.015  # runs on one machine wake and send with more scheduling delay than one run alone


PROBE = 0.02  # the pace probes up by this share of the last estimate per quiet period


RUN_ALIVE = 2.0  # a run not heard of for this long has ended (or was killed)


class _Local:
    """The pace of one run alone."""

    shared = False

    def __init__(self, fresh: Callable[[float], PaceState], now: float) -> None:
        self.state = fresh(now)
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def open(self, now: float) -> Iterator[PaceState]:
        with self._lock:
            yield self.state


class RateLimiter:
    """Pace calls to ``rate`` per second; slow down after a 429, then recover gradually.

    With ``shared`` (a file from :func:`shared_pace_path`), the pace is the program's, shared by
    every run that names the same file; ``rate`` stays this run's own ceiling.
    """

    def __init__(
        self,
        rate: float,
        *,
        guard: float = DEFAULT_GUARD,
        clock: Callable[[], float] = time.monotonic,
        min_rate: float = 0.5,
        start_rate: float = 30.0,
        shared: Path | None = None,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.target = float(rate)
        self.base_guard = guard
        self.min_rate = min(min_rate, self.target)
        self._start_rate = start_rate
        self._clock = clock
        self.id = uuid.uuid4().hex[:12]
        self.throttles = 0  # rounds of 429s this run saw
        self.others = 0  # the most other runs seen pacing the same program at once
        self.problem = ""  # why the pace could not be shared, if it could not
        self._gate = threading.Lock()  # one caller of this run at a time reserves the next slot
        self._mine = threading.Lock()
        self._own_last = -math.inf
        self._own_recent: collections.deque[float] = collections.deque(maxlen=max(1, math.ceil(rate)))
        self._pending_ok: list[float] = []  # answers not yet told to the shared pace
        self._last_429 = -math.inf
        self._calls = 0  # slots this run took
        self._holder: _Local | _Shared
        if shared is not None:
            try:
                self._holder = _Shared(shared, self._fresh, clock())
                self.problem = self._holder.problem
            except RuntimeFolderError as exc:
                self.problem = f"{exc}; this run paces alone"
                self._holder = _Local(self._fresh, clock())
            except OSError as exc:
                self.problem = f"cannot share the pace through {shared}: {exc.strerror or exc}; paced alone"
                self._holder = _Local(self._fresh, clock())
        else:
            self._holder = _Local(self._fresh, clock())

    # The state, read through these for figures and tests.

    @property
    def rate(self) -> float:
        """The pace now, in calls per second (the program's, when shared)."""
        return min(self._holder.state.rate, self.target)

    @property
    def guard(self) -> float:
        """The margin added to the one-second window, in seconds."""
        return self._holder.state.guard

    @property
    def ceiling(self) -> float:
        """The pace the last 429s allowed."""
        return self._holder.state.ceiling

    def _fresh(self, now: float) -> PaceState:
        # Above the API's documented 30/s, start there and grow fast until the first 429 (a slow
        # start): a --rate that guesses a tier too high must not open with a burst of 429s.
        rate = min(self.target, self._start_rate)
        return PaceState(
            target=self.target,
            rate=rate,
            growing=rate < self.target,
            guard=self.base_guard,
            ceiling=self.target,
        )

    @contextlib.contextmanager
    def _state(self) -> Iterator[tuple[PaceState, float]]:
        """Open the pace (under its locks), with this run's news told to it; yield it and the time."""
        now = self._clock()
        with contextlib.ExitStack() as stack:
            try:
                st = stack.enter_context(self._holder.open(now))
            except (filelock.Timeout, OSError) as exc:
                # A run stopped while holding the lock, the runtime folder went away, or its file is
                # not the user's alone: pace alone.
                self.problem = f"the shared pace could not be used ({exc}): paced alone"
                self._holder = _Local(self._fresh, now)
                st = stack.enter_context(self._holder.open(now))
            self._join(st, now)
            yield st, now

    def _join(self, st: PaceState, now: float) -> None:
        if self._holder.shared:
            st.runs[self.id] = now
            for run, seen in list(st.runs.items()):
                if seen < now - RUN_ALIVE:
                    del st.runs[run]  # ended, or killed: it no longer takes slots
            self.others = max(self.others, len(st.runs) - 1)
            if self.target > st.target:
                st.target = self.target
        with self._mine:
            pending, self._pending_ok = self._pending_ok, []
        if pending:
            st.ok_times.extend(pending)
        if st.ok_times and st.ok_times[0] <= now - 1.0:
            st.ok_times = [t for t in st.ok_times if t > now - 1.0]
        if st.refused and st.refused[0] <= now - 1.0:
            st.refused = [t for t in st.refused if t > now - 1.0]

    def _earliest(self, st: PaceState) -> float:
        # Never under this run's own floor, whatever the shared file says.
        rate = max(min(st.rate, self.target), self.min_rate)
        earliest = st.last + 1.0 / rate
        # The window holds as many calls as the pace allows (the program's, once a 429 taught it).
        window = max(1, math.ceil(min(st.rate, st.target)))
        guard = max(st.guard, SHARED_GUARD) if len(st.runs) > 1 else st.guard
        if self._calls < 2 * window:
            guard = max(guard, STARTUP_GUARD)  # calls 31-60 against the run's first 30
        if len(st.recent) >= window:
            earliest = max(earliest, st.recent[-window] + 1.0 + guard)
        # This run's own ceiling (--rate), when the program's pace is higher.
        earliest = max(earliest, self._own_last + 1.0 / self.target)
        if len(self._own_recent) == self._own_recent.maxlen:
            earliest = max(earliest, self._own_recent[0] + 1.0 + guard)
        return earliest

    def acquire(self, stop: threading.Event) -> bool:
        """Block until a call may go; return False (without a slot) once ``stop`` is set."""
        # Waiting callers block without polling (polling threads cost CPU at 30 calls a second);
        # once stop is set, each holder returns at once, so the queue drains quickly.
        self._gate.acquire()
        try:
            if stop.is_set():
                return False
            with self._state() as (st, now):
                earliest = self._earliest(st)
                # Even spacing runs from the planned time, so a wake-up delay does not add to every
                # interval; after an idle spell the next slot is now. The window counts the time
                # the call goes.
                planned = earliest if earliest > now - 1.0 / min(st.rate, self.target) else now
                slot = max(planned, now)
                stamp = slot + LATE
                st.last = planned
                st.recent.append(stamp)
                window = max(1, math.ceil(st.target))
                if len(st.recent) > 2 * window:  # two seconds' slots: what was sent, for throttled()
                    del st.recent[: len(st.recent) - 2 * window]
            self._own_last = planned
            self._own_recent.append(stamp)
            self._calls += 1
            while (wait := slot - self._clock()) > 0:
                if stop.wait(min(wait, 0.05)):
                    return False  # the reserved slot goes unused: one slot, never a burst
            actual = self._clock()
            if actual > stamp:
                # Woken late: the window check must count the call when it really goes.
                with self._state() as (st, _):
                    st.recent = [actual if t == stamp else t for t in st.recent]
                self._own_recent[-1] = actual
            return not stop.is_set()
        finally:
            self._gate.release()

    def throttled(self) -> None:
        """A 429 came back: widen the guard, or settle under what the gateway let through.

        At most once a second (the 429s of one burst are one event).
        """
        with self._state() as (st, now):
            if now - self._last_429 >= 1.0:
                self._last_429 = now
                self.throttles += 1
            st.refused.append(now)
            if now - st.last_cut < 1.0:
                if st.rate >= self.target and st.bad_guard < st.guard < JUMP_GUARD:
                    # A second 429 right after the first widening: the network jitters by tens of
                    # milliseconds, and each second spent finding it step by step costs 429s.
                    st.bad_guard = st.guard
                    st.guard = JUMP_GUARD
                return
            settled = st.last_cut > -math.inf and st.rate < st.target  # an earlier cut set the pace
            st.last_cut = now
            growing, st.growing = st.growing, False
            # What the gateway let through in the last second: the calls sent, less the refused.
            # (Answers counted on arrival lag behind by the latency, and undercount.)
            sent = sum(1 for t in st.recent if now - 1.0 < t <= now)
            refused_now = len(st.refused)
            accepted = max(len(st.ok_times), sent - refused_now)
            if st.rate >= self.target and accepted >= self.target * 0.9 and st.guard < MAX_GUARD:
                # Pacing at the target and still refused: arrivals jitter more than the guard allows.
                # One 429 widens a step (a stray: a pause in this process, a slow connection); a
                # second soon after jumps (above).
                st.bad_guard = max(st.bad_guard, st.guard)
                st.guard = min(MAX_GUARD, st.guard + GUARD_STEP)
                return
            if settled and refused_now <= 1 and accepted >= st.rate * 0.8:
                # One stray 429 once settled: the pace holds (and does not probe up for a while);
                # cutting on each stray would walk it down for nothing.
                return
            # The allowance is shared, or lower than asked: settle under what got through, with a
            # margin for the other clients' bursts. At most halved at a time: the last second may
            # undercount (the run's first, a burst of retries).
            estimate = accepted * SETTLE if accepted else st.rate * 0.7
            if growing and accepted:
                # The slow start overshot: what got through is the limit, not half the guess; no
                # other client is known to share it, so close under it, probing up to just below.
                st.rate = max(self.min_rate, min(st.rate / 2, accepted * 0.97))
                st.ceiling = max(st.rate, accepted * 0.99)
                return
            else:
                st.rate = max(self.min_rate, st.rate * 0.5, min(st.rate * 0.9, estimate))
            st.ceiling = st.rate

    def succeeded(self) -> None:
        """A call went through: after a quiet period, narrow the guard or probe the pace up."""
        now = self._clock()
        seen = self._holder.state
        with self._mine:
            self._pending_ok.append(now)
        if not seen.growing and (now - seen.last_cut < QUIET or now - seen.last_probe < QUIET):
            return  # nothing to decide: the answer is told to the pace with the next slot
        with self._state() as (st, now):
            if st.growing:
                if now - st.last_probe >= 0.25:
                    st.last_probe = now
                    st.rate = min(st.target, st.rate * 2)
                    st.growing = st.rate < st.target
                return
            if now - st.last_cut < QUIET or now - st.last_probe < QUIET:
                return
            st.last_probe = now
            if st.rate < st.target:
                cap = st.ceiling if now - st.last_cut < CAUTION else st.target
                st.rate = max(st.rate, min(st.target, cap, st.rate + max(0.1, st.ceiling * PROBE)))
            elif st.guard > self.base_guard:
                # Narrow slowly, never back to the margin a 429 came through; that memory fades.
                floor = max(self.base_guard, st.bad_guard + GUARD_STEP / 2)
                st.guard = max(floor, st.guard - GUARD_STEP / 4)
                st.bad_guard = max(0.0, st.bad_guard - GUARD_STEP / 8)

    def explain(self) -> str:
        """Say what pace the run settled at, and why."""
        shared = f"; shared with {self.others} other run{'s' * (self.others != 1)}" if self.others else ""
        if not self.throttles:
            return f"{self.rate:.1f}/s: no 429 seen{shared}"
        why = f"{self.throttles} rounds of 429s"
        if self.rate < self.target:
            return (
                f"{self.rate:.1f}/s under the {self.target:g}/s asked: {why}; the program's allowance is "
                f"shared (other clients, other runs) or lower than --rate{shared}"
            )
        return (
            f"{self.rate:.1f}/s with a {self.guard * 1000:.0f} ms window margin: {why} from network "
            f"jitter{shared}"
        )
