"""The rate limiter: at most N calls in any one-second window, spread at random gaps, learning from 429s,
and shared by every run on the machine that calls the same program.

Callers take a slot with :meth:`RateLimiter.acquire` right before each call, retries included, so
that the API never sees more than the allowance. Slots are handed out one at a time: a caller
reserves the next free slot, then waits for it. A guard keeps call ``k + N`` a little more than one
second after call ``k``: the API counts arrivals, which jitter.

The client cannot see when its calls reach the gateway, nor the calls of the program's other clients,
only what the gateway answers to its own calls; each answer is told to the pace with the time its
call was sent (the slot the same thread took), so a decision counts what this machine sent in the
second before the refused call, and a 429 of a call sent before the last decision is old news.

A 429 while pacing at the allowance, with this machine's calls filling the window, may be arrival
jitter: the guard jumps to a margin no jitter of a working network crosses. A second one soon after,
through that margin, or a 429 while the machine's calls leave room in the window, means another
client shares the allowance (the customer's CRM sync, another host, a ``--rate`` above the program's
tier). The other client is invisible, and when the pace sits at exactly what is left the collisions
land on it, not on this run: so the pace settles a margin below what got through
(:data:`SETTLE`), and when it learned the share while above it (the other client was being refused,
what got through overstates what is left) it cuts deeper still and steps aside for a moment. Then it
holds, and probes up by a small step per quiet period: the next 429 is the only sign that the other
client is still there, and it sets the pace again, a margin under what got through.

The allowance belongs to the program, not to a run: runs on one machine that call the same program
keep the pace (the slots, the guard, what the 429s taught) in one small file in the user's runtime
folder, under a cross-platform file lock. Slots are reserved in turn, so concurrent runs share the
allowance evenly, and a run that ends (or is killed) simply stops reserving: the others take up its
share with their next slots. A run's own ``--rate`` stays a ceiling on its own calls.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import math
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock

from leadspace_cli.engine.pace_file import (
    PaceHolder,
    PaceState,
    RuntimeFolderError,
    _Shared,
)

DEFAULT_GUARD = 0.010  # seconds added to the one-second window; with LATE below, 30/s becomes 29.64/s


# A slot is recorded this much after its planned time, and later still when the caller wakes later:
# the window counts a call from when it really goes, never before.
LATE = 0.002


GUARD_STEP = 0.008  # quiet periods narrow the margin by a quarter of this, down to a 429's + half


# The first 429 at the allowance widens the guard at once to this: a network that jitters at all
# jitters by tens of milliseconds, and each second spent finding the margin step by step costs 429s
# (and, when it was another client and not jitter, costs that client 429s too). 30/s with a 48 ms
# margin is still 28.6/s; quiet periods win the margin back.
JUMP_GUARD = 0.048


QUIET = 5.0  # seconds without a 429 before the guard narrows a step, or the pace probes up


# After a collision with another client the pace holds this long before probing up: the other client
# is still there, and every probe that finds it costs it a 429 too (about one in two).
HOLD = 60.0
SMALL_HOLD = 10.0  # with less than half the allowance


# After a collision, the pace is this share of what got through, and at least one call a second
# under it: this machine then never holds as many calls in a one-second window as got through, and
# the other client's calls find the room they found before. (A pace whose window holds exactly what
# is left still refuses the other client now and then, and this run never hears of it: its own
# calls take the room of the other's refused ones.) From below (a probe, or a pace that held), what
# got through is BELOW under it, between one and BELOW_MAX calls a second.
SETTLE = 0.95
BELOW = 0.1
BELOW_MAX = 2.0


# Learned while above its share (the other client was being refused, so what got through overstates
# what is left), the pace is also at most this share of what it was, and steps aside for YIELD seconds
# so that the other client's calls find room at once.
DEEP = 0.62
YIELD = 0.2
JUMP_YIELD = 0.1  # the same after the first 429 at the allowance (three slots at 30/s)


# Where the calls fall in the window. A full window's N calls repeat one second and the guard apart,
# so the first N calls of a pace set where every later one falls, and the room the window leaves
# another client of the program comes a second after each of them. Evenly spaced, that room is a
# grid 1/N apart, and a steady client whose calls fall off it (10/s beside 30/s: its calls drift
# 1.2 ms along the grid each) is refused ten or more times in a row before this run's first 429 tells
# of it. So the first N calls of each pace (a run's start, after an idle spell, after the pace
# changed) are apart by a random share of the even spacing, GAP to 2 - GAP of it: the room then falls
# at random, each of the other client's calls finds it or not as by a coin, and the first one that
# finds it makes this run's next call the 429 that sets the pace. Later calls keep that pattern
# (at least GAP of the spacing apart, never a burst), which costs no call: the window holds the rate.
GAP = 0.5


STARTUP_GUARD = 0.03  # the first calls of a run (threads, connections starting) go less on time


SHARED_GUARD = 0.015  # runs on one machine wake and send with more scheduling delay than one run alone


# A probe raises the pace by this share of the allowance (at least PROBE_MIN calls a second) at once:
# past what is left, so that this run's own calls collide within a second, rather than creeping
# through the range where only the other client's calls are refused. Without a 429 in the next quiet
# period the pace keeps the step, and probes again with twice the step (the other client, or the
# other hosts, went: the allowance is taken back within seconds).
PROBE = 0.1
PROBE_MIN = 3.0


# Under a third of the allowance, the pace is one of several that share it: other hosts of the program
# that share nothing with this one (each its own home, as two cron servers or containers), each
# learning alone. What got through then tells little (the host whose calls went first in the window
# keeps getting through a second later), so the pace does what evens shares without seeing the
# others: each round of 429s (one decision a second) takes a tenth of the pace, and each quiet spell
# (SHARE_QUIET after a 429, then QUIET apart) adds SHARE_STEP calls a second, scaled by how far under
# an even share of four hosts the pace is, to the power SHARE_EVEN (at most SHARE_STEP_MAX times):
# a host at two thirds of the others' pace climbs over three times as fast, so the shares even out
# within a minute whoever started first, and the hosts together climb about a call a second in
# five seconds, which keeps the 429s rare.
SHARE = 1 / 3
SHARE_CUT = 0.9
SHARE_STEP = 0.5
SHARE_QUIET = 3.0
SHARE_EVEN = 3.0
SHARE_FAIR = 0.25
SHARE_STEP_MAX = 3.0


# A pace that shares the allowance so (see SHARE) also draws its calls' gaps afresh for every window,
# rather than keeping its first pattern (GAP below): a kept pattern puts a host's calls first in the
# room its own accepted calls leave a second later, so the 429s land on the same host over and over
# and only that one gives back. Drawn afresh, each host's calls find the room (or the 429s) in
# proportion to how many it sends. (Above, one run beside a smaller client keeps its pattern: it holds
# more of the window.)


# The first collision of a run (many hosts starting in one second) cuts to at least this share of
# the allowance: what got through in that second says who started first, not what is left.
FIRST_FLOOR = 0.15


RUN_ALIVE = 2.0  # a run not heard of for this long has ended (or was killed)


KEEP = 2.0  # seconds of sent and refused times kept: what a decision on a 429 counts


class _Local:
    """The pace of one run alone."""

    shared = False
    problem = ""

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
        remote: Callable[[Callable[[float], PaceState], float], PaceHolder] | None = None,
        gaps: Callable[[], float] | None = None,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.target = float(rate)
        self.base_guard = guard
        self.min_rate = min(min_rate, self.target)
        self._start_rate = start_rate
        self._clock = clock
        # The share of the even spacing a slot keeps from the last while a pace forms its pattern (a
        # test passes a fixed one), the pace it was formed for, and the slots left to form it.
        self._gap = gaps or functools.partial(random.Random().uniform, GAP, 2.0 - GAP)
        self._formed_for = math.nan
        self._shares: collections.deque[float] = collections.deque()
        self.id = uuid.uuid4().hex[:12]
        self.throttles = 0  # rounds of 429s this run saw
        self.others = 0  # the most other runs seen pacing the same program at once
        self.problem = ""  # why the pace could not be shared, if it could not
        self._gate = threading.Lock()  # one caller of this run at a time reserves the next slot
        self._own_last = -math.inf
        self._own_recent: collections.deque[float] = collections.deque(maxlen=max(1, math.ceil(rate)))
        self._sent = threading.local()  # the time this thread's last call went: its answer's
        self._last_429 = -math.inf
        self._calls = 0  # slots this run took
        self._first = math.inf  # when this run's first call went
        self._holder: PaceHolder
        if remote is not None:  # the fleet's pace, in Redis (engine.fleet)
            try:
                self._holder = remote(self._fresh, clock())
                self.problem = self._holder.problem
            except (filelock.Timeout, OSError) as exc:
                self.problem = f"the fleet's pace could not be used ({exc}); paced alone"
                self._holder = _Local(self._fresh, clock())
        elif shared is not None:
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
            limit=0.0 if rate < self.target else self.target,
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
                self._holder = _Local(self._alone(now), now)
                st = stack.enter_context(self._holder.open(now))
            self._join(st, now)
            yield st, now

    def _alone(self, now: float) -> Callable[[float], PaceState]:
        """The pace to go on alone with, when the shared one is lost mid-run: this run's last share
        (the shared pace divided by the runs seen on it), not the whole allowance, so that the runs
        that also lost it do not all take the full rate at once."""
        seen = self._holder.state
        runs = len(seen.runs)
        if runs <= 1 or not math.isfinite(seen.updated):
            return self._fresh
        share = max(self.min_rate, min(seen.rate, self.target) / runs)

        def fresh(at: float) -> PaceState:
            st = self._fresh(at)
            st.rate = st.ceiling = st.limit = st.settled = min(share, st.target)
            st.growing = False
            st.guard = max(st.guard, seen.guard)
            # The slots every run took in the last seconds, on the same clock: the next calls keep
            # the window they fill, instead of opening with a burst beside the other runs' calls.
            st.last, st.recent = seen.last, list(seen.recent)
            return st

        return fresh

    def _join(self, st: PaceState, now: float) -> None:
        if self._holder.shared:
            st.runs[self.id] = now
            for run, seen in list(st.runs.items()):
                if seen < now - RUN_ALIVE:
                    del st.runs[run]  # ended, or killed: it no longer takes slots
            self.others = max(self.others, len(st.runs) - 1)
            if self.target > st.target:
                st.target = self.target
        if st.ok_times:
            st.ok_times = []  # answers counted on arrival (earlier versions); calls now count when sent
        if st.refused and st.refused[0] <= now - KEEP:
            st.refused = [t for t in st.refused if t > now - KEEP]

    def _earliest(self, st: PaceState) -> float:
        # Never under this run's own floor, whatever the shared file says.
        rate = max(min(st.rate, self.target), self.min_rate)
        # The window holds as many calls as the pace allows (the program's, once a 429 taught it),
        # in a second and the guard, or in their time at the pace when that is longer.
        window = max(1, math.ceil(min(st.rate, st.target)))
        guard = max(st.guard, SHARED_GUARD) if len(st.runs) > 1 else st.guard
        if self._calls < 2 * window:
            guard = max(guard, STARTUP_GUARD)  # calls 31-60 against the run's first 30
        # The program's window at the program's pace (this run's own ceiling has its own below: a
        # run with a lower --rate must not stretch the window every run of the program shares).
        span = max(1.0 + guard, window / max(min(st.rate, st.target), self.min_rate))
        if rate != self._formed_for:  # a new pace: its first calls form a new pattern
            self._formed_for = rate
            self._form(window)
        if not self._shares and self._sharing(st):
            self._form(window)  # one of several: every window's calls take fresh gaps (see SHARE)
        share = self._shares[0] if self._shares else GAP
        earliest = st.last + share / rate
        if len(st.recent) >= window:
            earliest = max(earliest, st.recent[-window] + span)
        if st.recent:
            # And never right after the last call that went, when its caller woke late (the shares
            # run from the planned times): at least a quarter of the spacing.
            earliest = max(earliest, st.recent[-1] - LATE + GAP / 2 / rate)
        # This run's own ceiling (--rate), when the program's pace is higher.
        own = self._own_recent.maxlen or 1
        own_span = max(1.0 + guard, own / self.target)
        earliest = max(earliest, self._own_last + share / self.target)
        if len(self._own_recent) == own:
            earliest = max(earliest, self._own_recent[0] + own_span)
        return earliest

    def _form(self, window: int) -> None:
        """Draw the gaps of a pattern's first ``window`` calls: random shares of the even spacing
        that add up to the whole of it (a window's calls take the time they took evenly spaced)."""
        draws = [self._gap() for _ in range(window)]
        mean = sum(draws) / window
        self._shares = collections.deque(d / mean for d in draws)

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
                # The spacing runs from the planned time, so a wake-up delay does not add to every
                # interval; after an idle spell the next slot is now. The window counts the time
                # the call goes.
                if earliest > now - 1.0 / min(st.rate, self.target):
                    planned = earliest
                else:  # idle: the next calls form a new pattern
                    planned = now
                    self._form(max(1, math.ceil(min(st.rate, st.target))))
                if self._shares:
                    self._shares.popleft()
                slot = max(planned, now)
                stamp = slot + LATE
                st.last = planned
                st.recent.append(stamp)
                window = max(1, math.ceil(st.target))
                if len(st.recent) > KEEP * window:  # two seconds' slots: what was sent, for throttled()
                    del st.recent[: len(st.recent) - int(KEEP * window)]
            self._own_last = planned
            self._own_recent.append(stamp)
            self._sent.at, self._sent.reserved = stamp, now
            self._first = min(self._first, stamp)
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
                self._sent.at = actual
            return not stop.is_set()
        finally:
            self._gate.release()

    def _sent_at(self, now: float) -> tuple[float, float]:
        """When the call this thread is told the answer of took its slot, and when it went (now and
        now, for a caller without a slot)."""
        at: float = getattr(self._sent, "at", now)
        reserved: float = getattr(self._sent, "reserved", now)
        return min(reserved, now), min(at, now)

    def _limit(self, st: PaceState) -> float:
        """The program's allowance: learned by the slow start, else the target."""
        return min(st.limit, st.target) if st.limit > 0 else st.target

    def _hold(self, st: PaceState) -> float:
        """How long the pace holds after a collision before probing: a run with less than half the
        allowance probes sooner (another host of the tool may hold the rest: shares even out)."""
        limit = self._limit(st)
        if not st.settled or st.rate >= limit:
            return QUIET
        if self._sharing(st):
            return SHARE_QUIET
        return HOLD if st.rate >= limit / 2 else SMALL_HOLD

    def _sharing(self, st: PaceState) -> bool:
        """Whether the pace settled under a third of the allowance: one of several sharing it."""
        return 0 < st.settled < SHARE * self._limit(st)

    def _step(self, st: PaceState) -> float:
        return max(PROBE_MIN, self._limit(st) * PROBE, st.step)

    def throttled(self) -> None:
        """A 429 came back: widen the guard (jitter), or settle under what got through (a shared
        allowance). Decisions count what was sent in the second before the refused call."""
        now = self._clock()
        reserved, sent = self._sent_at(now)
        with self._state() as (st, now):
            if now - self._last_429 >= 1.0:
                self._last_429 = now
                self.throttles += 1
            st.refused.append(sent)
            if reserved <= st.last_cut:
                # Its slot was taken before the last decision (slots are taken one ahead): the
                # pace it tells of is gone already.
                return
            # What the gateway let through of this machine's calls in the second before this one.
            went = sum(1 for t in st.recent if sent - 1.0 < t < sent)
            accepted = max(0, went - sum(1 for t in st.refused if sent - 1.0 < t < sent))
            # And in the window this machine keeps (a second and the guard): whether its own calls
            # filled it. The last second alone holds one or two fewer when the slots' random gaps
            # fell short just before it.
            span = 1.0 + st.guard
            own = sum(1 for t in st.recent if sent - span < t < sent)
            filled = max(0, own - sum(1 for t in st.refused if sent - span < t < sent))
            limit = self._limit(st)
            cut, st.last_cut = st.last_cut, now
            if st.growing or not st.limit:
                # The slow start went past the program's allowance: what got through in the second
                # before is the allowance (nothing says another client shares it).
                st.growing = False
                st.limit = max(self.min_rate, min(st.rate, float(accepted or math.floor(st.rate / 2))))
                st.rate = st.ceiling = st.limit
                return
            if st.rate >= limit and filled >= limit - 2 and st.guard < JUMP_GUARD:
                # At the allowance, and this machine's calls filled the window: arrival jitter, or
                # another client that just began. The first 429 widens the margin at once; another
                # one through it before quiet seconds narrow it again is another client.
                st.bad_guard = max(st.bad_guard, st.guard)
                st.guard = JUMP_GUARD
                # And a few slots left free, so that another client's calls, if it was one, find
                # room at once instead of colliding until the next 429 tells.
                st.last = max(st.last, now + JUMP_YIELD - GAP / st.rate)
                return
            # The allowance is shared: settle a margin under what got through, so that the other
            # client's calls find room (at exactly the remainder, the collisions are all theirs).
            # Above its share (the first collision), from a probe, or from a pace that held.
            above = not st.settled or st.rate > st.settled + self._step(st) + 1e-9
            probing = not above and st.rate > st.settled
            if not above and not probing and sent < cut + 1.0:
                # The pace was set less than a second ago: what got through still counts the
                # calls of the pace before (the next 429s, if the cut was not enough, will tell).
                st.last_cut = cut
                return
            if self._sharing(st):
                # One of several: a tenth off the pace, whatever got through (see SHARE).
                if sent < cut + 1.0:
                    st.last_cut = cut  # the same round of 429s as the last decision
                    return
                rate = SHARE_CUT * st.rate
            elif accepted <= 2:
                rate = st.rate / 2  # nothing got through to count: halve
            elif above:
                # Learned from above its share: the other client was being refused meanwhile, so
                # what got through overstates what is left. A call under it, at most DEEP of the
                # pace, and a step aside while the window drains.
                rate = min(accepted - max(1.0, (1 - SETTLE) * accepted), DEEP * st.rate)
                if not st.settled:  # the first collision: who started first got through
                    rate = max(rate, FIRST_FLOOR * limit)
                if accepted >= 0.8 * limit:
                    st.last = max(st.last, now + YIELD - GAP / max(rate, self.min_rate))
            elif probing and st.settled < limit / 2:
                # A run with less than half the allowance keeps a little of each probe: when the
                # rest is another host of the tool, that one yields at its next collision and the
                # shares even out (beside a client that never backs off, it claims up to half).
                rate = st.settled + 1.0
            else:
                # From below, this machine's calls took the room of the other client's refused
                # calls before one of its own was refused: what got through overstates what is
                # left, by one or two calls.
                rate = accepted - min(BELOW_MAX, max(1.0, BELOW * accepted))
            st.rate = st.ceiling = st.settled = max(self.min_rate, rate)
            st.step = 0.0

    def succeeded(self) -> None:
        """A call went through: after a quiet period, narrow the guard or probe the pace up."""
        now = self._clock()
        seen = self._holder.state
        hold = self._hold(seen)
        if not seen.growing and (now - seen.last_cut < hold or now - seen.last_probe < QUIET):
            return  # nothing to decide
        with self._state() as (st, now):
            if st.growing:
                if now - st.last_probe >= 0.25:
                    st.last_probe = now
                    st.rate = min(st.target, st.rate * 2)
                    st.growing = st.rate < st.target
                return
            limit = self._limit(st)
            hold = self._hold(st)
            if now - st.last_cut < hold or now - st.last_probe < QUIET:
                return
            if self._sharing(st):
                # One of several: a step up per quiet spell, the larger the further under an even
                # share (see SHARE).
                st.last_probe = now
                under = (SHARE_FAIR * limit / max(st.rate, self.min_rate)) ** SHARE_EVEN
                step = SHARE_STEP * min(SHARE_STEP_MAX, under)
                st.rate = st.ceiling = st.settled = min(limit, st.rate + step)
                st.step = 0.0
                return
            last_probe, st.last_probe = st.last_probe, now
            if st.rate < limit:
                # Rarely, and in one step: the next 429 is the only sign the other client is still
                # there, and it costs that client one too. The pace probed from: quiet since.
                held = last_probe > st.last_cut and st.rate > st.settled  # the last probe held
                st.step = 2 * self._step(st) if held else 0.0
                st.settled = st.rate
                st.rate = min(limit, st.rate + self._step(st))
                st.ceiling = st.rate
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
