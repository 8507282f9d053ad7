"""Request bodies built from rows through a mapping, and the API document's minimum input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from leadspace_cli.formats.rows import Source, row_problem
from leadspace_cli.formats.values import field_of, value_text
from leadspace_cli.mapping.aliases import Body
from leadspace_cli.mapping.spec import Mapping


def missing_input(body: Body) -> str | None:
    """Return what a request lacks of the document's minimum input, or None when it has it."""
    person = body.get("person")
    company = body.get("company")
    if company.__class__ is dict and (name := company.get("name")).__class__ is str and name.strip():
        return None  # the common case, first
    person = person if isinstance(person, dict) else {}
    company = company if isinstance(company, dict) else {}

    def present(d: dict[str, Any], key: str) -> bool:
        value = d.get(key)
        return isinstance(value, str) and value.strip() != ""

    if present(company, "name"):
        return None
    lacking = [
        label
        for key, label in (("first_name", "first name"), ("last_name", "last name"))
        if not present(person, key)
    ]
    if not (present(person, "email") or present(company, "website")):
        lacking.append("an email or website")
    if not lacking:
        return None
    return "no company name, and for a person it lacks: " + ", ".join(lacking)


def body_of(values: dict[str, str | None]) -> Body:
    """Return the request body for request-field paths and values (empty values left out)."""
    body: Body = {}
    for path, value in values.items():
        if value and value.strip():
            node = body
            *parents, leaf = path.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value.strip()
    return body


@dataclass
class Preview:
    """What a run with a mapping would send, without calling: the first bodies and the counts."""

    first: list[tuple[Body, str | None]] = field(default_factory=list)  # (body, why not sent)
    sent: int = 0
    lacking: int = 0


def preview(mapping: Mapping, source: Source, show: int = 3) -> Preview:
    """Build every row's body; keep the first ``show`` and count what would be sent."""
    build = builder(mapping, source)
    out = Preview()
    for i, row in enumerate(source.rows):
        body = build(row)
        problem = row_problem(row) or missing_input(body)
        if problem:
            out.lacking += 1
        else:
            out.sent += 1
        if i < show:
            out.first.append((body, problem))
    return out


Builder = Callable[[Any], Body]


def builder(mapping: Mapping, source: Source) -> Builder:
    """Return a function from an input row to its request body (only non-empty, trimmed values).

    A field mapped to several columns takes the first non-empty one. A value that is a JSON object
    or array (a JSON Lines key that holds an object on some lines) is never sent as text.
    Runs once per row, so it is flat: one fetch of the mapped cells, then one comprehension per
    object of the request (top level, person, company, company.address).
    """
    columns: list[str] = []
    groups: dict[str, list[tuple[int, str]]] = {"": [], "person": [], "company": [], "company.address": []}
    fallbacks: list[tuple[int, list[int]]] = []  # (the field's first cell, its other cells in order)
    for path in mapping.fields:
        parent, _, key = path.rpartition(".")
        first, *others = mapping.columns_of(path)
        groups[parent].append((len(columns), key))
        columns.append(first)
        if others:
            fallbacks.append((len(columns) - 1, list(range(len(columns), len(columns) + len(others)))))
            columns += others
    custom = []
    for name, column in mapping.custom.items():
        custom.append((len(columns), name))
        columns.append(column)
    fetch = _fetcher(source, columns)
    top, person, company, address = (groups[k] for k in ("", "person", "company", "company.address"))

    def build(row: Any) -> Body:
        values = fetch(row)
        if fallbacks:
            values = list(values)
            for i, others in fallbacks:
                if not values[i].strip():
                    values[i] = next((values[j] for j in others if values[j].strip()), "")
        body: Body = {k: v for i, k in top if (v := values[i].strip())}
        if person and (p := {k: v for i, k in person if (v := values[i].strip())}):
            body["person"] = p
        c: dict[str, Any] = {k: v for i, k in company if (v := values[i].strip())}
        if address and (a := {k: v for i, k in address if (v := values[i].strip())}):
            c["address"] = a
        if c:
            body["company"] = c
        if custom and (pairs := [{"name": n, "value": v} for i, n in custom if (v := values[i].strip())]):
            body["custom_fields"] = pairs
        return body

    return build


def _fetcher(source: Source, columns: list[str]) -> Callable[[Any], Sequence[str]]:
    """Return the source's fetcher, with JSON objects and arrays of records read as empty."""
    if source.kind == "csv":
        return source.fetcher(columns)

    def fetch(row: Any) -> list[str]:
        out = []
        for column in columns:
            value = field_of(row, column)
            out.append("" if isinstance(value, dict | list | tuple) else value_text(value))
        return out

    return fetch
