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
import dataclasses
import json
import math
import os
import stat
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import filelock

DEFAULT_GUARD = 0.010  # seconds added to the one-second window; with LATE below, 30/s becomes 29.64/s
# A slot is recorded this much after its planned time, and later still when the caller wakes later:
# the window counts a call from when it really goes, never before.
LATE = 0.002
MAX_GUARD = 0.12  # a guard wider than this is not jitter: the pace is what must give
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
SHARED_FRESH = 10.0  # a shared pace no run touched for this long is forgotten
LOCK_TIMEOUT = 2.0  # a shared pace locked this long (a stopped process): pace alone from then on
MAX_PACE_BYTES = 256 * 1024  # a pace file is a few KiB; a larger one was not written by a run
MAX_TIMES = 100_000  # entries of a pace's lists (two seconds of slots at the fastest tier)
MAX_RUNS = 1_000  # runs sharing one pace at once
MIN_TARGET = 0.01  # calls per second: a pace read from the file below this is not one a run wrote
MAX_TARGET = 1_000_000.0
SWEEP_AGE = 3600.0  # a pace file untouched this long (seconds) is removed (forgotten after 10 s anyway)


@dataclasses.dataclass
class PaceState:
    """What pacing knows about a program's allowance (shared between runs in shared mode)."""

    target: float
    rate: float
    growing: bool
    guard: float
    ceiling: float
    last: float = -math.inf  # the last slot handed out
    recent: list[float] = dataclasses.field(default_factory=list)  # the slots of the last second
    last_cut: float = -math.inf
    last_probe: float = -math.inf
    ok_times: list[float] = dataclasses.field(default_factory=list)  # answers of the last second
    refused: list[float] = dataclasses.field(default_factory=list)  # 429s of the last second
    bad_guard: float = 0.0  # the widest guard a 429 came through: narrowing stops above it
    runs: dict[str, float] = dataclasses.field(default_factory=dict)  # run id -> last heard of
    updated: float = -math.inf

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        return json.dumps(
            {k: (None if isinstance(v, float) and math.isinf(v) else v) for k, v in data.items()}
        )

    @classmethod
    def from_json(cls, text: str) -> PaceState:
        data = json.loads(text)
        names = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {k: (-math.inf if v is None else v) for k, v in data.items() if k in names}
        state = cls(**values)
        if not (state.rate > 0 and state.target > 0 and 0 <= state.guard <= MAX_GUARD):
            raise ValueError("not a pace")
        return state


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


class RuntimeFolderError(OSError):
    """The runtime folder cannot be trusted (another user's, open to others, not a folder)."""


def _owner(uid: int) -> str:
    try:
        import pwd

        return f"{pwd.getpwuid(uid).pw_name}, uid {uid}"
    except (ImportError, KeyError):
        return f"uid {uid}"


def check_runtime_folder(folder: Path) -> None:
    """Create the runtime folder private (mode 700) if missing; refuse it unless the user's and private.

    Another user who made the folder first (``/dev/shm`` and ``/tmp`` are shared) could read the pace,
    plant a link that a write follows into the user's files, or feed a pace that stalls every run.
    Raise :class:`RuntimeFolderError` saying what is wrong and how to fix it.
    """
    if os.name == "nt":  # a per-user folder under %LOCALAPPDATA%: others have no access to it
        folder.mkdir(parents=True, exist_ok=True)
        return
    with contextlib.suppress(FileExistsError):
        if not folder.parent.exists():
            folder.parent.mkdir(parents=True, mode=0o700)
        folder.mkdir(mode=0o700)
    fix = "or set LEADSPACE_RUNTIME_DIR to a folder of yours that only you can open"
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if os.path.islink(folder):
            raise RuntimeFolderError(
                f"the runtime folder {folder} is a symbolic link: remove it ({fix})"
            ) from None
        raise RuntimeFolderError(
            f"the runtime folder {folder} cannot be opened ({exc.strerror}): {fix}"
        ) from None
    try:
        info = os.fstat(fd)
    finally:
        os.close(fd)
    if info.st_uid != os.geteuid():
        raise RuntimeFolderError(
            f"the runtime folder {folder} belongs to another user ({_owner(info.st_uid)}): it was made "
            f"before you (by mistake or to interfere); have it removed, {fix}"
        )
    if info.st_mode & 0o077:
        raise RuntimeFolderError(
            f"the runtime folder {folder} can be opened by others (mode {stat.S_IMODE(info.st_mode):03o}): "
            f"run `chmod 700 {folder}`, {fix}"
        )


def _open_private(path: Path) -> int:
    """Open (or create, mode 600) a file of the runtime folder; never through a link, never another's."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600)
    try:
        info = os.fstat(fd)
        if os.name != "nt" and (
            not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_nlink != 1
        ):
            raise RuntimeFolderError(f"{path} is not a file of yours alone: not used")
    except BaseException:
        os.close(fd)
        raise
    return fd


def _valid(state: PaceState, now: float) -> str:
    """Return why a pace read from the file cannot be used ("" when it can)."""
    numbers = [state.target, state.rate, state.guard, state.ceiling, state.bad_guard]
    times = [state.last, state.last_cut, state.last_probe, state.updated]
    lists = [state.recent, state.ok_times, state.refused]
    if not isinstance(state.growing, bool) or not isinstance(state.runs, dict):
        return "wrong types"
    if not all(isinstance(v, list) and len(v) <= MAX_TIMES for v in lists) or len(state.runs) > MAX_RUNS:
        return "too many entries"
    times += [t for v in lists for t in v]
    times += list(state.runs.values())
    if not all(isinstance(k, str) for k in state.runs):
        return "wrong types"
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in numbers + times):
        return "wrong types"
    if not all(math.isfinite(v) for v in numbers) or any(math.isnan(t) or t == math.inf for t in times):
        return "not finite"
    if not (MIN_TARGET <= state.target <= MAX_TARGET and MIN_TARGET <= state.rate <= state.target):
        return f"a pace of {state.rate:g}/s for {state.target:g}/s"
    if not (0 <= state.guard <= MAX_GUARD and 0 <= state.bad_guard <= MAX_GUARD and state.ceiling > 0):
        return "a window margin out of range"
    if max(times) > now + 60.0:  # planned slots or news from the future: another clock, or forged
        return "times ahead of this machine's clock"
    return ""


class _Shared:
    """The pace of a program, in a file every run of the user on this machine reads and writes.

    The file and its lock are opened without following links and checked (a regular file of the
    user's, one link) each time.
    """

    shared = True

    def __init__(self, path: Path, fresh: Callable[[float], PaceState], now: float) -> None:
        check_runtime_folder(path.parent)
        self.path = path
        self._fresh = fresh
        self._lock = threading.Lock()
        self._windows_lock = filelock.FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT)
        self.problem = ""  # why the pace found in the file was not used, if it was not
        self.state = fresh(-math.inf)  # the last state seen (for reading figures)
        sweep(path.parent, keep=path)
        with self.open(now):  # read it once now: a damaged or forged pace is said at the start
            pass

    def _read(self, fd: int, now: float) -> PaceState:
        raw = os.read(fd, MAX_PACE_BYTES + 1)
        if not raw:
            return self._fresh(now)  # new
        why = ""
        if len(raw) > MAX_PACE_BYTES:
            why = f"larger than {MAX_PACE_BYTES // 1024} KiB"
        else:
            try:
                state = PaceState.from_json(raw.decode("utf-8"))
            except (ValueError, TypeError, KeyError, RecursionError) as exc:
                why = f"not a pace ({type(exc).__name__})"
            else:
                # Forgotten when no run touched it lately.
                if not (now - SHARED_FRESH < state.updated):
                    return self._fresh(now)
                why = _valid(state, now)
                if not why:
                    return state
        # Half-written by a run killed while writing, or written by something else: start afresh.
        self.problem = f"the shared pace in {self.path} could not be used ({why}): started afresh"
        return self._fresh(now)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[int]:
        """Lock the pace (``PACE.lock``, as earlier versions do, so that they and this one share it)."""
        if os.name == "nt":  # no flock, no O_NOFOLLOW: filelock's lock file in a per-user folder
            with self._windows_lock:
                fd = _open_private(self.path)
                try:
                    yield fd
                finally:
                    os.close(fd)
            return
        import fcntl

        lock_path = Path(f"{self.path}.lock")
        deadline = time.monotonic() + LOCK_TIMEOUT
        pause = 0.0005
        while True:
            lock = _open_private(lock_path)
            try:
                while True:
                    try:
                        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise filelock.Timeout(str(lock_path)) from None
                        time.sleep(pause)  # held for microseconds by another run: a short wait
                        pause = min(pause * 2, 0.01)
                # A sweep may have removed the name between the open and the lock: lock what it names.
                try:
                    same = os.stat(lock_path, follow_symlinks=False).st_ino == os.fstat(lock).st_ino
                except FileNotFoundError:
                    same = False
                if same:
                    fd = _open_private(self.path)
                    try:
                        yield fd
                    finally:
                        os.close(fd)
                    return
            finally:
                os.close(lock)  # closing releases the lock

    @contextlib.contextmanager
    def open(self, now: float) -> Iterator[PaceState]:
        with self._lock, self._locked() as fd:
            state = self._read(fd, now)
            yield state
            state.updated = now
            # Written in place under the lock (a run killed mid-write leaves a file that reads as
            # damaged, and the next run starts afresh); a full disk: this decision is not shared.
            with contextlib.suppress(OSError):
                data = state.to_json().encode()
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, data)
                os.ftruncate(fd, len(data))
            self.state = state


def sweep(folder: Path, keep: Path, *, older: float = SWEEP_AGE) -> int:
    """Remove pace files and their locks that no run wrote for ``older`` seconds; return how many.

    Each ``--sandbox`` run paces its own sandbox, so its file is never met again: without this, the
    runtime folder (memory, in /dev/shm) fills with them. A lock counts as used as long as its pace
    file is written (taking a lock does not touch its time).
    """
    cutoff = time.time() - older
    try:
        names = [n for n in os.listdir(folder) if n.startswith("pace-") and n.endswith((".json", ".lock"))]
    except OSError:
        return 0
    latest: dict[str, float] = {}
    for name in names:
        pace = name.removesuffix(".lock")
        with contextlib.suppress(OSError):
            info = os.stat(folder / name, follow_symlinks=False)
            if os.name != "nt" and info.st_uid != os.geteuid():
                latest[pace] = math.inf  # not ours to remove (the folder check refuses such folders)
            latest[pace] = max(latest.get(pace, -math.inf), info.st_mtime)
    removed = 0
    for name in names:
        pace = name.removesuffix(".lock")
        if pace != keep.name and latest.get(pace, math.inf) < cutoff:
            with contextlib.suppress(OSError):
                os.unlink(folder / name)
                removed += 1
    return removed


def _shared_memory_folder() -> Path | None:
    """On Linux without XDG_RUNTIME_DIR (cron, containers), a folder of this user's in /dev/shm.

    The pace file is written at every call: on a disk under load a write can stall for a fifth of a
    second (measured), holding every call of the run; /run/user/UID and /dev/shm are memory.
    A folder someone else made under that name is not used (:func:`check_runtime_folder`): the run
    paces alone and says so.
    """
    if not sys.platform.startswith("linux") or os.environ.get("XDG_RUNTIME_DIR"):
        return None
    shm = Path("/dev/shm")  # noqa: S108 - a folder of this user, mode 700, checked before use
    if not shm.is_dir():
        return None
    return shm / f"leadspace-{os.getuid()}"


def shared_pace_path(program: str, folder: str | os.PathLike[str] | None = None) -> Path:
    """Return the file where runs pacing calls to one program meet: the user's runtime folder."""
    import hashlib

    import platformdirs

    if folder:
        base = Path(folder)
    elif (shm := _shared_memory_folder()) is not None:
        base = shm
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # no XDG_RUNTIME_DIR and no /dev/shm: /tmp/runtime-UID
            base = Path(platformdirs.user_runtime_dir("leadspace"))
    digest = hashlib.sha256(program.encode()).hexdigest()[:20]
    return base / f"pace-{digest}.json"


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
