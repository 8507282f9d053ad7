"""Excel workbooks written: constant memory, text never a formula or a link, Excel's limits checked."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import IO, Any

from leadspace_cli.errors import OutputError

MAX_ROWS = 1_048_576  # per sheet, the header included


MAX_COLUMNS = 16_384


MAX_CELL = 32_767  # characters


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def excel_text(value: str) -> str:
    """Return text a cell can hold: control characters removed, at most 32,767 characters (marked)."""
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    if len(value) > MAX_CELL:
        mark = f" [cut by leadspace: {len(value):,} characters in all]"
        value = value[: MAX_CELL - len(mark)] + mark
    return value


class SheetWriter:
    """Writes rows to a new workbook, streaming (XlsxWriter's constant-memory mode).

    Every string is written as a string: never a formula, a link or a number. Typed input cells
    (from a workbook) keep their type and number format.
    """

    def __init__(
        self,
        path: str | IO[bytes],
        sheet: str = "Sheet1",
        *,
        date1904: bool = False,
        tmpdir: str | None = None,
    ) -> None:
        import xlsxwriter  # type: ignore[import-untyped]

        self._book = xlsxwriter.Workbook(
            path,  # a file object is written into, never reopened by name
            {
                **({"tmpdir": tmpdir} if tmpdir else {}),  # its row files (every row, in plain XML)
                "date_1904": date1904,  # a typed date cell is its serial: the input's calendar
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "default_date_format": "yyyy-mm-dd",
            },
        )
        self._sheet = self._book.add_worksheet(_sheet_name(sheet))
        self._formats: dict[str, Any] = {}
        self.row = 0

    def _format(self, number_format: str | None) -> Any:
        if not number_format or number_format == "General":
            return None
        fmt = self._formats.get(number_format)
        if fmt is None:
            fmt = self._formats[number_format] = self._book.add_format({"num_format": number_format})
        return fmt

    def write(
        self, texts: list[str], typed: Sequence[tuple[Any, str | None]] | None = None, col: int = 0
    ) -> None:
        """Write one row: ``typed`` cells first (if any), then ``texts``, from column ``col``."""
        if self.row >= MAX_ROWS:
            raise OutputError(
                f"Excel holds at most {MAX_ROWS:,} rows per sheet: write CSV (-o out.csv) for more rows."
            )
        ws = self._sheet
        r = self.row
        if typed is not None:
            for value, number_format in typed:
                _write_typed(ws, r, col, value, self._format(number_format))
                col += 1
        for text in texts:
            if text:
                ws.write_string(r, col, excel_text(text))
            col += 1
        self.row += 1

    def close(self) -> None:
        """Write the workbook's file."""
        self._book.close()


def _write_typed(ws: Any, r: int, c: int, value: Any, fmt: Any) -> None:
    if value is None:
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
    elif isinstance(value, str):
        if value:
            ws.write_string(r, c, excel_text(value), fmt)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(r, c, value, fmt)
    elif isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        ws.write_datetime(r, c, value, fmt)
    else:
        ws.write_string(r, c, excel_text(str(value)), fmt)


def _sheet_name(name: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", name).strip("'")[:31]
    return name or "Sheet1"


def check_size(rows: int | None, columns: int, label: str) -> None:
    """Refuse, before any call, a table that an Excel sheet cannot hold."""
    if columns > MAX_COLUMNS:
        raise OutputError(
            f"{label}: {columns:,} columns with the ls.* ones, and an Excel sheet holds {MAX_COLUMNS:,}. "
            "Choose fewer ls.* columns (--columns), or write CSV."
        )
    if rows is not None and rows + 1 > MAX_ROWS:
        raise OutputError(
            f"{label}: {rows:,} rows, and an Excel sheet holds {MAX_ROWS - 1:,} below its header. "
            "Write CSV (-o out.csv), or split the input."
        )
