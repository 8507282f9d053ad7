"""One row's attempts under the rate limiter: backoff, Retry-After, and the rules that stop a run.

Every attempt, retries included, takes a rate-limiter slot first, so the API never sees more than
the allowance. A 400 is final; a 401 (after one token renewal), a 427, a 405/415/redirect and a
long streak of failures stop the whole run; 429s, 5xx, timeouts and dropped connections are retried
with exponential backoff and jitter, or after the Retry-After the API asked for.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from leadspace_cli.api.client import Answer, Client, Outcome, exit_code
from leadspace_cli.engine.claims import Claims, NoClaims
from leadspace_cli.engine.ledger import Ledger, Limit, Refusal
from leadspace_cli.engine.pacing import RateLimiter
from leadspace_cli.engine.store import Store
from leadspace_cli.errors import AUTH_MESSAGE, CREDITS_MESSAGE, ExitCode, OAuthError, first_code
from leadspace_cli.results import Result, RowResult, Stats, StopReason


def reuse_note(keeps: bool) -> str:
    """What a rerun costs: stored answers are reused, unless this run keeps none (--no-cache, or
    --max-age 0, which reuses nothing from before)."""
    if keeps:
        return "rows already answered are reused free."
    return (
        "this run reuses no stored answers (--no-cache or --max-age 0), so the same command pays for "
        "every row again: run it without that option (or with --max-age 1d) to go on."
    )


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry; the defaults are the documented ones."""

    max_retries: int = 5
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_after_cap: float = 60.0
    failure_limit: int = 60  # consecutive failed attempts that mean the API is down (or out of reach)
    throttle_limit: int = 100  # 429s one row may take: a 429 is pacing, not failure, but not forever
    outage_limit: float = 300.0  # seconds the API may stay out of reach before the run gives up
    outage_probe: float = 1.0  # during an outage, one probe at a time, this many seconds apart
    outage_after: int = 5  # calls in a row that got no answer at all (dropped, refused, timed out)
    # Calls in a row that timed out: the API is slower than --timeout, and each such call may be
    # billed: the run stops (never an outage's probing, which would pay for a timeout a second).
    timeout_limit: int = 10


class Stop:
    """The run's stop: new calls end at the first; the reported reason is the one that wins.

    When several reasons arrive (a 401, then Ctrl-C), the exit codes' precedence
    (``errors.first_code``) decides which is reported.
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

    def close(self) -> None:
        """Stop new calls without a reason: the reader of the rows went away (a closed generator)."""
        with self._lock:
            if self.at is None:
                self.at = time.monotonic()
        self.event.set()

    def is_set(self) -> bool:
        """Return whether the run was stopped."""
        return self.event.is_set()


_STOP_MESSAGES = {Outcome.AUTH: AUTH_MESSAGE, Outcome.CREDITS: CREDITS_MESSAGE}


class Outage:
    """The API out of reach (a Wi-Fi drop, a VPN reconnect, a laptop asleep), shared by all calls.

    It starts when calls in a row get no answer at all (connection errors, timeouts: each maybe
    billed), or when the failures in a row reach the policy's limit and none was an answer; any
    answer ends it. While it lasts, the calls wait and one probe at a time goes out, about one a
    second (:meth:`admit`), so that a run does not fire its full rate into an outage, each call a
    credit perhaps billed; it ends the run only past ``outage_limit``.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, probe_every: float = 1.0) -> None:
        self.since: float | None = None
        self.waited = 0  # outages waited out, for the summary
        self.probe_every = probe_every
        self._clock = clock
        self._cond = threading.Condition()
        self._probing = False
        self._next_probe = 0.0

    def begin(self) -> float:
        """Note that the API is out of reach; return for how long it has been."""
        with self._cond:
            now = self._clock()
            if self.since is None:
                self.since = now
                self.waited += 1
                self._next_probe = now + self.probe_every
            return now - self.since

    def end(self) -> None:
        """An answer came: the API is back."""
        if self.since is not None:
            with self._cond:
                self.since = None
                self._cond.notify_all()

    def admit(self, stop: threading.Event) -> bool | None:
        """Before a call: during an outage, wait until the API is back or it is this call's turn to
        probe. Return True for a probe (then call :meth:`probed`), False for a call as usual, None
        when the run stopped meanwhile."""
        with self._cond:
            while self.since is not None:
                if stop.is_set():
                    return None
                now = self._clock()
                if not self._probing and now >= self._next_probe:
                    self._probing = True
                    self._next_probe = now + self.probe_every
                    return True
                self._cond.wait(0.05)
        return False

    def probed(self) -> None:
        """The probe's call ended: the next may go when its turn comes."""
        with self._cond:
            self._probing = False
            self._cond.notify_all()

    @property
    def active(self) -> bool:
        """Whether the API is out of reach now."""
        return self.since is not None


@dataclass(frozen=True)
class LedgerBudget:
    """The budgets shared by every run of a program: a ledger, the program, its day/month limits."""

    ledger: Ledger
    program: str
    limits: tuple[Limit, ...] = ()


class CreditBudget:
    """At most ``cap`` credits: every call in flight holds one until its outcome is known.

    A 200 spends the credit; so does a call whose outcome is unknown (it may have been billed). Any
    other answer gives it back. A call waits while the credits spent and held reach the cap, so
    that however many calls are in flight the API never bills ``cap + 1``. With ``shared`` (the
    ledger), each call also reserves a line there before it goes, and every purchase is recorded:
    the day and month budgets hold across every run of the program at once.
    """

    def __init__(
        self,
        cap: int | None,
        name: str = "--max-credits",
        shared: LedgerBudget | None = None,
        period: str | None = None,
    ) -> None:
        self.cap = cap
        self.name = name  # the setting that set the cap, for the message
        self.period = period  # "day" or "month": the cap is what was left of such a budget
        self.spent = 0
        self.held = 0
        self.shared = shared
        self.refusal: Refusal | None = None  # the shared budget that stopped the run
        self._cond = threading.Condition()

    def take(self, stop: threading.Event) -> Hold | None:
        """Hold a credit for a call; None once a cap is spent (or the run stopped)."""
        if self.cap is not None:
            with self._cond:
                while self.spent + self.held >= self.cap:
                    if self.spent >= self.cap or stop.is_set():
                        return None
                    self._cond.wait(0.1)
                self.held += 1
        if self.shared is None:
            return Hold(None)
        while True:
            got = self.shared.ledger.reserve(self.shared.program, self.shared.limits)
            if not isinstance(got, Refusal):
                return Hold(got)
            # Spent: the run stops. Held by calls in flight (this run's or another's): they may give
            # their credits back, so wait for them.
            if got.exhausted or stop.is_set():
                self.refusal = got if got.exhausted else self.refusal
                self._give_back()
                return None
            stop.wait(0.1)

    def _give_back(self) -> None:
        if self.cap is not None:
            with self._cond:
                self.held -= 1
                self._cond.notify_all()

    def settle(self, hold: Hold, billed: bool) -> None:
        """The held credit's call ended: spent (``billed``) or given back."""
        if self.shared is not None and hold.line is not None:
            self.shared.ledger.settle(hold.line, billed)
        if self.cap is None:
            return
        with self._cond:
            self.held -= 1
            self.spent += billed
            self._cond.notify_all()

    @property
    def exhausted(self) -> bool:
        """Whether a cap is spent (this run's, or a day or month budget)."""
        return (self.cap is not None and self.spent >= self.cap) or self.refusal is not None

    def message(self) -> str:
        """Name the cap reached and what was spent in it."""
        if self.refusal is not None:
            limit = self.refusal.limit
            return (
                f"{limit.name} {limit.credits}: {self.refusal.spent} credits spent this {limit.period} "
                "by every run of the program"
            )
        return f"{self.name}: {self.spent} credits spent"


@dataclass(frozen=True)
class Hold:
    """A credit held for one call: ``line`` is its reservation in the ledger (None without one)."""

    line: int | None


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
        claims: Claims | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.limiter = limiter
        self.stats = stats
        self.stop = stop
        self.policy = policy or RetryPolicy()
        self.budget = budget or CreditBudget(None)
        self.claims = claims or NoClaims()
        self.outage = Outage(probe_every=self.policy.outage_probe)
        self._silent = 0  # calls in a row that got no answer at all
        self._timeouts = 0  # calls in a row that timed out
        self.on_wire = 0  # calls sent whose answers are awaited
        self._wire_lock = threading.Lock()
        self._rng = random.Random()

    def cap_message(self) -> str:
        """The stop message when the credit cap is reached: what was billed, and what may have been."""
        spent = f"{self.stats.credits} billed"
        if self.stats.unknown:
            spent += (
                f", {self.stats.unknown} possibly billed (calls that got no answer count against the cap)"
            )
        if self.budget.refusal is not None:  # a day or month budget, shared by every run
            return (
                f"Reached the credit budget ({self.budget.message()}); this run: {spent}. Rows past it "
                "are not_sent; run the same command again when the budget allows (tomorrow, for a daily "
                f"one): {reuse_note(self.store.keeps)}"
            )
        if self.budget.period is not None:  # the cap was what a day or month budget had left
            day = self.budget.period == "day"
            when, now = ("tomorrow", "today") if day else ("next month", "this month")
            flag = self.budget.name.split()[0]
            return (
                f"Reached the credit budget ({self.budget.name}); this run: {spent}. Rows past it are "
                f"not_sent; run the same command again {when} (or with a higher {flag} to buy more "
                f"{now}): {reuse_note(self.store.keeps)}"
            )
        return (
            f"Reached the credit cap ({self.budget.name}): {spent}. The cap is per run: rows past it "
            "are not_sent; run the same command again to go on (with a higher cap to buy more in one "
            f"run): {reuse_note(self.store.keeps)}"
        )

    def backoff(self, attempt: int) -> float:
        """Return the wait before retry ``attempt`` (1, 2, ...): exponential, with jitter."""
        p = self.policy
        ceiling = min(p.backoff_cap, p.backoff_base * 2.0 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def _send(
        self, body: bytes, *, retry: bool, last: RowResult, probe: bool
    ) -> tuple[str, Answer] | RowResult | None:
        """Make one call under the pace and the credit cap; a RowResult when none could be made;
        None when an outage began while this call waited for its slot (it waits for its turn)."""
        if not self.limiter.acquire(self.stop.event):
            if retry:
                return RowResult(
                    Result.FAILED, last.http_status, last.error + "; the run stopped before a retry"
                )
            return RowResult(Result.NOT_SENT)
        if self.outage.active and not probe:
            return None
        hold = self.budget.take(self.stop.event)
        if hold is None:
            refusal = self.budget.refusal
            if refusal is not None and refusal.lost:
                self.stop(
                    ExitCode.STOPPED,
                    f"{refusal.lost}. A day or month budget is set ({refusal.limit.name} "
                    f"{refusal.limit.credits}) and it is counted there, so nothing more is bought: rows "
                    "left are not_sent. Run the same command again once Redis is back: answers bought "
                    "are kept and reused free.",
                )
            elif self.budget.exhausted:
                self.stop(ExitCode.CREDITS, self.cap_message())
            if retry:
                return RowResult(Result.FAILED, last.http_status, last.error + "; the credit cap was reached")
            return RowResult(Result.NOT_SENT)
        try:
            header = self.client.auth.header()
        except OAuthError as exc:
            self.budget.settle(hold, billed=False)
            self.stop(ExitCode.AUTH, str(exc))
            return RowResult(Result.NOT_SENT, error=str(exc))
        self.stats.called(retry=retry)
        with self._wire_lock:
            self.on_wire += 1
        try:
            answer = self.client.call(body, header)
        finally:
            with self._wire_lock:
                self.on_wire -= 1
        # A 200 is a credit, usable or not (an answer with no data object is billed all the same).
        billed = answer.outcome in (Outcome.OK, Outcome.BAD_ANSWER) or answer.unknown
        self.budget.settle(hold, billed=billed)
        # No answer at all (a dropped or refused connection); a timeout is a slow API, not an outage
        # (it is retried as before, within --max-retries).
        silent_failure = (
            answer.status is None
            and answer.outcome is Outcome.RETRY
            and not answer.error.endswith("(timeout)")
        )
        with self._wire_lock:
            self._silent = self._silent + 1 if silent_failure else 0
            silent = self._silent
        if silent >= self.policy.outage_after:
            self.outage.begin()
        return header, answer

    def call(self, key: bytes, body: bytes, request: str) -> RowResult:
        """Return the row's result: claim the question, then make as many attempts as it takes.

        When another run holds the question, wait for its answer (holding no pace slot and no
        credit) and reuse it from the store; buy it only when the claim ends without one, or after
        waiting ``outage_limit``.
        """
        keys = self.store.claim_keys(key, request)
        reused = self._await_claim(key, keys, request)
        if reused is not None:
            return reused
        try:
            return self._attempts(key, keys, body, request)
        finally:
            for claimed in reversed(keys):
                self.claims.release(claimed)

    def _await_claim(self, key: bytes, keys: list[bytes], request: str) -> RowResult | None:
        """Claim the question (under each of ``keys``, in order), or wait for the run that holds it;
        return a stored answer, if any."""
        waited_since: float | None = None
        for held, claim in enumerate(keys):
            while not self.claims.claim(claim):
                for mine in keys[:held]:  # the keys already held stay fresh while this one is awaited
                    self.claims.beat(mine)
                now = time.monotonic()
                waited_since = now if waited_since is None else waited_since
                if now - waited_since > self.policy.outage_limit or self.stop.is_set():
                    break  # waited long enough (or stopping): this run decides for itself
                while self.claims.held_elsewhere(claim) and not self.stop.event.wait(0.2):
                    if time.monotonic() - waited_since > self.policy.outage_limit:
                        break
        # Claimed (or waited out): another run may have stored the answer since this row was read,
        # in this partition or, when it ran under the program or one of its keys, in a linked one.
        # Looked for even when the claim was free: a run of the program that overtook this key's run
        # bought and released the row before this run reached it (CI, stop 49: 91 bought for 90 rows).
        # Only rows about to be bought come here: the look-up costs little beside the call.
        self.store.relink()
        hit = self.store.get(key, "", request, body=json.loads(request))
        if hit is not None and hit[0] == 200:
            for claimed in reversed(keys):
                self.claims.release(claimed)
            self.stats.reused += 1
            return RowResult(Result.OK, 200, text=hit[1], reused=True, key=key)
        return None

    def _attempts(self, key: bytes, keys: list[bytes], body: bytes, request: str) -> RowResult:
        attempt = 0  # calls made for this row
        counted = 0  # of them, those that use up a retry (not 429s, not probes during an outage)
        throttled = 0
        renewed = False
        last = RowResult(Result.NOT_SENT)
        while True:
            if attempt:
                for claimed in keys:  # every key the question is claimed under (review 47 F2)
                    self.claims.beat(claimed)
            probe = self.outage.admit(self.stop.event)
            if probe is None:  # the run stopped while the API was out of reach
                if attempt:
                    last.error += "; the run stopped before a retry"
                    return last
                return RowResult(Result.NOT_SENT)
            try:
                sent = self._send(body, retry=attempt > 0, last=last, probe=probe)
            finally:
                if probe:
                    self.outage.probed()
            if sent is None:
                continue
            if isinstance(sent, RowResult):
                return sent
            attempt += 1
            counted += 1
            header, answer = sent
            outcome = answer.outcome
            # A 429 is pacing, not failure: only errors and silence count towards "the API is down".
            streak = self.stats.answered(answer.status, outcome is Outcome.RETRY, answer.unknown)
            if outcome is Outcome.OK:
                self.outage.end()
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
            if outcome is Outcome.BAD_ANSWER:  # billed (a 200), not kept: a rerun asks again
                with self._wire_lock:
                    self.stats.unusable += 1
                return RowResult(Result.FAILED, answer.status, answer.error + " (billed)")
            # RETRY or THROTTLED.
            last = RowResult(Result.FAILED, answer.status, answer.error)
            timed_out = answer.status is None and answer.error.endswith("(timeout)")
            with self._wire_lock:
                self._timeouts = self._timeouts + 1 if timed_out else 0
                timeouts = self._timeouts
                self.stats.timeouts += timed_out
            if timeouts >= self.policy.timeout_limit:
                self.stop(
                    ExitCode.STOPPED,
                    f"{timeouts} calls in a row got no answer within --timeout "
                    f"({self.client.timeout:g}s), and each may be billed: the API answers more slowly "
                    "than that (or not at all). Raise --timeout (the default is 30) and run again: "
                    "answers already paid for are kept.",
                )
                return last
            if answer.status is not None or outcome is Outcome.THROTTLED:
                self.outage.end()
            elif not timed_out and (streak >= self.policy.failure_limit or self.outage.active):
                lasted = self.outage.begin()
                if lasted > self.policy.outage_limit:
                    self.stop(
                        ExitCode.STOPPED,
                        f"The API has been out of reach for {_lasted(lasted)} (the last: "
                        f"{answer.error}). Run the same command again later: answers already paid for "
                        "are kept.",
                    )
                    return last
                counted -= 1  # waiting out an outage uses up no retries
                delay = min(self.policy.outage_probe, self.backoff(min(attempt, 4)))
                if self.stop.event.wait(delay):
                    last.error += "; the run stopped before a retry"
                    return last
                continue
            if answer.status is not None and streak >= self.policy.failure_limit:
                self.stop(
                    ExitCode.STOPPED,
                    f"The API is failing persistently ({streak} failed calls in a row; "
                    f"the last: {answer.error}). Try again later; answers already paid for are kept.",
                )
                return last
            if outcome is Outcome.THROTTLED:
                # A 429 is the gateway pacing us: it uses up no retries (within reason).
                throttled += 1
                counted -= 1
                self.limiter.throttled()
                if throttled > self.policy.throttle_limit:
                    last.error += f" ({throttled} times)"
                    return last
            if counted > self.policy.max_retries:
                last.error += f" (gave up after {attempt} attempts)"
                return last
            delay = answer.retry_after if answer.retry_after is not None else self.backoff(max(1, counted))
            if self.stop.event.wait(min(delay, self.policy.retry_after_cap)):
                last.error += "; the run stopped before a retry"
                return last


def _lasted(seconds: float) -> str:
    """A wait as a person says it: "45 seconds", "1 minute", "12 minutes"."""
    if seconds < 90:
        return f"{seconds:.0f} seconds"
    minutes = round(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
