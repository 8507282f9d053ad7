"""The response store: every answer, kept durably, so that nothing paid for is paid for again.

SQLite in WAL mode, one row per request, keyed by a hash of the endpoint, the account (a hash of
the key, never the key) and the exact request minus ``external_id``. The file holds personal data:
it is created with mode 600 in a folder of mode 700.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import platformdirs

from leadspace_cli.errors import StoreError

FILENAME = "answers.sqlite3"
DEFAULT_MAX_AGE = 30 * 24 * 3600.0  # enriched data goes stale; a month is a common refresh cycle


def default_dir(env: dict[str, str] | None = None) -> Path:
    """Return the store's folder: LEADSPACE_CACHE_DIR, else the user's cache folder."""
    env = dict(os.environ) if env is None else env
    override = env.get("LEADSPACE_CACHE_DIR", "").strip()
    return Path(override) if override else Path(platformdirs.user_cache_dir("leadspace"))


def account_id(secret: str) -> str:
    """Return a stable, one-way id of the credentials, for keys and reports."""
    return hashlib.sha256(("leadspace-account\n" + secret).encode()).hexdigest()[:24]


def canonical(body: dict[str, Any]) -> str:
    """Return a request as canonical JSON, without external_id (it is not used to match)."""
    rest = {k: v for k, v in body.items() if k != "external_id"}
    return json.dumps(rest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse_age(text: str) -> float:
    """Parse an age such as 30d, 12h, 90m, 3600s or 0 (never reuse) into seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    t = text.strip().lower()
    try:
        if t and t[-1] in units:
            return float(t[:-1]) * units[t[-1]]
        return float(t)
    except ValueError:
        raise StoreError(f"--max-age {text!r} is not an age: use e.g. 30d, 12h or 90m.") from None


class Store:
    """Stored answers by request key. Safe to share between threads."""

    def __init__(self, path: Path | None, *, max_age: float = DEFAULT_MAX_AGE) -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if path is None:
            # Not kept: still lets one run call identical rows once without holding them in memory.
            self._tmp = tempfile.TemporaryDirectory(prefix="leadspace-")
            path = Path(self._tmp.name) / FILENAME
        self.path = path
        self.max_age = max_age
        self._opened = time.time()
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # durable across a crash or kill -9
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, status INTEGER NOT NULL,"
                " answer TEXT NOT NULL, stored REAL NOT NULL)"
            )
            # An answer's output cells, as written once, so that a rerun need not flatten it again.
            # ``sig`` names the output shape (columns, delimiter, options); see RowWriter.
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS rendered (key TEXT NOT NULL, sig TEXT NOT NULL,"
                " text TEXT NOT NULL, PRIMARY KEY (key, sig))"
            )
            # A store with nothing in it (a first run, --no-cache) needs no look-ups at all.
            self.has_answers = self._db.execute("SELECT 1 FROM answers LIMIT 1").fetchone() is not None
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"Cannot open the response store at {path}: {exc}. Choose another folder with "
                "--cache-dir (or LEADSPACE_CACHE_DIR), or run with --no-cache."
            ) from None

    @staticmethod
    def key(endpoint: str, account: str, body: dict[str, Any]) -> str:
        """Return the store key of one request."""
        text = f"{endpoint}\n{account}\n{canonical(body)}"
        return hashlib.sha256(text.encode()).hexdigest()

    def get(self, key: str, sig: str = "") -> tuple[int, str, str | None] | None:
        """Return (HTTP status, answer JSON text, rendered cells for ``sig`` or None) for a key.

        None when nothing fresh (younger than ``max_age``) is stored.
        """
        if not self.has_answers:
            return None
        # Answers from this run are always fresh: identical rows are called once even at max_age 0.
        oldest = min(time.time() - self.max_age, self._opened)
        with self._lock:
            row = self._db.execute(
                "SELECT a.status, a.answer, r.text FROM answers a LEFT JOIN rendered r"
                " ON r.key = a.key AND r.sig = ? WHERE a.key = ? AND a.stored >= ?",
                (sig, key, oldest),
            ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), row[2])

    def put_rendered(self, key: str, sig: str, text: str) -> None:
        """Keep an answer's output cells for one output shape."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO rendered (key, sig, text) VALUES (?, ?, ?)", (key, sig, text)
            )

    def put(self, key: str, status: int, answer: str) -> None:
        """Store an answer durably before its row is reported."""
        with self._lock:
            self.has_answers = True
            self._db.execute(
                "INSERT OR REPLACE INTO answers (key, status, answer, stored) VALUES (?, ?, ?, ?)",
                (key, status, answer, time.time()),
            )
            self._db.execute("DELETE FROM rendered WHERE key = ?", (key,))

    def info(self) -> dict[str, Any]:
        """Return the path, answer count, size and the oldest and newest answer's time."""
        with self._lock:
            count, oldest, newest = self._db.execute(
                "SELECT COUNT(*), MIN(stored), MAX(stored) FROM answers"
            ).fetchone()
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return {"path": str(self.path), "answers": count, "bytes": size, "oldest": oldest, "newest": newest}

    def clear(self, older_than: float | None = None) -> int:
        """Delete stored answers (all, or those older than some seconds); return how many."""
        with self._lock:
            if older_than is None:
                cur = self._db.execute("DELETE FROM answers")
                self._db.execute("DELETE FROM rendered")
            else:
                cur = self._db.execute("DELETE FROM answers WHERE stored < ?", (time.time() - older_than,))
                self._db.execute("DELETE FROM rendered WHERE key NOT IN (SELECT key FROM answers)")
            self._db.execute("VACUUM")
            self.has_answers = self._db.execute("SELECT 1 FROM answers LIMIT 1").fetchone() is not None
            return cur.rowcount

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
    env: dict[str, str], *, no_cache: bool = False, cache_dir: Path | None = None, max_age: str = "30d"
) -> Store:
    """Open the response store: ``cache_dir``, else LEADSPACE_CACHE_DIR, else the user's cache folder.

    With ``no_cache``, a temporary store that lives only as long as the run.
    """
    age = parse_age(max_age)
    if no_cache:
        return Store(None, max_age=age)
    folder = cache_dir or default_dir(env)
    return Store(folder / FILENAME, max_age=age)
