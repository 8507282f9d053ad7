"""The exception family and the exit codes.

Every message says what happened and how to fix it; the CLI turns these into a message and an exit
code at one boundary.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Exit codes users script against (PRODUCT.md)."""

    OK = 0  # every row reached a final result (ok or invalid_input)
    ROWS_FAILED = 1  # finished, but some rows failed: rerun to finish them
    USAGE = 2  # usage, settings, mapping or input error, found before any call
    AUTH = 3  # the API rejected the credentials (401)
    CREDITS = 4  # the API reported insufficient credits (427)
    STOPPED = 5  # stopped for another reason (405, 415, persistent failures)
    INTERRUPTED = 130  # Ctrl-C or SIGTERM


class LeadspaceError(Exception):
    """Base of every error the tool reports to a user."""

    exit_code: ExitCode = ExitCode.USAGE


class SettingsError(LeadspaceError):
    """A setting is missing or invalid."""


class InputError(LeadspaceError):
    """The input file cannot be read as rows."""


class MappingError(LeadspaceError):
    """The column mapping is invalid for this input."""


class OutputError(LeadspaceError):
    """The output cannot be written."""


class StoreError(LeadspaceError):
    """The response store cannot be opened or used."""


class AuthError(LeadspaceError):
    """The API rejected the credentials."""

    exit_code = ExitCode.AUTH


class APIError(LeadspaceError):
    """The API answered in a way that stops the run."""

    exit_code = ExitCode.STOPPED
