"""Column mappings: TOML files and header detection, turned into request bodies.

Also the document's minimum-input rule: an account needs the company name; a person needs first
name, last name, and one of company name, email address or website.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadspace_cli import fields
from leadspace_cli.errors import InputError, MappingError
from leadspace_cli.records import Source, row_problem

Body = dict[str, Any]

# Header names seen in real exports (Salesforce, HubSpot, Marketo, Apollo, Sales Navigator, ...),
# compared after lower-casing and dropping everything but letters and digits. The first field
# whose alias matches takes the column; within a field, earlier aliases win.
ALIASES: dict[str, tuple[str, ...]] = {
    # The row's own record id (tool names are dropped first: "Apollo Contact Id" is a contact id).
    # An account's or a company's id only in a file without people: in a people export it is
    # the parent record's.
    "external_id": (
        "externalid",
        "recordid",
        "id",
        "leadid",
        "contactid",
        "personid",
        "prospectid",
        "crmid",
        "salesforceid",
        "sfdcid",
        "marketoid",
        "hubspotid",
        "hsobjectid",
        "uuid",
        "accountid",
        "companyid",
        "organizationid",
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
        "emailwork",  # Pipedrive: Person - Email - Work
        "email1value",  # Google Contacts: E-mail 1 - Value
        "mail",
    ),
    # "Job Title" before "Title": Outlook's Title is Mr. or Ms.
    "person.title": (
        "jobtitle",
        "title",
        "position",
        "jobposition",
        "designation",
        "currenttitle",
        "currentpositiontitle",
        "organization1title",
        "headline",
    ),
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
        "phone1",
        "primaryphone",
        "phonework",
        "phonemobile",
        "phone1value",
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
        "currentemployer",
        "currentcompanyname",
        "displayname",  # Close: the lead is the company
        "leadname",
        "organization1name",  # Google Contacts
        "associatedcompanyprimary",  # HubSpot's table view
        "companynamecleaned",  # Seamless
    ),
    "company.website": (
        "website",
        "companywebsite",
        "websiteurl",
        "web",
        "webpage",
        "domain",
        "companydomain",
        "companydomainname",
        "websitedomain",
        "companywebsitedomain",
        "currentemployerdomain",
        "currentemployerwebsite",
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
        "stateorprovince",
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
        "street1",
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
# The person's own country, best first: a home or "other" address is not where they work.
_PERSON_COUNTRY_PREFIXES = ("mailing", "contact", "person", "lead")
# A tool's name before a header ("Apollo Contact Id", "ZoomInfo Company ID") says nothing of the field.
_TOOL_PREFIX = re.compile(
    r"^(apollo|zoominfo|hubspot|salesforce|sfdc|marketo|pardot|zoho|pipedrive|seamless|dynamics|"
    r"crunchbase|rocketreach|lusha|close)(?=.)"
)
# The person's fields under a prefix (Close's primary_contact_email, Pipedrive's Person - Email).
_PERSON_FIELD_PREFIX = re.compile(r"^(primarycontact|contact|person|prospect|lead)(?=.)")
# Columns that hold a website only when their values say so (a LinkedIn profile is not a
# website): left out by the headers, taken by refine() when the values are company sites.
URL_COLUMNS = ("url", "companyurl", "link", "weburl")
_NAME_ALIASES = ("firstname", "lastname", "fullname", "name", "contactname", "personname", "givenname")
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
