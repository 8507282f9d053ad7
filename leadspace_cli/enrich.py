"""The pipeline: rows -> request bodies -> paced calls with retries -> results in input order.

Rows stream through: the main thread reads a row, builds its body, checks the store, and hands the
call to a worker; results are yielded in input order through a bounded reorder buffer. Workers take
a rate-limiter slot before every attempt, retries included. The first stop (401, 427, 405/415,
persistent failures, an interrupt) ends new calls; calls in flight finish, and every remaining row
is still yielded, as ``not_sent`` unless the store already holds its answer.
"""

from __future__ import annotations

import collections
import enum
import json
import queue
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from leadspace_cli.client import Client, OAuthError, Outcome
from leadspace_cli.errors import ExitCode
from leadspace_cli.mapping import Body, missing_input
from leadspace_cli.pacing import RateLimiter
from leadspace_cli.records import row_problem
from leadspace_cli.store import Store


class Result(enum.StrEnum):
    """The ``ls.result`` of a row."""

    OK = "ok"
    INVALID = "invalid_input"
    FAILED = "failed"
    NOT_SENT = "not_sent"


@dataclass(slots=True)
class RowResult:
    """What became of one row."""

    result: Result
    http_status: int | None = None
    error: str = ""
    payload: dict[str, Any] | None = None
    text: str | None = None  # the answer as stored, parsed lazily
    reused: bool = False
    key: str = ""  # the store key of its request
    rendered: str | None = None  # its ls.* cells as written before, for this output shape

    def answer(self) -> dict[str, Any] | None:
        """Return the 200 answer as an object."""
        if self.payload is None and self.text is not None:
            value = json.loads(self.text)
            self.payload = value if isinstance(value, dict) else {"data": value}
        return self.payload


@dataclass
class Options:
    """How a run behaves. The defaults are the documented ones."""

    rate: float = 30.0
    max_retries: int = 5
    workers: int | None = None  # calls in flight at most; default: enough for 3 s answers
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_after_cap: float = 60.0
    failure_limit: int = 60  # consecutive failed attempts that mean the API is down
    reorder_limit: int = 5000  # rows held to keep input order
    drain_seconds: float = 3.0  # after Ctrl-C, how long calls in flight may take
    dry_run: bool = False

    def worker_count(self) -> int:
        """Return how many calls may be in flight: the rate, not the latency, must set the speed."""
        if self.workers:
            return self.workers
        return max(4, min(256, int(self.rate * 3)))


@dataclass
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
    reused: int = 0  # answers taken from the store
    deduplicated: int = 0  # rows that shared an identical row's call
    would_call: int = 0  # dry run: calls the real run would make
    started: float = field(default_factory=time.monotonic)
    first_call: float | None = None
    last_call: float | None = None
    consecutive_failures: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def called(self, retry: bool) -> None:
        now = time.monotonic()
        with self._lock:
            self.calls += 1
            self.retries += retry
            if self.first_call is None:
                self.first_call = now
            self.last_call = now

    def answered(self, status: int | None, failure: bool) -> int:
        with self._lock:
            if status is not None:
                self.by_status[status] += 1
            if status == 200:
                self.credits += 1
            self.consecutive_failures = self.consecutive_failures + 1 if failure else 0
            return self.consecutive_failures

    def call_rate(self) -> float:
        """Return the calls per second held so far."""
        if self.first_call is None or self.last_call is None or self.calls < 2:
            return 0.0
        span = self.last_call - self.first_call
        return (self.calls - 1) / span if span > 0 else 0.0


_Slot = list[Any]  # [row, RowResult | None]


class Enricher:
    """Runs rows through the API. ``run`` yields ``(row, RowResult)`` in input order."""

    def __init__(
        self,
        client: Client | None,
        store: Store,
        *,
        endpoint_id: str,
        account: str,
        options: Options | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.endpoint_id = endpoint_id
        self.account = account
        self.options = options or Options()
        self.limiter = limiter or RateLimiter(self.options.rate)
        self.stats = Stats()
        self.render_sig = ""  # the output shape, set by the writer (RowWriter.signature)
        self.stop_event = threading.Event()
        self.stop_reason: StopReason | None = None
        self._stop_lock = threading.Lock()
        self._abandon = threading.Event()
        self._stopped_at: float | None = None
        self._jobs: queue.SimpleQueue[tuple[str, bytes] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[str, RowResult]] = queue.SimpleQueue()
        self._workers: list[threading.Thread] = []
        self._rng = random.Random()

    # Stopping.

    def stop(self, code: ExitCode, message: str) -> None:
        """Stop new calls; the first reason given is the one reported."""
        with self._stop_lock:
            if self.stop_reason is None:
                self.stop_reason = StopReason(code, message)
                self._stopped_at = time.monotonic()
        self.stop_event.set()

    def interrupt(self) -> None:
        """Ctrl-C or SIGTERM: the first lets calls in flight finish; a second stops at once."""
        if self.stop_event.is_set() and self.stop_reason and self.stop_reason.code == ExitCode.INTERRUPTED:
            self._abandon.set()
        self.stop(
            ExitCode.INTERRUPTED, "Interrupted: rows not sent are marked not_sent; run again to finish."
        )

    # Workers.

    def _start_worker(self) -> None:
        t = threading.Thread(target=self._work, name=f"leadspace-call-{len(self._workers)}", daemon=True)
        self._workers.append(t)
        t.start()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            key, body = job
            try:
                result = self._call(key, body)
            except Exception as exc:  # a bug must not hang the run: report it on the row
                result = RowResult(Result.FAILED, error=f"internal error: {type(exc).__name__}: {exc}")
            self._done.put((key, result))

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.options.backoff_cap, self.options.backoff_base * 2.0 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def _call(self, key: str, body: bytes) -> RowResult:
        assert self.client is not None
        opts = self.options
        attempt = 0
        renewed = False
        last = RowResult(Result.NOT_SENT)
        while True:
            if not self.limiter.acquire(self.stop_event):
                if attempt:
                    return RowResult(
                        Result.FAILED, last.http_status, last.error + "; the run stopped before a retry"
                    )
                return RowResult(Result.NOT_SENT)
            try:
                header = self.client.auth.header()
            except OAuthError as exc:
                self.stop(ExitCode.AUTH, str(exc))
                return RowResult(Result.NOT_SENT, error=str(exc))
            attempt += 1
            self.stats.called(retry=attempt > 1)
            answer = self.client.call(body, header)
            outcome = answer.outcome
            failure = outcome in (Outcome.RETRY, Outcome.THROTTLED)
            streak = self.stats.answered(answer.status, failure)
            if outcome is Outcome.OK:
                # Stored durably before the row is reported: nothing paid for is lost.
                self.store.put(key, 200, answer.text)
                self.limiter.succeeded()
                return RowResult(Result.OK, 200, payload=answer.payload, key=key)
            if outcome is Outcome.INVALID:
                self.store.put(key, 400, answer.error)
                return RowResult(Result.INVALID, answer.status, answer.error)
            if outcome is Outcome.AUTH:
                if not renewed and self.client.auth.renew(header):
                    renewed = True
                    continue
                self.stop(
                    ExitCode.AUTH,
                    "The API rejected the credentials (401): check LEADSPACE_API_KEY "
                    "(or LEADSPACE_PROGRAM_ID and LEADSPACE_SECRET). Nothing more was sent.",
                )
                return RowResult(Result.NOT_SENT, answer.status, answer.error)
            if outcome is Outcome.CREDITS:
                self.stop(
                    ExitCode.CREDITS,
                    "The API reports insufficient credits (427): ask your Leadspace "
                    "Customer Success Manager or support@leadspace.com for credits, then run the same "
                    "command again; answers already paid for are kept.",
                )
                return RowResult(Result.NOT_SENT, answer.status, answer.error)
            if outcome is Outcome.FATAL:
                self.stop(ExitCode.STOPPED, answer.error)
                return RowResult(Result.NOT_SENT, answer.status, answer.error)
            if outcome is Outcome.BAD_ANSWER:
                return RowResult(Result.FAILED, answer.status, answer.error)
            # RETRY or THROTTLED.
            last = RowResult(Result.FAILED, answer.status, answer.error)
            if streak >= opts.failure_limit:
                self.stop(
                    ExitCode.STOPPED,
                    f"The API is failing persistently ({streak} failed calls in a row; "
                    f"the last: {answer.error}). Try again later; answers already paid for are kept.",
                )
                return last
            if attempt > opts.max_retries:
                last.error += f" (gave up after {attempt} attempts)"
                return last
            if outcome is Outcome.THROTTLED:
                self.limiter.throttled()
            delay = answer.retry_after if answer.retry_after is not None else self._backoff(attempt)
            if self.stop_event.wait(min(delay, opts.retry_after_cap)):
                last.error += "; the run stopped before a retry"
                return last

    # The run.

    def _prepare(self, row: Any, build: Callable[[Any], Body]) -> tuple[RowResult | None, str, Body]:
        problem = row_problem(row)
        if problem:
            return RowResult(Result.INVALID, error=problem), "", {}
        body = build(row)
        missing = missing_input(body)
        if missing:
            return RowResult(Result.INVALID, error=missing), "", body
        if self.options.dry_run and not self.store.has_answers:
            self.stats.would_call += 1
            return RowResult(Result.NOT_SENT), "", body
        key = Store.key(self.endpoint_id, self.account, body)
        hit = self.store.get(key, self.render_sig)
        if hit is not None:
            status, text, rendered = hit
            self.stats.reused += 1
            if status == 200:
                return (
                    RowResult(Result.OK, 200, text=text, reused=True, key=key, rendered=rendered),
                    key,
                    body,
                )
            return RowResult(Result.INVALID, status, text, reused=True), key, body
        if self.options.dry_run:
            self.stats.would_call += 1
            return RowResult(Result.NOT_SENT), key, body
        if self.stop_event.is_set():
            return RowResult(Result.NOT_SENT), key, body
        return None, key, body

    def run(self, rows: Iterable[Any], build: Callable[[Any], Body]) -> Iterator[tuple[Any, RowResult]]:
        """Yield every row with its result, in input order."""
        order: collections.deque[_Slot] = collections.deque()
        in_flight: dict[str, list[_Slot]] = {}
        workers = self.options.worker_count()
        # Enough queued to keep every worker busy, few enough that a stop is quick.
        max_outstanding = workers + max(4, workers // 4)

        def settle(key: str, result: RowResult) -> None:
            slots = in_flight.pop(key, [])
            for slot in slots:
                slot[1] = result

        def collect(block: bool) -> None:
            while True:
                try:
                    key, result = self._done.get(timeout=0.1) if block else self._done.get_nowait()
                except queue.Empty:
                    if block and self._should_abandon():
                        for key_left in list(in_flight):
                            settle(
                                key_left, RowResult(Result.NOT_SENT, error="abandoned in flight at the stop")
                            )
                    return
                settle(key, result)
                block = False

        try:
            by_result = self.stats.by_result
            for row in rows:
                self.stats.rows += 1
                result, key, body = self._prepare(row, build)
                if result is not None and not order:
                    # Nothing waits ahead of it (a dry run, answers from the store): no buffering.
                    by_result[result.result] += 1
                    yield row, result
                    continue
                slot: _Slot = [row, result]
                order.append(slot)
                if result is None and key in in_flight:
                    self.stats.deduplicated += 1  # an identical row is being called: share its answer
                    in_flight[key].append(slot)
                elif result is None:
                    in_flight[key] = [slot]
                    if len(self._workers) < workers and len(in_flight) > len(self._workers) // 2:
                        self._start_worker()  # workers start as the load needs them
                    self._jobs.put((key, json.dumps(body, ensure_ascii=False).encode()))
                if in_flight:
                    collect(block=False)
                while order and order[0][1] is not None:
                    yield self._emit(order.popleft())
                while in_flight and (
                    len(order) >= self.options.reorder_limit or len(in_flight) >= max_outstanding
                ):
                    collect(block=True)
                    while order and order[0][1] is not None:
                        yield self._emit(order.popleft())
            while in_flight:
                collect(block=True)
                while order and order[0][1] is not None:
                    yield self._emit(order.popleft())
            while order:
                yield self._emit(order.popleft())
        finally:
            for _ in self._workers:
                self._jobs.put(None)

    def _should_abandon(self) -> bool:
        if self._abandon.is_set():
            return True
        if self.stop_reason is None or self._stopped_at is None:
            return False
        limit = self.options.drain_seconds
        if self.stop_reason.code != ExitCode.INTERRUPTED and self.client is not None:
            limit = self.client.timeout + 5.0
        return time.monotonic() - self._stopped_at > limit

    def _emit(self, slot: _Slot) -> tuple[Any, RowResult]:
        result: RowResult = slot[1]
        self.stats.by_result[result.result] += 1
        return slot[0], result

    def exit_code(self) -> ExitCode:
        """Return the run's exit code from its stop reason and results."""
        if self.stop_reason is not None:
            return self.stop_reason.code
        if self.stats.by_result[Result.FAILED]:
            return ExitCode.ROWS_FAILED
        return ExitCode.OK
