"""A mapping detected from the headers of an input, and checked against its values."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from leadspace_cli.errors import InputError, MappingError
from leadspace_cli.formats.rows import Source, row_problem
from leadspace_cli.mapping.aliases import (
    _ADDRESS,
    _NAME_ALIASES,
    _PERSON_COUNTRY_PREFIXES,
    _PERSON_FIELD_PREFIX,
    _TOOL_PREFIX,
    ALIASES,
    COMPANY_PREFIX,
    PERSON_PREFIX,
    URL_COLUMNS,
    normalize_header,
)
from leadspace_cli.mapping.spec import Mapping


def detect(columns: Iterable[str]) -> Mapping:
    """Map columns to request fields from their header names; when unsure, leave a field out.

    The traps of real exports: a person's location beside the company's (Apollo's City/State/Country
    beside Company City/...; Salesforce contacts' Mailing* address), decoys (Apollo's "Company Name
    for Emails"), headers that differ only by case (HubSpot's "Company Name" and "Company name"), a
    one-line joined address (not a street). Each ambiguous choice is named in ``notes``.
    """
    cols = list(columns)
    normalized = [(_TOOL_PREFIX.sub("", normalize_header(c)), c) for c in cols]
    dnm = [(n.removeprefix("donotmodify"), c) for n, c in normalized if n.startswith("donotmodify")]
    people = any(
        _PERSON_FIELD_PREFIX.sub("", n) in _NAME_ALIASES or n.endswith(("firstname", "lastname"))
        for n, _ in normalized
    )
    company_pref = [(re.sub(COMPANY_PREFIX, "", n), c) for n, c in normalized if re.match(COMPANY_PREFIX, n)]
    person_pref = [(re.sub(PERSON_PREFIX, "", n), c) for n, c in normalized if re.match(PERSON_PREFIX, n)]
    address_words = {a for path in _ADDRESS for a in ALIASES[path]}
    # The company's location, split or in one column ("Company Address", "Company Location"): then
    # unprefixed City, State and Country are the person's (Apollo, Seamless).
    company_address = [
        c for n, c in company_pref if n in address_words | {"address", "location", "fulladdress"}
    ]
    # A one-line "location" beside names (LinkedIn scrapes, RocketReach): the places are the person's.
    person_places = people and not company_address and any(n == "location" for n, _ in normalized)
    stripped = [(_PERSON_FIELD_PREFIX.sub("", n), c) for n, c in normalized if _PERSON_FIELD_PREFIX.match(n)]
    taken: set[str] = set()
    mapping = Mapping(detected=True)

    def first(aliases: tuple[str, ...], candidates: list[tuple[str, str]]) -> str | None:
        return next((c for a in aliases for n, c in candidates if n == a and c not in taken), None)

    for path, aliases in ALIASES.items():
        if path in _ADDRESS:
            hit = first(aliases, company_pref)
            if hit is None and not company_address and not person_places:
                hit = first(aliases, normalized)  # unprefixed, and no company address beside it
        elif path == "external_id":
            own = tuple(a for a in aliases if a not in ("accountid", "companyid", "organizationid"))
            hit = first(("lead", "contact", "account"), dnm) or first(own, normalized)
            if hit is None and not people:
                hit = first(aliases, normalized)
        else:
            hit = first(aliases, normalized)
            if hit is None and (path.startswith("person.") or path == "company.name"):
                hit = first(aliases, stripped)
        if hit is not None:
            mapping.fields[path] = hit
            taken.add(hit)
            twins = [c for n, c in normalized if c != hit and n == normalize_header(hit) and c not in taken]
            if twins:
                mapping.notes.append(
                    f"{hit!r} and {twins[0]!r} both look like {path}: {hit!r} is sent. To send the "
                    "other, pass a mapping (`leadspace mapping init INPUT -o mapping.toml` writes one)."
                )
    if not people:
        # No names, no person: an account file's Email and Phone are the company's (info@, the switchboard).
        for path in ("person.email", "person.person_phone", "person.title"):
            mapping.fields.pop(path, None)
    # The person's own country has a field of its own; the person's city and state have none.
    country = ALIASES["company.address.country"]
    ranked = sorted(
        ((n, c) for n, c in normalized if n.startswith(_PERSON_COUNTRY_PREFIXES)),
        key=lambda nc: next(i for i, p in enumerate(_PERSON_COUNTRY_PREFIXES) if nc[0].startswith(p)),
    )
    person_country = first(country, [(re.sub(PERSON_PREFIX, "", n), c) for n, c in ranked]) or (
        first(country, normalized) if company_address or person_places else None
    )
    if person_country is not None:
        mapping.fields["person.person_country"] = person_country
        taken.add(person_country)
    personal = [
        c
        for n, c in [*person_pref, *(normalized if company_address else [])]
        if n in address_words and c not in taken and c not in mapping.fields.values()
    ]
    if company_address and personal:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in personal)} look like the person's location (the file has "
            f"{', '.join(repr(c) for c in company_address[:3])} for the company's): they are not sent as "
            "the company's address. To send them, pass a mapping (`leadspace mapping init`)."
        )
    elif personal:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in personal)} look like the person's own address: not sent as the "
            "company's. To send them, pass a mapping (`leadspace mapping init`)."
        )
    return mapping


SAMPLE_ROWS = 200  # rows read ahead to judge a detected mapping by its values


_NOT_A_SITE = re.compile(
    r"(linkedin\.com|facebook\.com|twitter\.com|x\.com/|instagram\.com|crunchbase\.com|youtube\.com|"
    r"github\.com|google\.com/profiles|@)",
    re.IGNORECASE,
)


_SITE = re.compile(r"^(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


def refine(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> Mapping:
    """Check a detected mapping against the first rows' values (``values(column)``); note each change.

    - An email column holding the same address in every row is an owner's (Apollo's Contact Owner
      exported as Email in some views), not the lead's: another email column is taken, or none.
    - A column named only "URL" (or "Company URL") is the company's website when its values are web
      sites, not LinkedIn or other profiles.
    """
    email = mapping.fields.get("person.email")
    if email is not None:
        seen = [v.strip().lower() for v in values(email) if v.strip()]
        name_columns = [
            mapping.fields[p] for p in ("person.first_name", "person.last_name") if p in mapping.fields
        ]
        people = set(zip(*(values(c) for c in name_columns), strict=True)) if name_columns else set()
        # One address for every row, rows of different people (a file of one person's rows is not).
        if len(seen) >= 5 and len(set(seen)) == 1 and (len(people) > 1 or not name_columns):
            del mapping.fields["person.email"]
            others = [
                c
                for c in columns
                if c != email
                and c not in mapping.columns_used()
                and _TOOL_PREFIX.sub("", normalize_header(c)) in ALIASES["person.email"]
            ]
            alternative = next(
                (c for c in others if len({v.strip().lower() for v in values(c) if v.strip()}) > 1), None
            )
            if alternative is not None:
                mapping.fields["person.email"] = alternative
            instead = f"it is not sent; {alternative!r} is" if alternative else "no email is sent"
            mapping.notes.append(
                f"{email!r} holds the same address in every row ({seen[0]}): an owner's, not the lead's, "
                f"so {instead}. To send it anyway, pass a mapping (`leadspace mapping init`)."
            )
    if "company.website" not in mapping.fields:
        for column in columns:
            if normalize_header(column) not in URL_COLUMNS or column in mapping.columns_used():
                continue
            seen = [v.strip() for v in values(column) if v.strip()]
            sites = [v for v in seen if _SITE.match(v) and not _NOT_A_SITE.search(v)]
            if len(seen) >= 3 and len(sites) >= 0.9 * len(seen):
                mapping.fields["company.website"] = column
                mapping.notes.append(f"{column!r} holds web sites: sent as company.website.")
                break
            if seen:
                mapping.notes.append(
                    f"{column!r} holds links that are not company web sites (profiles?): not sent."
                )
    return mapping


def detect_source(source: Source, sample_rows: int = SAMPLE_ROWS) -> Mapping:
    """Detect a mapping from a source's headers, then check it against its first rows' values.

    The rows read ahead are put back: the source reads as if nothing had been taken.
    """
    mapping = detect(source.columns)
    sample: list[Any] = []
    rest = source.rows
    stopped: InputError | None = None
    try:
        sample.extend(itertools.islice(rest, sample_rows))
    except InputError as exc:  # met midway (a stray quote on stdin): raised where it was met
        stopped = exc

    def replay() -> Iterator[Any]:
        yield from sample
        if stopped is not None:
            raise stopped
        yield from rest

    source.rows = replay()
    usable = [row for row in sample if row_problem(row) is None]

    def values(column: str) -> list[str]:
        fetch = source.fetcher([column])
        return [str(fetch(row)[0]) for row in usable]

    return refine(mapping, list(source.columns), values)


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
        if not isinstance(column, str):
            raise MappingError(f"{path}: the mapping's {key!r} is not a column name.")
        if key.startswith("custom_fields."):
            mapping.custom[key.removeprefix("custom_fields.")] = column
        else:
            mapping.fields[key] = column
    return mapping
