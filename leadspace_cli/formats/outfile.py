"""The output file discipline: a temporary name, a lock, fsync and rename, or kept aside."""

from __future__ import annotations

import contextlib
import glob
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import filelock

from leadspace_cli.errors import LeadspaceError, OutputError
from leadspace_cli.formats.rows import Row, Source
from leadspace_cli.formats.sources import open_source
from leadspace_cli.formats.writers import RowWriter, SheetRowWriter
from leadspace_cli.results import Result, RowResult


class OutputFile(contextlib.AbstractContextManager["OutputFile"]):
    """The output: a regular file is written under a unique temporary name beside it and renamed
    into place by :meth:`commit`; anything else (stdout, a pipe, ``/dev/null``) is written directly.

    - A symlink is followed: its target is replaced, and the link stays.
    - The input is never the output (same file, also through a link).
    - The temporary file is created exclusively (a link planted under its name is not followed, a
      file left by a kill -9 is not in the way) with the final file's permissions: an existing
      output's, else what the umask allows.
    - A lock beside the output (one library, on Linux, macOS and Windows) refuses a second run on
      the same output; it is held until after the rename.
    - An existing output is not replaced by a stopped run, a dry run, a --limit run over a longer
      output, or a run of the same input with fewer ``ok`` rows: the new one is written beside it
      (:attr:`kept_aside`), one such file at a time (see :meth:`commit`).
    """

    def __init__(
        self,
        path: str,
        *,
        input_path: str | None = None,
        result_column: str = "ls.result",
        fmt: str = "csv",
        option: str = "-o",
    ) -> None:
        self.path = path
        self.option = option
        self._mode = 0o600  # the final file's, set just before the rename: the .part stays 600
        self.result_column = result_column
        self._fmt = fmt
        # Why the output went beside the target: "stopped", "dry_run", "limit", "more_ok", "locked".
        self.kept_reason = ""
        self.removed_aside: list[Path] = []  # kept-aside outputs of earlier runs this run removed
        self.stream: IO[str]
        self.temp: Path | None = None
        self.kept_aside: Path | None = None
        self.replaced_ok = 0  # with kept_aside: the ok rows of the output that was kept
        self.closed_by_reader = False  # the reader of a pipe or stdout went away
        self._raw: IO[bytes] | None = None
        self._gzip: IO[bytes] | None = None
        self._lock: _Lock | None = None
        self._done = False
        if fmt == "xlsx" and (path == "-" or (os.path.exists(path) and not os.path.isfile(path))):
            raise OutputError(
                f"-o {path}: an Excel workbook is written to a file, not to a stream. Give a file name "
                "ending .xlsx, or write CSV to the stream."
            )
        if path == "-":
            self.target = None
            self.stream = sys.stdout
            return
        given = Path(path)
        check_path(path, option=option, avoid=[(input_path, "the input file")])
        if given.exists() and not given.is_file():
            # A pipe, a character device (/dev/null), a process substitution (/dev/fd/63, a link
            # to a pipe): write straight in.
            self.target = given
            try:
                self._raw = open(given, "wb")  # noqa: SIM115 - closed in commit or __exit__
            except OSError as exc:
                raise OutputError(f"Cannot write {path}: {exc.strerror}") from None
        else:
            target = Path(os.path.realpath(given))  # through a symlink the kernel would follow
            self.target = target
            self._open_temp(target)
        binary: IO[bytes] = self._raw  # type: ignore[assignment]
        if self.target.name.lower().endswith(".gz"):
            self._gzip = gzip.GzipFile(fileobj=binary, mode="wb")  # type: ignore[assignment]
            binary = self._gzip  # type: ignore[assignment]
        self.stream = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=False)

    def _open_temp(self, target: Path) -> None:
        lock = _Lock(target.parent / f".{target.name}.lock")
        try:
            held = lock.acquire()
        except OSError as exc:
            raise OutputError(f"Cannot write beside {self.path}: {exc.strerror}") from None
        if not held:
            raise OutputError(
                f"Another leadspace run is writing {self.path} right now: wait for it to finish, "
                "or choose another -o."
            )
        self._lock = lock
        for stale in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
            # A part a killed run (SIGKILL) left: this lock's holder alone writes under the name.
            with contextlib.suppress(OSError):
                if stat.S_ISREG((part := os.lstat(stale)).st_mode) and part.st_uid == os.geteuid():
                    stale.unlink()
        try:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        except OSError as exc:
            self._lock.release()
            raise OutputError(f"Cannot write beside {self.path}: {exc.strerror}") from None
        self.temp = Path(name)
        # mkstemp's 600 until the rename; then an existing output's mode if the user owns it (another
        # user's 0666 decoy gives its mode to no one's data), else what the umask allows.
        st = target.stat() if target.exists() else None
        own = st is not None and st.st_uid == os.geteuid()
        self._mode = st.st_mode & 0o777 if st is not None and own else 0o666 & ~_umask()
        self._raw = os.fdopen(fd, "wb")

    @property
    def binary(self) -> IO[bytes]:
        """The exclusively created temporary file (a workbook is written into it, never by name)."""
        assert self._raw is not None
        return self._raw

    @property
    def is_regular(self) -> bool:
        """Whether the output is a regular file written under a temporary name."""
        return self.temp is not None

    def write_row(self, writer: RowWriter | SheetRowWriter, row: Row, result: RowResult) -> None:
        """Write a row; a reader that went away is noted in ``closed_by_reader``, not raised."""
        try:
            writer.write(row, result)
        except BrokenPipeError:
            self.closed_by_reader = True

    def commit(
        self,
        ok_rows: int,
        *,
        rows: int | None = None,
        input_columns: list[str] | None = None,
        stopped: bool = False,
        dry_run: bool = False,
        limited: bool = False,
        keep_rules: bool = True,
    ) -> None:
        """Finish the output: flush, then rename into place, or beside it (PRODUCT, "Output").

        An existing output is replaced unless this run ``stopped``, is a ``dry_run``, is a
        ``limited`` (--limit) run over a longer output, or the output holds this input's rows (the
        same ``input_columns`` and number of ``rows``) with more ``ok`` rows than ``ok_rows``. Then
        this run's rows go to ``NAME.new-STAMP.ext`` (:attr:`kept_aside`, replacing the previous
        one); a run that replaces the output removes that previous one (:attr:`removed_aside`).
        Without ``keep_rules`` (a report, a page: not -o) the file is always replaced.
        """
        self._done = True
        try:
            self.stream.flush()
            if self._gzip is not None:
                self._gzip.close()
            if self._raw is not None:
                self._raw.flush()
        except BrokenPipeError:
            self.closed_by_reader = True
            return
        if self.temp is None or self.target is None or self._raw is None:
            if self._raw is not None:
                with contextlib.suppress(BrokenPipeError):
                    self._raw.close()
            return
        self._own_temp()
        with contextlib.suppress(OSError):  # a file system without modes keeps mkstemp's 600
            os.fchmod(self._raw.fileno(), self._mode)
        os.fsync(self._raw.fileno())
        self._raw.close()
        try:
            reason = ""
            if keep_rules and self.target.exists():
                reason = self._keep_reason(ok_rows, rows, input_columns, stopped, dry_run, limited)
            if reason:
                self._put_aside(reason, ok_rows)
                return
            try:
                os.replace(self.temp, self.target)
            except PermissionError:
                # Windows: the target is open in Excel (or another program) and cannot be replaced.
                self._put_aside("locked", ok_rows)
                return
            for old in _asides_of(self.target) if keep_rules else []:
                with contextlib.suppress(OSError):
                    old.unlink()
                    self.removed_aside.append(old)
        finally:
            self._release()

    def _own_temp(self) -> None:
        """Make sure the temporary name still leads to the file written (not a link planted since).

        If it does not, the bytes written go to a new exclusive temporary file, whose name is renamed.
        """
        assert self.temp is not None
        assert self._raw is not None
        fd = self._raw.fileno()
        try:
            if os.stat(self.temp, follow_symlinks=False).st_ino == os.fstat(fd).st_ino:
                return
        except FileNotFoundError:
            pass
        assert self.target is not None
        new_fd, name = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent
        )
        with os.fdopen(new_fd, "wb") as copy:
            offset = 0
            while chunk := os.pread(fd, 1 << 20, offset):
                copy.write(chunk)
                offset += len(chunk)
            copy.flush()
            os.fsync(copy.fileno())
        self._raw.close()
        self._raw = open(name, "rb+")  # noqa: SIM115 - ours: mkstemp created it exclusively
        self.temp = Path(name)

    def _keep_reason(
        self,
        ok_rows: int,
        rows: int | None,
        input_columns: list[str] | None,
        stopped: bool,
        dry_run: bool,
        limited: bool,
    ) -> str:
        """Return why the existing output is kept ("" to replace it)."""
        if stopped:
            return "stopped"
        if dry_run:
            return "dry_run"
        old = describe(self.target, self.result_column) if self.target is not None else None
        if old is None:
            return ""  # not an output leadspace can read: nothing of value to protect
        old_columns, old_rows, old_ok = old
        self.replaced_ok = old_ok
        if limited and rows is not None and old_rows > rows:
            return "limit"
        same_rows = rows is None or old_rows == rows
        same_columns = input_columns is None or old_columns == list(input_columns)
        if same_rows and same_columns and old_ok > ok_rows and self._same_input():
            return "more_ok"
        return ""

    def _same_input(self) -> bool:
        """Whether the existing output holds the rows this run wrote (not last week's file of as
        many rows under the same header: that one is replaced)."""
        assert self.target is not None
        assert self.temp is not None
        old = input_digest(self.target, self.result_column)
        return old is not None and old == input_digest(self.temp, self.result_column, self._fmt)

    def _put_aside(self, reason: str, ok_rows: int) -> None:
        assert self.temp is not None
        assert self.target is not None
        previous = _asides_of(self.target)
        self.kept_aside = _aside_name(self.target)
        os.replace(self.temp, self.kept_aside)
        self.kept_reason = reason
        for old in previous:  # one at a time: the newest replaces the last
            if old == self.kept_aside:
                continue
            # Unless the last holds more ok rows (a --no-cache run's answers, in no store): a dry
            # run's aside replaced the only copy of 50 paid answers (skeptic pass 20).
            earlier = describe(old, self.result_column)
            if earlier is not None and earlier[2] > ok_rows:
                continue
            with contextlib.suppress(OSError):
                old.unlink()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._done:
            return
        # A run that failed part-way leaves no partial file behind: what it paid for is in the
        # response store, and the same command finishes the job.
        with contextlib.suppress(OSError, ValueError):
            if self._raw is not None:
                self._raw.close()
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
        self._release()


class _Lock:
    """The lock beside an output (``.NAME.lock``), held until after the rename, then removed.

    On POSIX an ``flock`` on a file opened without following links; the file is removed while
    the lock is still held, and a run that locked a file since removed (the race with that removal)
    sees that the name no longer leads to it and tries again. Elsewhere, the filelock library's.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._other: filelock.BaseFileLock | None = None

    def acquire(self) -> bool:
        """Take the lock at once, or return False when another run holds it."""
        if sys.platform == "win32":  # pragma: no cover - Windows
            self._other = filelock.FileLock(self.path, timeout=0)
            try:
                self._other.acquire()
            except filelock.Timeout:
                return False
            return True
        import fcntl

        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        for _ in range(100):
            fd = os.open(self.path, flags, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return False
            try:
                same = os.stat(self.path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                return True
            os.close(fd)  # locked a file its holder had just removed: take the new one
        return False  # pragma: no cover - 100 races lost in a row

    def release(self) -> None:
        """Remove the lock file, then let the lock go."""
        if self._other is not None:  # pragma: no cover - Windows
            self._other.release()
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._other = None
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(self._fd)
            self._fd = None


def check_path(path: str, *, option: str, avoid: Iterable[tuple[str | None, str]] = ()) -> None:
    """Refuse, before any call, a file the tool must not or cannot write (exit 2).

    ``avoid`` pairs a path with what it is ("the input file", "the output"): never written over.
    A folder, a missing folder, a folder the user cannot write into, and a symlink the kernel
    would not follow (see :func:`check_link`) are refused.
    """
    if path == "-":
        return
    given = Path(path)
    if given.is_dir():
        raise OutputError(f"{option} {path} is a folder: give a file name in it.")
    for other, what in avoid:
        if other in (None, "-"):
            continue
        if os.path.realpath(other) == os.path.realpath(given) or (
            given.exists() and _same_file(other, given)
        ):
            raise OutputError(
                f"{option} {path} is {what}: writing it would destroy what it holds. Choose another name."
            )
    check_link(given, option)
    if given.exists() and not given.is_file():
        st = os.stat(given)
        if (stat.S_ISFIFO(st.st_mode) or stat.S_ISSOCK(st.st_mode)) and st.st_uid != os.geteuid():
            raise OutputError(
                f"{option} {path} is a named pipe owned by another user: not written into (whoever reads "
                "it would take the output). Give another name, or remove it."
            )
        return  # a pipe, a device of the user's: written into
    folder = Path(os.path.realpath(given)).parent
    if not folder.is_dir():
        if folder.exists():  # "a.csv/out.csv" where a.csv is a file
            raise OutputError(
                f"{given.parent} is a file, not a folder (for {option} {path}): give another path."
            )
        raise OutputError(f"The folder {given.parent} does not exist (for {option} {path}): create it first.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"Cannot write {option} {path}: you cannot create files in {folder}.")


def check_link(given: Path, option: str) -> None:
    """Refuse a symlink the kernel would not follow (``fs.protected_symlinks``).

    In a sticky folder that others can write into (/tmp), a link is followed only when the user
    owns it or it belongs to the folder's owner: otherwise another user could point the output at
    any file the user can write. Checked at every link along the way.
    """
    path = Path(os.path.abspath(given))
    for _ in range(40):
        try:
            st = os.lstat(path)
        except OSError:
            return
        if not stat.S_ISLNK(st.st_mode):
            return
        folder = os.stat(path.parent)
        shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
        if shared and st.st_uid not in (os.geteuid(), folder.st_uid):
            raise OutputError(
                f"{option} {given}: {path} is a link in the shared folder {path.parent}, owned by "
                "another user; it is not followed (another user could aim it at your files). Give the "
                "target's own name."
            )
        path = Path(os.path.abspath(os.path.join(path.parent, os.readlink(path))))


_TEMP_FOLDER = re.compile(r"leadspace-(?:xlsx|store)-(\d+)-")


def private_folder(kind: str) -> str:
    """Create a private (700) temporary folder, named so that one left by a killed run is swept."""
    return tempfile.mkdtemp(prefix=f"leadspace-{kind}-{os.getpid()}-")


def sweep_temp_folders() -> list[str]:
    """Remove the temporary folders of runs of this user that were killed (kill -9, a crash).

    They may hold every row written (a workbook's row file, in plain XML) or answers (a --no-cache
    run's store). Return the names removed.
    """
    removed = []
    base = tempfile.gettempdir()
    with contextlib.suppress(OSError):
        for entry in os.scandir(base):
            match = _TEMP_FOLDER.match(entry.name)
            if match is None or not entry.is_dir(follow_symlinks=False):
                continue
            pid = int(match.group(1))
            try:
                if entry.stat(follow_symlinks=False).st_uid != os.geteuid() or _alive(pid):
                    continue
            except OSError:
                continue
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_whole(path: str, text: str, *, option: str) -> None:
    """Write a whole text file (a report, a page, a mapping) by the output discipline: an exclusive
    temporary file beside it, renamed into place; a pipe or device written into; links as the
    kernel would follow them; the existing file's mode kept."""
    with OutputFile(path, option=option, fmt="text") as out:
        out.stream.write(text)
        out.commit(0, keep_rules=False)


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _aside_name(target: Path) -> Path:
    """Return a new name beside the target: out.csv.gz -> out.new-20261128-011700.csv.gz."""
    name = target.name
    stem, dot, rest = name.partition(".")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        extra = f"-{n}" if n else ""
        candidate = target.with_name(f"{stem}.new-{stamp}{extra}{dot}{rest}")
        if not candidate.exists():
            return candidate
    raise OutputError(f"Cannot find a free name beside {target}.")  # pragma: no cover


_ASIDE = re.compile(r"\.new-\d{8}-\d{6}(?:-\d+)?")


def _asides_of(target: Path) -> list[Path]:
    """Return the kept-aside outputs of ``target`` (out.new-STAMP.csv beside out.csv)."""
    stem, dot, rest = target.name.partition(".")
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            if not (name.startswith(stem) and name.endswith(dot + rest)):
                continue
            middle = name[len(stem) : len(name) - len(dot + rest)]
            if _ASIDE.fullmatch(middle) and entry.is_file(follow_symlinks=False):
                found.append(target.parent / name)
    return sorted(found)


def _result_index(source: Source, result_column: str) -> int | None:
    """The result column of an earlier output: by this run's name, else the first whose values in the
    first rows are all results (an earlier run's mapping renamed it); the rows read are put back."""
    if result_column in source.columns:
        return source.columns.index(result_column)
    head = list(itertools.islice(source.rows, 200))
    source.rows = itertools.chain(head, source.rows)
    results = {r.value for r in Result}
    for i in range(len(source.columns)):
        seen = {row.cells[i] for row in head if i < len(row.cells) and row.cells[i]}
        if seen and seen <= results:
            return i
    return None


def describe(path: Path, result_column: str = "ls.result") -> tuple[list[str], int, int] | None:
    """Return an earlier output's input columns, rows and ok rows (None when it cannot be read)."""
    try:
        with open_source(str(path), keep_ls=True) as source:
            if source.kind == "table":
                if (i := _result_index(source, result_column)) is None:
                    return None
                rows = ok = 0
                for row in source.rows:
                    rows += 1
                    ok += len(row.cells) > i and row.cells[i] == "ok"
                return list(source.columns[:i]), rows, ok
            rows = ok = 0
            keys: dict[str, None] = {}
            for row in source.rows:
                rows += 1
                ls = row.record.get("ls")
                ok += isinstance(ls, dict) and ls.get("result") == "ok"
                if rows <= 1000:
                    keys.update(dict.fromkeys(k for k in row.record if k != "ls"))
            return list(keys), rows, ok
    except LeadspaceError:
        return None


def input_digest(path: Path, result_column: str = "ls.result", fmt: str | None = None) -> str | None:
    """Return a digest of an output's input cells, row by row (None when it cannot be read)."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        with open_source(str(path), keep_ls=True, input_format=fmt) as source:
            if source.kind == "table":
                if (i := _result_index(source, result_column)) is None:
                    return None
                for row in source.rows:
                    digest.update("\x1f".join(row.cells[:i]).encode("utf-8", "surrogatepass") + b"\x1e")
            else:
                for row in source.rows:
                    record = {k: v for k, v in (row.record or {}).items() if k != "ls"}
                    text = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
                    digest.update(text.encode("utf-8", "surrogatepass") + b"\x1e")
    except LeadspaceError:
        return None
    return digest.hexdigest()
