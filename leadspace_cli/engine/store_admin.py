"""The answer store's housekeeping: its figures, clearing, erasing a person, filing a rotated key's
answers under the current credentials. A base of :class:`~leadspace_cli.engine.store.Store`."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leadspace_cli.engine.erasure import Found, _damaged_mentions, _mentions
from leadspace_cli.engine.identity import Identity, rowid_of


@dataclass(frozen=True)
class Cleared:
    """What :meth:`StoreAdmin.clear` did."""

    answers: int  # deleted
    answer_bytes: int  # what they took in the store (compressed)
    before: int  # the database's size before (its pages, those in the write-ahead log included)
    after: int  # and after
    compacted: bool  # the file was rewritten and its log emptied: ``before - after`` was given back

    @property
    def freed(self) -> int:
        """The bytes given back to the disk (0 while another connection holds the store)."""
        return max(0, self.before - self.after) if self.compacted else 0


class StoreAdmin:
    """Housekeeping over the store's connection; the store itself provides what is declared here."""

    path: Path
    identity: Identity
    relinker: Callable[[], Identity | None] | None  # identity_for with the links read again
    has_answers: bool
    _db: sqlite3.Connection
    _lock: threading.Lock
    _legacy: bool
    _program: int
    _tmp: Any

    def _table_has_rows(self, table: str) -> bool:
        raise NotImplementedError  # the store's

    def _unpack(self, data: bytes) -> tuple[str, str, str]:
        raise NotImplementedError  # the store's

    def _write(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError  # the store's

    def key(self, body: dict[str, Any]) -> tuple[bytes, str]:
        raise NotImplementedError  # the store's

    def close(self) -> None:
        raise NotImplementedError  # the store's

    def bought_since(self, when: float) -> int:
        """Return how many answers this partition bought (200s stored) since a time."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM answer WHERE program = ? AND status = 200 AND stored >= ?",
                (self._program, int(when)),
            ).fetchone()
        return int(row[0])

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
            "format": int(self._db.execute("PRAGMA user_version").fetchone()[0]),
            "answers": count,
            "bytes": size,
            "bytes_per_answer": round(size / count) if count else 0,
            "oldest": min((p["oldest"] for p in programs), default=None),
            "newest": max((p["newest"] for p in programs), default=None),
            "programs": programs,
        }

    def clear(self, older_than: float | None = None) -> Cleared:
        """Delete stored answers (all, or those older than some seconds) and give the disk back.

        ``before`` is the database's own size (its pages, those still in the write-ahead log
        included), not the files': opening the store writes to the log, and that log would otherwise
        count as given back. While another connection (a run) reads the store, the log can be
        neither emptied nor the file shrunk: ``compacted`` is then False, and nothing is given back
        yet.
        """
        cutoff = math.inf if older_than is None else time.time() - older_than
        with self._lock:
            page_size, pages = (
                int(self._db.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_size", "page_count")
            )
            before = page_size * pages
            n, size = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(length(data)), 0) FROM answer WHERE stored < ?", (cutoff,)
            ).fetchone()
            self._db.execute("DELETE FROM answer WHERE stored < ?", (cutoff,))
            if self._legacy:
                legacy, legacy_size = self._db.execute(
                    "SELECT COUNT(*), COALESCE(SUM(length(answer)), 0) FROM answers WHERE stored < ?",
                    (cutoff,),
                ).fetchone()
                n, size = n + legacy, size + legacy_size
                self._db.execute("DELETE FROM answers WHERE stored < ?", (cutoff,))
                self._db.execute("DELETE FROM rendered WHERE key NOT IN (SELECT key FROM answers)")
        compacted = self._compact()
        return Cleared(int(n), int(size), before, self.disk_bytes(), compacted)

    def find(self, text: str) -> Found:
        """Find the stored answers about ``text`` (an e-mail address, a name), here and in the damaged
        copies set aside beside the store.

        Values are compared as a person reads them: decoded from JSON (``N\\u00fa\\u00f1ez`` is
        ``Núñez``), NFC-normalised and case-folded, in the request, the answer and the stored output
        cells. A value equal to ``text`` matches; so does one holding it, when ``text`` has at least
        MIN_SUBSTRING characters.
        """
        needle = Found.fold(text)
        found = Found(text)
        with self._lock:
            rows = self._db.execute("SELECT id, data FROM answer").fetchall()
            legacy = self._db.execute("SELECT key, answer FROM answers").fetchall() if self._legacy else []
        for rowid, data in rows:
            request, answer, rendered = self._unpack(data)
            if _mentions(needle, request, answer, rendered):
                found.ids.append(rowid)
                found.examples.append(request)
        for key, answer in legacy:
            if _mentions(needle, "", answer, ""):
                found.legacy.append(key)
                found.examples.append(answer)
        for copy in sorted(self.path.parent.glob(f"{self.path.name}.damaged-*")):
            if not copy.name.endswith(("-wal", "-shm", ".reading")) and _damaged_mentions(copy, needle):
                found.damaged.append(copy)
        return found

    def forget(self, found: Found) -> bool:
        """Erase what :meth:`find` found; return whether the erasure reached the disk.

        False when another connection (a run) holds the store open: the old pages then stay in the
        write-ahead log, and the file, until it ends.
        """
        with self._lock:
            self._db.execute("PRAGMA secure_delete=ON")  # overwrite, not just unlink, the pages
            self._db.executemany("DELETE FROM answer WHERE id = ?", [(i,) for i in found.ids])
            if found.legacy:
                self._db.executemany("DELETE FROM answers WHERE key = ?", [(k,) for k in found.legacy])
        for copy in found.damaged:  # its readable answers were copied into this store when set aside
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{copy}{suffix}")
        return self._compact()

    def relink(self) -> None:
        """Read the key-program links again (``relinker``): a key alone that another run has since
        seen with its program looks in the program's partition too."""
        if self.relinker is None:
            return
        fresh = self.relinker()
        if fresh is None or fresh.partition == self.identity.partition:
            return
        more = tuple(p for p in (fresh.partition, *fresh.aliases) if p != self.identity.partition)
        self.identity = dataclasses.replace(
            self.identity, aliases=tuple(dict.fromkeys((*self.identity.aliases, *more)))
        )

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
            with self._lock:
                mine = self._db.execute(
                    "SELECT status, stored FROM answer WHERE id = ?", (rowid_of(key),)
                ).fetchone()
            # The new key's own answer stays where it is newer, or where it is a 200 and the old one is
            # not (skeptic 26 F4: today's answers were replaced by 25-day-old ones, and expired early).
            newer = mine is not None and (
                float(mine[1]) >= float(stored) or (mine[0] == 200 and status != 200)
            )
            if not newer:
                self._write(key, int(status), text, request, None, float(stored))
            with self._lock:
                if rowid_of(key) != rowid:
                    self._db.execute("DELETE FROM answer WHERE id = ?", (rowid,))
        return len(rows)

    def _compact(self) -> bool:
        """Checkpoint the write-ahead log and rewrite the file; return whether both completed."""
        with self._lock:
            try:
                busy, logged, copied = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                self._db.execute("VACUUM")
                done = not busy and logged == copied
                if done:  # VACUUM went through the log again
                    busy, logged, copied = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                    done = not busy and logged == copied
            except sqlite3.OperationalError:  # another connection holds the store
                done = False
            self._legacy = self._table_has_rows("answers")
            self.has_answers = self._table_has_rows("answer") or self._legacy
        return done
