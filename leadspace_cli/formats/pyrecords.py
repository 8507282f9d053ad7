"""Dicts from a Python caller (a csv.DictReader, a DataFrame's records) as a Source."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from leadspace_cli.errors import InputError
from leadspace_cli.formats.rows import Row, Source
from leadspace_cli.formats.values import BYTES_LIKE, field_of, record_columns


def records_source(records: Iterable[Mapping[str, Any]], *, lookahead: int = 1000) -> Source:
    """Return a Source over records (dicts): columns are the union of the first ``lookahead``'s keys.

    The look-ahead is held in memory; the rest streams. Keys first seen later are still written
    (the Python API returns each record whole) but cannot be mapped by detection.
    """
    it = iter(records)
    head: list[Mapping[str, Any]] = []
    columns: dict[str, None] = {}
    for rec in itertools.islice(it, lookahead):
        if not isinstance(rec, Mapping):
            raise InputError(
                f"Record {len(head) + 1} is a {type(rec).__name__}, not a mapping: give dicts, such as "
                "csv.DictReader rows or df.to_dict('records')."
            )
        head.append(_str_keys(rec, len(head) + 1))
        columns.update(dict.fromkeys(record_columns(head[-1])))

    def rows() -> Iterator[Row]:
        for rec in head:
            yield Row(record=rec)
        for number, rec in enumerate(it, start=len(head) + 1):
            if not isinstance(rec, Mapping):
                problem = f"record {number} is a {type(rec).__name__}, not a mapping"
                yield Row(problem=problem, raw=repr(rec))
            else:
                try:
                    named = _str_keys(rec, number)
                except InputError as e:  # past the look-ahead: that record fails, the run goes on
                    yield Row(problem=str(e), raw=repr(rec))
                    continue
                yield Row(record=named)

    return Source("records", "records", list(columns), rows())


def _str_keys(rec: Mapping[Any, Any], number: int) -> Mapping[str, Any]:
    """A record whose keys are all text: a DataFrame's integer column (0, after a concat) or a tuple
    key is named as ``str`` names it, so that it is written back like any other (it crashed the
    answer's writing, after its credit). Two keys that name one column (1 and "1") raise InputError:
    one value would be lost."""
    if all(isinstance(k, str) for k in rec):
        return rec
    named: dict[str, Any] = {}
    for key in rec:
        name = key if isinstance(key, str) else str(key)
        if name in named:
            raise InputError(
                f"Record {number} has the keys {named[name]!r} and {key!r}, which are both column "
                f"{name!r}: one value would be lost. Rename one of them."
            )
        named[name] = key
    return {name: rec[key] for name, key in named.items()}


def text_only(rows: Iterable[Row], columns: Collection[str], *, lookahead: int = 1000) -> Iterator[Row]:
    """Yield the records, raising InputError at the first that holds bytes in one of ``columns``
    (those a run sends), naming the record and the column.

    Bytes are not guessed at (they may be Latin-1, or not text at all: a binary id, a photo), and
    ``str(b"Acme")`` is ``"b'Acme'"``. The first ``lookahead`` records (already read for the columns)
    are checked before the first is yielded, so bytes among them stop the run before any call.
    Bytes in a column that is not sent are left as they are.
    """
    names = sorted(columns)
    it = iter(rows)
    head = list(itertools.islice(it, lookahead))
    for number, row in enumerate(head, start=1):
        _check(number, row.record, names)
    yield from head
    for number, row in enumerate(it, start=len(head) + 1):
        _check(number, row.record, names)
        yield row


def _check(number: int, rec: Mapping[str, Any], columns: list[str]) -> None:
    for column in columns:
        value = field_of(rec, column)
        if isinstance(value, BYTES_LIKE):
            shown = bytes(value[:40])
            raise InputError(
                f"Record {number}, column {column!r}: a {type(value).__name__} value ({shown!r}"
                f"{'...' if len(value) > 40 else ''}), not text. Pass str: decode it first, e.g. "
                "value.decode('utf-8') (or the encoding it was written in)."
            )
