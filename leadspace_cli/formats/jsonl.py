"""JSON Lines input: objects by line, the union of their keys, bad lines as bad rows."""

from __future__ import annotations

import io
import json
import shlex
from collections.abc import Iterator
from typing import Any

from leadspace_cli.errors import InputError
from leadspace_cli.formats.rows import LS_PREFIX, MAX_ROW, Row, Source
from leadspace_cli.formats.text import _LONG, _lines, _Reading, _size
from leadspace_cli.formats.values import record_columns

STDIN_LOOKAHEAD = 1000  # JSON Lines on stdin: lines read ahead to find the columns


def _jsonl_source(
    reading: _Reading, text: io.TextIOWrapper, columns: list[str] | None, keep_ls: bool = False
) -> Source:
    label = reading.label
    lines = _lines(reading, text)
    ahead: list[Row] = []
    found: dict[str, None] = {}
    for number, line in lines:
        if line.strip():
            row = _parse_json_line(number, line)
            ahead.append(row)
            found.update(dict.fromkeys(record_columns(row.record)))
            # A file's columns come from a pre-scan; stdin's from the lines read ahead.
            if columns is not None or len(ahead) >= STDIN_LOOKAHEAD:
                break
    if not ahead:
        raise InputError(f"{label} is empty: it needs at least one JSON object per line.")
    first = (ahead[0].raw or "").strip() if ahead[0].problem else ""
    hint = _not_lines(first, label)
    # A first line that opens an array, or an object alone, is a JSON document's, whatever follows;
    # one cut short is a bad line among good ones.
    if (
        first.startswith("[")
        or first == "{"
        or (all(r.problem is not None for r in ahead) and len(ahead) < STDIN_LOOKAHEAD)
    ):
        raise InputError(f"{label}, line 1: {ahead[0].problem}{hint}")

    def rows() -> Iterator[Row]:
        yield from ahead
        number = 0
        try:
            for number, line in lines:
                if line.strip():
                    yield _parse_json_line(number, line)
        except UnicodeError as exc:  # a byte the encoding refuses (UnicodeDecodeError), or its codec's own
            reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise InputError(
                f"{label} is not valid text near line {number + 1} ({reason}): pass --encoding."
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
    return Source(label, "records", kept, rows(), notes=notes, answered=len(kept) < len(found_columns))


def _not_lines(first: str, label: str) -> str:
    """How to make JSON Lines of a file that is one JSON document: an array of objects, or objects
    printed over several lines (``json.dump(records, f, indent=2)``, an API's saved answer)."""
    name = "FILE" if label in ("stdin", "-", "<stdin>") else shlex.quote(label)
    if first.lstrip().startswith("["):
        return (
            f". It is one JSON array, not JSON Lines (one object per line): write one object per line, "
            f"with `jq -c '.[]' {name} > records.jsonl` (pandas: `to_json(path, orient='records', "
            "lines=True)`), and enrich that."
        )
    if first.strip() == "{":
        return (
            ". It looks like JSON printed over several lines, not JSON Lines (one object per line): "
            f"write one object per line, with `jq -c . {name} > records.jsonl`, and enrich that."
        )
    return ""


def _bad_line(problem: str, raw: str) -> Row:
    """A JSONL line that is not a usable JSON object; kept so that it still gets an output row."""
    return Row(problem=problem, raw=raw)


def _parse_json_line(number: int, line: str) -> Row:
    if line is _LONG:
        return _bad_line(f"line {number} is longer than {_size(MAX_ROW)}", "")
    raw = line.rstrip("\r\n")
    try:
        value = json.loads(line, parse_float=_finite)
    except json.JSONDecodeError as exc:
        return _bad_line(f"line {number} is not JSON ({exc.msg}, column {exc.colno})", raw)
    except ValueError as exc:  # a number of over 4,300 digits, or past a float's range (1e400)
        what = "a whole number of over 4,300 digits" if "digits" in str(exc) else str(exc)[:60]
        return _bad_line(f"line {number} holds a number too large to read: {what}", raw)
    except RecursionError:
        return _bad_line(f"line {number} is nested too deeply to be a record", raw[:1000])
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        return _bad_line(f"line {number} is a JSON {kind}, not an object", raw)
    if "\\u" in line and _has_lone_surrogate(value):
        return _bad_line(f"line {number} holds a lone UTF-16 surrogate (like \\ud800): not text", raw)
    return Row(record=value)


def _finite(text: str) -> float:
    """A JSON number as a float, refused past a float's range (1e400 would be written back as the
    Infinity strict JSON parsers refuse)."""
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:20]} is past a float's range")
    return value


def _has_lone_surrogate(value: dict[str, Any]) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
