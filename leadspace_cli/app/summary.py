"""The summary of a run: the end-of-run table, ``--report``, and what :func:`enrich_file` returns."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from leadspace_cli.errors import ExitCode, first_code
from leadspace_cli.formats.outfile import write_whole
from leadspace_cli.results import Result, Stats

if TYPE_CHECKING:
    from leadspace_cli.engine.pipeline import Enricher

# The --report JSON's shape: bumped whenever a key changes meaning or goes away (2: the job echo).
SCHEMA_VERSION = 2


@dataclass
class Summary:
    """The figures of one run (the end-of-run table, ``--report``, and :func:`enrich_file`'s return)."""

    rows: int
    by_result: dict[str, int]
    by_status: dict[str, int]
    calls: int
    retries: int
    credits: int
    unknown_outcome: int  # of them ``abandoned``
    reused: int
    deduplicated: int
    duration: float
    call_rate: float
    exit_code: int
    stop_message: str | None
    dry_run: bool = False
    would_call: int = 0
    pace: str = ""  # the pace the run settled at, and why
    outages: int = 0  # times the API was out of reach and the run waited
    credit_cap: int | None = None  # the credits the run could spend (--max-credits and the like)
    cap_row: int | None = None  # dry run: the first row the cap would leave not_sent
    estimate_seconds: float = 0.0
    job: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    kept_aside: str | None = None  # the output was not replaced: this run's went here instead
    kept_ok: int = 0  # the ok rows of the output that was kept
    # Why: "stopped", "dry_run", "limit" (a --limit run over a longer output), "more_ok" (the output
    # holds this input's rows with more ok ones), "locked" (it could not be replaced: open in Excel).
    kept_reason: str = ""
    removed_aside: list[str] = field(default_factory=list)  # earlier runs' kept-aside outputs removed
    input_error: str | None = None  # the input could not be read past some line (exit 2)
    migrated: int = 0  # answers of a leadspace 0.1 store re-filed in the current format
    not_stored: int = 0  # answers that reached the output but could not be stored (a full disk)
    store_problem: str = ""
    # With LEADSPACE_REDIS_URL: the Redis (masked), answers found there and shared, and why it was lost.
    fleet: dict[str, Any] = field(default_factory=dict)
    abandoned: int = 0  # calls on the wire when the run stopped waiting (a second Ctrl-C): maybe billed
    unusable: int = 0  # HTTP 200 answers with nothing usable in them: billed, not kept
    timeouts: int = 0  # calls that got no answer within --timeout (the rest of unknown_outcome dropped)

    @classmethod
    def of(
        cls,
        enricher: Enricher,
        duration: float,
        *,
        job: dict[str, Any],
        settings: dict[str, Any],
        input_error: str | None = None,
        **output_and_store: Any,
    ) -> Summary:
        """Return the summary of a finished run: the pipeline's figures, and what the store and the
        output file counted (``migrated``, ``not_stored``, ``store_problem``, ``kept_*``).

        An input that could not be read past some line (``input_error``) makes the exit code 2 unless
        a code that comes first applies.
        """
        s = enricher.stats
        opts = enricher.options
        code = enricher.exit_code()
        if input_error is not None:
            code = first_code(code, ExitCode.USAGE)
        # -o not replaced for a --limit trial, a better old output, or a lock: a cron job must not
        # read the old file as this run's.
        if output_and_store.get("kept_aside") and output_and_store.get("kept_reason") in (
            "limit",
            "more_ok",
            "locked",
        ):
            code = first_code(code, ExitCode.ROWS_FAILED)  # -o was not updated: not a success
        return cls(
            rows=s.rows,
            by_result={r.value: s.by_result.get(r, 0) for r in Result},
            by_status={str(k): v for k, v in sorted(s.by_status.items())},
            calls=s.calls,
            retries=s.retries,
            credits=s.credits,
            unknown_outcome=s.unknown,
            reused=s.reused,
            deduplicated=s.deduplicated,
            duration=round(duration, 3),
            call_rate=round(s.call_rate(), 2),
            exit_code=int(code),
            stop_message=_stop_message(enricher.stop_reason.message if enricher.stop_reason else None, s),
            abandoned=s.abandoned,
            unusable=s.unusable,
            timeouts=s.timeouts,
            dry_run=opts.dry_run,
            would_call=s.would_call,
            credit_cap=opts.max_credits,
            pace=enricher.limiter.explain() if enricher.client is not None else "",
            outages=enricher.attempts.outage.waited if enricher.attempts is not None else 0,
            cap_row=s.cap_row,
            estimate_seconds=round(_capped(s.would_call, opts.max_credits) / opts.rate, 1)
            if opts.dry_run
            else 0.0,
            job=job,
            settings=settings,
            input_error=input_error,
            **output_and_store,
        )

    @property
    def kept_message(self) -> str:
        """Return what the user is told when -o was not replaced ("" when it was)."""
        if not self.kept_aside:
            return ""
        output = self.job.get("output", "the output")
        why = {
            "stopped": "the run stopped before every row was answered",
            "dry_run": "this was a dry run",
            "limit": "this --limit run has fewer rows than it",
            "more_ok": f"it holds this input's rows with {self.kept_ok} ok, this run {self.by_result['ok']}",
            "locked": (
                "it is open in another program (Excel?): close it, then move this run's over it"
                if sys.platform == "win32"
                else "it could not be replaced (it or its folder is read-only, or locked): move this run's "
                "over it"
            ),
        }.get(self.kept_reason, "")
        return f"Kept {output} ({why}): this run's rows are in {self.kept_aside}."

    def to_json(self) -> dict[str, Any]:
        """Return the report's JSON object."""
        return {
            "schema_version": SCHEMA_VERSION,
            "finished_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **self.__dict__,
        }

    def write(self, path: str) -> None:
        """Write the report as JSON (atomically)."""
        write_whole(path, json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", option="--report")


def _capped(calls: int, cap: int | None) -> int:
    return calls if cap is None else min(calls, cap)


def _stop_message(message: str | None, stats: Stats) -> str | None:
    """The stop's message, saying what the calls abandoned on the wire may have cost."""
    if message is None or not stats.abandoned:
        return message
    n = stats.abandoned
    return (
        f"{message} {n} call{'s' if n != 1 else ''} on the wire {'were' if n != 1 else 'was'} abandoned: "
        f"{'they' if n != 1 else 'it'} may be billed (counted as possibly billed), and a rerun calls "
        f"{'them' if n != 1 else 'it'} again (the answers were not kept)."
    )
