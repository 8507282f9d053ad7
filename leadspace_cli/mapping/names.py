"""Whose names a file's name columns are: a given name and a family name side by side, in any
language, and one of them only beside the other."""

from __future__ import annotations

import itertools
import re

from leadspace_cli.mapping.aliases import (
    ALIASES,
    FIRST_NAME_BESIDE_LAST,
    LAST_NAME_BESIDE_FIRST,
    PERSON_OWN_NAMES,
)
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.spec import Mapping

# A title column that says it is a job's, not a page's or a product's (kept with no names beside it),
# unless beside a requisition or a candidate (a recruiting report: the job applied for).
_JOB_TITLES = ("jobtitle", "jobposition", "jobrole", "currentjobtitle", "businesstitle", "worktitle")
_APPLIED_FOR = re.compile(
    r"requisition|candidate|applicant|vacanc|posting|posted|salary|apply|closingdate|deadline|jobur|joblink"
)


# A contact person's whole name, and the prefixes of their own fields.
_CONTACT_NAMES = ("contactname", "contactperson", "primarycontactname", "maincontactname")
_CONTACT_PREFIXES = ("contact", "primarycontact", "maincontact")


def named_people(normalized: list[tuple[str, str]]) -> bool:
    """Return whether a given name and a family name sit side by side, in any language.

    One of them alone ("Nombre" in a Spanish accounts file) may be the account's name.
    """
    names = {n for n, _ in normalized}
    given = bool(names & set(ALIASES["person.first_name"]))
    family = bool(names & set(ALIASES["person.last_name"]))
    return (given and (family or bool(names & set(LAST_NAME_BESIDE_FIRST)))) or (
        family and bool(names & set(FIRST_NAME_BESIDE_LAST))
    )


def name_beside_name(mapping: Mapping, normalized: list[tuple[str, str]], taken: set[str]) -> None:
    """Take a family name only beside a given name, and a given name only beside a family name."""
    pairs = (
        ("person.last_name", "person.first_name", LAST_NAME_BESIDE_FIRST),
        ("person.first_name", "person.last_name", FIRST_NAME_BESIDE_LAST),
    )
    for path, beside, names in pairs:
        if path in mapping.fields or beside not in mapping.fields:
            continue
        by = {c: n for n, c in normalized}.get(str(mapping.fields[beside]))
        # A bare "Name" is the family name only beside a plain first name and no other name of the
        # person's (Google's "Name" beside "Given Name" is the whole name, a scrape's "name" too).
        plain = by in ("firstname", "vorname", "prenom", "voornaam") and not any(
            n in ("fullname", "contactname", "personname", "completename", "uniquename")
            for n, _ in normalized
        )
        column = next(
            (c for n, c in normalized if n in names and c not in taken and (n != "name" or plain)), None
        )
        if column is None and path == "person.first_name" and by in ("surname", "lastname"):
            # "Name" beside "Surname" (a newsletter's subscribers) or "Last Name" (Issabel's address
            # book, as Spanish "Nombre", "Apellido"): the given name.
            column = next((c for n, c in normalized if n == "name" and c not in taken), None)
        if column is None and by and by.startswith("customer"):
            # A role's given name beside its family name, the role after each ("Prénom participant",
            # "Nom participant"; "Nom du client" alone is a client's whole name).
            role = {"customer" + n for n in names if n != "name"}
            column = next((c for n, c in normalized if n in role and c not in taken), None)
        if column is not None:
            mapping.fields[path] = column
            taken.add(column)


def before_names(order: list[str]) -> bool:
    """Whether a "Title" column sits where a salutation does: right before the person's first or last
    name ("Title, First Name, Last Name"), or after their nickname ("Nickname, Title, Sex": a hotel's
    guests). Beside a gender it is as often the job (HumHub's profile, Django-CRM's contacts); beside a
    salutation too (SuiteCRM's "Salutation, Title")."""
    return any(
        (a == "title" and b in ("firstname", "lastname")) or (b == "title" and a == "nickname")
        for a, b in itertools.pairwise(order)
    )


def nameless(mapping: Mapping, normalized: list[tuple[str, str]], *, account_file: bool) -> None:
    """With no names, no person: an account file's Email and Phone are the company's (info@, the
    switchboard). Without a company either (a newsletter's subscribers, a shop's buyers), they are the
    person's: only a "Title" goes (a page's, a product's), not one that says it is a job's (an inbound
    lead form's "email, job_title"), unless beside a posting's columns (a job board's salary, its
    date posted: the job offered)."""
    companyish = account_file or bool({"company.name", "company.website"} & set(mapping.fields))
    # An account's contact person, named whole ("Contact Name"): the email and phone under the same
    # prefix are that person's ("Contact Email", a vendor master's), not the account's mailbox.
    contact = {n for n, _ in normalized} & set(_CONTACT_NAMES)
    theirs = {c for n, c in normalized if contact and n.startswith(_CONTACT_PREFIXES)}
    title = mapping.fields.get("person.title")
    job = (
        isinstance(title, str)
        and normal(title) in _JOB_TITLES
        and not any(_APPLIED_FOR.search(n) for n, _ in normalized)
    )
    if job and not companyish:
        return
    for path in ("person.email", "person.person_phone", "person.title") if companyish else ("person.title",):
        if mapping.fields.get(path) in theirs:
            continue
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)


_ROLE_DISPLAY_NAMES = (
    *("customerdisplayname", "memberdisplayname", "userdisplayname", "attendeedisplayname"),
    *("schedulerdisplayname", "bookerdisplayname", "inviteedisplayname"),  # a booking's (SavvyCal's)
)


def display_name(
    mapping: Mapping, normalized: list[tuple[str, str]], stripped: list[tuple[str, str]], taken: set[str]
) -> None:
    """Close's lead (a company) is its Display Name beside its contacts' prefixed names; beside the
    person's own names (Microsoft 365's and Slack's users), a display name is the person's, and beside
    the lead's own email (Smartlead's "lead_email") a lead's name is the person's: then the lead's own
    company is sent, if a column names it ("Lead Name, Lead Email, Lead Company")."""
    named = mapping.fields.get("company.name")
    if isinstance(named, str) and normal(named) in _ROLE_DISPLAY_NAMES:
        # A customer's or member's display name (a bookings plugin's "Customer display name") is the
        # person's whole name, never a company's.
        del mapping.fields["company.name"]
        mapping.candidates.pop("company.name", None)
        taken.discard(named)
        return
    if not (
        isinstance(named, str)
        and normal(named) in ("displayname", "leadname")
        and any(n in PERSON_OWN_NAMES or n in ("leademail", "leademailaddress") for n, _ in normalized)
    ):
        return
    mapping.fields.pop("company.name")
    mapping.candidates.pop("company.name", None)
    taken.discard(named)
    rest = [a for a in ALIASES["company.name"] if a not in ("displayname", "leadname")]
    own = [c for a in rest for n, c in (*normalized, *stripped) if n == a and c not in taken]
    if own:
        mapping.fields["company.name"] = own[0]
        taken.add(own[0])
