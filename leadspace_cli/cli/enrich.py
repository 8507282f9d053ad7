"""`leadspace enrich` and `leadspace sandbox`."""

from __future__ import annotations

import contextlib
import gc
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from leadspace_cli.api.redact import redact
from leadspace_cli.app.job import Job
from leadspace_cli.cli.core import (
    InputArg,
    SheetOpt,
    _boundary,
    _quiet_stdout,
    _secrets,
    _setup_logging,
    app,
    err,
)
from leadspace_cli.cli.ui import (
    Display,
    NullDisplay,
    PlainDisplay,
    RichDisplay,
    summary_table,
)
from leadspace_cli.errors import (
    ExitCode,
    SettingsError,
    counted,
)
from leadspace_cli.sandbox import Sandbox, SandboxConfig

if TYPE_CHECKING:
    from leadspace_cli.app.run import Run


def _display(quiet: bool) -> Display:
    if quiet:
        return NullDisplay()
    if err.is_terminal:
        return RichDisplay(err)
    return PlainDisplay(err)


def _signals(run: Run) -> contextlib.AbstractContextManager[None]:
    """Ctrl-C and SIGTERM stop new calls; a second Ctrl-C stops at once."""

    def tell(waiting: int) -> None:
        if waiting and run.interrupts == 1:
            err.print(
                f"Stopping: waiting for {counted(waiting, 'answer')} already paid for; Ctrl-C again to "
                "abandon them.",
                markup=False,
            )

    return run.signals(tell)


# The options' defaults are the Job's: one source for the CLI and the Python API.
DEFAULTS = Job()


@app.command()
def enrich(
    input: InputArg,
    output: Annotated[
        str,
        typer.Option(
            "-o", "--output", help="Output .csv, .tsv or .jsonl (optionally .gz), .xlsx, or - for stdout."
        ),
    ] = DEFAULTS.output,
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", "-m", help="TOML column mapping (default: detect from headers)."),
    ] = None,
    rate: Annotated[
        float, typer.Option(min=0.1, help="At most this many calls in any one-second window.")
    ] = DEFAULTS.rate,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Call nothing: check every row, count calls, credits and time.")
    ] = DEFAULTS.dry_run,
    limit: Annotated[int | None, typer.Option(min=0, help="Take only the first N rows.")] = DEFAULTS.limit,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait for one answer.")
    ] = DEFAULTS.timeout,
    max_retries: Annotated[
        int,
        typer.Option(
            min=0,
            help="Retries of a row after a 5xx, a timeout or a dropped connection (a 429 is not one).",
        ),
    ] = DEFAULTS.max_retries,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
    report: Annotated[str | None, typer.Option(help="Write a JSON summary of the run to this file.")] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither reuse nor keep answers across runs.")
    ] = DEFAULTS.no_cache,
    cache_dir: Annotated[
        Path | None, typer.Option(help="Folder of the response store [env: LEADSPACE_CACHE_DIR].")
    ] = None,
    max_age: Annotated[
        str, typer.Option(help="Reuse stored answers up to this age (30d, 12h, 0 for never).")
    ] = DEFAULTS.max_age,
    sandbox: Annotated[
        bool,
        typer.Option("--sandbox", help="Run against the embedded sandbox API on loopback (no key needed)."),
    ] = DEFAULTS.sandbox,
    input_format: Annotated[
        str | None, typer.Option(help="csv, tsv, jsonl or xlsx, when the name does not say (stdin).")
    ] = DEFAULTS.input_format,
    output_format: Annotated[
        str | None, typer.Option(help="csv, tsv, jsonl or xlsx, when -o does not say.")
    ] = DEFAULTS.output_format,
    sheet: SheetOpt = DEFAULTS.sheet,
    include_hidden: Annotated[
        bool,
        typer.Option("--include-hidden", help="Of a workbook: send the rows its filter hides, too."),
    ] = DEFAULTS.include_hidden,
    header_row: Annotated[
        int | None,
        typer.Option(
            "--header-row", min=1, help="The row (a CSV's line) number of the header (default: found)."
        ),
    ] = DEFAULTS.header_row,
    encoding: Annotated[
        str | None, typer.Option(help="Input text encoding (default: UTF-8, detected otherwise).")
    ] = DEFAULTS.encoding,
    delimiter: Annotated[
        str | None, typer.Option(help="CSV delimiter (default from the extension).")
    ] = DEFAULTS.delimiter,
    columns: Annotated[
        str | None, typer.Option(help="Comma-separated ls.* columns to write (default: all).")
    ] = None,
    excel_safe: Annotated[
        bool, typer.Option("--excel-safe", help="Prefix formula-looking answer cells with '.")
    ] = DEFAULTS.excel_safe,
    bom: Annotated[
        bool, typer.Option("--bom", help="Start CSV output with a UTF-8 BOM, for Excel.")
    ] = DEFAULTS.bom,
    base_url: Annotated[
        str | None, typer.Option(help="API base URL [env: LEADSPACE_BASE_URL].")
    ] = DEFAULTS.base_url,
    ca_bundle: Annotated[
        str | None, typer.Option(help="CA certificates (PEM) [env: REQUESTS_CA_BUNDLE].")
    ] = DEFAULTS.ca_bundle,
    workers: Annotated[
        int | None, typer.Option(min=1, max=1024, help="Calls in flight at most (default: 3 × rate).")
    ] = DEFAULTS.workers,
    max_credits: Annotated[
        int | None, typer.Option(min=0, help="Spend at most N credits [env: LEADSPACE_MAX_CREDITS].")
    ] = DEFAULTS.max_credits,
    max_credits_per_day: Annotated[
        int | None,
        typer.Option(min=0, help="At most N credits a day [env: LEADSPACE_MAX_CREDITS_PER_DAY]."),
    ] = DEFAULTS.max_credits_per_day,
    max_credits_per_month: Annotated[
        int | None,
        typer.Option(
            min=0, help="At most N credits a month, all runs [env: LEADSPACE_MAX_CREDITS_PER_MONTH]."
        ),
    ] = DEFAULTS.max_credits_per_month,
    outage_limit: Annotated[
        str, typer.Option(help="Wait this long for an API out of reach (a Wi-Fi drop) before giving up.")
    ] = DEFAULTS.outage_limit,
    retry_invalid: Annotated[
        bool,
        typer.Option(
            "--retry-invalid", help="Call again for rows whose stored answer is a 400 (not the 200s)."
        ),
    ] = DEFAULTS.retry_invalid,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Trace every HTTP exchange on stderr (key redacted).")
    ] = False,
    traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Enrich every row of INPUT and write it, with ls.* columns, to OUTPUT.

    Example: leadspace enrich samples/leads.csv -o out.csv --sandbox
    """
    with _boundary(traceback):
        job = Job(
            input=input,
            output=output,
            mapping=mapping,
            rate=rate,
            dry_run=dry_run,
            limit=limit,
            timeout=timeout,
            max_retries=max_retries,
            report=report,
            no_cache=no_cache,
            cache_dir=cache_dir,
            max_age=max_age,
            sandbox=sandbox,
            input_format=input_format,
            output_format=output_format,
            encoding=encoding,
            delimiter=delimiter,
            sheet=sheet,
            include_hidden=include_hidden,
            header_row=header_row,
            columns=columns,
            excel_safe=excel_safe,
            bom=bom,
            base_url=base_url,
            ca_bundle=ca_bundle,
            workers=workers,
            retry_invalid=retry_invalid,
            outage_limit=outage_limit,
            max_credits=max_credits,
            max_credits_per_day=max_credits_per_day,
            max_credits_per_month=max_credits_per_month,
            dotenv=True,
        )
        code = _enrich(job, quiet=quiet, verbose=verbose)
    raise typer.Exit(int(code))


def _enrich(job: Job, *, quiet: bool, verbose: bool) -> ExitCode:
    _setup_logging(verbose, _secrets())
    display = _display(quiet)
    from leadspace_cli.app.run import Run  # on use: a quick --help and --version

    run = Run(
        job,
        progress=display,
        note=None if quiet else (lambda text: err.print(text, markup=False)),
        warn=lambda text: err.print(text, markup=False),
        count_total=isinstance(display, RichDisplay),
    )
    # A full garbage collection over the imported modules' objects holds the GIL for tens of
    # milliseconds: long enough to delay a paced call into the next one-second window (a 429).
    # Process-wide, so the CLI's to do, not the library's.
    gc.freeze()
    with _signals(run):
        summary = run.execute()
    code = ExitCode(summary.exit_code)
    if code is ExitCode.PIPE:
        _quiet_stdout()
        return code
    if not quiet:
        err.print(summary_table(summary))
    if summary.not_stored:
        err.print(
            f"[yellow]Warning:[/] {summary.not_stored} answers reached the output but could not be "
            f"stored ({escape(summary.store_problem)}): free some disk space, or a rerun buys them again.",
            markup=True,
        )
    for removed in summary.removed_aside:
        err.print(f"Removed {removed}: the output of an earlier run kept aside; -o is now up to date.")
    if summary.kept_aside:
        err.print(f"[yellow]{escape(summary.kept_message)}[/]", markup=True)
    secrets = run.settings.secrets() if run.settings else []
    if summary.input_error:
        where = f" in {summary.kept_aside}" if summary.kept_aside else ""
        done = (
            f"The rows before it were checked, not sent ({summary.rows} rows, written{where}); fix the input "
            "and run again."
            if summary.dry_run
            else f"The rows before it were enriched and written{where} ({summary.rows} rows); fix the input "
            "and run again: answers already paid for are reused."
        )
        err.print(f"[bold red]Input error:[/] {escape(summary.input_error)} {escape(done)}", markup=True)
    if summary.stop_message:
        err.print(f"[bold red]Stopped:[/] {escape(redact(summary.stop_message, secrets))}", markup=True)
    elif code is ExitCode.ROWS_FAILED and summary.by_result["failed"]:
        slow = ""
        if summary.timeouts:  # calls that ran out of --timeout: each may be billed
            slow = (
                f" {counted(summary.timeouts, 'call')} got no answer in time (each may be "
                "billed): if the API is slow rather than down, raise --timeout first, or the rerun "
                "pays for them again."
            )
        dropped = summary.unknown_outcome - summary.timeouts
        if dropped > 0:  # connections dropped mid-call: a longer --timeout would not help
            slow += (
                f" {counted(dropped, 'call')} lost {'its' if dropped == 1 else 'their'} connection "
                "before an answer (each may be billed): the rerun asks again."
            )
        keeps = not job.no_cache and job.max_age_seconds > 0
        again = (
            "run the same command again to finish them (answers already paid for are reused)."
            if keeps
            else "this run reuses no stored answers (--no-cache or --max-age 0), so the same command "
            "pays for every row again: run it without that option (or with --max-age 1d) to finish them."
        )
        if summary.unusable:
            again += (
                f" {counted(summary.unusable, 'answer')} came back HTTP 200 with nothing usable in it "
                "(billed, not kept): a rerun pays for those again."
            )
        err.print(
            f"{counted(summary.by_result['failed'], 'row')} failed: {again}{slow}",
            markup=False,
        )
    return code


@app.command("sandbox")
def sandbox_cmd(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port).")] = 8030,
    key: Annotated[str, typer.Option(help="The API key it accepts.")] = "sandbox-key",
    rate: Annotated[
        float, typer.Option(help="Calls accepted in any one-second window (0: no limit).")
    ] = 30.0,
    credits: Annotated[
        int | None, typer.Option(help="Credits before it answers 427 (default: unlimited).")
    ] = None,
    latency: Annotated[float, typer.Option(help="Median seconds before each answer.")] = 0.0,
    latency_spread: Annotated[
        float, typer.Option(help="Heavy tail: log-normal sigma of the latency (0: fixed).")
    ] = 0.0,
    latency_cap: Annotated[float, typer.Option(help="Longest latency, in seconds.")] = 10.0,
    fail_rate: Annotated[float, typer.Option(min=0, max=1, help="Share of 500-504 answers.")] = 0.0,
    drop_rate: Annotated[
        float, typer.Option(min=0, max=1, help="Share of connections dropped without an answer.")
    ] = 0.0,
    throttle_rate: Annotated[
        float, typer.Option(min=0, max=1, help="Share of injected 429s (with Retry-After).")
    ] = 0.0,
    program_id: Annotated[
        str | None, typer.Option(help="Accept OAuth for this program ID (with --secret).")
    ] = None,
    secret: Annotated[str | None, typer.Option(help="The OAuth secret.")] = None,
    also_key: Annotated[
        list[str] | None,
        typer.Option(help="Another key it accepts, as KEY or KEY=PROGRAM (a rotated key; another program)."),
    ] = None,
    hostile: Annotated[
        bool, typer.Option("--hostile", help="Answers hold markup, HTML, formulas and control characters.")
    ] = False,
    outage_start: Annotated[
        float | None, typer.Option(help="An outage: seconds after start when it begins (see --outage-mode).")
    ] = None,
    outage_mode: Annotated[
        str,
        typer.Option(
            help="drop: each request is read, then its connection closed unanswered (maybe billed); "
            "refuse: nothing listens, connections are refused (nothing sent, nothing billed)."
        ),
    ] = "drop",
    outage_seconds: Annotated[float, typer.Option(help="How long the outage lasts.")] = 0.0,
    limiter: Annotated[
        str,
        typer.Option(
            help="window: at most --rate calls in any one second; bucket: a token bucket (--burst)."
        ),
    ] = "window",
    burst: Annotated[
        float | None, typer.Option(help="With --limiter bucket: the bucket's size (default: --rate).")
    ] = None,
    jitter: Annotated[
        float, typer.Option(min=0, help="Each call reaches the gateway after a random 0..JITTER seconds.")
    ] = 0.0,
    background_rate: Annotated[
        float,
        typer.Option(min=0, help="Another client of the same program takes this many calls per second."),
    ] = 0.0,
    background_start: Annotated[
        float,
        typer.Option(min=0, help="Seconds after start when the other client (--background-rate) begins."),
    ] = 0.0,
    max_body: Annotated[
        int, typer.Option(min=1, help="The largest request body accepted, in bytes (larger: 413, unread).")
    ] = 1024 * 1024,
) -> None:
    """Serve the stand-in API on loopback until Ctrl-C; it prints its base URL and key.

    Example: leadspace sandbox --port 0 --latency 0.3 --fail-rate 0.05
    """
    with _boundary():
        config = SandboxConfig(
            key=key,
            rate=rate,
            credits=credits,
            latency=latency,
            latency_spread=latency_spread,
            latency_cap=latency_cap,
            fail_rate=fail_rate,
            drop_rate=drop_rate,
            throttle_rate=throttle_rate,
            program_id=program_id,
            secret=secret,
            keep_bodies=False,
            keys=dict(
                (k.split("=", 1)[0], k.split("=", 1)[1]) if "=" in k else (k, program_id or "default")
                for k in also_key or []
            ),
            hostile=hostile,
            outage_start=outage_start,
            outage_seconds=outage_seconds,
            outage_mode=outage_mode,
            limiter=limiter,
            burst=burst,
            jitter=jitter,
            background_rate=background_rate,
            background_start=background_start,
            max_body=max_body,
        )
        if limiter not in ("window", "bucket"):
            raise SettingsError(f"--limiter {limiter!r}: use window or bucket.")
        if outage_mode not in ("drop", "refuse"):
            raise SettingsError(f"--outage-mode {outage_mode!r}: use drop or refuse.")
        try:
            sb = Sandbox(config, port=port)
        except OSError as exc:
            raise SettingsError(f"Cannot listen on port {port}: {exc.strerror}. Try --port 0.") from None
        print(f"LEADSPACE_BASE_URL={sb.url}", flush=True)
        print(f"LEADSPACE_API_KEY={sb.key}", flush=True)
        err.print(
            f"Sandbox API on {sb.url} (rate {rate:g}/s); stats at {sb.url}/_sandbox/stats. Ctrl-C stops it."
        )
        try:
            sb.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            sb.close()
        err.print(json.dumps(sb.stats.summary()))
