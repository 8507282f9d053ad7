"""Rows out: CSV, TSV and JSON Lines to a text stream, and Excel workbooks."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from leadspace_cli.errors import OutputError
from leadspace_cli.formats.rows import Kind, Row, format_of
from leadspace_cli.formats.values import cell_text, excel_safe, field_of
from leadspace_cli.formats.xlsx_write import SheetWriter
from leadspace_cli.results import Result, RowResult
from leadspace_cli.version import __version__

RENDER_FORMAT = "2"  # bump when the way stored ls.* cells are encoded changes


class Columns(Protocol):
    """The ls.* columns written after the input's (the API layer's ``LsColumns``)."""

    @property
    def names(self) -> Sequence[str]: ...
    @property
    def header(self) -> list[str]: ...
    @property
    def excel_safe(self) -> bool: ...

    def cells(self, result: RowResult, answer: dict[str, Any] | None) -> list[str]: ...
    def selected(self, ls: dict[str, Any]) -> dict[str, Any]: ...


KeepRendered = Callable[[bytes, str, str], None]  # (answer's key, output signature, encoded ls.* cells)


class RowWriter:
    """Writes rows to a text stream; the CSV header is fixed before the first row.

    With ``keep_rendered`` (the run wires the answer store's), the ls.* part of an answered CSV row
    is handed over once written (under ``signature``, which names the output shape), so a rerun
    served from stored answers writes it as it is instead of flattening the answer again.
    """

    def __init__(
        self,
        stream: Any,
        fmt: str,
        columns: list[str],
        input_kind: Kind,
        *,
        ls: Columns,
        keep_rendered: KeepRendered | None = None,
        bom: bool = False,
        delimiter: str | None = None,
        header: list[str] | None = None,
    ) -> None:
        self.stream = stream
        self.fmt = fmt
        self.columns = columns
        # The input's header as written (a trailing space kept): the output's header and JSON keys.
        self.header = header or columns
        self.input_kind = input_kind
        self.ls = ls
        self.keep_rendered = keep_rendered
        self._last_flush = time.monotonic()
        self._no_answer: dict[tuple[Result, int | None, str], list[str]] = {}
        # CSV keeps the input's delimiter (a German Excel's ";"); a tab is for TSV only.
        self.delimiter = "\t" if fmt == "tsv" else (delimiter if delimiter in (";", "|", ",") else ",")
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
            # With --excel-safe, every cell a spreadsheet could run is neutralised: the header and
            # the input's own cells too (a workbook cell saved as =HYPERLINK(...), a planted header).
            self._safe = self.ls.excel_safe
            self._csv.writerow(self._neutral(self.header + self.ls.header))

    def _cells(self, result: RowResult, answer: dict[str, Any] | None) -> list[str]:
        return self.ls.cells(result, answer)

    def _neutral(self, cells: list[str]) -> list[str]:
        return [excel_safe(c) for c in cells] if self._safe else cells

    def finish(self) -> None:
        """Nothing to do: the stream is flushed by the output file."""

    def _encode(self, cells: list[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._encoder.writerow(cells)
        return self._buffer.getvalue()[:-2]

    def write(self, row: Row, result: RowResult) -> None:
        """Write one row."""
        if self.fmt == "jsonl":
            self._write_json(row, result)
        else:
            cells = self._neutral(
                list(row.cells)
                if self.input_kind == "table"
                else [cell_text(field_of(row.record, c)) for c in self.columns]
            )
            if result.result is Result.OK:
                ls = result.rendered
                if ls is None:
                    ls = self._encode(self._cells(result, result.answer()))
                    if self.keep_rendered is not None and result.key:
                        self.keep_rendered(result.key, self.signature, ls)
                line = self._encode(cells) + self.delimiter + ls if cells else ls
                extra = row.extra  # a note beside the table, past the header
                if extra:
                    line += self.delimiter + self._encode(self._neutral(list(extra)))
                self.stream.write(line + "\r\n")
            else:
                shape = (result.result, result.http_status, result.error)
                tail = self._no_answer.get(shape)
                if tail is None:
                    if len(self._no_answer) > 1000:
                        self._no_answer.clear()
                    tail = self._no_answer[shape] = self._cells(result, None)
                cells.extend(tail)
                cells.extend(self._neutral(list(row.extra)))  # past the header
                self._csv.writerow(cells)
        now = time.monotonic()
        if now - self._last_flush > 1.0:
            self.stream.flush()
            self._last_flush = now

    def _write_json(self, row: Row, result: RowResult) -> None:
        if self.input_kind == "table":
            obj: dict[str, Any] = dict(zip(self.header, row.cells, strict=False))
        else:
            # An earlier run's answer (its ls object and any ls.* keys) is replaced by this run's.
            obj = (
                {"_line": row.raw}
                if row.raw is not None
                else {k: v for k, v in row.record.items() if not k.startswith("ls.")}
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
        obj["ls"] = self.ls.selected(ls)  # --columns: only what was asked for
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")


class SheetRowWriter:
    """Writes rows to an Excel workbook: the input's cells (typed, when they come from a workbook),
    then the ls.* columns, each a text cell (never a formula or a link)."""

    signature = ""  # no stored rendering: the cells are written one by one

    def __init__(
        self,
        path: str | IO[bytes],
        columns: list[str],
        input_kind: Kind,
        *,
        ls: Columns,
        sheet: str | None = None,
        date1904: bool = False,
        tmpdir: str | None = None,
        header: list[str] | None = None,
    ) -> None:
        self.columns = columns
        self.input_kind = input_kind
        self.ls = ls
        # ``path``: the output's exclusively created temporary file, written into (never reopened by
        # name, so a link planted under its name is not followed); ``tmpdir``: a private folder for
        # XlsxWriter's row files, which hold every row.
        self._sheet = SheetWriter(path, sheet or "leads", date1904=date1904, tmpdir=tmpdir)
        self._sheet.write((header or columns) + self.ls.header)

    def write(self, row: Row, result: RowResult) -> None:
        """Write one row."""
        typed = row.typed
        if typed is not None:
            texts: list[str] = []
        elif self.input_kind == "table":
            texts = list(row.cells)
        else:
            texts = [cell_text(field_of(row.record, c)) for c in self.columns]
        answer = result.answer() if result.result is Result.OK else None
        texts.extend(self.ls.cells(result, answer))
        texts.extend(row.extra)
        self._sheet.write(texts, typed)

    def finish(self) -> None:
        """Write the workbook's file (XlsxWriter builds it on close)."""
        self._sheet.close()


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
