"""The job: every option of a run, typed and frozen, with the documented defaults."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from leadspace_cli.api.connection import Settings
from leadspace_cli.app.settings import parse_duration
from leadspace_cli.errors import SettingsError
from leadspace_cli.formats.rows import FORMATS
from leadspace_cli.formats.writers import output_format

MappingSpec = str | os.PathLike[str] | Mapping[str, Any] | None


class EnrichOptions(TypedDict, total=False):
    """The keyword options of :func:`enrich_file` and :func:`enrich_records`: the CLI's options.

    Same names and defaults as ``leadspace enrich``; see :class:`Job` for each one's meaning.
    """

    rate: float
    dry_run: bool
    limit: int | None
    timeout: float
    max_retries: int
    report: str | os.PathLike[str] | None
    no_cache: bool
    cache_dir: str | os.PathLike[str] | None
    max_age: str
    sandbox: bool
    input_format: str | None
    output_format: str | None
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    include_hidden: bool
    header_row: int | None
    columns: str | Sequence[str] | None
    excel_safe: bool
    bom: bool
    base_url: str | None
    ca_bundle: str | None
    workers: int | None
    prefetch: int
    retry_invalid: bool
    outage_limit: str
    max_credits: int | None
    max_credits_per_day: int | None
    max_credits_per_month: int | None
    api_key: str | None
    settings: Settings | None
    dotenv: bool


@dataclass(frozen=True, kw_only=True)
class Job:
    """Everything one run is asked to do; the defaults are the documented ones."""

    input: str = "-"  # a file (.csv, .tsv, .jsonl, optionally .gz) or - for stdin
    output: str = "-"  # a file or - for stdout
    mapping: MappingSpec = None  # a TOML file, or the same structure as a dict; None: detect
    rate: float = 30.0  # at most this many calls in any one-second window
    dry_run: bool = False  # call nothing; count calls, credits and time
    limit: int | None = None  # only the first N rows
    timeout: float = 30.0  # seconds to wait for one answer
    max_retries: int = 5  # retries after a 5xx, timeout or dropped connection (429s are pacing)
    report: str | os.PathLike[str] | None = None  # write the run's JSON summary here
    no_cache: bool = False  # neither reuse nor keep answers across runs
    cache_dir: str | os.PathLike[str] | None = None  # the store's folder (else LEADSPACE_CACHE_DIR)
    max_age: str = "30d"  # reuse stored answers up to this age
    sandbox: bool = False  # run against the embedded sandbox API
    input_format: str | None = None  # csv, tsv, jsonl or xlsx when the name does not say
    output_format: str | None = None  # csv, tsv, jsonl or xlsx when the name does not say
    encoding: str | None = None  # the input's text encoding (default: detected)
    delimiter: str | None = None  # the input's CSV delimiter
    sheet: str | None = None  # of a workbook input: the sheet to read (default: the first visible)
    include_hidden: bool = False  # of a workbook input: send rows hidden in the sheet (by a filter)
    header_row: int | None = None  # the header's row (a workbook's) or line (a CSV's) number (default: found)
    columns: str | Sequence[str] | None = None  # the ls.* columns to write (default: all)
    excel_safe: bool = False  # prefix formula-looking answer cells with '
    bom: bool = False  # start CSV output with a UTF-8 BOM
    base_url: str | None = None  # the API's base URL (else LEADSPACE_BASE_URL)
    ca_bundle: str | None = None  # CA certificates (else REQUESTS_CA_BUNDLE)
    workers: int | None = None  # calls in flight at most (default: 3 x rate)
    # enrich_records only: answers bought (calls in flight included) ahead of what the caller took
    prefetch: int = 30
    retry_invalid: bool = False  # call again for rows whose stored answer is a 400
    outage_limit: str = "5m"  # how long the API may stay out of reach before the run gives up
    max_credits: int | None = None  # spend at most this many credits (else LEADSPACE_MAX_CREDITS)
    max_credits_per_day: int | None = (
        None  # ... today, counted from the store (LEADSPACE_MAX_CREDITS_PER_DAY)
    )
    max_credits_per_month: int | None = None  # ... this month (LEADSPACE_MAX_CREDITS_PER_MONTH)
    api_key: str | None = field(default=None, repr=False)  # the key, for callers that manage secrets
    settings: Settings | None = field(default=None, repr=False)  # resolved settings, not the environment
    dotenv: bool = False  # read .env in the working folder (the CLI does)

    # Parsed at construction, so that a bad value is reported before any file is read.
    max_age_seconds: float = field(init=False, repr=False, compare=False)
    outage_seconds: float = field(init=False, repr=False, compare=False)
    out_format: str = field(init=False, repr=False, compare=False)
    ls_columns: tuple[str, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, low in (("rate", 0.1), ("timeout", 0.1), ("prefetch", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= low:
                raise SettingsError(f"{_option(name)} must be at least {low}, not {value!r}.")
        for name in (
            "limit",
            "max_retries",
            "workers",
            "max_credits",
            "max_credits_per_day",
            "max_credits_per_month",
        ):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise SettingsError(f"{_option(name)} must be a whole number of at least 0, not {value!r}.")
        for name in ("input_format", "output_format"):
            value = getattr(self, name)
            if value is not None and value not in FORMATS:
                raise SettingsError(f"{_option(name)} {value!r}: use {', '.join(FORMATS)}.")
        parsed = {
            "max_age_seconds": parse_duration(self.max_age, _option("max_age"), "0 means never reuse"),
            "outage_seconds": parse_duration(
                self.outage_limit, _option("outage_limit"), "0 gives up at the first failure to connect"
            ),
            "out_format": output_format(os.fspath(self.output), self.output_format),
            "ls_columns": self._column_list(),
        }
        for name, value in parsed.items():
            object.__setattr__(self, name, value)

    def _column_list(self) -> tuple[str, ...] | None:
        if self.columns is None:
            return None
        items = self.columns.split(",") if isinstance(self.columns, str) else list(self.columns)
        picked = tuple(c.strip() for c in items if c.strip())
        return picked or None

    def column_list(self) -> list[str] | None:
        """Return the ls.* columns asked for, or None for all."""
        return list(self.ls_columns) if self.ls_columns else None

    def echo(self) -> dict[str, Any]:
        """Return the job for a report: every option by name, secrets left out."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if not f.init:
                continue
            value = getattr(self, f.name)
            if f.name in ("api_key", "settings"):
                value = value is not None  # whether one was given, never what
            elif isinstance(value, os.PathLike):
                value = os.fspath(value)
            elif isinstance(value, Mapping):
                value = "(a mapping given as a dict)"
            elif isinstance(value, tuple | list):
                value = list(value)
            out[f.name] = value
        return out


def _option(name: str) -> str:
    """Name an option as the CLI does (the Python API's keyword is the same with underscores)."""
    return f"--{name.replace('_', '-')}"
