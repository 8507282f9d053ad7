"""An account's contact person: the row's person where no other column names one.

A file of companies with a "Contact Person" ("Ansprechpartner", "Kapcsolattartó", "联系人") column
names the person to reach at each company: their whole name is sent split (``person.full_name``), and
the phone beside it, which a file of companies alone would keep as the switchboard, may be theirs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.aliases import ALIASES, normalize_header, system_column
from leadspace_cli.mapping.choose import _FREE_MAIL
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.organisations import contact_person, host
from leadspace_cli.mapping.prefixes import file_prefix
from leadspace_cli.mapping.spec import FULL_NAME, Mapping
from leadspace_cli.mapping.titles import _JOB
from leadspace_cli.mapping.wholenames import DYNAMICS_LOOKUPS, MIN_SPLIT, dynamics_view, split_name

_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,}$")


def contact_names(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a contact person's column as the person's whole name where no column names the person.

    Only when four in five of its values split as a person's name, they are neither the companies'
    own names nor jobs ("Purchasing Manager": a desk to ask for), and they differ between most rows
    (one name on every row, or a few names in turn, are the seller's own reps). Then a phone column
    left out as the businesses' own is sent as the contact's.
    """
    if {"person.first_name", "person.last_name", FULL_NAME} & set(mapping.fields):
        return
    used = mapping.columns_used()
    company = mapping.fields.get("company.name")
    firms = {v.strip().lower() for v in values(company)} if isinstance(company, str) else set()
    short = file_prefix(columns)  # JSON paths read as their record's own ("contact.name")
    # A Dynamics 365 accounts view (its "(Do Not Modify) Account"): its "Primary Contact" is a lookup
    # to a contact record of its own, no person of the account's row (R59's, R68's labels).
    dynamics = dynamics_view(columns)
    for column in columns:
        if column in used or system_column(column) or not contact_person([short.get(column, column)]):
            continue
        if dynamics and normal(column) in DYNAMICS_LOOKUPS:
            continue
        seen = [v.strip() for v in values(column) if v.strip()]
        split = [
            v for v in seen if split_name(v) is not None and v.lower() not in firms and not _JOB.search(v)
        ]
        if len(seen) < 2 or len(split) < MIN_SPLIT * len(seen) or len(set(seen)) < 0.6 * len(seen):
            continue  # review 47 F9 (two reps in turn), F10 (job roles)
        mapping.fields[FULL_NAME] = column
        whose = "company" if isinstance(company, str) else "row"
        mapping.notes.append(
            f"{column!r} names each {whose}'s contact person: sent split into person.first_name and "
            "person.last_name as the row's person."
        )
        _their_phone(mapping, columns, values)
        _their_title(mapping, columns, values, normal(column).removesuffix("name"))
        return


_JOBS = ("jobtitle", "position", "stanowisko", "funktion", "fonction", "cargo", "puesto")


def _their_title(
    mapping: Mapping, columns: list[str], values: Callable[[str], list[str]], whose: str = ""
) -> None:
    """Send a job title's column beside the contact person (a B2B CRM's "Stanowisko") as theirs,
    or under their object (a scraper's "ansprechpartner.rolle"): a file of companies alone leaves it
    out. Not a column of salutations or of one value."""
    if "person.title" in mapping.fields:
        return
    used = mapping.columns_used()
    own = [whose + w for w in (*_JOBS, "title", "rolle", "role")] if whose else []
    for alias in (*own, *_JOBS):
        for column in columns:
            read = normal(column) if alias in own else normalize_header(column)
            if column in used or system_column(column) or read != alias:
                continue
            cells = [v.strip() for v in values(column) if v.strip()]
            seen = {v.lower() for v in cells}
            worded = sum(bool(re.search(r"[^\W\d_]{2}", v)) for v in cells)
            if len(seen) >= 2 and worded >= MIN_SPLIT * len(cells):  # not a rank (1, 2, 3; F11)
                mapping.fields["person.title"] = column
                mapping.notes.append(f"{column!r} is sent as the contact person's job title.")
                return


def _their_phone(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send the first phone column (by the phone's header names) that holds numbers, where none is."""
    if "person.person_phone" in mapping.fields:
        return
    used = mapping.columns_used()
    for alias in ALIASES["person.person_phone"]:
        for column in columns:
            if column in used or system_column(column) or normalize_header(column) != alias:
                continue
            seen = [v.strip() for v in values(column) if v.strip()]
            if len(seen) >= 2 and sum(bool(_PHONE.match(v)) for v in seen) >= MIN_SPLIT * len(seen):
                mapping.fields["person.person_phone"] = column
                mapping.notes.append(f"{column!r} is sent as the contact person's phone.")
                return


_ATTENDEE_EMAILS = ("attendeeemail", "attendeeemailaddress", "ticketholderemail")


def attendee_email(mapping: Mapping, columns: list[str]) -> None:
    """Send a ticket's attendee's email as the person's where the rows' own first and last names are
    unprefixed and no email of theirs is sent (Tickera's "First Name, Last Name, Attendee E-mail"
    beside the "Buyer E-Mail"): the names are the attendee's, the ticket's holder. Where the names
    sent are the attendee's and the email an order's (pretix's "Attendee name" beside the order's
    "Email"), the attendee's email is sent instead."""
    names = [mapping.fields.get(p) for p in ("person.first_name", "person.last_name", FULL_NAME)]
    email = mapping.fields.get("person.email")
    if (
        isinstance(email, str)
        and not normalize_header(email).startswith("attendee")
        and any(isinstance(n, str) and normalize_header(n).startswith("attendee") for n in names)
    ):
        found = [c for c in columns if normalize_header(c) in _ATTENDEE_EMAILS and c != email]
        if len(found) == 1:
            mapping.fields["person.email"] = found[0]
            mapping.candidates.pop("person.email", None)
            mapping.notes.append(
                f"{found[0]!r} is the attendee's email, whose name is sent: sent as person.email, not "
                f"{email!r} (the order's)."
            )
        return
    if "person.email" in mapping.fields or not {"person.first_name", "person.last_name"} <= set(
        mapping.fields
    ):
        return
    if any(
        normalize_header(c) != normalize_header(c).removeprefix("attendee") for c in mapping.columns_used()
    ):
        return  # the names are the attendee's already (the role's rules chose)
    found = [
        c for c in columns if normalize_header(c) in _ATTENDEE_EMAILS and c not in mapping.columns_used()
    ]
    if len(found) == 1:
        mapping.fields["person.email"] = found[0]
        mapping.notes.append(
            f"{found[0]!r} is the ticket holder's email, whose names are sent: sent as person.email."
        )


def own_pages(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out the web site of a file of people that names no company where no row's site is its
    email's domain (a community's members' "Website URL": nadiaferreira.design beside
    nadia@lisbonmakers.pt): each person's own page, no company to match."""
    site, email = mapping.fields.get("company.website"), mapping.fields.get("person.email")
    people = {"person.first_name", "person.last_name"} <= set(mapping.fields) or FULL_NAME in mapping.fields
    if (
        not people
        or "company.name" in mapping.fields
        or not isinstance(site, str)
        or not isinstance(email, str)
    ):
        return
    # Only work addresses tell: no free-mail person's site is their mailbox's (smithplumbing.com beside
    # janesmith@gmail.com is the sole trader's firm; review 47 F12).
    pairs = [
        (host(s.strip()), e.strip().lower().rpartition("@")[2])
        for s, e in zip(values(site), values(email), strict=True)
        if s.strip() and "@" in e and not _FREE_MAIL.search(e)
    ]
    if len(pairs) >= 2 and not any(h == d or h.endswith("." + d) for h, d in pairs):
        del mapping.fields["company.website"]
        mapping.notes.append(
            f"{site!r} holds the people's own pages (no row's is its email's domain, and no company is "
            "named): not sent as company.website."
        )
