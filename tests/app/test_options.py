"""One list of options: the CLI's `enrich`, the Job and the Python API's keywords agree."""

from __future__ import annotations

import dataclasses
import typing

import typer.main

import leadspace_cli
from leadspace_cli.app.job import EnrichOptions, Job
from leadspace_cli.cli import app

# A Job field that is not an option of `leadspace enrich` (the input is its argument): these are
# for Python callers (the key and settings are never flags: they would show in `ps` and history;
# prefetch bounds what enrich_records buys ahead of its reader, which a file run does not have).
NOT_FLAGS = {"api_key", "settings", "dotenv", "prefetch"}
# A flag of `leadspace enrich` that is about the terminal, not the job.
NOT_JOB = {"quiet", "verbose", "traceback"}


def _enrich_params() -> dict[str, object]:
    command = typer.main.get_command(app)
    enrich = command.commands["enrich"]  # type: ignore[attr-defined]
    return {p.name: p.default for p in enrich.params}


def test_the_cli_and_the_job_have_the_same_options_and_defaults() -> None:
    job = Job()
    fields = {f.name: getattr(job, f.name) for f in dataclasses.fields(Job) if f.init}
    params = _enrich_params()
    assert set(params) - NOT_JOB == set(fields) - NOT_FLAGS
    for name in set(fields) - NOT_FLAGS - {"input"}:  # INPUT is a required argument on the command line
        default = params[name]
        if isinstance(default, tuple):  # click keeps a multiple option's default as a tuple
            default = list(default) or None
        assert default == fields[name], name


def test_the_python_api_takes_every_job_option_by_the_same_name() -> None:
    keywords = set(typing.get_type_hints(EnrichOptions))
    fields = {f.name for f in dataclasses.fields(Job) if f.init}
    assert keywords == fields - {"input", "output", "mapping"}
    assert leadspace_cli.EnrichOptions is EnrichOptions
