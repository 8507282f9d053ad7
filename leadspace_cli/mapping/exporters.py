"""What an exporting tool's header layout says of whose a column is: the people a lookup found at a
company (Clay's), a report joining two modules (vtiger's), an account's email domain."""

from __future__ import annotations

import re
from collections import Counter

from leadspace_cli.mapping.aliases import _ADDRESS, BETWEEN_PLACES
from leadspace_cli.mapping.normal import CLAY_RESULTS
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.spec import Mapping


def layout(
    mapping: Mapping, columns: list[str], normalized: list[tuple[str, str]], people: bool, taken: set[str]
) -> None:
    """The header's layout read after its columns matched: a state between places, a report's
    modules, the people a lookup found, an account's email domain."""
    # A bare "Estado" between two places of the address sent (RD Station's "País, Estado, Cidade") is
    # its state; elsewhere, as often a status.
    sent = {c for p, c in mapping.fields.items() if p in _ADDRESS}
    for (_, before), (n, c), (_, after) in zip(normalized, normalized[1:], normalized[2:], strict=False):
        if n in BETWEEN_PLACES and {before, after} <= sent and "company.address.state" not in mapping.fields:
            mapping.fields["company.address.state"] = c
            taken.add(c)
    modules_id(mapping, columns, taken)
    found_people(mapping, taken)
    email_domain(mapping, people, taken)
    prefixed_id(mapping, normalized, taken)


_PERSON_OBJECTS = ("lead", "contact", "prospect", "person")


def prefixed_id(mapping: Mapping, normalized: list[tuple[str, str]], taken: set[str]) -> None:
    """Where the person's names are under their object's name (Lemlist's activities: "leadFirstName"),
    that object's id ("leadId") is the row's person's record, not a bare "_id" (the activity's)."""
    first, record = mapping.fields.get("person.first_name"), mapping.fields.get("external_id")
    if not isinstance(first, str) or not isinstance(record, str) or _normal(record) not in ("id", "recordid"):
        return
    kind = next((k for k in _PERSON_OBJECTS if _normal(first).startswith(k + "firstname")), None)
    own = next((c for n, c in normalized if kind and n == kind + "id"), None)
    if own is not None and own not in taken:
        mapping.fields["external_id"] = own
        taken.discard(record)
        taken.add(own)


def email_domain(mapping: Mapping, people: bool, taken: set[str]) -> None:
    """An account's email domain is its site (Copper's companies); beside people, a person's email's
    domain may be a free mail's: not sent."""
    site = mapping.fields.get("company.website")
    if isinstance(site, str) and _normal(site) == "emaildomain" and people:
        del mapping.fields["company.website"]
        taken.discard(site)


def found_people(mapping: Mapping, taken: set[str]) -> None:
    """A company's row with the people a lookup found there (Clay's "First Name - People - Results"):
    its bare phone and email are the company's (its listing's), not the person found."""
    names = [mapping.fields.get(p) for p in ("person.first_name", "person.last_name", "person.full_name")]
    if not any(isinstance(c, str) and CLAY_RESULTS.match(c) for c in names):
        return
    for path in ("person.person_phone", "person.email"):
        column = mapping.fields.get(path)
        if isinstance(column, str) and not CLAY_RESULTS.match(column):
            del mapping.fields[path]
            mapping.candidates.pop(path, None)
            taken.discard(column)
            mapping.notes.append(
                f"{column!r} is the company's, not the person found there: not sent as {path}."
            )


_MODULE = re.compile(r"^\s*([A-Z][a-z]+s) (?=\S)")


def modules_id(mapping: Mapping, columns: list[str], taken: set[str]) -> None:
    """A report joining two modules ("Assets Asset Name" beside "Organizations Organization ID",
    vtiger's): an id is one module's, and which module the rows are is not said. It is sent only
    where the person's names sent are of its own module."""
    record = mapping.fields.get("external_id")
    modules = Counter(m[1] for c in columns if (m := _MODULE.match(c)))
    if not isinstance(record, str) or len([w for w, n in modules.items() if n >= 2]) < 2:
        return
    own = _MODULE.match(record)
    names = [mapping.fields.get(p) for p in ("person.first_name", "person.last_name", "person.full_name")]
    if own and any(isinstance(c, str) and c.startswith(own[1] + " ") for c in names):
        return
    del mapping.fields["external_id"]
    taken.discard(record)
    mapping.notes.append(f"{record!r} is one module's of a report joining several: not sent as external_id.")
