"""What the rows read say a record or a column is: a company filed as a lead, a company's line in a
person's phone column (rules of the values, which leave fields out rather than send a wrong one; see
``judge``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.aliases import (
    _PERSON_FIELD_PREFIX,
    _TOOL_PREFIX,
    ALIASES,
    normalize_header,
    system_column,
)
from leadspace_cli.mapping.choose import _private_share
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.organisations import contact_person
from leadspace_cli.mapping.prefixes import file_prefix
from leadspace_cli.mapping.spec import Mapping, shown

_WORD = re.compile(r"[^\W_]+")


def _folded(value: str) -> str:
    return " ".join(_WORD.findall(value.casefold()))


def companies_as_leads(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out the person's fields of a lead file whose "Last Name" repeats the company's name in
    most rows: a CRM that requires a last name gets the company's where no person is known (a Zoho or
    Salesforce lead of an organisation), so the rows are companies and their phone is the company's."""
    last, company = mapping.fields.get("person.last_name"), mapping.fields.get("company.name")
    if not isinstance(last, str) or not isinstance(company, str):
        return
    pairs = [(_folded(a), _folded(b)) for a, b in zip(values(last), values(company), strict=True)]
    both = [(a, b) for a, b in pairs if a and b]
    same = sum(a == b for a, b in both)
    if len(both) < 3 or 2 * same < len(both):
        return
    firsts = mapping.fields.get("person.first_name")
    if isinstance(firsts, str) and sum(bool(v.strip()) for v in values(firsts)) * 2 >= len(both):
        return  # people are named too: a person whose family name is their firm's (rare), kept
    dropped = [
        p for p in ("person.last_name", "person.first_name", "person.person_phone") if p in mapping.fields
    ]
    for path in dropped:
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)
    mapping.notes.append(
        f"{last!r} repeats {company!r} in {same} of the {len(both)} rows read: the rows are companies "
        f"filed as leads, so {', '.join(dropped)} {'is' if len(dropped) == 1 else 'are'} not sent."
    )


# A company's own line: "Company Phone 1" (Seamless), "Account Phone", "Main Phone", "HQ Phone".
_COMPANY_LINE = re.compile(
    r"^(company|account|organi[sz]ation|main|hq|headquarters?|switchboard)(phone|tel|telephone)"
    r"(number)?\d*$"
)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def company_line(
    mapping: Mapping,
    columns: list[str],
    values: Callable[[str], list[str]],
    instead: Callable[[], str | None],
) -> None:
    """Leave out the person's phone when its numbers are the company's own line in most rows read (a
    vendor's "Contact Phone" filled from its "Company Phone 1"); ``instead`` takes another phone
    column of the person's, which is left out too if it is that line as well."""
    phone = mapping.fields.get("person.person_phone")
    if not isinstance(phone, str):
        return
    lines = [c for c in columns if c != phone and _COMPANY_LINE.match(normal(c))]

    def companys(column: str) -> str | None:
        mine = [_digits(v) for v in values(column)]
        for line in lines:
            pairs = zip(mine, map(_digits, values(line)), strict=True)
            both = [(a, b) for a, b in pairs if min(len(a), len(b)) >= 7]
            same = sum(a == b for a, b in both)
            if same >= 2 and 2 * same >= len(both):
                return line
        return None

    line = companys(phone)
    if line is None:
        return
    alternative = instead()
    if alternative is not None and companys(alternative) is not None:
        mapping.fields.pop("person.person_phone", None)
        alternative = None
    sent = f"{alternative!r} is sent" if alternative else "no phone is sent"
    mapping.notes.append(
        f"{phone!r} holds the numbers of {line!r} (the company's own line) in the rows read: not the "
        f"person's phone; {sent}."
    )


def owners_email(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """An email column holding an owner's address (one in every row, or a few at one domain taking
    turns over the rows of more people) is not the lead's: another email column is sent, or none."""
    email = mapping.fields.get("person.email")
    if isinstance(email, str):
        seen = [v.strip().lower() for v in values(email) if v.strip()]
        name_columns = [
            mapping.columns_of(p)[0] for p in ("person.first_name", "person.last_name") if p in mapping.fields
        ]
        named = [[v.strip().lower() for v in values(c)] for c in name_columns]
        people = set(zip(*named, strict=True)) if name_columns else set()  # "Vera " is "Vera"
        # One address for every row, rows of different people (a file of one person's rows is not);
        # or a few at one domain taking turns over the rows of more people (three sales reps').
        distinct = sorted(set(seen))
        turns = 1 < len(distinct) <= 5 and len({a.rpartition("@")[2] for a in distinct}) == 1
        turns = turns and len(distinct) * 3 <= len(seen) and len(people) > len(distinct)
        if len(seen) >= 5 and ((len(distinct) == 1 and (len(people) > 1 or not name_columns)) or turns):
            del mapping.fields["person.email"]
            others = [
                c
                for c in columns
                if c != email
                and not system_column(c)
                and c not in mapping.columns_used()
                and (
                    _TOOL_PREFIX.sub("", normalize_header(c)) in ALIASES["person.email"]
                    or re.fullmatch(
                        r"(prospect|lead|contact|person|attendee)email(address)?", normalize_header(c)
                    )
                )
            ]
            alternative = next(
                (
                    c
                    for c in others
                    if len({v.strip().lower() for v in values(c) if v.strip()}) > len(distinct)
                ),
                None,
            )
            if alternative is not None:
                mapping.fields["person.email"] = alternative
            instead = f"it is not sent; {alternative!r} is" if alternative else "no email is sent"
            held = (
                f"holds the same address in every row ({shown(seen[0])}): an owner's"
                if len(distinct) == 1
                else f"holds {len(distinct)} addresses ({', '.join(map(shown, distinct))}) taking turns over "
                f"the rows of {len(people)} people: owners'"
            )
            mapping.notes.append(
                f"{email!r} {held}, not the lead's, so {instead}. To send it anyway, pass a mapping "
                "(`leadspace mapping init`)."
            )


_EMPLOYER = re.compile(r"^(company|business|work|office|organi[sz]ation|account|employer|firm|hq|corporate)")


def _agency_address(mapping: Mapping) -> None:
    """An agency's address is the company's only where the agency is the row's company (its "Agency
    Name" sent as company.name): beside policyholders or a property's buyers it is the agent's
    office (review 47 F17)."""
    fields = mapping.fields
    company = fields.get("company.name")
    if isinstance(company, str) and normalize_header(company).startswith("agency"):
        return
    agency = [
        p
        for p in list(fields)
        if p.startswith("company.address.")
        and isinstance(fields[p], str)
        and normalize_header(str(fields[p])).startswith("agency")
    ]
    if agency:
        columns = [str(fields.pop(p)) for p in agency]
        mapping.notes.append(
            f"{', '.join(repr(c) for c in columns)}: the agency's address, and the agency is not the row's "
            "company: not sent."
        )


def finish(mapping: Mapping, values: Callable[[str], list[str]], columns: list[str]) -> None:
    """The checks that read the whole mapping chosen: whose address it is, and the record id."""
    _agency_address(mapping)
    customer_address(mapping, columns)
    _repeated_id(mapping, values)
    _regions(mapping, values)
    _status_state(mapping, values, columns)
    _flag_name(mapping, values, columns)
    _lone_person_country(mapping)
    homes(mapping, values)
    _street_line(mapping, values, columns)
    _title_of_names(mapping, values, columns)


def _title_of_names(mapping: Mapping, values: Callable[[str], list[str]], columns: list[str]) -> None:
    """Leave out a job title column that repeats the people's names (a merge field's leftover)."""
    title = mapping.fields.get("person.title")
    if not isinstance(title, str):
        return
    jobs = [v.strip().casefold() for v in values(title)]
    others = set(mapping.candidates.get("person.title", []))  # another column of the jobs, no names
    for column in columns:
        if column == title or column in others or normal(column) in ALIASES["person.title"]:
            continue
        names = [v.strip().casefold() for v in values(column)]
        same = sum(1 for j, n in zip(jobs, names, strict=False) if j and j == n)
        if same >= 3 and same >= 0.8 * sum(1 for j in jobs if j) and any(" " in n for n in names):
            del mapping.fields["person.title"]
            mapping.notes.append(
                f"{title!r} repeats {column!r} (the people's names), no job title: not sent."
            )
            return


_STREET_LINE = re.compile(r"^\s*\d+[A-Za-z]?\s+\S.*$|^\s*\S.*\s\d+[A-Za-z]?\s*$")


def _street_line(mapping: Mapping, values: Callable[[str], list[str]], columns: list[str]) -> None:
    """A "Company Address" of street lines (4100 Fisher Rd) beside bare City, State and Country: the
    company's address in parts, those places its own (not Apollo's one-line company address, beside
    which they are the person's)."""
    fields = mapping.fields
    if any(p.startswith("company.address.") for p in fields) or "company.name" not in fields:
        return
    used = mapping.columns_used()
    read = file_prefix(columns)  # "Company Address (Clay)": the file's tag taken off
    street = next(
        (c for c in columns if normal(read.get(c, c)) in ("companyaddress", "companyaddress1")), None
    )
    if street is None or street in used:
        return
    lines = [v.strip() for v in values(street) if v.strip()]
    # Rows of companies with a contact person (an exhibitor list's "contact_person"): even a whole
    # one-line company address makes the places beside it the company's (the line itself not sent).
    whole = contact_person(columns) and not {"person.first_name", "person.last_name"} & set(fields)
    if len(lines) < 3 or not (whole or all("," not in v and _STREET_LINE.match(v) for v in lines)):
        return
    places = {"city": "city", "state": "state", "country": "country", "zip": "postalcode"}
    places |= {"postalcode": "postalcode", "zipcode": "postalcode", "postcode": "postalcode"}
    places |= {"cityname": "city", "pincode": "postalcode"}  # India's PIN code
    found = {places[n]: c for c in columns if (n := normal(read.get(c, c))) in places}
    if "city" not in found or any(
        c in used and fields.get("person.person_country") != c for c in found.values()
    ):
        return
    if whole and "postalcode" in found and _other_place(values(street), values(found["postalcode"])):
        return  # the places of another (a property's city and ZIP beside its owner's address)
    if not whole:
        fields["company.address.street"] = street
    for part, column in found.items():
        fields[f"company.address.{part}"] = column
    if "country" in found and fields.get("person.person_country") == found["country"]:
        del fields["person.person_country"]
    mapping.notes.append(
        (
            f"{street!r} is the company's address and the rows are companies with a contact person: "
            if whole
            else f"{street!r} holds street lines ({shown(lines[0])}), not a whole address: with "
        )
        + f"{', '.join(repr(c) for c in found.values())} beside it, the company's address."
    )


_POSTAL = re.compile(r"\b\d{5,6}\b")


def _other_place(lines: list[str], codes: list[str]) -> bool:
    """Whether whole address lines name postal codes other than the ones beside them in most rows
    (a property's ZIP beside its owner's "2200 Ross Ave, Dallas, TX 75201"). Street lines with no
    postal code in them say nothing."""
    # A ZIP+4 ("75201-2711") beside a line that gives its first five ("TX 75201") is the same.
    coded = [(line, code.strip().split("-")[0]) for line, code in zip(lines, codes, strict=True)]
    coded = [(line, code) for line, code in coded if code]
    coded = [(line, code) for line, code in coded if _POSTAL.search(line)]
    return len(coded) >= 2 and 2 * sum(code not in line for line, code in coded) > len(coded)


# A world region, a sales territory or a country's region: no country (a portal's "Land/Region":
# Europa, Nordamerika; a Czech "Kraj": Jihomoravský kraj).
_REGION = re.compile(
    r"(?i)^(?:europ[ae]|north\s*america|nordamerika|south\s*america|s[üu]damerika|latin\s*america|"
    r"lateinamerika|latam|americas?|amer|asi[ae]n?|asia[\s/-]*pacific|apac|emea|africa|afrika|middle\s*east|"
    r"naher\s*osten|oceania|ozeanien|dach|nordics|benelux|global|worldwide|weltweit)$"
    r"|(?:\bkraj|\boblast|\bcounty|\bprovince|\bregion)$|^hlavn[íi] m[ěe]sto"
)


def _regions(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out a country column whose values are world regions or a country's regions."""
    for path in ("company.address.country", "person.person_country"):
        column = mapping.fields.get(path)
        if not isinstance(column, str):
            continue
        filled = [v.strip() for v in values(column) if v.strip()]
        if len(filled) >= 3 and sum(bool(_REGION.search(v)) for v in filled) >= 0.8 * len(filled):
            del mapping.fields[path]
            mapping.notes.append(f"{column!r} holds regions, not countries ({shown(filled[0])}): not sent.")


# What a record's status column holds (Recurly's account "state": active, closed): no place.
_STATUSES = frozenset(
    (
        *("active", "inactive", "closed", "open", "pending", "canceled", "cancelled", "expired", "trial"),
        *("paused", "pastdue", "new", "won", "lost", "qualified", "unqualified", "draft", "archived"),
        *("deleted", "enabled", "disabled", "subscribed", "unsubscribed", "suspended", "true", "false"),
        "save",  # Zoho's record "$state"
    )
)
# An address object's own state in JSON Lines ("address.region", "billing_address.state").
_OBJECT_STATE = re.compile(r"(?i)^\w*address\w*\.(region|state|province|administrative_?area)$")


_FLAGS = frozenset(
    ("tak", "nie", "yes", "no", "true", "false", "ja", "nein", "oui", "non", "si", "sim", "nao", "0", "1")
)


def _flag_name(mapping: Mapping, values: Callable[[str], list[str]], columns: list[str]) -> None:
    """A company-name column of yes and no (Fakturownia's "Firma": tak, nie) is a flag, not a name:
    another column its aliases name is sent instead, if there is one."""
    column = mapping.fields.get("company.name")
    if not isinstance(column, str):
        return
    filled = [v.strip().lower() for v in values(column) if v.strip()]
    if len(filled) < 3 or not all(v in _FLAGS for v in filled):
        return
    instead = other_column(
        mapping, columns, values, "company.name", lambda v: v.strip().lower() not in _FLAGS
    )
    mapping.notes.append(
        f"{column!r} holds yes and no ({shown(filled[0])}), not names: "
        + (f"{instead!r} sent as company.name." if instead else "not sent.")
    )


def _lone_person_country(mapping: Mapping) -> None:
    """A person's country with no person beside it (no name, email or phone sent: a list of brands by
    their country) says no one's: not sent."""
    column = mapping.fields.get("person.person_country")
    if column is None or any(
        p.startswith("person.") and p != "person.person_country" for p in mapping.fields
    ):
        return
    del mapping.fields["person.person_country"]
    mapping.notes.append(f"{column!r} would be a person's country, but no column names a person: not sent.")


def _status(value: str) -> bool:
    return re.sub(r"[^a-z]", "", value.lower()) in _STATUSES


def _status_state(mapping: Mapping, values: Callable[[str], list[str]], columns: list[str]) -> None:
    """A state column of record statuses (active, closed) is no place: the address object's own
    state is sent instead, else another state column of places, if there is one."""
    column = mapping.fields.get("company.address.state")
    if not isinstance(column, str):
        return
    filled = [v.strip() for v in values(column) if v.strip()]
    if len(filled) < 3 or sum(map(_status, filled)) < 0.8 * len(filled):
        return
    state = next(
        (c for c in columns if _OBJECT_STATE.match(c.strip()) and c not in mapping.columns_used()), None
    )
    if state is not None:  # the address object's own: its values are not judged here
        mapping.fields["company.address.state"] = state
    instead = state or other_column(
        mapping, columns, values, "company.address.state", lambda v: not _status(v)
    )
    mapping.notes[:] = [n for n in mapping.notes if not (repr(column) in n and "company.address.state" in n)]
    mapping.notes.append(
        f"{column!r} holds statuses ({shown(filled[0])}), not a state: "
        + (f"{instead!r} sent as company.address.state." if instead else "not sent.")
    )


def _repeated_id(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out a record id column whose values repeat between most rows (a school's "Student ID"
    holding each applicant's day type: Full Day, Half Day): no row's own record."""
    column = mapping.fields.get("external_id")
    if not isinstance(column, str):
        return
    filled = [v.strip() for v in values(column) if v.strip()]
    if len(filled) >= 4 and len(set(filled)) < 0.5 * len(filled):
        del mapping.fields["external_id"]
        mapping.notes.append(
            f"{column!r} repeats between rows ({shown(filled[0])}): no row's own record: not sent as "
            "external_id."
        )


def customer_address(mapping: Mapping, columns: list[str]) -> None:
    """Send a customer's address as the company's where the customer is the company sent and the
    person is its contact (Partner Center's "Customer Name", "Customer City" beside its "Customer
    Contact First Name"): elsewhere a customer's address may be a consumer's home."""
    company, fields = mapping.fields.get("company.name"), mapping.fields
    role = re.match(r"(customer|client)", normalize_header(company)) if isinstance(company, str) else None
    if role is None or any(p.startswith("company.address.") for p in fields):
        return
    contact = role[1] + "contact"
    if not any(normalize_header(c).startswith(contact) for c in mapping.columns_used()):
        return
    sent: list[str] = []
    for part in ("street", "city", "state", "postalcode", "country"):
        _place(mapping, columns, role[1], f"company.address.{part}", sent)
    if fields.get("person.person_country") == fields.get("company.address.country"):
        fields.pop("person.person_country", None)
    if sent:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in sent)}: the customer's address, and the customer is the company "
            "sent: sent as the company's."
        )


def _place(mapping: Mapping, columns: list[str], role: str, path: str, sent: list[str]) -> None:
    used = mapping.columns_used() - {mapping.fields.get("person.person_country")}
    for column in columns:
        rest = normalize_header(column).removeprefix(role)
        if rest != normalize_header(column) and rest in ALIASES[path] and column not in used:
            mapping.fields[path] = column
            sent.append(column)
            return


def homes(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """A file of people that names no company and whose emails are private mailboxes (a club's
    members, a league's players: gmail.com, rogers.com): its bare address is where each person
    lives, not an employer's, and is not sent as the company's; a bare country is the person's.
    (Beside work addresses, as a company's staff list, the address is the office's.)"""
    fields = mapping.fields
    people = {"person.first_name", "person.last_name"} <= set(fields) or "person.full_name" in fields
    if not people:
        return
    for path in ("company.name", "company.website"):
        # A company column most rows leave empty (a club's members, a few of whom name their firm)
        # names no company for the rest: their address is still their home.
        filled = [bool(v.strip()) for c in mapping.columns_of(path) for v in values(c)]
        if path in fields and (not filled or 2 * sum(filled) >= len(filled)):
            return
    email = fields.get("person.email")
    if not isinstance(email, str) or _private_share(values(email)) < 0.5:
        return
    bare = [
        p
        for p in list(fields)
        if p.startswith("company.address.")
        and isinstance(fields[p], str)
        and not _EMPLOYER.match(normalize_header(str(fields[p])))
    ]
    if not bare:
        return
    columns = [str(fields.pop(p)) for p in bare]
    country = "company.address.country"
    if country in bare and "person.person_country" not in fields:
        fields["person.person_country"] = columns[bare.index(country)]
    mapping.notes.append(
        f"{', '.join(repr(c) for c in columns)}: the file names no company, so this address is each "
        "person's own, not an employer's: not sent as the company's"
        + (" (the country is sent as the person's)." if "person.person_country" in fields else ".")
    )


# Columns of a transaction (an invoice, an order): its own "id" is no person's or company's record.
_TRANSACTION = frozenset(
    (
        *("currency", "amount", "total", "subtotal", "netamount", "grossamount", "taxamount", "paidamount"),
        *("price", "dueat", "duedate", "paidat", "issuedate", "invoicedate", "orderdate", "quantity"),
        *("invoicenumber", "ordernumber", "paymentstatus", "baseincome", "baserefund"),
        # A ticketing platform's orders (Humanitix's, Ticket Tailor's).
        *("financialstatus", "totalstotal", "totalssubtotal"),
        *("refundamount", "txnid", "lineitems"),
        # A CRM's deals (HubSpot's: "Deal Name", "Deal Stage", "Amount in company currency").
        *("dealname", "dealstage", "dealtype", "amountincompanycurrency", "closedate"),
    )
)
# The party's own record beside it: the client's, the customer's.
_PARTY_IDS = ("clientid", "customerid", "buyerid", "contactid", "memberid", "donorid")


def party_id(mapping: Mapping, columns: list[str]) -> None:
    """In a file of transactions (an invoice's currency, amounts and due date beside a bare "id"),
    send the one party's id column (``client_id``, ``customer_id``) as external_id instead of the
    transaction's own "id": the row's person or company is the client. Without one, no id is sent."""
    current = mapping.fields.get("external_id")
    if not isinstance(current, str) or normalize_header(current) not in ("id", "recordid"):
        return
    names = [normalize_header(c) for c in columns]
    if sum(n in _TRANSACTION for n in names) < 2:
        return
    if normalize_header(current) == "recordid" and not {"dealname", "dealstage"} & set(names):
        return  # a CRM's own record id, beside no deal's name or stage
    parties = [c for c, n in zip(columns, names, strict=True) if n in _PARTY_IDS]
    if len(parties) == 1:
        mapping.fields["external_id"] = parties[0]
        mapping.notes.append(
            f"{current!r} is each transaction's own number: {parties[0]!r}, its party's record, is sent as "
            "external_id."
        )
    elif not parties:  # no party's record beside it: the order's number is no person's or company's
        del mapping.fields["external_id"]
        mapping.notes.append(f"{current!r} is each transaction's own number, no record's: not sent.")


def other_column(
    mapping: Mapping,
    columns: list[str],
    values: Callable[[str], list[str]],
    path: str,
    fits: Callable[[str], bool],
) -> str | None:
    """Leave ``path``'s column out; send instead another unused column its aliases name whose filled
    values (four in five) ``fit``, if there is one, and return it."""
    dropped = mapping.fields.pop(path)
    mapping.candidates.pop(path, None)
    for c in columns:
        if c == dropped or system_column(c) or c in mapping.columns_used():
            continue
        name = normal(c)  # a billing or shipping column is no one's own
        # The person's own under their prefix too (Lemlist's "leadEmail" beside its "emailId").
        own = path.startswith("person.") and _PERSON_FIELD_PREFIX.sub("", name) in ALIASES[path]
        if (_TOOL_PREFIX.sub("", name) not in ALIASES[path] and not own) or name.startswith(
            ("billing", "shipping")
        ):
            continue
        filled = [v for v in values(c) if v.strip()]
        if filled and sum(map(fits, filled)) >= 0.8 * len(filled):  # a stray cell ("jeanne") aside
            mapping.fields[path] = c
            return c
    return None
