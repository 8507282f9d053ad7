"""Column mappings: TOML files and header detection, turned into request bodies.

Also the document's minimum-input rule: an account needs the company name; a person needs first
name, last name, and one of company name, email address or website.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadspace_cli import fields
from leadspace_cli.errors import MappingError
from leadspace_cli.records import Source, row_problem

Body = dict[str, Any]

# Header names seen in real exports (Salesforce, HubSpot, Marketo, Apollo, Sales Navigator, ...),
# compared after lower-casing and dropping everything but letters and digits. The first field
# whose alias matches takes the column; within a field, earlier aliases win.
ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": (
        "externalid",
        "leadid",
        "contactid",
        "accountid",
        "recordid",
        "id",
        "personid",
        "crmid",
        "salesforceid",
        "sfdcid",
        "marketoid",
        "hubspotid",
        "hsobjectid",
        "uuid",
    ),
    "person.first_name": (
        "firstname",
        "first",
        "givenname",
        "fname",
        "forename",
        "contactfirstname",
        "vorname",  # German, French, Dutch, Spanish, Italian Excel exports
        "prenom",
        "voornaam",
        "nombre",
    ),
    "person.last_name": (
        "lastname",
        "last",
        "surname",
        "familyname",
        "lname",
        "contactlastname",
        "nachname",
        "familienname",
        "achternaam",
        "apellido",
        "apellidos",
        "cognome",
    ),
    "person.email": (
        "email",
        "emailaddress",
        "workemail",
        "businessemail",
        "contactemail",
        "primaryemail",
        "email1",
        "mail",
        "emails",
    ),
    "person.title": ("title", "jobtitle", "position", "jobposition", "designation", "headline"),
    "person.person_phone": (
        "phone",
        "phonenumber",
        "businessphone",
        "workphone",
        "directphone",
        "workdirectphone",
        "firstphone",
        "mobilephone",
        "mobile",
        "mobilenumber",
        "telephone",
        "directdial",
    ),
    "company.name": (
        "company",
        "companyname",
        "accountname",
        "account",
        "organization",
        "organisation",
        "organizationname",
        "employer",
        "currentcompany",
        "firma",
        "firmenname",
        "unternehmen",
        "societe",
        "entreprise",
        "bedrijf",
        "bedrijfsnaam",
        "empresa",
        "azienda",
        "business",
    ),
    "company.website": (
        "website",
        "companywebsite",
        "websiteurl",
        "companyurl",
        "url",
        "web",
        "domain",
        "companydomain",
        "companydomainname",
        "websitedomain",
        "homepage",
        "webseite",
        "siteweb",
    ),
    "company.lsid": ("lsid", "companylsid", "leadspaceid"),
    "company.address.country": (
        "country",
        "companycountry",
        "countryregion",
        "billingcountry",
        "countrycode",
        "accountcountry",
        "hqcountry",
        "land",
        "pays",
        "pais",
        "paese",
    ),
    "company.address.state": (
        "state",
        "stateprovince",
        "stateregion",
        "province",
        "companystate",
        "billingstate",
        "statecode",
        "county",
    ),
    "company.address.city": (
        "city",
        "companycity",
        "billingcity",
        "town",
        "locality",
        "stadt",
        "ort",
        "ville",
        "plaats",
        "ciudad",
        "citta",
    ),
    "company.address.street": (
        "street",
        "streetaddress",
        "address1",
        "addressline1",
        "companystreet",
        "billingstreet",
    ),
    "company.address.postalcode": (
        "postalcode",
        "zip",
        "zipcode",
        "zippostalcode",
        "postcode",
        "companypostalcode",
        "billingpostalcode",
        "billingzip",
        "companyzip",
        "postal",
        "plz",
        "postleitzahl",
        "codepostal",
    ),
}


# Address columns: the company's when prefixed so (Salesforce Billing*, Apollo Company City), the
# person's when prefixed so (Salesforce contacts' Mailing*, Seamless Contact City).
COMPANY_PREFIX = r"^(billing|shipping|company|account|hq|organization|organisation|business|primary)"
PERSON_PREFIX = r"^(mailing|contact|person|home|other|lead)"
_ADDRESS = (
    "company.address.country",
    "company.address.state",
    "company.address.city",
    "company.address.street",
    "company.address.postalcode",
)


def normalize_header(name: str) -> str:
    """Return a header name reduced to lower-case letters and digits."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


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


def detect(columns: Iterable[str]) -> Mapping:
    """Map columns to request fields from their header names; when unsure, leave a field out.

    The traps of real exports: a person's location beside the company's (Apollo's City/State/Country
    beside Company City/...; Salesforce contacts' Mailing* address), decoys (Apollo's "Company Name
    for Emails"), headers that differ only by case (HubSpot's "Company Name" and "Company name"), a
    one-line joined address (not a street). Each ambiguous choice is named in ``notes``.
    """
    cols = list(columns)
    normalized = [(normalize_header(c), c) for c in cols]
    company_pref = [(re.sub(COMPANY_PREFIX, "", n), c) for n, c in normalized if re.match(COMPANY_PREFIX, n)]
    person_pref = [(re.sub(PERSON_PREFIX, "", n), c) for n, c in normalized if re.match(PERSON_PREFIX, n)]
    address_words = {a for path in _ADDRESS for a in ALIASES[path]}
    company_address = [c for n, c in company_pref if n in address_words]
    taken: set[str] = set()
    mapping = Mapping(detected=True)

    def first(aliases: tuple[str, ...], candidates: list[tuple[str, str]]) -> str | None:
        return next((c for a in aliases for n, c in candidates if n == a and c not in taken), None)

    for path, aliases in ALIASES.items():
        if path in _ADDRESS:
            hit = first(aliases, company_pref)
            if hit is None and not company_address:
                hit = first(aliases, normalized)  # unprefixed, and no company address beside it
        else:
            hit = first(aliases, normalized)
        if hit is not None:
            mapping.fields[path] = hit
            taken.add(hit)
            twins = [c for n, c in normalized if c != hit and n == normalize_header(hit) and c not in taken]
            if twins:
                mapping.notes.append(
                    f"{hit!r} and {twins[0]!r} both look like {path}: {hit!r} is sent. To send the "
                    "other, pass a mapping (`leadspace mapping init INPUT -o mapping.toml` writes one)."
                )
    # The person's own country has a field of its own; the person's city and state have none.
    country = ALIASES["company.address.country"]
    person_country = first(country, person_pref) or (first(country, normalized) if company_address else None)
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


def closest(word: str, choices: Iterable[str]) -> str:
    options = list(choices)
    near = difflib.get_close_matches(word, options, n=3, cutoff=0.5)
    if not near:
        near = difflib.get_close_matches(word.lower(), [o.lower() for o in options], n=3, cutoff=0.4)
        lookup = {o.lower(): o for o in options}
        near = [lookup[n] for n in near]
    return ", ".join(repr(n) for n in near) if near else "none close; see `leadspace fields`"


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

    Runs once per row, so it is flat: one fetch of the mapped cells, then one comprehension per
    object of the request (top level, person, company, company.address).
    """
    columns: list[str] = []
    groups: dict[str, list[tuple[int, str]]] = {"": [], "person": [], "company": [], "company.address": []}
    for path, column in mapping.fields.items():
        parent, _, key = path.rpartition(".")
        groups[parent].append((len(columns), key))
        columns.append(column)
    custom = []
    for name, column in mapping.custom.items():
        custom.append((len(columns), name))
        columns.append(column)
    fetch = source.fetcher(columns)
    top, person, company, address = (groups[k] for k in ("", "person", "company", "company.address"))

    def build(row: Any) -> Body:
        values = fetch(row)
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
