"""The command line: options -> core -> messages and exit codes.

typer and rich live here and in ui.py only; everything else works from a notebook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import itertools
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from leadspace_cli import __version__, fields, flatten, records
from leadspace_cli import mapping as mapping_mod
from leadspace_cli import store as store_mod
from leadspace_cli.client import Client, Outcome
from leadspace_cli.enrich import Enricher, Options
from leadspace_cli.errors import ExitCode, LeadspaceError, MappingError, SettingsError
from leadspace_cli.output import RowWriter
from leadspace_cli.report import Summary, fill_report
from leadspace_cli.sandbox import Sandbox, SandboxConfig
from leadspace_cli.settings import Settings, load_environment, mask, redact, resolve
from leadspace_cli.ui import Display, NullDisplay, PlainDisplay, RichDisplay, fill_table, summary_table

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

err = Console(stderr=True, highlight=False, soft_wrap=True)
DEBUG_ENV = "LEADSPACE_DEBUG"


def _secrets(env: dict[str, str] | None = None) -> list[str]:
    env = env if env is not None else load_environment()
    return [v for k, v in env.items() if k in ("LEADSPACE_API_KEY", "LEADSPACE_SECRET") and v]


@contextlib.contextmanager
def _boundary(traceback: bool = False) -> Iterator[None]:
    """Turn errors into a message and an exit code: the one place where that happens."""
    try:
        yield
    except LeadspaceError as exc:
        err.print(f"[bold red]Error:[/] {redact(str(exc), _secrets())}", markup=True)
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        err.print("Interrupted.")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if traceback or os.environ.get(DEBUG_ENV):
            raise
        err.print(
            f"[bold red]Internal error:[/] {type(exc).__name__}: {redact(str(exc), _secrets())}\n"
            "This is a bug in leadspace; please report it with the output of --traceback.",
            markup=True,
        )
        raise typer.Exit(int(ExitCode.STOPPED)) from None


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


@contextlib.contextmanager
def _maybe_sandbox(enabled: bool, config: SandboxConfig | None = None) -> Iterator[Sandbox | None]:
    if not enabled:
        yield None
        return
    sb = Sandbox(
        config or SandboxConfig(latency=0.15, latency_spread=0.5, latency_cap=2.0, keep_bodies=False)
    )
    sb.start()
    try:
        yield sb
    finally:
        sb.stop()


def _settings(
    env: dict[str, str], sb: Sandbox | None, *, base_url: str | None, ca_bundle: str | None, need_key: bool
) -> Settings:
    if sb is not None:
        return resolve({}, api_key=sb.key, base_url=sb.url, ca_bundle=ca_bundle)
    return resolve(env, base_url=base_url, ca_bundle=ca_bundle, require_credentials=need_key)


def _open_store(no_cache: bool, cache_dir: Path | None, max_age: str, env: dict[str, str]) -> store_mod.Store:
    age = store_mod.parse_age(max_age)
    if no_cache:
        return store_mod.Store(None, max_age=age)
    folder = cache_dir or store_mod.default_dir(env)
    return store_mod.Store(folder / store_mod.FILENAME, max_age=age)


def _mapping_for(source: records.Source, mapping_file: Path | None, quiet: bool) -> mapping_mod.Mapping:
    m = mapping_mod.load(mapping_file) if mapping_file else mapping_mod.detect(source.columns)
    mapping_mod.check(m, source.columns)
    if not quiet:
        how = "detected from the headers" if m.detected else f"from {mapping_file}"
        pairs = ", ".join(f"{col!r} → {path}" for path, col in m.rows())
        err.print(f"Mapping ({how}): {pairs}")
    return m


def _display(quiet: bool) -> Display:
    if quiet:
        return NullDisplay()
    if err.is_terminal:
        return RichDisplay(err)
    return PlainDisplay(err)


@contextlib.contextmanager
def _signals(enricher: Enricher) -> Iterator[None]:
    """Ctrl-C and SIGTERM stop new calls; a second Ctrl-C stops at once."""

    def handler(signum: int, frame: FrameType | None) -> None:
        enricher.interrupt()

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


_REPORTED_OPTIONS = (
    "input",
    "output",
    "mapping",
    "rate",
    "dry_run",
    "limit",
    "timeout",
    "max_retries",
    "max_age",
    "input_format",
    "output_format",
    "encoding",
    "columns",
    "excel_safe",
)

InputArg = Annotated[str, typer.Argument(help="CSV, TSV or JSONL file (optionally .gz), or - for stdin.")]


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
        str | None, typer.Option(help="csv, tsv or jsonl, when the name does not say (stdin).")
    ] = None,
    output_format: Annotated[
        str | None, typer.Option(help="csv, tsv or jsonl, when -o does not say.")
    ] = None,
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
        code = _enrich(**locals())
    raise typer.Exit(int(code))


def _enrich(**o: Any) -> ExitCode:
    env = load_environment()
    _setup_logging(o["verbose"], _secrets(env))
    with _maybe_sandbox(o["sandbox"]) as sb:
        settings = _settings(
            env, sb, base_url=o["base_url"], ca_bundle=o["ca_bundle"], need_key=not o["dry_run"]
        )
        source = records.open_source(
            o["input"], input_format=o["input_format"], encoding=o["encoding"], delimiter=o["delimiter"]
        )
        try:
            return _run(o, env, settings, sb, source)
        finally:
            source.close()


def _run(
    o: dict[str, Any], env: dict[str, str], settings: Settings, sb: Sandbox | None, source: records.Source
) -> ExitCode:
    quiet = o["quiet"]
    if not quiet:
        for note in source.notes:
            err.print(f"Note: {note}")
    m = _mapping_for(source, o["mapping"], quiet)
    only = [c.strip() for c in o["columns"].split(",") if c.strip()] if o["columns"] else None
    if only:
        only = [c if c.startswith("ls.") else "ls." + c for c in only]
    elif m.output:
        only = list(m.output)
    fmt = records.output_format(o["output"], o["output_format"])
    build = mapping_mod.builder(m, source)
    store = _open_store(o["no_cache"], o["cache_dir"], o["max_age"], env)
    options = Options(
        rate=o["rate"], max_retries=o["max_retries"], workers=o["workers"], dry_run=o["dry_run"]
    )
    # A dry run has no client at all: nothing can reach the network.
    client = (
        None if o["dry_run"] else Client(settings, timeout=o["timeout"], pool_size=options.worker_count())
    )
    secret = settings.api_key or settings.program_id or "anonymous"
    enricher = Enricher(
        client,
        store,
        endpoint_id=("sandbox" + fields.ENDPOINT) if sb is not None else settings.endpoint,
        account=store_mod.account_id(secret),
        options=options,
    )
    display = _display(quiet)
    total = None
    if isinstance(display, RichDisplay):
        total = records.count_rows(
            o["input"], input_format=o["input_format"], encoding=source.encoding, delimiter=o["delimiter"]
        )
        if total is not None and o["limit"] is not None:
            total = min(total, o["limit"])
    # A full garbage collection over the imported modules' objects holds the GIL for tens of
    # milliseconds: long enough to delay a paced call into the next one-second window (a 429).
    gc.freeze()
    started = time.monotonic()
    try:
        with records.Output(o["output"]) as out:
            if o["bom"] and fmt != "jsonl":
                out.stream.write("\ufeff")
            writer = RowWriter(
                out.stream,
                fmt,
                source.columns,
                source.kind,
                rename=m.output or None,
                only=only,
                excel_safe=o["excel_safe"],
                store=None if o["no_cache"] else store,
            )
            enricher.render_sig = writer.signature
            rows = source.rows if o["limit"] is None else itertools.islice(source.rows, o["limit"])
            display.start(total, enricher.stats)
            try:
                with _signals(enricher):
                    for row, result in enricher.run(rows, build):
                        writer.write(row, result)
                        display.row_done(result.result)
            finally:
                display.stop()
    finally:
        store.close()
        if client is not None:
            client.close()
    used = {
        **settings.describe(),
        **{k: (str(o[k]) if isinstance(o[k], Path) else o[k]) for k in _REPORTED_OPTIONS},
        "sandbox": sb is not None,
        "mapping_used": dict(m.rows()),
        "cache": "off" if o["no_cache"] else str(store.path),
        "workers": options.worker_count(),
    }
    summary = Summary.of(enricher, time.monotonic() - started, used)
    if o["report"]:
        summary.write(o["report"])
    if not quiet:
        err.print(summary_table(summary))
    if summary.stop_message:
        err.print(f"[bold red]Stopped:[/] {redact(summary.stop_message, settings.secrets())}", markup=True)
    elif summary.exit_code == ExitCode.ROWS_FAILED:
        err.print(
            f"{summary.by_result['failed']} rows failed: run the same command again to finish them "
            "(answers already paid for are reused)."
        )
    return enricher.exit_code()


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
        )
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
    out = Console(highlight=False)
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
) -> None:
    """Write a commented TOML mapping from the input's headers.

    Example: leadspace mapping init samples/leads.csv -o mapping.toml
    """
    with _boundary():
        source = records.open_source(input, encoding=encoding)
        source.close()
        m = mapping_mod.detect(source.columns)
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
) -> None:
    """Show the mapping, the first request bodies, and how many rows would be sent; calls nothing.

    Example: leadspace mapping check samples/leads.csv --mapping samples/mapping.toml
    """
    with _boundary():
        source = records.open_source(input, encoding=encoding)
        try:
            m = mapping_mod.load(mapping) if mapping else mapping_mod.detect(source.columns)
            mapping_mod.check(m, source.columns)
            table = Table("input column", "request field")
            for path, col in m.rows():
                table.add_row(col, path)
            out = Console(highlight=False)
            out.print(table)
            build = mapping_mod.builder(m, source)
            sent = lacking = 0
            for i, row in enumerate(source.rows):
                body = build(row)
                problem = records.row_problem(row) or mapping_mod.missing_input(body)
                if problem:
                    lacking += 1
                else:
                    sent += 1
                if i < show:
                    out.print(f"row {i + 1}:" + (f" not sent: {problem}" if problem else ""))
                    out.print_json(json.dumps(body, ensure_ascii=False))
            out.print(f"{sent} rows would be sent; {lacking} lack the minimum input and would not be.")
        finally:
            source.close()


@cache_app.command("info")
def cache_info(
    cache_dir: Annotated[Path | None, typer.Option(help="Folder of the response store.")] = None,
) -> None:
    """Show where the response store is, how many answers it holds and how old they are.

    Example: leadspace cache info
    """
    with _boundary():
        s = _open_store(False, cache_dir, "3650d", load_environment())
        info = s.info()
        s.close()
        fmt = "%Y-%m-%d %H:%M"
        for name in ("oldest", "newest"):
            if info[name] is not None:
                info[name] = time.strftime(fmt, time.localtime(info[name]))
        for k, v in info.items():
            typer.echo(f"{k}: {v}")


@cache_app.command("clear")
def cache_clear(
    cache_dir: Annotated[Path | None, typer.Option(help="Folder of the response store.")] = None,
    older_than: Annotated[str | None, typer.Option(help="Only answers older than this (30d, 12h).")] = None,
) -> None:
    """Delete stored answers (all, or the old ones). Rows are then paid for again.

    Example: leadspace cache clear --older-than 90d
    """
    with _boundary():
        s = _open_store(False, cache_dir, "3650d", load_environment())
        n = s.clear(store_mod.parse_age(older_than) if older_than else None)
        s.close()
        typer.echo(f"Deleted {n} stored answers.")


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
        env = load_environment()
        with _maybe_sandbox(sandbox) as sb:
            settings = _settings(env, sb, base_url=base_url, ca_bundle=ca_bundle, need_key=True)
            client = Client(settings, pool_size=1)
            try:
                answer = client.call(b"{}")
            finally:
                client.close()
        who = (
            f"key {mask(settings.api_key)}" if settings.api_key else f"program {settings.program_id} (OAuth)"
        )
        err.print(
            f"{settings.base_url}, {who}"
            + (f", program ID {settings.program_id}" if settings.program_id and settings.api_key else "")
        )
        _token_age(settings)
        if answer.outcome in (Outcome.INVALID, Outcome.OK):
            err.print("[green]Credentials accepted.[/] No credit was spent.", markup=True)
            raise typer.Exit(0)
        if answer.outcome is Outcome.AUTH:
            err.print("[red]Credentials rejected (401).[/] Check LEADSPACE_API_KEY.", markup=True)
            raise typer.Exit(int(ExitCode.AUTH))
        err.print(f"[red]Could not check:[/] {answer.error}", markup=True)
        raise typer.Exit(int(ExitCode.STOPPED))


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
        body: dict[str, Any] = {}
        for path, value in (
            ("person.first_name", first_name),
            ("person.last_name", last_name),
            ("person.email", email),
            ("person.title", title),
            ("company.name", company),
            ("company.website", website),
            ("company.address.country", country),
        ):
            if value and value.strip():
                node = body
                parts = path.split(".")
                for part in parts[:-1]:
                    node = node.setdefault(part, {})
                node[parts[-1]] = value.strip()
        missing = mapping_mod.missing_input(body)
        if missing:
            raise MappingError(
                f"Nothing to look up: {missing}. Give --company, or --first-name, --last-name "
                "and --email or --website."
            )
        env = load_environment()
        with _maybe_sandbox(sandbox) as sb:
            settings = _settings(env, sb, base_url=base_url, ca_bundle=ca_bundle, need_key=True)
            client = Client(settings, pool_size=1)
            try:
                answer = client.call(body)
            finally:
                client.close()
        if answer.outcome is not Outcome.OK or answer.payload is None:
            code = {
                Outcome.AUTH: ExitCode.AUTH,
                Outcome.CREDITS: ExitCode.CREDITS,
                Outcome.INVALID: ExitCode.USAGE,
            }.get(answer.outcome, ExitCode.STOPPED)
            err.print(f"[red]No answer:[/] {answer.error}", markup=True)
            raise typer.Exit(int(code))
        if as_json:
            typer.echo(json.dumps(answer.payload, ensure_ascii=False, indent=2))
            return
        cells = flatten.data_cells(answer.payload)
        table = Table(show_header=False, box=None)
        table.add_column(style="bold")
        table.add_column()
        for column, value in zip(flatten.COLUMNS[len(flatten.STATUS_COLUMNS) :], cells, strict=False):
            if value:
                table.add_row(column.removeprefix("ls."), value)
        Console(highlight=False).print(Panel(table, title="Leadspace answer", expand=False))


@app.command("report")
def report_cmd(
    output: Annotated[str, typer.Argument(help="A file that `leadspace enrich` wrote (CSV or JSONL).")],
    html: Annotated[
        Path | None, typer.Option(help="Also write the report as one self-contained HTML page.")
    ] = None,
) -> None:
    """Show what an enriched file holds: rows by result and status, match rate, fill rates.

    Example: leadspace report out.csv --html report.html
    """
    with _boundary():
        rep = fill_report(output)
        out = Console(highlight=False)
        out.print(f"{rep.rows} rows: " + ", ".join(f"{k} {v}" for k, v in rep.by_result.most_common()))
        out.print("HTTP statuses: " + ", ".join(f"{k}: {v}" for k, v in rep.by_status.most_common()))
        out.print(fill_table(rep))
        if html:
            html_console = Console(record=True, width=110, file=io.StringIO())
            html_console.print(fill_table(rep))
            html.write_text(html_console.export_html(inline_styles=True), encoding="utf-8")
            err.print(f"Wrote {html}")


def main() -> None:
    """Run the command line."""
    app()


__all__ = ["app", "main"]
