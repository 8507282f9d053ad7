"""A workbook's parts read as XML (defusedxml), a sheet at a time, Strict or Transitional."""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from leadspace_cli.errors import InputError
from leadspace_cli.formats import numfmt
from leadspace_cli.formats.xlsx_write import MAX_COLUMNS

MAX_PART = 256 * 1024 * 1024  # the unpacked size of a workbook's shared strings, styles or lists


MAX_SHEET = 1024 * 1024 * 1024  # the unpacked size of a sheet (read as a stream)
MAX_RATIO = 100  # unpacked to packed: Excel's parts compress 5-20 to 1; a zip bomb 1,000 to 1
RATIO_FROM = 1024 * 1024  # parts smaller than this unpacked are not judged by their ratio


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


class CellError(str):
    """An error value a formula saved (``#VALUE!``, ``#N/A``): shown as text, never a column's name."""

    __slots__ = ()


@dataclass
class SheetInfo:
    """A sheet of the workbook, as its workbook part lists it."""

    name: str
    state: str  # visible, hidden, veryHidden
    kind: str  # worksheet, chartsheet, dialogsheet, macrosheet
    part: str | None  # the sheet's part in the zip
    filter_area: tuple[int, int, int, int] | None = None  # its _xlnm._FilterDatabase (Advanced Filter)


@dataclass
class SheetScan:
    """What a first pass over a sheet finds: its layout, the first rows, the rows it holds."""

    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # a row's merges across: row, left, right
    hidden_columns: set[int] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    # The areas a filter covers (the sheet's autoFilter, a table's, an Advanced Filter's range), each
    # with whether it filters: criteria in one of its columns, or the sheet saved in filter mode.
    filters: list[tuple[tuple[int, int, int, int], bool]] = field(default_factory=list)
    filter_mode: bool = False  # <sheetPr filterMode="1">: a filter hides rows of this sheet

    def by_filter(self, row: int) -> bool:
        """Whether a hidden row was hidden by a filter (below a filtering area's header row, within
        it), rather than by hand or in a collapsed group."""
        return any(
            (active or self.filter_mode) and top < row <= bottom
            for (top, _, bottom, _), active in self.filters
        )

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
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * info.compress_size:
            raise InputError(
                f"{self.label}: its part {name} unpacks {info.file_size / max(info.compress_size, 1):,.0f} "
                f"times larger than it is packed (to {info.file_size:,} bytes), more than {MAX_RATIO} "
                "to 1: refused as a zip bomb. If Excel opens it, save it again as .xlsx or as CSV UTF-8."
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
        # Recalculated when opened (XlsxWriter's, pandas' and rust_xlsxwriter's workbooks): a formula's
        # saved 0 is the writer's placeholder, not its value.
        self.recalc = False
        properties = False
        filter_areas: dict[int, tuple[int, int, int, int]] = {}  # sheet index -> its filter's range
        for _, elem in _iterparse(self._part(book)):
            tag = _local(elem.tag)
            if tag == "workbookPr" and not properties:
                # The workbook's own properties come first; Excel for Mac repeats the tag in an
                # extension (x14:workbookPr defaultImageDpi=...), which says nothing of the calendar.
                properties = True
                self.date1904 = _true(elem.get("date1904"))
            elif tag == "calcPr":
                self.recalc = _true(elem.get("fullCalcOnLoad"))
            elif tag == "definedName" and elem.get("name", "").lower() == "_xlnm._filterdatabase":
                with contextlib.suppress(TypeError, ValueError):
                    area = _range((elem.text or "").rpartition("!")[2])
                    if area is not None:
                        filter_areas[int(elem.get("localSheetId", ""))] = area
            elif tag == "sheet":
                rid = _attr(elem, "id") or ""
                kind, target = rels.get(rid, ("worksheet", ""))
                part = self._find(target) if target else None
                if kind.endswith("Sheet"):  # Strict's types end the same way as Transitional's
                    kind = kind[: -len("Sheet")] + "sheet"
                self.sheets.append(SheetInfo(elem.get("name", ""), elem.get("state", "visible"), kind, part))
        for index, area in filter_areas.items():
            if 0 <= index < len(self.sheets):
                self.sheets[index].filter_area = area
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
        table: Any = None
        for event, elem in _iterparse(self._part(self._strings_part), ("start", "end")):
            tag = _local(elem.tag)
            if table is None:
                table = elem  # the <sst>: each <si> is taken off it once read, so memory stays flat
            if tag == "rPh" or tag == "phoneticPr":  # East Asian reading aids: not the text
                skip += 1 if event == "start" else -1
            elif event == "end":
                if tag == "t" and not skip:
                    parts.append(elem.text or "")
                elif tag == "si":
                    strings.append(_lines("".join(parts)))
                    parts.clear()
                    elem.clear()
                    if elem is not table:
                        with contextlib.suppress(ValueError):
                            table.remove(elem)
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
        row_elem: Any = None
        try:
            for event, elem in _iterparse(stream, ("start", "end")):
                tag = _local(elem.tag)
                if event == "start":
                    if tag == "row":
                        row_elem = elem
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
                    if row_elem is not None:  # taken off its row, so a row of millions of cells stays small
                        with contextlib.suppress(ValueError):
                            row_elem.remove(elem)
                    if col >= MAX_COLUMNS:
                        elem.clear()
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
                elif (
                    tag in ("cols", "mergeCells", "tableParts", "autoFilter") and container is not None
                ) or (
                    tag == "sheetPr" and container is None  # before the rows: its filter mode
                ):
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
        if v is None or (f is not None and self.recalc and kind == "n" and v.strip() in ("0", "")):
            return None, fmt, f is not None
        if kind == "s":
            try:
                return self.strings[int(v)], fmt, False
            except (ValueError, IndexError):
                return None, fmt, False
        if kind == "e":
            return CellError(v), fmt, False
        if kind == "str":
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
        if sheet.filter_area is not None:
            found.filters.append((sheet.filter_area, False))
        for number, hidden, cells, elem in self._cells(sheet):
            if elem is not None:
                self._layout(sheet, elem, found)
                continue
            if not any(v is not None and v != "" for v, _, _ in cells) and not any(u for _, _, u in cells):
                continue
            if hidden:
                found.hidden_rows.add(number)
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
                if area is not None and area[3] > area[1]:
                    found.spans.append((area[0], area[1], area[3]))
        elif tag == "autoFilter":
            area = _range(elem.get("ref", ""))
            if area is not None:
                found.filters.append((area, _criteria(elem)))
        elif tag == "sheetPr":
            found.filter_mode = _true(elem.get("filterMode"))
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
            for event, elem in _iterparse(self._part(part), ("start", "end")):
                tag = _local(elem.tag)
                if tag == "table" and event == "start":
                    area = _range(elem.get("ref", ""))
                    totals = int(elem.get("totalsRowCount", "0") or 0)
                    name = elem.get("displayName") or elem.get("name") or "a table"
                    if area is not None:
                        found.tables.append((name, area, totals))
                elif tag == "autoFilter" and event == "end":
                    area = _range(elem.get("ref", ""))
                    if area is not None:
                        found.filters.append((area, _criteria(elem)))

    def close(self) -> None:
        self._zip.close()


def _criteria(auto_filter: Any) -> bool:
    """Whether an autoFilter filters: a column of it holds criteria (values, a condition, top 10,
    a colour), not only its button's settings."""
    return any(_local(col.tag) == "filterColumn" and len(col) > 0 for col in auto_filter)


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


def _lines(text: str) -> str:
    """A cell's text: Excel's _xHHHH_ escapes decoded, its line breaks (CR LF, as _x000D_ gives) LF."""
    text = numfmt.unescape(text)
    return text.replace("\r\n", "\n") if "\r" in text else text
