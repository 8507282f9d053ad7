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

Each answer records the request rules (``mapping.body.RULES``) its key was built by. A look-up
that misses tries, in order, the request as the earlier rules built it (``Request.earlier``),
then the same requests in the partitions linked to this one (a key's answers, once the key is known
to be a program's), and re-files what it finds under the current key: an upgrade that changes what
is sent, or a program ID set beside a key, buys nothing again.

Stores written by leadspace 0.1 (format 1) are migrated lazily: a look-up that misses tries the old
key with the credentials in use and re-files what it finds. A store from a newer version is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import filelock

from leadspace_cli.engine.identity import Identity, canonical, rowid_of
from leadspace_cli.engine.salvage import Damage, _copy_readable, _readable_copy
from leadspace_cli.engine.store_admin import StoreAdmin
from leadspace_cli.errors import StoreError, counted
from leadspace_cli.mapping.body import RULES

if TYPE_CHECKING:
    from leadspace_cli.engine.fleet import Fleet

FILENAME = "answers.sqlite3"
OPEN_TIMEOUT = 60.0  # another run opening the store (or moving a damaged one aside) this long

T = TypeVar("T")


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
    refiled: int = 0  # answers found under the previous rules' key or a linked partition
    read_errors: int = 0
    write_errors: int = 0
    last_error: str = ""
    notes: list[str] = field(default_factory=list)


def _retry_locked(open_db: Callable[[], T]) -> T:
    """Open a database, again while another process is creating it or switching it to WAL.

    Two runs started at the same moment on a fresh store: the switch to WAL takes a lock that
    SQLite's busy timeout does not wait for, so one of them was told "database is locked" (exit 2).
    """
    for attempt in range(50):
        try:
            return open_db()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.05 + 0.01 * attempt)
    raise AssertionError("unreachable")


def _digest(partition: str, request: str) -> bytes:
    return hashlib.blake2b(f"{partition}\n{request}".encode(), digest_size=16).digest()


class Store(StoreAdmin):
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
        # Whether a later run finds this run's answers and reuses them (not with --no-cache, and not
        # with --max-age 0, which reuses nothing from an earlier run).
        self.keeps = self._tmp is None and max_age > 0
        self.identity = identity or Identity("anonymous", "no credentials")
        self.relinker: Callable[[], Identity | None] | None = None  # identity_for with fresh links
        self.counts = _Counts()
        self._opened = time.time()
        self._lock = threading.Lock()
        self._db = self._connect()
        self._program = self._program_id(self.identity.partition)
        self._zdict = self._load_dictionary()
        self._legacy = self._table_has_rows("answers")
        self.has_answers = self._table_has_rows("answer") or self._legacy
        # The fleet's answers (engine.fleet, with LEADSPACE_REDIS_URL): asked after a local miss,
        # and given every answer bought.
        self.remote: Fleet | None = None
        self._rotation_note()

    # Opening.

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._check_folder(path.parent)
            self._check_file(path)
        except OSError as exc:
            raise self._cannot_open(exc) from None
        # One run at a time opens the store (short): a run creating it has written its tables before
        # another looks at it, and a store found damaged is moved aside by one run while no other
        # is deciding the same. Without it, eight runs starting together on a fresh store once took
        # it for cut short, and one moved aside the file the others were writing (exit 6).
        opening = filelock.FileLock(f"{path}.lock", timeout=OPEN_TIMEOUT, mode=0o600)
        try:
            opening.acquire()
        except filelock.Timeout:
            raise StoreError(
                f"Another leadspace run has held the response store at {path} for {OPEN_TIMEOUT:.0f} s while "
                f"opening it (its lock file {path}.lock): wait for it and run again, or give this run "
                "another --cache-dir (or --no-cache)."
            ) from None
        except OSError as exc:
            raise self._cannot_open(exc) from None
        try:
            try:
                db = _retry_locked(lambda: self._open_db(path))
            except sqlite3.OperationalError as exc:
                # Locked, read-only, unable to open, an I/O error: the store is not damaged, and
                # moving it aside would lose nothing but could fail or hide the real cause.
                raise self._cannot_open(exc) from None
            except sqlite3.DatabaseError as exc:  # not a database, malformed, cut short: damaged
                try:
                    damage = self._salvage(exc)
                except (OSError, sqlite3.Error) as again:
                    raise self._cannot_open(again) from None
                self.counts.notes.append(damage.message)
                db = self._open_db(path)
        finally:
            opening.release()
        return db

    def _check_folder(self, folder: Path) -> None:
        """Refuse a cache folder someone else owns; make one of ours private (mode 700).

        The store is personal data, and a folder another user can write lets them swap the store
        for a link or a file of theirs between our checks.
        """
        st = os.stat(folder)
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            raise StoreError(
                f"The cache folder {folder} belongs to another user (uid {st.st_uid}): the response "
                "store holds personal data and is kept only in a folder of yours. Choose another "
                "folder with --cache-dir (or LEADSPACE_CACHE_DIR), or run with --no-cache."
            )
        if os.name == "posix" and st.st_mode & 0o077:
            os.chmod(folder, 0o700)  # ours, made by an older version or by hand: close it to others

    def _check_file(self, path: Path) -> None:
        """Create or open the store without following a link; refuse what is not a file of ours."""
        nofollow = getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | nofollow, 0o600)
        except OSError as exc:
            if path.is_symlink():
                raise StoreError(
                    f"The response store {path} is a symbolic link: refused (leadspace opens its store "
                    "only as a file of its own, never a link's target). Remove the link, or choose "
                    "another folder with --cache-dir."
                ) from None
            raise self._cannot_open(exc) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or (hasattr(os, "geteuid") and st.st_uid != os.geteuid()):
                raise StoreError(
                    f"The response store {path} is not a file of yours: refused. Remove it, or choose "
                    "another folder with --cache-dir (or LEADSPACE_CACHE_DIR)."
                )
            if os.name == "posix" and st.st_mode & 0o777 != 0o600:
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)

    def _open_db(self, path: Path) -> sqlite3.Connection:
        # Before connecting (reading a store in WAL mode creates its log at once): a log or shared
        # memory file means another connection uses the store now (a run creating it, pages still in
        # its log), where a file shorter than its page count is not a cut one.
        in_use = any(os.path.exists(f"{path}{suffix}") for suffix in ("-wal", "-shm"))
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        try:
            # Nothing stored runs: no functions with side effects from the schema, no triggers or views.
            db.execute("PRAGMA trusted_schema=OFF")
            odd = db.execute(
                "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') LIMIT 1"
            ).fetchone()
            if odd is not None:
                raise StoreError(
                    f"The response store at {path} holds a {odd[0]} ({odd[1]!r}), which leadspace never "
                    "writes: refused, so that nothing in it runs. Move it away (answers are then bought "
                    "again), or choose another --cache-dir."
                )
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
            if pages * page_size > path.stat().st_size and not in_use and not self._in_log(db):
                # Measured again after the checkpoint: another run may have just moved its pages
                # from the log into the file (its log then restarts empty): seen once in 25 runs
                # of eight starting together, told "cut short (0 bytes of 16,384)".
                pages = int(db.execute("PRAGMA page_count").fetchone()[0])
                size = path.stat().st_size
                if pages * page_size > size:
                    raise sqlite3.DatabaseError(
                        f"the file is cut short ({size:,} bytes of {pages * page_size:,})"
                    )
            if pages == 0:
                # 16 KiB pages: answers of 1-2 KB inserted in key order (random) fill 4 KiB pages
                # badly (two rows a page); measured 0.59x of the JSON instead of 0.71x on answers of
                # a shape the dictionary never saw (BENCHMARKS.md). Existing stores keep theirs.
                db.execute("PRAGMA page_size=16384")
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
            columns = {r[1] for r in db.execute("PRAGMA table_info(answer)")}
            if "rules" not in columns:  # NULL: an answer keyed by rules 1 (leadspace 0.2.0)
                with contextlib.suppress(sqlite3.OperationalError):  # another run added it first
                    db.execute("ALTER TABLE answer ADD COLUMN rules INTEGER")
            if version < FORMAT:
                db.execute(f"PRAGMA user_version={FORMAT}")
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _in_log(db: sqlite3.Connection) -> bool:
        """Whether pages of the store are in its write-ahead log (another connection creating or
        writing it): then the main file may be shorter than the page count without being cut."""
        try:
            _, frames, _ = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.OperationalError:  # locked by the writer: it is in use
            return True
        return int(frames) > 0

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
            f"The response store at {path} was damaged ({exc}): "
            f"{counted(recovered, 'stored answer was', 'stored answers were')} recovered; the damaged "
            f"file was kept as {aside}.",
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

    def _rotation_note(self) -> None:
        """After a key rotation without a program ID: say that ``cache rekey`` reuses the old answers."""
        partition = self.identity.partition
        if not partition.startswith("key:") or self.identity.aliases or not self.has_answers:
            return
        endpoint = partition.partition("@")[2]
        with self._lock:
            if self._db.execute(
                "SELECT 1 FROM answer WHERE program = ? LIMIT 1", (self._program,)
            ).fetchone():
                return
            others = self._db.execute(
                "SELECT p.name FROM program p WHERE p.id != ? AND p.name LIKE 'key:%' AND"
                " substr(p.name, instr(p.name, '@') + 1) = ? AND"
                " EXISTS (SELECT 1 FROM answer a WHERE a.program = p.id)",
                (self._program, endpoint),
            ).fetchall()
        if others:
            self.counts.notes.append(
                f"The store holds answers bought with {len(others)} other key(s) at {endpoint}, and none "
                "with this one: after a key rotation, `leadspace cache rekey --old-key-env "
                "LEADSPACE_OLD_API_KEY` (the old key in that variable) files them under this key, so "
                "they are not bought again. Setting LEADSPACE_PROGRAM_ID beside the key makes every "
                "key of the program one customer from then on."
            )

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
        return _digest(self.identity.partition, request), request

    def get(
        self, key: bytes, sig: str = "", request: str = "", body: dict[str, Any] | None = None
    ) -> tuple[int, str, str | None] | None:
        """Return (HTTP status, answer text, rendered cells for ``sig`` or None) for a key.

        None when nothing fresh (younger than ``max_age``) is stored. With ``body`` (a
        ``Request``), the request as the earlier rules built it and the linked partitions are
        tried too; with ``request``, an answer stored by leadspace 0.1 for the same credentials.
        What is found elsewhere is re-filed under ``key``.
        """
        if not self.has_answers and self.remote is None:
            # Another run sharing the store may have written since it was opened (claims wait for it).
            with self._lock:
                self.has_answers = self._table_has_rows("answer")
            if not self.has_answers:
                return None
        # Answers from this run are always fresh: identical rows are called once even at max_age 0.
        oldest = min(time.time() - self.max_age, self._opened)
        try:
            row = self._row(key)
            if row is not None:
                if row[1] < oldest:
                    return None
                _, text, rendered = self._unpack(row[3])
                return row[0], text, (rendered if row[2] == sig and rendered else None)
            if body is not None and (found := self._elsewhere(key, request, body, oldest)) is not None:
                return found
            if self._legacy and request and (found := self._migrate(key, request, oldest)) is not None:
                return found
            if self.remote is not None and request:
                return self._from_fleet(key, request, oldest, body)
        except (sqlite3.DatabaseError, zlib.error, UnicodeDecodeError, ValueError) as exc:
            self.counts.read_errors += 1
            self.counts.last_error = str(exc)
        return None

    def _from_fleet(
        self, key: bytes, request: str, oldest: float, body: dict[str, Any] | None = None
    ) -> tuple[int, str, str | None] | None:
        """Ask the fleet's Redis, for the request and as the earlier rules built it (another host
        bought it before an upgrade); keep what it has in the local store too, under ``key``."""
        assert self.remote is not None
        asks = [(key, request)]
        for earlier in getattr(body, "earlier", ()):
            asked = canonical(earlier)
            asks.append((_digest(self.identity.partition, asked), asked))
        for ask, asked in asks:
            found = self.remote.get(ask, asked, oldest)  # None too when Redis is lost
            if found is not None:
                status, text, stored = found
                self._write(key, status, text, request, None, stored)
                return status, text, None
        return None

    def _row(self, key: bytes) -> tuple[int, float, str | None, bytes] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT tail, status, stored, sig, data FROM answer WHERE id = ?", (rowid_of(key),)
            ).fetchone()
        if row is None or bytes(row[0]) != key[8:]:
            return None
        return int(row[1]), float(row[2]), row[3], bytes(row[4])

    def claim_keys(self, key: bytes, request: str) -> list[bytes]:
        """Return the keys a question is claimed under: this partition's and each linked key's, so
        that a run of the program and a run of its key alone (not knowing the program) meet. They are
        taken in one order for every run (their bytes'), so two runs never each hold one and wait
        for the other (review 47 F3)."""
        linked = {a for a in self.identity.aliases if a.startswith("key:") and a != self.identity.partition}
        return sorted({key, *(_digest(alias, request) for alias in linked)})

    def alternates(self, body: dict[str, Any]) -> list[bytes]:
        """Return the other keys a request may be stored under: the earlier rules', linked partitions'."""
        requests = [canonical(body), *(canonical(earlier) for earlier in getattr(body, "earlier", ()))]
        keys = [
            _digest(partition, request)
            for partition in (self.identity.partition, *self.identity.aliases)
            for request in requests
        ]
        return keys[1:]

    def _elsewhere(
        self, key: bytes, request: str, body: dict[str, Any], oldest: float
    ) -> tuple[int, str, str | None] | None:
        for other in self.alternates(body):
            row = self._row(other)
            if row is None or row[1] < oldest:
                continue
            status, stored, _, data = row
            _, text, _ = self._unpack(data)
            self._write(key, status, text, request or canonical(body), None, stored)
            self.counts.refiled += 1
            return status, text, None
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
                    "INSERT OR REPLACE INTO answer (id, tail, program, status, stored, sig, data, rules)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (rowid_of(key), key[8:], self._program, status, int(when), sig, data, RULES),
                )
                self.has_answers = True
        except sqlite3.Error as exc:  # a full disk: the answer still reaches the output
            self.counts.write_errors += 1
            self.counts.last_error = str(exc)

    def put(self, key: bytes, status: int, answer: str, request: str) -> None:
        """Store an answer durably before its row is reported (and share it with the fleet)."""
        now = time.time()
        self._write(key, status, answer, request, None, now)
        if self.remote is not None:
            self.remote.put(key, status, answer, request, now)  # lost: kept here, said by the run

    def put_rendered(self, key: bytes, sig: str, cells: str) -> None:
        """Keep an answer's output cells for one output shape, beside the answer."""
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT tail, status, stored, data FROM answer WHERE id = ?", (rowid_of(key),)
                ).fetchone()
            if row is None or bytes(row[0]) != key[8:]:
                return
            request, text, _ = self._unpack(row[3])
        except (sqlite3.DatabaseError, zlib.error, ValueError):
            return
        self._write(key, int(row[1]), text, request, (sig, cells), float(row[2]))

    # Housekeeping.

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


def store_exists(folder: Path) -> bool:
    """Return whether ``folder`` holds a response store (or something in its place: a link)."""
    return os.path.lexists(folder / FILENAME)


def open_store(
    folder: Path | None, *, max_age: float = DEFAULT_MAX_AGE, identity: Identity | None = None
) -> Store:
    """Open the response store in ``folder`` (resolved by the settings), or, with None, a temporary
    store that lives only as long as the run (``--no-cache``)."""
    if folder is None:
        return Store(None, max_age=max_age, identity=identity)
    return Store(folder / FILENAME, max_age=max_age, identity=identity)
