"""A prefix most of a header's columns share, read as the file's and not as part of each field's name.

A table copied out of a warehouse or an open-data file often writes every column under one word: its
connector's (Fivetran's HubSpot tables: "property_firstname", "property_company"), the file's subject
(the Texas Ethics Commission's contributions: "contributorNameFirst", "contributorEmployer"), or its
object's abbreviation (the FEC's committees: "CMTE_NM", "CMTE_CITY"). Such a header is read with the
word taken off ("firstname", "NameFirst", "CITY"), so that every rule for the bare names holds for it.

A word the rules read is never taken off: a company's, a person's or a role's ("Company City", "Contact
Email", "Billing Street", "Owner Name", "Donor Email" say whose field it is), nor a field's own name,
nor a word the header reads a column under as it stands ("Entity Name", "Dealer Name").
"""

from __future__ import annotations

import re
from collections import Counter

from leadspace_cli.mapping.aliases import (
    _PERSON_FIELD_PREFIX,
    _ROLE_PREFIX,
    _TOOL_PREFIX,
    ALIASES,
    COMPANY_PREFIX,
    KIND_NAMES,
    PARTY_PREFIX,
    PERSON_PREFIX,
    normalize_header,
)
from leadspace_cli.mapping.blocks import ADDRESS_WORDS, ALL_ALIASES
from leadspace_cli.mapping.normal import normal

# At least this share of the columns, and this many of them, share the word; and at least this many
# of them name a field once it is taken off.
MIN_SHARE = 0.5
MIN_COLUMNS = 4
MIN_FIELDS = 3
SHORT = 6

# A column's first word: up to a separator ("property_", "CMTE_", "Physician "), or a camel-case
# word before a capital ("contributorNameFirst"). A report's "Location: Phone" is read elsewhere.
_FIRST_WORD = re.compile(r"^([A-Za-z]{3,}?)(?:[_\s.]+|(?<=[a-z])(?=[A-Z]))(?=[A-Za-z])(.+)$")

# Words that say whose a field is, beside those the rules' own prefixes read: never the file's.
_WHOSE = (
    *("owner", "agent", "attorney", "preparer", "treasurer", "assignee", "assigned", "creator", "created"),
    *("modified", "updated", "referrer", "referred", "manager", "sales", "rep", "parent", "guarantor"),
    *("emergency", "spouse", "partner", "mother", "father", "guardian", "employer", "venue", "event"),
    *("organizer", "sender", "custom"),  # a parcel's sender is the merchant; custom fields are others'
    *("location", "addr", "address", "adresse", "direccion", "endereco", "indirizzo", "adres"),
)


def _meaningful(word: str) -> bool:
    """Whether the rules read the word as saying whose a field is (or as a field itself)."""
    return (
        word in ALL_ALIASES
        or word in _WHOSE
        or word in ADDRESS_WORDS  # an address's parts ("address_phone", "Location Phone") are a place's
        or word.startswith(PARTY_PREFIX)
        or any(
            re.match(pattern, word + "x")
            for pattern in (COMPANY_PREFIX, PERSON_PREFIX, _PERSON_FIELD_PREFIX, _ROLE_PREFIX, _TOOL_PREFIX)
        )
    )


def file_prefix(columns: list[str]) -> dict[str, str]:
    """Return each column under the word most of the header's columns share, with that word taken
    off, or else JSON Lines paths read as their record's own fields (:func:`json_paths`); empty when
    neither is found."""
    shared = _shared_prefix(columns) or _shared_suffix(columns)
    names = [shared.get(c, c) for c in columns]
    paths = json_paths(names)
    subscribers = _subscribers(columns)
    if not paths and not subscribers:
        return shared
    out = {c: paths.get(n, n) for c, n in zip(columns, names, strict=True) if c in shared or n in paths}
    return out | subscribers


def _subscribers(columns: list[str]) -> dict[str, str]:
    """Mailchimp's audience members: the ADDRESS merge field ("merge_fields.ADDRESS.city") is the
    subscriber's mailing address, not a company's."""
    out: dict[str, str] = {}
    for column in columns:
        parts = column.strip().split(".")
        if len(parts) != 3 or normalize_header(parts[0]) != "mergefields" or normal(parts[1]) != "address":
            continue
        last = "street" if normal(parts[2]) in _LINES else parts[2]
        if normal(last) in ADDRESS_WORDS:
            out[column] = f"mailing {last}"
    return out


# A tool's tag after every column's name ("First Name (Clay)", "Email (Clay)": a table made for
# Clay's import): the file's, not each field's. A qualifier ("(Work)", "(domicile)") is read elsewhere.
_SUFFIX = re.compile(r"^(.*?\S)\s*\(([^()]{2,30})\)\s*$")


_CUSTOM = re.compile(r"__p?c$")


def _field_word(column: str) -> bool:
    """Whether a column's name ends with a field's name ("Attendee_Mobile_Phone")."""
    n = normal(column)
    return any(n.endswith(a) for a in ("firstname", "lastname", "email", "phone", "company", "title"))


def _shared_suffix(columns: list[str]) -> dict[str, str]:
    """The columns under the bracketed word most of the header's columns end with, that word taken
    off; empty when none is shared so, when the word says whose a field is, or when too few of the
    columns name a field without it."""
    custom = {c: c.strip()[: -len(m[0])] for c in columns if (m := _CUSTOM.search(c.strip()))}
    if len(custom) >= max(MIN_COLUMNS, MIN_SHARE * len(columns)):
        # A table of a Salesforce object's custom fields (a Marketing Cloud data extension's
        # "Attendee_Company__c"): the org's own fields, with no standard one beside them to prefer.
        taken = {c.strip().casefold() for c in columns}
        own = {c: rest for c, rest in custom.items() if rest.casefold() not in taken}
        if sum(1 for rest in own.values() if normal(rest) in ALL_ALIASES or _field_word(rest)) >= MIN_FIELDS:
            return own
    split = {c: m for c in columns if (m := _SUFFIX.match(c.strip()))}
    counts = Counter(m[2].strip().casefold() for m in split.values())
    if not counts:
        return {}
    word, count = counts.most_common(1)[0]
    if count < max(MIN_COLUMNS, 0.8 * len(columns)) or _meaningful(normalize_header(word)):
        return {}
    taken = {c.strip().casefold() for c in columns}
    out: dict[str, str] = {}
    for column, m in split.items():
        if m[2].strip().casefold() == word and m[1].casefold() not in taken:
            out[column] = m[1]
            taken.add(m[1].casefold())
    return out if sum(1 for rest in out.values() if normal(rest) in ALL_ALIASES) >= MIN_FIELDS else {}


def _shared_prefix(columns: list[str]) -> dict[str, str]:
    """The columns under the word most of the header's columns share, that word taken off; empty
    when no word is shared so, or when the rules read the word."""
    split = {c: m for c in columns if (m := _FIRST_WORD.match(c.strip()))}
    counts = Counter(m[1].casefold() for m in split.values())
    if not counts:
        return {}
    word, count = counts.most_common(1)[0]
    if count < max(MIN_COLUMNS, MIN_SHARE * len(columns)):
        return {}
    # JSON Lines whose every record is one object ({"type": "user", "user": {...}}, Mattermost's bulk
    # export): its key is the record's kind, not whose each field is, unless it names a company.
    wrapped = sum(c.strip().casefold().startswith(word + ".") for c in columns) >= 0.8 * len(columns)
    if normalize_header(word) in _SEATS | _ADDRESS_OBJECTS and any(
        c.strip().casefold().startswith(word + ".") for c in columns
    ):
        return {}  # a record's seat or address object ("siege.siret" is the seat's): json_paths()
    if _meaningful(normalize_header(word)) and not (wrapped and not re.match(COMPANY_PREFIX, word + "x")):
        return {}
    taken = {c.strip().casefold() for c in columns}
    out: dict[str, str] = {}
    for column, m in split.items():
        rest = m[2]
        if m[1].casefold() == word and rest.casefold() not in taken:
            out[column] = rest
            taken.add(rest.casefold())
    # Two fields are enough when every column of a short header shares the word ("faculty_name",
    # "faculty_url", "faculty_email", "faculty_phone": a directory scrape's).
    fields = MIN_FIELDS - 1 if len(out) == len(columns) <= SHORT else MIN_FIELDS
    if sum(1 for rest in out.values() if normal(rest) in ALL_ALIASES) < fields:
        return {}
    # A column read as it stands says the word means something ("Entity Name", "Dealer Name").
    if not wrapped and any(normal(column) in ALL_ALIASES or normal(column) in KIND_NAMES for column in out):
        return {}
    return out


# Objects inside a JSON record's objects that say nothing of whose a field is: an enrichment API's
# "person.name.givenName", "company.geo.city", "person.employment.title" are the person's given name,
# the company's city, the person's job. (An employment's "name" is the employer's: not read so.)
_CONTAINERS = frozenset(("geo", "name", "address", "location", "details", "info", "profile", "attributes"))
# The objects a lead post wraps its person in (LendingTree's "lead.consumer.contact.firstName").
_PERSON_OBJECTS = frozenset(
    (
        *("lead", "consumer", "contact", "borrower", "applicant", "person", "prospect"),
        # Atlassian Marketplace's licence: its technical contact is the licensee's person (not the
        # billing contact, nor a reseller's); a ticket order's buyer (Ticket Tailor's "buyer_details").
        *("technicalcontact", "buyerdetails"),
        # A B2B company's main contact (Shopify's "mainContact.customer.firstName", its "title"); a
        # payment's payer (PayPal's "payer_info.payer_name.given_name"); a checkout's customer (Stripe's
        # "customer_details.name").
        *("maincontact", "customer", "payerinfo", "payername", "customerdetails"),
    )
)
# The objects that hold the row's person on their own ("consumer.firstName", "mainContact.title").
_ONE_PERSON_OBJECTS = frozenset(
    (
        *("consumer", "borrower", "applicant", "technicalcontact", "buyerdetails"),
        *("maincontact", "payerinfo", "customerdetails"),
    )
)
# Parts of a street; a Salesforce record's own "attributes" ("type": Account, "referenceId").
_NOT_FIELDS = frozenset(("streetname", "streetnumber", "subpremise", "lat", "lng", "type", "referenceid"))
# An API's wrapper around a record or its fields: JSON:API's "attributes" (Klaviyo's, Brevo's
# "attributes.PRENOM"), a "data" envelope (DaData's "data.address.data.city"). It says nothing.
_WRAPPERS = frozenset(
    (
        *("data", "attributes", "properties", "fields", "result", "record", "item", "payload"),
        # A tool's own and custom fields (Intercom's "custom_attributes", Zendesk's "user_fields" and
        # "organization_fields", Sage Intacct's "DISPLAYCONTACT": the record's contact details).
        *("customattributes", "customfields", "userfields", "organizationfields", "displaycontact"),
        "contactdetails",  # Atlassian Marketplace's licences: the licensee's company and contacts
        # Iterable's users' "dataFields"; mParticle's profiles' "user_identities", "user_attributes".
        *("datafields", "useridentities", "userattributes"),
        # A form's answers (Webflow's "formResponse", Cal.com's "bookingFieldsResponses").
        *("formresponse", "formresponses", "bookingfieldsresponses", "responses", "answers", "formdata"),
        "dategenerale",  # ANAF's "date_generale": the company's general data
        # Which of a record's addresses or links (Bling's "endereco.geral", Holded's "socialNetworks").
        *("geral", "principal", "socialnetworks"),
        # A user's or a lead's profile (Okta's users' "profile.firstName"; HeyReach's leads'
        # "linkedInUserProfile", its conversations' "correspondentProfile"); a request's echoed input.
        *("profile", "userprofile", "linkedinuserprofile", "correspondentprofile", "input", "contactinfo"),
        # Ecwid's customers' "billingPerson" (their name, company and address); Wix's contacts' "info"
        # and "primaryInfo".
        *("billingperson", "info", "primaryinfo"),
    )
)
# A record's own address object: its parts are the record's address ("address.city", "location.zip").
# Not a second one (a correspondence, a billing, a mailing address), which keeps its path.
_ADDRESS_OBJECTS = frozenset(
    (
        *("address", "adres", "adresse", "adresa", "direccion", "endereco", "indirizzo", "anschrift"),
        *("location", "mailaddress", "addressattributes"),  # Sage Intacct's, freee's
        "postaladdress",  # Google Places' "postalAddress.locality"
    )
)
# A business's seat: its address is the company's, whoever the row is (CEIDG's "adresDzialalnosci",
# the French register's "siege", an Italian "sede", a register's "registeredOffice").
_SEATS = frozenset(
    (
        *("adresdzialalnosci", "businessaddress", "siege", "sede", "sedelegale", "headquarters", "hq"),
        *("registeredoffice", "registeredaddress", "hauptsitz", "firmensitz", "sitz", "companyaddress"),
        *("sidlo", "adresasediusocial"),  # the Czech register's seat (ARES), the Romanian registered office
    )
)
# A billing or shipping address object: read as the billing or shipping address columns are.
_BILLED = {
    **dict.fromkeys(("billaddress", "billingaddress", "invoiceaddress"), "billing"),
    **dict.fromkeys(("shipaddress", "shippingaddress", "deliveryaddress"), "shipping"),
}
_CUSTOM_FIELDS = frozenset(("customattributes", "customfields", "userfields", "organizationfields"))
# An address object's first line (freee's "street_name1", Chargebee's "line1"): its street.
_LINES = frozenset(("streetname1", "line1", "addressline1", "address1", "street1"))
# An address object's "region" is its state (OpenCorporates' "registered_address.region", SEC's
# "stateOrCountry"); Google's PostalAddress "regionCode" is its country.
_REGIONS = {
    **dict.fromkeys(("region", "administrativearea", "stateorcountry"), "state"),
    "regioncode": "country",
}
# A record's list of addresses keyed by kind: SEC's "addresses.business.city" is the business's.
_ADDRESS_LISTS = frozenset(("addresses", "adressen", "direcciones", "enderecos", "indirizzi"))
_BUSINESS_KINDS = frozenset(("business", "work", "office", "company", "registered"))
# An address object's "code" is its postal code (CEIDG's "kod", an Italian "codice").
_CODES = frozenset(("kod", "code", "codigo", "codice", "cod"))
# A localised text's own text: Google's LocalizedText ("displayName.text" beside "displayName.languageCode").
_LOCALISED = frozenset(("text",))
_ENVELOPES = frozenset(("user", "message"))
# A composite field's primary value (Twenty's "emails.primaryEmail", "phones.primaryPhoneNumber",
# "domainName.primaryLinkUrl"; its people's "company.domainName.primaryLinkUrl"): the field itself.
_PRIMARY_PARTS = {
    **{(g, p): "email" for g in ("emails", "email") for p in ("primaryemail",)},
    **{(g, p): "phone" for g in ("phones", "phone") for p in ("primaryphonenumber", "primaryphone")},
    **{
        (g, p): "website"
        for g in ("domainname", "domain", "website", "websites")
        for p in ("primarylinkurl", "linkurl", "url")
    },
}


# A record's lookup of its company, written as an object ({"name", "id"}).
_LOOKUPS = frozenset(
    ("accountname", "account", "accountid", "company", "companyid", "orgid", "organization", "organizationid")
)
# An email's or a phone's object or list: its address or number, the primary one or the first.
_FIELD_OBJECTS = {
    # Constant Contact's "email_address.address".
    **dict.fromkeys(("email", "emails", "emailaddresses", "primaryemail", "emailaddress"), "email"),
    **dict.fromkeys(("phone", "phones", "phonenumbers", "primaryphone"), "phone"),
    # FullEnrich's found address and number ("most_probable_work_email.email"); Bloomerang's
    # constituents' "PrimaryEmail.Value", "PrimaryPhone.Number".
    **dict.fromkeys(("mostprobableworkemail", "mostprobableemail"), "email"),
    "mostprobablephone": "phone",
}
_FIELD_PARTS = frozenset(
    ("email", "address", "value", "number", "numberformatted", "e164", "primary", "main", "0")
)
_NAME_PARTS = frozenset(("givenname", "familyname", "first", "last", "firstname", "lastname"))


def _field_object(parts: list[str]) -> str:
    """The field an email's or a phone's object names ("email.email", a primary phone's number,
    "emails.0.value"), else empty."""
    field = _FIELD_OBJECTS.get(normal(parts[0]))
    rest = [normal(p) for p in parts[1:]]
    if field is None or not rest or not all(p in _FIELD_PARTS for p in rest):
        return ""
    if "0" not in rest and "primary" not in rest and len(rest) > 1:
        return ""
    return field


def json_paths(columns: list[str]) -> dict[str, str]:
    """Return JSON Lines columns written as paths through such objects, read as their record's own
    field ("person.name.givenName" as "person.givenName", "attributes.email" as "email",
    "siege.code_postal" as the company's); empty when fewer than two are."""
    taken = {c.strip().casefold() for c in columns}
    # A person's record: its location is the person's own (Klaviyo's profiles), not a company's.
    named = (*ALIASES["person.first_name"], *ALIASES["person.last_name"])
    ends = {normal(c.strip().split(".")[-1]) for c in columns}
    # Or a whole name beside an email and a company's name (Intercom's contacts).
    people = bool(ends & set(named)) or (
        bool(ends & {"name", "fullname"})
        and bool(ends & set(ALIASES["person.email"]))
        and bool(ends & {"company", "companyname", "organization", "organisation"})
    )
    # An OpenID user's claims (sub, given_name, email_verified): its "address" is read as it stands.
    oidc = (
        len(ends & {"sub", "givenname", "familyname", "preferredusername", "emailverified", "zoneinfo"}) >= 3
    )
    # An envelope around every record ({"user": {...}}: Iterable's users; {"message": {"data": ...}}:
    # a CDP's jobs): it says nothing of whose each field is.
    firsts = Counter(c.strip().split(".")[0].casefold() for c in columns if "." in c)
    envelope = next((w for w, n in firsts.items() if w in _ENVELOPES and n >= 0.8 * len(columns)), "")
    out: dict[str, str] = {}
    for column in columns:
        parts = column.strip().split(".")
        if envelope and len(parts) > 2 and parts[0].casefold() == envelope:
            parts = parts[1:]
        if 2 <= len(parts) <= 3 and (kind := _PRIMARY_PARTS.get((normal(parts[-2]), normal(parts[-1])))):
            if (short := " ".join([*parts[:-2], kind])).casefold() not in taken:
                out[column] = short
                taken.add(short.casefold())
            continue
        if len(parts) < 2 or not all(parts) or normal(parts[-1]) in _NOT_FIELDS:
            continue
        if normal(parts[-1]) in _LOCALISED:
            parts = parts[:-1]  # Google's "displayName.text": the display name (its "languageCode" beside)
        inner = [p for p in parts[:-1] if normal(p) not in _WRAPPERS]
        last = parts[-1]
        custom = any(normal(p) in _CUSTOM_FIELDS for p in parts[:-1])
        if custom and normal(last).endswith("id"):
            continue  # a custom field's id ("custom_attributes.member_id") is another system's
        # An email's or a phone's object under a wrapper (FullEnrich's
        # "contact_info.most_probable_phone.number").
        field = _field_object(parts) or (_field_object([*inner, last]) if len(inner) == 1 else "")
        if len(parts) == 1:
            short = parts[0]
        elif len(parts) == 2 and normal(parts[0]) in _LOOKUPS and normal(parts[1]) in ("name", "companyname"):
            short = "organization name"  # Zoho's "Account_Name.name", Pipedrive's "org_id.name": its name
        elif field:  # Copper's "email.email", Nutshell's primary email, "phone.0.number"
            short = field
        elif not inner:  # "attributes.first_name": the record's own
            short = last
        elif len(inner) == 1 and normal(inner[0]) == "name" and normal(last) in _NAME_PARTS:
            short = last  # Nutshell's "name.givenName", "name.familyName": the record's own names
        elif len(inner) == 1 and normal(inner[0]) in _BILLED and normal(last) in ADDRESS_WORDS:
            short = f"{_BILLED[normal(inner[0])]} {last}"  # Holded's "billAddress.city": the billing city
        elif (normal(inner[-1]) in _ADDRESS_OBJECTS | _SEATS and len(inner) <= 2) or (
            len(inner) == 2 and normal(inner[0]) in _ADDRESS_LISTS and normal(inner[1]) in _BUSINESS_KINDS
        ):
            listed = normal(inner[0]) in _ADDRESS_LISTS
            whose = inner[0] if len(inner) == 2 and normal(inner[0]) not in _CONTAINERS and not listed else ""
            if len(inner) == 2 and not whose and not listed:
                continue
            last = "postalcode" if normal(last) in _CODES else last
            last = "street" if normal(last) in _LINES else last
            last = _REGIONS.get(normal(last), last)
            if normal(last) not in ADDRESS_WORDS:
                continue
            seat = normal(inner[-1]) in _SEATS or listed
            if oidc and not seat:
                continue
            own = "person" if people and normal(inner[-1]) == "location" else ""
            short = f"{whose or own}.{last}" if whose or own else f"company.{last}" if seat else last
        elif all(normal(p) in _PERSON_OBJECTS for p in inner) and (
            len(inner) >= 2 or normal(inner[0]) in _ONE_PERSON_OBJECTS
        ):
            if normal(last) == "id":
                continue  # the contact's own record ("mainContact.id"), not the row's
            # A lead post's "lead.consumer.contact.firstName": the consumer's. A record's main contact
            # ("mainContact.customer.firstName"): its primary contact's, the record an organisation.
            main = normal(inner[0]) in ("maincontact", "primarycontact", "keycontact")
            short = f"{'primarycontact' if main else 'contact'}.{last}"
        else:
            if len(inner) < 2:
                continue
            middle = [normal(p) for p in inner[1:]]
            job = middle == ["employment"] and normal(last) == "title"
            if not job and not all(m in _CONTAINERS for m in middle):
                continue
            short = f"{inner[0]}.{last}"
        if short.casefold() not in taken:
            out[column] = short
            taken.add(short.casefold())
    # One lookup of the company is enough ("company.company_name" beside its "company.id").
    # Nor one email's object beside the people's names ("email_address.address": Constant Contact's
    # contacts; not a company's "email_address.email", Keap's companies).
    one = "organization name" in out.values() or (people and "email" in out.values())
    return out if len(out) >= 2 or one else {}
