"""One row's attempts under the rate limiter: backoff, Retry-After, and the rules that stop a run.

Every attempt, retries included, takes a rate-limiter slot first, so the API never sees more than
the allowance. A 400 is final; a 401 (after one token renewal), a 427, a 405/415/redirect and a
long streak of failures stop the whole run; 429s, 5xx, timeouts and dropped connections are retried
with exponential backoff and jitter, or after the Retry-After the API asked for.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass

from leadspace_cli.client import Client, Outcome, exit_code
from leadspace_cli.errors import AUTH_MESSAGE, CREDITS_MESSAGE, ExitCode, OAuthError, first_code
from leadspace_cli.pacing import RateLimiter
from leadspace_cli.results import Result, RowResult, Stats, StopReason
from leadspace_cli.store import Store


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry; the defaults are the documented ones."""

    max_retries: int = 5
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_after_cap: float = 60.0
    failure_limit: int = 60  # consecutive failed attempts that mean the API is down


class Stop:
    """The run's stop: new calls end at the first; the reported reason is the one that wins.

    When several reasons arrive (a 401, then Ctrl-C), PRODUCT.md's order decides which is reported.
    """

    def __init__(self) -> None:
        self.event = threading.Event()
        self.abandon = threading.Event()  # calls in flight are no longer waited for
        self.reason: StopReason | None = None
        self.at: float | None = None
        self._lock = threading.Lock()

    def __call__(self, code: ExitCode, message: str) -> None:
        """Stop new calls for this reason."""
        with self._lock:
            if self.reason is None or (
                code != self.reason.code and first_code(code, self.reason.code) == code
            ):
                self.reason = StopReason(code, message)
            if self.at is None:
                self.at = time.monotonic()
        self.event.set()

    def is_set(self) -> bool:
        """Return whether the run was stopped."""
        return self.event.is_set()


_STOP_MESSAGES = {Outcome.AUTH: AUTH_MESSAGE, Outcome.CREDITS: CREDITS_MESSAGE}


class Attempts:
    """Makes one row's call, with its retries, and stops the run when an answer says so."""

    def __init__(
        self,
        client: Client,
        store: Store,
        limiter: RateLimiter,
        stats: Stats,
        stop: Stop,
        policy: RetryPolicy | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.limiter = limiter
        self.stats = stats
        self.stop = stop
        self.policy = policy or RetryPolicy()
        self._rng = random.Random()

    def backoff(self, attempt: int) -> float:
        """Return the wait before retry ``attempt`` (1, 2, ...): exponential, with jitter."""
        p = self.policy
        ceiling = min(p.backoff_cap, p.backoff_base * 2.0 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def call(self, key: bytes, body: bytes, request: str) -> RowResult:
        """Return the row's result after as many attempts as it takes or the policy allows."""
        attempt = 0
        renewed = False
        last = RowResult(Result.NOT_SENT)
        while True:
            if not self.limiter.acquire(self.stop.event):
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
            if answer.unknown:
                self.stats.maybe_billed()
            outcome = answer.outcome
            failure = outcome in (Outcome.RETRY, Outcome.THROTTLED)
            streak = self.stats.answered(answer.status, failure)
            if outcome is Outcome.OK:
                # Stored durably before the row is reported: nothing paid for is lost.
                self.store.put(key, 200, answer.text, request)
                self.limiter.succeeded()
                return RowResult(Result.OK, 200, payload=answer.payload, key=key)
            if outcome is Outcome.INVALID:
                self.store.put(key, 400, answer.error, request)
                return RowResult(Result.INVALID, answer.status, answer.error)
            if outcome is Outcome.AUTH and not renewed and self.client.auth.renew(header):
                renewed = True
                continue
            if outcome in (Outcome.AUTH, Outcome.CREDITS, Outcome.FATAL):
                self.stop(exit_code(outcome), _STOP_MESSAGES.get(outcome, answer.error))
                return RowResult(Result.NOT_SENT, answer.status, answer.error)
            if outcome is Outcome.BAD_ANSWER:
                return RowResult(Result.FAILED, answer.status, answer.error)
            # RETRY or THROTTLED.
            last = RowResult(Result.FAILED, answer.status, answer.error)
            if streak >= self.policy.failure_limit:
                self.stop(
                    ExitCode.STOPPED,
                    f"The API is failing persistently ({streak} failed calls in a row; "
                    f"the last: {answer.error}). Try again later; answers already paid for are kept.",
                )
                return last
            if attempt > self.policy.max_retries:
                last.error += f" (gave up after {attempt} attempts)"
                return last
            if outcome is Outcome.THROTTLED:
                self.limiter.throttled()
            delay = answer.retry_after if answer.retry_after is not None else self.backoff(attempt)
            if self.stop.event.wait(min(delay, self.policy.retry_after_cap)):
                last.error += "; the run stopped before a retry"
                return last
