"""A mapping detected from the headers of an input, and checked against its values."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from leadspace_cli.errors import InputError, MappingError
from leadspace_cli.formats.rows import Row, Source
from leadspace_cli.mapping.aliases import (
    _ADDRESS,
    _NAME_ALIASES,
    _PERSON_COUNTRY_PREFIXES,
    _PERSON_FIELD_PREFIX,
    _TOOL_PREFIX,
    ACCOUNT_EVIDENCE,
    ADDRESS_BLOCKS,
    ALIASES,
    COMPANY_PREFIX,
    FIRST_NAME_BESIDE_LAST,
    LAST_NAME_BESIDE_FIRST,
    NO_FALLBACK,
    PERSON_AFTER_PREFIX,
    PERSON_PREFIX,
    PLURALS,
    PREFIXED_ONLY,
    SYSTEM_COLUMN,
    URL_COLUMNS,
    WEAK_COMPANY_PREFIX,
    normalize_header,
    qualified,
)
from leadspace_cli.mapping.body import _fetcher
from leadspace_cli.mapping.spec import Mapping, shown

_JOINED = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}):\s*(\S.*)$")  # a report's "Contact: Contact ID"
_DUPLICATE = re.compile(r"^(.*)_(\d+)$")  # the reader's name for a repeated header: "City_2"
_BLOCK_WORDS = ("name", "companyname", "website", "domain", "phone", "street", "city", "state", "country")
_REQUIRED = re.compile(r"^\s*\*+\s*")


def _system(column: str) -> bool:
    """Return whether a column is a system column (its name starts with "_"): never sent."""
    return column.lstrip().startswith(SYSTEM_COLUMN)


def _normal(column: str) -> str:
    """Return a header normalised for matching: tool names dropped, a report's object label joined.

    "Contact: Contact ID" is "contactid" (the object already leads the label), "Contact: Title" is
    "contacttitle", "Apollo Contact Id" is "contactid". A qualifier word is read as a prefix:
    "Straße geschäftlich" is "businessstrasse" (the company's street), "Ville (domicile)" "homeville".
    """
    column = _REQUIRED.sub("", column)  # an import template's required-field marker: "*ContactName"
    joined = _JOINED.match(column)
    if joined:
        obj = normalize_header(joined.group(1))
        label = qualified(joined.group(2)) or normalize_header(joined.group(2))
        name = label if label.startswith(obj) else obj + label
    else:
        name = qualified(column) or normalize_header(column)
    return _TOOL_PREFIX.sub("", name)


def _company_block(cols: list[str]) -> int | None:
    """Return where an appended associated-company block starts, or None.

    A contact export with its company's columns after the contact's repeats header names (the
    reader names the second "City" "City_2"): the first is the contact's, the second the company's.
    The block starts at the first repeated name, or at the company's name just before it.
    """
    present = set(cols)
    repeated = [i for i, c in enumerate(cols) if (m := _DUPLICATE.match(c)) and m.group(1) in present]
    if not repeated or not any(
        normalize_header(_DUPLICATE.sub(r"\1", cols[i])) in (*_BLOCK_WORDS, *_ADDRESS_WORDS) for i in repeated
    ):
        return None
    start = repeated[0]
    if start > 0 and normalize_header(cols[start - 1]) in _BLOCK_NAMES:
        start -= 1
    return start


_BLOCK_NAMES = ("name", "companyname", "company", "accountname", "organization", "organizationname")


def detect(columns: Iterable[str]) -> Mapping:
    """Map columns to request fields from their header names; when unsure, leave a field out.

    The traps of real exports: a person's location beside the company's (Apollo's City/State/Country
    beside Company City/...; Salesforce contacts' Mailing* address), decoys (Apollo's "Company Name
    for Emails"), headers that differ only by case (HubSpot's "Company Name" and "Company name"), a
    one-line joined address (not a street), an account file's bare "Name", a company block appended
    after a contact's (its headers repeated). Other columns that name a field are kept, best first,
    in ``candidates``: refine() chooses among them by their values and names the choice.
    """
    every = list(columns)
    cols = [c for c in every if not _system(c)]
    block = _company_block(cols)
    company_block: list[tuple[str, str]] = []
    if block is not None:
        # The company's columns by position; the contact's are matched as usual, their address as
        # the person's (under the "contact" prefix).
        company_block = [(_normal(_DUPLICATE.sub(r"\1", c)), c) for c in cols[block:]]
        contact = [(_normal(c), c) for c in cols[:block]]
        normalized = [("contact" + n if n in _ADDRESS_WORDS else n, c) for n, c in contact]
    else:
        normalized = [(_normal(c), c) for c in cols]
    normalized, blocks = _address_blocks(normalized)
    dnm = [(n.removeprefix("donotmodify"), c) for n, c in normalized if n.startswith("donotmodify")]
    bare_name = [c for n, c in normalized if n == "name"]
    person_columns = any(
        n in _PERSON_EVIDENCE or (n in _NAME_ALIASES and n != "name") or n.endswith(("firstname", "lastname"))
        for n, _ in normalized
    ) or _named_people(normalized)
    account_file = (
        bool(bare_name)
        and not person_columns
        and any(n in ACCOUNT_EVIDENCE or re.match(COMPANY_PREFIX, n) for n, _ in normalized)
    )
    people = not account_file and (
        any(
            _PERSON_FIELD_PREFIX.sub("", n) in _NAME_ALIASES or n.endswith(("firstname", "lastname"))
            for n, _ in normalized
        )
        or _named_people(normalized)
    )
    company_pref = [(_unprefixed(n), c) for n, c in normalized if re.match(COMPANY_PREFIX, n)]
    person_pref = [(re.sub(PERSON_PREFIX, "", n), c) for n, c in normalized if re.match(PERSON_PREFIX, n)]
    address_words = set(_ADDRESS_WORDS)
    # The company's location, split or in one column ("Company Address", "Company Location"): then
    # unprefixed City, State and Country are the person's (Apollo, Seamless).
    company_address = [
        c for n, c in company_pref if n in address_words | {"address", "location", "fulladdress"}
    ] + [c for n, c in company_block if n in address_words]
    # A one-line "location" beside names (LinkedIn scrapes, RocketReach): the places are the person's.
    person_places = people and not company_address and any(n == "location" for n, _ in normalized)
    stripped = [(_PERSON_FIELD_PREFIX.sub("", n), c) for n, c in normalized if _PERSON_FIELD_PREFIX.match(n)]
    # Columns a business qualifier marks ("Region geschäftlich", "Dép/Région (bureau)"), without it.
    business = [(n.removeprefix("business"), c) for n, c in normalized if n.startswith("business")]
    at_work = [
        (re.sub(r"^(business|work)", "", n), c) for n, c in normalized if re.match(r"^(business|work).", n)
    ]
    taken: set[str] = set()
    mapping = Mapping(detected=True)

    def hits(aliases: tuple[str, ...], candidates: list[tuple[str, str]]) -> list[str]:
        found = [c for a in aliases for n, c in candidates if n == a and c not in taken]
        return list(dict.fromkeys(found))

    def first(aliases: tuple[str, ...], candidates: list[tuple[str, str]]) -> str | None:
        return next(iter(hits(aliases, candidates)), None)

    for path, aliases in ALIASES.items():
        loose = tuple(a for a in aliases if a not in NO_FALLBACK)
        found: list[str] = []
        if path in _ADDRESS:
            found = (
                hits(aliases, company_block)
                or hits(aliases, company_pref)
                or hits(PREFIXED_ONLY.get(path, ()), business)
            )
            if not found and not company_address and not person_places:
                found = hits(aliases, normalized)  # unprefixed, and no company address beside it
        elif path == "external_id":
            own = tuple(a for a in aliases if a not in ("accountid", "companyid", "organizationid"))
            found = hits(("lead", "contact", "account"), dnm) or hits(own, normalized)[:1]
            if not found and not people:
                found = hits(aliases, normalized)[:1]
        elif path == "company.name" and company_block:
            found = hits(("name", *aliases), company_block) or hits(aliases, normalized)
        elif path == "company.name" and account_file:
            found = hits(aliases, normalized) or bare_name[:1]
        else:
            # "Telefon geschäftlich" is the person's phone at work: after "Telefon", before "Mobiltelefon".
            found = hits(
                aliases, normalized + (at_work if path in ("person.email", "person.person_phone") else [])
            )
            if not found and (path.startswith("person.") or path == "company.name"):
                found = hits(aliases, stripped)
        if path == "company.website":
            # "Account.Website", "Account: Website": the account's website under its object's name.
            found = found or hits(aliases, company_pref)
        if path == "company.website" and company_block:
            found = hits(aliases, company_block) or found
        if found:
            hit = found[0]
            others = [c for c in found[1:] if _normal(c) in loose or _normal(c) == _normal(hit)]
            mapping.fields[path] = hit
            taken.add(hit)
            if others:
                mapping.candidates[path] = others
                taken.update(others)
    _name_beside_name(mapping, normalized, taken)
    if not people:
        # No names, no person: an account file's Email and Phone are the company's (info@, the switchboard).
        for path in ("person.email", "person.person_phone", "person.title"):
            mapping.fields.pop(path, None)
            mapping.candidates.pop(path, None)
    # A company prefix before a person's field ("billing firstname") names no company; "Primary Address
    # City" is the company's only beside a company.
    company_evidence = [
        c
        for n, c in normalized
        if re.match(COMPANY_PREFIX, n)
        and not n.startswith(WEAK_COMPANY_PREFIX)
        and _unprefixed(n) not in PERSON_AFTER_PREFIX
    ]
    company_named = bool({"company.name", "company.website"} & set(mapping.fields)) or bool(company_evidence)
    weak = {c for n, c in normalized if n.startswith(WEAK_COMPANY_PREFIX)}
    if people and not company_named and not [c for c in company_address if c not in weak]:
        # Names and places, no company at all (a newsletter's subscribers): the places are the person's.
        for path in _ADDRESS:
            mapping.fields.pop(path, None)
            mapping.candidates.pop(path, None)
        person_places = True
    # The person's own country has a field of its own; the person's city and state have none.
    country = ALIASES["company.address.country"]
    ranked = sorted(
        ((n, c) for n, c in normalized if n.startswith(_PERSON_COUNTRY_PREFIXES)),
        key=lambda nc: next(i for i, p in enumerate(_PERSON_COUNTRY_PREFIXES) if nc[0].startswith(p)),
    )
    person_country = first(country, [(re.sub(PERSON_PREFIX, "", n), c) for n, c in ranked]) or (
        first(country, normalized) if company_address or person_places else None
    )
    if person_country is not None and person_country not in mapping.columns_used():
        mapping.fields["person.person_country"] = person_country
        taken.add(person_country)
    personal = [
        c
        for n, c in [*person_pref, *(normalized if company_address else [])]
        if n in address_words and c not in taken and c not in mapping.columns_used()
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
    if account_file and mapping.fields.get("company.name") in bare_name:
        mapping.notes.append(
            f"{bare_name[0]!r} is sent as company.name: the file has no person columns (an account export)."
        )
    system = [c for c in every if _system(c) and _normal(c.lstrip().lstrip(SYSTEM_COLUMN)) in _ALL_ALIASES]
    if system:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in system)} start{'s' if len(system) == 1 else ''} with '_': "
            f"{'a system column' if len(system) == 1 else 'system columns'} (a store's codes, a loader's "
            "stamps), not sent. To send one, pass a mapping (`leadspace mapping init`)."
        )
    if len(blocks) > 1 and any(mapping.fields.get(p) == c for p, c in blocks[0][1].items()):
        mapping.address_blocks = [b for _, b in blocks]
        mapping.notes.append(
            f"The file has {' and '.join(f'{label} ({_listed(b)})' for label, b in blocks)}: one is sent "
            f"whole, never a mix; the {blocks[0][0]} unless the rows read hold more of another. To "
            f"send another, {_HOW}."
        )
    _choose(mapping, lambda column: [], sampled=False)
    if block is not None:
        mapping.notes.append(
            f"The columns from {cols[block]!r} on repeat earlier headers: they are read as the associated "
            "company's (name, website, address), the earlier ones as the contact's."
        )
    return mapping


_ADDRESS_WORDS = tuple(a for path in _ADDRESS for a in ALIASES[path])
_ALL_ALIASES = {a for aliases in ALIASES.values() for a in aliases}


def _address_blocks(
    normalized: list[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, dict[str, str]]]]:
    """Return the columns with prefixed address blocks resolved, and the blocks (field -> column).

    Xero's "SACity" and "POCity" are the street and the postal address: the first block of
    ADDRESS_BLOCKS present is read as unprefixed address columns, the others are set aside, so that
    one address is sent whole (refine() may send another by the values). A block is two address
    columns or more under one prefix.
    """
    words = {a: path for path in _ADDRESS for a in ALIASES[path]}
    words.update(dict.fromkeys(PREFIXED_ONLY["company.address.state"], "company.address.state"))
    blocks: list[tuple[str, dict[str, str]]] = []
    for label, prefixes in ADDRESS_BLOCKS:
        found: dict[str, str] = {}
        for n, c in normalized:
            for prefix in prefixes:
                rest = n.removeprefix(prefix)
                if n.startswith(prefix) and rest in words and words[rest] not in found:
                    found[words[rest]] = c
        if len(found) >= 2:
            blocks.append((label, found))
    if not blocks:
        return normalized, []
    chosen = {c: path for path, c in blocks[0][1].items()}
    others = {c for _, b in blocks[1:] for c in b.values()}
    resolved = []
    for n, c in normalized:
        if c in chosen:
            n = ALIASES[chosen[c]][0]  # "city", "street", ...: read as unprefixed
        elif c in others:
            n = "setaside" + n
        resolved.append((n, c))
    return resolved, blocks


def _listed(block: dict[str, str]) -> str:
    return ", ".join(repr(block[p]) for p in _ADDRESS if p in block)


# Columns only a person has: with one of them, a bare "Name" is not an account's.
_PERSON_EVIDENCE = ("jobtitle", "title", "email", "emailaddress", "firstname", "lastname", "surname")


def _named_people(normalized: list[tuple[str, str]]) -> bool:
    """Return whether a given name and a family name sit side by side, in any language.

    One of them alone ("Nombre" in a Spanish accounts file) may be the account's name.
    """
    names = {n for n, _ in normalized}
    given = bool(names & set(ALIASES["person.first_name"]))
    family = bool(names & set(ALIASES["person.last_name"]))
    return (given and (family or bool(names & set(LAST_NAME_BESIDE_FIRST)))) or (
        family and bool(names & set(FIRST_NAME_BESIDE_LAST))
    )


def _name_beside_name(mapping: Mapping, normalized: list[tuple[str, str]], taken: set[str]) -> None:
    """Take a family name only beside a given name, and a given name only beside a family name."""
    pairs = (
        ("person.last_name", "person.first_name", LAST_NAME_BESIDE_FIRST),
        ("person.first_name", "person.last_name", FIRST_NAME_BESIDE_LAST),
    )
    for path, beside, names in pairs:
        if path in mapping.fields or beside not in mapping.fields:
            continue
        column = next((c for n, c in normalized if n in names and c not in taken), None)
        if column is not None:
            mapping.fields[path] = column
            taken.add(column)


def _unprefixed(name: str) -> str:
    """Return a company-prefixed header without its prefix, and "address" before an address word."""
    rest = re.sub(COMPANY_PREFIX, "", name)
    if rest.startswith("address") and rest.removeprefix("address") in _ADDRESS_WORDS:
        return rest.removeprefix("address")
    return rest


SAMPLE_ROWS = 200  # rows read ahead to judge a detected mapping by its values


_NOT_A_SITE = re.compile(
    r"(linkedin\.com|facebook\.com|twitter\.com|x\.com/|instagram\.com|crunchbase\.com|youtube\.com|"
    r"github\.com|google\.com/profiles|@)",
    re.IGNORECASE,
)


_SITE = re.compile(r"^(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


def refine(
    mapping: Mapping, columns: list[str], values: Callable[[str], list[str]], sampled: bool = True
) -> Mapping:
    """Check a detected mapping against the first rows' values (``values(column)``); note each change.

    - Where several columns name a field (``candidates``), a column empty in every row read is left
      out; a later one that fills rows the first leaves empty is added (the first non-empty value
      is sent); each choice is named. Without rows (``sampled`` false) the choice is only named.
    - An email column holding the same address in every row is an owner's (Apollo's Contact Owner
      exported as Email in some views), not the lead's: another email column is taken, or none.
    - A column named only "URL" (or "Company URL") is the company's website when its values are web
      sites, not LinkedIn or other profiles.
    """
    if sampled:
        _one_block(mapping, values)
        _one_value_per_cell(mapping, values)
    _choose(mapping, values, sampled)
    if sampled:
        _plural_columns(mapping, columns, values)
        _counterparty_name(mapping, columns, values)
    email = mapping.fields.get("person.email")
    if isinstance(email, str):
        seen = [v.strip().lower() for v in values(email) if v.strip()]
        name_columns = [
            mapping.columns_of(p)[0] for p in ("person.first_name", "person.last_name") if p in mapping.fields
        ]
        people = set(zip(*(values(c) for c in name_columns), strict=True)) if name_columns else set()
        # One address for every row, rows of different people (a file of one person's rows is not).
        if len(seen) >= 5 and len(set(seen)) == 1 and (len(people) > 1 or not name_columns):
            del mapping.fields["person.email"]
            others = [
                c
                for c in columns
                if c != email
                and not _system(c)
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
                f"{email!r} holds the same address in every row ({shown(seen[0])}): an owner's, not the "
                f"lead's, so {instead}. To send it anyway, pass a mapping (`leadspace mapping init`)."
            )
    if "company.website" not in mapping.fields:
        for column in columns:
            if _system(column) or normalize_header(column) not in URL_COLUMNS:
                continue
            if column in mapping.columns_used():
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


_HOW = "pass a mapping (`leadspace mapping init INPUT -o mapping.toml` writes one)"


def _one_block(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Send the address block the rows fill most (ties: the one detect() chose), whole."""
    blocks = mapping.address_blocks
    if len(blocks) < 2 or not any(mapping.fields.get(p) == c for p, c in blocks[0].items()):
        return
    filled = [sum(bool(v.strip()) for c in b.values() for v in values(c)) for b in blocks]
    best = max(range(len(blocks)), key=lambda i: (filled[i], -i))
    if best == 0:
        return
    for path in _ADDRESS:
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)
    mapping.fields.update(blocks[best])
    mapping.notes.append(
        f"The rows read fill {_listed(blocks[best])} more than {_listed(blocks[0])}: that address is sent."
    )


_EMAIL_IN_TEXT = re.compile(r"[^\s@,;|<>()]+@[^\s@,;|<>()]+")


def _several(path: str, value: str) -> bool:
    """Return whether a cell holds several e-mail addresses or phone numbers ("a@x.com, b@y.com")."""
    if path == "person.email":
        return len(_EMAIL_IN_TEXT.findall(value)) > 1
    parts = re.split(r"\s*(?:[|;,\n]|:::)\s*", value)
    return sum(len(re.sub(r"\D", "", part)) >= 7 for part in parts) > 1


def _one(path: str, value: str) -> bool:
    """Return whether a cell holds one e-mail address or one phone number, and nothing else of note."""
    if path == "person.email":
        return len(_EMAIL_IN_TEXT.findall(value)) == 1
    return len(re.sub(r"\D", "", value)) >= 7 and not _several(path, value)


def _one_value_per_cell(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out an e-mail or phone column whose cells hold several values (Attio's "Email addresses").

    Which of them is the person's work address cannot be told; sending the cell sends none of them.
    """
    for path in ("person.email", "person.person_phone"):
        options = [*mapping.columns_of(path), *mapping.candidates.get(path, [])]
        joined = [c for c in options if any(_several(path, v) for v in values(c))]
        if not joined:
            continue
        kept = [c for c in options if c not in joined]
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)
        if kept:
            mapping.fields[path] = kept[0]
            if kept[1:]:
                mapping.candidates[path] = kept[1:]
        what = "addresses" if path == "person.email" else "numbers"
        mapping.notes.append(
            f"{', '.join(repr(c) for c in joined)} hold{'s' if len(joined) == 1 else ''} several {what} in "
            f"one cell in the rows read: not sent as {path}. To send one, {_HOW}."
        )


def _plural_columns(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a plural-named e-mail or phone column when its cells hold one value each, in a file of people."""
    if not {"person.first_name", "person.last_name"} & set(mapping.fields):
        return
    for path, plurals in PLURALS.items():
        if path in mapping.fields:
            continue
        for column in columns:
            if column in mapping.columns_used() or _system(column):
                continue
            if _PERSON_FIELD_PREFIX.sub("", _normal(column)) not in plurals:
                continue
            seen = [v for v in values(column) if v.strip()]  # a JSON list reads as empty
            if not seen or not all(_one(path, v) for v in seen):
                continue
            mapping.fields[path] = column
            mapping.notes.append(f"{column!r} holds one value per cell in the rows read: sent as {path}.")
            break


# Header names an accounting tool gives its counterparty (Xero's "*ContactName": the organisation,
# or the person when the contact is one), beside the contact person's own names.
_COUNTERPARTY = ("contactname",)


def _counterparty_name(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a counterparty's name as company.name when, in every row read, it is not the person's name.

    Xero's contact is an organisation or a person: its "*ContactName" beside FirstName and LastName is
    the organisation's name only in rows where it is not "First Last". One row where it is the
    person's name (or holds the family name) and the column is left out.
    """
    if "company.name" in mapping.fields:
        return
    names = [mapping.columns_of(p) for p in ("person.first_name", "person.last_name")]
    if not all(names):
        return
    firsts, lasts = values(names[0][0]), values(names[1][0])
    for column in columns:
        if column in mapping.columns_used() or _system(column) or _normal(column) not in _COUNTERPARTY:
            continue
        rows = [
            (" ".join(v.split()).casefold(), f.strip().casefold(), last.strip().casefold())
            for v, f, last in zip(values(column), firsts, lasts, strict=True)
            if v.strip()
        ]
        if len(rows) < 3 or any(
            v in (f"{f} {last}", f"{last} {f}", f"{last}, {f}") or (len(last) > 1 and last in v)
            for v, f, last in rows
        ):
            continue
        mapping.fields["company.name"] = column
        mapping.notes.append(
            f"{column!r} is never the person's name in the rows read: sent as company.name (the "
            "organisation the contact is)."
        )
        return


def _header_choice(path: str, options: list[str]) -> str:
    others = ", ".join(repr(c) for c in options[1:])
    return f"{options[0]!r} and {others} look like {path}: {options[0]!r} is sent. To send another, {_HOW}."


def _choose(mapping: Mapping, values: Callable[[str], list[str]], sampled: bool) -> None:
    """Choose among the columns that name each field by their values; name every choice.

    Without rows (``sampled`` false) each choice is named from the headers alone (detect() does);
    with rows, those notes give way to the choice the values make.
    """
    how = _HOW
    for path in list(mapping.fields):
        chosen = mapping.columns_of(path)
        options = list(dict.fromkeys([*chosen, *mapping.candidates.get(path, [])]))
        if len(options) > 1 and sampled:
            header_note = _header_choice(path, options)
            mapping.notes[:] = [n for n in mapping.notes if n != header_note]
        if len(options) == 1 and not sampled:
            continue
        if not sampled:
            mapping.notes.append(_header_choice(path, options))
            continue
        filled = {c: [bool(v.strip()) for v in values(c)] for c in options}
        with_values = [c for c in options if any(filled[c])]
        if not with_values:
            del mapping.fields[path]
            mapping.notes.append(
                f"{', '.join(repr(c) for c in options)} {'is' if len(options) == 1 else 'are'} "
                f"empty in the rows read: {path} is not sent."
            )
            continue
        first, used = with_values[0], [with_values[0]]
        covered = filled[first]
        for column in with_values[1:]:
            if any(f and not c for f, c in zip(filled[column], covered, strict=True)):
                used.append(column)
                covered = [f or c for f, c in zip(filled[column], covered, strict=True)]
        mapping.fields[path] = used[0] if len(used) == 1 else used
        empty = [c for c in options if c not in with_values]
        if len(used) > 1:
            mapping.notes.append(
                f"{path}: the first non-empty of {', '.join(repr(c) for c in used)} is sent (each fills "
                f"rows the one before leaves empty). To send one only, {how}."
            )
        elif first != options[0]:
            mapping.notes.append(
                f"{', '.join(repr(c) for c in empty)} {'is' if len(empty) == 1 else 'are'} empty in the rows "
                f"read: {first!r} is sent as {path}."
            )
        elif len(with_values) > 1:
            others = ", ".join(repr(c) for c in with_values[1:])
            mapping.notes.append(
                f"{first!r} and {others} both look like {path}: {first!r} is sent. To send another, {how}."
            )


def detect_source(source: Source, sample_rows: int = SAMPLE_ROWS) -> Mapping:
    """Detect a mapping from a source's headers, then check it against its first rows' values.

    The rows read ahead are put back: the source reads as if nothing had been taken.
    """
    mapping = detect(source.columns)
    sample: list[Row] = []
    rest = source.rows
    stopped: InputError | None = None
    try:
        sample.extend(itertools.islice(rest, sample_rows))
    except InputError as exc:  # met midway (a stray quote on stdin): raised where it was met
        stopped = exc

    def replay() -> Iterator[Row]:
        yield from sample
        if stopped is not None:
            raise stopped
        yield from rest

    source.rows = replay()
    usable = [row for row in sample if row.problem is None]

    def values(column: str) -> list[str]:
        fetch = _fetcher(source, [column])  # a JSON object or array reads as empty: never sent
        return [str(fetch(row)[0]) for row in usable]

    return refine(mapping, list(source.columns), values, sampled=bool(usable))


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
    return mapping
