"""What a cell holds: several email addresses or phone numbers, or one (a plural column's)."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.aliases import _PERSON_FIELD_PREFIX, PLURALS, system_column
from leadspace_cli.mapping.choose import _HOW, _header_choice
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.spec import FULL_NAME, Mapping

_EMAIL_IN_TEXT = re.compile(r"[^\s@,;|<>()]+@[^\s@,;|<>()]+")
SEPARATOR = re.compile(r"\s*(?:[|;,\n]|:::)\s*")  # what separates several numbers in one cell


def several(path: str, value: str) -> bool:
    """Return whether a cell holds several e-mail addresses or phone numbers ("a@x.com, b@y.com")."""
    if path == "person.email":
        return len(_EMAIL_IN_TEXT.findall(value)) > 1
    parts = SEPARATOR.split(value)
    return sum(len(re.sub(r"\D", "", part)) >= 7 for part in parts) > 1


def _one(path: str, value: str) -> bool:
    """Return whether a cell holds one e-mail address or one phone number, and nothing else of note."""
    if path == "person.email":
        return len(_EMAIL_IN_TEXT.findall(value)) == 1
    return len(re.sub(r"\D", "", value)) >= 7 and not several(path, value)


def one_value_per_cell(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out an e-mail or phone column whose cells hold several values (Attio's "Email addresses").

    Which of them is the person's work address cannot be told; sending the cell sends none of them.
    A column where fewer than half the filled cells hold several (a CRM's one messy cell) is kept:
    those cells are not sent (request rules 3), the others are.
    """
    for path in ("person.email", "person.person_phone"):
        options = [*mapping.columns_of(path), *mapping.candidates.get(path, [])]
        what = "addresses" if path == "person.email" else "numbers"
        joined = []
        for column in options:
            filled = [v for v in values(column) if v.strip()]
            count = sum(several(path, v) for v in filled)
            if count and 2 * count >= len(filled):
                joined.append(column)
            elif count:
                mapping.notes.append(
                    f"{column!r} holds several {what} in one cell in {count} of the {len(filled)} rows read: "
                    f"those cells are not sent (which is the person's cannot be told), the others are."
                )
        if not joined:
            continue
        kept = [c for c in options if c not in joined]
        mapping.notes[:] = [n for n in mapping.notes if n != _header_choice(path, options)]  # no choice now
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)
        if kept:
            mapping.fields[path] = kept[0]
            if kept[1:]:
                mapping.candidates[path] = kept[1:]
        instead = f"; {kept[0]!r} is" if kept else ""
        mapping.notes.append(
            f"{', '.join(repr(c) for c in joined)} hold{'s' if len(joined) == 1 else ''} several {what} in "
            f"one cell in the rows read: not sent as {path}{instead}. To send one, {_HOW}."
        )


def plural_columns(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a plural-named e-mail or phone column when its cells hold one value each, in a file of people."""
    if not {"person.first_name", "person.last_name", FULL_NAME} & set(mapping.fields):
        return  # a file of people: named apart, or by a whole name ("ФИО")
    for path, plurals in PLURALS.items():
        if path in mapping.fields:
            continue
        for column in columns:
            if column in mapping.columns_used() or system_column(column):
                continue
            # The row's customer's too (ServiceTitan's "Customer Email Address(es)").
            if _PERSON_FIELD_PREFIX.sub("", _normal(column)).removeprefix("customer") not in plurals:
                continue
            seen = [v for v in values(column) if v.strip()]  # a JSON list reads as empty
            count = sum(several(path, v) for v in seen)
            # A few cells of several values (a candidate's two mailboxes) in a column of one each: those
            # cells are not sent (request rules 3), the others are.
            if not seen or 2 * count >= len(seen) or not all(_one(path, v) or several(path, v) for v in seen):
                continue
            mapping.fields[path] = column
            mapping.notes.append(
                f"{column!r} holds one value per cell in the rows read: sent as {path}."
                if not count
                else f"{column!r} holds one value per cell in {len(seen) - count} of the {len(seen)} rows "
                f"read: sent as {path}; the cells that hold several are not (which is the person's cannot be "
                "told)."
            )
            break
