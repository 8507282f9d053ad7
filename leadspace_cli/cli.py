"""The command line: options -> core -> messages and exit codes.

typer and rich live here and in ui.py only; everything else works from a notebook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Collection, Iterator
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from leadspace_cli import __version__, fields, flatten, records
from leadspace_cli import mapping as mapping_mod
from leadspace_cli.breakdown import build_report, report_html
from leadspace_cli.client import Client, Outcome, exit_code
from leadspace_cli.errors import (
    AUTH_MESSAGE,
    CREDITS_MESSAGE,
    ExitCode,
    LeadspaceError,
    MappingError,
    OutputError,
    SettingsError,
)
from leadspace_cli.run import Job, Run, sandbox_for
from leadspace_cli.sandbox import Sandbox, SandboxConfig
from leadspace_cli.settings import (
    Environment,
    Settings,
    check_dotenv,
    load_environment,
    mask,
    redact,
    resolve,
)
from leadspace_cli.store import Identity, Store, identity_for, open_store, parse_age
from leadspace_cli.ui import (
    Display,
    NullDisplay,
    PlainDisplay,
    RichDisplay,
    literal,
    report_tables,
    summary_table,
)

app = typer.Typer(
    help="Enrich CSV and JSONL files of leads and accounts through Leadspace's Single Enrichment API.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # never print locals: they hold the key
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
mapping_app = typer.Typer(help="Write and check column mappings.", no_args_is_help=True)
cache_app = typer.Typer(
    help="The response store: answers kept so that no row is paid for twice.", no_args_is_help=True
)
auth_app = typer.Typer(help="Credentials.", no_args_is_help=True)
app.add_typer(mapping_app, name="mapping")
app.add_typer(cache_app, name="cache")
app.add_typer(auth_app, name="auth")

err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)  # markup only where asked
DEBUG_ENV = "LEADSPACE_DEBUG"


def _secrets(env: dict[str, str] | None = None) -> list[str]:
    if env is None:
        try:
            env = load_environment()
        except LeadspaceError:  # an unsafe .env: its key was never used, the environment's may be
            env = load_environment(dotenv=False)
    return [v.strip() for k, v in env.items() if k in ("LEADSPACE_API_KEY", "LEADSPACE_SECRET") and v.strip()]


@contextlib.contextmanager
def _boundary(traceback: bool = False) -> Iterator[None]:
    """Turn errors into a message and an exit code: the one place where that happens."""
    try:
        yield
    except LeadspaceError as exc:
        err.print(f"[bold red]Error:[/] {escape(redact(str(exc), _secrets()))}", markup=True)
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        err.print("Interrupted.")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(int(ExitCode.PIPE)) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if traceback or os.environ.get(DEBUG_ENV):
            raise
        err.print(
            f"[bold red]Internal error:[/] {type(exc).__name__}: {escape(redact(str(exc), _secrets()))}\n"
            "This is a bug in leadspace, not a problem with your file or the API. Please report it "
            "with the output of the same command run with --traceback (the key is redacted).",
            markup=True,
        )
        raise typer.Exit(int(ExitCode.INTERNAL)) from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null once its reader went away, so that exiting does not complain."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"leadspace {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Enrich CSV and JSONL files of leads and accounts through Leadspace's Single Enrichment API.

    Example: leadspace enrich samples/leads.csv -o out.csv --sandbox
    """


def _setup_logging(verbose: bool, secrets: list[str]) -> None:
    if not verbose:
        return

    class _Redact(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.msg = redact(record.getMessage(), secrets)
            record.args = ()
            return True

    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_Redact())
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    for name in ("leadspace", "urllib3"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)


def _environment(given: Collection[str] = ()) -> Environment:
    """The environment with the working folder's .env beneath it, checked as a run checks it."""
    env = load_environment()
    check_dotenv(env, given=given)
    for name in env.ignored:
        err.print(
            f"Ignored {name} in {env.dotenv_path}: a .env gives LEADSPACE_* settings only; set {name} "
            "in the environment.",
            markup=False,
        )
    return env


def _settings(
    env: dict[str, str], sb: Sandbox | None, *, base_url: str | None, ca_bundle: str | None
) -> Settings:
    if sb is not None:
        return resolve({}, api_key=sb.key, base_url=sb.url, ca_bundle=ca_bundle)
    return resolve(env, base_url=base_url, ca_bundle=ca_bundle)


def _display(quiet: bool) -> Display:
    if quiet:
        return NullDisplay()
    if err.is_terminal:
        return RichDisplay(err)
    return PlainDisplay(err)


@contextlib.contextmanager
def _signals(run: Run) -> Iterator[None]:
    """Ctrl-C and SIGTERM stop new calls; a second Ctrl-C stops at once."""

    def handler(signum: int, frame: FrameType | None) -> None:
        waiting = run.interrupt(terminate=signum == signal.SIGTERM)
        if waiting and signum == signal.SIGINT and run.interrupts == 1:
            err.print(
                f"Stopping: waiting for {waiting} answers already paid for; Ctrl-C again to abandon them.",
                markup=False,
            )

    previous: dict[signal.Signals, Any] = {}
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handler)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


SheetOpt = Annotated[
    str | None, typer.Option(help="Of an Excel workbook: the sheet to read (default: the first).")
]
InputArg = Annotated[
    str,
    typer.Argument(
        help="CSV, TSV or JSONL file (optionally .gz), an Excel workbook (.xlsx), or - for stdin."
    ),
]


@app.command()
def enrich(
    input: InputArg,
    output: Annotated[
        str,
        typer.Option("-o", "--output", help="Output .csv, .tsv or .jsonl (optionally .gz), or - for stdout."),
    ] = "-",
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", "-m", help="TOML column mapping (default: detect from headers)."),
    ] = None,
    rate: Annotated[
        float, typer.Option(min=0.1, help="At most this many calls in any one-second window.")
    ] = 30.0,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Call nothing: check every row, count calls, credits and time.")
    ] = False,
    limit: Annotated[int | None, typer.Option(min=0, help="Take only the first N rows.")] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for one answer.")] = 30.0,
    max_retries: Annotated[
        int, typer.Option(min=0, help="Retries of a 429, 5xx, timeout or dropped connection.")
    ] = 5,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
    report: Annotated[str | None, typer.Option(help="Write a JSON summary of the run to this file.")] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither reuse nor keep answers across runs.")
    ] = False,
    cache_dir: Annotated[
        Path | None, typer.Option(help="Folder of the response store [env: LEADSPACE_CACHE_DIR].")
    ] = None,
    max_age: Annotated[
        str, typer.Option(help="Reuse stored answers up to this age (30d, 12h, 0 for never).")
    ] = "30d",
    sandbox: Annotated[
        bool,
        typer.Option("--sandbox", help="Run against the embedded sandbox API on loopback (no key needed)."),
    ] = False,
    input_format: Annotated[
        str | None, typer.Option(help="csv, tsv, jsonl or xlsx, when the name does not say (stdin).")
    ] = None,
    output_format: Annotated[
        str | None, typer.Option(help="csv, tsv, jsonl or xlsx, when -o does not say.")
    ] = None,
    sheet: SheetOpt = None,
    encoding: Annotated[
        str | None, typer.Option(help="Input text encoding (default: UTF-8, detected otherwise).")
    ] = None,
    delimiter: Annotated[str | None, typer.Option(help="CSV delimiter (default from the extension).")] = None,
    columns: Annotated[
        str | None, typer.Option(help="Comma-separated ls.* columns to write (default: all).")
    ] = None,
    excel_safe: Annotated[
        bool, typer.Option("--excel-safe", help="Prefix formula-looking answer cells with '.")
    ] = False,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV output with a UTF-8 BOM, for Excel.")] = False,
    base_url: Annotated[str | None, typer.Option(help="API base URL [env: LEADSPACE_BASE_URL].")] = None,
    ca_bundle: Annotated[
        str | None, typer.Option(help="CA certificates (PEM) [env: REQUESTS_CA_BUNDLE].")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, max=1024, help="Calls in flight at most (default: 3 × rate).")
    ] = None,
    max_credits: Annotated[
        int | None, typer.Option(min=0, help="Spend at most N credits [env: LEADSPACE_MAX_CREDITS].")
    ] = None,
    max_credits_per_day: Annotated[
        int | None,
        typer.Option(min=0, help="At most N credits a day [env: LEADSPACE_MAX_CREDITS_PER_DAY]."),
    ] = None,
    max_credits_per_month: Annotated[
        int | None,
        typer.Option(
            min=0, help="At most N credits a month, all runs [env: LEADSPACE_MAX_CREDITS_PER_MONTH]."
        ),
    ] = None,
    outage_limit: Annotated[
        str, typer.Option(help="Wait this long for an API out of reach (a Wi-Fi drop) before giving up.")
    ] = "5m",
    retry_invalid: Annotated[
        bool,
        typer.Option(
            "--retry-invalid", help="Call again for rows whose stored answer is a 400 (not the 200s)."
        ),
    ] = False,
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
    if summary.kept_aside and summary.kept_reason == "locked":
        err.print(
            f"[yellow]Could not replace {escape(job.output)}:[/] it is open in another program (Excel?). "
            f"This run's output is in {escape(summary.kept_aside)}: close the file, then move it over.",
            markup=True,
        )
    elif summary.kept_aside:
        err.print(
            f"[yellow]Kept {escape(job.output)}:[/] it has {summary.kept_ok} ok rows and this run "
            f"{summary.by_result['ok']}, so this run's output was written beside it, to "
            f"{escape(summary.kept_aside)}.",
            markup=True,
        )
    secrets = run.settings.secrets() if run.settings else []
    if summary.input_error:
        err.print(
            f"[bold red]Input error:[/] {escape(summary.input_error)} The rows before it were "
            f"enriched and written ({summary.rows} rows); fix the input and run again: answers "
            "already paid for are reused.",
            markup=True,
        )
    if summary.stop_message:
        err.print(f"[bold red]Stopped:[/] {escape(redact(summary.stop_message, secrets))}", markup=True)
    elif code is ExitCode.ROWS_FAILED:
        err.print(
            f"{summary.by_result['failed']} rows failed: run the same command again to finish them "
            "(answers already paid for are reused)."
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
        float | None, typer.Option(help="An outage: seconds after start when connections begin to drop.")
    ] = None,
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
            limiter=limiter,
            burst=burst,
            jitter=jitter,
            background_rate=background_rate,
        )
        if limiter not in ("window", "bucket"):
            raise SettingsError(f"--limiter {limiter!r}: use window or bucket.")
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


@app.command("fields")
def fields_cmd(
    response: Annotated[
        bool, typer.Option("--response", help="List the response fields and their output columns.")
    ] = False,
) -> None:
    """List the API's request fields (for a mapping), or its response fields.

    Example: leadspace fields --response
    """
    if response:
        header = ["response field", "kind", "output column", "description"]
        rows = [[f.path, f.kind, flatten.PREFIX + f.path, f.description] for f in fields.RESPONSE_FIELDS]
        rows.append(["status", "string", flatten.ANSWER_STATUS, "The answer's status: success, failure"])
        rows.append(
            ["(anything else)", "JSON", flatten.EXTRA, "Fields the document does not list, kept as JSON"]
        )
    else:
        header = ["request field", "mapping key", "description"]
        rows = [[f.path, _toml_key(f.path), f.description] for f in fields.REQUEST_FIELDS]
        rows.append(["custom_fields[]", '[custom_fields] name = "Column"', "Custom fields, by name"])
    out = Console(highlight=False, markup=False)
    if not out.is_terminal:  # for scripts and pipes: one field a line, tab-separated
        for row in [header, *rows]:
            typer.echo("\t".join(row))
        return
    table = Table(*header)
    for row in rows:
        table.add_row(*row)
    out.print(table)


def _toml_key(path: str) -> str:
    if "." not in path:
        return path
    table, key = path.rsplit(".", 1)
    return f"[{table}] {key}"


@mapping_app.command("init")
def mapping_init(
    input: InputArg,
    output: Annotated[
        str, typer.Option("-o", "--output", help="Write the mapping here (default: stdout).")
    ] = "-",
    encoding: Annotated[str | None, typer.Option(help="Input text encoding.")] = None,
    delimiter: Annotated[str | None, typer.Option(help="CSV delimiter (default from the extension).")] = None,
    input_format: Annotated[
        str | None, typer.Option(help="csv, tsv, jsonl or xlsx, when the name does not say (stdin).")
    ] = None,
    sheet: SheetOpt = None,
    from_report: Annotated[
        Path | None,
        typer.Option(
            "--from-report",
            help="Print the mapping an earlier run used (its --report file): pass it back with --mapping "
            "to send exactly the same requests.",
        ),
    ] = None,
) -> None:
    """Write a commented TOML mapping from the input's headers (or an earlier run's report).

    Example: leadspace mapping init samples/leads.csv -o mapping.toml
    """
    with _boundary():
        with records.open_source(
            input,
            encoding=encoding,
            delimiter=delimiter,
            input_format=input_format,
            sheet=sheet,
            prescan=True,
        ) as source:
            if from_report is not None:
                m = mapping_mod.from_report(from_report)
                mapping_mod.check(m, source.columns)
                m.notes.append(f"The mapping the run of {from_report} used.")
            else:
                m = mapping_mod.detect_source(source)
        text = mapping_mod.to_toml(m, source.columns)
        if output == "-":
            sys.stdout.write(text)
        else:
            if Path(output).exists():
                raise MappingError(f"{output} exists already: remove it or choose another -o.")
            Path(output).write_text(text, encoding="utf-8")
            err.print(
                f"Wrote {output}: {len(m.fields)} fields mapped. Check it with "
                f"`leadspace mapping check {input} --mapping {output}`."
            )


@mapping_app.command("check")
def mapping_check(
    input: InputArg,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", "-m", help="TOML mapping (default: detect).")
    ] = None,
    show: Annotated[int, typer.Option(help="How many request bodies to show.")] = 3,
    encoding: Annotated[str | None, typer.Option(help="Input text encoding.")] = None,
    delimiter: Annotated[str | None, typer.Option(help="CSV delimiter (default from the extension).")] = None,
    input_format: Annotated[
        str | None, typer.Option(help="csv, tsv, jsonl or xlsx, when the name does not say (stdin).")
    ] = None,
    sheet: SheetOpt = None,
) -> None:
    """Show the mapping, the first request bodies, and how many rows would be sent; calls nothing.

    Example: leadspace mapping check samples/leads.csv --mapping samples/mapping.toml
    """
    with (
        _boundary(),
        records.open_source(
            input,
            encoding=encoding,
            delimiter=delimiter,
            input_format=input_format,
            sheet=sheet,
            prescan=True,
        ) as source,
    ):
        m = mapping_mod.load(mapping) if mapping else mapping_mod.detect_source(source)
        mapping_mod.check(m, source.columns)
        table = Table("input column", "request field")
        for path, col in m.rows():
            table.add_row(col, path)
        out = Console(highlight=False, markup=False)
        out.print(table)
        seen = mapping_mod.preview(m, source, show)
        for i, (body, problem) in enumerate(seen.first):
            out.print(f"row {i + 1}:" + (f" not sent: {problem}" if problem else ""), markup=False)
            out.print_json(json.dumps(body, ensure_ascii=False))
        out.print(f"{seen.sent} rows would be sent; {seen.lacking} lack the minimum input and would not be.")


def _store_for_housekeeping(cache_dir: Path | None) -> Store:
    env = _environment(given=("LEADSPACE_CACHE_DIR",) if cache_dir else ())
    return open_store(env, cache_dir=cache_dir, max_age="0", identity=_identity(env))


def _identity(env: dict[str, str]) -> Identity | None:
    """The current credentials' partition of the store (None without credentials)."""
    try:
        settings = resolve(env, require_credentials=False)
    except LeadspaceError:
        return None
    return identity_for(settings.base_url, api_key=settings.api_key, program_id=settings.program_id)


def _when(stamp: float | None) -> str:
    return "-" if stamp is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))


def _confirm(question: str, yes: bool) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise SettingsError(f"{question} Not on a terminal: pass --yes to confirm.")
    if not typer.confirm(question, default=False, err=True):
        raise typer.Exit(int(ExitCode.OK))


CacheDir = Annotated[
    Path | None, typer.Option(help="Folder of the response store [env: LEADSPACE_CACHE_DIR].")
]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (for scripts).")]


@cache_app.command("info")
def cache_info(cache_dir: CacheDir = None) -> None:
    """Show where the response store is, its answers per program, their age and the bytes on disk.

    Example: leadspace cache info
    """
    with _boundary(), _store_for_housekeeping(cache_dir) as store:
        info = store.info()
        typer.echo(f"path: {info['path']}")
        typer.echo(f"format: {info['format']}")
        typer.echo(f"answers: {info['answers']}")
        typer.echo(f"bytes: {info['bytes']}")
        typer.echo(f"bytes per answer: {info['bytes_per_answer']}")
        typer.echo(f"oldest: {_when(info['oldest'])}")
        typer.echo(f"newest: {_when(info['newest'])}")
        for p in info["programs"]:
            typer.echo(
                f"  {p['program']}: {p['answers']} answers, {_when(p['oldest'])} to {_when(p['newest'])}"
            )


@cache_app.command("clear")
def cache_clear(
    cache_dir: CacheDir = None,
    older_than: Annotated[str | None, typer.Option(help="Only answers older than this (30d, 12h).")] = None,
    yes: Yes = False,
) -> None:
    """Delete stored answers (all, or the old ones) and give the disk back. Rows are then paid again.

    Example: leadspace cache clear --older-than 90d
    """
    with _boundary(), _store_for_housekeeping(cache_dir) as store:
        age = parse_age(older_than) if older_than else None
        what = f"answers older than {older_than}" if older_than else "every stored answer"
        _confirm(f"Delete {what} in {store.path}? They were paid for; rows are bought again.", yes)
        n, freed = store.clear(age)
        typer.echo(f"Deleted {n} stored answers; {freed:,} bytes given back.")


@cache_app.command("forget")
def cache_forget(
    text: Annotated[
        str, typer.Argument(help="Text to find in requests and answers: an e-mail address, a name.")
    ],
    cache_dir: CacheDir = None,
    yes: Yes = False,
) -> None:
    """Erase every stored answer about a person or company (a data subject's request).

    Example: leadspace cache forget jane.doe@example.com
    """
    with _boundary(), _store_for_housekeeping(cache_dir) as store:
        if len(text.strip()) < 3:
            raise SettingsError("Give at least 3 characters to find (an e-mail address or a name).")
        _confirm(f"Erase every stored answer whose request or answer holds {text!r}?", yes)
        typer.echo(f"Erased {store.forget(text.strip())} stored answers.")


@cache_app.command("rekey")
def cache_rekey(
    old_key_env: Annotated[
        str, typer.Option(help="Name of an environment variable that holds the old key (never the key).")
    ],
    cache_dir: CacheDir = None,
) -> None:
    """After a key rotation, file the old key's answers under the current credentials.

    Example: leadspace cache rekey --old-key-env LEADSPACE_OLD_API_KEY
    """
    with _boundary():
        env = _environment(given=("LEADSPACE_CACHE_DIR",) if cache_dir else ())
        old_key = env.get(old_key_env, "").strip()
        if not old_key:
            raise SettingsError(f"{old_key_env} is not set: put the old key in it, e.g. in .env.")
        settings = resolve(env)
        old = identity_for(settings.base_url, api_key=old_key, program_id=None)
        assert old is not None
        with _store_for_housekeeping(cache_dir) as store:
            if store.identity.partition == old.partition:
                raise SettingsError(f"{old_key_env} holds the key in use: nothing to move.")
            n = store.rekey(old)
        typer.echo(f"Filed {n} answers of the old key under {store.identity.label}.")


@auth_app.command("check")
def auth_check(
    base_url: Annotated[str | None, typer.Option(help="API base URL [env: LEADSPACE_BASE_URL].")] = None,
    ca_bundle: Annotated[str | None, typer.Option(help="CA certificates (PEM).")] = None,
    sandbox: Annotated[bool, typer.Option("--sandbox", help="Check against the embedded sandbox.")] = False,
) -> None:
    """Check the credentials without spending a credit (an empty body is refused with 400 or 401).

    Example: leadspace auth check
    """
    with _boundary():
        env = _environment(given=("LEADSPACE_BASE_URL",) if base_url or sandbox else ())
        with sandbox_for(sandbox) as sb:
            settings = _settings(env, sb, base_url=base_url, ca_bundle=ca_bundle)
            with Client(settings, pool_size=1) as client:
                answer = client.call(b"{}")
        who = (
            f"key {mask(settings.api_key)}" if settings.api_key else f"program {settings.program_id} (OAuth)"
        )
        err.print(
            f"{settings.base_url}, {who}"
            + (f", program ID {settings.program_id}" if settings.program_id and settings.api_key else "")
        )
        _token_age(settings)
        if not settings.program_id:
            err.print(
                "Tip: set LEADSPACE_PROGRAM_ID (your program's ID, which Leadspace support asks for) so "
                "that answers already paid for are found again after the key is rotated.",
                markup=False,
            )
        if answer.outcome in (Outcome.INVALID, Outcome.OK):
            err.print("[green]Credentials accepted.[/] No credit was spent.", markup=True)
            raise typer.Exit(0)
        if answer.outcome is Outcome.AUTH:
            err.print(f"[red]Credentials rejected.[/] {AUTH_MESSAGE}", markup=True)
        else:
            err.print(f"[red]Could not check:[/] {escape(answer.error)}", markup=True)
        raise typer.Exit(int(exit_code(answer.outcome)))


def _token_age(settings: Settings) -> None:
    if not settings.token_issued:
        return
    try:
        issued = dt.date.fromisoformat(settings.token_issued[:10])
    except ValueError:
        err.print(f"LEADSPACE_TOKEN_ISSUED={settings.token_issued!r} is not a date (YYYY-MM-DD).")
        return
    days = (dt.date.today() - issued).days
    err.print(f"Token issued {issued} ({days} days ago).")
    if days > 182:
        err.print(
            "[yellow]Warning:[/] the document asks for the perpetual token to be rotated every six "
            "months: ask Leadspace support for a new one.",
            markup=True,
        )


@app.command()
def lookup(
    first_name: Annotated[str | None, typer.Option(help="First name.")] = None,
    last_name: Annotated[str | None, typer.Option(help="Last name.")] = None,
    email: Annotated[str | None, typer.Option(help="Email address.")] = None,
    title: Annotated[str | None, typer.Option(help="Job title.")] = None,
    company: Annotated[str | None, typer.Option(help="Company name.")] = None,
    website: Annotated[str | None, typer.Option(help="Company website.")] = None,
    country: Annotated[str | None, typer.Option(help="Company country.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the raw JSON answer.")] = False,
    sandbox: Annotated[bool, typer.Option("--sandbox", help="Ask the embedded sandbox.")] = False,
    base_url: Annotated[str | None, typer.Option(help="API base URL [env: LEADSPACE_BASE_URL].")] = None,
    ca_bundle: Annotated[str | None, typer.Option(help="CA certificates (PEM).")] = None,
) -> None:
    """Look one person or company up (one call, one credit).

    Example: leadspace lookup --first-name Ada --last-name Lovelace --email ada@example.com --sandbox
    """
    with _boundary():
        body = mapping_mod.body_of(
            {
                "person.first_name": first_name,
                "person.last_name": last_name,
                "person.email": email,
                "person.title": title,
                "company.name": company,
                "company.website": website,
                "company.address.country": country,
            }
        )
        missing = mapping_mod.missing_input(body)
        if missing:
            raise MappingError(
                f"Nothing to look up: {missing}. Give --company, or --first-name, --last-name "
                "and --email or --website."
            )
        env = _environment(given=("LEADSPACE_BASE_URL",) if base_url or sandbox else ())
        with sandbox_for(sandbox) as sb:
            settings = _settings(env, sb, base_url=base_url, ca_bundle=ca_bundle)
            with Client(settings, pool_size=1) as client:
                answer = client.call(body)
        if answer.outcome is not Outcome.OK or answer.payload is None:
            message = {Outcome.AUTH: AUTH_MESSAGE, Outcome.CREDITS: CREDITS_MESSAGE}.get(
                answer.outcome, answer.error
            )
            err.print(f"[red]No answer:[/] {escape(message)}", markup=True)
            raise typer.Exit(int(exit_code(answer.outcome) if answer.payload is None else ExitCode.STOPPED))
        if as_json:
            typer.echo(json.dumps(answer.payload, ensure_ascii=False, indent=2))
            return
        cells = flatten.data_cells(answer.payload)
        table = Table(show_header=False, box=None)
        table.add_column(style="bold")
        table.add_column()
        for column, value in zip(flatten.COLUMNS[len(flatten.STATUS_COLUMNS) :], cells, strict=False):
            if value:
                table.add_row(column.removeprefix("ls."), literal(value))  # answers are data
        Console(highlight=False, markup=False).print(Panel(table, title="Leadspace answer", expand=False))


@app.command("report")
def report_cmd(
    output: Annotated[
        str, typer.Argument(help="A file that `leadspace enrich` wrote (CSV, TSV, JSONL or XLSX).")
    ],
    html: Annotated[
        Path | None, typer.Option(help="Also write the report as one self-contained HTML page.")
    ] = None,
) -> None:
    """Show what the credits bought: matches, confidence, sizes, industries, fill rates.

    Example: leadspace report out.csv --html report.html
    """
    with _boundary():
        if html is not None and not html.parent.is_dir():
            raise OutputError(f"The folder of --html {html} does not exist: create it first.")
        rep = build_report(output)
        if rep.missing:
            err.print(
                f"Note: {output} has no {', '.join(rep.missing)} column (renamed by a mapping's [output] "
                "table?): those counts are left out; the rest is reported.",
                markup=False,
            )
        out = Console(highlight=False, markup=False)
        for table in report_tables(rep, out.width):
            out.print(table)
        if html:
            html.write_text(report_html(rep), encoding="utf-8")
            err.print(f"Wrote {html}", markup=False)


def main() -> None:
    """Run the command line."""
    app()


__all__ = ["app", "main"]
