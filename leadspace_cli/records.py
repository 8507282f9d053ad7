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
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from leadspace_cli.errors import InputError

# Real exports carry long notes fields; the csv module's default limit is 128 KiB.
FIELD_SIZE_LIMIT = 64 * 1024 * 1024
csv.field_size_limit(FIELD_SIZE_LIMIT)

FORMATS = ("csv", "tsv", "jsonl")
_FORMAT_NAMES = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl"}


def format_of(name: str, explicit: str | None = None) -> str:
    """Return the format (csv, tsv, jsonl) of a file name, or the explicit choice."""
    if explicit:
        fmt = _FORMAT_NAMES.get(explicit.lower())
        if fmt is None:
            raise InputError(f"Unknown format {explicit!r}: use one of {', '.join(FORMATS)}.")
        return fmt
    lower = name.lower().removesuffix(".gz")
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


def _open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        if path.lower().endswith(".gz"):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"No such input file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder: give a CSV, TSV or JSONL file.") from None
    except OSError as exc:
        raise InputError(f"Cannot open {path}: {exc.strerror}") from None


def _decodes(path: str, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    stream = _open_binary(path)
    try:
        while chunk := stream.read(1 << 20):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except (OSError, EOFError) as exc:
        raise InputError(f"Cannot read {path}: {exc}") from None
    finally:
        stream.close()
    return True


def detect_encoding(path: str) -> tuple[str, str | None]:
    """Return the encoding of a whole file, and a note when it is not UTF-8.

    Reads the file through once per candidate (UTF-8, then Windows-1252), so that a stray byte at
    the end is found before any call; Latin-1, which decodes any byte, is the last resort. stdin
    cannot be read twice: it is taken as UTF-8.
    """
    if path == "-" or _decodes(path, "utf-8"):
        return "utf-8-sig", None
    for encoding, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        if encoding == "latin-1" or _decodes(path, encoding):
            return encoding, (
                f"{path} is not UTF-8; reading it as {name}. If accents look wrong, pass --encoding "
                "(for example --encoding cp1252, latin-1 or mac-roman)."
            )
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def open_source(
    path: str,
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Source:
    """Open an input file (or ``-`` for stdin) and read its header.

    Raises InputError, with the fix, for an empty file, a missing header or unreadable text.
    """
    fmt = format_of(path, input_format)
    notes: list[str] = []
    if encoding is None:
        encoding, note = detect_encoding(path)
        if note:
            notes.append(note)
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"Unknown encoding {encoding!r}: try utf-8, cp1252 or latin-1.") from None
    binary = _open_binary(path)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="strict", newline="")
    label = "stdin" if path == "-" else path
    try:
        if fmt == "jsonl":
            source = _jsonl_source(label, text)
        else:
            sep = delimiter or ("\t" if fmt == "tsv" else ",")
            sep = "\t" if sep in ("\\t", "tab") else sep
            if len(sep) != 1:
                raise InputError(f"--delimiter must be one character, not {sep!r}.")
            source = _csv_source(label, text, sep)
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
    source.notes = notes + source.notes
    source._close = text.close
    return source


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


def _csv_source(label: str, text: io.TextIOWrapper, sep: str) -> Source:
    reader = csv.reader(text, delimiter=sep)
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
    columns, notes = _dedupe_header(header)
    width = len(columns)

    def rows() -> Iterator[list[str]]:
        try:
            for row in reader:
                if len(row) == width:
                    yield row
                elif not row:
                    continue  # a blank line is not a row
                elif len(row) < width:
                    yield row + [""] * (width - len(row))
                else:
                    extra = row[width:]
                    if any(cell.strip() for cell in extra):
                        yield _Ragged(row[:width], len(row), reader.line_num)
                    else:
                        yield row[:width]
        except csv.Error as exc:
            raise InputError(f"{label}, line {reader.line_num}: {exc}") from None
        except (OSError, EOFError) as exc:
            raise InputError(f"Cannot read {label} past line {reader.line_num}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{label} is not valid text near line {reader.line_num} ({exc.reason}): "
                "pass --encoding, for example --encoding cp1252."
            ) from None

    return Source(label, "csv", columns, rows(), notes=notes)


class _Ragged(list[str]):
    """A CSV row with more non-empty cells than the header, cut to the header's width."""

    def __init__(self, cells: list[str], cells_found: int, line: int) -> None:
        super().__init__(cells)
        self.problem = (
            f"line {line} has {cells_found} cells but the header has {len(cells)}: check its quoting"
        )


def row_problem(row: Any) -> str | None:
    """Return why a row cannot be used as read, or None."""
    return getattr(row, "problem", None)


def _jsonl_source(label: str, text: io.TextIOWrapper) -> Source:
    lines = enumerate(text, start=1)
    first: dict[str, Any] | None = None
    first_number = 0
    for number, line in lines:
        if line.strip():
            first = _parse_json_line(label, number, line)
            first_number = number
            break
    if first is None:
        raise InputError(f"{label} is empty: it needs at least one JSON object per line.")
    if isinstance(first, _BadLine):
        raise InputError(f"{label}, line {first_number}: {first.problem}")
    columns = list(first.keys())

    def rows() -> Iterator[dict[str, Any]]:
        assert first is not None
        yield first
        number = first_number
        try:
            for number, line in lines:
                if line.strip():
                    yield _parse_json_line(label, number, line)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{label} is not valid text near line {number + 1} ({exc.reason}): pass --encoding."
            ) from None
        except (OSError, EOFError) as exc:
            raise InputError(f"Cannot read {label} past line {number}: {exc}") from None

    return Source(label, "jsonl", columns, rows())


class _BadLine(dict[str, Any]):
    """A JSONL line that is not a JSON object; kept so that it still gets an output row."""

    def __init__(self, problem: str, raw: str) -> None:
        super().__init__()
        self.problem = problem
        self.raw = raw


def _parse_json_line(label: str, number: int, line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return _BadLine(f"line {number} is not JSON ({exc.msg}, column {exc.colno})", line.rstrip("\r\n"))
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        return _BadLine(f"line {number} is a JSON {kind}, not an object", line.rstrip("\r\n"))
    return value


def count_rows(path: str, *, input_format: str | None, encoding: str, delimiter: str | None) -> int | None:
    """Count a file's data rows (for a progress bar's total); None for stdin or on any trouble."""
    if path == "-":
        return None
    try:
        source = open_source(path, input_format=input_format, encoding=encoding, delimiter=delimiter)
    except InputError:
        return None
    try:
        return sum(1 for _ in source.rows)
    except InputError:
        return None
    finally:
        source.close()
