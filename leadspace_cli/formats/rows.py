"""Rows in: the input formats, the Row every reader yields (with its own problems), and the Source."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, Protocol

from leadspace_cli.errors import InputError
from leadspace_cli.formats.values import field_of, value_text

# Real exports carry long notes fields (the csv module's default limit is 128 KiB), but no lead
# needs more than this: a larger row or JSON line is refused with a message, not read into memory.
MAX_ROW = 16 * 1024 * 1024


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
    if lower.endswith(XLSX_SUFFIXES):
        return "xlsx"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".tsv", ".tab")):
        return "tsv"
    return "csv"


Kind = Literal["table", "records"]  # what a source's rows hold: cells, or a record
NO_RECORD: Mapping[str, Any] = MappingProxyType({})  # the record of a table's row (it has cells)


class Row(NamedTuple):
    """One input row, as every reader yields it: the only shape a row has outside ``formats/``.

    A table's row (CSV, TSV, a sheet) has ``cells``; a record's (JSON Lines, a Python caller's
    dicts) has ``record``. The rest is set only for the rows that have it, so that a plain row
    costs one tuple (a run reads a million of them).
    """

    # Of a table: each column's text as read, in ``Source.columns`` order: what is written back
    # (a sheet's as Excel shows it). Empty for a record.
    cells: Sequence[str] = ()
    # Of JSON Lines or a caller's records: the object as read (nested objects kept), written back
    # whole. Empty for a table's row and for a line that is not a record.
    record: Mapping[str, Any] = NO_RECORD
    problem: str | None = None  # why it cannot be sent as read: written back as invalid_input
    # Why it is not a lead (a table's Total row, a row hidden by a filter): written back as
    # skipped, never sent, no credit.
    skip: str | None = None
    extra: Sequence[str] = ()  # cells past the header (a note beside the table): written after ls.*
    # Of a sheet: each cell's (value, number format), in ``cells``' order: what a request sends.
    typed: Sequence[tuple[Any, str | None]] | None = None
    # Of a line (or a caller's item) that is not a record: its text, written back as it was.
    raw: str | None = None


class Indexed(Protocol):
    """Cells by position: a row's, or a view that makes each cell when it is asked for."""

    def __getitem__(self, index: int, /) -> str: ...


@dataclass
class Source:
    """An opened input: its columns, and its rows as a lazy iterator of :class:`Row`."""

    name: str
    # "table": rows have cells under ``columns`` (CSV text and a sheet alike); "records": rows have a
    # ``record`` (JSON lines, a caller's dicts).
    kind: Kind
    columns: list[str]
    rows: Iterator[Row]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    total: int | None = None  # the rows counted by a pre-scan
    sheet: str | None = None  # of a workbook: the sheet read
    date1904: bool = False  # of a workbook: its dates count from 1904 (as old Mac Excel's do)
    hidden_columns: list[str] = field(default_factory=list)  # of a workbook: columns hidden in the sheet
    answered: bool = False  # it held an earlier run's ls.* answers (left out: this run's replace them)
    # The header as written, where a name was only trimmed (``'City '``): the output's header. None
    # when it is ``columns`` (a blank header cell is ``column_3`` in both, a repeat ``X_2``).
    header: list[str] | None = None
    renamed: frozenset[str] | None = None  # of a table: the names given repeated headers ("City_2")
    delimiter: str | None = None  # of CSV text: its delimiter
    excel_like: bool = False  # of CSV text: written as Excel writes CSV (a BOM, cp1252, UTF-16, sep=)
    _close: Callable[[], None] | None = None

    def picker(self, columns: list[str]) -> Callable[[Indexed], Sequence[str]]:
        """Return a function that takes a table row's cells and gives those columns' cells."""
        indices = [self.columns.index(c) for c in columns]
        if len(indices) == 1:
            i = indices[0]
            return lambda cells: (cells[i],)
        if not indices:
            return lambda cells: ()
        return operator.itemgetter(*indices)

    def fetcher(self, columns: list[str]) -> Callable[[Row], Sequence[str]]:
        """Return a function that takes a row and gives those columns' values as text."""
        if self.kind == "table":
            pick = self.picker(columns)
            return lambda row: pick(row.cells)
        return lambda row: [value_text(field_of(row.record, c)) for c in columns]

    def close(self) -> None:
        """Close the underlying file."""
        if self._close is not None:
            self._close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ragged(cells: list[str], extra: list[str], line: int, width: int) -> Row:
    """A CSV row with more non-empty cells than the header: the extra cells are kept apart."""
    problem = (
        f"line {line} has {width + len(extra)} cells but the header has {width}: check "
        "its quoting (the extra cells are written after the ls.* columns)"
    )
    return Row(cells, problem=problem, extra=extra)


# The lines a Salesforce report (and others) ends with: a total, a notice, a copyright.
_FOOTER = re.compile(
    r"\s*((grand )?totals?\s*[:\d,.\s]*$|confidential information|copyright|©|\(c\) \d|generated by)",
    re.IGNORECASE,
)


def join_groups(
    groups: list[str], names: list[str], names_field: Callable[[str], bool], under: list[bool] | None = None
) -> list[str] | None:
    """A header of two lines, groups over names ("Contact" over "First", "Last", "Email"; "Company"
    over "Name", "Website", each label over the columns that follow it, as a merged cell exports):
    the names read as one ("Contact First", "Company Name"), or None where the first line is no
    such groups' line or the joined names name no more request fields than it does. ``under`` (a
    workbook's merged cells say where each group ends): whether each name is under a label; one that
    is not has no group."""
    filled = sum(1 for g in groups if g.strip())
    named = sum(1 for n in names if n.strip())
    if len(groups) < 3 or not groups[0].strip() or not 1 <= filled <= len(groups) // 2:
        return None
    if named < max(3, 2 * filled) or len(names) > len(groups) + 2:
        return None
    group, joined = "", []
    for i, name in enumerate(names):
        group = (groups[i].strip() if i < len(groups) else "") or group
        label = group if under is None or under[i] else ""
        joined.append(f"{label} {name.strip()}".strip() if name.strip() else "")
    if sum(map(names_field, filter(None, joined))) <= sum(names_field(g) for g in groups if g.strip()):
        return None
    return joined


_GROUP_LABEL = re.compile(r"[^\W\d_]+(?:[ /-][^\W\d_]+){0,2}")
_SUBTOTAL = re.compile(r"(?i)\s*(sub-?totals?\b|.*\(\d[\d,]* records?\)\s*$)")


def grouping(first: str, names: frozenset[str]) -> bool:
    """Whether a one-cell line is a grouped report's line, not a lead: a group's heading naming a
    column ("Region: EMEA" beside a Region column) or a subtotal ("Subtotal (3 records)")."""
    if _SUBTOTAL.match(first):
        return True
    label, colon, rest = first.partition(":")
    if not (colon and rest.strip()) or rest.startswith("//"):  # "https://...": no heading
        return False
    # A column's name, or one to three words of letters: a field the report grouped by ("Region",
    # "Lead Owner"), whether or not its details show it.
    return label.strip().lower() in names or _GROUP_LABEL.fullmatch(label.strip()) is not None


def group_skip(first: str, line: int, what: str = "line") -> str:
    """Why a grouped report's heading or subtotal line is skipped."""
    return f"{what} {line} is a report's grouping ({first.strip()[:40]!r}): not a lead (not sent, no credit)"


def footer_skip(first: str, line: int, what: str = "line") -> str:
    """Why a report's footer line is skipped (a total, a notice, and the one-cell lines after it:
    the report's name, the org that ran it)."""
    return f"{what} {line} is a report footer ({first.strip()[:40]!r}): not a lead (not sent, no credit)"


def _footer(cells: list[str], line: int) -> Row:
    """A report's footer line: written back as skipped, never sent."""
    return Row(cells, skip=footer_skip(cells[0], line))


XLSX_SUFFIXES = (".xlsx", ".xlsm")


def _dedupe_header(header: list[str]) -> tuple[list[str], list[str]]:
    notes: list[str] = []
    seen: dict[str, int] = {}
    out: list[str] = []
    # A new name is never one the header holds already ("address" twice beside "address_2": the
    # second is "address_3"), so that every column keeps a name of its own.
    reserved = {name.strip() for name in header}
    for i, name in enumerate(header):
        name = name.strip()
        if not name:
            name = f"column_{i + 1}"
            while name in reserved or name in seen:
                name += "_"
            notes.append(f"Column {i + 1} has no header; it is called {name} (the output keeps it blank).")
        if name in seen:
            count = seen[name]
            new = f"{name}_{count + 1}"
            while new in reserved or new in seen:
                count += 1
                new = f"{name}_{count + 1}"
            seen[name] = count + 1
            notes.append(
                f"Header {name!r} appears twice; the second is called {new!r} (the output keeps its name)."
            )
            name = new
        seen[name] = seen.get(name, 1)
        out.append(name)
    return out, notes


def renamed_of(cells: list[str], columns: list[str]) -> frozenset[str]:
    """The names the reader gave repeated header cells (a file's own "City_2" is not one)."""
    return frozenset(n for cell, n in zip(cells, columns, strict=False) if cell.strip() and n != cell.strip())


def _as_written(cells: list[str], columns: list[str]) -> list[str] | None:
    """Return the header to write back: each cell as written (``' Test'``, ``'City '``) where the
    reader's name is that cell trimmed, else the reader's name; None when that is ``columns``.

    The names a mapping refers to stay trimmed (a mapping says ``City`` for ``'City '``); the
    output keeps the input's header as it came."""
    out = [cell if _read_as(cell, name) else name for cell, name in zip(cells, columns, strict=False)]
    return out if out != columns else None


def _read_as(cell: str, name: str) -> bool:
    """Whether the reader named a header cell ``name`` from the cell itself: trimmed, or told apart
    ("Email" twice: "Email_2"; a blank cell: "column_8"). Such a cell is written back as it was."""
    text = cell.strip()
    if text == name or (not text and name.startswith("column_")):
        return True
    return bool(text) and name.startswith(text + "_") and name[len(text) + 1 :].isdigit()


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
