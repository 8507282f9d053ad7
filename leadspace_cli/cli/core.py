"""The command line's frame: the Typer app, the one boundary where errors become exit codes."""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import re
import sys
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from leadspace_cli.api.connection import Settings
from leadspace_cli.api.redact import redact
from leadspace_cli.app.settings import Environment, check_dotenv, debug, load_environment, resolve
from leadspace_cli.errors import (
    ExitCode,
    LeadspaceError,
)
from leadspace_cli.sandbox import Sandbox
from leadspace_cli.version import __version__


@contextlib.contextmanager
def _pipe_closed_quietly() -> Iterator[None]:
    """End quietly with 141 (128 + SIGPIPE), as Unix tools do, when stdout's reader went away
    (``leadspace fields | head -1``): not click's exit 1, rich's exit 1, or a traceback."""
    try:
        yield
        sys.stdout.flush()  # what is still buffered meets the closed pipe here, not at exit
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        _quiet_stdout()
        raise typer.Exit(int(ExitCode.PIPE)) from None


class _Group(TyperGroup):
    """The app's command group: the one place where a closed stdout ends any command."""

    # ctx is Any: typer's Context class is click's in typer 0.26, its own in later versions.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with _pipe_closed_quietly():  # --help is printed while the arguments are read
            return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        with _pipe_closed_quietly():
            return super().invoke(ctx)


app = typer.Typer(
    cls=_Group,
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


class _Stderr(Console):
    """A console on stderr that goes on silently once stderr's reader went away (``2>&1 | head``):
    the run still writes every row to -o and ends with its own exit code (rich's own exits with 1,
    mid-run, before the output is written)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, sys.stderr.fileno())
            finally:
                os.close(devnull)


err = _Stderr(stderr=True, highlight=False, soft_wrap=True, markup=False)  # markup only where asked


class _Stdout(Console):
    """A console on stdout that leaves a closed pipe to the app's group (rich's own exits with 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def out_console() -> Console:
    """Return a console for data on stdout: plain text, no markup or highlighting."""
    return _Stdout(highlight=False, markup=False)


def _secrets(env: dict[str, str] | None = None) -> list[str]:
    if env is None:
        try:
            env = load_environment()
        except LeadspaceError:  # an unsafe .env: its key was never used, the environment's may be
            env = load_environment(dotenv=False)
    return [v.strip() for k, v in env.items() if k in ("LEADSPACE_API_KEY", "LEADSPACE_SECRET") and v.strip()]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """A message with its control characters shown as escapes: a file named with a line break or a
    terminal's escape sequence (ESC [2J) neither fakes lines nor clears the screen."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@contextlib.contextmanager
def _boundary(traceback: bool = False) -> Iterator[None]:
    """Turn errors into a message and an exit code: the one place where that happens."""
    try:
        yield
    except LeadspaceError as exc:
        err.print(f"[bold red]Error:[/] {escape(_printable(redact(str(exc), _secrets())))}", markup=True)
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        err.print("Interrupted.")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except (typer.Exit, typer.Abort, BrokenPipeError):  # a closed stdout: the app's group ends it
        raise
    except OSError as exc:
        if exc.errno not in _DISK_TROUBLE:
            _internal(exc, traceback)
        where = f" ({_printable(str(exc.filename))})" if exc.filename else ""
        err.print(
            f"[bold red]Error:[/] {escape(exc.strerror or str(exc))}{escape(where)}: the disk failed the "
            "run. Free space (or fix the disk) and run the same command again: the rows answered so far "
            "are in the response store, and are not bought again.",
            markup=True,
        )
        raise typer.Exit(int(ExitCode.STOPPED)) from None
    except Exception as exc:
        _internal(exc, traceback)


# A full disk, a quota, a read-only or failing one: the machine's trouble, not a bug (exit 5).
_DISK_TROUBLE = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EIO", "EROFS", "EFBIG") if hasattr(errno, name)
)


def _internal(exc: BaseException, traceback: bool) -> NoReturn:
    """Report an internal error (called within its except clause), or its traceback: exit 6."""
    if traceback or debug(os.environ):
        # The traceback, its secrets masked, and the same exit code as without it (not Python's 1).
        import traceback as tb

        sys.stderr.write(redact(tb.format_exc(), _secrets()))
        raise typer.Exit(int(ExitCode.INTERNAL)) from None
    said = escape(_printable(redact(str(exc), _secrets())))
    err.print(
        f"[bold red]Internal error:[/] {type(exc).__name__}: {said}\n"
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


SheetOpt = Annotated[
    str | None, typer.Option(help="Of an Excel workbook: the sheet to read (default: the first visible one).")
]


HeaderRowOpt = Annotated[
    int | None,
    typer.Option("--header-row", min=1, help="The row (a CSV's line) number of the header (default: found)."),
]


InputArg = Annotated[
    str,
    typer.Argument(
        help="CSV, TSV or JSONL file (optionally .gz), an Excel workbook (.xlsx), or - for stdin."
    ),
]


CacheDir = Annotated[
    Path | None, typer.Option(help="Folder of the response store [env: LEADSPACE_CACHE_DIR].")
]


Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (for scripts).")]


app.add_typer(mapping_app, name="mapping")


app.add_typer(cache_app, name="cache")


app.add_typer(auth_app, name="auth")
