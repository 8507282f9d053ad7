"""`leadspace auth check`, `leadspace lookup` and `leadspace report`: one call, or none."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from leadspace_cli.api import flatten
from leadspace_cli.api.connection import Settings
from leadspace_cli.api.redact import mask, redact
from leadspace_cli.cli.core import (
    SheetOpt,
    _boundary,
    _environment,
    _settings,
    app,
    auth_app,
    err,
    out_console,
)
from leadspace_cli.cli.ui import literal, report_tables
from leadspace_cli.errors import (
    AUTH_MESSAGE,
    CREDITS_MESSAGE,
    ExitCode,
    MappingError,
)
from leadspace_cli.formats.outfile import check_path, write_whole
from leadspace_cli.mapping.body import body_of, missing_input
from leadspace_cli.mapping.spec import load


@auth_app.command("check")
def auth_check(
    base_url: Annotated[str | None, typer.Option(help="API base URL [env: LEADSPACE_BASE_URL].")] = None,
    ca_bundle: Annotated[str | None, typer.Option(help="CA certificates (PEM).")] = None,
    sandbox: Annotated[bool, typer.Option("--sandbox", help="Check against the embedded sandbox.")] = False,
) -> None:
    """Check the credentials without spending a credit (an empty body is refused with 400 or 401).

    Example: leadspace auth check
    """
    from leadspace_cli.api.client import Client, Outcome, exit_code  # on use: a quick --help
    from leadspace_cli.app.run import sandbox_for

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
        if answer.outcome is Outcome.AUTH and answer.status is None:  # the OAuth exchange: why it failed
            err.print(
                f"[red]No OAuth token.[/] {escape(redact(answer.error, settings.secrets()))}", markup=True
            )
        elif answer.outcome is Outcome.AUTH:
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
    if days < 0:
        err.print(
            f"LEADSPACE_TOKEN_ISSUED={settings.token_issued!r} is in the future: a typo? The token's age "
            "cannot be told, nor when it is due to be rotated."
        )
        return
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
    from leadspace_cli.api.client import Client, Outcome, exit_code  # on use: a quick --help
    from leadspace_cli.app.run import sandbox_for

    with _boundary():
        body = body_of(
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
        missing = missing_input(body)
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
        out_console().print(Panel(table, title="Leadspace answer", expand=False))


@app.command("report")
def report_cmd(
    output: Annotated[
        str, typer.Argument(help="A file that `leadspace enrich` wrote (CSV, TSV, JSONL or XLSX).")
    ],
    html: Annotated[
        Path | None, typer.Option(help="Also write the report as one self-contained HTML page.")
    ] = None,
    result_column: Annotated[
        str | None,
        typer.Option(
            "--result-column",
            help="The column holding ls.result, when a mapping's [output] renamed it (default: found "
            "by its values).",
        ),
    ] = None,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="The mapping the run used, when its [output] table renamed answer columns: they are read "
            "by their new names.",
        ),
    ] = None,
    sheet: SheetOpt = None,
) -> None:
    """Show what the credits bought: matches, confidence, sizes, industries, fill rates.

    Example: leadspace report out.csv --html report.html
    """
    from leadspace_cli.app.report import build_report, for_terminal
    from leadspace_cli.app.report_page import report_html

    with _boundary():
        if html is not None:
            check_path(os.fspath(html), option="--html", avoid=[(output, "the file reported on")])
        renamed = load(mapping).output if mapping is not None else None
        rep = build_report(output, result_column, renamed, sheet)
        if rep.sheet is not None:
            err.print(
                f"Note: {output}'s first sheet holds no answers: sheet {literal(rep.sheet)} is read "
                "(--sheet picks another).",
                markup=False,
            )
        if result_column is None and rep.result_column != "ls.result":
            err.print(
                f"Note: the results are read from {literal(rep.result_column)} (its values are results: "
                "a renamed ls.result); name another with --result-column.",
                markup=False,
            )
        if rep.missing:
            err.print(
                f"Note: {output} has no {', '.join(rep.missing)} column (renamed by a mapping's [output] "
                "table? pass it with --mapping): those counts are left out.",
                markup=False,
            )
        if not rep.fills:
            err.print(
                f"Note: {output} has no ls.* answer column (renamed by a mapping's [output] table? pass it "
                "with --mapping): the fields filled, industries and sizes are not reported.",
                markup=False,
            )
        out = out_console()
        for table in report_tables(for_terminal(rep), out.width):
            out.print(table)
        if html:
            write_whole(os.fspath(html), report_html(rep), option="--html")
            err.print(f"Wrote {html}", markup=False)
