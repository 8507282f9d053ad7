"""A value as text: each rule once (a request's text, a CSV or JSON cell, a cell safe for Excel)."""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

# Not text, and not guessed at: refused in the columns a run sends (pyrecords.text_only).
BYTES_LIKE = (bytes, bytearray, memoryview)


# Control characters and the bidirectional overrides ("\u202egnp.exe" shows as "exe.png").
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value: object) -> str:
    """Return a value from a file or an answer as text to show (a terminal's, a page's): its control
    characters and direction overrides as the escapes they are, so none clears a screen or reorders text."""
    return _CONTROLS.sub(lambda m: repr(m.group())[1:-1], str(value))


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
    if isinstance(value, set | frozenset):
        value = _listed(value)
    if not isinstance(value, dict | list | tuple):
        return str(value)  # a UUID, a path, an IP address, a timedelta: as it prints (a database's keys)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_plain)


def _listed(values: set[Any] | frozenset[Any]) -> list[Any]:
    try:
        return sorted(values)  # the same text for the same set, run after run
    except TypeError:
        return sorted(values, key=repr)


def _plain(value: Any) -> Any:
    """JSON for what json cannot write inside an object or a list: a set as a list, else its text."""
    return _listed(value) if isinstance(value, set | frozenset) else str(value)


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
        try:
            return str(value)
        except ValueError:  # over 4,300 digits: no number a person writes, nor a field's value
            return ""
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


# What a spreadsheet takes as the start of a formula (OWASP's CSV injection list), with the fullwidth
# forms that East Asian input methods type and spreadsheets read as the same signs.
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def excel_safe(value: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula (OWASP CSV injection advice).

    Excel and LibreOffice skip leading spaces and line breaks before a formula, so ``' =1'`` and
    ``'\n=1'`` are formulas too: what counts is the first character that is not white space.
    """
    if not value:
        return value
    if value[0] in _FORMULA_START:
        return "'" + value
    first = value.lstrip()[:1]
    return "'" + value if first and first in _FORMULA_START else value
