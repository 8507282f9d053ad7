"""`leadspace fields` and `leadspace mapping init/check`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from leadspace_cli.api import fields, flatten
from leadspace_cli.cli.core import (
    HeaderRowOpt,
    InputArg,
    SheetOpt,
    _boundary,
    app,
    err,
    mapping_app,
    out_console,
)
from leadspace_cli.errors import (
    MappingError,
    counted,
)
from leadspace_cli.formats.outfile import check_path, write_whole
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.body import preview
from leadspace_cli.mapping.judge import detect_source, names_a_field
from leadspace_cli.mapping.spec import check, load, shown, to_toml
from leadspace_cli.mapping.spec import from_report as mapping_from_report


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
        rows.append(
            [
                "(the mapping's own)",
                '[person] full_name = "Column"',
                "A person's whole name, sent split into first_name and last_name where a row has neither",
            ]
        )
    out = out_console()
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
    header_row: HeaderRowOpt = None,
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
        if output != "-":
            check_path(
                output,
                option="-o",
                avoid=[
                    (input, "the input file"),
                    (os.fspath(from_report) if from_report else None, "the report read"),
                ],
            )
        with open_source(
            input,
            encoding=encoding,
            delimiter=delimiter,
            input_format=input_format,
            sheet=sheet,
            header_row=header_row,
            header_hint=names_a_field,
            prescan=True,
        ) as source:
            if from_report is not None:
                m = mapping_from_report(from_report)
                check(m, source.columns, f"the mapping of {from_report}")
                m.notes.append(f"The mapping the run of {from_report} used.")
            else:
                m = detect_source(source)
        text = to_toml(m, source.columns)
        try:
            check(m, source.columns)
            usable = True
        except MappingError:
            usable = False
        if output == "-":
            sys.stdout.write(text)
        else:
            if Path(output).exists():
                raise MappingError(f"{output} exists already: remove it or choose another -o.")
            write_whole(output, text, option="-o")
            err.print(
                f"Wrote {output}: {len(m.fields)} fields mapped. Check it with "
                f"`leadspace mapping check {input} --mapping {output}`."
            )
        if not usable:
            err.print(
                "Note: no column of it maps to the API's minimum input (a company name, or first name, "
                "last name and an email or website), so a run would send nothing: copy a column's name "
                "from its list of columns not sent onto a field's line before passing it with --mapping."
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
    header_row: HeaderRowOpt = None,
) -> None:
    """Show the mapping, the first request bodies, and how many rows would be sent; calls nothing.

    Example: leadspace mapping check samples/leads.csv --mapping samples/mapping.toml
    """
    with (
        _boundary(),
        open_source(
            input,
            encoding=encoding,
            delimiter=delimiter,
            input_format=input_format,
            sheet=sheet,
            header_row=header_row,
            header_hint=names_a_field,
            prescan=True,
        ) as source,
    ):
        m = load(mapping) if mapping else detect_source(source)
        check(m, source.columns, str(mapping) if mapping else None)
        table = Table("input column", "request field")
        for path, col in m.rows():
            # Several columns: the first non-empty one is sent.
            table.add_row(shown(col if isinstance(col, str) else " or ".join(col)), path)
        out = out_console()
        out.print(table)
        seen = preview(m, source, show)
        for i, (body, problem) in enumerate(seen.first):
            out.print(f"row {i + 1}:" + (f" not sent: {problem}" if problem else ""), markup=False)
            out.print_json(json.dumps(body, ensure_ascii=False))
        skipped = f"; {counted(seen.skipped, 'line')} would be skipped (no leads)" if seen.skipped else ""
        out.print(
            f"{counted(seen.sent, 'row')} would be sent; {seen.lacking} lack the minimum input and "
            f"would not be{skipped}."
        )
