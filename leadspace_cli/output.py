"""Writing: the output file (temporary name, lock, rename), the ls.* columns, and row writers.

Each input row is written unchanged, followed by its ls.* columns, as CSV/TSV or JSONL; the Python
API gets the same cells as dicts.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import filelock

from leadspace_cli import __version__, flatten, workbook
from leadspace_cli.errors import LeadspaceError, OutputError
from leadspace_cli.mapping import closest
from leadspace_cli.records import cell_text, field_of, format_of, open_source
from leadspace_cli.results import Result, RowResult
from leadspace_cli.store import Store

RENDER_FORMAT = "2"  # bump when the way stored ls.* cells are encoded changes
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


class LsColumns:
    """The ls.* columns written after the input's: which ones, under which names, how encoded.

    ``only`` selects columns (``ls.result`` and the like; the ``ls.`` may be left out), ``rename``
    gives output names; ``ls.result``, ``ls.http_status`` and ``ls.error`` are always written.
    """

    def __init__(
        self,
        only: list[str] | None = None,
        rename: Mapping[str, str] | None = None,
        *,
        excel_safe: bool = False,
    ) -> None:
        all_ls = list(flatten.COLUMNS)
        if only is not None:
            only = [c if c.startswith(flatten.PREFIX) else flatten.PREFIX + c for c in only]
            unknown = [c for c in only if c not in all_ls]
            if unknown:
                raise OutputError(
                    f"Unknown output column {unknown[0]!r}. Closest: {closest(unknown[0], all_ls)}. "
                    "`leadspace fields --response` lists them."
                )
            # The row's status is never dropped: it is what says whether the rest means anything.
            only = [*flatten.STATUS_COLUMNS, *(c for c in only if c not in flatten.STATUS_COLUMNS)]
        self.names = only or all_ls
        self._pick = [all_ls.index(c) for c in only] if only else None
        rename = dict(rename or {})
        unknown = [c for c in rename if c not in all_ls]
        if unknown:
            raise OutputError(
                f"The mapping's [output] table renames {unknown[0]!r}, which is no output column. "
                f"Closest: {closest(unknown[0], all_ls)}."
            )
        self.header = [rename.get(c, c) for c in self.names]
        self.excel_safe = excel_safe

    def cells(self, result: RowResult, answer: dict[str, Any] | None) -> list[str]:
        """Return a row's ls.* cells, in header order."""
        status = "" if result.http_status is None else str(result.http_status)
        tail = flatten.data_cells(answer) if answer is not None else flatten.EMPTY_DATA_CELLS
        cells = [result.result.value, status, result.error, *tail]
        if self.excel_safe:
            cells = [excel_safe(c) for c in cells]
        if self._pick is not None:
            return [cells[i] for i in self._pick]
        return cells

    def record(self, row: Mapping[str, Any], result: RowResult) -> dict[str, Any]:
        """Return an input record with its ls.* keys (the Python API's rows)."""
        answer = result.answer() if result.result is Result.OK else None
        out = {k: v for k, v in row.items() if not k.startswith(flatten.PREFIX)}
        out.update(zip(self.header, self.cells(result, answer), strict=True))
        return out


class RowWriter:
    """Writes rows to a text stream; the CSV header is fixed before the first row.

    With a store, the ls.* part of an answered CSV row is kept once written (under ``signature``,
    which names the output shape), so a rerun served from stored answers writes it as it is
    instead of flattening the answer again.
    """

    def __init__(
        self,
        stream: Any,
        fmt: str,
        columns: list[str],
        input_kind: str,
        *,
        ls: LsColumns | None = None,
        store: Store | None = None,
        bom: bool = False,
    ) -> None:
        self.stream = stream
        self.fmt = fmt
        self.columns = columns
        self.input_kind = input_kind
        self.ls = ls or LsColumns()
        self.store = store
        self._last_flush = time.monotonic()
        self._no_answer: dict[tuple[Result, int | None, str], list[str]] = {}
        self.delimiter = "\t" if fmt == "tsv" else ","
        shape = [__version__, RENDER_FORMAT, fmt, self.delimiter, str(self.ls.excel_safe), *self.ls.names]
        self.signature = hashlib.sha256("\n".join(shape).encode()).hexdigest()[:16] if fmt != "jsonl" else ""
        if fmt != "jsonl":
            if bom:
                stream.write("\ufeff")
            self._csv = csv.writer(stream, delimiter=self.delimiter)
            self._buffer = io.StringIO()
            # The row terminator stays "\r\n" (and is cut off in _encode): the csv module quotes a
            # field that holds a newline only when the newline is in its terminator.
            self._encoder = csv.writer(self._buffer, delimiter=self.delimiter)
            self._csv.writerow(columns + self.ls.header)

    def _cells(self, result: RowResult, answer: dict[str, Any] | None) -> list[str]:
        return self.ls.cells(result, answer)

    def finish(self) -> None:
        """Nothing to do: the stream is flushed by the output file."""

    def _encode(self, cells: list[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._encoder.writerow(cells)
        return self._buffer.getvalue()[:-2]

    def write(self, row: Any, result: RowResult) -> None:
        """Write one row."""
        if self.fmt == "jsonl":
            self._write_json(row, result)
        else:
            cells = (
                list(row) if self.input_kind == "csv" else [cell_text(field_of(row, c)) for c in self.columns]
            )
            if result.result is Result.OK:
                ls = result.rendered
                if ls is None:
                    ls = self._encode(self._cells(result, result.answer()))
                    if self.store is not None and result.key:
                        self.store.put_rendered(result.key, self.signature, ls)
                line = self._encode(cells) + self.delimiter + ls if cells else ls
                self.stream.write(line + "\r\n")
            else:
                shape = (result.result, result.http_status, result.error)
                tail = self._no_answer.get(shape)
                if tail is None:
                    if len(self._no_answer) > 1000:
                        self._no_answer.clear()
                    tail = self._no_answer[shape] = self._cells(result, None)
                cells.extend(tail)
                cells.extend(getattr(row, "extra", ()))  # a ragged row's cells past the header
                self._csv.writerow(cells)
        now = time.monotonic()
        if now - self._last_flush > 1.0:
            self.stream.flush()
            self._last_flush = now

    def _write_json(self, row: Any, result: RowResult) -> None:
        if self.input_kind == "csv":
            obj: dict[str, Any] = dict(zip(self.columns, row, strict=False))
        else:
            raw = getattr(row, "raw", None)
            # An earlier run's answer (its ls object and any ls.* keys) is replaced by this run's.
            obj = (
                {"_line": raw}
                if raw is not None
                else {k: v for k, v in row.items() if not k.startswith("ls.")}
            )
        answer = result.answer() if result.result is Result.OK else None
        ls: dict[str, Any] = {
            "result": result.result.value,
            "http_status": result.http_status,
            "error": result.error,
        }
        if answer is not None:
            ls["status"] = answer.get("status")
            ls["data"] = answer.get("data")
            extra = {k: v for k, v in answer.items() if k not in ("status", "data", "external_id")}
            if extra:
                ls["extra"] = extra
        obj["ls"] = ls
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")


class SheetRowWriter:
    """Writes rows to an Excel workbook: the input's cells (typed, when they come from a workbook),
    then the ls.* columns, each a text cell (never a formula or a link)."""

    signature = ""  # no stored rendering: the cells are written one by one

    def __init__(
        self,
        path: str,
        columns: list[str],
        input_kind: str,
        *,
        ls: LsColumns | None = None,
        sheet: str | None = None,
    ) -> None:
        self.columns = columns
        self.input_kind = input_kind
        self.ls = ls or LsColumns()
        self._sheet = workbook.SheetWriter(path, sheet or "leads")
        self._sheet.write(columns + self.ls.header)

    def write(self, row: Any, result: RowResult) -> None:
        """Write one row."""
        typed = getattr(row, "typed", None)
        if typed is not None:
            texts: list[str] = []
        elif self.input_kind == "csv":
            texts = list(row)
        else:
            texts = [cell_text(field_of(row, c)) for c in self.columns]
        answer = result.answer() if result.result is Result.OK else None
        texts.extend(self.ls.cells(result, answer))
        texts.extend(getattr(row, "extra", ()))
        self._sheet.write(texts, typed)

    def finish(self) -> None:
        """Write the workbook's file (XlsxWriter builds it on close)."""
        self._sheet.close()


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
