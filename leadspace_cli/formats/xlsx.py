"""Excel workbooks: a sheet read as Excel shows it (from the workbook's XML) and written (XlsxWriter)."""

from __future__ import annotations

import contextlib
import datetime as dt
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from leadspace_cli.errors import InputError, OutputError
from leadspace_cli.formats import numfmt
from leadspace_cli.formats.rows import _FOOTER, Source, _dedupe_header, _kept_columns

MAX_ROWS = 1_048_576  # per sheet, the header included


MAX_COLUMNS = 16_384


MAX_CELL = 32_767  # characters


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Cells(list[str]):
    """A row of a sheet: the text of each cell, with the typed cells (value, number format) in ``typed``."""

    extra: tuple[str, ...] | list[str] = ()  # set per row: cells past the header (a note)
    problem: str | None = None  # set per row: why it cannot be sent
    skip: str | None = None  # set per row: why it is not a lead (a Total row, hidden by a filter)

    def __init__(self, texts: list[str], typed: list[tuple[Any, str | None]]) -> None:
        super().__init__(texts)
        self.typed = typed


def cell_text(value: Any, number_format: str | None = None, date1904: bool = False) -> str:
    """Return a cell's value as Excel shows it, as far as it matters to a request (see numfmt)."""
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
    if isinstance(value, int | float):
        return numfmt.number_text(value, number_format, date1904)
    return str(value)


MAX_PART = 256 * 1024 * 1024  # the unpacked size of a workbook's shared strings, styles or lists
MAX_SHEET = 4 * 1024 * 1024 * 1024  # the unpacked size of a sheet (read as a stream)


def _lines(text: str) -> str:
    """A cell's text: Excel's _xHHHH_ escapes decoded, its line breaks (CR LF, as _x000D_ gives) LF."""
    text = numfmt.unescape(text)
    return text.replace("\r\n", "\n") if "\r" in text else text


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attr(elem: Any, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (Strict and Transitional differ)."""
    value = elem.get(name)
    if value is not None:
        return str(value)
    for key, val in elem.attrib.items():
        if _local(key) == name:
            return str(val)
    return None


def _true(value: str | None) -> bool:
    return value in ("1", "true", "on")


_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """Return (first row, first column, last row, last column), rows from 1, columns from 0."""
    parts = ref.split(":")
    a = _REF.fullmatch(parts[0])
    b = _REF.fullmatch(parts[-1])
    if a is None or b is None:
        return None
    return int(a.group(2)), _col_index(a.group(1)), int(b.group(2)), _col_index(b.group(1))


@dataclass
class SheetInfo:
    """A sheet of the workbook, as its workbook part lists it."""

    name: str
    state: str  # visible, hidden, veryHidden
    kind: str  # worksheet, chartsheet, dialogsheet, macrosheet
    part: str | None  # the sheet's part in the zip


@dataclass
class SheetScan:
    """What a first pass over a sheet finds: its layout, the first rows, the rows it holds."""

    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_columns: set[int] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    filtered: bool = False  # an autofilter in the sheet or one of its tables
    tables: list[tuple[str, tuple[int, int, int, int], int]] = field(default_factory=list)
    first_rows: list[tuple[int, list[tuple[Any, str | None, bool]]]] = field(default_factory=list)
    rows: int = 0  # rows with any value
    formulas_unsaved: dict[int, int] = field(default_factory=dict)  # column -> formulas without a value


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


class Workbook:
    """An Excel workbook (.xlsx, .xlsm; Transitional or Strict Open XML) read from its parts.

    Values need no styles: a workbook whose styles cannot be read (Hancom Office's, some others')
    is read with every cell in the General format. XML is parsed with defusedxml: a part that
    declares entities is refused. Memory stays bounded: sheets are read as streams, and the shared
    strings and styles are refused past MAX_PART unpacked.
    """

    def __init__(self, path: str | IO[bytes], label: str) -> None:
        self.label = label
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError(
                f"{label} is a damaged or truncated workbook (its zip archive cannot be read: {exc}): it "
                "was probably cut short while being copied or downloaded. Copy or download it again, or "
                "open it in Excel and save it again as .xlsx."
            ) from None
        self._names = set(self._zip.namelist())
        try:
            self._read_workbook()
            self.formats = self._read_styles()
            self.strings = self._read_strings()
        except InputError:
            self._zip.close()
            raise
        except Exception as exc:  # a damaged part: the workbook cannot be read as a whole
            self._zip.close()
            raise _damaged(label, exc) from None

    # The parts.

    def _part(self, name: str, limit: int = MAX_PART) -> IO[bytes]:
        info = self._zip.getinfo(name)
        if info.file_size > limit:
            raise InputError(
                f"{self.label}: its part {name} unpacks to {info.file_size:,} bytes, more than "
                f"{limit:,}: refused (a workbook this large, or a zip bomb). Save it as CSV UTF-8."
            )
        return self._zip.open(info)

    def _find(self, name: str) -> str | None:
        if name in self._names:
            return name
        lower = name.lower()
        return next((n for n in self._names if n.lower() == lower), None)

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Return a part's relationships: id -> (type's last word, target part)."""
        folder, base = posixpath.split(part)
        name = self._find(posixpath.join(folder, "_rels", base + ".rels"))
        if name is None:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for _, elem in _iterparse(self._part(name)):
            if _local(elem.tag) == "Relationship" and elem.get("TargetMode") != "External":
                rid, target = elem.get("Id"), elem.get("Target")
                if rid and target:
                    out[rid] = (elem.get("Type", "").rpartition("/")[2], _resolve(part, target))
        return out

    def _read_workbook(self) -> None:
        root = self._rels("")  # _rels/.rels
        book = next((t for kind, t in root.values() if kind == "officeDocument"), None)
        book = self._find(book) if book else None
        if book is None:
            book = next((n for n in sorted(self._names) if re.fullmatch(r"[^/]+/workbook\.xml", n)), None)
        if book is None:
            raise InputError(_not_a_workbook(self.label, self._names))
        self.book_part = book
        rels = self._rels(book)
        self.sheets: list[SheetInfo] = []
        self.date1904 = False
        for _, elem in _iterparse(self._part(book)):
            tag = _local(elem.tag)
            if tag == "workbookPr":
                self.date1904 = _true(elem.get("date1904"))
            elif tag == "sheet":
                rid = _attr(elem, "id") or ""
                kind, target = rels.get(rid, ("worksheet", ""))
                part = self._find(target) if target else None
                if kind.endswith("Sheet"):  # Strict's types end the same way as Transitional's
                    kind = kind[: -len("Sheet")] + "sheet"
                self.sheets.append(SheetInfo(elem.get("name", ""), elem.get("state", "visible"), kind, part))
        if not self.sheets:
            raise InputError(
                f"{self.label} is a workbook with no sheets listed: it may be damaged. Open it in Excel "
                "and save it again as .xlsx, or as CSV UTF-8."
            )
        self._styles_part = next((self._find(t) for k, t in rels.values() if k == "styles"), None)
        self._strings_part = next((self._find(t) for k, t in rels.values() if k == "sharedStrings"), None)

    def _read_styles(self) -> list[str | None]:
        """Return each cell style's number format ("General" when the styles cannot be read)."""
        if self._styles_part is None:
            return []
        custom: dict[int, str] = {}
        xfs: list[str | None] = []
        try:
            in_xfs = False
            for event, elem in _iterparse(self._part(self._styles_part), ("start", "end")):
                tag = _local(elem.tag)
                if event == "start":
                    if tag == "cellXfs":
                        in_xfs = True
                    continue
                if tag == "numFmt":
                    with contextlib.suppress(TypeError, ValueError):
                        custom[int(elem.get("numFmtId", ""))] = elem.get("formatCode", "")
                elif tag == "xf" and in_xfs:
                    try:
                        fid = int(elem.get("numFmtId", "0"))
                    except ValueError:
                        fid = 0
                    xfs.append(custom.get(fid) or numfmt.BUILTIN.get(fid))
                elif tag == "cellXfs":
                    in_xfs = False
        except InputError:
            raise
        except Exception:  # values do not need styles
            return []
        return xfs

    def _read_strings(self) -> list[str]:
        if self._strings_part is None:
            return []
        strings: list[str] = []
        parts: list[str] = []
        skip = 0
        for event, elem in _iterparse(self._part(self._strings_part), ("start", "end")):
            tag = _local(elem.tag)
            if tag == "rPh" or tag == "phoneticPr":  # East Asian reading aids: not the text
                skip += 1 if event == "start" else -1
            elif event == "end":
                if tag == "t" and not skip:
                    parts.append(elem.text or "")
                elif tag == "si":
                    strings.append(_lines("".join(parts)))
                    parts.clear()
                    elem.clear()
        return strings

    # A sheet.

    def sheet(self, name: str | None, include_hidden: bool = False) -> SheetInfo:
        """Return the sheet to read: the one named (any state), else the first visible worksheet."""
        names = [s.name for s in self.sheets]
        listed = ", ".join(f"{s.name!r}{_state(s)}" for s in self.sheets)
        if name is not None:
            found = next((s for s in self.sheets if s.name == name), None)
            if found is None:
                close = [s for s in self.sheets if s.name.lower() == name.lower()]
                found = close[0] if len(close) == 1 else None
            if found is None:
                raise InputError(
                    f"{self.label} has no sheet {name!r}. Its sheets: {listed}. Pass one with --sheet."
                )
        else:
            found = next((s for s in self.sheets if s.state == "visible" and s.kind == "worksheet"), None)
            if found is None:
                raise InputError(
                    f"{self.label} has no visible worksheet. Its sheets: {listed}. Pass one with --sheet."
                )
        if found.kind != "worksheet" or found.part is None:
            what = "a chart sheet" if found.kind == "chartsheet" else f"a {found.kind}"
            raise InputError(
                f"{self.label}: sheet {found.name!r} is {what}, not a table of rows. Its sheets: {listed}. "
                "Pass a worksheet with --sheet."
            )
        del names
        return found

    def _cells(self, sheet: SheetInfo) -> Iterator[tuple[int, bool, list[tuple[Any, str | None, bool]], Any]]:
        """Yield (row number, hidden, [(value, number format, formula without value)], root) per row
        that has a cell; the root's other children (cols, mergeCells, tableParts) are seen after."""
        assert sheet.part is not None
        stream = self._part(sheet.part, MAX_SHEET)
        row_number = 0
        row_hidden = False
        cells: list[tuple[Any, str | None, bool]] = []
        col = -1
        container: Any = None
        try:
            for event, elem in _iterparse(stream, ("start", "end")):
                tag = _local(elem.tag)
                if event == "start":
                    if tag == "row":
                        r = elem.get("r")
                        row_number = int(r) if r and r.isdigit() else row_number + 1
                        row_hidden = _true(elem.get("hidden"))
                        cells = []
                        col = -1
                    elif tag == "sheetData":
                        container = elem
                    continue
                if tag == "c":
                    ref = elem.get("r")
                    m = _REF.fullmatch(ref) if ref else None
                    col = _col_index(m.group(1)) if m else col + 1
                    if col >= MAX_COLUMNS:
                        continue
                    if len(cells) < col:
                        cells.extend([(None, None, False)] * (col - len(cells)))
                    cell = self._value(elem)
                    if len(cells) == col:
                        cells.append(cell)
                    else:
                        cells[col] = cell
                    elem.clear()
                elif tag == "row":
                    yield row_number, row_hidden, cells, None
                    elem.clear()
                    if container is not None:
                        with contextlib.suppress(ValueError):
                            container.remove(elem)
                elif tag in ("cols", "mergeCells", "tableParts", "autoFilter") and container is not None:
                    yield 0, False, [], elem
        finally:
            stream.close()

    def _value(self, c: Any) -> tuple[Any, str | None, bool]:
        kind = c.get("t", "n")
        v = f = None
        inline: list[str] = []
        for child in c:
            tag = _local(child.tag)
            if tag == "v":
                v = child.text
            elif tag == "f":
                f = child
            elif tag == "is":
                inline = [t.text or "" for t in child.iter() if _local(t.tag) == "t"]
                phonetic = [
                    t.text or ""
                    for p in child.iter()
                    if _local(p.tag) == "rPh"
                    for t in p.iter()
                    if _local(t.tag) == "t"
                ]
                if phonetic:
                    inline = inline[: len(inline) - len(phonetic)]
        style = c.get("s")
        fmt: str | None = None
        if style and style.isdigit() and int(style) < len(self.formats):
            fmt = self.formats[int(style)]
        if kind == "inlineStr":
            return _lines("".join(inline)), fmt, False
        if v is None:
            return None, fmt, f is not None
        if kind == "s":
            try:
                return self.strings[int(v)], fmt, False
            except (ValueError, IndexError):
                return None, fmt, False
        if kind in ("str", "e"):
            return _lines(v), fmt, False
        if kind == "b":
            return v.strip() in ("1", "true"), fmt, False
        if kind == "d":
            moment = numfmt.iso_value(v)
            return (moment if moment is not None else v), fmt or "yyyy-mm-dd", False
        try:
            number = float(v)
        except ValueError:
            return v, fmt, False
        if number.is_integer() and abs(number) < 2**53 and "." not in v and "E" not in v.upper():
            return int(number), fmt, False
        return number, fmt, False

    def scan(self, sheet: SheetInfo, keep_first: int) -> SheetScan:
        """Read a sheet through once: its layout, its first rows, and its rows counted."""
        found = SheetScan()
        for number, hidden, cells, elem in self._cells(sheet):
            if elem is not None:
                self._layout(sheet, elem, found)
                continue
            if hidden:
                found.hidden_rows.add(number)
            if not any(v is not None and v != "" for v, _, _ in cells) and not any(u for _, _, u in cells):
                continue
            found.rows += 1
            for i, (_, _, unsaved) in enumerate(cells):
                if unsaved:
                    found.formulas_unsaved[i] = found.formulas_unsaved.get(i, 0) + 1
            if len(found.first_rows) < keep_first:
                found.first_rows.append((number, cells))
        return found

    def _layout(self, sheet: SheetInfo, elem: Any, found: SheetScan) -> None:
        tag = _local(elem.tag)
        if tag == "cols":
            for col in elem:
                if _true(col.get("hidden")):
                    with contextlib.suppress(TypeError, ValueError):
                        lo, hi = int(col.get("min")), int(col.get("max"))
                        found.hidden_columns.update(range(lo - 1, min(hi, MAX_COLUMNS)))
        elif tag == "mergeCells":
            for merge in elem:
                area = _range(merge.get("ref", ""))
                if area is not None and area[2] > area[0]:
                    found.merges.append(area)
        elif tag == "autoFilter":
            found.filtered = True
        elif tag == "tableParts":
            assert sheet.part is not None
            rels = self._rels(sheet.part)
            for part in elem:
                kind, target = rels.get(_attr(part, "id") or "", ("", ""))
                name = self._find(target) if target else None
                if kind == "table" and name is not None:
                    self._table(name, found)
        elem.clear()

    def _table(self, part: str, found: SheetScan) -> None:
        with contextlib.suppress(Exception):  # a table we cannot read is only a table
            for event, elem in _iterparse(self._part(part), ("start",)):
                tag = _local(elem.tag)
                if tag == "table" and event == "start":
                    area = _range(elem.get("ref", ""))
                    totals = int(elem.get("totalsRowCount", "0") or 0)
                    name = elem.get("displayName") or elem.get("name") or "a table"
                    if area is not None:
                        found.tables.append((name, area, totals))
                elif tag == "autoFilter":
                    found.filtered = True

    def close(self) -> None:
        self._zip.close()


def _state(sheet: SheetInfo) -> str:
    notes = []
    if sheet.state != "visible":
        notes.append("very hidden" if sheet.state == "veryHidden" else "hidden")
    if sheet.kind != "worksheet":
        notes.append("a chart" if sheet.kind == "chartsheet" else sheet.kind)
    return f" ({', '.join(notes)})" if notes else ""


def _iterparse(stream: IO[bytes], events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped]

    with stream:
        yield from iterparse(stream, events=events)


def _damaged(label: str, exc: BaseException) -> InputError:
    if any(type(e).__module__.startswith("defusedxml") for e in (exc, exc.__cause__) if e):
        return InputError(
            f"{label} declares XML entities, which Excel never writes: refused, so that nothing "
            "they expand to is read or sent. Open it in Excel and save it again as .xlsx."
        )
    if isinstance(exc, zipfile.BadZipFile | EOFError | zlib.error):
        return InputError(
            f"{label} is a damaged or truncated workbook (a part cannot be unpacked): copy or download it "
            "again, or open it in Excel and save it again as .xlsx."
        )
    return InputError(
        f"{label} is an Excel workbook that cannot be read ({type(exc).__name__}: a damaged part): open "
        "it in Excel, or LibreOffice, and save it again as .xlsx, or as CSV UTF-8."
    )


def _not_a_workbook(label: str, names: set[str]) -> str:
    return (
        f"{label} is a zip archive without a workbook part: not an Excel workbook. If it holds one, "
        "unzip it and run on the file inside; else open the file in the program that made it and save "
        "it as .xlsx or CSV UTF-8."
    )


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


HEADER_SEARCH = 30  # the rows looked at for the header


def _texts(cells: list[tuple[Any, str | None, bool]], date1904: bool) -> list[str]:
    return [cell_text(v, f, date1904) for v, f, _ in cells]


def _pick_header(
    rows: list[tuple[int, list[tuple[Any, str | None, bool]]]],
    header_hint: Callable[[str], bool] | None,
) -> int:
    """Return the index (in ``rows``) of the header: the first row with at least two text cells of
    which one names a field (``header_hint``); else the first with two text cells; else the first."""
    texty = [
        i
        for i, (_, cells) in enumerate(rows)
        if sum(1 for v, _, _ in cells if isinstance(v, str) and v.strip()) >= 2
    ]
    if header_hint is not None:
        for i in texty:
            if any(isinstance(v, str) and v.strip() and header_hint(v.strip()) for v, _, _ in rows[i][1]):
                return i
    return texty[0] if texty else 0


def _xlsx_source(
    path: str,
    sheet: str | None,
    keep_ls: bool,
    *,
    include_hidden: bool = False,
    header_row: int | None = None,
    header_hint: Callable[[str], bool] | None = None,
) -> Source:
    """Open a sheet of a workbook: its header row, then its rows as Cells (see the README)."""
    spool: IO[bytes] | None = None
    label = path
    if path == "-":
        import shutil
        import sys
        import tempfile

        label = "stdin"
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the source
        shutil.copyfileobj(sys.stdin.buffer, spool)
        spool.seek(0)
    try:
        book = Workbook(path if spool is None else spool, label)
    except BaseException:
        if spool is not None:
            spool.close()
        raise

    def close() -> None:
        book.close()
        if spool is not None:
            spool.close()

    try:
        source = _sheet_source(book, label, sheet, keep_ls, include_hidden, header_row, header_hint)
    except InputError:
        close()
        raise
    except Exception as exc:
        close()
        raise _damaged(label, exc) from None
    source._close = close
    return source


def _sheet_source(
    book: Workbook,
    label: str,
    sheet: str | None,
    keep_ls: bool,
    include_hidden: bool,
    header_row: int | None,
    header_hint: Callable[[str], bool] | None,
) -> Source:
    info = book.sheet(sheet, include_hidden)
    notes: list[str] = []
    listed = ", ".join(f"{s.name!r}{_state(s)}" for s in book.sheets)
    if sheet is None and len(book.sheets) > 1:
        notes.append(
            f"{label} has {len(book.sheets)} sheets ({listed}); reading the first visible worksheet, "
            f"{info.name!r} (--sheet picks another)."
        )
    keep_first = max(HEADER_SEARCH, header_row or 0)
    scan = book.scan(info, keep_first)
    date1904 = book.date1904
    if not scan.first_rows:
        raise InputError(
            f"{label}, sheet {info.name!r}, is empty: it needs a header row and rows. Its sheets: {listed}. "
            "Pass another with --sheet."
        )
    if header_row is not None:
        at = next((i for i, (n, _) in enumerate(scan.first_rows) if n == header_row), None)
        if at is None:
            raise InputError(
                f"--header-row {header_row}: row {header_row} of {label}, sheet {info.name!r}, is empty or "
                "past its rows. Give the number of the row that holds the column names, as Excel shows it."
            )
    else:
        at = _pick_header(scan.first_rows, header_hint)
    header_number, header_cells = scan.first_rows[at]
    if at > 0:
        above = scan.first_rows[0][0]
        notes.append(
            f"{label}: the header is row {header_number} (rows {above} to {header_number - 1}, a title "
            f"above the table, are not read; --header-row N picks another row)."
        )
    header = _texts(header_cells, date1904)
    while header and not header[-1].strip():
        header.pop()
    if not header:
        why = (
            "its cells are formulas with no saved value (the program that wrote it did not calculate "
            "them): open it in Excel or LibreOffice and save it"
            if scan.formulas_unsaved
            else "pass the header's row with --header-row N"
        )
        raise InputError(f"{label}, sheet {info.name!r}: its header row {header_number} is empty: {why}.")
    columns, header_notes = _dedupe_header(header)
    notes += header_notes
    width = len(columns)
    keep = _kept_columns(label, columns, keep_ls, notes)
    for col, count in sorted(scan.formulas_unsaved.items()):
        name = repr(columns[col]) if col < width else f"{_letters(col)} (no header)"
        notes.append(
            f"{label}: column {name} has {count} formula cell{'s' if count > 1 else ''} with no saved value "
            "(the program that wrote the workbook did not calculate it): read as empty. Open the workbook "
            "in Excel or LibreOffice and save it, to have the values."
        )
    hidden_columns = [columns[i] for i in sorted(scan.hidden_columns) if i < width and i in keep]
    if len(keep) < width:
        columns = [columns[i] for i in keep]

    skip: dict[int, str] = {}
    for name, (_top, _, bottom, _), totals in scan.tables:
        for number in range(bottom - totals + 1, bottom + 1):
            if totals > 0 and number > header_number:
                skip[number] = f"the Total row of the table {name!r}: not a lead (not sent, no credit)"
    if skip:
        notes.append(
            f"{label}: {len(skip)} Total row{'s' if len(skip) > 1 else ''} of a table: written back as "
            "skipped, not sent."
        )
    if not include_hidden:
        why = "hidden by the sheet's filter" if scan.filtered else "hidden in the sheet"
        for number in scan.hidden_rows:
            if number > header_number and number not in skip:
                skip[number] = f"row {number} is {why}: not sent (--include-hidden sends hidden rows)"
    hidden_count = sum(1 for n in scan.hidden_rows if n > header_number)
    if hidden_count and not include_hidden:
        notes.append(
            f"{label}: {hidden_count} row{'s are' if hidden_count > 1 else ' is'} {why}: "
            f"{'they are' if hidden_count > 1 else 'it is'} written back as skipped and not sent "
            "(--include-hidden sends them)."
        )
    merges: dict[int, list[tuple[int, int, int]]] = {}
    for top, left, bottom, _right in scan.merges:
        if top >= header_number:
            merges.setdefault(top, []).append((left, top, bottom))
    pad: tuple[Any, str | None] = (None, None)

    def rows() -> Iterator[Cells]:
        fills: list[tuple[int, int, tuple[Any, str | None]]] = []  # (column, last row, cell)
        for number, _hidden, raw, _ in book._cells(info):
            if number <= header_number:
                continue
            cells: list[tuple[Any, str | None]] = [(v, f) for v, f, _ in raw]
            if fills:
                fills[:] = [fill for fill in fills if fill[1] >= number]
                for col, _last, value in fills:
                    if col >= len(cells):
                        cells.extend([pad] * (col + 1 - len(cells)))
                    if cells[col][0] is None:
                        cells[col] = value
            for left, _top, bottom in merges.get(number, ()):
                if left < len(cells) and cells[left][0] is not None:
                    fills.append((left, bottom, cells[left]))
            if not any(v is not None and v != "" for v, _ in cells):
                continue  # an empty (perhaps formatted) row is not a row
            if len(cells) < width:
                cells = cells + [pad] * (width - len(cells))
            extra = [cell_text(v, f, date1904) for v, f in cells[width:]]
            typed = [cells[i] for i in keep]
            row = Cells([cell_text(v, f, date1904) for v, f in typed], typed)
            while extra and not extra[-1].strip():
                extra.pop()
            if extra:
                row.extra = extra  # a note typed beside the table: written after the ls.* columns
            if number in skip:
                row.skip = skip[number]
            elif width > 1 and _FOOTER.match(row[0]) and not any(c.strip() for c in row[1:]):
                footer = row[0].strip()[:40]
                row.problem = f"row {number} is a report footer ({footer!r}), not a row: not sent"
            yield row

    total = max(0, scan.rows - at - 1)
    source = Source(label, "csv", columns, rows(), notes=notes, total=total)
    source.sheet = info.name
    source.date1904 = date1904
    source.hidden_columns = hidden_columns
    if any(
        len([c for c in cells[width:] if c[0] not in (None, "")]) for _, cells in scan.first_rows[at + 1 :]
    ):
        notes.append(
            f"{label}: some rows have cells to the right of the header's {width} columns (notes): they are "
            "kept, written after the ls.* columns, and the rows are enriched."
        )
    return source


def _letters(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out
