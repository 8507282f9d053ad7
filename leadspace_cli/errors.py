"""The exception family, the exit codes, and the one rule that turns an outcome into an exit code.

Every message says what happened and how to fix it; the CLI turns these into a message and an exit
code at one boundary, and the Python API raises them as they are.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable


class ExitCode(enum.IntEnum):
    """Exit codes users script against (the README's "Exit codes")."""

    OK = 0  # every row reached a final result (ok or invalid_input)
    ROWS_FAILED = 1  # finished, but some rows failed: rerun to finish them
    USAGE = 2  # usage, settings, mapping or input error (before any call, or mid-stream on stdin)
    AUTH = 3  # the API rejected the credentials (401)
    CREDITS = 4  # the API reported insufficient credits (427)
    STOPPED = 5  # stopped for another reason (405, 415, a redirect, persistent failures)
    INTERNAL = 6  # a bug in leadspace
    INTERRUPTED = 130  # Ctrl-C or SIGTERM
    PIPE = 141  # stdout's reader went away (piped into head)


# When several apply, the first in this order wins (the README's "Exit codes").
PRECEDENCE: tuple[ExitCode, ...] = (
    ExitCode.INTERRUPTED,
    ExitCode.PIPE,
    ExitCode.AUTH,
    ExitCode.CREDITS,
    ExitCode.STOPPED,
    ExitCode.INTERNAL,
    ExitCode.ROWS_FAILED,
    ExitCode.USAGE,
    ExitCode.OK,
)


def first_code(*codes: ExitCode) -> ExitCode:
    """Return the exit code that wins among several (the order of ``PRECEDENCE``)."""
    return min(codes, key=PRECEDENCE.index, default=ExitCode.OK)


class LeadspaceError(Exception):
    """Base of every error the tool reports to a user."""

    exit_code: ExitCode = ExitCode.USAGE


class SettingsError(LeadspaceError):
    """A setting is missing or invalid."""


class InputError(LeadspaceError):
    """The input cannot be read as rows."""


class MappingError(LeadspaceError):
    """The column mapping is invalid for this input."""


class OutputError(LeadspaceError):
    """The output cannot be written."""


class StoreError(LeadspaceError):
    """The response store cannot be opened or used."""


class OAuthError(LeadspaceError):
    """The OAuth exchange for a token failed."""

    exit_code = ExitCode.AUTH


class RunStopped(LeadspaceError):  # noqa: N818 - named for what happened, as its subclasses
    """The run stopped before every row was answered; ``exit_code`` says why.

    Raised by :func:`leadspace_cli.enrich_records` after the rows read before the stop were
    yielded. Answers already paid for are in the response store: the same call finishes the job.
    """

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class CredentialsRejected(RunStopped):
    """The API rejected the credentials (401)."""


class CreditsExhausted(RunStopped):
    """The API reported insufficient credits (427), or the run reached its credit cap."""


class APIStopped(RunStopped):
    """The API answered in a way that stops the run (405, 415, a redirect, persistent failures)."""


class Interrupted(RunStopped):
    """The run was interrupted (Ctrl-C, SIGTERM)."""


_STOPS: dict[ExitCode, type[RunStopped]] = {
    ExitCode.AUTH: CredentialsRejected,
    ExitCode.CREDITS: CreditsExhausted,
    ExitCode.STOPPED: APIStopped,
    ExitCode.INTERRUPTED: Interrupted,
}


def stop_error(code: ExitCode, message: str) -> RunStopped:
    """Return the exception that stands for a stop with this exit code."""
    return _STOPS.get(code, RunStopped)(message, code)


AUTH_MESSAGE = (
    "The API rejected the credentials (401): check LEADSPACE_API_KEY (or LEADSPACE_PROGRAM_ID and "
    "LEADSPACE_SECRET) in the environment or in .env. Nothing more was sent."
)
CREDITS_MESSAGE = (
    "The API reports insufficient credits (427): ask your Leadspace Customer Success Manager or "
    "support@leadspace.com for credits, then run the same command again; answers already paid for "
    "are kept."
)


def closest(word: str, choices: Iterable[str]) -> str:
    options = list(choices)
    near = difflib.get_close_matches(word, options, n=3, cutoff=0.5)
    if not near:
        near = difflib.get_close_matches(word.lower(), [o.lower() for o in options], n=3, cutoff=0.4)
        lookup = {o.lower(): o for o in options}
        near = [lookup[n] for n in near]
    return ", ".join(repr(n) for n in near) if near else "none close; see `leadspace fields`"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """Return a count with its noun: "1 stored answer", "2 stored answers", "1 row was"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
