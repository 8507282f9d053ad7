"""The pipeline: rows -> request bodies -> paced calls with retries -> results in input order.

Rows stream through: the main thread reads a row, builds its body, checks the store, and hands the
call to a worker; results are yielded in input order through a bounded reorder buffer. Workers make
each row's attempts through :class:`~leadspace_cli.retry.Attempts`, which takes a rate-limiter slot
before every one. The first stop (401, 427, 405/415, persistent failures, an interrupt) ends new
calls; calls in flight finish, and every remaining row is still yielded, as ``not_sent`` unless the
store already holds its answer.
"""

from __future__ import annotations

import collections
import json
import queue
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field

from leadspace_cli.api.auth import CONNECT_TIMEOUT
from leadspace_cli.api.client import Client
from leadspace_cli.engine.attempts import Attempts, CreditBudget, LedgerBudget, RetryPolicy, Stop, reuse_note
from leadspace_cli.engine.claims import Claims
from leadspace_cli.engine.pacing import RateLimiter
from leadspace_cli.engine.store import Store
from leadspace_cli.errors import ExitCode
from leadspace_cli.formats.rows import Row
from leadspace_cli.mapping.aliases import Body
from leadspace_cli.mapping.body import missing_input
from leadspace_cli.results import Result, RowResult, Stats, StopReason

__all__ = ["Enricher", "Options", "Result", "RowResult", "Stats"]


@dataclass(frozen=True)
class Options:
    """How the pipeline behaves. The defaults are the documented ones."""

    rate: float = 30.0
    max_retries: int = 5
    workers: int | None = None  # calls in flight at most; default: enough for 3 s answers
    reorder_limit: int = 5000  # rows held to keep input order
    term_drain_seconds: float = 8.0  # after SIGTERM: under the 10 s schedulers give before a kill
    dry_run: bool = False
    retry_invalid: bool = False  # call again for rows whose stored answer is a 400
    max_credits: int | None = None  # spend at most this many credits (200s and maybe-billed calls)
    max_credits_name: str = "--max-credits"  # the setting behind the cap, for the message
    max_credits_period: str | None = None  # "day" or "month" when a budget of one set the cap
    stop_reading: bool = False  # after a stop, read no more input (the Python API)
    # Answers bought (calls in flight included) but not yet taken by the reader, at most; None: no
    # bound beyond the reorder buffer's. A generator whose reader pauses must not go on buying.
    prefetch: int | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    def worker_count(self) -> int:
        """Return how many calls may be in flight: the rate, not the latency, must set the speed."""
        if self.workers:
            return self.workers
        return max(4, min(256, int(self.rate * 3)))

    def policy(self) -> RetryPolicy:
        """Return the retry policy with this run's ``max_retries``."""
        if self.retry.max_retries == self.max_retries:
            return self.retry
        return RetryPolicy(**{**self.retry.__dict__, "max_retries": self.max_retries})


class _Slot:
    __slots__ = ("called", "result", "row")

    def __init__(self, row: Row, result: RowResult | None, called: bool) -> None:
        self.row = row
        self.result = result
        self.called = called


class ReorderBuffer:
    """Rows waiting for their answers, released in input order.

    Identical requests in flight share one call: their rows wait on the same key.
    """

    def __init__(self) -> None:
        self._order: collections.deque[_Slot] = collections.deque()
        self._waiting: dict[bytes, list[_Slot]] = {}
        self.bought_ahead = 0  # rows whose call this run made, not yet released (in flight included)

    def __len__(self) -> int:
        return len(self._order)

    @property
    def in_flight(self) -> int:
        """How many distinct requests are awaited."""
        return len(self._waiting)

    def is_awaited(self, key: bytes) -> bool:
        """Return whether a request with this key is already awaited."""
        return key in self._waiting

    def add(self, row: Row, result: RowResult | None, key: bytes = b"", *, called: bool = False) -> None:
        """Queue a row: with its result, or waiting for the answer to ``key`` (``called``: its call)."""
        slot = _Slot(row, result, called)
        self.bought_ahead += called
        self._order.append(slot)
        if result is None:
            self._waiting.setdefault(key, []).append(slot)

    def settle(self, key: bytes, result: RowResult) -> None:
        """Give every row waiting on ``key`` its result."""
        for slot in self._waiting.pop(key, []):
            slot.result = result

    def settle_all(self, result: RowResult) -> None:
        """Give every waiting row this result (calls abandoned at a stop)."""
        for key in list(self._waiting):
            self.settle(key, result)

    def ready(self) -> Iterator[tuple[Row, RowResult]]:
        """Release the rows at the front that have their results."""
        order = self._order
        while order and order[0].result is not None:
            slot = order.popleft()
            assert slot.result is not None
            self.bought_ahead -= slot.called
            yield slot.row, slot.result


class Enricher:
    """Runs rows through the API. ``run`` yields ``(row, RowResult)`` in input order."""

    def __init__(
        self,
        client: Client | None,
        store: Store,
        *,
        options: Options | None = None,
        limiter: RateLimiter | None = None,
        shared: LedgerBudget | None = None,  # the ledger: budgets and purchases across runs
        claims: Claims | None = None,  # questions in flight, shared with the runs sharing the store
    ) -> None:
        self.client = client
        self.store = store
        self.options = options or Options()
        self.limiter = limiter or RateLimiter(self.options.rate)
        self.stats = Stats()
        self.render_sig = ""  # the output shape, set by the writer (RowWriter.signature)
        self.halt = Stop()
        self.budget = CreditBudget(
            self.options.max_credits, self.options.max_credits_name, shared, self.options.max_credits_period
        )
        self.attempts = (
            Attempts(
                client, store, self.limiter, self.stats, self.halt, self.options.policy(), self.budget, claims
            )
            if client is not None
            else None
        )
        self._jobs: queue.SimpleQueue[tuple[bytes, bytes, str] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[bytes, RowResult]] = queue.SimpleQueue()
        self._workers: list[threading.Thread] = []
        self._buffer: ReorderBuffer | None = None
        self._dry_keys: set[bytes] = set()  # the requests a dry run counted
        # After a stop, how long the answers already on the wire are waited for: a whole call.
        self._drain_limit = (client.timeout + CONNECT_TIMEOUT) if client is not None else 0.0

    # Stopping.

    @property
    def stop_reason(self) -> StopReason | None:
        """Why the run stopped, or None."""
        return self.halt.reason

    def stop(self, code: ExitCode, message: str) -> None:
        """Stop new calls; the exit codes' precedence decides which reason is reported."""
        self.halt(code, message)

    def interrupt(self, *, terminate: bool = False) -> int:
        """Ctrl-C (or SIGTERM, with ``terminate``): stop new calls; return the calls still in flight.

        The first waits for the answers already on the wire (they are paid for) up to the call
        timeout, after SIGTERM at most ``term_drain_seconds``; a second Ctrl-C abandons them.
        """
        reason = self.halt.reason
        if reason is not None and reason.code == ExitCode.INTERRUPTED and not terminate:
            self.halt.abandon.set()
        if terminate:
            self._drain_limit = min(self._drain_limit, self.options.term_drain_seconds)
        again = "run again to finish." if self.store.keeps else reuse_note(False)
        self.stop(ExitCode.INTERRUPTED, f"Interrupted: rows not sent are marked not_sent; {again}")
        return self.on_wire

    def close(self) -> None:
        """The reader stopped taking rows: make no new call; those on the wire are still awaited."""
        self.halt.close()

    def abandon(self) -> None:
        """Stop waiting for the calls on the wire (the interpreter is exiting: threads cannot run)."""
        self.halt.close()
        self.halt.abandon.set()

    @property
    def in_flight(self) -> int:
        """How many distinct calls are awaited (queued for a worker or on the wire)."""
        return self._buffer.in_flight if self._buffer is not None else 0

    @property
    def on_wire(self) -> int:
        """How many calls have been sent and await their answers: those already paid for, or about to be."""
        return self.attempts.on_wire if self.attempts is not None else 0

    # Workers.

    def _start_worker(self) -> None:
        t = threading.Thread(target=self._work, name=f"leadspace-call-{len(self._workers)}", daemon=True)
        self._workers.append(t)
        t.start()

    def _work(self) -> None:
        assert self.attempts is not None
        while (job := self._jobs.get()) is not None:
            key, body, request = job
            try:
                result = self.attempts.call(key, body, request)
            except Exception as exc:  # a bug must not hang the run: report it on the row
                result = RowResult(Result.FAILED, error=f"internal error: {type(exc).__name__}: {exc}")
            self._done.put((key, result))

    # The run.

    def _prepare(self, row: Row, build: Callable[[Row], Body]) -> tuple[RowResult | None, bytes, str, Body]:
        skip = row.skip
        if skip:
            return RowResult(Result.SKIPPED, error=skip), b"", "", {}
        problem = row.problem
        if problem:
            return RowResult(Result.INVALID, error=problem), b"", "", {}
        body = build(row)
        missing = missing_input(body)
        if missing:
            return RowResult(Result.INVALID, error=missing), b"", "", body
        if self.options.dry_run and not self.store.has_answers and self.store.remote is None:
            self._would_call(self.store.key(body)[0])
            return RowResult(Result.NOT_SENT), b"", "", body
        key, request = self.store.key(body)
        hit = self.store.get(key, self.render_sig, request, body)
        if hit is not None and (hit[0] == 200 or not self.options.retry_invalid):
            status, text, rendered = hit
            self.stats.reused += 1
            if status == 200:
                return (
                    RowResult(Result.OK, 200, text=text, reused=True, key=key, rendered=rendered),
                    key,
                    request,
                    body,
                )
            return RowResult(Result.INVALID, status, text, reused=True), key, request, body
        if self.options.dry_run:
            self._would_call(key)
            return RowResult(Result.NOT_SENT), key, request, body
        if self.halt.is_set():
            return RowResult(Result.NOT_SENT), key, request, body
        return None, key, request, body

    def _would_call(self, key: bytes) -> None:
        if key in self._dry_keys:  # an identical row: the real run calls once for both
            self.stats.deduplicated += 1
            return
        self._dry_keys.add(key)
        self.stats.would_call += 1
        cap = self.options.max_credits
        if cap is not None and self.stats.would_call == cap + 1:
            self.stats.cap_row = self.stats.rows  # the first row the cap would leave not_sent

    def _collect(self, buffer: ReorderBuffer, block: bool) -> None:
        """Take the answers that came back; with ``block``, wait for at least one."""
        while True:
            # Answers trickling in (30 a second) must not keep a second Ctrl-C from acting.
            if block and self._should_abandon():
                self._abandon_all(buffer)
                return
            try:
                key, result = self._done.get(timeout=0.1) if block else self._done.get_nowait()
            except queue.Empty:
                if block and self._should_abandon():
                    self._abandon_all(buffer)
                return
            buffer.settle(key, result)
            block = False

    def _abandon_all(self, buffer: ReorderBuffer) -> None:
        """Stop waiting for the answers on the wire: they count as maybe billed (sent, never read)."""
        abandoned = self.stats.abandon()
        error = "abandoned at the stop"
        if abandoned:
            error += ": its call was sent and may be billed, its answer was not kept (a rerun calls it again)"
        buffer.settle_all(RowResult(Result.NOT_SENT, error=error))

    def run(
        self, rows: Iterable[Row], build: Callable[[Row], Body]
    ) -> Generator[tuple[Row, RowResult], None, None]:
        """Yield every row with its result, in input order.

        A KeyboardInterrupt met inside (the Python API's Ctrl-C: the CLI turns the signal into
        :meth:`interrupt` instead) stops new calls; the answers on the wire are still awaited and
        yielded, then the run ends with the interrupt as its stop reason. A second one abandons them.
        """
        buffer = self._buffer = ReorderBuffer()
        try:
            try:
                yield from self._feed(rows, build, buffer)
            except KeyboardInterrupt:
                self.interrupt()
            while buffer.in_flight:
                try:
                    self._collect(buffer, block=True)
                except KeyboardInterrupt:
                    self.interrupt()  # the second: the answers on the wire are abandoned
                yield from self._release(buffer)
            yield from self._release(buffer)
        finally:
            for _ in self._workers:
                self._jobs.put(None)

    def _feed(
        self, rows: Iterable[Row], build: Callable[[Row], Body], buffer: ReorderBuffer
    ) -> Iterator[tuple[Row, RowResult]]:
        workers = self.options.worker_count()
        # Enough queued to keep every worker busy, few enough that a stop is quick.
        max_outstanding = workers + max(4, workers // 4)
        prefetch = self.options.prefetch
        by_result = self.stats.by_result
        for row in rows:
            self.stats.rows += 1
            result, key, request, body = self._prepare(row, build)
            if result is not None and not len(buffer):
                # Nothing waits ahead of it (a dry run, answers from the store): no buffering.
                by_result[result.result] += 1
                yield row, result
            elif result is not None or buffer.is_awaited(key):
                if result is None:
                    self.stats.deduplicated += 1  # an identical row is being called: share it
                buffer.add(row, result, key)
            else:
                buffer.add(row, None, key, called=True)
                if len(self._workers) < workers and buffer.in_flight > len(self._workers) // 2:
                    self._start_worker()  # workers start as the load needs them
                self._jobs.put((key, json.dumps(body, ensure_ascii=False).encode(), request))
            if buffer.in_flight:
                self._collect(buffer, block=False)
            yield from self._release(buffer)
            while buffer.in_flight and (
                len(buffer) >= self.options.reorder_limit
                or buffer.in_flight >= max_outstanding
                or (prefetch is not None and buffer.bought_ahead >= prefetch)
            ):
                self._collect(buffer, block=True)
                yield from self._release(buffer)
            if self.halt.is_set() and (self.options.stop_reading or self._nowhere_to_write()):
                break

    def _nowhere_to_write(self) -> bool:
        reason = self.halt.reason
        return reason is not None and reason.code == ExitCode.PIPE

    def _release(self, buffer: ReorderBuffer) -> Iterator[tuple[Row, RowResult]]:
        by_result = self.stats.by_result
        for row, result in buffer.ready():
            by_result[result.result] += 1
            yield row, result

    def _should_abandon(self) -> bool:
        if self.halt.abandon.is_set():
            return True
        at = self.halt.at
        if at is None:
            return False
        return time.monotonic() - at > self._drain_limit

    def exit_code(self) -> ExitCode:
        """Return the run's exit code from its stop reason and results."""
        if self.halt.reason is not None:
            return self.halt.reason.code
        if self.stats.by_result[Result.FAILED]:
            return ExitCode.ROWS_FAILED
        return ExitCode.OK
