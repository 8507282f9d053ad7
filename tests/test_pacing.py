"""The rate limiter: never more than N calls in any one-second window, evenly spaced."""

from __future__ import annotations

import itertools
import threading
import time

from leadspace_cli.pacing import RateLimiter


def test_no_window_holds_more_than_the_rate_and_calls_are_spread() -> None:
    limiter = RateLimiter(40)
    stop = threading.Event()
    times: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(10):
            assert limiter.acquire(stop)
            with lock:
                times.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times.sort()
    assert len(times) == 80
    # Times are read just after acquire returns, a few milliseconds of scheduling after the slot.
    for i in range(len(times) - 40):
        assert times[i + 40] - times[i] >= 0.99  # the 41st call is a second after the first
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert sorted(gaps)[len(gaps) // 2] > 0.8 / 40  # evenly spaced: no bursts at a window's edge


def test_stop_releases_every_waiter_quickly() -> None:
    limiter = RateLimiter(2)
    stop = threading.Event()
    results: list[bool] = []

    def worker() -> None:
        results.append(limiter.acquire(stop))

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    stop.set()
    started = time.monotonic()
    for t in threads:
        t.join(timeout=5)
    assert time.monotonic() - started < 1.0
    assert results.count(True) <= 2
    assert not limiter.acquire(stop)


def test_a_429_slows_the_pace_which_then_recovers() -> None:
    limiter = RateLimiter(30)
    limiter.throttled()
    assert limiter.rate == 21
    limiter.throttled()  # at most one cut a second
    assert limiter.rate == 21
    for _ in range(200):
        limiter.succeeded()
    assert limiter.rate == 30
