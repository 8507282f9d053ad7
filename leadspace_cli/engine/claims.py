"""Claims on questions in flight, so that two runs (or two callers in one process) never buy one answer.

A run claims a question before it takes a pace slot or holds a credit, and keeps the claim until
the answer is stored (a heartbeat refreshes it while retries wait). Another run that meets the
claim waits, holding neither a slot nor a credit, then reads the answer from the store; it buys
the answer itself only when the claim is released without one, when the claimant's process is
gone or stopped beating, or after waiting its ``--outage-limit``.

Claims live beside the response store (runs that share a store share claims). The engine talks to
them through :class:`Claims`; the local backend is a small SQLite file (``claims.sqlite3``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Protocol

from leadspace_cli.engine.ledger import PROCESS_SPACE, _alive
from leadspace_cli.engine.store import _retry_locked

FILENAME = "claims.sqlite3"
STALE = 120.0  # seconds without a heartbeat after which a claim is void (its run hangs or is elsewhere)
BEAT = 10.0  # how often a claim in retries is refreshed


class Claims(Protocol):
    """Questions in flight, shared by the runs that share a store."""

    def claim(self, key: bytes) -> bool:
        """Claim a question; False when another live run holds it."""
        ...

    def held_elsewhere(self, key: bytes) -> bool:
        """Whether another live run holds a claim on the question (a read, no lock)."""
        ...

    def beat(self, key: bytes) -> None:
        """Refresh this run's claim (while it retries)."""
        ...

    def release(self, key: bytes) -> None:
        """Give the claim up (the answer is stored, or will not be bought)."""
        ...

    def close(self) -> None:
        """Release every claim of this run and the backend."""
        ...


class NoClaims:
    """No claims (``--no-cache``: no shared store to find another run's answer in)."""

    def claim(self, key: bytes) -> bool:
        return True

    def held_elsewhere(self, key: bytes) -> bool:
        return False

    def beat(self, key: bytes) -> None:
        pass

    def release(self, key: bytes) -> None:
        pass

    def close(self) -> None:
        pass


class LocalClaims:
    """Claims in a SQLite file beside the response store; one owner per instance (per run)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILENAME
        # The process space in the owner: a process id is judged dead only by a run of the same
        # space (a store shared by containers with their own process ids; review 47 F1).
        self.owner = f"{PROCESS_SPACE}:{uuid.uuid4().hex}"
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._beats: dict[bytes, float] = {}
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        try:
            _retry_locked(self._setup)
        except BaseException:
            self._db.close()
            raise

    def _setup(self) -> None:
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=OFF")  # claims need not survive a power cut
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS claim (key BLOB PRIMARY KEY, owner TEXT NOT NULL,"
            " pid INTEGER NOT NULL, beat REAL NOT NULL)"
        )

    def _live_other(self, row: tuple[str, int, float] | None, now: float) -> bool:
        if row is None or row[0] == self.owner:
            return False
        if now - row[2] >= STALE:
            return False
        space, mark, _ = row[0].rpartition(":")
        return (bool(mark) and space != PROCESS_SPACE) or _alive(int(row[1]))

    def held_elsewhere(self, key: bytes) -> bool:
        with self._lock:
            row = self._db.execute("SELECT owner, pid, beat FROM claim WHERE key = ?", (key,)).fetchone()
        return self._live_other(row, time.time())

    def claim(self, key: bytes) -> bool:
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT owner, pid, beat FROM claim WHERE key = ?", (key,)).fetchone()
                if self._live_other(row, now):
                    self._db.execute("COMMIT")
                    return False
                self._db.execute(
                    "INSERT OR REPLACE INTO claim (key, owner, pid, beat) VALUES (?, ?, ?, ?)",
                    (key, self.owner, self._pid, now),
                )
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            self._beats[key] = now
        return True

    def beat(self, key: bytes) -> None:
        now = time.time()
        with self._lock:
            if now - self._beats.get(key, now) < BEAT:
                return
            self._beats[key] = now
            self._db.execute("UPDATE claim SET beat = ? WHERE key = ? AND owner = ?", (now, key, self.owner))

    def release(self, key: bytes) -> None:
        with self._lock:
            self._beats.pop(key, None)
            self._db.execute("DELETE FROM claim WHERE key = ? AND owner = ?", (key, self.owner))

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("DELETE FROM claim WHERE owner = ?", (self.owner,))
            self._db.close()


def open_claims(folder: Path | None) -> Claims:
    """Open the claims beside the store in ``folder``; None (``--no-cache``): no claims."""
    if folder is None:
        return NoClaims()
    return LocalClaims(folder)
