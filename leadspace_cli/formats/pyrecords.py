"""Dicts from a Python caller (a csv.DictReader, a DataFrame's records) as a Source."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from leadspace_cli.errors import InputError
from leadspace_cli.formats.jsonl import _BadLine
from leadspace_cli.formats.rows import Source
from leadspace_cli.formats.values import record_columns


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
