"""Whose person a row is when an export names them only under a role: a donor, an attendee, a ticket
holder, a speaker."""

from __future__ import annotations

import re

from leadspace_cli.mapping.aliases import (
    _KNOWN,
    _NAME_ALIASES,
    _ROLE_PREFIX,
    ALIASES,
    BUSINESS_CUSTOMER,
    NO_JOB,
    PARTY_PREFIX,
)

_SHIFTS = ("volunteer", "signup", "helfer")
_ATTENDING = ("attendee", "registrant", "participant", "speaker")

# A person named under their role ("Member Name", "Contact Person"): the rows are people's.
NAMED = re.compile(
    r"(member|contributor|applicant|student|contact|attendee|candidate|donor|patient|employee|volunteer|"
    r"participant|guest|customer)(full)?name$|contactperson$"
)


# The roles an account's holder has: the one whose email an unprefixed "Email" is.
HOLDERS = {"billing", "customer", "customers", "kunden", "donor", "donors", "buyer", "patron", "subscriber"}


def role_split(n: str) -> tuple[str, str] | None:
    """The role a normalized header names its field under, and the field ("donorfirstname": donor,
    firstname); None without a role. "Customer State" is the customer's state, not the customers' "tate":
    a plural role takes its s only when the field reads so and not otherwise ("customers_id")."""
    if not (m := _ROLE_PREFIX.match(n)):
        return None
    role, rest = m.group(1), n[m.end() :]
    if role.endswith("s") and rest not in _KNOWN and "s" + rest in _KNOWN:
        role, rest = role[:-1], "s" + rest
    return role, rest


def unrole(n: str) -> str:
    """A normalized header without its role ("attendeeemail": email)."""
    return split[1] if (split := role_split(n)) else n


def one_role(normalized: list[tuple[str, str]], own: set[str]) -> list[tuple[str, str]]:
    """The fields of the one role that names the rows' person ("Ticket Holder" beside "Purchaser",
    an "Attendee" beside a session's "Speaker"), without its prefix; never two roles' mixed. A job's
    title only as an occupation or a position: a ticket's or a guest's title is no job's."""
    roles: dict[str, list[tuple[str, str]]] = {}
    for n, c in normalized:
        split = role_split(n) or (("account", n[7:]) if n.startswith("account") and n[7:] else None)
        # A volunteer's "position" is a shift's (an usher, a driver), no job; an attendee's "title" is
        # their job (an event app's "attendee_title": CEO), a ticket's or a guest's is not.
        job = split is not None and split[1] == "title" and split[0] in _ATTENDING
        if (
            split
            and ((rest := split[1]) not in NO_JOB or job)
            and not (split[0] in _SHIFTS and rest == "position")
        ):
            role = split[0].removesuffix("s")
            roles.setdefault("customer" if role == "kunden" else role, []).append((rest, c))  # German

    def named(fields: list[tuple[str, str]]) -> int:
        return sum(1 for rest, _ in fields if rest in own or rest in _NAME_ALIASES)

    vendor = roles.get("vendor", [])
    if vendor and not any(rest in _NAME_ALIASES for rest, _ in vendor):
        del roles["vendor"]  # a vendor's email and phone with no contact's name are the vendor's own
    if not any(rest in ("firstname", "lastname") for rest, _ in roles.get("account", [])):
        roles.pop("account", None)  # a billing account's holder (Recurly's), never an "Account Name"
    if not roles:
        return []
    # A speaker is the row's person only in a speakers' list (beside another role, the session's); a
    # ticket's buyer only beside no attendee (Hasgeek's tickets: the buyer paid for the attendee's).
    attending = roles.keys() & {"attendee", "ticketholder", "participant", "registrant", "guest"}
    _, fields = max(
        roles.items(),
        key=lambda kv: (
            named(kv[1]) > 0,
            kv[0] != "speaker",
            kv[0] != "buyer" or not attending,
            named(kv[1]),
        ),
    )
    return fields


def party_fields(normalized: list[tuple[str, str]], taken: set[str]) -> dict[str, str]:
    """The company's name (and a business customer's web site) when a party names the rows.

    A supplier's or vendor's name, when the rows are theirs (two columns or more under the prefix:
    ERPNext's "Supplier", "Supplier Group"; Invoice Ninja's vendors). Alone in an order export it is
    the seller's ("Vendor Name" in a marketplace's orders): left out.
    """
    party = _party(normalized, taken)
    if party is None or sum(n.startswith(party[0]) for n, _ in normalized) < 2:
        return {}
    fields = {"company.name": party[1]}
    site = next((c for n, c in normalized if n in BUSINESS_CUSTOMER[0]), None)
    if party[0] == "customer" and site:
        fields["company.website"] = site  # Sage 50's "Customer Web Site"
    return fields


def _party(normalized: list[tuple[str, str]], taken: set[str]) -> tuple[str, str] | None:
    """The prefix and the name column of the organisation the rows are, if a party names them."""
    party = next(
        (
            (prefix, c)
            for n, c in normalized
            if n in ("supplier", "suppliername", "vendorname") and c not in taken
            for prefix in PARTY_PREFIX
            if n.startswith(prefix)
        ),
        None,
    )
    order = [n for n, _ in normalized]
    if party is None and not any(n.endswith(("firstname", "lastname")) for n in order):
        # An accounting tool's customer list (Sage 50's "Customer Name" beside the customer's
        # "Customer Web Site" and a "Resale Number" or a contact): the customers are businesses. A
        # shop's "Customer Name" is its buyer's whole name.
        business = sum(any(n in signs for n in order) for signs in BUSINESS_CUSTOMER) == 2
        party = next((("customer", c) for n, c in normalized if n == "customername" and business), None)
    return party


def held(normalized: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The fields an account holder's role adds to the rows' own (unprefixed) ones, without the prefix.

    Names under one role beside the rows' own email and no first or last name of their own: a shop's
    customers' billing names (Shopware's "billing_firstname", Magento's grid's "Billing Firstname"
    beside its whole "Name"), a donations report's donor (Benevity). And the email under one role
    beside the rows' own first and last names and no email of their own: a membership's
    "customer_email". Only an account holder's role, and only when the role has nothing of the other
    kind (then it is another person: an attendee's names beside the buyer's email, a camp's child
    beside the parent's)."""
    names = {*ALIASES["person.first_name"], *ALIASES["person.last_name"]}
    emails = set(ALIASES["person.email"])
    order = {n for n, _ in normalized}
    split = [(s, c) for n, c in normalized if (s := role_split(n))]
    if order & emails and not order & names:
        want, other = names, emails
    elif order & names and not order & emails:
        want, other = emails, names
    else:
        return []
    under = [(s, c) for s, c in split if s[1] in want]
    kinds = {s[0] for s, _ in under}
    if len(kinds) != 1 or not kinds <= HOLDERS or any(s[1] in other for s, _ in split):
        return []
    return [(s[1], c) for s, c in under]
