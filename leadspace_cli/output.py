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
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from leadspace_cli import __version__, flatten
from leadspace_cli.errors import OutputError
from leadspace_cli.mapping import closest
from leadspace_cli.records import cell_text, format_of
from leadspace_cli.results import Result, RowResult
from leadspace_cli.store import Store

try:  # POSIX; on other systems two runs on one output are not detected.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

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
            cells = list(row) if self.input_kind == "csv" else [cell_text(row.get(c)) for c in self.columns]
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
            obj = {"_line": raw} if raw is not None else dict(row)
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


class OutputFile(contextlib.AbstractContextManager["OutputFile"]):
    """A file written under a temporary name beside the target and renamed into place at the end.

    The temporary file is locked, so a second run writing the same output refuses to start.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.stdout = path == "-"
        self.stream: IO[str]
        self._binary: IO[bytes] | None = None
        self.temp: Path | None = None
        self.closed_by_reader = False  # stdout's reader went away (piped into head)
        if self.stdout:
            self.stream = sys.stdout
            return
        target = Path(path)
        if target.is_dir():
            raise OutputError(f"{path} is a folder: give a file name such as {path.rstrip('/')}/out.csv")
        if not target.parent.exists():
            raise OutputError(f"The folder {target.parent} does not exist: create it first.")
        self.temp = target.with_name(f".{target.name}.part")
        try:
            fd = os.open(self.temp, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"Cannot write beside {path}: {exc.strerror}") from None
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise OutputError(
                    f"Another leadspace run is writing {path} right now: wait for it to finish, "
                    "or choose another -o."
                ) from None
        os.ftruncate(fd, 0)
        raw = os.fdopen(fd, "wb")
        self._raw = raw
        binary: IO[bytes] = raw
        if path.lower().endswith(".gz"):
            binary = gzip.GzipFile(fileobj=raw, mode="wb")  # type: ignore[assignment]
            self._binary = binary
        self.stream = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=False)

    def write_row(self, writer: RowWriter, row: Any, result: RowResult) -> None:
        """Write a row; a reader that went away is noted in ``closed_by_reader``, not raised."""
        try:
            writer.write(row, result)
        except BrokenPipeError:
            self.closed_by_reader = True

    def finish(self) -> None:
        """Flush, close and rename into place."""
        if self.stdout:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self.closed_by_reader = True
            return
        assert self.temp is not None
        self.stream.flush()
        if self._binary is not None:
            self._binary.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        os.replace(self.temp, self.path)
        self._raw.close()  # releases the lock after the rename

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._raw_closed():
            return
        if exc_type is None:
            self.finish()
            return
        # A run that failed part-way leaves no partial file behind: what it paid for is in the
        # response store, and the same command finishes the job.
        self._raw.close()
        assert self.temp is not None
        self.temp.unlink(missing_ok=True)

    def _raw_closed(self) -> bool:
        return self.stdout or self._raw.closed


def output_format(path: str, explicit: str | None = None) -> str:
    """Return the output format from -o's extension, or the explicit choice (stdout: csv)."""
    if explicit or path != "-":
        return format_of(path, explicit)
    return "csv"
