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
from leadspace_cli.mapping.aliases import WHOLE_NAME_HEADERS, normalize_header

# A mapping's own field, not the API's: a person's whole name, sent split into first and last name
# where a row has neither (mapping.wholenames).
FULL_NAME = "person.full_name"


@dataclass
class Mapping:
    """Request field paths (``person.email``) to input columns, and custom fields."""

    # A field's column, or its columns of one entity, best first: the first non-empty one is sent.
    fields: dict[str, str | list[str]] = field(default_factory=dict)
    custom: dict[str, str] = field(default_factory=dict)
    output: dict[str, str] = field(default_factory=dict)  # ls.* column -> output name
    detected: bool = False
    notes: list[str] = field(default_factory=list)  # ambiguous choices, the alternative, how to override
    # Detected only: other columns of the same entity that name a field, best first (refine() chooses).
    candidates: dict[str, list[str]] = field(default_factory=dict)
    # Detected only: whole address blocks of one file (Xero's street and postal address), field ->
    # column, the one sent first; refine() may send another one, never a mix.
    address_blocks: list[dict[str, str]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str | list[str]]]:
        """Return (request field, column or columns) pairs for display, custom fields last."""
        pairs: list[tuple[str, str | list[str]]] = [(path, col) for path, col in self.fields.items()]
        pairs += [(f"custom_fields.{name}", col) for name, col in self.custom.items()]
        return pairs

    def columns_of(self, path: str) -> list[str]:
        """Return the columns a field reads, best first (none when it is not mapped)."""
        found = self.fields.get(path)
        return [] if found is None else [found] if isinstance(found, str) else list(found)

    def columns_used(self) -> set[str]:
        """Return the input columns this mapping reads."""
        return {c for p in self.fields for c in self.columns_of(p)} | set(self.custom.values())


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
    valid = {*fields.REQUEST_PATHS, FULL_NAME}
    for path, column in _leaves(doc):
        if path not in valid:
            raise MappingError(
                f"{name}: {path!r} is not an API request field. Closest: {closest(path, valid)}. "
                "`leadspace fields` lists them all."
            )
        mapping.fields[path] = _columns(column, path, name)
    for key, column in custom.items():
        if not isinstance(column, str) or not column.strip():
            raise MappingError(f"{name}: custom_fields.{key} must name an input column as text.")
        mapping.custom[key] = column
    for key, value in _leaves(output):
        if not isinstance(value, str):
            raise MappingError(f"{name}: output.{key} must be the output column's name as text.")
        if value.startswith(_UNSAFE_START) or not value.isprintable():
            raise MappingError(
                f"{name}: output.{key} = {toml_string(value)} would be read as a formula or holds "
                "control characters: name the column with letters, digits or spaces first."
            )
        if (twice := next((k for k, v in mapping.output.items() if v == value), None)) is not None:
            raise MappingError(
                f"{name}: output.{key} and {twice} are both named {toml_string(value)}: an output has one "
                "column of a name, so give each answer's column its own."
            )
        mapping.output[key if key.startswith("ls.") else "ls." + key] = value
    return mapping


def _columns(value: Any, path: str, name: str) -> str | list[str]:
    """Return a field's column, or its list of columns (the first non-empty one is sent)."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list) and value and all(isinstance(c, str) and c.strip() for c in value):
        return value[0] if len(value) == 1 else list(dict.fromkeys(value))
    raise MappingError(
        f'{name}: {path} must name an input column as text, e.g. "Email", or a list of columns of '
        'one entity, e.g. ["Company", "company.name"] (the first non-empty one is sent).'
    )


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


def check(mapping: Mapping, columns: list[str], given: str | None = None) -> None:
    """Raise MappingError when a mapped column is not in the input, or nothing usable is mapped.

    ``given`` names a mapping the user wrote (a file, "the mapping"): its refusal says to edit it,
    not to write one; a detected one's says why columns were left out (its notes).
    """
    present = set(columns)
    for path, value in mapping.rows():
        for column in [value] if isinstance(value, str) else value:
            if column not in present:
                raise MappingError(
                    f"The mapping sends column {column!r} as {path}, but the input has no such column. "
                    f"Closest: {closest(column, columns)}."
                )
    mapped = set(mapping.fields)
    if "company.name" in mapped:
        return
    names = {"person.first_name", "person.last_name"} <= mapped or FULL_NAME in mapped
    contact = bool({"person.email", "company.website"} & mapped)
    if not (names and contact):
        # Each name cut at 60 characters: a file that is no CSV has its bytes as one long "name".
        found = ", ".join(
            repr(c) if len(c) <= 60 else f"{c[:57]!r}... ({len(c):,} characters)" for c in columns[:12]
        )
        found += " ..." if len(columns) > 12 else ""
        why, told = _why_not(mapping, columns, names)
        if len(columns) == 1 and (sep := next((d for d in (";", "\t", ",", "|") if d in columns[0]), None)):
            shown_sep = "\\t" if sep == "\t" else sep  # a one-column header holding a delimiter
            why += (
                f" Its one column {found} looks separated by {shown_sep!r}: pass --delimiter '{shown_sep}'."
            )
            told = given is None
        elif columns and columns[0].lstrip().startswith("{") and columns[-1].rstrip().endswith("}"):
            why += (
                " Its columns are pieces of JSON: it is JSON Lines, read as CSV; pass --input-format jsonl."
            )
            told = given is None
        if told and given is None:  # what to do is said: no advice on headers or a mapping
            raise MappingError(
                "No column maps to the API's minimum input (a company name, or first name, last name "
                f"and an email or website).{why} The input's columns are: {found}."
            )
        if given is not None:
            raise MappingError(
                "No column maps to the API's minimum input (a company name, or first name, last name "
                f"and an email or website): {given} maps {', '.join(sorted(mapped)) or 'nothing'}.{why} "
                f"The input's columns are: {found}. Add a column as company.name, or the person's "
                "first_name, last_name and email (`leadspace fields` lists the request fields)."
            )
        raise MappingError(
            "No column maps to the API's minimum input (a company name, or first name, last name "
            f"and an email or website).{why} The input's columns are: {found}. If the header is further "
            "down (a report's title and blocks above it), pass --header-row N (its line number); else "
            "write a mapping with `leadspace mapping init INPUT -o mapping.toml`, edit it, and pass "
            "--mapping mapping.toml."
        )


# A person's whole name in one column (the API takes the first and the last name apart), or a
# column that may hold one: a bare or contact's name, a display name.
_WHOLE_NAMES = WHOLE_NAME_HEADERS | {
    "name",
    "contactname",
    "displayname",
    "leadname",
    "customername",
    "membername",
}


def _why_not(mapping: Mapping, columns: list[str], names: bool) -> tuple[str, bool]:
    """What keeps a file from the minimum input, as far as it can be told: its notes on columns
    left out, a list of emails without names, whole names in one column; and whether what to do
    is told (the last two)."""
    said = [n for n in mapping.notes if "not sent" in n]
    text = "".join(f" {n}" for n in said[:3])
    email = mapping.fields.get("person.email")
    whole = next(
        (c for c in columns if normalize_header(c) in _WHOLE_NAMES and c not in mapping.columns_used()), None
    )
    if not names and whole is not None and normalize_header(whole) == "name":
        text += (
            f" If {whole!r} holds people's whole names (its first rows' did not read as such): send "
            'it split with a mapping (`full_name = "Name"` under [person]), or split it into First '
            "Name and Last Name columns. If it holds companies' names: name the column Company, or "
            "pass a mapping that sends it as company.name (`leadspace mapping init INPUT -o "
            "mapping.toml` writes one to edit)."
        )
    elif not names and whole is not None:
        text += (
            f" {whole!r} holds whole names, and the API takes a person's first and last name apart; "
            "its first rows' did not split (one word, a firm's name): send it split with a mapping "
            f"(`full_name = {toml_string(whole)}` under [person]) where its names can be split, or "
            "split it into First Name and Last Name columns yourself."
        )
    elif not names and email is not None:
        shown_email = email if isinstance(email, str) else email[0]
        text += (
            f" {shown_email!r} holds the people's emails, but the API takes an email only beside the "
            "person's first and last name, or with a company name: a list of emails alone cannot be "
            "enriched. Add those columns, or, where a column holds them under another name, pass a "
            "mapping that sends it (`leadspace mapping init INPUT -o mapping.toml` writes one to edit)."
        )
    else:
        return text, False
    return text, True


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(text: str) -> str:
    """Return text safe for one line of a terminal or a TOML comment: unprintable characters escaped.

    A cell value or a header can hold a newline (which would start a TOML table in a comment) or
    an escape sequence (which a terminal would obey).
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def toml_string(text: str) -> str:
    """Return a TOML basic string for any text: quotes, backslashes and unprintable characters escaped."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape(ch))
    out.append('"')
    return "".join(out)


_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def to_toml(mapping: Mapping, columns: list[str]) -> str:
    """Return a commented TOML mapping, with the columns it does not use listed as comments."""

    q = toml_string

    def value(column: str | list[str]) -> str:
        return q(column) if isinstance(column, str) else "[" + ", ".join(q(c) for c in column) + "]"

    lines = [
        "# leadspace column mapping: API request field = input column, or a list of columns of one",
        "# entity (the first non-empty one is sent). `leadspace fields` lists the request fields;",
        "# `leadspace mapping check` tries it out.",
        *(f"# Note: {shown(note)}" for note in mapping.notes),
        "",
    ]
    if "external_id" in mapping.fields:
        lines.append(f"external_id = {value(mapping.fields['external_id'])}")
    tables: dict[str, list[str]] = {}
    for path, column in mapping.fields.items():
        if path == "external_id":
            continue
        table, key = path.rsplit(".", 1)
        tables.setdefault(table, []).append(f"{key} = {value(column)}")
    for table in ("person", "company", "company.address"):  # the document's order
        if table in tables:
            lines += ["", f"[{table}]", *tables[table]]
    if mapping.custom:
        lines += ["", "[custom_fields]"]
        lines += [f"{q(name)} = {q(col)}" for name, col in mapping.custom.items()]
    if mapping.output:
        lines += ["", "[output]"]
        lines += [f"{q(key)} = {q(name)}" for key, name in mapping.output.items()]
    unused = [c for c in columns if c not in mapping.columns_used()]
    if unused:
        lines += ["", "# Columns not sent (copy a line above to send one):"]
        lines += [f"#   {q(c)}" for c in unused]
    return "\n".join(lines) + "\n"


def from_report(path: str | Path) -> Mapping:
    """Return the mapping an earlier run used, from its --report file."""
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MappingError(f"Cannot read the report {path}: {exc}") from None
    used = report.get("settings", {}).get("mapping_used") if isinstance(report, dict) else None
    if not isinstance(used, dict) or not used:
        raise MappingError(
            f"{path} holds no mapping (settings.mapping_used): give the JSON file an enrich run wrote "
            "with --report."
        )
    mapping = Mapping()
    for key, column in used.items():
        listed = isinstance(column, list) and column and all(isinstance(c, str) for c in column)
        if not (isinstance(column, str) or (listed and not key.startswith("custom_fields."))):
            raise MappingError(f"{path}: the mapping's {key!r} is not a column name.")
        if key.startswith("custom_fields."):
            mapping.custom[key.removeprefix("custom_fields.")] = column
        else:
            mapping.fields[key] = column if isinstance(column, str) else list(column)
    renames = report["settings"].get("output_used") or {}  # absent from older reports
    if not isinstance(renames, dict) or not all(isinstance(v, str) for v in renames.values()):
        raise MappingError(f"{path}: settings.output_used is not a table of output column names.")
    mapping.output = {str(k): v for k, v in renames.items()}
    return mapping
