"""A header normalised for matching: the words that name a field, whatever the tool wraps them in."""

from __future__ import annotations

import re

from leadspace_cli.mapping.aliases import (
    _TOOL_PREFIX,
    ALIASES,
    GENITIVE,
    QUALIFIERS,
    WHOLE_NAME_HEADERS,
    fold,
    normalize_header,
    qualified,
    unmarked,
)
from leadspace_cli.mapping.blocks import ADDRESS_WORDS, ALL_ALIASES, first_item

_JOINED = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}):\s*(\S.*)$")  # a report's "Contact: Contact ID"


_NPSP = re.compile(r"^(contact|account)([12])(?=[a-z])")
_NPSP_RAW = re.compile(r"^\s*(Contact|Account)[12] \S")
# Sage's "Bill to City" and Dutch "FactuurPlaats" (Nmbrs): the billing address (a ship-to address is
# where goods go, often no office).
_BILL_TO = re.compile(r"^(?:billto|factuur|billfrom)(?=[a-z])")  # a vendor list's "Bill from City"
_SHIP_FROM = re.compile(r"^shipfrom(?=[a-z])")
_NUMBERED_ADDRESS = re.compile(
    r"^\s*(?:address|adresse|direccion|indirizzo|endereco|adres)\s*([12])\s*:\s*(.+)$"
    # Dataverse's logical names ("address1_city", "address1_line1", "address2_postalcode").
    r"|^\s*address_?([12])_([a-z]+(?:_?[12])?)\s*$"
)
# Dynamics 365's hidden key columns in its other languages: "(Nicht ändern) Firma" is the English
# export's "(Do Not Modify) Account".
_DO_NOT_MODIFY = re.compile(
    r"(?i)^\s*\((nicht ändern|ne pas modifier|no modificar|niet wijzigen|non modificare|não modificar)\)"
)


# A web form's question as its column's header (Google Forms, Typeform, Luma): the field it asks for,
# only in the wordings that ask for the person's own name, job, employer, email or phone, and read
# after every column named for the field (an "Organization name" beside "What kind of organization
# are you?"). A role in a purchase ("What is your role in the buying process?"), a company one uses,
# banks with or was referred by are no answers of these.
_COMPANY_LABEL = re.compile(
    r"^(the )?(name of )?(the |your )?(company|organi[sz]ation|employer) (you work (for|at)|you represent)$"
)
_QUESTIONS = (
    (
        "fullname",
        r"^(what is |whats )?your (full )?name\?$|^qual (e )?(o )?(seu|teu) nome( completo)?\?$"
        r"|^cual es (tu|su) nombre( completo)?\?$",
    ),
    (
        "askedjobtitle",
        r"^(what is |whats )?your (current )?(job )?(title|position|role)( at work)?\?$|^(your )?job title\?$"
        r"|^cual es (tu|su) (cargo|puesto)( actual)?( en la empresa)?\?$"
        r"|^qual (e )?(o )?(seu|teu) cargo( atual)?( na empresa)?\?$"
        r"|^quel est votre (poste|titre professionnel|fonction)( actuel(le)?)?\?$",
    ),
    (
        "askedcompany",
        r"^(what|which|the name of the) (company|organi[sz]ation|employer) (do you work (for|at)|are you "
        r"(with|from|affiliated with|representing)|do you represent)\?$"
        r"|^who is your (current )?employer\?$|^(what is |whats )?your (company|organi[sz]ation|employer)s?"
        r"( name)?\?$|^(para|en) que (empresa|compania) trabajas\?$|^para que empresa trabalha\?$",
    ),
    (
        "askedemail",
        r"^(what is |whats )?your (work |business |professional )?e ?mail( address)?\?$"
        r"|^qual (e )?(o )?(seu|teu) (melhor )?e ?mail( corporativo| profissional)?\?$"
        r"|^cual es (tu|su) (mejor )?(correo|e ?mail)( electronico)?\?$",
    ),
    (
        "askedphone",
        r"^(what is |whats )?your (work |mobile |cell |business )?(phone|mobile|cell)( number)?\?$"
        r"|^qual (e )?(o )?(seu|teu) (whats ?app|telefone|celular)( com ddd)?\?$"
        r"|^cual es (tu|su) (telefono|celular|whats ?app)\?$",
    ),
)


# A field of the main contact named after it: the contact person's (Siigo's Spanish "Nombres contacto
# principal", Portuguese "Telefone do contato principal").
_STRUCTURE = re.compile(r"(?i)^(.+?)\s*\(\s*coord\.?\s*structure\s*\)\s*$")
_WHOSE_ADDRESS = re.compile(r"^(billing|shipping|mailing|home|work|business|company)address(.+)$")
_MAIN_CONTACT = re.compile(r"(?i)^(.+?)\s+(?:del\s+|do\s+)?contact[oe]\s+principal$")
# A contact person's field named after it, in Spanish and Portuguese: "Correo contacto", "Teléfono de
# contacto", "Nome do contato" (an agency's contact beside the agency's own email and phone).
_OF_CONTACT = re.compile(r"(?i)^(\S+)\s+(?:(?:de|del|do|da)\s+)?conta(?:c)?to$")
_CONTACT_FIELDS = {
    **dict.fromkeys(("correo", "email", "mail", "correoelectronico"), "Email"),
    **dict.fromkeys(("telefono", "telefone", "celular", "movil", "whatsapp"), "Phone"),
    **dict.fromkeys(("nombre", "nome", "nombres"), "Name"),
    **dict.fromkeys(("apellido", "apellidos", "sobrenome"), "Last Name"),
    **dict.fromkeys(("cargo", "puesto"), "Title"),
    "empresa": "Company",  # Kommo's "Empresa do contato"
}


_CONTACT_SUFFIX = re.compile(r"(?i)^\s*(.+?)\s*\((?:contact|contato|contacto|kontakt|контакт)\)\s*$")


def _of_contact(m: re.Match[str]) -> str:
    field = _CONTACT_FIELDS.get(fold(m[1]).replace("-", ""))
    if field == "Company":
        return "Company"  # the contact's company: the row's company
    return f"Contact {field}" if field else m[0]


def question(column: str) -> str | None:
    """Return the name a form's question is read as ("What is your job title?" is "askedjobtitle", the
    last of the job title's aliases), or None when it asks for none of the person's own fields."""
    text = re.sub(r"['’`]", "", fold(column)).strip(" ¿¡*:")
    if "?" not in text:
        # A question written as its label: "Name of the company you work for".
        label = re.sub(r"[^a-z0-9]+", " ", text).strip()
        return "askedcompany" if _COMPANY_LABEL.match(label) else None
    text = re.sub(r"[^a-z0-9?]+", " ", text).strip()
    return next((name for name, pattern in _QUESTIONS if re.search(pattern, text)), None)


# A label with its key in brackets (Kajabi's "Phone Number (phone_number)", "Email (email)"): the
# label, or the key where the key names a field or qualifies the label ("City (home_city)"). A
# bracketed word alone is a qualifier ("(home)").
_KEYED = re.compile(r"^\s*([^()]+?)\s*\(([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+)\)\s*$")


def keyed(column: str) -> str:
    """Return a label with its key in brackets as the label (or the key), else the column."""
    if not (m := _KEYED.match(column)):
        return column
    label, key = normalize_header(m[1]), normalize_header(m[2])
    if "_" not in m[2] and key != label:
        return column
    # A key that qualifies its label says whose it is ("City (home_city)", "Email (work_email)").
    qualifies = key != label and (key.endswith(label) or key.startswith(label))
    return m[2] if key in ALL_ALIASES or qualifies or label not in ALL_ALIASES else m[1]


# A form's question about the person it is filled for: "Name of the Onboarding Member", "Position of
# the new hire", "Email of the participant": the field, and for a name, the person's whole name.
_OF_THE_PERSON = re.compile(
    r"^(.+?)\s+of\s+(?:the|this|a|an)\s+(?:[a-z]+\s+)?(member|attendee|participant|applicant|candidate|"
    r"employee|registrant|guest|student|volunteer|speaker|hire|delegate|visitor)\s*$",
    re.IGNORECASE,
)
_YOUR = re.compile(r"^(tu|su|votre|ton|ihre?|dein|deine|seu|sua|teu|tua|uw|je|il tuo)(.+)$")


def _of_the_person(m: re.Match[str]) -> str:
    field = normalize_header(m[1])
    return f"{m[2]} name" if field in ("name", "fullname", "names") else m[1]


CLAY_RESULTS = re.compile(r"(?i)^\s*(.+?) - (?:people|persons?|contacts?|employees?) - results?\s*$")


_FRESHBOOKS = re.compile(r"^\s*p_(street|street2|city|province|code|country)\s*$", re.IGNORECASE)
_FRESHBOOKS_PARTS = {
    "street": "Street",
    "street2": "Street 2",
    "city": "City",
    "province": "State",
    "code": "Postal Code",
    "country": "Country",
}


_ADDRESS_PARTS = {
    "city/town/village/locality": "City",
    "state/county": "State",
    "zip/postal code": "Postal Code",
    "country": "Country",
    "street/road name": "Street",
    # Its other versions' shorter names ("City of Address", "Zip code of Address").
    "city": "City",
    "state/province": "State",
    "zip code": "Postal Code",
    "postal code": "Postal Code",
}
_OF_ADDRESS = re.compile(
    r"(?i)\b(" + "|".join(re.escape(p) for p in _ADDRESS_PARTS) + r") of (?:postal )?address\s*$"
)


_OF_THE_LEAD = re.compile(r"(?i)^\s*(.+?)\s+(?:do|del|du|of the|of)\s+lead\s*$")
_GEOLOCATED = {"$city": "IP City", "$region": "IP Region", "$country_code": "Home Country"}
_FIELD_VALUE = re.compile(r"^([^.]+)\.value$")
# HubSpot's v1 records, as a Singer tap writes them: "properties.city.value" (its timestamp, source
# and sourceId beside), and the tap's flat copy "property_city.value".
_PROPERTY_VALUE = re.compile(r"^\s*(?:properties\.|property_)([^.]+)\.value\s*$")
# Dataverse's contacts: their parent customer's (account's) name, as the Web API formats the lookup.
_PARENT_CUSTOMER = re.compile(
    r"(?i)^\s*_?parentcustomerid(?:_value)?@OData\.Community\.Display\.V1\.FormattedValue\s*$"
)
# Its v1 contact profile's associated company: "associated-company.properties.name.value".
_ASSOCIATED_VALUE = re.compile(r"^\s*associated-company\.properties\.([^.]+)\.value\s*$")
# Gainsight's lookups through a reference field: "Person_ID__gr.FirstName" is the person's first name,
# "Company_ID__gr.Name" the company's name.
_GAINSIGHT_LOOKUP = re.compile(r"^\s*([A-Za-z]+?)(?:_?ID)?__gr\.([^.]+)\s*$")
_NPSP_FIELD = re.compile(r"^\s*(?:npe01|npe03|npe4|npe5|npo02|npsp)__(.+?)(?:__[cr])?(?=\.|\s*$)")
_ADDRESS_BOOK = re.compile(r"(?i)^\s*(address\s.+?)\s+-\s+(\d)\s*$")


def normal(column: str) -> str:
    """Return a header normalised for matching: tool names dropped, a report's object label joined.

    "Contact: Contact ID" is "contactid" (the object already leads the label), "Contact: Title" is
    "contacttitle", "Apollo Contact Id" is "contactid". A qualifier word is read as a prefix:
    "Straße geschäftlich" is "businessstrasse" (the company's street), "Ville (domicile)" "homeville".
    """
    if asked := question(column):
        return asked
    # Kommo's (amoCRM's) leads export: "Work email (contact)", "Email comercial (contato)", "Должность
    # (контакт)" are the lead's main contact's fields, read as a contact's.
    if suffixed := _CONTACT_SUFFIX.match(column):
        rest = normal(suffixed[1])
        return rest if rest.startswith("contact") else "contact" + rest
    column = _DO_NOT_MODIFY.sub("(Do Not Modify)", column)
    column = _OF_THE_LEAD.sub(r"\1", column)  # a lead inbox's "Nome do lead", "Email do lead": the lead's
    column = unmarked(column)  # an import template's required-field marker ("*ContactName"), "v_" and "c"
    # Mixpanel's reserved geolocation of a person's last seen IP ("$city", "$region"): no company's
    # address; its country is where the person is.
    column = _GEOLOCATED.get(column.strip().lower(), column)
    # HubSpot's v1 properties and its associated company's, Dataverse's parent customer: the field.
    column = _PROPERTY_VALUE.sub(r"\1", column)
    column = _ASSOCIATED_VALUE.sub(r"Company \1", column)
    column = _PARENT_CUSTOMER.sub("Company Name", column)
    # kintone's records: each field an object of its type and value ("担当者名": {"type", "value"}).
    column = _FIELD_VALUE.sub(r"\1", column)
    # Salesforce Nonprofit Success Pack's own fields: "npe01__WorkEmail__c" is the contact's work email,
    # "npsp__Primary_Affiliation__r.Name" their primary affiliation's (their employer's) name.
    column = _NPSP_FIELD.sub(r"\1", column)
    column = _GAINSIGHT_LOOKUP.sub(r"\1 \2", column)
    # Clay's list of people found at the company: "First Name - People - Results" is the person's.
    column = CLAY_RESULTS.sub(r"Person \1", column)
    # Pipedrive's address parts: "Organization - City/town/village/locality of Address" is its city.
    column = _OF_ADDRESS.sub(lambda m: _ADDRESS_PARTS[m[1].lower()], column)
    # FreshBooks' clients: "p_street", "p_city", "p_province", "p_code" are the primary address ("s_" the
    # secondary, a shipping one).
    if m := _FRESHBOOKS.match(column):
        column = "Primary " + _FRESHBOOKS_PARTS[m[1].lower()]
    # BigCommerce's customers: "Address City - 1" is the first address book entry's city; "- 2" another's.
    if m := _ADDRESS_BOOK.match(column):
        column = ("" if m[2] == "1" else "Other ") + m[1]
    column = composite(column)  # "Emails / Primary Email": the part that names the field
    column = keyed(column)  # Kajabi's "Phone Number (phone_number)": the label, or a qualifying key
    column = re.sub(r"(?<=\w)['’]s\b", "", column)  # "Customer's First Name": the customer's field
    # "E-Mail des Kunden", "Téléphone du client", "Email_cliente": the customer's
    column = GENITIVE.sub(lambda m: f"customer {m[1] or m[2]}", column)
    column = _OF_THE_PERSON.sub(_of_the_person, column)  # a form's "Name of the Onboarding Member"
    column = _MAIN_CONTACT.sub(r"primary contact \1", column)  # Siigo's "Nombres contacto principal"
    column = _OF_CONTACT.sub(_of_contact, column)  # "Correo contacto", "Telefone do contato"
    # RPPS's "Code postal (coord. structure)": the practice's (the structure's) address.
    column = _STRUCTURE.sub(r"Business \1", column)
    joined = _JOINED.match(column)
    if joined:
        obj = normalize_header(joined.group(1))
        obj = "organization" if obj == "recipientorg" else obj  # 360Giving's grants: "Recipient Org:City"
        obj = QUALIFIERS.get(obj, obj) if obj in ("dienstlich", "privat") else obj  # Thunderbird's German
        label = qualified(joined.group(2)) or normalize_header(joined.group(2))
        name = label if label.startswith(obj) else obj + label
    else:
        name = qualified(column) or normalize_header(column)
    name = first_item(name)
    name = _BILL_TO.sub("billing", name)  # Sage's "Bill to City": the billing city
    name = _SHIP_FROM.sub("shipping", name)
    # Shopify's B2B companies: "Location: Billing City" is the company location's billing city.
    if name.startswith(("locationbilling", "locationshipping")):
        name = name.removeprefix("location")
    # People Data Labs' "job_company_location_locality" is the employer's city, its "location_country"
    # the person's own country (a record's "Location Country" is its country, as "Country" is).
    name = "company" + name[10:] if name.startswith("jobcompany") else name
    # German Salesforce's "Rechnungsstraße", "Rechnungs-PLZ", "Rechnungsort": the billing address.
    if name.startswith("rechnungs") and name[9:] in ADDRESS_WORDS:
        name = "billing" + name[9:]
    # German SuiteCRM's "Rechnungsadresse Straße", "Lieferadresse Stadt": a billing, a shipping address.
    for german, block in (("rechnungsadresse", "billing"), ("lieferadresse", "shipping")):
        if name.startswith(german) and name[len(german) :] in ADDRESS_WORDS:
            name = block + name[len(german) :]
    rest = name.removeprefix("companylocation")
    if rest != name and name not in ALL_ALIASES and (rest in ADDRESS_WORDS or rest == "region"):
        name = "company" + ("state" if rest == "region" else rest)  # a location's region is its state
    elif name == "locationcountry":  # a "Location City" beside a business's figures: conventions
        name = "country"
    # Salesforce NPSP's data import: "Contact1 First Name" is the contact's, "Account1 Name" the
    # account's; the second contact's and account's are another's. Raiser's Edge's "CnBio_First_Name".
    if _NPSP_RAW.match(column):  # NPSP's own spelling only: "Contact 1 Phone" is an emergency contact's
        name = _NPSP.sub(lambda m: ("second" if m[2] == "2" else "") + m[1], name)
    name = name.removeprefix("cnbio")
    if re.match(r"(?i)\s*[a-z]+s ", column):  # not a collection's "organizations.name" (Claroline)
        name = plural_object(name)
    # "Address City", "Address Zip Code" (Virto Commerce), German "adresse_ort" (einzly): the address's.
    for noun in ("address", "adresse", "indirizzo", "direccion", "endereco"):
        # And Italian "indirizzo_citta", Spanish "direccion_ciudad" (an invoicing API's flattened address).
        if name.startswith(noun) and name not in ALL_ALIASES and name[len(noun) :] in ADDRESS_WORDS:
            name = name[len(noun) :]
            break
    # An object's address read past its noun: Chargebee's "billing_address[city]", "Shipping Address
    # Zip" are the billing city, the shipping zip.
    if (whose := _WHOSE_ADDRESS.match(name)) and name not in ALL_ALIASES:
        part = whose[2] if whose[2] in ADDRESS_WORDS else "address" + whose[2]
        name = whose[1] + part if part in ADDRESS_WORDS or whose[2] in ("line1", "line2") else name
    # Shopify's customers export: "Default Address City", "Default Address Company" are the customer's
    # own ("City", "Company" in its older export); its "Default Address Phone" is the address's line.
    if name.startswith("defaultaddress") and (name[14:] in ADDRESS_WORDS or name[14:] == "company"):
        name = name[14:]
    # Dynamics 365's "Address 1: City" (German "Adresse 1: Ort") is its record's main address,
    # "Address 2: City" its other one (Google Contacts' "Address 1 - City" is a person's, read elsewhere).
    numbered = _NUMBERED_ADDRESS.match(fold(column))
    which, part = (numbered[1] or numbered[3], numbered[2] or numbered[4]) if numbered else ("", "")
    # Dataverse's first line; Close's leads' "address_1_address_1"
    part = "street" if part in ("line1", "address_1", "address1") else part
    if numbered and normalize_header(part) in ADDRESS_WORDS:
        name = ("other" if which == "2" else "") + normalize_header(part)
    # A web form's "Your Name" (the sender's whole name), "your-email" (Contact Form 7): the field.
    name = "fullname" if name == "yourname" else re.sub(r"^your(?=.)", "", name)
    # The same in other languages ("Tu nombre y apellido", "Votre e-mail", "Ihre Telefonnummer"), when
    # what follows names a field: "Sucursal" is no "your cursal".
    if (m := _YOUR.match(name)) and (m[2] in ALL_ALIASES or m[2] in WHOLE_NAME_HEADERS):
        name = m[2]
    return _TOOL_PREFIX.sub("", name)


# A composite field's part, with spaces around the slash (Twenty's "Name / First Name", "Emails /
# Primary Email", "Address / City", "Domain Name / Link URL"), or two words for one field (EPESI's
# "Población / Localidad", "Provincia / Estado"). A qualifier's part is no field ("Home Address /
# City", "Venue / City", "Created by / Name"), nor are two fields' ("Email / Phone", "Name / Company").
_COMPOSITE = re.compile(r"^\s*([^/]+?)\s+/\s+([^/]+?)\s*$|^\s*([^-]+?)\s+-\s+([^-]+?)\s*$")
_SITE_GROUPS = ("domainname", "domain", "website", "websites")
_LINK = ("linkurl", "primarylinkurl", "url")
# A group's parts that name a field: a name's given and family names, an email, a phone, a place.
_PARTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("name", "names", "legalname"): ("firstname", "lastname"),  # and Workday's "Legal Name - First Name"
    ("emails", "email", "primaryemail"): ALIASES["person.email"],
    ("phones", "phone"): ALIASES["person.person_phone"],
    ("address", "primaryaddress"): ADDRESS_WORDS,
}


_SECOND_NAMES = ("nomecompleto", "nomeabreviado", "nomefantasia", "tradename", "shortname", "legalname")


# A directory's typed item: "Email | Work Email | Address", "Phone | Cell Phone | Number", "Link |
# Website | URL" (WordPress' Connections): the type in the middle names the field.
_PIPED = re.compile(r"^\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*$")
_PIPED_GROUPS = ("email", "emails", "phone", "phones", "phonenumber", "link", "links")
_PIPED_VALUES = ("address", "emailaddress", "number", "url", "value")


def composite(column: str) -> str:
    """Return the part of a composite header that names a field, else the header."""
    piped = _PIPED.match(column)
    if piped and normalize_header(piped[1]) in _PIPED_GROUPS and normalize_header(piped[3]) in _PIPED_VALUES:
        return piped[2]
    part = _COMPOSITE.match(column)
    if not part:
        return column
    if part[3]:
        # With a dash (Zurmo's "Primary Email - Email Address"), only a group's part that names the
        # field: "Person - Email" and Google's "Address 1 - City" are read elsewhere.
        group, field = normalize_header(part[3]), normalize_header(part[4])
        return part[4] if any(group in g and field in f for g, f in _PARTS.items()) else column
    group, field = normalize_header(part[1]), normalize_header(part[2])
    if group in _SITE_GROUPS:
        return "Website" if field in _LINK else column
    if any(group in groups and field in fields for groups, fields in _PARTS.items()):
        return part[2]
    if any(group in aliases and field in aliases for aliases in ALIASES.values()):
        return part[1]
    # An address's part beside a word no field has ("Provincia / Estado": estado is also a status), a
    # company's name beside another of its names ("Nome Fantasia / Nome Abreviado": Omie's); a kind
    # of party ("Organization / Individual", "Company / Department") is no name.
    if group in ALIASES["company.name"] and field in _SECOND_NAMES:
        return part[1]
    return part[1] if group in ADDRESS_WORDS and field not in ALL_ALIASES else column


# An object's fields under its plural (CustomerOS's "CONTACTS FIRST NAME", "ORGANIZATIONS NAME").
_PLURAL_OBJECT = re.compile(r"^(contact|organization|organisation|account|lead)s(.+)$")


def plural_object(name: str) -> str:
    """Return a normalised header with its object's plural read as the singular prefix."""
    plural = _PLURAL_OBJECT.match(name)
    if name in ALL_ALIASES or not plural:
        return name
    if plural[2].startswith(plural[1]):  # vtiger's reports: "Organizations Organization Name"
        return plural[2]
    return plural[1] + plural[2] if plural[2] in ALL_ALIASES or plural[1] + plural[2] in ALL_ALIASES else name


# What a cell holds when it holds nothing: a spreadsheet's errors, a script's or a database's null.
NOTHING = frozenset(
    ("#n/a", "#na", "#value!", "#ref!", "#name?", "#null!", "#div/0!", "#num!", "null", "nan", "none",
     "http://", "https://")  # a web form's empty link field
)  # fmt: skip
