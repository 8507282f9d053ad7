"""The purchase ledger: every credit every run of the user spent, for budgets per day and month.

A budget counts what was *bought*, not what the response store holds: ``cache clear``,
``--no-cache``, ``--max-age 0`` and library callers all spend credits the store may not show. So
each call reserves a line in the ledger before it goes (a hold), and its outcome settles the line:
a 200, or an outcome that may have been billed (a timeout, a cut answer), keeps it; any other
answer removes it. A hold whose process is gone (killed, crashed) counts as maybe billed. With
budgets, a reservation is refused when the period's lines (spent and held, by every run of the
program) reach the budget, inside one ``BEGIN IMMEDIATE`` transaction, so N runs at once never
spend more than the budget together.

The engine talks to a ledger through :class:`Ledger` (one backend here: SQLite in WAL mode in the
user's state folder; a Redis backend can be added beside it). The same file keeps the links
between keys and programs (:class:`~leadspace_cli.engine.identity.IdentityLinks`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import threading
import time
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from leadspace_cli.engine.store import _retry_locked
from leadspace_cli.errors import SettingsError

FILENAME = "ledger.sqlite3"
FORMAT = 1  # PRAGMA user_version of the ledger this version writes
KEEP = 400 * 86400.0  # lines older than a year and a month count for no budget
BILLED, HELD = 1, 0


@dataclass(frozen=True)
class Limit:
    """A budget: at most ``credits`` per ``period`` ("day" or "month"); ``name`` is its setting."""

    credits: int
    period: str
    name: str


@dataclass(frozen=True)
class Refusal:
    """Why a reservation was refused: the budget, what was spent in it, and whether calls still hold."""

    limit: Limit
    spent: int
    held: int
    lost: str = ""  # the fleet's ledger could not be reached: the budget cannot be counted

    @property
    def exhausted(self) -> bool:
        """Whether the budget is spent (not just held by calls in flight that may give back), or
        cannot be counted."""
        return self.spent >= self.limit.credits or bool(self.lost)


class Ledger(Protocol):
    """Where purchases are recorded and budgets enforced across runs (and, with Redis, machines)."""

    def reserve(self, program: str, limits: Sequence[Limit]) -> int | Refusal:
        """Hold a credit for a call; return the hold, or the refusal of the first budget it breaks."""
        ...

    def settle(self, hold: int, billed: bool) -> None:
        """The call ended: keep the hold as a purchase (``billed``) or remove it."""
        ...

    def spent(self, program: str, period: str) -> int:
        """Return the credits spent (and held) by a program in the current day or month."""
        ...

    def close(self) -> None:
        """Release the backend."""
        ...


def period_start(period: str, tz: str | None = None, now: float | None = None) -> float:
    """Return when the current day or month began, in local time (or in the time zone ``tz``)."""
    now = time.time() if now is None else now
    if tz:
        local = dt.datetime.fromtimestamp(now, zoneinfo.ZoneInfo(tz))
        day = local.day if period == "day" else 1
        start = dt.datetime(local.year, local.month, day, tzinfo=zoneinfo.ZoneInfo(tz))
        return start.timestamp()
    t = time.localtime(now)
    day = t.tm_mday if period == "day" else 1
    return time.mktime((t.tm_year, t.tm_mon, day, 0, 0, 0, 0, 0, -1))


def _process_space() -> str:
    """Where this process's ids mean something: this boot and this PID namespace (never a colon).

    Containers on one host (with the host's network) share its name and often a copied machine id, but
    each has its own process ids: a process id of another space says nothing here (review 47 F1).
    """
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()[:8]
    except (OSError, UnicodeDecodeError):
        boot = ""
    try:
        space = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        space = 0
    return f"{boot}-{space}".replace(":", "-")


PROCESS_SPACE = _process_space()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone's process: not ours to judge dead
    return True


def _private_folder(folder: Path) -> None:
    """Make the state folder (mode 700) or check that it is a private folder of the user's."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except OSError as exc:
        raise LedgerError(f"cannot make the folder: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise LedgerError("it is not a folder (a link?)")
    if hasattr(os, "getuid"):
        if info.st_uid != os.getuid():
            raise LedgerError(f"the folder belongs to another user (uid {info.st_uid})")
        if stat.S_IMODE(info.st_mode) & 0o077:
            raise LedgerError(
                f"the folder is open to others (mode {stat.S_IMODE(info.st_mode):04o}): chmod 700 it"
            )


def _private_file(path: Path) -> None:
    """Create the ledger file (mode 600) or check it, through a descriptor opened without following links."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        raise LedgerError(f"cannot open {path.name}: {exc.strerror or exc} (a link?)") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LedgerError(f"{path.name} is not a regular file")
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise LedgerError(f"{path.name} belongs to another user (uid {info.st_uid})")
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


class LedgerError(Exception):
    """Why the ledger could not be opened or trusted (turned into a message by :func:`open_ledger`)."""


class LocalLedger:
    """The ledger in one SQLite file of the user's state folder, shared by every run of the user."""

    def __init__(self, folder: Path, tz: str | None = None) -> None:
        self.folder = folder
        self.path = folder / FILENAME
        self.tz = tz
        _private_folder(folder)
        _private_file(self.path)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise LedgerError(str(exc)) from None
        try:
            _retry_locked(self._setup)
        except (sqlite3.Error, LedgerError) as exc:
            self._db.close()
            raise LedgerError(str(exc)) from None

    def _setup(self) -> None:
        db = self._db
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > FORMAT:
            raise LedgerError(f"it was written by a newer leadspace (format {version}): upgrade leadspace")
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(
            "CREATE TABLE IF NOT EXISTS purchase (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " program TEXT NOT NULL, at REAL NOT NULL, state INTEGER NOT NULL, pid INTEGER NOT NULL)"
        )
        db.execute("CREATE INDEX IF NOT EXISTS purchase_program_at ON purchase (program, at)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS link (account TEXT NOT NULL, endpoint TEXT NOT NULL,"
            " program TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (account, endpoint))"
        )
        if version < FORMAT:
            db.execute(f"PRAGMA user_version={FORMAT}")
        columns = {r[1] for r in db.execute("PRAGMA table_info(purchase)")}
        if not {"program", "at", "state", "pid"} <= columns:
            raise LedgerError("its tables are not a ledger's")
        db.execute("DELETE FROM purchase WHERE at < ?", (time.time() - KEEP,))

    # Purchases.

    def _void_dead(self, program: str) -> None:
        """Count the holds of runs that are gone as maybe billed (they may have reached the API)."""
        for partition in self._family(program):
            pids = [
                int(r[0])
                for r in self._db.execute(
                    "SELECT DISTINCT pid FROM purchase WHERE program = ? AND state = ?", (partition, HELD)
                )
            ]
            for pid in pids:
                if not _alive(pid):
                    self._db.execute(
                        "UPDATE purchase SET state = ? WHERE program = ? AND pid = ? AND state = ?",
                        (BILLED, partition, pid, HELD),
                    )

    def reserve(self, program: str, limits: Sequence[Limit]) -> int | Refusal:
        """Hold a credit for a call; return the hold, or the refusal of the first budget it breaks."""
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if limits:
                    self._void_dead(program)
                for limit in limits:
                    spent, held = self._counts(program, period_start(limit.period, self.tz, now))
                    if spent + held >= limit.credits:
                        self._db.execute("COMMIT")
                        return Refusal(limit, spent, held)
                cur = self._db.execute(
                    "INSERT INTO purchase (program, at, state, pid) VALUES (?, ?, ?, ?)",
                    (program, now, HELD, os.getpid()),
                )
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
        assert cur.lastrowid is not None
        return int(cur.lastrowid)

    def _family(self, partition: str) -> list[str]:
        """Return the partitions of one customer: a program's and its keys' (``key:…@endpoint``,
        ``program:…@endpoint``), as the links know them. A key's purchases before it was first seen
        with its program (or after a rekey) count in the program's budget, and the reverse."""
        kind, _, rest = partition.partition(":")
        ident, _, endpoint = rest.rpartition("@")
        if kind == "key":
            row = self._db.execute(
                "SELECT program FROM link WHERE account = ? AND endpoint = ?", (ident, endpoint)
            ).fetchone()
            if row is None:
                return [partition]
            program = str(row[0])
        elif kind == "program":
            program = ident
        else:
            return [partition]
        accounts = self._db.execute(
            "SELECT account FROM link WHERE program = ? AND endpoint = ?", (program, endpoint)
        ).fetchall()
        family = [f"program:{program}@{endpoint}", *(f"key:{a[0]}@{endpoint}" for a in accounts)]
        return family if partition in family else [partition, *family]

    def _counts(self, program: str, since: float) -> tuple[int, int]:
        spent = held = 0
        for partition in self._family(program):
            row = self._db.execute(
                "SELECT COALESCE(SUM(state = 1), 0), COALESCE(SUM(state = 0), 0) FROM purchase"
                " WHERE program = ? AND at >= ?",
                (partition, since),
            ).fetchone()
            spent, held = spent + int(row[0]), held + int(row[1])
        return spent, held

    def settle(self, hold: int, billed: bool) -> None:
        """The call ended: keep the hold as a purchase (``billed``) or remove it."""
        with self._lock:
            if billed:
                self._db.execute("UPDATE purchase SET state = ? WHERE id = ?", (BILLED, hold))
            else:
                self._db.execute("DELETE FROM purchase WHERE id = ?", (hold,))

    def spent(self, program: str, period: str) -> int:
        """Return the credits spent (and held) by a program in the current day or month."""
        with self._lock:
            spent, held = self._counts(program, period_start(period, self.tz))
        return spent + held

    def family(self, partition: str) -> list[str]:
        """Return the partitions whose purchases count in ``partition``'s budget (its own first)."""
        with self._lock:
            family = self._family(partition)
        return [partition, *sorted(p for p in family if p != partition)]

    def programs(self, period: str) -> dict[str, int]:
        """Return the credits each program spent (and held) in the current day or month."""
        with self._lock:
            rows = self._db.execute(
                "SELECT program, COUNT(*) FROM purchase WHERE at >= ? GROUP BY program ORDER BY program",
                (period_start(period, self.tz),),
            ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def move(self, old: str, new: str) -> int:
        """File an old key's purchases under the partition its answers moved to (``cache rekey``):
        one customer, one budget. Return how many."""
        with self._lock:
            return self._db.execute("UPDATE purchase SET program = ? WHERE program = ?", (new, old)).rowcount

    # Links between keys and programs (identity.IdentityLinks).

    def link(self, account: str, endpoint: str, program: str) -> None:
        """Record that a key (its one-way hash) belongs to a program at an endpoint."""
        with self._lock:
            self._db.execute(
                "INSERT INTO link (account, endpoint, program, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (account, endpoint) DO UPDATE SET program = excluded.program, at = excluded.at"
                " WHERE program != excluded.program",
                (account, endpoint, program, time.time()),
            )

    def program_of(self, account: str, endpoint: str) -> str | None:
        """Return the program a key was seen with, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT program FROM link WHERE account = ? AND endpoint = ?", (account, endpoint)
            ).fetchone()
        return None if row is None else str(row[0])

    def accounts_of(self, program: str, endpoint: str) -> list[str]:
        """Return the keys (hashed) seen with a program, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT account FROM link WHERE program = ? AND endpoint = ? ORDER BY at", (program, endpoint)
            ).fetchall()
        return [str(r[0]) for r in rows]

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()


def open_ledger(folder: Path, *, tz: str | None = None, required: bool) -> tuple[LocalLedger | None, str]:
    """Open the ledger in the state folder; return it (or None) and a problem to tell, if any.

    ``required`` (a day or month budget is set): a ledger that cannot be opened or trusted raises
    :class:`SettingsError` (exit 2, before any call): a budget that cannot be counted is not kept.
    Otherwise the run goes on without it and the problem is returned, to be said.
    """
    try:
        return LocalLedger(folder, tz), ""
    except LedgerError as exc:
        problem = f"the purchase ledger in {folder} cannot be used: {exc}"
    if required:
        raise SettingsError(
            f"Stopped before any call: {problem}. A day or month budget is counted there. Fix it, or "
            "set LEADSPACE_STATE_DIR to a private folder of yours (the budgets start from what that "
            "ledger holds)."
        )
    return None, problem + "; this run's purchases are not recorded there"
