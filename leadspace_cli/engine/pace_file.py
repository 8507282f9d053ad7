"""The pace shared by the runs of one machine: a private runtime folder, a validated file opened without
following links, under a lock; stale files swept."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import filelock

MAX_GUARD = 0.12  # a guard wider than this is not jitter: the pace is what must give
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
    ok_times: list[float] = dataclasses.field(default_factory=list)  # (earlier versions; emptied now)
    refused: list[float] = dataclasses.field(default_factory=list)  # sent times of the last 2 s' 429s
    bad_guard: float = 0.0  # the widest guard a 429 came through: narrowing stops above it
    limit: float = 0.0  # the program's allowance as learned (0: not learned, the target)
    settled: float = 0.0  # the pace the last collision with another client left (0: none seen)
    step: float = 0.0  # the next probe's step, when the last one held (0: the first step)
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


class PaceHolder(Protocol):
    """Where a pace is kept: one run's memory, the machine's pace file, or the fleet's Redis."""

    shared: bool
    state: PaceState
    problem: str

    def open(self, now: float) -> contextlib.AbstractContextManager[PaceState]:
        """Hold the pace (under its locks) for a decision; write it back after."""
        ...


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


def read_pace(raw: bytes, now: float, fresh: Callable[[float], PaceState]) -> tuple[PaceState, str]:
    """Return the pace in ``raw`` (a file's or Redis's bytes) and "" , or a fresh pace and why the
    stored one cannot be used (too large, not a pace, out of range). A pace no run touched for
    SHARED_FRESH seconds, or none at all, is a fresh one, with no complaint."""
    if not raw:
        return fresh(now), ""
    if len(raw) > MAX_PACE_BYTES:
        return fresh(now), f"larger than {MAX_PACE_BYTES // 1024} KiB"
    try:
        state = PaceState.from_json(raw.decode("utf-8"))
    except (ValueError, TypeError, KeyError, RecursionError) as exc:  # UnicodeDecodeError too
        return fresh(now), f"not a pace ({type(exc).__name__})"
    if not (now - SHARED_FRESH < state.updated):
        return fresh(now), ""  # forgotten: no run touched it lately
    why = _valid(state, now)
    return (fresh(now), why) if why else (state, "")


def _valid(state: PaceState, now: float) -> str:
    """Return why a pace read from the file cannot be used ("" when it can)."""
    numbers = [state.target, state.rate, state.guard, state.ceiling, state.bad_guard]
    numbers += [state.limit, state.settled, state.step]
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
    if not (0 <= state.limit <= state.target and 0 <= state.settled <= state.target and state.step >= 0):
        return "a learned allowance out of range"
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
        state, why = read_pace(os.read(fd, MAX_PACE_BYTES + 1), now, self._fresh)
        if why:  # half-written by a run killed while writing, or written by something else
            self.problem = f"the shared pace in {self.path} could not be used ({why}): started afresh"
        return state

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


def shared_pace_path(program: str, folder: str | os.PathLike[str]) -> Path:
    """Return the file in the runtime folder (resolved by the settings) where runs pacing calls to
    one program meet."""
    import hashlib

    digest = hashlib.sha256(program.encode()).hexdigest()[:20]
    return Path(folder) / f"pace-{digest}.json"
