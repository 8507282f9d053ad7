"""The rate limiter: never more than N calls in any one-second window, spread by random gaps."""

from __future__ import annotations

import bisect
import itertools
import json
import math
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.engine import pace_file, pacing
from leadspace_cli.engine.pace_file import shared_pace_path
from leadspace_cli.engine.pacing import RateLimiter
from leadspace_cli.sandbox import Sandbox


@pytest.mark.slow
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
    assert sorted(gaps)[len(gaps) // 2] > 0.8 * pacing.GAP / 40  # spread: no bursts at a window's edge


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
    assert time.monotonic() - started < 5.0  # generous: the waiters leave at once, not after their slots
    assert results.count(True) <= 2
    assert not limiter.acquire(stop)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeStop(threading.Event):
    """A stop event whose waits move the fake clock on instead of sleeping."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock

    def wait(self, timeout: float | None = None) -> bool:
        self.clock.now += timeout or 0.0
        return self.is_set()


def even() -> float:
    """Slots the whole spacing apart (for tests of when a decision's next slot falls)."""
    return 1.0


def send(limiter: RateLimiter, clock: FakeClock, n: int) -> list[float]:
    """Take ``n`` slots on the fake clock, each call answered 200 at once; return when each went."""
    stop = FakeStop(clock)
    went = []
    for _ in range(n):
        assert limiter.acquire(stop)
        went.append(clock.now)
        limiter.succeeded()
    return went


def refused(limiter: RateLimiter, clock: FakeClock) -> float:
    """Take one slot whose call the gateway refuses (a 429); return when it went."""
    assert limiter.acquire(FakeStop(clock))
    limiter.throttled()
    return clock.now


def send_for(limiter: RateLimiter, clock: FakeClock, seconds: float) -> list[float]:
    until = clock.now + seconds
    went: list[float] = []
    while clock.now < until:
        went += send(limiter, clock, 1)
    return went


def _refused_in_a_row(went: list[float], start: float, limit: int = 30) -> int:
    """How many calls of a steady 10/s client starting at ``start`` a strict one-second window of
    ``limit`` refuses before the first that finds room beside calls that went at ``went``."""
    for n in itertools.count():
        at = start + n / 10
        if bisect.bisect_left(went, at) - bisect.bisect_right(went, at - 1.0) < limit:
            return n
    raise AssertionError  # pragma: no cover


def test_a_steady_client_beside_the_full_pace_finds_room_within_a_few_calls() -> None:
    # Evenly spaced, the room the window leaves comes on a grid 1/30 s apart, and a 10/s client's
    # calls drift 1.2 ms along it each: wherever one is refused, the next dozen are too, all before
    # this run's first 429 tells of it (this run's calls fill the room of the refused ones). Slots
    # apart by random gaps leave the room at random: each call finds it or not as by a coin.
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    went = [t + pacing.LATE for t in send(limiter, clock, 600)]
    refused = [_refused_in_a_row(went, went[0] + 5 + i / 6) for i in range(60)]
    # In 100 runs: random gaps 0-13 starts of 60 and 75-158 refused in all; evenly spaced (the
    # gaps a test can pass) 22-33 starts and 326-515 refused.
    assert sum(n > 5 for n in refused) <= 16
    assert sum(refused) <= 220


def test_slots_are_random_gaps_apart_and_the_window_keeps_the_rate() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    went = send(limiter, clock, 901)
    gaps = [b - a for a, b in itertools.pairwise(went)]
    # The first 30 calls' gaps are random shares of the even spacing (adding up to all of it); the
    # later calls keep their pattern, a second and the guard on.
    assert len({round(g, 4) for g in gaps[:29]}) > 20  # not one spacing
    assert min(gaps) >= 0.8 * pacing.GAP / 30  # never a burst
    assert sum(gaps[:29]) == pytest.approx(29 / 30, abs=1 / 30)
    assert all(went[i + 30] - went[i] >= 1 + pacing.DEFAULT_GUARD for i in range(len(went) - 30))
    assert went[900] - went[870] == pytest.approx(went[90] - went[60])  # the pattern is kept
    rate = 840 / (went[900] - went[60])  # 28 windows' calls, past the start
    assert 29.5 < rate <= 30 / (1 + pacing.DEFAULT_GUARD)  # a shorter gap takes no call more


def test_a_pace_between_whole_numbers_is_kept_not_rounded_up() -> None:
    # 11 calls in a window of 10.5/s: the window alone would let 10.9/s through with short gaps.
    clock = FakeClock()
    limiter = RateLimiter(10.5, clock=clock)
    went = send(limiter, clock, 400)
    assert 10.4 < 385 / (went[396] - went[11]) <= 10.5 + 1e-6  # 35 windows of 11 calls


def test_a_429_at_the_allowance_jumps_the_guard_and_quiet_narrows_it() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 60)  # two seconds at the full pace: the window is the run's own calls
    refused(limiter, clock)
    assert limiter.rate == 30  # the run's calls filled the window: jitter, not a shared allowance
    assert limiter.guard == pacing.JUMP_GUARD  # at once: stepping costs 429s (another client's too)
    widened = limiter.guard
    send_for(limiter, clock, 40)
    assert limiter.rate == 30
    assert limiter.guard < widened  # quiet seconds win the margin back


def test_a_second_429_through_the_wide_margin_is_another_client_cut_deep_and_step_aside() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 60)
    refused(limiter, clock)  # the other client's first call got in: jitter, as far as one can tell
    send(limiter, clock, 3)
    cut = refused(limiter, clock)  # and another, through the wide margin: someone else is there
    # What got through overstates what is left (the other client was refused meanwhile): deeper
    # than a margin under it, and a pause so that the other client's calls find room at once.
    assert limiter.rate == pytest.approx(pacing.DEEP * 30)
    [next_call] = send(limiter, clock, 1)
    assert next_call - cut >= pacing.YIELD - 0.01
    assert "shared" in limiter.explain()


def test_the_first_429_at_the_allowance_also_leaves_a_few_slots_free() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 60)
    sent = refused(limiter, clock)
    [next_call] = send(limiter, clock, 1)
    assert next_call - sent >= 0.09  # three slots left free: room for another client's calls at once


def test_a_probe_that_held_doubles_the_next_one_so_the_allowance_is_taken_back_in_seconds() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 20)
    refused(limiter, clock)  # settled at 18.6/s: the other client is there
    settled = limiter.rate
    send_for(limiter, clock, pacing.HOLD + 0.5)
    assert limiter.rate == pytest.approx(settled + pacing.PROBE_MIN)
    send_for(limiter, clock, pacing.QUIET + 0.5)  # no 429: the other client went
    assert limiter.rate == pytest.approx(settled + 3 * pacing.PROBE_MIN)  # twice the step
    send_for(limiter, clock, pacing.QUIET + 0.5)
    assert limiter.rate == 30  # the whole allowance again, 10 s after the first probe


def test_a_429_long_after_the_first_widens_the_margin_again_and_keeps_the_pace() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 60)
    refused(limiter, clock)
    send_for(limiter, clock, pacing.QUIET + 0.5)  # quiet seconds narrowed the margin
    assert limiter.guard < pacing.JUMP_GUARD
    refused(limiter, clock)  # a stray (a pause on a loaded machine), not another client
    assert limiter.rate == 30
    assert limiter.guard == pacing.JUMP_GUARD


def test_a_429_while_the_window_has_room_settles_a_call_under_what_got_through() -> None:
    # Another client took 10 of the 30 before the run began: the 21st call of its first second is
    # refused. The other client is invisible, and at exactly 20/s the collisions would all be its.
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 20)
    refused(limiter, clock)
    assert limiter.rate == pytest.approx(min(20 - 1, pacing.DEEP * 30))  # 18.6/s
    assert math.ceil(limiter.rate) <= 19  # never 20 in a window: the other client keeps its room


def test_once_settled_it_holds_a_minute_then_probes_in_one_step_and_settles_under_it() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock, gaps=even)  # no pause after the cut: when, to the slot
    send(limiter, clock, 20)
    refused(limiter, clock)
    settled = limiter.rate
    send_for(limiter, clock, pacing.HOLD - 0.5)
    assert limiter.rate == settled  # held: the other client is still there
    send_for(limiter, clock, 1.0)
    probed = limiter.rate
    assert probed == pytest.approx(settled + pacing.PROBE_MIN)  # at once, past what was left
    went = send_for(limiter, clock, 1.0)
    cut = refused(limiter, clock)  # found: the other client is still there
    got_through = sum(1 for t in went if cut - 1.0 < t + pacing.LATE < cut)
    assert limiter.rate == got_through - 2  # two under what got through
    [next_call] = send(limiter, clock, 1)
    assert next_call - cut < pacing.YIELD  # from below: no pause


def test_429s_within_a_second_of_a_cut_wait_for_the_new_pace_to_show() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 20)
    refused(limiter, clock)
    settled = limiter.rate
    send(limiter, clock, 3)
    refused(limiter, clock)  # what got through still counts the calls sent at 30/s
    assert limiter.rate == settled
    send_for(limiter, clock, 1.0)
    refused(limiter, clock)  # a second on: the new pace was not enough
    assert limiter.rate < settled


def test_a_run_with_less_than_half_probes_sooner_and_keeps_a_call_of_each_probe() -> None:
    # Two hosts of the tool on one program, and this one holds the smaller share: the other yields
    # only when one of its own calls is refused, so the small one must gain a little at a time.
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 13)
    refused(limiter, clock)
    small = limiter.rate
    assert pacing.SHARE * 30 <= small < 15  # under half, over a third
    send_for(limiter, clock, pacing.SMALL_HOLD + 1)
    assert pacing.SMALL_HOLD < pacing.HOLD
    assert limiter.rate == pytest.approx(small + pacing.PROBE_MIN)  # probed
    send_for(limiter, clock, 1.0)
    refused(limiter, clock)
    assert limiter.rate == pytest.approx(small + 1)


def settle_at(limiter: RateLimiter, clock: FakeClock, calls: int) -> float:
    """The first collision, after ``calls`` got through in the run's first second: the pace it set."""
    send(limiter, clock, calls)
    refused(limiter, clock)
    return limiter.rate


def share_step(rate: float) -> float:
    """The step up a quiet spell gives a pace under a third of 30/s (see pacing.SHARE)."""
    return pacing.SHARE_STEP * min(
        pacing.SHARE_STEP_MAX, (pacing.SHARE_FAIR * 30 / rate) ** pacing.SHARE_EVEN
    )


def test_under_a_third_each_round_of_429s_takes_a_tenth_and_quiet_adds_a_step() -> None:
    # Four hosts of the tool on one program, nothing shared: what got through says little (a host
    # whose calls went first in the window keeps that room), so the pace gives back in proportion.
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    pace = settle_at(limiter, clock, 8)
    assert pace == 7 < pacing.SHARE * 30
    send_for(limiter, clock, 1.5)
    decided = refused(limiter, clock)
    assert limiter.rate == pytest.approx(pacing.SHARE_CUT * pace)  # a tenth off, not "two under"
    refused(limiter, clock)
    assert limiter.rate == pytest.approx(pacing.SHARE_CUT * pace)  # the same round: one decision
    cut = limiter.rate
    # The last call send_for makes may land up to one gap past its end: stop that far short. A gap
    # is a draw of at most 2 - GAP over the mean of its pattern's draws, at least GAP.
    longest_gap = (2 - pacing.GAP) / pacing.GAP / cut
    send_for(limiter, clock, decided + pacing.SHARE_QUIET - longest_gap - 0.01 - clock.now)
    assert limiter.rate == pytest.approx(cut)  # not yet
    send_for(limiter, clock, 2 * longest_gap + 0.1)
    step = share_step(cut)
    assert 0.5 < step < 1.0  # under a call, not a probe of 3
    assert limiter.rate == pytest.approx(cut + step)
    send_for(limiter, clock, pacing.QUIET + 0.2)
    assert limiter.rate == pytest.approx(cut + step + share_step(cut + step))  # another, a spell on


def first_climb(calls: int) -> tuple[float, float]:
    """A run whose first collision came after ``calls`` got through: its pace, and its first step up."""
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    pace = settle_at(limiter, clock, calls)
    send_for(limiter, clock, pacing.QUIET + 0.3)  # one quiet spell (the first from the run's start)
    return pace, limiter.rate - pace


def test_under_a_third_a_smaller_pace_climbs_faster() -> None:
    # Two thirds of the other's pace: (3/2)**3 times its step; far under, a capped step.
    (small, small_step), (large, large_step) = first_climb(7), first_climb(10)
    assert (small, large) == (6, 9)
    assert large_step < pacing.SHARE_STEP < small_step
    assert small_step == pytest.approx(3.375 * large_step)
    floor, floor_step = first_climb(3)
    assert floor == pytest.approx(pacing.FIRST_FLOOR * 30)
    assert floor_step == pytest.approx(pacing.SHARE_STEP * pacing.SHARE_STEP_MAX)


def test_under_a_third_the_bigger_share_gives_back_more_so_shares_even_out() -> None:
    # Two hosts that settled unevenly in their first second (one started first), then see the same
    # rounds of 429s and quiet spells: the gap between them narrows round by round, faster than the
    # cuts alone narrow it (the smaller one climbs faster), until they are within a call.
    hosts = [(RateLimiter(30, clock=clock), clock) for clock in (FakeClock(), FakeClock())]
    (big, _), (small, _) = hosts
    for (limiter, clock), calls in zip(hosts, (9, 6), strict=True):
        settle_at(limiter, clock, calls)
    gaps = [big.rate - small.rate]
    for _ in range(5):
        for limiter, clock in hosts:
            send_for(limiter, clock, pacing.QUIET + 0.1)  # a step up, each
            refused(limiter, clock)  # a tenth off, each
        gaps.append(big.rate - small.rate)
    assert gaps[0] == 3
    assert all(b < a for a, b in itertools.pairwise(gaps))
    assert gaps[-1] < 3 * pacing.SHARE_CUT**5 / 2
    assert abs(gaps[-1]) < 1.0


def test_the_first_collision_of_a_run_that_started_last_keeps_a_floor() -> None:
    # Four hosts starting in one second: the last got 4 calls through before the window filled.
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    assert settle_at(limiter, clock, 4) == pytest.approx(pacing.FIRST_FLOOR * 30)  # not 3
    later = RateLimiter(30, clock=clock)
    assert settle_at(later, clock, 15) == 14  # a run that got its share: a call under it


def repeated_gaps(pace_calls: int) -> tuple[int, int]:
    """Far into a run settled after ``pace_calls`` got through: how many of its last window's gaps
    between calls are gaps it already left in the four windows before, and the window's size."""
    clock = FakeClock()
    draw = random.Random(pace_calls).uniform  # seeded: the same draws every run
    limiter = RateLimiter(30, clock=clock, gaps=lambda: draw(pacing.GAP, 2 - pacing.GAP))
    window = math.ceil(settle_at(limiter, clock, pace_calls))
    went = send(limiter, clock, 12 * window)
    gaps = [round(b - a, 9) for a, b in itertools.pairwise(went)]
    before = set(gaps[-5 * window : -window])
    return sum(g in before for g in gaps[-window:]), window


def test_under_half_the_allowance_every_windows_calls_take_fresh_gaps() -> None:
    # A kept pattern puts a host's calls first in the room its own accepted calls leave a second
    # later, so the 429s land on the other hosts; fresh gaps share the room (and the 429s) evenly.
    repeated, window = repeated_gaps(8)
    assert window == 7
    assert repeated <= window // 2  # a call held by the window's own spacing may repeat a gap
    # Beside a smaller client (a pace over half the allowance) the pattern is kept.
    repeated, window = repeated_gaps(21)
    assert repeated >= window - 2


def test_a_429_of_a_call_that_took_its_slot_before_the_last_decision_is_old_news() -> None:
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    send(limiter, clock, 60)
    took, answer = threading.Event(), threading.Event()

    def early_call() -> None:  # a call that takes its slot now; its 429 comes later
        assert limiter.acquire(FakeStop(clock))
        took.set()
        answer.wait()
        limiter.throttled()

    early = threading.Thread(target=early_call)
    early.start()
    try:
        took.wait()
        refused(limiter, clock)  # the first 429 at the allowance: the margin widens
        assert limiter.guard == pacing.JUMP_GUARD
    finally:
        clock.now += 0.01
        answer.set()
        early.join()
    assert limiter.rate == 30  # not taken for a second 429 through the wide margin


def test_above_its_share_it_settles_a_twentieth_under_what_got_through() -> None:
    clock = FakeClock()
    limiter = RateLimiter(100, clock=clock, start_rate=100)
    send(limiter, clock, 160)
    went = send(limiter, clock, 60)
    clock.now += 0.5  # 60 got through in the last second, then another client filled the window
    sent = refused(limiter, clock)
    got_through = sum(1 for t in went if sent - 1.0 < t + pacing.LATE < sent)
    assert limiter.rate == pytest.approx(pacing.SETTLE * got_through)


def test_a_rate_above_the_apis_limit_starts_there_and_grows_fast_until_a_429() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1000, clock=clock)
    assert limiter.rate == 30  # no opening burst at 1000/s
    for _ in range(3):
        clock.now += 0.25
        limiter.succeeded()
    assert limiter.rate == 240  # doubled every quarter second
    assert RateLimiter(30).rate == 30
    assert RateLimiter(100, start_rate=100).rate == 100


def test_the_slow_start_learns_the_allowance_from_what_got_through_then_429s_are_jitter() -> None:
    clock = FakeClock()
    limiter = RateLimiter(60, clock=clock)
    went = send_for(limiter, clock, 1.5)  # 30/s, then 60/s
    assert limiter.rate == 60
    sent = refused(limiter, clock)
    allowance = sum(1 for t in went if sent - 1.0 < t + pacing.LATE < sent)
    assert allowance > 30  # the fake gateway refused nothing before
    assert limiter.rate == allowance  # the program's allowance, learned: not halved, no margin
    send_for(limiter, clock, 3)
    assert limiter.rate == allowance  # not growing any more
    refused(limiter, clock)
    assert limiter.rate == allowance  # at the allowance, its own calls in the window: jitter
    assert limiter.guard == pacing.JUMP_GUARD


def test_a_flood_of_429s_halves_the_pace_at_most() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1000, clock=clock, start_rate=1000)
    limiter.throttled()  # nothing of the run's got through: no count to settle under
    assert limiter.rate == 500  # halved, not cut to 1/s
    limiter.throttled()
    assert limiter.rate == 500  # the same moment: one decision


# Runs on one machine share the program's pace through a file (a fake clock, deterministic).


def shared_pair(
    tmp_path: Path, rate_a: float = 30, rate_b: float = 30, gaps: Callable[[], float] | None = None
) -> tuple[FakeClock, RateLimiter, RateLimiter]:
    clock = FakeClock()
    path = shared_pace_path("key:abc@https://api.example", tmp_path)
    return (
        clock,
        RateLimiter(rate_a, clock=clock, shared=path, gaps=gaps),
        RateLimiter(rate_b, clock=clock, shared=path, gaps=gaps),
    )


def test_two_runs_take_turns_and_together_keep_to_the_allowance(tmp_path: Path) -> None:
    clock, a, b = shared_pair(tmp_path)
    stop = FakeStop(clock)
    times: dict[str, list[float]] = {"a": [], "b": []}
    for _ in range(60):
        for name, limiter in (("a", a), ("b", b)):
            assert limiter.acquire(stop)
            times[name].append(clock.now)
    both = sorted(times["a"] + times["b"])
    assert all(y - x >= 0.8 * pacing.GAP / 30 for x, y in itertools.pairwise(both))  # one pace, not two
    for i in range(len(both) - 30):
        assert both[i + 30] - both[i] > 1.0  # never 31 calls in a second, together
    assert len(times["a"]) == len(times["b"])  # in turn: an even share
    assert a.others == 1
    assert "shared with 1 other run" in b.explain()


def test_a_run_with_a_lower_rate_does_not_stretch_the_programs_window(tmp_path: Path) -> None:
    """A review finding: the window every run shares was stretched to 30 calls in 3 s by a run at
    --rate 10 (10.8 calls a second for both together; the other run is not capped)."""
    clock, a, b = shared_pair(tmp_path, 30, 10)
    stop = FakeStop(clock)
    started = clock.now
    for _ in range(60):
        for limiter in (a, a, b):
            assert limiter.acquire(stop)
    assert 180 / (clock.now - started) > 20


def test_a_caller_that_wakes_late_never_gets_two_slots_at_once() -> None:
    """A review finding: the shares run from the planned times, so a caller woken late took the next
    slot at once, then the next (87 zero gaps in 600 calls with some callers 60 ms late)."""
    clock = FakeClock()
    limiter = RateLimiter(30, clock=clock)
    stop = FakeStop(clock)
    went: list[float] = []
    for i in range(600):
        assert limiter.acquire(stop)
        went.append(clock.now)
        if i % 20 == 0:
            clock.now += 0.06  # this caller woke late: the next one reserves after it
    gaps = [b - a for a, b in itertools.pairwise(went)]
    assert min(gaps) >= pacing.GAP / 2 / 30 - pacing.LATE - 1e-9


def test_when_one_run_ends_or_is_killed_the_other_takes_its_share_at_once(tmp_path: Path) -> None:
    clock, a, b = shared_pair(tmp_path, gaps=even)  # how fast, not where each slot falls
    stop = FakeStop(clock)
    for _ in range(30):
        assert a.acquire(stop)
        assert b.acquire(stop)
    # a stops taking slots (it ended, or was killed -9): b alone goes at the full pace.
    started = clock.now
    for _ in range(60):
        assert b.acquire(stop)
    assert 60 / (clock.now - started) > 28.5  # the whole allowance (with its startup guard), not half


def test_a_429_seen_by_one_run_slows_every_run_of_the_program(tmp_path: Path) -> None:
    clock, a, b = shared_pair(tmp_path)
    stop = FakeStop(clock)
    for _ in range(5):  # together 10 in the second: another client took the other 20
        assert a.acquire(stop)
        assert b.acquire(stop)
    refused(a, clock)
    assert a.rate == 9  # both runs' calls counted (a call under them): the machine's
    assert b.acquire(stop)
    assert b.rate == a.rate  # the program's pace, not a's alone


def test_rate_stays_a_per_run_ceiling(tmp_path: Path) -> None:
    clock, slow, fast = shared_pair(tmp_path, rate_a=5, rate_b=30)
    stop = FakeStop(clock)
    slow_times = []
    for _ in range(40):
        assert slow.acquire(stop)
        slow_times.append(clock.now)
        assert fast.acquire(stop)
    assert min(y - x for x, y in itertools.pairwise(slow_times)) >= 1 / 5 - 1e-9


def test_a_damaged_or_stale_shared_file_starts_afresh(tmp_path: Path) -> None:
    clock, a, _ = shared_pair(tmp_path)
    path = shared_pace_path("key:abc@https://api.example", tmp_path)
    path.write_text('{"rate": 3, "targ')  # half-written by a run killed while writing
    assert a.acquire(FakeStop(clock))
    assert a.rate == 30
    state = json.loads(path.read_text())
    state["rate"], state["updated"] = 3.0, clock.now - 3600  # an hour old: no run uses it
    path.write_text(json.dumps(state))
    assert a.acquire(FakeStop(clock))
    assert a.rate == 30


HOLD = (
    "import filelock, sys, time; lock = filelock.FileLock(sys.argv[1]); lock.acquire(); "
    "print(1, flush=True); time.sleep(60)"
)


def hold_lock(path: Path) -> subprocess.Popen[bytes]:
    """Another process that takes the pace file's lock and keeps it."""
    return subprocess.Popen([sys.executable, "-c", HOLD, f"{path}.lock"], stdout=subprocess.PIPE)


def test_a_run_killed_while_holding_the_lock_does_not_hold_up_the_others(tmp_path: Path) -> None:
    path = shared_pace_path("key:abc@https://api.example", tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = hold_lock(path)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == b"1"  # it holds the lock
    holder.kill()  # kill -9
    holder.wait()
    holder.stdout.close()
    limiter = RateLimiter(30, shared=path)
    started = time.monotonic()
    assert limiter.acquire(threading.Event())
    assert time.monotonic() - started < 5.0  # generous: a dead holder's lock is taken over at once
    assert limiter.problem == ""


def test_a_stopped_run_holding_the_lock_leaves_the_others_pacing_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pace_file, "LOCK_TIMEOUT", 0.2)
    path = shared_pace_path("key:abc@https://api.example", tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = hold_lock(path)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"1"
        limiter = RateLimiter(30, shared=path)
        assert limiter.acquire(threading.Event())
        assert "paced alone" in limiter.problem
        assert limiter.acquire(threading.Event())  # and goes on without waiting on the lock again
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()


def test_an_enrich_run_paces_through_the_file_its_program_shares(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    from tests.conftest import invoke, make_leads

    src = make_leads(tmp_path / "in.csv", 5)
    assert invoke("enrich", str(src), "-o", "out.csv", "--no-cache").exit_code == 0
    [pace] = (tmp_path / "runtime").glob("pace-*.json")  # LEADSPACE_RUNTIME_DIR, whatever --no-cache
    state = json.loads(pace.read_text())
    assert len(state["recent"]) == 5  # the run's five calls took their slots there
