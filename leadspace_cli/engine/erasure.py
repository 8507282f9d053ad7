"""Finding a person in the response store, to erase them: values compared as a person reads them."""

from __future__ import annotations

import contextlib
import csv
import itertools
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadspace_cli.engine.salvage import _readable_copy, _readable_rows
from leadspace_cli.engine.store_dictionary import DICTIONARY
from leadspace_cli.results import loads_answer

MIN_SUBSTRING = 5  # shorter text matches whole values only: "Li" must not erase every "Lim..."


@dataclass
class Found:
    """The stored answers about a person, as :meth:`Store.find` found them."""

    text: str
    ids: list[int] = field(default_factory=list)
    legacy: list[str] = field(default_factory=list)  # leadspace 0.1's answers, by key
    examples: list[str] = field(default_factory=list)  # their requests (or answers), to show
    damaged: list[Path] = field(default_factory=list)  # damaged copies that mention it

    @property
    def count(self) -> int:
        return len(self.ids) + len(self.legacy)

    @staticmethod
    def fold(text: str) -> str:
        """Return text as it is compared: NFC-normalised, case-folded, without outer spaces."""
        return _fold(text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def _values(text: str) -> Iterator[str]:
    """Yield the text values of stored JSON (decoded, whatever its depth), or the text itself."""
    try:
        stack: list[Any] = [loads_answer(text)]
    except ValueError:
        yield text
        return
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            yield from _values(value) if value[:1] in "[{" and value[-1:] in "]}" else (value,)
        elif value is not None:
            yield str(value)


def _mentions(needle: str, request: str, answer: str, rendered: str) -> bool:
    values = itertools.chain(_values(request), _values(answer), next(csv.reader([rendered]), []))
    for value in values:
        folded = _fold(value)
        if folded == needle or (len(needle) >= MIN_SUBSTRING and needle in folded):
            return True
    return False


def _damaged_mentions(copy: Path, needle: str) -> bool:
    """Whether the readable part of a damaged copy mentions the text (or cannot be read to tell)."""
    readable = _readable_copy(copy)
    if readable is None:
        raw = copy.read_bytes() if copy.exists() else b""
        return needle.encode() in raw.lower()
    try:
        old = sqlite3.connect(f"file:{readable}?mode=ro", uri=True)
        try:
            zdict = DICTIONARY
            with contextlib.suppress(sqlite3.DatabaseError):
                row = old.execute("SELECT value FROM meta WHERE name = 'zdict'").fetchone()
                zdict = bytes(row[0]) if row else zdict
            for (data,) in _readable_rows(old, "answer", "data"):
                try:
                    d = zlib.decompressobj(-15, zdict)
                    request, text, rendered = (d.decompress(data) + d.flush()).decode().split("\0", 2)
                except (zlib.error, UnicodeDecodeError, ValueError):
                    return True  # unreadable: it may hold the person, and was recovered when set aside
                if _mentions(needle, request, text, rendered):
                    return True
            return any(_mentions(needle, "", str(a), "") for (a,) in _readable_rows(old, "answers", "answer"))
        finally:
            old.close()
    except sqlite3.Error:
        return True
    finally:
        readable.unlink(missing_ok=True)
