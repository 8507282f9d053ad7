"""Reading what can be read of a damaged store: from both ends, up to the damage."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Damage:
    """What happened to a store that could not be read whole."""

    message: str
    recovered: int = 0


def _readable_copy(damaged: Path) -> Path | None:
    """Return a copy of a damaged store whose header claims no more pages than the file holds.

    A file cut short (a full disk, a copy interrupted) keeps a header that counts the lost pages,
    and SQLite then refuses to read even the pages that are there.
    """
    try:
        data = bytearray(damaged.read_bytes())
    except OSError:
        return None
    if len(data) < 100 or not data.startswith(b"SQLite format 3\0"):
        return None
    page = struct.unpack(">H", data[16:18])[0]
    page = 65536 if page == 1 else page
    data[28:32] = struct.pack(">I", len(data) // page)
    copy = damaged.with_name(damaged.name + ".reading")
    fd = os.open(copy, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data[: len(data) // page * page])
    return copy


def _copy_readable(old: sqlite3.Connection, new: sqlite3.Connection, table: str, columns: str) -> int:
    """Copy the rows of a damaged table that can still be read; return how many."""
    try:
        schema = old.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    except sqlite3.DatabaseError:
        return 0
    if schema is None:
        return 0
    if table == "answers":
        new.execute(
            "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, status INTEGER NOT NULL,"
            " answer TEXT NOT NULL, stored REAL NOT NULL)"
        )
    marks = ", ".join("?" for _ in columns.split(","))
    copied = 0
    for row in _readable_rows(old, table, columns):
        with contextlib.suppress(sqlite3.Error):
            new.execute(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", row)  # noqa: S608
            copied += 1
    return copied


def _readable_rows(db: sqlite3.Connection, table: str, columns: str) -> Iterator[tuple[Any, ...]]:
    """Yield the rows that can be read, reading up and down to the damage and stepping over it.

    Rowids here are hashes spread over 64 bits: past a damaged page, the step doubles until a read
    succeeds again, so a few rows beside the damage may be passed over, never the rest.
    """
    seen: set[int] = set()
    low, high = -(2**63), 2**63 - 1
    broke = [False]  # whether the last scan stopped at damage

    def scan(sql: str, bound: int) -> Iterator[tuple[Any, ...]]:
        broke[0] = False
        try:
            for row in db.execute(sql, (bound,)):
                if row[0] not in seen:
                    seen.add(row[0])
                    yield row
        except sqlite3.DatabaseError:
            broke[0] = True

    up = f"SELECT rowid, {columns} FROM {table} WHERE rowid > ? ORDER BY rowid"  # noqa: S608
    down = f"SELECT rowid, {columns} FROM {table} WHERE rowid < ? ORDER BY rowid DESC"  # noqa: S608
    for row in scan(down, high):  # from the top down to the damage
        high = min(high, row[0])
        yield tuple(row[1:])
    last, step = low, 1
    while last < high:
        for row in scan(up, last):
            if row[0] >= high:
                break
            last, step = row[0], 1
            yield tuple(row[1:])
        if not broke[0]:
            return  # read through to the top (or to what the downward scan read) without damage
        last, step = min(last + step, high), step * 2
