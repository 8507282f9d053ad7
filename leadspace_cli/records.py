"""Read rows lazily from CSV, TSV and JSONL (optionally gzipped, or stdin).

Rows stream: nothing here holds more than one row of the input.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import decimal
import gzip
import io
import itertools
import json
import math
import operator
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from leadspace_cli import workbook
from leadspace_cli.errors import InputError

# Real exports carry long notes fields (the csv module's default limit is 128 KiB), but no lead
# needs more than this: a larger row or JSON line is refused with a message, not read into memory.
MAX_ROW = 16 * 1024 * 1024
csv.field_size_limit(MAX_ROW)

FORMATS = ("csv", "tsv", "jsonl", "xlsx")
LS_PREFIX = "ls."  # the columns leadspace writes (flatten.PREFIX)
_FORMAT_NAMES = {
    "csv": "csv",
    "tsv": "tsv",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "json": "jsonl",
    "xlsx": "xlsx",
    "xlsm": "xlsx",
    "excel": "xlsx",
}


def format_of(name: str, explicit: str | None = None) -> str:
    """Return the format (csv, tsv, jsonl) of a file name, or the explicit choice."""
    if explicit:
        fmt = _FORMAT_NAMES.get(explicit.lower())
        if fmt is None:
            raise InputError(f"Unknown format {explicit!r}: use one of {', '.join(FORMATS)}.")
        return fmt
    lower = name.lower().removesuffix(".gz")
    if lower.endswith(workbook.SUFFIXES):
        return "xlsx"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".tsv", ".tab")):
        return "tsv"
    return "csv"


@dataclass
class Source:
    """An opened input: its columns, and its rows as a lazy iterator.

    CSV rows are lists of strings as long as ``columns``; JSONL rows are dicts.
    """

    name: str
    kind: str  # "csv" (rows are lists), "jsonl" or "records" (rows are mappings)
    columns: list[str]
    rows: Iterator[Any]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    total: int | None = None  # the rows counted by a pre-scan
    sheet: str | None = None  # of a workbook: the sheet read
    _close: Callable[[], None] | None = None

    def fetcher(self, columns: list[str]) -> Callable[[Any], Sequence[str]]:
        """Return a function that takes a row and gives those columns' values as text."""
        if self.kind == "csv":
            indices = [self.columns.index(c) for c in columns]
            if len(indices) == 1:
                i = indices[0]
                return lambda row: (row[i],)
            if not indices:
                return lambda row: ()
            return operator.itemgetter(*indices)
        return lambda row: [value_text(field_of(row, c)) for c in columns]

    def close(self) -> None:
        """Close the underlying file."""
        if self._close is not None:
            self._close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cell_text(value: Any) -> str:
    """Return a JSON value as a CSV cell: text as is, None empty, others as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def value_text(value: Any) -> str:
    """Return a value as a person would write it in a request: never "nan", "None" or "false".

    None, NaN, NaT and false are empty; whole numbers have no ".0"; dates are ISO dates; numpy and
    pandas scalars count as their Python values; objects and lists are JSON text.
    """
    if value is None or value.__class__ is str:
        return value or ""
    if isinstance(value, bool):
        return "true" if value else ""
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float | decimal.Decimal):
        if not math.isfinite(value):
            return ""
        whole = int(value)
        if value == whole and -(10**16) < whole < 10**16:
            return str(whole)
        return str(value)
    if isinstance(value, int):
        return str(value)
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item) and not isinstance(value, dict | list):
        with contextlib.suppress(TypeError, ValueError):
            return value_text(item())
    return cell_text(value)


def field_of(row: Any, column: str) -> Any:
    """Return a record's value for a column: the key itself, else its dotted path into nested objects."""
    value = row.get(column)
    if value is None and "." in column and column not in row:
        node: Any = row
        for part in column.split("."):
            if not isinstance(node, dict):
                return None
            node = node.get(part)
        return node
    return value


def record_columns(obj: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    """Yield a record's columns: its keys, with nested objects as the dotted paths of their leaves.

    A top-level ``ls`` object (the answer in an earlier output) stays one column.
    """
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value and name != "ls":
            yield from record_columns(value, name + ".")
        else:
            yield name


def records_source(records: Iterable[Mapping[str, Any]], *, lookahead: int = 1000) -> Source:
    """Return a Source over records (dicts): columns are the union of the first ``lookahead``'s keys.

    The look-ahead is held in memory; the rest streams. Keys first seen later are still written
    (the Python API returns each record whole) but cannot be mapped by detection.
    """
    it = iter(records)
    head: list[Any] = []
    columns: dict[str, None] = {}
    for rec in itertools.islice(it, lookahead):
        if not isinstance(rec, Mapping):
            raise InputError(
                f"Record {len(head) + 1} is a {type(rec).__name__}, not a mapping: give dicts, such as "
                "csv.DictReader rows or df.to_dict('records')."
            )
        head.append(rec)
        columns.update(dict.fromkeys(record_columns(rec)))

    def rows() -> Iterator[Any]:
        yield from head
        for number, rec in enumerate(it, start=len(head) + 1):
            if not isinstance(rec, Mapping):
                yield _BadLine(f"record {number} is a {type(rec).__name__}, not a mapping", repr(rec))
            else:
                yield rec

    return Source("records", "records", list(columns), rows())


GZIP_MAGIC = b"\x1f\x8b"
ENCODING_SAMPLE = MAX_ROW  # of a compressed input, the part read ahead to judge its encoding
RUNAWAY_LINES = 20  # a quoted field spanning this many lines is checked for swallowed rows
STDIN_LOOKAHEAD = 1000  # JSON Lines on stdin: lines read ahead to find the columns
_SURROGATE = re.compile("[\udc80-\udcff]")  # a byte that did not decode (surrogateescape)


def _is_gzip(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == GZIP_MAGIC
    except OSError:
        return False


def _open_binary(path: str) -> IO[bytes]:
    """Open an input's bytes; gzip is recognised by its first bytes, whatever the name."""
    if path == "-":
        stdin = sys.stdin.buffer
        peek = getattr(stdin, "peek", None)
        if peek is not None and peek(2)[:2] == GZIP_MAGIC:
            return gzip.GzipFile(fileobj=stdin, mode="rb")  # type: ignore[return-value]
        return stdin
    try:
        if _is_gzip(path):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        if path.lower().endswith(".gz") and os.path.isfile(path):
            raise InputError(
                f"Cannot read {path}: it is named .gz but is not gzip-compressed. Rename it without .gz "
                "if it is plain text, or compress it again."
            )
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"No such input file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder: give a CSV, TSV, JSONL or XLSX file.") from None
    except OSError as exc:
        raise InputError(f"Cannot open {path}: {exc.strerror}") from None


def _decodes(path: str, encoding: str, limit: int | None = None) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    stream = _open_binary(path)
    read = 0
    try:
        while chunk := stream.read(1 << 20):
            decoder.decode(chunk)
            read += len(chunk)
            if limit is not None and read >= limit:
                return True
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except (OSError, EOFError) as exc:
        raise InputError(f"Cannot read {path}: {exc}") from None
    finally:
        stream.close()
    return True


def _check_content(path: str, fmt: str) -> str:
    """Return the format the file's bytes say (a workbook named .csv is read as one); refuse a file
    whose bytes are not text (a PDF, an old .xls), with how to fix it: never its bytes."""
    try:
        with _open_binary(path) as fh:
            start = fh.read(4096)
    except (OSError, EOFError):
        return fmt  # reading proper says what is wrong
    if start.startswith(b"PK\x03\x04"):
        if workbook.is_workbook(path):
            return "xlsx"
        raise InputError(
            f"{path} is a zip archive, not CSV text or an Excel workbook: unzip it, and run on the file "
            "inside."
        )
    if fmt == "xlsx":
        looks = "text" if b"\x00" not in start else "not text"
        raise InputError(
            f"{path} is named like an Excel workbook, but it is not one (its content is {looks}). If it "
            "is CSV, rename it .csv or pass --input-format csv; else open it in Excel and save it as "
            ".xlsx."
        )
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{path} is an old Excel (.xls) workbook, which leadspace does not read: in Excel, save it "
            "as .xlsx (Excel Workbook) or CSV UTF-8, and run again."
        )
    if start.startswith(b"%PDF"):
        raise InputError(f"{path} is a PDF, not CSV or JSON Lines text.")
    nuls = start.count(b"\x00")
    if nuls >= 32 and nuls > len(start) // 10 and not any(start.startswith(b) for b, _, _ in _BOMS):
        # A stray NUL in a cell is data; a tenth of the bytes is a binary file (or UTF-16 sans BOM).
        raise InputError(
            f"{path} does not look like text (many NUL bytes near its start): give a CSV, TSV or JSON "
            "Lines file, or pass --encoding utf-16 if it is UTF-16 text without a byte-order mark."
        )
    return fmt


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _unicode_bom(path: str) -> tuple[str, str] | None:
    """Return the encoding a UTF-16 or UTF-32 byte-order mark names, or None."""
    if path == "-":
        peek = getattr(sys.stdin.buffer, "peek", None)
        start = peek(4)[:4] if peek is not None else b""
    else:
        try:
            with _open_binary(path) as fh:
                start = fh.read(4)
        except (OSError, EOFError):
            return None
    return next(((enc, name) for bom, enc, name in _BOMS if start.startswith(bom)), None)


def detect_encoding(path: str) -> tuple[str, str | None, bool]:
    """Return the encoding of a file, a note when it is not UTF-8, and whether all of it was checked.

    A plain file is read through once per candidate (UTF-8, then Windows-1252), so that a stray byte
    at the end is found before any call; Latin-1, which decodes any byte, is the last resort. Of a
    compressed file only the first 16 MiB are judged (its size is unknown until it is unpacked);
    stdin cannot be read twice and is taken as UTF-8. What was not checked is checked row by row.
    """
    unicode = _unicode_bom(path)
    if unicode is not None:
        encoding, name = unicode
        note = f"{path} is {name} text (by its byte-order mark, as Excel's Unicode Text is)."
        return encoding, note, False  # each row is checked as it is read
    if path == "-":
        return "utf-8-sig", None, False
    limit = ENCODING_SAMPLE if _is_gzip(path) else None
    if _decodes(path, "utf-8", limit):
        return "utf-8-sig", None, limit is None
    for encoding, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        if encoding == "latin-1" or _decodes(path, encoding, limit):
            return (
                encoding,
                f"{path} is not UTF-8; reading it as {name}. If accents look wrong, pass --encoding "
                "(for example --encoding cp1252, latin-1 or mac-roman).",
                limit is None,
            )
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def open_source(
    path: str,
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    prescan: bool = False,
    keep_ls: bool = False,
    sheet: str | None = None,
) -> Source:
    """Open an input file (or ``-`` for stdin) and read its header.

    With ``prescan`` a file is read through once first, in constant memory, so that what would
    stop the run midway (a runaway quoted field, a row over 16 MiB, a bad byte) stops it before any
    call, JSON Lines columns are the union of every line's keys, and the rows are counted.
    Raises InputError, with the fix, for an empty file, a missing header or unreadable text.
    """
    fmt = format_of(path, input_format)
    sep = delimiter or ("\t" if fmt == "tsv" else None)  # None: Excel's sep= line, else sniffed
    if sep is not None:
        sep = "\t" if sep in ("\\t", "tab") else sep
        if fmt != "jsonl" and len(sep) != 1:
            raise InputError(f"--delimiter must be one character, not {sep!r}.")
    notes: list[str] = []
    checked = True
    if path != "-":
        found_fmt = _check_content(path, fmt)
        if found_fmt != fmt and input_format is None:
            notes.append(f"{path} is an Excel workbook, whatever its name says: read as one.")
            fmt = found_fmt
    elif fmt == "xlsx":
        raise InputError("A workbook cannot be read from stdin: give its file name.")
    if fmt == "xlsx":
        source = _xlsx_source(path, sheet, keep_ls)
        source.notes = notes + source.notes
        return source
    if sheet is not None:
        raise InputError(f"--sheet {sheet!r}: {path} is not an Excel workbook, so it has no sheets.")
    if encoding is None:
        encoding, note, checked = detect_encoding(path)
        if note:
            notes.append(note)
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"Unknown encoding {encoding!r}: try utf-8, cp1252 or latin-1.") from None
        checked = False
    total: int | None = None
    columns: list[str] | None = None
    if prescan and path != "-":
        scan = _open(path, fmt, encoding, sep, check_text=not checked, keep_ls=keep_ls)
        try:
            if fmt == "jsonl":
                found: dict[str, None] = dict.fromkeys(scan.columns)
                total = 0
                for total, row in enumerate(scan.rows, start=1):  # noqa: B007 - the count is the total
                    if not isinstance(row, _BadLine):
                        found.update(dict.fromkeys(record_columns(row)))
                columns = list(found)
            else:
                total = sum(1 for _ in scan.rows)
        finally:
            scan.close()
    source = _open(path, fmt, encoding, sep, check_text=not checked, columns=columns, keep_ls=keep_ls)
    source.notes = notes + source.notes
    source.total = total
    return source


def _open(
    path: str,
    fmt: str,
    encoding: str,
    sep: str | None,
    *,
    check_text: bool,
    columns: list[str] | None = None,
    keep_ls: bool = False,
) -> Source:
    binary = _open_binary(path)
    errors = "surrogateescape" if check_text else "strict"
    text = io.TextIOWrapper(binary, encoding=encoding, errors=errors, newline="")
    label = "stdin" if path == "-" else path
    reading = _Reading(label, encoding, check_text)
    try:
        if fmt == "jsonl":
            source = _jsonl_source(reading, text, columns, keep_ls)
        else:
            source = _csv_source(reading, text, sep, keep_ls)
    except UnicodeDecodeError as exc:
        text.close()
        raise InputError(
            f"{label} is not valid {encoding} text ({exc.reason} at byte {exc.start}): "
            "pass --encoding, for example --encoding cp1252."
        ) from None
    except (OSError, EOFError) as exc:
        text.close()
        raise InputError(f"Cannot read {label}: {exc}") from None
    except InputError:
        text.close()
        raise
    source.encoding = encoding
    source._close = text.close
    return source


@dataclass(frozen=True)
class _Reading:
    label: str
    encoding: str
    check_text: bool  # bytes not checked ahead: look for ones that did not decode, row by row

    def bad_text(self, line: int) -> InputError:
        return InputError(
            f"{self.label}, line {line}: a byte that is not valid {self.encoding} text. Pass --encoding "
            "(for example --encoding cp1252), or fix that line."
        )


def _dedupe_header(header: list[str]) -> tuple[list[str], list[str]]:
    notes: list[str] = []
    seen: dict[str, int] = {}
    out: list[str] = []
    for i, name in enumerate(header):
        name = name.strip()
        if not name:
            name = f"column_{i + 1}"
            notes.append(f"Column {i + 1} has no header; it is called {name}.")
        if name in seen:
            seen[name] += 1
            new = f"{name}_{seen[name]}"
            notes.append(f"Header {name!r} appears twice; the second is called {new!r}.")
            name = new
        else:
            seen[name] = 1
        out.append(name)
    return out, notes


def _kept_columns(label: str, columns: list[str], keep_ls: bool, notes: list[str]) -> list[int]:
    """Return the indices of the columns a run reads: an earlier output's ls.* columns are never
    sent and never written twice (this run's replace them), unless ``keep_ls``."""
    keep = [i for i, c in enumerate(columns) if keep_ls or not c.startswith(LS_PREFIX)]
    if len(keep) < len(columns):
        notes.append(
            f"{label} holds the ls.* columns of an earlier run ({len(columns) - len(keep)}): they are not "
            "sent, and this run's replace them."
        )
    return keep


def _runaway(row: list[str], sep: str, width: int) -> int:
    """Return how many lines that look like rows a quoted field of this row swallowed (0: none).

    An unclosed quote makes the csv module read on to the next quote, or to the end of the file:
    the lines it swallows are rows, with the header's count of delimiters. A real multi-line cell
    (an address, notes) holds a few lines of prose.
    """
    worst = 0
    for cell in row:
        if cell.count("\n") < RUNAWAY_LINES - 1:
            continue
        lines = cell.splitlines()
        rowlike = sum(1 for line in lines if line.count(sep) >= max(1, width - 1))
        if rowlike * 2 >= len(lines) or len(lines) > 50 * RUNAWAY_LINES:
            worst = max(worst, rowlike, len(lines) if rowlike * 2 < len(lines) else 0)
    return worst


_DELIMITERS = (",", ";", "\t", "|")


def _sniff(line: str) -> str:
    """Return the delimiter a header line uses: the candidate it holds most often, outside quotes.

    A comma wins a tie; a header with none of them is one column.
    """
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_source(reading: _Reading, text: io.TextIOWrapper, sep: str | None, keep_ls: bool = False) -> Source:
    """Read a CSV's header; ``sep`` None: Excel's ``sep=`` line, else sniffed from the header line."""
    label = reading.label
    notes: list[str] = []
    offset = 0  # lines before the header that the reader does not see
    lines: Iterator[str] = text
    if sep is None:
        first = text.readline()
        if not first:
            raise InputError(f"{label} is empty: it needs a header row and at least one row.")
        hint = first.lstrip("\ufeff").strip()
        if hint.lower().startswith("sep=") and len(hint) == 5:
            sep, offset = hint[4], 1
            notes.append(f"{label} names its delimiter ({hint}, as Excel writes it): {sep!r}.")
        else:
            sep = _sniff(first)
            lines = itertools.chain([first], text)
            if sep != ",":
                shown = "tab" if sep == "\t" else repr(sep)
                notes.append(f"{label} is separated by {shown} (detected; --delimiter says otherwise).")
    reader = csv.reader(lines, delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{label} is empty: it needs a header row and at least one row.") from None
    except csv.Error as exc:
        raise InputError(f"{label}: cannot read the header: {exc}") from None
    if not any(h.strip() for h in header):
        raise InputError(f"{label} has an empty first line: the first line must be the header.")
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0].lstrip("\ufeff")
    if header[0].strip().lower() == "notes:" and not any(h.strip() for h in header[1:]):
        # LinkedIn's Connections.csv opens with notes, a blank line, then the header.
        for skipped in reader:
            if not any(cell.strip() for cell in skipped):
                break
        header = next(reader, [])
        notes.append(f"{label} opens with notes before its header (as LinkedIn's exports do): skipped.")
        if not any(h.strip() for h in header):
            raise InputError(f"{label}: no header row after its notes.")
    if reading.check_text and _SURROGATE.search("".join(header)):
        raise reading.bad_text(1)
    columns, header_notes = _dedupe_header(header)
    notes += header_notes
    width = len(columns)
    keep = _kept_columns(label, columns, keep_ls, notes)
    if len(keep) < width:
        pick: Callable[[list[str]], list[str]] | None = lambda row: [row[i] for i in keep]  # noqa: E731
        columns = [columns[i] for i in keep]
    else:
        pick = None

    def rows() -> Iterator[list[str]]:
        end = reader.line_num + offset
        try:
            for row in reader:
                start, end = end + 1, reader.line_num + offset
                if reading.check_text and (bad := _SURROGATE.search(joined := sep.join(row))):
                    raise reading.bad_text(start + joined.count("\n", 0, bad.start()))
                if end - start >= RUNAWAY_LINES - 1 and (swallowed := _runaway(row, sep, width)):
                    raise InputError(
                        f"{label}, line {start}: a quoted field opened on this row runs on for "
                        f"{end - start + 1} lines and swallows {swallowed} lines that look like rows: "
                        f'a stray or unclosed " quote. Fix the quoting on line {start} and run again.'
                    )
                if not row:
                    continue  # a blank line is not a row
                extra: list[str] = []
                if len(row) < width:
                    row = row + [""] * (width - len(row))
                elif len(row) > width:
                    extra = row[width:]
                    row = row[:width]
                if pick is not None:
                    row = pick(row)
                if any(cell.strip() for cell in extra):
                    yield _Ragged(row, extra, start, width)
                elif width > 1 and _FOOTER.match(row[0]) and not any(c.strip() for c in row[1:]):
                    yield _Footer(row, start)
                else:
                    yield row
        except csv.Error as exc:
            raise InputError(
                f"{label}, line {reader.line_num + offset}: {exc} (a row may hold at most {_size(MAX_ROW)})"
            ) from None
        except (OSError, EOFError) as exc:
            raise InputError(f"Cannot read {label} past line {reader.line_num + offset}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{label} is not valid text near line {reader.line_num + offset} ({exc.reason}): "
                "pass --encoding, for example --encoding cp1252."
            ) from None

    return Source(label, "csv", columns, rows(), notes=notes)


def _xlsx_source(path: str, sheet: str | None, keep_ls: bool) -> Source:
    """Open a sheet: the first row with any cell is the header; rows are workbook.Cells."""
    book = workbook.SheetReader(path, sheet, path)
    notes: list[str] = []
    if len(book.sheets) > 1 and sheet is None:
        notes.append(
            f"{path} has {len(book.sheets)} sheets; reading the first, {book.name!r} (--sheet picks another)."
        )
    try:
        it = book.rows()
        header: list[str] = []
        for _line, cells in it:
            header = [workbook.cell_text(v, f) for v, f in cells]
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

    def rows() -> Iterator[workbook.Cells]:
        for number, cells in it:
            if not any(v is not None and v != "" for v, _ in cells):
                continue  # an empty (perhaps formatted) row is not a row
            if len(cells) < width:
                cells = cells + [pad] * (width - len(cells))
            extra = [workbook.cell_text(v, f) for v, f in cells[width:]]
            typed = [cells[i] for i in keep]
            row = workbook.Cells([workbook.cell_text(v, f) for v, f in typed], typed)
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


class _Ragged(list[str]):
    """A CSV row with more non-empty cells than the header: the extra cells are kept apart."""

    def __init__(self, cells: list[str], extra: list[str], line: int, width: int) -> None:
        super().__init__(cells)
        self.extra = extra
        self.problem = (
            f"line {line} has {width + len(extra)} cells but the header has {width}: check "
            "its quoting (the extra cells are written after the ls.* columns)"
        )


# The lines a Salesforce report (and others) ends with: a total, a notice, a copyright.
_FOOTER = re.compile(
    r"\s*((grand )?totals?\s*[:\d,.\s]*$|confidential information|copyright|©|\(c\) \d|generated by)",
    re.IGNORECASE,
)


class _Footer(list[str]):
    """A report's footer line (a total, a notice): written back, never sent."""

    def __init__(self, cells: list[str], line: int) -> None:
        super().__init__(cells)
        self.problem = f"line {line} is a report footer ({cells[0].strip()[:40]!r}), not a row: not sent"


def row_problem(row: Any) -> str | None:
    """Return why a row cannot be used as read, or None."""
    return getattr(row, "problem", None)


def _lines(reading: _Reading, text: io.TextIOWrapper) -> Iterator[tuple[int, str]]:
    """Yield (line number, line); a line over MAX_ROW characters comes back cut, marked by _LONG."""
    number = 0
    while True:
        line = text.readline(MAX_ROW)
        if not line:
            return
        number += 1
        if len(line) >= MAX_ROW and not line.endswith("\n"):
            while (rest := text.readline(MAX_ROW)) and not rest.endswith("\n"):
                pass
            yield number, _LONG
            continue
        if reading.check_text and _SURROGATE.search(line):
            raise reading.bad_text(number)
        yield number, line


_LONG = "\x00long"  # stands for a line over MAX_ROW


def _jsonl_source(
    reading: _Reading, text: io.TextIOWrapper, columns: list[str] | None, keep_ls: bool = False
) -> Source:
    label = reading.label
    lines = _lines(reading, text)
    ahead: list[dict[str, Any]] = []
    found: dict[str, None] = {}
    for number, line in lines:
        if line.strip():
            row = _parse_json_line(number, line)
            ahead.append(row)
            if not isinstance(row, _BadLine):
                found.update(dict.fromkeys(record_columns(row)))
            # A file's columns come from a pre-scan; stdin's from the lines read ahead.
            if columns is not None or len(ahead) >= STDIN_LOOKAHEAD:
                break
    if not ahead:
        raise InputError(f"{label} is empty: it needs at least one JSON object per line.")
    if all(isinstance(r, _BadLine) for r in ahead) and len(ahead) < STDIN_LOOKAHEAD:
        raise InputError(f"{label}, line 1: {row_problem(ahead[0])}")

    def rows() -> Iterator[dict[str, Any]]:
        yield from ahead
        number = 0
        try:
            for number, line in lines:
                if line.strip():
                    yield _parse_json_line(number, line)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{label} is not valid text near line {number + 1} ({exc.reason}): pass --encoding."
            ) from None
        except (OSError, EOFError) as exc:
            raise InputError(f"Cannot read {label} past line {number}: {exc}") from None

    found_columns = columns if columns is not None else list(found)
    kept = [c for c in found_columns if keep_ls or (c != "ls" and not c.startswith(LS_PREFIX))]
    notes = []
    if len(kept) < len(found_columns):
        notes.append(
            f"{label} holds the ls answers of an earlier run: they are not sent, and this run's replace them."
        )
    return Source(label, "jsonl", kept, rows(), notes=notes)


class _BadLine(dict[str, Any]):
    """A JSONL line that is not a usable JSON object; kept so that it still gets an output row."""

    def __init__(self, problem: str, raw: str) -> None:
        super().__init__()
        self.problem = problem
        self.raw = raw


def _parse_json_line(number: int, line: str) -> dict[str, Any]:
    if line is _LONG:
        return _BadLine(f"line {number} is longer than {_size(MAX_ROW)}", "")
    raw = line.rstrip("\r\n")
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return _BadLine(f"line {number} is not JSON ({exc.msg}, column {exc.colno})", raw)
    except RecursionError:
        return _BadLine(f"line {number} is nested too deeply to be a record", raw[:1000])
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        return _BadLine(f"line {number} is a JSON {kind}, not an object", raw)
    if "\\u" in line and _has_lone_surrogate(value):
        return _BadLine(f"line {number} holds a lone UTF-16 surrogate (like \\ud800): not text", raw)
    return value


def _size(chars: int) -> str:
    return f"{chars // 2**20} MiB" if chars >= 2**20 else f"{chars:,} characters"


def _has_lone_surrogate(value: dict[str, Any]) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
