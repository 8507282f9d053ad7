"""A column mapping: the model, its TOML form, and the checks against an input's columns."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadspace_cli.api import fields
from leadspace_cli.errors import MappingError, closest


@dataclass
class Mapping:
    """Request field paths (``person.email``) to input columns, and custom fields."""

    fields: dict[str, str] = field(default_factory=dict)
    custom: dict[str, str] = field(default_factory=dict)
    output: dict[str, str] = field(default_factory=dict)  # ls.* column -> output name
    detected: bool = False
    notes: list[str] = field(default_factory=list)  # ambiguous choices, the alternative, how to override

    def rows(self) -> list[tuple[str, str]]:
        """Return (request field, column) pairs for display, custom fields last."""
        pairs = [(path, col) for path, col in self.fields.items()]
        pairs += [(f"custom_fields.{name}", col) for name, col in self.custom.items()]
        return pairs

    def columns_used(self) -> set[str]:
        """Return the input columns this mapping reads."""
        return set(self.fields.values()) | set(self.custom.values())


def _leaves(table: dict[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _leaves(value, path + ".")
        else:
            yield path, value


def parse(text: str, name: str = "mapping") -> Mapping:
    """Parse a TOML mapping (keys: request fields; values: input column names)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{name} is not valid TOML: {exc}. Fix that line and run again.") from None
    return from_table(doc, name)


def from_table(table: dict[str, Any], name: str = "mapping") -> Mapping:
    """Return the mapping a TOML document (or the same structure as a dict) describes."""
    doc = dict(table)
    mapping = Mapping()
    custom = doc.pop("custom_fields", {})
    output = doc.pop("output", {})
    if not isinstance(custom, dict):
        raise MappingError(f'{name}: [custom_fields] must be a table of name = "Column".')
    if not isinstance(output, dict):
        raise MappingError(f'{name}: [output] must be a table of "ls.column" = "New name".')
    valid = set(fields.REQUEST_PATHS)
    for path, column in _leaves(doc):
        if path not in valid:
            raise MappingError(
                f"{name}: {path!r} is not an API request field. Closest: {closest(path, valid)}. "
                "`leadspace fields` lists them all."
            )
        if not isinstance(column, str) or not column.strip():
            raise MappingError(f'{name}: {path} must name an input column as text, e.g. "Email".')
        mapping.fields[path] = column
    for key, column in custom.items():
        if not isinstance(column, str) or not column.strip():
            raise MappingError(f"{name}: custom_fields.{key} must name an input column as text.")
        mapping.custom[key] = column
    for key, value in _leaves(output):
        if not isinstance(value, str):
            raise MappingError(f"{name}: output.{key} must be the output column's name as text.")
        mapping.output[key if key.startswith("ls.") else "ls." + key] = value
    return mapping


def load(path: str | Path) -> Mapping:
    """Read a TOML mapping file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MappingError(f"No such mapping file: {p}. `leadspace mapping init INPUT` writes one.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"Cannot read the mapping file {p}: {exc}") from None
    return parse(text, str(p))


def check(mapping: Mapping, columns: list[str]) -> None:
    """Raise MappingError when a mapped column is not in the input, or nothing usable is mapped."""
    present = set(columns)
    for path, column in mapping.rows():
        if column not in present:
            raise MappingError(
                f"The mapping sends column {column!r} as {path}, but the input has no such column. "
                f"Closest: {closest(column, columns)}."
            )
    mapped = set(mapping.fields)
    if "company.name" in mapped:
        return
    names = {"person.first_name", "person.last_name"} <= mapped
    contact = bool({"person.email", "company.website"} & mapped)
    if not (names and contact):
        found = ", ".join(f"{c!r}" for c in columns[:12]) + (" ..." if len(columns) > 12 else "")
        raise MappingError(
            "No column maps to the API's minimum input (a company name, or first name, last name "
            f"and an email or website). The input's columns are: {found}. Write a mapping with "
            "`leadspace mapping init INPUT -o mapping.toml`, edit it, and pass --mapping mapping.toml."
        )


def to_toml(mapping: Mapping, columns: list[str]) -> str:
    """Return a commented TOML mapping, with the columns it does not use listed as comments."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [
        "# leadspace column mapping: API request field = input column.",
        "# `leadspace fields` lists the request fields; `leadspace mapping check` tries it out.",
        *(f"# Note: {note}" for note in mapping.notes),
        "",
    ]
    if "external_id" in mapping.fields:
        lines.append(f"external_id = {q(mapping.fields['external_id'])}")
    tables: dict[str, list[str]] = {}
    for path, column in mapping.fields.items():
        if path == "external_id":
            continue
        table, key = path.rsplit(".", 1)
        tables.setdefault(table, []).append(f"{key} = {q(column)}")
    for table in ("person", "company", "company.address"):  # the document's order
        if table in tables:
            lines += ["", f"[{table}]", *tables[table]]
    if mapping.custom:
        lines += ["", "[custom_fields]"]
        lines += [f"{q(name)} = {q(col)}" for name, col in mapping.custom.items()]
    unused = [c for c in columns if c not in mapping.columns_used()]
    if unused:
        lines += ["", "# Columns not sent (copy a line above to send one):"]
        lines += [f"#   {q(c)}" for c in unused]
    return "\n".join(lines) + "\n"
