"""Whose the places of a header are: the company's address, or the person's own (not sent, but for
their country), read from the header's names (:func:`.detect.detect` calls it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from leadspace_cli.mapping.aliases import (
    _ADDRESS,
    _PERSON_COUNTRY_PREFIXES,
    ACCOUNT_EVIDENCE,
    ALIASES,
    COMPANY_PREFIX,
    CONSUMER,
    CONSUMER_WEAK,
    EMPLOYER,
    FAMILY,
    INSTITUTION_NAME,
    ORG_NUMBER,
    OWN_PAGE,
    PARTY_PREFIX,
    PERSON_AFTER_PREFIX,
    PERSON_PREFIX,
    WEAK_COMPANY_PREFIX,
)
from leadspace_cli.mapping.blocks import unprefixed
from leadspace_cli.mapping.names import named_people
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.roles import unrole
from leadspace_cli.mapping.spec import Mapping

if TYPE_CHECKING:
    from leadspace_cli.mapping.detect import _Header


def alias_hits(aliases: tuple[str, ...], candidates: list[tuple[str, str]], taken: set[str]) -> list[str]:
    """The columns among ``candidates`` named by one of ``aliases``, in the aliases' order, not yet taken."""
    found = [c for a in aliases for n, c in candidates if n == a and c not in taken]
    return list(dict.fromkeys(found))


# A street or a postal code under any name ("property_address", "Zip Code"), but an email address.
_STREETISH = re.compile(r"street|address|adresse|direccion|indirizzo|endereco|zip|postal|postcode|plz")
_MAILISH = re.compile(r"e?mail(?:address)?$|^ip(?:address)?$|^web|url")  # an email's, a site's
_DESCRIBED = re.compile(r"industry|sector|size|revenue|employees|headcount|taxnumber|vatnumber|taxid|vatid")


def _company_first(mapping: Mapping, columns: list[str], bare_names: list[str]) -> bool:
    """Whether the company's name comes before every column of the person's, a bare Name among them
    (a prospect list of companies with a contact after each: its places are the company's)."""
    company = mapping.fields.get("company.name")
    person = [
        columns.index(c)
        for p, c in mapping.fields.items()
        if p.startswith("person.") and isinstance(c, str) and c in columns
    ] + [columns.index(c) for c in bare_names if c in columns and c != company]
    return (
        isinstance(company, str)
        and company in columns
        and bool(person)
        and columns.index(company) < min(person)
    )


def places(mapping: Mapping, h: _Header, taken: set[str]) -> None:
    """Whose the unprefixed places are: the company's, or the person's (not sent, but for their country)."""
    person_places = h.person_places

    def _first(aliases: tuple[str, ...], candidates: list[tuple[str, str]]) -> str | None:
        return next(iter(alias_hits(aliases, candidates, taken)), None)

    # A company prefix before a person's field ("billing firstname") names no company; "Primary Address
    # City" is the company's only beside a company.
    # A billing or shipping address names no company by itself: in a shop's orders it is the buyer's.
    bought = {c for n, c in h.normalized if n.startswith(("billing", "shipping"))}
    company_evidence = [
        c
        for n, c in h.normalized
        if re.match(COMPANY_PREFIX, n)
        and not n.startswith((*WEAK_COMPANY_PREFIX, *PARTY_PREFIX))
        and unprefixed(n) not in (*PERSON_AFTER_PREFIX, "")  # a bare "Work" (a church's work phone)
        and c not in bought
        and n != "companyid"  # a link to a company's record (Bitrix24's contacts, most of them empty)
        and n != "businessunit"  # the exporter's own division (ServiceTitan's jobs), no customer's company
    ]
    # A website beside only the person's names, with no job and no sign of an account, may be their
    # own page, and the address theirs (a WordPress CRM's contacts); beside a job title or a
    # department it is their company's (a marketing tool's prospects).
    b2b = "person.title" in mapping.fields or any(
        n == "department" or (n in ACCOUNT_EVIDENCE and n not in ("website", "domain"))
        for n, _ in h.normalized
    )
    company_named = (
        "company.name" in mapping.fields
        or bool(company_evidence)
        or ("company.website" in mapping.fields and (b2b or not named_people(h.normalized)))
    )
    # The company only named as the person's employer (a donations or registrations export), with
    # no column of the company's own: the places beside the names are the person's (their home); a
    # member's institution says so even when their names are not read (a library's "member_name").
    named_by = mapping.fields.get("company.name")
    by = _normal(named_by) if isinstance(named_by, str) else ""
    # A scholar's or donor's web page beside only their employer, no job, is theirs (EasyChair's).
    page = mapping.fields.get("company.website")
    if (
        h.people
        and not b2b
        and unrole(by) in EMPLOYER
        and isinstance(page, str)
        and _normal(page) in OWN_PAGE
    ):
        del mapping.fields["company.website"]
        mapping.notes.append(f"{page!r} is the person's page (beside only their employer): not sent.")
    employer_only = (
        bool(by)
        and (
            by in INSTITUTION_NAME
            or (h.people and unrole(by) in EMPLOYER)
            or (h.people and by.startswith(("billing", "invoice", "customercompan", "buyercompan")))
        )
        and "company.website" not in mapping.fields
        and not company_evidence
        and not any(n in ACCOUNT_EVIDENCE and c != page for n, c in h.normalized)
    )
    # A billing or shipping address beside no company, or beside only the person's employer, is the
    # person's (ActBlue's donor's gift goes to "Shipping City").
    # A shop's, a billing system's or a community's own people (purchases, marketing opt-in, last
    # login): the address beside their company is their own (Spree, EC-CUBE), their billing one too.
    faint = [c for n, c in h.normalized if n in CONSUMER_WEAK]
    signs = [c for n, c in h.normalized if n in CONSUMER or FAMILY.search(n)] + (
        faint if len(faint) > 1 else []
    )
    consumer = signs[0] if h.people and signs else None
    # A client's or vendor's address names a company only beside its name (a therapist's "Client
    # City" is the client's home).
    party = {c for n, c in h.normalized if n.startswith(PARTY_PREFIX)}
    weak = {c for n, c in h.normalized if n.startswith(WEAK_COMPANY_PREFIX)} | (
        set() if company_named and not employer_only and not consumer else bought | party
    )
    unsent: list[str] = []  # the places left out as the person's, to be named
    whose = ""
    strong = [c for c in h.company_address if c not in weak]  # the company's own address columns
    # People beside their company, with a country (and maybe a region or a city) but no street or
    # postal code (an attendee list's "Country", an audience's "country"): where each person is, not
    # their company's address; the country is sent as the person's.
    sent_places = {p for p in _ADDRESS if isinstance(mapping.fields.get(p), str)}
    located = (
        h.people
        and company_named
        and not strong
        and "company.address.country" in sent_places  # a city and a state alone stay the company's
        and not sent_places & {"company.address.street", "company.address.postalcode"}
        and "company.website" not in mapping.fields  # a company's site: the places may be its own
        and not h.dnm  # a Dynamics lead's address is its company's
        and not _company_first(mapping, h.cols, h.bare_name)  # companies, then each one's contact
        and not any(_STREETISH.search(n) and not _MAILISH.search(n) for n, _ in h.normalized)
        # An industry, a headcount or a tax number: the rows describe the company, its places too.
        and not any(n in ACCOUNT_EVIDENCE or n in ORG_NUMBER or _DESCRIBED.search(n) for n, _ in h.normalized)
    )
    if (not company_named or employer_only or consumer or located) and not strong:
        # No company at all (a newsletter's subscribers, a shop's buyers), or one only named as the
        # person's employer: the places are the person's.
        dropped = [mapping.fields.pop(path) for path in _ADDRESS if path in mapping.fields]
        for path in _ADDRESS:
            dropped.extend(mapping.candidates.pop(path, []))
        person_places = True
        taken.difference_update(c for c in dropped if isinstance(c, str))  # the person's country may use one
        whose = (
            f"{named_by!r} only names their employer"
            if employer_only
            else f"{consumer!r} says the rows are a shop's or a community's own people"
            if consumer and company_named
            else "the file names no company"
            if not company_named
            else "the people's places hold no street or postal code"
        )
        unsent = list(dict.fromkeys(c for c in dropped if isinstance(c, str)))
    # The person's own country has a field of its own; the person's city and state have none.
    country = ALIASES["company.address.country"]
    ranked = sorted(
        ((n, c) for n, c in h.normalized if n.startswith(_PERSON_COUNTRY_PREFIXES)),
        key=lambda nc: next(i for i, p in enumerate(_PERSON_COUNTRY_PREFIXES) if nc[0].startswith(p)),
    )
    home = [(n.removeprefix("home"), c) for n, c in h.normalized if n.startswith("home") and n != "homeland"]
    person_country = (
        _first(country, [(re.sub(PERSON_PREFIX, "", n), c) for n, c in ranked])
        or (_first(country, h.role) if h.people else None)  # an account's billing country is its own
        or (_first(country, h.normalized) if h.beside or person_places else None)
        # Last, in a file with no company address, a home country: where the person lives.
        or (None if h.beside else _first(country, home))
    )
    if person_country is not None and person_country not in mapping.columns_used():
        mapping.fields["person.person_country"] = person_country
        taken.add(person_country)
        if located and person_country in unsent:
            unsent.remove(person_country)
            mapping.notes.append(
                f"{person_country!r} is where each person is (beside their company, with no street or "
                "postal code): sent as person.person_country, not as the company's address. To send it as "
                "the company's, pass a mapping (`leadspace mapping init`)."
            )
    personal = [
        c
        for n, c in [*h.person_pref, *(h.normalized if h.beside else [])]
        if n in h.address_words and c not in taken and c not in mapping.columns_used()
    ]
    if unsent:  # one note for every place left out as the person's, in the file's order
        unsent = [c for c in h.every if c in {*unsent, *personal} and c not in mapping.columns_used()]
        personal = []
    if unsent:
        one = len(unsent) == 1
        mapping.notes.append(
            f"{', '.join(repr(c) for c in unsent)} {'looks' if one else 'look'} like the person's own "
            f"address ({whose}): not sent as the company's. To send {'it' if one else 'them'}, pass a "
            "mapping (`leadspace mapping init`)."
        )
    if h.beside and personal:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in personal)} look like the person's location (the file has "
            f"{', '.join(repr(c) for c in h.company_address[:3])} for the company's): they are not sent as "
            "the company's address. To send them, pass a mapping (`leadspace mapping init`)."
        )
    elif personal:
        mapping.notes.append(
            f"{', '.join(repr(c) for c in personal)} look like the person's own address: not sent as the "
            "company's. To send them, pass a mapping (`leadspace mapping init`)."
        )
