"""Output rows: each input row, unchanged, followed by its ls.* columns, as CSV/TSV or JSONL."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
from typing import Any

from leadspace_cli import __version__, flatten
from leadspace_cli.enrich import Result, RowResult
from leadspace_cli.errors import OutputError
from leadspace_cli.mapping import closest
from leadspace_cli.records import cell_text
from leadspace_cli.store import Store

RENDER_FORMAT = "2"  # bump when the way stored ls.* cells are encoded changes
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


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
        rename: dict[str, str] | None = None,
        only: list[str] | None = None,
        excel_safe: bool = False,
        store: Store | None = None,
    ) -> None:
        self.stream = stream
        self.fmt = fmt
        self.columns = columns
        self.input_kind = input_kind
        self.excel_safe = excel_safe
        self.store = store
        self._last_flush = time.monotonic()
        self._no_answer: dict[tuple[Result, int | None, str], list[str]] = {}
        all_ls = list(flatten.COLUMNS)
        unknown = [c for c in only or [] if c not in all_ls]
        if unknown:
            raise OutputError(
                f"Unknown output column {unknown[0]!r}. Closest: {closest(unknown[0], all_ls)}. "
                "`leadspace fields --response` lists them."
            )
        self._pick = [all_ls.index(c) for c in only] if only else None
        rename = rename or {}
        self.ls_header = [rename.get(c, c) for c in (only or all_ls)]
        self.delimiter = "\t" if fmt == "tsv" else ","
        shape = [__version__, RENDER_FORMAT, fmt, self.delimiter, str(excel_safe), *(only or all_ls)]
        self.signature = hashlib.sha256("\n".join(shape).encode()).hexdigest()[:16] if fmt != "jsonl" else ""
        if fmt != "jsonl":
            self._csv = csv.writer(stream, delimiter=self.delimiter)
            self._buffer = io.StringIO()
            # The row terminator stays "\r\n" (and is cut off in _encode): the csv module quotes a
            # field that holds a newline only when the newline is in its terminator.
            self._encoder = csv.writer(self._buffer, delimiter=self.delimiter)
            self._csv.writerow(columns + self.ls_header)

    def _cells(self, result: RowResult, answer: dict[str, Any] | None) -> list[str]:
        status = "" if result.http_status is None else str(result.http_status)
        tail = flatten.data_cells(answer) if answer is not None else flatten.EMPTY_DATA_CELLS
        cells = [result.result.value, status, result.error, *tail]
        if self.excel_safe:
            cells = [excel_safe(c) for c in cells]
        if self._pick is not None:
            return [cells[i] for i in self._pick]
        return cells

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
