"""A header normalised for matching: the words that name a field, whatever the tool wraps them in."""

from __future__ import annotations

import re

from leadspace_cli.mapping.aliases import (
    _TOOL_PREFIX,
    ALIASES,
    GENITIVE,
    normalize_header,
    qualified,
    unmarked,
)
from leadspace_cli.mapping.blocks import ADDRESS_WORDS, ALL_ALIASES, first_item

_JOINED = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}):\s*(\S.*)$")  # a report's "Contact: Contact ID"


def normal(column: str) -> str:
    """Return a header normalised for matching: tool names dropped, a report's object label joined.

    "Contact: Contact ID" is "contactid" (the object already leads the label), "Contact: Title" is
    "contacttitle", "Apollo Contact Id" is "contactid". A qualifier word is read as a prefix:
    "Straße geschäftlich" is "businessstrasse" (the company's street), "Ville (domicile)" "homeville".
    """
    column = unmarked(column)  # an import template's required-field marker ("*ContactName"), "v_" and "c"
    column = composite(column)  # "Emails / Primary Email": the part that names the field
    column = re.sub(r"(?<=\w)['’]s\b", "", column)  # "Customer's First Name": the customer's field
    # "E-Mail des Kunden", "Téléphone du client", "Email_cliente": the customer's
    column = GENITIVE.sub(lambda m: f"customer {m[1] or m[2]}", column)
    joined = _JOINED.match(column)
    if joined:
        obj = normalize_header(joined.group(1))
        label = qualified(joined.group(2)) or normalize_header(joined.group(2))
        name = label if label.startswith(obj) else obj + label
    else:
        name = qualified(column) or normalize_header(column)
    name = first_item(name)
    if re.match(r"(?i)\s*[a-z]+s ", column):  # not a collection's "organizations.name" (Claroline)
        name = plural_object(name)
    if name.startswith("address") and name not in ALL_ALIASES and name[7:] in ADDRESS_WORDS:
        name = name[7:]  # "Address City", "Address Zip Code" (Virto Commerce): the address's city
    # A web form's "Your Name" (the sender's whole name), "your-email" (Contact Form 7): the field.
    name = "fullname" if name == "yourname" else re.sub(r"^your(?=.)", "", name)
    return _TOOL_PREFIX.sub("", name)


# A composite field's part, with spaces around the slash (Twenty's "Name / First Name", "Emails /
# Primary Email", "Address / City", "Domain Name / Link URL"), or two words for one field (EPESI's
# "Población / Localidad", "Provincia / Estado"). A qualifier's part is no field ("Home Address /
# City", "Venue / City", "Created by / Name"), nor are two fields' ("Email / Phone", "Name / Company").
_COMPOSITE = re.compile(r"^\s*([^/]+?)\s+/\s+([^/]+?)\s*$")
_SITE_GROUPS = ("domainname", "domain", "website", "websites")
_LINK = ("linkurl", "primarylinkurl", "url")
# A group's parts that name a field: a name's given and family names, an email, a phone, a place.
_PARTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("name", "names"): ("firstname", "lastname"),
    ("emails", "email"): ALIASES["person.email"],
    ("phones", "phone"): ALIASES["person.person_phone"],
    ("address", "primaryaddress"): ADDRESS_WORDS,
}


def composite(column: str) -> str:
    """Return the part of a composite header that names a field, else the header."""
    part = _COMPOSITE.match(column)
    if not part:
        return column
    group, field = normalize_header(part[1]), normalize_header(part[2])
    if group in _SITE_GROUPS:
        return "Website" if field in _LINK else column
    if any(group in groups and field in fields for groups, fields in _PARTS.items()):
        return part[2]
    if any(group in aliases and field in aliases for aliases in ALIASES.values()):
        return part[1]
    # An address's part beside a word no field has ("Provincia / Estado": estado is also a status).
    return part[1] if group in ADDRESS_WORDS and field not in ALL_ALIASES else column


# An object's fields under its plural (CustomerOS's "CONTACTS FIRST NAME", "ORGANIZATIONS NAME").
_PLURAL_OBJECT = re.compile(r"^(contact|organization|organisation|account|lead)s(.+)$")


def plural_object(name: str) -> str:
    """Return a normalised header with its object's plural read as the singular prefix."""
    plural = _PLURAL_OBJECT.match(name)
    if name in ALL_ALIASES or not plural:
        return name
    return plural[1] + plural[2] if plural[2] in ALL_ALIASES or plural[1] + plural[2] in ALL_ALIASES else name
