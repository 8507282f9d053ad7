"""The rate limiter: at most N calls in any one-second window, evenly spaced, learning from 429s.

Callers take a slot with :meth:`RateLimiter.acquire` right before each call, retries included, so
that the API never sees more than the allowance. Slots are handed out one at a time and stamped with
the time the caller actually goes, not the time it asked, so a thread that wakes late pushes the
next slots back instead of bunching them. A guard keeps call ``k + N`` a little more than one second
after call ``k``: the API counts arrivals, which jitter.

The client cannot see when its calls reach the gateway, only what the gateway answers, so both the
guard and the pace learn from the 429s: a 429 while pacing at the target widens the guard (the
network jitters more than it allowed for); a 429 below the target means the allowance is shared
(another client of the program, another run, a ``--rate`` above the program's limit), and the pace
drops under what was sent in the last second. Quiet seconds narrow the guard again and probe the
pace back up slowly, so that collisions stay rare instead of the pace oscillating.
"""

from __future__ import annotations

import collections
import math
import threading
import time
from collections.abc import Callable

DEFAULT_GUARD = 0.012  # seconds added to the one-second window; 30/s becomes 29.64/s
MAX_GUARD = 0.12  # a guard wider than this is not jitter: the pace is what must give
GUARD_STEP = 0.008  # a 429 widens the guard by this much
QUIET = 5.0  # seconds without a 429 before the guard narrows a step, or the pace probes up
PROBE = 0.02  # the pace probes up by this share of the last estimate per quiet period


class RateLimiter:
    """Pace calls to ``rate`` per second; slow down after a 429, then recover gradually."""

    def __init__(
        self,
        rate: float,
        *,
        guard: float = DEFAULT_GUARD,
        clock: Callable[[], float] = time.monotonic,
        min_rate: float = 0.5,
        start_rate: float = 30.0,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.target = float(rate)
        # Above the API's documented 30/s, start there and grow fast until the first 429 (a slow
        # start): a --rate that guesses a tier too high must not open with a burst of 429s.
        self.rate = min(float(rate), start_rate)
        self._growing = self.rate < self.target
        self.guard = guard
        self.base_guard = guard
        self.ceiling = float(rate)  # the pace the last 429s allowed
        self.throttles = 0  # rounds of 429s seen
        self.min_rate = min(min_rate, self.target)
        self._clock = clock
        self._gate = threading.Lock()  # one caller at a time waits for the next slot
        self._state = threading.Lock()
        self._last = -math.inf
        self._recent: collections.deque[float] = collections.deque(maxlen=max(1, math.ceil(rate)))
        self._last_cut = -math.inf
        self._last_probe = -math.inf
        self._ok_times: collections.deque[float] = collections.deque(maxlen=10_000)

    def _earliest(self) -> float:
        with self._state:
            earliest = self._last + 1.0 / self.rate
            if len(self._recent) == self._recent.maxlen:
                earliest = max(earliest, self._recent[0] + 1.0 + self.guard)
            return earliest

    def acquire(self, stop: threading.Event) -> bool:
        """Block until a call may go; return False (without a slot) once ``stop`` is set."""
        # Waiting callers block without polling (polling threads cost CPU at 30 calls a second);
        # once stop is set, each holder returns at once, so the queue drains quickly.
        self._gate.acquire()
        try:
            while True:
                if stop.is_set():
                    return False
                earliest = self._earliest()
                wait = earliest - self._clock()
                if wait <= 0:
                    break
                # Sleep in short steps: a 429 elsewhere may move the slot, and stop must be quick.
                stop.wait(min(wait, 0.05))
            now = self._clock()
            with self._state:
                # Even spacing runs from the planned time, so a thread's wake-up delay does not
                # add to every interval; the window check uses the actual time, to stay safe.
                self._last = earliest if now - earliest < 1.0 / self.rate else now
                self._recent.append(now)
            return True
        finally:
            self._gate.release()

    def throttled(self) -> None:
        """A 429 came back: widen the guard, or settle under what the gateway let through.

        At most once a second (the 429s of one burst are one event).
        """
        now = self._clock()
        with self._state:
            if now - self._last_cut < 1.0:
                return
            self._last_cut = now
            self.throttles += 1
            self._growing = False
            while self._ok_times and self._ok_times[0] <= now - 1.0:
                self._ok_times.popleft()
            accepted = len(self._ok_times)  # what the gateway let through in the last second
            if self.rate >= self.target and accepted >= self.target * 0.9 and self.guard < MAX_GUARD:
                # Pacing at the target and still refused: arrivals jitter more than the guard allows.
                self.guard = min(MAX_GUARD, self.guard + GUARD_STEP)
                return
            # The allowance is shared, or lower than asked: settle a little under what got through.
            # At most halved at a time: the last second may undercount (the run's first, a burst of retries).
            estimate = accepted * 0.95 if accepted else self.rate * 0.7
            self.rate = max(self.min_rate, self.rate * 0.5, min(self.rate * 0.9, estimate))
            self.ceiling = self.rate

    def succeeded(self) -> None:
        """A call went through: after a quiet period, narrow the guard or probe the pace up."""
        now = self._clock()
        with self._state:
            self._ok_times.append(now)
            if self._growing:
                if now - self._last_probe >= 0.25:
                    self._last_probe = now
                    self.rate = min(self.target, self.rate * 2)
                    self._growing = self.rate < self.target
                return
            if now - self._last_cut < QUIET or now - self._last_probe < QUIET:
                return
            self._last_probe = now
            if self.rate < self.target:
                self.rate = min(self.target, self.rate + max(0.1, self.ceiling * PROBE))
            elif self.guard > self.base_guard:
                self.guard = max(self.base_guard, self.guard - GUARD_STEP / 4)

    def explain(self) -> str:
        """Say what pace the run settled at, and why."""
        if not self.throttles:
            return f"{self.rate:.1f}/s: no 429 seen"
        why = f"{self.throttles} rounds of 429s"
        if self.rate < self.target:
            return (
                f"{self.rate:.1f}/s under the {self.target:g}/s asked: {why}; the program's allowance is "
                "shared (other clients, other runs) or lower than --rate"
            )
        return f"{self.rate:.1f}/s with a {self.guard * 1000:.0f} ms window margin: {why} from network jitter"
