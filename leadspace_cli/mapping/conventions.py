"""A header read by the conventions of the file it is in: names that mean another field beside
the columns a tool writes with them (SAP's table, Zoho's coded blocks, a maps scraper's places, a
localised address book's work block, a business's table, an XML export's paths)."""

from __future__ import annotations

import re

from leadspace_cli.mapping.aliases import (
    _CODED_BLOCKS,
    _KNOWN,
    _STATUS,
    _TRADE_NAMES,
    ACCOUNT_EVIDENCE,
    ACCOUNT_ROW,
    ALIASES,
    BARE_NAME,
    FACTUSOL_FIELDS,
    FACTUSOL_TABLE,
    FIRST_NAME_BESIDE_LAST,
    KIND_NAMES,
    LAST_NAME_BESIDE_FIRST,
    LISTING,
    PROTHEUS_FIELDS,
    PROTHEUS_TABLE,
    SAP_FIELDS,
    fold,
    names_of_people,
    names_of_persons,
    normalize_header,
)
from leadspace_cli.mapping.normal import normal

_ELOQUA = re.compile(r"^\s*C_[A-Z]")
_FIRST_CONTACT = {
    "email1": "contactemail",
    "email1firstname": "contactfirstname",
    "email1lastname": "contactlastname",
    "email1fullname": "contactfullname",
    "email1title": "jobtitle",
    "email1phone": "contactphone",
}


def conventions(normalized: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return a header's (normalised, column) pairs read by the conventions of the file they are in.

    SAP's field names where it is SAP's table; a block's "Code" beside its city (Zoho); a county that
    is no state's: beside a column that names a state (a US file's "County" and "Location State",
    Texas' "BUSINESS COUNTY" beside "BUSINESS CITY, STATE ZIP") a county is a county, not the state
    (it is the state only where nothing else is: a British file's); a "Display Name" beside no
    account's sign, a "Legal Name" beside a primary contact or a DBA name, a place's reviews, a
    listing's "url", an applicant's "Position" (each below); a localised address book's work block
    (address_books).
    """
    normalized = _shared_prefix(normalized)
    normalized = [(_looked_up(c) or n, c) for n, c in normalized]
    if sum(n in SAP_FIELDS for n, _ in normalized) >= 3 and not names_of_people(normalized):
        normalized = [(SAP_FIELDS.get(n, n), c) for n, c in normalized]
    names = {n for n, _ in normalized}
    if "email1" in names and {"email1firstname", "email1fullname"} & names:
        # Outscraper's "Emails & Contacts": each row's first contact found at the business, by the
        # email it was found with ("email_1_first_name", "email_1_title", "email_1_phone").
        normalized = [(_FIRST_CONTACT.get(n, n), c) for n, c in normalized]
    # Eloqua's contact fields by their own names ("C_EmailAddress", "C_FirstName"), two or more.
    eloqua = [(n[1:], c) for n, c in normalized if _ELOQUA.match(c) and n[1:] in _KNOWN]
    if len(eloqua) >= 2:
        renamed = {c: n for n, c in eloqua}
        normalized = [(renamed.get(c, n), c) for n, c in normalized]
    if sum(bool(PROTHEUS_TABLE.match(n)) for n, _ in normalized) >= 3:
        normalized = [
            (PROTHEUS_FIELDS[m[1]] if (m := PROTHEUS_TABLE.match(n)) else n, c) for n, c in normalized
        ]
    factusol = [m for n, _ in normalized if (m := FACTUSOL_TABLE.match(n))]
    if len(factusol) >= 4 and len({m[2] for m in factusol}) == 1:
        normalized = [
            (FACTUSOL_FIELDS[m[1]] if (m := FACTUSOL_TABLE.match(n)) else n, c) for n, c in normalized
        ]
    names = {n for n, _ in normalized}
    # Zoho's "Billing Code", "Mailing Code" beside the same block's city: its postal code (elsewhere a
    # billing code may be an accounting or a medical one, and a company's or a vendor's code its id).
    normalized = [
        (
            n[:-4] + "postalcode"
            if n.endswith("code") and n[:-4] in _CODED_BLOCKS and n[:-4] + "city" in names
            else n,
            c,
        )
        for n, c in normalized
    ]
    if "displayname" in names and (
        "leadid" in names
        or not any(
            n in (*ACCOUNT_ROW, *ACCOUNT_EVIDENCE, *BARE_NAME) or n.startswith("primarycontact")
            for n in names
        )
    ):
        # A "Display Name" is a lead's company only beside its contact or an account's signs (Close's
        # leads); in a phone book or a booking's export it is the person's whole name (not sent), and
        # so is a lead's contact's, beside its "lead_id" (Close's contacts).
        normalized = [("shownname" if n == "displayname" else n, c) for n, c in normalized]
    if "legalname" in names and any(
        n.startswith(("primarycontact", "maincontact", "keycontact")) or n in _TRADE_NAMES for n in names
    ):
        # A "Legal Name" beside an account's primary contact is the account's (TruckTMS's shippers and
        # carriers), beside the name it trades under ("DBA Name") a business's (the FMCSA's carriers);
        # elsewhere it is as often an employee's (an HR file's).
        normalized = [("companyname" if n == "legalname" else n, c) for n, c in normalized]
    if names & set(KIND_NAMES) and not names_of_persons(names):
        # An organisation named by its kind, in a file of them (a register's hospitals, an inspector's
        # establishments, a broker roster); beside a person's names it is another party (a patient's
        # pharmacy, a policy's carrier, a car buyer's dealer).
        normalized = [("companyname" if n in KIND_NAMES else n, c) for n, c in normalized]
    if {"name", "rating", "reviews"} <= names and names & _PLACE and not names & _PRODUCT:
        # A place's rating beside its reviews and its name (a restaurant guide's scrape): a listing's
        # review count (a gig's "Title" beside its rating and reviews is no business's name, nor a
        # product's "name" beside its price).
        normalized = [("reviewcount" if n == "reviews" else n, c) for n, c in normalized]
    if any(n in LISTING for n, _ in normalized):
        # A listing's bare "url" is its page on the directory, not the business's site (its values
        # may still say otherwise: judge.py).
        normalized = [("listingurl" if n == "url" else n, c) for n, c in normalized]
    if names & _OIDC_ONLY and len(names & _OIDC_CLAIMS) >= 2:
        # A user directory's OpenID Connect claims (Cognito's, Auth0's, Keycloak's): its "website"
        # is the user's own page, no company's.
        normalized = [("userwebsite" if n == "website" else n, c) for n, c in normalized]
        # Its "address" claim is the user's own (a home address), whatever company a custom
        # attribute names.
        normalized = [("home" + n if c.strip().startswith("address.") else n, c) for n, c in normalized]
    if any(n.startswith("location") and n[8:] in _FIRMOGRAPHICS for n in names):
        # A business list's "Location Address", "Location City" beside the location's sales volume or
        # its staff (Salesgenie's, Data Axle's): the business's own address, whoever is named beside.
        # Its "Location Address" beside its city is the street line.
        street = {"locationaddress": "companystreet"} if "locationcity" in names else {}
        normalized = [
            (street.get(n) or ("company" + n[8:] if n.startswith("location") and n[8:] in _PLACES else n), c)
            for n, c in normalized
        ]
    if any(c.startswith("Location: ") for _, c in normalized) and any(
        c.startswith("Customer: ") for _, c in normalized
    ):
        # Shopify's B2B companies: its bare "Name" is the company's (beside its locations and the
        # customers who buy for it).
        normalized = [("companyname" if n == "name" else n, c) for n, c in normalized]
    if any(n.startswith("sender") for n in names) and any(n.startswith("receiver") for n in names):
        # An enquiry marketplace's leads (IndiaMART's SENDER_NAME beside RECEIVER_MOBILE): the sender
        # is the buyer who asked, the row's person; the receiver is the seller, the file's owner.
        normalized = [(n.removeprefix("sender") if n.startswith("sender") else n, c) for n, c in normalized]
    if "nomcomplet" in names and names & {"siren", "siret", "raisonsociale", "nomraisonsociale"}:
        # The French register's "nom_complet" beside its SIREN is the company's full name, no person's.
        normalized = [("nomcompletentreprise" if n == "nomcomplet" else n, c) for n, c in normalized]
    if {"il", "ilce"} <= names:
        # A Turkish address's province ("İl": İstanbul) beside its district ("İlçe"): the city.
        normalized = [("city" if n == "il" else n, c) for n, c in normalized]
    for region in ("entidad", "departamento"):
        if {region, "municipio"} <= names:
            # Mexico's federal entity (INEGI's DENUE: Jalisco), Colombia's department (SECOP's
            # suppliers: Atlántico) beside its municipality: the state.
            normalized = [("state" if n == region else n, c) for n, c in normalized]
    if {"客户名称", "企业"} <= {c.strip() for _, c in normalized}:
        # WeCom's external contacts: the customer ("客户名称") is a person, at an enterprise ("企业").
        normalized = [("fullname" if c.strip() == "客户名称" else n, c) for n, c in normalized]
    zoom = names & {"jobtitle", "industry", "noofemployees", "roleinpurchaseprocess"}
    if "org" in names and zoom:
        # Zoom's registrants ("org" beside "job_title", "industry"): the registrant's organisation;
        # beside the registrant's own names, the address, city, state, zip and country are the
        # registrant's (Zoom's documentation), not the organisation's.
        own = {"org": "organization"}
        if names & {"firstname", "lastname", "email"}:
            own |= {p: f"home{p}" for p in ("address", "city", "state", "zip", "country")}
        normalized = [(own.get(n, n), c) for n, c in normalized]
    if "salesaccounts" in names and not names & {"website", "numberofemployees", "annualrevenue"}:
        # Freshsales' contacts view: its "Sales accounts" is the contact's company, its City, State,
        # Zipcode and Country the contact's own (the account's address is on the account's record).
        own = {p: f"home{p}" for p in ("address", "city", "state", "zipcode", "country")}
        normalized = [(own.get(n, n), c) for n, c in normalized]
    if sum(n.startswith("member") for n in names) >= 3 and {"memberfirstname", "memberlastname"} <= names:
        # RESO's Member resource (an MLS's agents): "MemberKey" is the agent's own record, their
        # "OfficeName" their brokerage, "MemberMobilePhone" their own phone.
        reso = {"memberkey": "id", "officename": "companyname", "membermobilephone": "mobilephone"}
        reso |= {"memberdirectphone": "directphone", "memberofficephone": "officephone"}
        normalized = [(reso.get(n, n), c) for n, c in normalized]
    if any(n.startswith("cnadrprf") for n in names):
        # Raiser's Edge's constituents' preferred address ("CnAdrPrf_City"): an organisation's own
        # (its "CnBio_Org_Name", no person's names), else the donor's home.
        whose = "" if "orgname" in names and not names & {"firstname", "lastname"} else "home"
        parts = {
            "addrline1": "street",
            "addrline2": "street2",
            "zip": "zip",
            "city": "city",
            "state": "state",
        }
        normalized = [
            (whose + parts.get(n[8:], n[8:]) if n.startswith("cnadrprf") else n, c) for n, c in normalized
        ]
    if "nazvanie" in names:
        # A Russian "Название" names a thing: an organisation beside its contact, its address or its
        # phone; else (a price list's goods) a bare name, judged by its values.
        firm = bool(names & {"contactname", "address", "city", "phone", "postalcode", "website", "email"})
        named = "companyname" if firm else "name"
        normalized = [(named if n == "nazvanie" else n, c) for n, c in normalized]
    if "companytitle" in names and names & {"secondname", "assignedbyid"}:
        # Bitrix24's CRM fields: a lead's "TITLE" is the lead's own name (a deal's), its "POST" the
        # person's job, its "COMPANY_TITLE" the company's name.
        bitrix = {"title": "leadtitle", "post": "jobtitle", "companytitle": "companyname"}
        normalized = [(bitrix.get(n, n), c) for n, c in normalized]
    if {"debitor", "kreditor"} <= names:
        # SAP's customer master carries the vendor number too, and its vendor master the customer's:
        # the first of the two is the row's own.
        later = max(
            ("debitor", "kreditor"), key=lambda n: next(i for i, (m, _) in enumerate(normalized) if m == n)
        )
        normalized = [(n + "xref" if n == later else n, c) for n, c in normalized]
    if "title" in names and names & _TALK:
        # A conference's speakers beside their talk's slides or abstract: the "title" is the talk's.
        normalized = [("talktitle" if n == "title" else n, c) for n, c in normalized]
    if {"createuid", "writeuid"} & names:
        # Odoo's tables (their create_uid, write_uid): a record's "user_id" is its salesperson.
        normalized = [("salespersonid" if n == "userid" else n, c) for n, c in normalized]
    if place_title(names):
        # A business's name as a maps scraper titles it ("Title, Address, PhoneNumber, WebsiteURL").
        normalized = [("companyname" if n == "title" else n, c) for n, c in normalized]
    if {"fn", "ln"} <= names:
        # A given and a family name abbreviated side by side (an order export's "fn", "ln").
        normalized = [({"fn": "firstname", "ln": "lastname"}.get(n, n), c) for n, c in normalized]
    if sum(n in APPLICATION for n in names) >= 2:
        # An applicant's "Position" or "Designation" is the job applied for (Horilla's, Personio's).
        normalized = [("appliedfor" if n in _APPLIED_FOR else n, c) for n, c in normalized]
    if any(re.search(r"\b(state|province)\b", fold(c)) and not _STATUS.match(n) for n, c in normalized):
        normalized = [(n + "name" if n.endswith("county") else n, c) for n, c in normalized]
    return address_books(normalized)


# The kinds of business a table of them names its columns after ("restaurant_title", "hotel_name").
_BUSINESS_OBJECTS = (
    *("restaurant", "hotel", "business", "place", "shop", "store", "venue", "firm", "clinic", "merchant"),
    *("dealer", "agency", "listing", "organization", "organisation", "company", "exhibitor", "school"),
)
_PLACE_PHONES = ("phone", "phonenumber", "telephone", "address", "fulladdress", "streetaddress")


def _shared_prefix(normalized: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Read every column past the prefix they all share: a business's table ("restaurant_title",
    "restaurant_phoneNumber", "restaurant_web": its name, phone and site), or a group an XML export
    flattened into paths ("ADRESA/FIRMA", "ADRESA/PSC", in a file with a group of three or more)."""
    words = [re.split(r"[_\s.:-]+", c.strip(), maxsplit=1) for _, c in normalized]
    if len(normalized) >= 3 and all(len(w) == 2 and w[1] for w in words):
        first = {fold(w[0]) for w in words}
        if len(first) == 1 and first <= set(_BUSINESS_OBJECTS):
            rest = [normal(w[1]) for w in words]  # "City/town/village/locality of Address": its city
            if len(set(rest)) == len(rest):
                pairs = zip(rest, (c for _, c in normalized), strict=True)
                return [("companyname" if r in ("title", "name") else r, c) for r, c in pairs]
    groups: dict[str, int] = {}
    for _, c in normalized:
        group, slash, _ = c.strip().partition("/")
        if slash and group and " " not in group:
            groups[group] = groups.get(group, 0) + 1
    if not groups:
        return normalized
    names = {n for n, _ in normalized}
    # An export of paths (a group of three or more): every group's fields are read past it, a
    # contact's given name too ("KONTAKT/JMENO" beside "KONTAKT/PRIJMENI", "ADRESA/FIRMA" alone).
    paths = max(groups.values()) >= 3
    read: list[tuple[str, str]] = []
    for n, c in normalized:
        group, _, last = c.strip().rpartition("/")
        base = group.partition("/")[0]
        m = normalize_header(last)
        known = m in _KNOWN or m in FIRST_NAME_BESIDE_LAST or m in LAST_NAME_BESIDE_FIRST
        if paths and base in groups and n not in _KNOWN and known and m not in names:
            n = m
        read.append((n, c))
    return read


# A Dynamics 365 export's lookup column: a field of the related record, "Website (Company Name)
# (Account)" (the contact's account's web site), "Email (Primary Contact) (Contact)".
_LOOKUP = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*\(([^()]+)\)\s*$")
_LOOKUP_ENTITIES = {"account": "company", "contact": "contact"}


def _looked_up(column: str) -> str | None:
    """The field a Dynamics lookup column names, under its record's prefix, when it is one read."""
    m = _LOOKUP.match(column)
    prefix = _LOOKUP_ENTITIES.get(normalize_header(m[3])) if m else None
    read = prefix + normalize_header(m[1]) if m and prefix else None
    return read if read in _KNOWN else None


# A speaker's talk beside its title: not a registration's session or track (its attendees' titles are jobs).
_TALK = {"slides", "slidesurl", "abstract", "talktitle", "sessiontitle", "slideurl", "talkabstract"}


def place_title(names: set[str]) -> bool:
    """Whether a "title" names a business: beside its site and its address or phone, and nothing of a
    person's or of another company's (no name, no email, no company column)."""
    return (
        "title" in names
        and bool(names & set(ALIASES["company.website"]))
        and bool(names & set(_PLACE_PHONES))
        and not names_of_persons(names)
        and not names & {*ALIASES["person.email"], *ALIASES["company.name"], "fullname"}
    )


# OpenID Connect's standard claims (a user pool's import file): one that no other export names so, and
# another; not its given_name and family_name, which QuickBooks' customers have too, nor a company
# scrape's "Profile" and "Picture" alone.
_OIDC_ONLY = {"preferredusername", "zoneinfo", "emailverified", "phonenumberverified", "cognitousername"}
_OIDC_CLAIMS = {*_OIDC_ONLY, "nickname", "picture", "profile", "cognitomfaenabled"}


# An application's own columns (a recruiting tool's candidates): two of them make a file of applicants.
APPLICATION = (
    *("stage", "hired", "hireddate", "joiningdate", "recruitment", "jobopening", "jobname", "coverletter"),
    *("resume", "resumelink", "resumeattachment", "applicationdate", "applieddate", "appliedon"),
    *("dateapplied", "offerletterstatus", "rejectionreason", "desiredsalary", "expectedsalary"),
    *("jobapplicant", "offerdate"),  # a job offer's (Frappe HR's): its "Designation" is the post offered
    *("bewerbungsdatum", "recruitingkanal", "absagegrund", "absagedatum", "ablehnungsdatum"),  # German
    *("stellenausschreibung", "linkzumlebenslauf", "motivationsschreiben"),
)
_APPLIED_FOR = ("position", "jobposition", "designation")
# A place's own columns beside its rating, and a product's.
_PLACE = {"address", "phone", "telephone", "category", "categories", "cuisine", "cusine", "city", "hours"}
_PRODUCT = {"price", "asin", "sku", "brand", "productid", "productname", "ean", "gtin"}


_FIRMOGRAPHICS = (
    *("salesvolume", "salesvolumeactual", "salesvolumerange", "employeesize", "employeesizeactual"),
    *("employeesizerange", "employees", "revenue", "annualsales", "sicode", "naicscode"),
)
_PLACES = {a for path in ALIASES if path.startswith("company.address.") for a in ALIASES[path]}
_DUTCH_WORK = {
    "werkadres": "street",
    "werkplaats": "city",
    "werkprovincie": "state",
    "werkpostcode": "postalcode",
}
_SWEDISH_WORK = re.compile(r"^(.+?),?\s+(arbete|foretag)\b")


def address_books(normalized: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return a header's pairs with a localised address book's work block read, where the file is one.

    Thunderbird's Dutch "Werk" places, two or more (a lone "Werkplaats" is a garage's workshop);
    its German and Dutch job title beside the book's department or organisation (else a manuscript's
    working title); its Swedish "Ort arbete" and Windows Live Mail's "Ort, företag" beside a home
    place (else a builder's job site); Korean Outlook's 성 beside its other columns (else a sex).
    """
    names = {n for n, _ in normalized}
    dutch = len(names & {*_DUTCH_WORK, "werkland"}) >= 2
    book = bool(names & {"abteilung", "organisation", "afdeling", "organisatie"})
    home = any(re.search(r"\bhem", fold(c)) for _, c in normalized)
    korean = bool({c for _, c in normalized} & {"중간 이름", "전자 메일 주소", "호칭"})

    def read(n: str, c: str) -> str:
        if dutch and (n in _DUTCH_WORK or n == "werkland"):
            return "business" + _DUTCH_WORK.get(n, "country")
        if book and n in ("arbeitstitel", "werktitel"):
            return "jobtitle"
        swedish = _SWEDISH_WORK.match(fold(c)) if home else None
        if swedish and (base := re.sub(r"[^a-z]", "", swedish[1])) in (
            *_PLACES,
            "adress",
            "gatuadress",
            "region",
        ):
            return "business" + ("street" if base in ("adress", "gatuadress") else base)
        return "lastname" if korean and c.strip() == "성" else n

    return [(read(n, c), c) for n, c in normalized]
