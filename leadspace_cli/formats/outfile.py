"""The output file discipline: a temporary name, a lock, fsync and rename, or kept aside."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import filelock

from leadspace_cli.errors import LeadspaceError, OutputError
from leadspace_cli.formats.rows import format_of
from leadspace_cli.formats.sources import open_source
from leadspace_cli.formats.writers import RowWriter, SheetRowWriter
from leadspace_cli.results import RowResult


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
    - An existing output with more ``ok`` rows than the new one is never replaced: the new one is
      written beside it (:attr:`kept_aside`).
    """

    def __init__(
        self, path: str, *, input_path: str | None = None, result_column: str = "ls.result", fmt: str = "csv"
    ) -> None:
        self.path = path
        self.result_column = result_column
        self.kept_reason = ""  # why the output went beside the target: "more_ok" or "locked"
        self.stream: IO[str]
        self.temp: Path | None = None
        self.kept_aside: Path | None = None
        self.replaced_ok = 0  # with kept_aside: the ok rows of the output that was kept
        self.closed_by_reader = False  # the reader of a pipe or stdout went away
        self._raw: IO[bytes] | None = None
        self._gzip: IO[bytes] | None = None
        self._lock: filelock.BaseFileLock | None = None
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
        if given.is_dir():
            raise OutputError(f"{path} is a folder: give a file name such as {path.rstrip('/')}/out.csv")
        if input_path not in (None, "-") and given.exists() and _same_file(input_path, given):
            raise OutputError(
                f"-o {path} is the input file: writing it would destroy the rows it holds. Choose "
                "another output; the input is never changed."
            )
        if given.exists() and not given.is_file():
            # A pipe, a character device (/dev/null), a process substitution (/dev/fd/63, a link
            # to a pipe): write straight in.
            self.target = given
            try:
                self._raw = open(given, "wb")  # noqa: SIM115 - closed in commit or __exit__
            except OSError as exc:
                raise OutputError(f"Cannot write {path}: {exc.strerror}") from None
        else:
            target = Path(os.path.realpath(given))  # through a symlink to the file it points at
            self.target = target
            if not target.parent.is_dir():
                raise OutputError(f"The folder {given.parent} does not exist: create it first.")
            self._open_temp(target)
        binary: IO[bytes] = self._raw  # type: ignore[assignment]
        if self.target.name.lower().endswith(".gz"):
            self._gzip = gzip.GzipFile(fileobj=binary, mode="wb")  # type: ignore[assignment]
            binary = self._gzip  # type: ignore[assignment]
        self.stream = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=False)

    def _open_temp(self, target: Path) -> None:
        self._lock = filelock.FileLock(target.parent / f".{target.name}.lock", timeout=0)
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise OutputError(
                f"Another leadspace run is writing {self.path} right now: wait for it to finish, "
                "or choose another -o."
            ) from None
        except OSError as exc:
            raise OutputError(f"Cannot write beside {self.path}: {exc.strerror}") from None
        try:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        except OSError as exc:
            self._lock.release()
            raise OutputError(f"Cannot write beside {self.path}: {exc.strerror}") from None
        self.temp = Path(name)
        try:
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
            os.fchmod(fd, mode)
        except OSError:  # pragma: no cover - a file system without modes keeps mkstemp's 600
            pass
        self._raw = os.fdopen(fd, "wb")

    @property
    def is_regular(self) -> bool:
        """Whether the output is a regular file written under a temporary name."""
        return self.temp is not None

    def write_row(self, writer: RowWriter | SheetRowWriter, row: Any, result: RowResult) -> None:
        """Write a row; a reader that went away is noted in ``closed_by_reader``, not raised."""
        try:
            writer.write(row, result)
        except BrokenPipeError:
            self.closed_by_reader = True

    def commit(self, ok_rows: int) -> None:
        """Finish the output: flush, then rename into place unless that would lose ok rows."""
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
        os.fsync(self._raw.fileno())
        self._raw.close()
        try:
            if self.target.exists() and ok_rows < (old := count_ok(self.target, self.result_column)):
                self.kept_aside = _aside_name(self.target)
                os.replace(self.temp, self.kept_aside)
                self.replaced_ok = old
                self.kept_reason = "more_ok"
            else:
                try:
                    os.replace(self.temp, self.target)
                except PermissionError:
                    # Windows: the target is open in Excel (or another program) and cannot be replaced.
                    self.kept_aside = _aside_name(self.target)
                    os.replace(self.temp, self.kept_aside)
                    self.kept_reason = "locked"
        finally:
            self._release()

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


def count_ok(path: Path, result_column: str = "ls.result") -> int:
    """Count the ok rows of an earlier output (0 when it is not one that can be read)."""
    try:
        with open_source(str(path), keep_ls=True) as source:
            if source.kind == "csv":
                if result_column not in source.columns:
                    return 0
                i = source.columns.index(result_column)
                return sum(1 for row in source.rows if len(row) > i and row[i] == "ok")
            n = 0
            for obj in source.rows:
                ls = obj.get("ls") if isinstance(obj, dict) else None
                n += isinstance(ls, dict) and ls.get("result") == "ok"
            return n
    except LeadspaceError:
        return 0


OUTPUT_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
}


def output_format(path: str, explicit: str | None = None) -> str:
    """Return the output format from -o's extension or the explicit choice; refuse an unknown one.

    stdout and special files (a pipe, /dev/null) without a choice get CSV.
    """
    if explicit:
        return format_of(path, explicit)
    if path == "-":
        return "csv"
    full = Path(path).name.lower()
    name = full.removesuffix(".gz")
    fmt = OUTPUT_SUFFIXES.get(Path(name).suffix)
    if fmt == "xlsx" and name != full:
        raise OutputError(f"-o {path}: a workbook is already compressed; name it {Path(path).stem}.")
    if fmt is not None:
        return fmt
    if Path(name).suffix == ".xlsm":
        raise OutputError(f"-o {path}: leadspace writes workbooks without macros: name it .xlsx.")
    if os.path.exists(path) and not os.path.isfile(path):
        return "csv"
    suffix = Path(name).suffix or "no extension"
    raise OutputError(
        f"-o {path}: {suffix} is not a format leadspace writes. Name the output .csv, .tsv, .jsonl "
        "(optionally followed by .gz) or .xlsx, or say which with --output-format csv, tsv, jsonl or xlsx."
    )
