"""The rate limiter: at most N calls in any one-second window, evenly spaced.

Callers take a slot with :meth:`RateLimiter.acquire` right before each call, retries included, so
that the API never sees more than the allowance. Slots are handed out one at a time and stamped with
the time the caller actually goes, not the time it asked, so a thread that wakes late pushes the
next slots back instead of bunching them. A guard keeps call ``k + N`` a little more than one second
after call ``k``: the API counts arrivals, which jitter by a few milliseconds.
"""

from __future__ import annotations

import collections
import math
import threading
import time
from collections.abc import Callable

DEFAULT_GUARD = 0.012  # seconds added to the one-second window; 30/s becomes 29.64/s


class RateLimiter:
    """Pace calls to ``rate`` per second; slow down after a 429, then recover gradually."""

    def __init__(
        self,
        rate: float,
        *,
        guard: float = DEFAULT_GUARD,
        clock: Callable[[], float] = time.monotonic,
        min_rate: float = 0.5,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.target = float(rate)
        self.rate = float(rate)
        self.guard = guard
        self.min_rate = min(min_rate, self.target)
        self._clock = clock
        self._gate = threading.Lock()  # one caller at a time waits for the next slot
        self._state = threading.Lock()
        self._last = -math.inf
        self._recent: collections.deque[float] = collections.deque(maxlen=max(1, int(rate)))
        self._last_cut = -math.inf

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
        """A 429 came back: cut the pace (at most once a second)."""
        now = self._clock()
        with self._state:
            if now - self._last_cut >= 1.0:
                self.rate = max(self.min_rate, self.rate * 0.7)
                self._last_cut = now

    def succeeded(self) -> None:
        """A call went through: win back the pace a little."""
        if self.rate < self.target:
            with self._state:
                self.rate = min(self.target, self.rate + self.target * 0.01)
