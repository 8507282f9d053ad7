"""Excel workbooks: a sheet read as Excel shows it (openpyxl, read-only) and written (XlsxWriter)."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from typing import Any

from leadspace_cli.errors import InputError, OutputError
from leadspace_cli.formats.rows import _FOOTER, Source, _dedupe_header, _kept_columns

MAX_ROWS = 1_048_576  # per sheet, the header included


MAX_COLUMNS = 16_384


MAX_CELL = 32_767  # characters


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_ZEROS = re.compile(r"^0+$")  # a number format such as 00000 (Excel's zip code format)


class Cells(list[str]):
    """A row of a sheet: the text of each cell, with the typed cells (value, number format) in ``typed``."""

    extra: tuple[str, ...] | list[str] = ()  # set per row: cells past the header (a ragged row)
    problem: str | None = None  # set per row: why it is not sent (a footer, a ragged row)

    def __init__(self, texts: list[str], typed: list[tuple[Any, str | None]]) -> None:
        super().__init__(texts)
        self.typed = typed


def cell_text(value: Any, number_format: str | None = None) -> str:
    """Return a cell's value as Excel shows it, as far as it matters to a request."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return repr(value)
        whole = int(value)
        fmt = (number_format or "").strip()
        if _ZEROS.match(fmt) and whole >= 0:
            return str(whole).zfill(len(fmt))  # 2139 formatted 00000 is the zip code 02139
        return str(whole)
    return str(value)


class SheetReader:
    """An opened sheet of a workbook: its name, the sheet names, and its rows of typed cells."""

    def __init__(self, path: str, sheet: str | None, label: str) -> None:
        import openpyxl

        self.label = label
        # A file object: openpyxl judges a name by its extension, and a workbook may be named .csv.
        self._file = open(path, "rb")  # noqa: SIM115 - closed in close()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it skips
                self._book = openpyxl.load_workbook(
                    self._file, read_only=True, data_only=True, keep_links=False
                )
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            self._file.close()
            if any(type(e).__module__.startswith("defusedxml") for e in (exc, exc.__cause__) if e):
                raise InputError(
                    f"{label} declares XML entities, which Excel never writes: refused, so that nothing "
                    "they expand to is read or sent. Open it in Excel and save it again as .xlsx."
                ) from None
            raise InputError(
                f"{label} looks like an Excel workbook but cannot be read ({type(exc).__name__}): it may "
                "be damaged or password-protected. Open it in Excel and save it again as .xlsx, or as "
                "CSV UTF-8."
            ) from None
        names = self._book.sheetnames
        if sheet is None:
            self.name = names[0]
        elif sheet in names:
            self.name = sheet
        else:
            close = [n for n in names if n.lower() == sheet.lower()]
            if len(close) == 1:
                self.name = close[0]
            else:
                self.close()
                raise InputError(
                    f"{label} has no sheet {sheet!r}. Its sheets: {', '.join(repr(n) for n in names)}. "
                    "Pass one of them with --sheet."
                )
        self.sheets = names
        ws = self._book[self.name]
        if not hasattr(ws, "reset_dimensions"):
            self.close()
            raise InputError(f"{label}: {self.name!r} is a chart sheet, not a table: pass --sheet.")
        size = ws.max_row if ws.max_row and ws.max_row > 1 else None
        self.max_row: int | None = size
        ws.reset_dimensions()  # some writers record a wrong size: read every row there is
        self._ws = ws

    def rows(self) -> Iterator[tuple[int, list[tuple[Any, str | None]]]]:
        """Yield (row number, [(value, number format), ...]) for each row, empty rows included."""
        for number, row in enumerate(self._ws.iter_rows(), start=1):
            yield number, [(c.value, getattr(c, "number_format", None)) for c in row]

    def close(self) -> None:
        self._book.close()
        self._file.close()


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

    def __init__(self, path: str, sheet: str = "Sheet1") -> None:
        import xlsxwriter  # type: ignore[import-untyped]

        self._book = xlsxwriter.Workbook(
            path,
            {
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
        self, texts: list[str], typed: list[tuple[Any, str | None]] | None = None, col: int = 0
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


def _xlsx_source(path: str, sheet: str | None, keep_ls: bool) -> Source:
    """Open a sheet: the first row with any cell is the header; rows are Cells."""
    book = SheetReader(path, sheet, path)
    notes: list[str] = []
    if len(book.sheets) > 1 and sheet is None:
        notes.append(
            f"{path} has {len(book.sheets)} sheets; reading the first, {book.name!r} (--sheet picks another)."
        )
    try:
        it = book.rows()
        header: list[str] = []
        for _line, cells in it:
            header = [cell_text(v, f) for v, f in cells]
            if any(h.strip() for h in header):
                break
        else:
            raise InputError(f"{path}, sheet {book.name!r}, is empty: it needs a header row and rows.")
    except InputError:
        book.close()
        raise
    while header and not header[-1].strip():
        header.pop()
    columns, header_notes = _dedupe_header(header)
    notes += header_notes
    width = len(columns)
    keep = _kept_columns(path, columns, keep_ls, notes)
    if len(keep) < width:
        columns = [columns[i] for i in keep]
    pad: tuple[Any, str | None] = (None, None)

    def rows() -> Iterator[Cells]:
        for number, cells in it:
            if not any(v is not None and v != "" for v, _ in cells):
                continue  # an empty (perhaps formatted) row is not a row
            if len(cells) < width:
                cells = cells + [pad] * (width - len(cells))
            extra = [cell_text(v, f) for v, f in cells[width:]]
            typed = [cells[i] for i in keep]
            row = Cells([cell_text(v, f) for v, f in typed], typed)
            if any(e.strip() for e in extra):
                row.extra = extra
                row.problem = (
                    f"row {number} has cells past the header's {width} columns (written after the ls.* "
                    "columns)"
                )
            elif width > 1 and _FOOTER.match(row[0]) and not any(c.strip() for c in row[1:]):
                footer = row[0].strip()[:40]
                row.problem = f"row {number} is a report footer ({footer!r}), not a row: not sent"
            yield row

    total = None if book.max_row is None else max(0, book.max_row - 1)
    source = Source(path, "csv", columns, rows(), notes=notes, total=total, _close=book.close)
    source.sheet = book.name
    return source
