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


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_429_at_the_target_widens_the_guard_and_quiet_narrows_it() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    for i in range(30):
        clock.now = 100.0 + i / 30
        limiter.succeeded()
    limiter.throttled()
    assert limiter.rate == 30  # pacing at the target and refused: jitter, not a shared allowance
    assert limiter.guard > 0.012
    widened = limiter.guard
    clock.now += 0.5
    limiter.throttled()  # the same burst: one event
    assert limiter.guard == widened
    for _ in range(1, 40):
        clock.now += 1.0
        limiter.succeeded()
    assert limiter.guard < widened  # quiet seconds win the margin back


def test_a_429_below_the_target_settles_under_what_got_through_then_probes_up_slowly() -> None:
    clock = FakeClock()
    limiter = RateLimiter(60, clock=clock)
    for i in range(30):  # the gateway let 30 through in the last second
        clock.now = 100.0 + i / 30
        limiter.succeeded()
    limiter.throttled()
    assert 28 <= limiter.rate <= 30
    settled = limiter.rate
    clock.now += 1.0
    limiter.succeeded()
    assert limiter.rate == settled  # no probing right after a cut
    for _ in range(4):
        clock.now += 5.0
        limiter.succeeded()
    assert settled < limiter.rate < settled * 1.1  # slowly: a few percent in 20 s
    assert "shared" in limiter.explain()


def test_a_flood_of_429s_halves_the_pace_at_most_once_a_second() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1000, clock=clock, start_rate=1000)
    limiter.succeeded()  # one answer got through in the first second of a flood: an undercount
    limiter.throttled()
    assert limiter.rate == 500  # halved, not cut to 1/s
    limiter.throttled()
    assert limiter.rate == 500  # one cut a second
    clock.now += 1.0
    limiter.throttled()  # nothing got through in the last second: cut by 30%
    assert limiter.rate == 350


def test_a_rate_above_the_apis_limit_starts_there_and_grows_fast_until_a_429() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1000, clock=clock)
    assert limiter.rate == 30  # no opening burst at 1000/s
    for _ in range(3):
        clock.now += 0.25
        limiter.succeeded()
    assert limiter.rate == 240  # doubled every quarter second
    limiter.throttled()  # the first 429 ends the fast growth
    grown = limiter.rate
    clock.now += 0.25
    limiter.succeeded()
    assert limiter.rate == grown
    assert RateLimiter(30).rate == 30
    assert RateLimiter(100, start_rate=100).rate == 100
