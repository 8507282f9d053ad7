"""The shared result types: what became of a row, the run's counts, and why a run stopped."""

from __future__ import annotations

import collections
import enum
import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from leadspace_cli.errors import ExitCode


class Result(enum.StrEnum):
    """The ``ls.result`` of a row."""

    OK = "ok"
    INVALID = "invalid_input"
    FAILED = "failed"
    NOT_SENT = "not_sent"
    SKIPPED = "skipped"  # not a lead (a table's Total row, a row hidden by a filter): never sent


MAX_DEPTH = 64  # an answer's nesting kept as objects; deeper parts are kept as their JSON text

_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class Answer(dict[str, Any]):
    """A decoded answer; ``note`` says when parts nested past MAX_DEPTH were kept as JSON text."""

    note = ""


def loads_answer(text: str) -> Any:
    """Decode an answer's JSON text whatever its depth: nothing past MAX_DEPTH levels is decoded.

    A value nested deeper (an answer ~1,000 levels deep would exhaust the interpreter's recursion
    limit, and a worker thread's smaller stack sooner) is kept as its own JSON text, a string, and a
    decoded object says so in ``note``. Raises ValueError when the text is not JSON.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        value = json.loads(text)  # cannot nest deeper than it has brackets: the fast path
        return Answer(value) if isinstance(value, dict) else value
    cuts: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth == MAX_DEPTH + 1:
                start = token.start()
        elif mark in "]}":
            if depth == MAX_DEPTH + 1:
                cuts.append((start, token.end()))
            depth -= 1
    if not cuts:
        value = json.loads(text)
        return Answer(value) if isinstance(value, dict) else value
    parts: list[str] = []
    last = 0
    for begin, end in cuts:
        parts += [text[last:begin], json.dumps(text[begin:end], ensure_ascii=False)]
        last = end
    parts.append(text[last:])
    value = json.loads("".join(parts))
    if not isinstance(value, dict):
        return value
    answer = Answer(value)
    answer.note = (
        f"the answer nests deeper than {MAX_DEPTH} levels: {len(cuts)} part(s) below that are kept "
        "as JSON text"
    )
    return answer


@dataclass(slots=True)
class RowResult:
    """What became of one row."""

    result: Result
    http_status: int | None = None
    error: str = ""
    payload: dict[str, Any] | None = None
    text: str | None = None  # the answer as stored, parsed lazily
    reused: bool = False
    key: bytes = b""  # the store key of its request
    rendered: str | None = None  # its ls.* cells as written before, for this output shape

    def answer(self) -> dict[str, Any] | None:
        """Return the 200 answer as an object."""
        if self.payload is None and self.text is not None:
            value = loads_answer(self.text)
            self.payload = value if isinstance(value, dict) else {"data": value}
        note = getattr(self.payload, "note", "")
        if note and not self.error:
            self.error = note  # the row is ok; the note says what was kept as text
        return self.payload


@dataclass(frozen=True)
class StopReason:
    """Why a run stopped early."""

    code: ExitCode
    message: str


@dataclass
class Stats:
    """Counts of a run, updated as it goes. Read by progress displays and reports."""

    rows: int = 0
    by_result: collections.Counter[str] = field(default_factory=collections.Counter)
    by_status: collections.Counter[int] = field(default_factory=collections.Counter)
    calls: int = 0
    retries: int = 0
    credits: int = 0  # 200 answers from the API: credits spent
    unknown: int = 0  # calls whose outcome is unknown (timed out, cut mid-answer): maybe billed
    reused: int = 0  # answers taken from the store
    deduplicated: int = 0  # rows that shared an identical row's call
    would_call: int = 0  # dry run: calls the real run would make
    cap_row: int | None = None  # dry run with a credit cap: the first row it would leave not_sent
    started: float = field(default_factory=time.monotonic)
    first_call: float | None = None
    last_call: float | None = None
    consecutive_failures: int = 0
    abandoned: int = 0  # calls on the wire at a second Ctrl-C: sent, maybe billed, answers not kept
    unusable: int = 0  # 200 answers with nothing usable in them (no data object): billed, not kept
    timeouts: int = 0  # of the calls with no answer, those that ran out of --timeout (not dropped)
    _sealed: bool = field(default=False, repr=False)  # abandoned: later answers change no count
    _answers: int = field(default=0, repr=False)  # calls whose answer (or its lack) was counted
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def called(self, retry: bool) -> None:
        """Count a call going out."""
        now = time.monotonic()
        with self._lock:
            self.calls += 1
            self.retries += retry
            if self.first_call is None:
                self.first_call = now
            self.last_call = now

    def answered(self, status: int | None, failure: bool, unknown: bool = False) -> int:
        """Count a call's answer (``unknown``: none came back whole, so it may be billed); return
        how many failed calls came in a row."""
        with self._lock:
            if self._sealed:  # an abandoned call's answer: counted as maybe billed already
                return self.consecutive_failures
            self._answers += 1
            self.unknown += unknown
            if status is not None:
                self.by_status[status] += 1
            if status == 200:
                self.credits += 1
            self.consecutive_failures = self.consecutive_failures + 1 if failure else 0
            return self.consecutive_failures

    def abandon(self) -> int:
        """The calls still awaited are abandoned (a second Ctrl-C, the drain's time up): each counts
        as maybe billed, and answers that still come change no count. Return how many."""
        with self._lock:
            if not self._sealed:
                self._sealed = True
                self.abandoned = self.calls - self._answers
                self.unknown += self.abandoned
            return self.abandoned

    def call_rate(self) -> float:
        """Return the calls per second held so far; the calls made, when they all went within a second."""
        if self.first_call is None or self.last_call is None or self.calls < 1:
            return 0.0  # (one call: one call a second, not 0.0, skeptic pass 24)
        span = self.last_call - self.first_call
        if span < 1.0:  # all in one second (a small file): the calls made in it, not a pace above 30
            return float(self.calls)
        return (self.calls - 1) / span


class Progress(Protocol):
    """What a run tells as it goes (the CLI's progress bar; nothing by default)."""

    def start(self, total: int | None, stats: Stats) -> None: ...

    def row_done(self, result: Result) -> None: ...

    def stop(self) -> None: ...


class NoProgress:
    """No progress shown: the Python API, --quiet, tests."""

    def start(self, total: int | None, stats: Stats) -> None:
        pass

    def row_done(self, result: Result) -> None:
        pass

    def stop(self) -> None:
        pass
