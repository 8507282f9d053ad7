"""A mapping detected from the headers of an input (:mod:`.judge` then checks it against the values)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from leadspace_cli.mapping.addressbooks import english, in_english, odoo_lead
from leadspace_cli.mapping.aliases import (
    _ADDRESS,
    _NAME_ALIASES,
    _PERSON_FIELD_PREFIX,
    ACCOUNT_EVIDENCE,
    ACCOUNT_IDS,
    ACCOUNT_ROW,
    ACCOUNT_SITES,
    ALIASES,
    BARE_ADDRESS,
    BARE_NAME,
    COMPANY_PREFIX,
    DYNAMICS_OBJECTS,
    FUNDING,
    LISTING,
    NO_FALLBACK,
    NOT_AN_ACCOUNT,
    OBJECT_ID,
    ORG_NUMBER,
    PARTY_PREFIX,
    PERSON_EVIDENCE,
    PERSON_PREFIX,
    PERSONS_TOO,
    PREFIXED_ONLY,
    RECORD_NO,
    SYSTEM_COLUMN,
    bare_names,
    registered,
    registered_beside_people,
    system_column,
)
from leadspace_cli.mapping.blocks import (
    ADDRESS_WORDS,
    ALL_ALIASES,
    DUPLICATE,
    address_blocks,
    address_fields,
    company_block_start,
    listed,
    repeated_fallbacks,
    second_billing,
    unprefixed,
    whole_address,
)
from leadspace_cli.mapping.choose import _HOW, _choose
from leadspace_cli.mapping.conventions import conventions
from leadspace_cli.mapping.exporters import layout
from leadspace_cli.mapping.names import before_names, display_name, name_beside_name, named_people, nameless
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.places import alias_hits, places
from leadspace_cli.mapping.prefixes import file_prefix
from leadspace_cli.mapping.roles import NAMED, held, one_role, party_fields, unrole
from leadspace_cli.mapping.spec import FULL_NAME, Mapping

# A person's own email under a prefix that elsewhere says "account" (Affinity's "primaryEmail").
_OWN_EMAILS = frozenset(("primaryemail", "primaryemailaddress", "workemail", "workemailaddress"))


def detect(columns: Iterable[str], *, books: bool = True, renamed: frozenset[str] | None = None) -> Mapping:
    """Map columns to request fields from their header names; when unsure, leave a field out.

    The traps of real exports: a person's location beside the company's (Apollo's City/State/Country
    beside Company City/...; Salesforce contacts' Mailing* address), decoys (Apollo's "Company Name
    for Emails"), headers that differ only by case (HubSpot's "Company Name" and "Company name"), a
    one-line joined address (not a street), an account file's bare "Name", a company block appended
    after a contact's (its headers repeated). Other columns that name a field are kept, best first,
    in ``candidates``: refine() chooses among them by their values and names the choice.
    """
    every = list(columns)
    if books and (names := english(every) or file_prefix(every) or odoo_lead(every)):
        read = detect([names.get(c, c) for c in every], books=False)
        return in_english(names, detect(every, books=False, renamed=renamed), read)
    header = _read(every, renamed)
    mapping, taken = _match(header)
    places(mapping, header, taken)
    repeated_fallbacks(mapping, header.cols, taken, renamed)
    _notes(mapping, header)
    return mapping


@dataclass
class _Header:
    """What a header row says before any field is matched: its columns normalised, and whose they are."""

    every: list[str]  # every column, system columns too
    cols: list[str]  # the columns that are not system columns
    block: int | None  # where an appended associated-company block starts
    company_block: list[tuple[str, str]]  # (normalised, column) of that block
    normalized: list[tuple[str, str]]  # (normalised, column) of the rest
    blocks: list[tuple[str, dict[str, str]]]  # prefixed address blocks
    dnm: list[tuple[str, str]]  # "Do Not Modify" ids, their prefix removed
    bare_name: list[str]  # columns named just "Name"
    account_file: bool  # a bare Name with account evidence and no person: the rows are accounts
    people: bool  # the rows are people
    company_pref: list[tuple[str, str]]  # company-prefixed columns, the prefix removed
    employer_pref: list[tuple[str, str]]  # the employer's address columns, the prefix removed
    person_pref: list[tuple[str, str]]  # person-prefixed columns, the prefix removed
    address_words: set[str]
    company_address: list[str]  # the company's own address columns
    beside: bool  # the company's address beside names: unprefixed places are the person's (Apollo)
    person_places: bool  # unprefixed places are the person's
    stripped: list[tuple[str, str]]  # a person's fields under an object prefix, without it
    role: list[tuple[str, str]]  # the fields of the role the rows' person has (a donor's), without it
    business: list[tuple[str, str]]  # columns under a business qualifier, without it
    at_work: list[tuple[str, str]]  # columns under a business or work prefix, without it
    object_ids: list[tuple[str, str]]  # a record named by its object beside the object's name


def _read(columns: Iterable[str], renamed: frozenset[str] | None = None) -> _Header:
    """Normalise a header row and tell whose columns they are (a person's, an account's, a block's)."""
    every = list(columns)
    cols = [c for c in every if not system_column(c)]
    block = company_block_start(cols, renamed)
    company_block: list[tuple[str, str]] = []
    if block is not None:
        # The company's columns by position; the contact's are matched as usual, their address as
        # the person's (under the "contact" prefix).
        company_block = [(_normal(DUPLICATE.sub(r"\1", c)), c) for c in cols[block:]]
        contact = [(_normal(c), c) for c in cols[:block]]
        normalized = [("contact" + n if n in ADDRESS_WORDS else n, c) for n, c in contact]
    else:
        normalized = [(_normal(c), c) for c in cols]
    normalized = second_billing(normalized)
    normalized = conventions(normalized)
    if sum("email" in n for n, _ in normalized) > 1:  # an owner's "User Email" beside the row's own
        normalized = [("owner" + n if n == "useremail" else n, c) for n, c in normalized]
    normalized, blocks = address_blocks(normalized)
    dnm = [(n.removeprefix("donotmodify"), c) for n, c in normalized if n.startswith("donotmodify")]
    bare_name = bare_names(normalized)
    # An Email or a contact's name beside a bare Name and two signs no person has (the counts of its
    # contacts, its revenue), or a registration number, is the account's (Fat Free CRM's, SplendidCRM's
    # accounts, a registry's); a website or a tax number a person may have (a B2B shop's customers).
    signs = {
        "funding" if n in FUNDING else n
        for n, _ in normalized
        if n in ACCOUNT_EVIDENCE and n not in PERSONS_TOO
    }
    accountish = len(signs) >= 2 or registered({n for n, _ in normalized}) or bool(signs & set(LISTING))
    person_columns = any(
        (n in PERSON_EVIDENCE and not (accountish and n in ("email", "emailaddress")) and c not in bare_name)
        or (n in _NAME_ALIASES and n != "name" and not (accountish and n == "contactname"))
        or n.endswith(("firstname", "lastname"))
        for n, c in normalized
    ) or named_people(normalized)
    # A row that has a primary contact is an account (a CRM's companies export): its Email and Phone
    # are the account's, unless the person's own names or title sit beside them.
    account_rows = (
        any(n in ACCOUNT_ROW for n, _ in normalized)
        and not any(n in ALIASES["company.name"] and n != "name" for n, _ in normalized)
        and not named_people(normalized)
        and not any(n in NOT_AN_ACCOUNT or n.endswith(("firstname", "lastname")) for n, _ in normalized)
    )
    evidence = any(
        (n in ACCOUNT_EVIDENCE and n not in ORG_NUMBER)
        or (
            re.match(COMPANY_PREFIX + "(?=.)", n)  # a phone book's bare "work" number is no company's
            and not n.startswith(("billing", "shipping", "office", *PARTY_PREFIX))
            and n not in ACCOUNT_ROW
            and n not in _OWN_EMAILS  # a person's primary or work email (Affinity's "primaryEmail")
        )
        for n, _ in normalized
    )
    # A row with its contact person (OpenXE's "Ansprechpartner") is an organisation's: that is sign
    # enough; otherwise a bare Name with no person columns needs a sign of an account.
    account_file = bool(bare_name) and (account_rows or (not person_columns and (evidence or accountish)))
    people = not account_file and (
        any(
            (rest := _PERSON_FIELD_PREFIX.sub("", n)) in _NAME_ALIASES
            # A contact's given or family name under its prefix (Siigo's "Nombres contacto principal").
            or (rest != n and rest in (*ALIASES["person.first_name"], *ALIASES["person.last_name"]))
            # pretix's "Attendee name" (a "Ticket Name" is the ticket's type)
            # Not a vendor's or a supplier's "vendor_name": an organisation's (PARTY_PREFIX).
            or (n != "ticketname" and not n.startswith(PARTY_PREFIX) and unrole(n) in _NAME_ALIASES)
            or n.endswith(("firstname", "lastname"))
            # An HR report's employee (Sentrifugo); a bare name in any language ("Nome", "Navn").
            or n in ("employee", "employeename", *BARE_NAME)
            for n, _ in normalized
        )
        or named_people(normalized)
        or named_people([(unrole(n), c) for n, c in normalized])  # "Empfänger Vorname"
    )
    company_pref = [(unprefixed(n), c) for n, c in normalized if re.match(COMPANY_PREFIX, n)]
    person_pref = [(re.sub(PERSON_PREFIX, "", n), c) for n, c in normalized if re.match(PERSON_PREFIX, n)]
    address_words = set(ADDRESS_WORDS)
    # The company's location, split or in one column ("Company Address", "Company Location"): then
    # unprefixed City, State and Country are the person's (Apollo, Seamless).
    # The address of the person's employer (ActBlue's "Employer Addr1", "Employer City"): the company's.
    employer_pref = [
        (rest, c)
        for n, c in normalized
        if n.startswith("employer") and (rest := n.removeprefix("employer")) in address_words
    ]
    # A shipping address beside an unprefixed one is the second address (Invoice Ninja's clients).
    whole = address_words | {"address", "fulladdress"}
    shipped = [c for n, c in normalized if n.startswith("shipping") and unprefixed(n) in whole]
    placed = [
        c
        for n, c in normalized
        if re.match(COMPANY_PREFIX, n) and unprefixed(n) in address_words and c not in shipped
    ]
    if shipped and not placed and any(n in address_words for n, _ in normalized):
        company_pref = [(n, c) for n, c in company_pref if c not in shipped]
    company_address = (
        [c for n, c in company_pref if n in whole | {"location"}]
        + [c for n, c in company_block if n in address_words]
        + [c for _, c in employer_pref]
    )
    # A one-line "location" beside names (LinkedIn scrapes, RocketReach): the places are the person's.
    person_places = people and not company_address and any(n == "location" for n, _ in normalized)
    # In a file of organisations (Store Leads' "company_location" beside City, LinkedIn's companies'
    # "companycountry" beside "city") unprefixed places are its own, unless they are a second address.
    emailed = any(n in ALIASES["person.email"] for n, _ in normalized)
    prefixed = {c for _, c in company_pref + employer_pref}
    unplaced = address_fields([(n, c) for n, c in normalized if c not in prefixed])
    named = any(NAMED.match(n) for n, _ in normalized)
    twice = bool(address_fields(company_pref + employer_pref) & unplaced)
    stripped = [(_PERSON_FIELD_PREFIX.sub("", n), c) for n, c in normalized if _PERSON_FIELD_PREFIX.match(n)]
    own = {*ALIASES["person.first_name"], *ALIASES["person.last_name"], *ALIASES["person.email"]}
    # The fields of the role the rows' person has, when the file has none of the person's own names or
    # email; a web form's "Your Email" (the one who booked) does not make an attendee's another's.
    mine = any(n in own and not re.match(r"(?i)\s*your\b", c) for n, c in normalized)
    role = [] if mine else one_role(normalized, own)
    if mine:  # an account holder's names beside the rows' own email, or its email beside their names
        role = held(normalized)
    stripped += role
    # A role's own email ("Email_cliente" beside a "Razón social" for the invoice): the rows are people
    # (an account's "Billing Email" is its mailbox).
    people = people or (
        not account_file
        # Nor a vendor's or a supplier's own mailbox beside its name (a vendor list's "vendor_email").
        and any(
            r in ALIASES["person.email"] and not _normal(c).startswith(("billing", *PARTY_PREFIX))
            for r, c in role
        )
    )
    people = people or any(re.match(r"(?i)\s*person\.", c) for _, c in normalized)  # JSON's person object
    # Columns a business qualifier marks ("Region geschäftlich", KAddressBook's "Business Address Region").
    business = [
        (n.removeprefix("business").removeprefix("address"), c)
        for n, c in normalized
        if n.startswith("business")
    ]
    at_work = [
        (re.sub(r"^(business|work)", "", n), c) for n, c in normalized if re.match(r"^(business|work).", n)
    ]
    names = {n for n, _ in normalized}
    object_ids = [(n, c) for n, c in normalized if n + "name" in names]
    return _Header(
        every=every,
        cols=cols,
        block=block,
        company_block=company_block,
        normalized=normalized,
        blocks=blocks,
        dnm=dnm,
        bare_name=bare_name,
        account_file=account_file,
        people=people,
        company_pref=company_pref,
        employer_pref=employer_pref,
        person_pref=person_pref,
        address_words=address_words,
        company_address=company_address,
        beside=bool(company_address) and (people or emailed or named or twice),
        person_places=person_places,
        stripped=stripped,
        role=role,
        business=business,
        at_work=at_work,
        object_ids=object_ids,
    )


_LEADS = ("lead", "prospect")


def _match(h: _Header) -> tuple[Mapping, set[str]]:
    """Match each request field to the columns that name it; return the mapping and the columns taken."""
    taken: set[str] = set()
    mapping = Mapping(detected=True)

    def hits(aliases: tuple[str, ...], candidates: list[tuple[str, str]]) -> list[str]:
        return alias_hits(aliases, candidates, taken)

    for path, aliases in ALIASES.items():
        loose = tuple(a for a in aliases if a not in NO_FALLBACK)
        found: list[str] = []
        if path in _ADDRESS:
            whole, pref = whole_address({n for n, _ in h.company_block}), {n for n, _ in h.company_pref}
            street = path == "company.address.street"
            found = (
                hits(aliases, h.company_block)
                or (hits(BARE_ADDRESS, h.company_block) if street and whole else [])
                or hits(aliases, h.employer_pref)
                or hits(aliases, h.company_pref)
                or (hits(BARE_ADDRESS, h.company_pref) if street and whole_address(pref, line2=True) else [])
                or hits(PREFIXED_ONLY.get(path, ()), h.business)
            )
            if not found and not h.beside and not h.person_places:
                found = hits(aliases, h.normalized)  # unprefixed, and no company address beside it
                if (
                    not found
                    and path == "company.address.street"
                    and whole_address({n for n, _ in h.normalized}, city=True)
                ):
                    # A bare Address beside the city and its postal code is the street line (Akaunting,
                    # Microsoft 365); alone, it may be the whole address in one cell.
                    found = hits(BARE_ADDRESS, h.normalized)
        elif path == "external_id":
            own = tuple(a for a in aliases if a not in ACCOUNT_IDS)
            found = hits(DYNAMICS_OBJECTS, h.dnm) or hits(own, h.normalized)[:1]
            found = found or hits(OBJECT_ID, h.object_ids)[:1]
            if not found and not h.people:
                found = hits(aliases, h.normalized)[:1]
            # Else the row's own record by its number ("Attendee #"); never a transaction's (an order, a
            # payment, an invoice): a customer's record, not theirs, is what labellers read as the row's.
            found = found or [c for c in h.cols if RECORD_NO.match(c)][:1]
        elif path == "company.name" and h.company_block:
            found = hits(("name", *aliases), h.company_block) or hits(aliases, h.normalized)
        elif path == "company.name" and h.account_file:
            found = hits(aliases, h.normalized) or h.bare_name[:1]
        else:
            # "Telefon geschäftlich" is the person's phone at work: after "Telefon", before "Mobiltelefon".
            # Where the rows' person is named only under a role ("Donor First Name"), the role's fields
            # are theirs before unprefixed ones ("Mobile": a flag of how the gift was made; "Your
            # Email": the one who booked the attendee).
            found = (
                hits(aliases, h.role) if path.startswith("person.") or path == "company.name" else []
            ) or hits(
                aliases, h.normalized + (h.at_work if path in ("person.email", "person.person_phone") else [])
            )
            if not found and (path.startswith("person.") or path == "company.name"):
                found = hits(aliases, h.stripped)
            elif not found and path == "company.website":  # a lead's or prospect's is their firm's
                found = hits(aliases, [(n, c) for n, c in h.stripped if _normal(c).startswith(_LEADS)])
        if path == "company.website":
            # "Account.Website", "Account: Website": the account's site under its object's name.
            found = (
                found
                or hits(aliases, h.company_pref)
                or (hits(ACCOUNT_SITES, h.normalized) if h.account_file else [])
            )
        if path == "company.website" and h.company_block:
            found = hits(aliases, h.company_block) or found
        if found:
            hit = found[0]
            others = [c for c in found[1:] if _normal(c) in loose or _normal(c) == _normal(hit)]
            # None past a shop's "Ciudad local"; a column named by the field's path (JSON: "person.email").
            others = [] if _normal(hit).endswith(("ciudadlocal", "provincialocal")) else others
            others += [c for c in h.cols if c.strip() == path and c not in (hit, *others, *taken)]
            mapping.fields[path] = hit
            taken.add(hit)
            if others:
                mapping.candidates[path] = others
                taken.update(others)
    name_beside_name(mapping, h.normalized, taken)
    layout(mapping, h.cols, h.normalized, h.people, taken)
    _beside(mapping, h, taken)
    if not h.account_file and registered_beside_people(mapping.fields, h.normalized):
        taken.discard(str(mapping.fields.pop("external_id")))  # their company's number (directors')
    _contact_of_record(mapping, h, taken)
    if not h.people:
        nameless(mapping, h.normalized, account_file=h.account_file)
    return mapping, taken


_OWN_PLACES = frozenset(
    ("website", "site", "domain", "websiteurl", "street", "address", "addressline1", "city")
)


def _contact_of_record(mapping: Mapping, h: _Header, taken: set[str]) -> None:
    """A record with its contact person as an object of its own (Impact's media partners:
    "contact.first_name" beside the partner's "name"; Outscraper's businesses, "email_1_first_name"
    beside their "name"): the bare Name is the record's, an organisation's."""
    names = [mapping.fields.get(p) for p in ("person.first_name", "person.last_name", FULL_NAME)]
    named = [c for c in names if isinstance(c, str)]
    free = [c for c in h.bare_name if c not in taken]
    if "company.name" in mapping.fields or not named or not free:
        return
    normals = {c: n for n, c in h.normalized}
    if not all(normals.get(c, "").startswith(("contact", "primarycontact")) for c in named):
        return
    # An organisation's own site or address beside it: not a deal's, a task's or a project's name.
    own = [c for n, c in h.normalized if n in _OWN_PLACES]
    # Or a record whose main contact is an object of its own (Shopify's B2B companies'
    # "mainContact.*"): its top-level name is the record's. Not a deal's "contact.first_name".
    nested = "." not in free[0] and all(normals.get(c, "").startswith("primarycontact") for c in named)
    if own or nested:
        mapping.fields["company.name"] = free[0]
        taken.add(free[0])
        sign = f"its {own[0]!r}" if own else "its contact an object of its own"
        mapping.notes.append(
            f"{free[0]!r} is sent as company.name: each row is an organisation ({sign}) with its "
            "contact's columns beside it."
        )


def _beside(mapping: Mapping, h: _Header, taken: set[str]) -> None:
    """What a column is only beside others: a Title beside a Position, a Client before names, and so on."""
    title = mapping.fields.get("person.title")
    used = {c for p, c in mapping.fields.items() if p != "person.title" and isinstance(c, str)}
    position = next((c for n, c in h.normalized if n in ("position", "jobposition") and c not in used), None)
    order = [n for n, _ in h.normalized]
    if isinstance(title, str) and _normal(title) == "title" and before_names(order):
        # "Title" right before the person's names is the salutation (Mautic's, Outlook's, a shop's
        # or an assembly's people: Mr, Ms, Dr); beside a "Position" the job is the position.
        # Elsewhere a Position may be the job applied for, a queue's, a team's. The rows' values
        # may say otherwise (judge: a column of job titles is sent after all).
        taken.discard(title)
        if position is not None:
            mapping.fields["person.title"] = position
            taken.add(position)
        else:
            del mapping.fields["person.title"]
        mapping.candidates.pop("person.title", None)
    if "company.name" not in mapping.fields:
        for path, column in party_fields(h.normalized, taken).items():
            if path not in mapping.fields:
                mapping.fields[path] = column
                taken.add(column)
    firsts = [i for i, n in enumerate(order) if n.endswith("firstname")]
    if "company.name" not in mapping.fields and firsts and any(n.endswith("lastname") for n in order):
        # A time-tracking or invoicing tool's contacts (Harvest's "Client", Invoice Ninja's "Client
        # Name", before the contact's own names): the client is the organisation the person belongs
        # to. After them, a "Client" column may be a flag, the customer a lead was bought for, or a
        # law firm's client (a person): left out. A customer's name before its contact's names (Wave's
        # "customer_name", "contact_first_name") is the same, unless the customer has its own email.
        own = any(n in ("customeremail", "customerphone", "customeremailaddress") for n in order)
        contacts = order[firsts[0]].startswith(("contact", "customercontact", "clientcontact")) and not own
        client_names = ("client", "clientname", "customername") if contacts else ("client", "clientname")
        client = next(
            (c for i, (n, c) in enumerate(h.normalized) if n in client_names and i < firsts[0]),
            None,
        )
        if client is not None and client not in taken:
            mapping.fields["company.name"] = client
            taken.add(client)
    display_name(mapping, h.normalized, h.stripped, taken)


def _notes(mapping: Mapping, h: _Header) -> None:
    """Name what the headers alone chose: a bare Name, system columns, address blocks, a company block."""
    if h.account_file and mapping.fields.get("company.name") in h.bare_name:
        mapping.notes.append(
            f"{h.bare_name[0]!r} is sent as company.name: the file has no person columns (an account export)."
        )
    system = [
        c for c in h.every if system_column(c) and _normal(c.strip().lstrip(SYSTEM_COLUMN)) in ALL_ALIASES
    ]
    if system:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in system)} start{'s' if len(system) == 1 else ''} with '_': "
            f"{'a system column' if len(system) == 1 else 'system columns'} (a store's codes, a loader's "
            "stamps), not sent. To send one, pass a mapping (`leadspace mapping init`)."
        )
    if len(h.blocks) > 1 and any(mapping.fields.get(p) == c for p, c in h.blocks[0][1].items()):
        mapping.address_blocks = [b for _, b in h.blocks]
        mapping.notes.append(
            f"The file has {' and '.join(f'{label} ({listed(b)})' for label, b in h.blocks)}: one is sent "
            f"whole, never a mix; the {h.blocks[0][0]} unless the rows read hold more of another. To send "
            f"another, {_HOW}."
        )
    _choose(mapping, lambda column: [], sampled=False)
    if h.block is not None:
        mapping.notes.append(
            f"The columns from {h.cols[h.block]!r} on repeat earlier headers: they are read as the "
            "associated company's (name, website, address), the earlier ones as the contact's."
        )
