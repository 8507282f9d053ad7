"""The response store: every answer, kept durably, so that nothing paid for is paid for again.

SQLite in WAL mode. Answers belong to the customer's program, not to a key: the store is split into
partitions, one per program (``LEADSPACE_PROGRAM_ID``, else a one-way hash of the key) and normalised
endpoint, so a rotated key or a respelled URL finds what was bought, and programs stay apart.

Each answer is one row: a 16-byte key (a hash of the partition and the request without its
``external_id``; its first 8 bytes are the row id, so no index holds it twice), the status, the time,
and one compressed blob with the request, the answer and its rendered output cells. The blob is raw
deflate with a preset dictionary of field names and typical values (``store_dictionary``, frozen
data), kept in the store itself, so a later version can always read it. The file holds personal
data: mode 600 in a folder of mode 700.

Stores written by leadspace 0.1 (format 1) are migrated lazily: a look-up that misses tries the old
key with the credentials in use and re-files what it finds. A store from a newer version is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sqlite3
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadspace_cli.engine.identity import Identity, canonical
from leadspace_cli.engine.salvage import Damage, _copy_readable, _readable_copy
from leadspace_cli.errors import StoreError

FILENAME = "answers.sqlite3"


FORMAT = 2  # PRAGMA user_version of the store this version writes


DEFAULT_MAX_AGE = 30 * 24 * 3600.0  # enriched data goes stale; a month is a common refresh cycle


_LEVEL = 9  # answers are written once at 30/s and read many times: compress hard


def _dictionary() -> bytes:
    """Return the preset dictionary written into a new store: frozen data, never rebuilt.

    Every store keeps its own copy, so changing this would never make a stored answer unreadable;
    it is frozen all the same (``store_dictionary``), so that the store's size does not depend on
    the sandbox's answers and the store imports nothing of the sandbox.
    """
    from leadspace_cli.engine.store_dictionary import DICTIONARY

    return DICTIONARY


@dataclass
class _Counts:
    migrated: int = 0  # answers re-filed from the 0.1 format
    read_errors: int = 0
    write_errors: int = 0
    last_error: str = ""
    notes: list[str] = field(default_factory=list)


def _rowid(key: bytes) -> int:
    return int.from_bytes(key[:8], "big", signed=True)


class Store:
    """Stored answers by request key, in one partition (``identity``). Safe to share between threads."""

    def __init__(
        self, path: Path | None, *, max_age: float = DEFAULT_MAX_AGE, identity: Identity | None = None
    ) -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if path is None:
            # Not kept: still lets one run call identical rows once without holding them in memory.
            self._tmp = tempfile.TemporaryDirectory(prefix=f"leadspace-store-{os.getpid()}-")
            path = Path(self._tmp.name) / FILENAME
        self.path = path
        self.max_age = max_age
        self.identity = identity or Identity("anonymous", "no credentials")
        self.counts = _Counts()
        self._opened = time.time()
        self._lock = threading.Lock()
        self._db = self._connect()
        self._program = self._program_id(self.identity.partition)
        self._zdict = self._load_dictionary()
        self._legacy = self._table_has_rows("answers")
        self.has_answers = self._table_has_rows("answer") or self._legacy

    # Opening.

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)
        except OSError as exc:
            raise self._cannot_open(exc) from None
        try:
            db = self._open_db(path)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise self._cannot_open(exc) from None
            damage = self._salvage(exc)
            self.counts.notes.append(damage.message)
            db = self._open_db(path)
        return db

    def _open_db(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > FORMAT:
                raise StoreError(
                    f"The response store at {path} was written by a newer leadspace (format {version}; "
                    f"this version reads {FORMAT} and older). Upgrade leadspace, or give another "
                    "--cache-dir. The store was not changed."
                )
            page_size, pages = (
                int(db.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_size", "page_count")
            )
            if pages * page_size > path.stat().st_size and not Path(f"{path}-wal").exists():
                raise sqlite3.DatabaseError(
                    f"the file is cut short ({path.stat().st_size:,} bytes of {pages * page_size:,})"
                )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # durable across a crash or kill -9
            db.execute("PRAGMA busy_timeout=10000")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS program (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"
            )
            # id: the key's first 8 bytes; tail: its last 8, checked on every read.
            db.execute(
                "CREATE TABLE IF NOT EXISTS answer (id INTEGER PRIMARY KEY, tail BLOB NOT NULL,"
                " program INTEGER NOT NULL, status INTEGER NOT NULL, stored INTEGER NOT NULL,"
                " sig TEXT, data BLOB NOT NULL)"
            )
            if version < FORMAT:
                db.execute(f"PRAGMA user_version={FORMAT}")
        except BaseException:
            db.close()
            raise
        return db

    def _cannot_open(self, exc: BaseException) -> StoreError:
        return StoreError(
            f"Cannot open the response store at {self.path}: {exc}. Choose another folder with "
            "--cache-dir (or LEADSPACE_CACHE_DIR), or run with --no-cache."
        )

    def _salvage(self, exc: BaseException) -> Damage:
        """Move a damaged store aside and copy what can be read from it into a new one."""
        path = self.path
        aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        new = self._open_db(path)
        recovered = 0
        readable = _readable_copy(aside)
        try:
            old = sqlite3.connect(f"file:{readable}?mode=ro", uri=True) if readable else None
        except sqlite3.Error:
            old = None
        if old is not None:
            for table, columns in (
                ("program", "id, name"),
                ("meta", "name, value"),
                ("answer", "id, tail, program, status, stored, sig, data"),
                ("answers", "key, status, answer, stored"),
            ):
                n = _copy_readable(old, new, table, columns)
                if table in ("answer", "answers"):
                    recovered += n
            old.close()
        if readable is not None:
            readable.unlink(missing_ok=True)
        new.close()
        return Damage(
            f"The response store at {path} was damaged ({exc}): {recovered} stored answers were "
            f"recovered; the damaged file was kept as {aside}.",
            recovered,
        )

    def _table_has_rows(self, table: str) -> bool:
        exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,))
        if exists.fetchone() is None:
            return False
        try:
            return self._db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None  # noqa: S608
        except sqlite3.DatabaseError:
            return False

    def _program_id(self, partition: str) -> int:
        self._db.execute("INSERT OR IGNORE INTO program (name) VALUES (?)", (partition,))
        return int(self._db.execute("SELECT id FROM program WHERE name = ?", (partition,)).fetchone()[0])

    def _load_dictionary(self) -> bytes:
        row = self._db.execute("SELECT value FROM meta WHERE name = 'zdict'").fetchone()
        if row is not None:
            return bytes(row[0])
        zdict = _dictionary()
        self._db.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('zdict', ?)", (zdict,))
        return bytes(self._db.execute("SELECT value FROM meta WHERE name = 'zdict'").fetchone()[0])

    # Blobs.

    def _pack(self, request: str, text: str, rendered: str | None) -> bytes:
        raw = f"{request}\0{text}\0{rendered or ''}".encode()
        co = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, self._zdict)
        return co.compress(raw) + co.flush()

    def _unpack(self, data: bytes) -> tuple[str, str, str]:
        d = zlib.decompressobj(-15, self._zdict)
        request, text, rendered = (d.decompress(data) + d.flush()).decode().split("\0", 2)
        return request, text, rendered

    # Keys and answers.

    def key(self, body: dict[str, Any]) -> tuple[bytes, str]:
        """Return a request's key in this store's partition, and its canonical form."""
        request = canonical(body)
        digest = hashlib.blake2b(f"{self.identity.partition}\n{request}".encode(), digest_size=16).digest()
        return digest, request

    def get(self, key: bytes, sig: str = "", request: str = "") -> tuple[int, str, str | None] | None:
        """Return (HTTP status, answer text, rendered cells for ``sig`` or None) for a key.

        None when nothing fresh (younger than ``max_age``) is stored. With ``request``, an answer
        stored by leadspace 0.1 for the same credentials is found and re-filed.
        """
        if not self.has_answers:
            return None
        # Answers from this run are always fresh: identical rows are called once even at max_age 0.
        oldest = min(time.time() - self.max_age, self._opened)
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT tail, status, stored, sig, data FROM answer WHERE id = ?", (_rowid(key),)
                ).fetchone()
            if row is not None and bytes(row[0]) == key[8:]:
                if row[2] < oldest:
                    return None
                _, text, rendered = self._unpack(row[4])
                return int(row[1]), text, (rendered if row[3] == sig and rendered else None)
            if self._legacy and request:
                return self._migrate(key, request, oldest)
        except (sqlite3.DatabaseError, zlib.error, UnicodeDecodeError, ValueError) as exc:
            self.counts.read_errors += 1
            self.counts.last_error = str(exc)
        return None

    def _migrate(self, key: bytes, request: str, oldest: float) -> tuple[int, str, str | None] | None:
        for endpoint, account in self.identity.legacy:
            old = hashlib.sha256(f"{endpoint}\n{account}\n{request}".encode()).hexdigest()
            with self._lock:
                row = self._db.execute(
                    "SELECT status, answer, stored FROM answers WHERE key = ?", (old,)
                ).fetchone()
            if row is None:
                continue
            status, text, stored = int(row[0]), str(row[1]), float(row[2])
            self._write(key, status, text, request, None, stored)
            with self._lock:
                self._db.execute("DELETE FROM answers WHERE key = ?", (old,))
                with contextlib.suppress(sqlite3.OperationalError):
                    self._db.execute("DELETE FROM rendered WHERE key = ?", (old,))
            self.counts.migrated += 1
            return None if stored < oldest else (status, text, None)
        return None

    def _write(
        self, key: bytes, status: int, text: str, request: str, rendered: tuple[str, str] | None, when: float
    ) -> None:
        sig, cells = rendered if rendered else (None, None)
        data = self._pack(request, text.replace("\0", " "), cells)
        try:
            with self._lock:
                self._db.execute(
                    "INSERT OR REPLACE INTO answer (id, tail, program, status, stored, sig, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (_rowid(key), key[8:], self._program, status, int(when), sig, data),
                )
                self.has_answers = True
        except sqlite3.Error as exc:  # a full disk: the answer still reaches the output
            self.counts.write_errors += 1
            self.counts.last_error = str(exc)

    def put(self, key: bytes, status: int, answer: str, request: str) -> None:
        """Store an answer durably before its row is reported."""
        self._write(key, status, answer, request, None, time.time())

    def put_rendered(self, key: bytes, sig: str, cells: str) -> None:
        """Keep an answer's output cells for one output shape, beside the answer."""
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT tail, status, stored, data FROM answer WHERE id = ?", (_rowid(key),)
                ).fetchone()
            if row is None or bytes(row[0]) != key[8:]:
                return
            request, text, _ = self._unpack(row[3])
        except (sqlite3.DatabaseError, zlib.error, ValueError):
            return
        self._write(key, int(row[1]), text, request, (sig, cells), float(row[2]))

    def bought_since(self, when: float) -> int:
        """Return how many answers this partition bought (200s stored) since a time."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM answer WHERE program = ? AND status = 200 AND stored >= ?",
                (self._program, int(when)),
            ).fetchone()
        return int(row[0])

    # Housekeeping.

    def disk_bytes(self) -> int:
        """Return the bytes the store takes on disk (with its write-ahead log)."""
        return sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())

    def info(self) -> dict[str, Any]:
        """Return the path, the answers per program with their age, and the bytes on disk."""
        with self._lock:
            rows = self._db.execute(
                "SELECT p.name, COUNT(*), MIN(a.stored), MAX(a.stored) FROM answer a"
                " JOIN program p ON p.id = a.program GROUP BY a.program ORDER BY p.name"
            ).fetchall()
            legacy = (
                self._db.execute("SELECT COUNT(*), MIN(stored), MAX(stored) FROM answers").fetchone()
                if self._legacy
                else (0, None, None)
            )
        programs = [{"program": r[0], "answers": r[1], "oldest": r[2], "newest": r[3]} for r in rows]
        if legacy[0]:
            programs.append(
                {
                    "program": "(leadspace 0.1, migrated when used)",
                    "answers": legacy[0],
                    "oldest": legacy[1],
                    "newest": legacy[2],
                }
            )
        count = sum(p["answers"] for p in programs)
        size = self.disk_bytes()
        return {
            "path": str(self.path),
            "format": FORMAT,
            "answers": count,
            "bytes": size,
            "bytes_per_answer": round(size / count) if count else 0,
            "oldest": min((p["oldest"] for p in programs), default=None),
            "newest": max((p["newest"] for p in programs), default=None),
            "programs": programs,
        }

    def clear(self, older_than: float | None = None) -> tuple[int, int]:
        """Delete stored answers (all, or those older than some seconds); return (answers, bytes freed)."""
        before = self.disk_bytes()
        cutoff = math.inf if older_than is None else time.time() - older_than
        with self._lock:
            n = self._db.execute("DELETE FROM answer WHERE stored < ?", (cutoff,)).rowcount
            if self._legacy:
                n += self._db.execute("DELETE FROM answers WHERE stored < ?", (cutoff,)).rowcount
                self._db.execute("DELETE FROM rendered WHERE key NOT IN (SELECT key FROM answers)")
        self._compact()
        return n, max(0, before - self.disk_bytes())

    def forget(self, text: str) -> int:
        """Erase every answer whose request or answer holds ``text`` (an e-mail address, a name)."""
        doomed: list[int] = []
        with self._lock:
            rows = self._db.execute("SELECT id, data FROM answer").fetchall()
        for rowid, data in rows:
            request, answer, _ = self._unpack(data)
            if text in request or text in answer:
                doomed.append(rowid)
        erased = len(doomed)
        with self._lock:
            self._db.execute("PRAGMA secure_delete=ON")  # overwrite, not just unlink, the pages
            self._db.executemany("DELETE FROM answer WHERE id = ?", [(i,) for i in doomed])
            if self._legacy:  # 0.1 answers: the request is not kept, the answer is searched
                erased += self._db.execute(
                    "DELETE FROM answers WHERE instr(answer, ?) > 0", (json.dumps(text)[1:-1],)
                ).rowcount
        self._compact()
        return erased

    def rekey(self, old: Identity) -> int:
        """Re-file the answers of another partition (an old key's) under this store's partition."""
        with self._lock:
            row = self._db.execute("SELECT id FROM program WHERE name = ?", (old.partition,)).fetchone()
            rows = (
                []
                if row is None
                else self._db.execute(
                    "SELECT id, status, stored, data FROM answer WHERE program = ?", (row[0],)
                ).fetchall()
            )
        for rowid, status, stored, data in rows:
            request, text, _ = self._unpack(data)
            key, _ = self.key(json.loads(request))
            self._write(key, int(status), text, request, None, float(stored))
            with self._lock:
                if _rowid(key) != rowid:
                    self._db.execute("DELETE FROM answer WHERE id = ?", (rowid,))
        return len(rows)

    def _compact(self) -> None:
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.execute("VACUUM")
            self._legacy = self._table_has_rows("answers")
            self.has_answers = self._table_has_rows("answer") or self._legacy

    def close(self) -> None:
        """Close the database (and remove it when it was temporary)."""
        with self._lock:
            self._db.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    folder: Path | None, *, max_age: float = DEFAULT_MAX_AGE, identity: Identity | None = None
) -> Store:
    """Open the response store in ``folder`` (resolved by the settings), or, with None, a temporary
    store that lives only as long as the run (``--no-cache``)."""
    if folder is None:
        return Store(None, max_age=max_age, identity=identity)
    return Store(folder / FILENAME, max_age=max_age, identity=identity)
