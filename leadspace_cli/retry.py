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


class CreditBudget:
    """At most ``cap`` credits: every call in flight holds one until its outcome is known.

    A 200 spends the credit; so does a call whose outcome is unknown (it may have been billed). Any
    other answer gives it back. A call waits while the credits spent and held reach the cap, so
    that however many calls are in flight the API never bills ``cap + 1``.
    """

    def __init__(self, cap: int | None, name: str = "--max-credits") -> None:
        self.cap = cap
        self.name = name  # the setting that set the cap, for the message
        self.spent = 0
        self.held = 0
        self._cond = threading.Condition()

    def take(self, stop: threading.Event) -> bool:
        """Hold a credit for a call; False once the cap is spent (or the run stopped)."""
        if self.cap is None:
            return True
        with self._cond:
            while self.spent + self.held >= self.cap:
                if self.spent >= self.cap or stop.is_set():
                    return False
                self._cond.wait(0.1)
            self.held += 1
            return True

    def settle(self, billed: bool) -> None:
        """The held credit's call ended: spent (``billed``) or given back."""
        if self.cap is None:
            return
        with self._cond:
            self.held -= 1
            self.spent += billed
            self._cond.notify_all()

    @property
    def exhausted(self) -> bool:
        """Whether the cap is spent."""
        return self.cap is not None and self.spent >= self.cap


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
        budget: CreditBudget | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.limiter = limiter
        self.stats = stats
        self.stop = stop
        self.policy = policy or RetryPolicy()
        self.budget = budget or CreditBudget(None)
        self._rng = random.Random()

    def cap_message(self) -> str:
        """The stop message when the credit cap is reached."""
        return (
            f"Reached the credit cap ({self.budget.name}): {self.budget.spent} credits spent. Rows past it "
            "are not_sent; to go on, run the same command again with a higher cap (or tomorrow, for a "
            "daily one): rows already answered are reused free."
        )

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
            if not self.budget.take(self.stop.event):
                if self.budget.exhausted:
                    self.stop(ExitCode.CREDITS, self.cap_message())
                if attempt:
                    return RowResult(
                        Result.FAILED, last.http_status, last.error + "; the credit cap was reached"
                    )
                return RowResult(Result.NOT_SENT)
            try:
                header = self.client.auth.header()
            except OAuthError as exc:
                self.budget.settle(billed=False)
                self.stop(ExitCode.AUTH, str(exc))
                return RowResult(Result.NOT_SENT, error=str(exc))
            attempt += 1
            self.stats.called(retry=attempt > 1)
            answer = self.client.call(body, header)
            if answer.unknown:
                self.stats.maybe_billed()
            self.budget.settle(billed=answer.outcome is Outcome.OK or answer.unknown)
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
