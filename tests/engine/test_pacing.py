"""The rate limiter: never more than N calls in any one-second window, evenly spaced."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import threading
import time
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
    assert time.monotonic() - started < 5.0  # generous: the waiters leave at once, not after their slots
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
    assert limiter.guard == pytest.approx(pacing.DEFAULT_GUARD + pacing.GUARD_STEP)  # a stray: one step
    clock.now += 0.5
    limiter.throttled()  # a second one soon after: the network jitters, jump
    assert limiter.guard == pacing.JUMP_GUARD
    widened = limiter.guard
    clock.now += 0.2
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
    assert limiter.rate == settled  # held under what got through: the other client is still there
    clock.now += pacing.CAUTION
    for _ in range(4):
        clock.now += 5.0
        limiter.succeeded()
    assert settled < limiter.rate < settled * 1.1  # then slowly: a few percent in 20 s
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


# Runs on one machine share the program's pace through a file (a fake clock, deterministic).


class FakeStop(threading.Event):
    """A stop event whose waits move the fake clock on instead of sleeping."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock

    def wait(self, timeout: float | None = None) -> bool:
        self.clock.now += timeout or 0.0
        return self.is_set()


def shared_pair(
    tmp_path: Path, rate_a: float = 30, rate_b: float = 30
) -> tuple[FakeClock, RateLimiter, RateLimiter]:
    clock = FakeClock()
    path = shared_pace_path("key:abc@https://api.example", tmp_path)
    return clock, RateLimiter(rate_a, clock=clock, shared=path), RateLimiter(rate_b, clock=clock, shared=path)


def test_two_runs_take_turns_and_together_keep_to_the_allowance(tmp_path: Path) -> None:
    clock, a, b = shared_pair(tmp_path)
    stop = FakeStop(clock)
    times: dict[str, list[float]] = {"a": [], "b": []}
    for _ in range(60):
        for name, limiter in (("a", a), ("b", b)):
            assert limiter.acquire(stop)
            times[name].append(clock.now)
    both = sorted(times["a"] + times["b"])
    assert all(y - x >= 1 / 30 - 1e-9 for x, y in itertools.pairwise(both))  # one pace, not two
    for i in range(len(both) - 30):
        assert both[i + 30] - both[i] > 1.0  # never 31 calls in a second, together
    assert len(times["a"]) == len(times["b"])  # in turn: an even share
    assert a.others == 1
    assert "shared with 1 other run" in b.explain()


def test_when_one_run_ends_or_is_killed_the_other_takes_its_share_at_once(tmp_path: Path) -> None:
    clock, a, b = shared_pair(tmp_path)
    stop = FakeStop(clock)
    for _ in range(30):
        assert a.acquire(stop)
        assert b.acquire(stop)
    # a stops taking slots (it ended, or was killed -9): b alone goes at the full pace.
    started = clock.now
    for _ in range(60):
        assert b.acquire(stop)
    assert 60 / (clock.now - started) > 29.0


def test_a_429_seen_by_one_run_slows_every_run_of_the_program(tmp_path: Path) -> None:
    clock, a, b = shared_pair(tmp_path)
    stop = FakeStop(clock)
    for _ in range(15):
        assert a.acquire(stop)
        a.succeeded()
        assert b.acquire(stop)
        b.succeeded()
    clock.now += 1.5
    for _ in range(6):  # another client took most of the allowance: 6 went through in a second
        a.succeeded()
    a.throttled()
    assert a.rate == 15  # halved at most
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
