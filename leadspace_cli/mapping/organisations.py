"""A bare "Name" (or a customer's name) whose values are organisations: the file is one of companies.

A directory's scrape ("Name, Country, Email"), a register's sites ("name, city, state, zip"), a
vendor list ("Name, Address, City, ... Main, Work, Mobile"): the header alone cannot say whether its
"Name" is a person's or a company's, so detection sends neither (and reads the places as a person's).
Where most of the first rows' names carry an organisation's mark (a legal form, "Hospital", "Clinic",
"Winery", "University"), the header is read again with that column as "Company Name", so that every
rule for a file of companies holds (its address is the company's, its phone a switchboard).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.addressbooks import in_english
from leadspace_cli.mapping.aliases import URL_COLUMNS, bare_names, fold
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.spec import FULL_NAME, Mapping, shown

# At least this many names read, and this share of them an organisation's.
MIN_NAMES = 3
MIN_SHARE = 0.6
# From this share of rows named as people, the file mixes firms and people (an address book).
PEOPLE_SHARE = 0.25

# A legal form ending the name (any case, dots optional, a closing bracket allowed): "Acme Inc.",
# "Müller GmbH", "Bodegas Ruiz S.L.", "Tata Consultancy Services Ltd", "Nokia Oyj", "Acme L.P.". Two
# letters only in capitals or dotted ("Orkla AS", "Volvo AB", "Renault S.A."): "Joao Sa", "Nguyen
# Van Co" are people.
_LEGAL = re.compile(
    r"\S[\s,(]+(?:(?i:inc|incorporated|llc|l\.l\.c|llp|l\.p|ltd|limited|plc|corp|corporation|company|"
    r"gmbh|ohg|e\.\s?v|mbh|sarl|s\.a\.r\.l|sas|s\.a\.s|s\.a|s\.l|srl|s\.r\.l|spa|s\.p\.a|b\.v|n\.v|"
    r"oyj|asa|aps|a/s|sp\.? z o\.?o|s\.?r\.?o|a\.s|v\.o\.s|kft|zrt|d\.o\.o|pty|pte|pvt|bhd|sdn|k\.k|kgaa|"
    r"ltda|eireli|ltée|ltee|aktiengesellschaft|co\.|c\.\s?a)|"  # Venezuela's "C.A." (compañía anónima)
    r"AG|KG|UG|SA|SL|BV|NV|AB|AS|OY|Oy|KK|SE|LP|ME|EPP|GbR)\.?\)?\s*$"
)
# A word naming an organisation's kind, before any comma or dash ("Dr. Jane Smith, Medical Director"
# names a person by her job). Not a kind that is also a family name (Church, Bank, Hall).
_KIND = re.compile(
    r"(?i)\b(?:hospital|clinic|klinik|clinique|clinica|medical|health|healthcare|pharmacy|apotheke|"
    r"university|universit[äéa]t?|college|school|institute|institut|instituto|academy|center|centre|"
    r"colegio|escuela|centro|liceo|scuola|escola|[ée]cole|lyc[ée]e|"
    r"zentrum|group|gruppe|groupe|grupo|holdings?|partners|associates|associati|consulting|solutions|"
    r"services|systems|technologies|technology|industries|international|foundation|stiftung|fundaci[oó]n|"
    r"association|verein|society|insurance|coalition|alliance|federation|league|chamber|club|council|"
    r"network|care\s+homes?|nursing\s+homes?|hospice|svj|spole[čc]enstv[íi]\s+vlastn[íi]k[ůu]|hotel|restaurant|winery|vineyards?|brewery|bodegas?|"
    r"weingut|domaine|ch[aâ]teau|cantina|farms?|motors|dealer|dealership|agency|agentur|studio|labs?|"
    r"laboratories|software|media|logistics|transport|construction|manufacturing|trading|enterprises?|"
    r"store|shop|market|supply|supplies|distributors?|wholesale|council|ministry|department|"
    r"authority|office|practice|surgery|dental|veterinary|cooperative|genossenschaft|coop|"
    # A trade's plural or its sector ("Shree Fertilizers", "Mahalakshmi Agro", "Lakshmi Traders").
    r"traders|electronics|foods|textiles|fertili[sz]ers|chemicals|pharma|agro|seeds|furniture|plastics|"
    r"travels|tours|builders|developers|engineering|engineers|exports|printers|printing|packaging|"
    r"garments|jewell?ers|opticals|bakery|caf[eé]|salon|fitness|plumbing|heating|roofing|cleaning|"
    r"landscap(?:es|ing)|electrical|hair|beauty|nails|barbers?|repairs?|painting|flooring|catering|"
    r"photography|design|windows|removals|storage|dentistry|vets?|pets|garage|"
    # A business's kind in other languages: Polish, German, French, Spanish, Portuguese, Italian, Dutch.
    r"us[łl]ugi|zak[łl]ad|przedsi[ęe]biorstwo|sp[óo][łl]ka|hurtownia|sklep|biuro|serwis|gabinet|pracownia|"
    r"warsztat|praxis|kanzlei|steuerberatung|immobilien|autohaus|b[äa]ckerei|versicherung|verlag|"
    r"cabinet|boulangerie|agence|entreprise|soci[ée]t[ée]|boutique|pharmacie|immobilier|assurances?|"
    r"menuiserie|plomberie|empresa|tienda|farmacia|inmobiliaria|talleres|construcciones|servicios|"
    r"distribuciones|abogados|asesor[íi]a|loja|farm[áa]cia|imobili[áa]ria|construtora|servi[çc]os|"
    r"com[ée]rcio|ind[úu]stria|transportes|advogados|contabilidade|negozio|immobiliare|costruzioni|"
    r"servizi|officina|ristorante|impresa|bakkerij|apotheek|makelaardij|installatiebedrijf|"
    r"advocaten|bedrijf|"
    # An investor's kind (a VC list's "Tiger Global Management", "Elevation Capital").
    r"capital|ventures|venture|investments|fund|funds|equity|management|advisors|advisory|"
    # Vietnamese "Công ty TNHH" (a limited company), "Cổ phần" (joint-stock).
    r"c[ôo]ng ty|cty|tnhh|c[ổo] ph[ầa]n)\b"
    # Japanese and Chinese marks, anywhere in the name (no word boundaries in these scripts): a joint-
    # stock company, a limited one, construction, industry, trading, a hospital, a university.
    r"|株式会社|有限会社|合同会社|[(（]株[)）]|建設|工業|商事|産業|製作所|工務店|病院|大学|銀行|公司|集团|集團"
)


# A customer's or a client's name: a person's or a firm's, as its values say.
_CUSTOMER_NAMES = (
    *("customername", "clientname", "customer", "client", "supplier", "vendor", "investorname"),
    *("klantnaam", "naamklant", "klient", "nazevklienta"),  # Dutch, Czech, Polish: a customer's name
    # A supplier in French, Spanish, Portuguese, Italian and German (a city's awarded suppliers); as
    # often a flag ("Fournisseur": Oui) beside the firm's own name, so only by its values.
    *("fournisseur", "nomfournisseur", "proveedor", "fornecedor", "fornitore", "lieferant", "furnizor"),
    # A brand's stockists, a press list's outlet: a consumer's "Retailer" (where they bought) and a
    # shop's "Outlet" (its own branch) are no company of the row's.
    *("retailer", "retailername", "outlet", "mediaoutlet"),
)


# A person's mailbox: two names joined ("jane.doe@", "j_smith@", "li-wei2@"), neither of them a
# word a company's mailbox is named by ("customer.service@", "ventas-mx@", "front.desk@").
_PERSON_MAILBOX = re.compile(r"^([a-z]+)[._-]([a-z]+)\d*@", re.IGNORECASE)
_MAILBOX_WORDS = frozenset(
    (*("info", "contact", "contacto", "kontakt", "hello", "hola", "bonjour", "hi", "office", "admin"),
     *("administracion", "sales", "ventas", "vertrieb", "commercial", "comercial", "support", "service"),
     *("services", "customer", "customers", "client", "clients", "mail", "team", "account", "accounts"),
     *("billing", "invoice", "invoices", "finance", "ap", "ar", "marketing", "press", "media", "help"),
     *("no", "noreply", "reply", "post", "reception", "accueil", "empfang", "zentrale", "general"),
     *("webmaster", "hr", "jobs", "careers", "recruiting", "talent", "hiring", "people", "order", "orders"),
     *("recrutement", "recruitment", "rh", "emploi"),
     *("shop", "store", "events", "event", "expo", "partners", "news", "newsletter", "direction"),
     *("secretariat", "buero", "anfrage", "reservations", "front", "desk", "it", "legal", "privacy"),
     *("compta", "buchhaltung", "rechnung", "verwaltung", "the", "my", "us", "de", "fr", "uk", "mx"),
     *("contato", "financeiro", "faturamento", "vendas", "atendimento", "fiscal", "sac", "secretaria"),
     *("reservas", "recepcion", "recepcao"))
)  # fmt: skip


def _personal(address: str) -> bool:
    """Whether an email address reads as a person's: first and last names joined, no mailbox's word."""
    names = _PERSON_MAILBOX.match(address.strip())
    return names is not None and not {names[1].lower(), names[2].lower()} & _MAILBOX_WORDS


# An organisation's initials, dotted, before its place: Spanish schools' "C.E.I.P. Santa Ana",
# "I.E.S. Zurbarán", "A.E.P.A. Alburquerque" (a person's are two: "J.R. Smith").
_INITIALS = re.compile(r"^(?:[A-Z]\.){3,}\s")


def _organisation(value: str) -> bool:
    """Whether a name reads as an organisation's."""
    kind = _KIND.search(re.split(r",| - | – ", value)[0])
    return bool(_LEGAL.search(value) or kind or _INITIALS.match(value))


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def host(site: str) -> str:
    """A web address's host, without its scheme and "www." ("https://www.abc.com/x": abc.com)."""
    return re.split(r"[/?#:]", re.sub(r"^[a-z]+://", "", site.lower()))[0].removeprefix("www.")


def _named_by(name: str, address: str) -> bool:
    """Whether a row's email or web site names the organisation: its mailbox is a company's ("info@",
    "office@"), or its domain begins the name ("ksv@ksv.at" of "KSV1870 Information GmbH")."""
    address = address.strip().lower()
    box, _, domain = address.rpartition("@")
    if box and set(re.split(r"[._+-]", box)) & _MAILBOX_WORDS:
        return True
    domain = host(domain or address)
    whole = _compact(name)
    labels = [label for label in domain.split(".")[:-1] if len(label) >= 3]
    # The name begins the domain or the domain begins the name: "maria@berger.at" is Maria Berger's own.
    return bool(whole) and any(
        whole.startswith(_compact(label)) or _compact(label).startswith(whole) for label in labels
    )


def _firms_box(name: str, address: str) -> bool:
    """Whether an email's mailbox is made of the organisation's name alone: each of its parts is a
    word of it, or four letters or more of it ("aepa.burguillosdelcerro@" of "A.E.P.A. Burguillos del
    Cerro"); "anna.pluskota@" of "Pluskota & Spinnraths GbR" is a person's."""
    words = {_compact(w) for w in name.split()} - {""}
    whole = _compact(name)
    parts = [_compact(p) for p in re.split(r"[._+-]", address.strip().lower().partition("@")[0])]
    parts = [p for p in parts if p and not p.isdigit()]
    return bool(parts) and all(p in words or (len(p) >= 4 and p in whole) for p in parts)


def _row_of_organisation(name: str, addresses: list[str]) -> bool:
    return _organisation(name) or any(_named_by(name, a) for a in addresses if a.strip())


# A person's name: two to four words of letters (an apostrophe, a hyphen, a dot), no "&" or digits.
_PERSON_NAME = re.compile(r"^[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){1,3}$")


def _mailbox(addresses: list[str]) -> str:
    return next((a.strip() for a in addresses if "@" in a), "")


def _row_of_person(name: str, addresses: list[str]) -> bool:
    """Whether a row's name is a person's: no organisation's mark, and a word of it (three letters
    or more) begins or ends its email's mailbox on another domain ("Carlos Ruiz", cruiz.dev@)."""
    if _row_of_organisation(name, addresses) or not _PERSON_NAME.match(name.strip()):
        return False  # a mark, a firm's mailbox ("recrutement.ouest@"), a domain that begins the name
    words = [_compact(w) for w in name.split() if len(_compact(w)) >= 3]
    for address in addresses:
        box, _, domain = address.strip().lower().rpartition("@")
        parts = [_compact(p) for p in re.split(r"[._+-]", box) if p]
        if box and any(
            w not in domain and any(p.startswith(w) or p.endswith(w) for p in parts) for w in words
        ):
            return True
    return False


def organisations(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> Mapping:
    """Return the header read as a file of companies when its bare "Name" holds organisations'
    names and nothing else names the company or a person's given or family name; else ``mapping``."""
    _coded_names(mapping, values)
    if "company.name" not in mapping.fields and {"person.first_name", "person.last_name"} <= set(
        mapping.fields
    ):
        return _customers(mapping, columns, values)
    if any(path in mapping.fields for path in ("company.name", "person.first_name", "person.last_name")):
        return mapping
    used = mapping.columns_used()
    normalized = [(normal(c), c) for c in columns]
    named = [c for n, c in normalized if n in _CUSTOMER_NAMES]  # a customer may be a person or a firm
    # Its email and web site columns, a bare "URL" too (judged by its values only later).
    sites = [c for p in ("person.email", "company.website") for c in mapping.columns_of(p)]
    sites += [c for n, c in normalized if n in URL_COLUMNS and c not in sites]
    # A directory's listings named by their "title" (a chamber of commerce's members), where no job
    # title is read from it: judged by its values as a bare "Name" is.
    titled = [c for n, c in normalized if n == "title"] if "person.title" not in mapping.fields else []
    # Not a notice's or a page's title ("Belgium-Brussels: Cleaning services", a sentence of a subject).
    titled = [
        c for c in titled if 5 * sum(":" in v or len(v.split()) > 8 for v in values(c)) <= len(values(c))
    ]
    for column in [*bare_names(normalized), *named, *titled]:
        if column in used:
            continue
        rows = [
            (name.strip(), list(addresses))
            for name, *addresses in zip(values(column), *(values(c) for c in sites), strict=True)
            if name.strip()
        ]
        firms = [row for row in rows if _row_of_organisation(*row)]
        if len(rows) < MIN_NAMES or len(firms) < MIN_SHARE * len(rows):
            continue
        if "Company Name" in columns:
            return mapping
        renamed = {column: "Company Name"}
        # The companies' own mailing address (Tally's ledgers: "mailing_address", "mailing_state"),
        # where no other address names them: read as the company's.
        if not any(p.startswith("company.address.") for p in mapping.fields):
            mailing = {c: f"Company {n[7:]}" for n, c in normalized if n.startswith("mailing") and n[7:]}
            renamed.update((c, m) for c, m in mailing.items() if detect([m]).fields)
        # Read as detect_source read it (a prefix's, an address book's), the column renamed.
        read = in_english(renamed, mapping, detect([renamed.get(c, c) for c in columns]))
        if read.fields.get("company.name") != column:
            return mapping
        read.notes.append(
            f"{column!r} holds organisations' names ({firms[0][0]!r}, ...): the file is one of companies, "
            "sent as company.name with its address as the company's."
        )
        # Rows of people among them (an address book of firms and people: "Carlos Ruiz",
        # cruiz.dev@): the email and the phone may be a person's, so they stay.
        people = [row for row in rows if _row_of_person(*row)]
        if len(people) < PEOPLE_SHARE * len(rows):
            _no_person(read, columns, values)
        else:
            read.notes.append(
                f"Some of its rows are people's ({people[0][0]!r}, {_mailbox(people[0][1])!r}): the "
                "email and the phone are sent as theirs."
            )
        return read
    return mapping


def _coded_names(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out a company name column of codes (the IRS register's "ORGANIZATION": 1, 3, 5, a kind
    of organisation): a bare "Name" beside it may then be the organisations' (review of R21)."""
    company = mapping.fields.get("company.name")
    if not isinstance(company, str):
        return
    filled = [v.strip() for v in values(company) if v.strip()]
    if len(filled) >= MIN_NAMES and sum(not any(ch.isalpha() for ch in v) for v in filled) >= 0.8 * len(
        filled
    ):
        del mapping.fields["company.name"]
        mapping.candidates.pop("company.name", None)
        mapping.notes = [n for n in mapping.notes if not n.startswith(f"{company!r} and ")]
        mapping.notes.append(f"{company!r} holds codes, not names ({filled[0]!r}): not sent as company.name.")


_CUSTOMERS = ("customername", "clientname", "customer", "client", "accountname")


def _customers(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> Mapping:
    """Return the header read with a "Customer Name" as the company where the rows are people named
    by their own first and last names and the column holds organisations (a B2B shop's customer
    users: "Harborline Marine Supply" beside dwhitfield@harborlinemarine.com); else ``mapping``."""
    used = mapping.columns_used()
    emails = mapping.columns_of("person.email")
    for column in [c for c in columns if normal(c) in _CUSTOMERS and c not in used]:
        rows = [
            (name.strip(), list(addresses))
            for name, *addresses in zip(values(column), *(values(c) for c in emails), strict=True)
            if name.strip()
        ]
        firms = [row for row in rows if _row_of_organisation(*row)]
        if len(rows) < MIN_NAMES or len(firms) < MIN_SHARE * len(rows) or "Company Name" in columns:
            continue
        renamed = {column: "Company Name"}
        read = in_english(renamed, mapping, detect([renamed.get(c, c) for c in columns]))
        if read.fields.get("company.name") != column:
            return mapping
        read.notes.append(
            f"{column!r} holds organisations' names ({firms[0][0]!r}, ...): the people's company, sent as "
            "company.name."
        )
        return read
    return mapping


# What names a person in a file of companies: their names, their job, a contact person's column.
_PERSON_SIGNS = ("person.first_name", "person.last_name", "person.title")
_CONTACT = re.compile(
    r"(primary|main|key)?contact(person|persoon|name)?|ansprech(partner|person)(name)?|kontaktperson|"
    r"personnedecontact|referente|interlocuteur|(nome|nombre|pessoade|personade)conta(c)?to|"
    # Hungarian, Finnish, Czech, Polish, Turkish, Vietnamese, Italian, Indonesian, Russian, Hebrew.
    r"kapcsolattarto|yhteyshenkilo|kontaktniosoba|osobakontaktowa|ilgilikisi|yetkilikisi|nguoilienhe|"
    r"personadicontatto|namakontak|kontakperson|yetkili(adi)?|personadecontacte|pic"
)


def contact_person(columns: list[str]) -> bool:
    """Whether a column names a contact person ("Contact Person", "Ansprechperson"): the phone and
    the email beside it may be theirs."""
    return any(_CONTACT.fullmatch(normal(c)) for c in columns)  # not "Last Contact", a date


def _no_person(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """In a file of companies that names no person, leave out the businesses' own phone (a
    switchboard) and an email column of their mailboxes (info@, office@): no person's to match.
    Beside a contact person's column the phone stays (it may be theirs), and the email goes only
    when most of it is role mailboxes."""
    if any(path in mapping.fields for path in _PERSON_SIGNS):
        return
    beside = contact_person(columns)  # a contact person's: the phone may be theirs, not a mailbox
    phone = mapping.fields.get("person.person_phone")
    if isinstance(phone, str) and not beside:
        del mapping.fields["person.person_phone"]
        mapping.notes.append(f"{phone!r} is the businesses' own number (no person is named): not sent.")
    email = mapping.fields.get("person.email")
    if isinstance(email, str):
        company = mapping.fields.get("company.name")
        firms = values(company) if isinstance(company, str) else [""] * len(values(email))
        rows = [(v, firm) for v, firm in zip(values(email), firms, strict=True) if v.strip()]
        seen = [v for v, _ in rows]
        boxes = sum(
            bool(set(re.split(r"[._+-]", v.strip().lower().partition("@")[0])) & _MAILBOX_WORDS) for v in seen
        )
        # A mailbox named by its firm's own name ("aepa.alburquerque@" of "A.E.P.A. Alburquerque") is
        # no person's, though two words are joined as a person's are.
        people = sum(_personal(v) and not _firms_box(firm, v) for v, firm in rows)
        if seen and (boxes >= 0.5 * len(seen) if beside else people < 0.5 * len(seen)):
            del mapping.fields["person.email"]
            mapping.notes.append(
                f"{email!r} holds the businesses' mailboxes ({seen[0].strip()!r}, ...), no person's: "
                "not sent."
            )


# A column that names a person in full or by a role: a contact's, an owner's, a bare name.
_WHOLE_NAME = re.compile(r"(name|fullname|contact|contactperson|person|owner|ownername)$")


_WORD = re.compile(r"[^\W\d_]{2,}")


def trade_names(names: list[str], companies: list[str]) -> bool:
    """Whether a name column holds the firms' trade names beside their legal names: in most rows
    both fill, two or more and most of the name's words are in the legal name ("Auto Center
    Nacional", "Auto Center Nacional Comércio Ltda"); a family name in a firm's ("Ann Sevonty",
    "Sevonty Restoration") is not."""
    pairs = [(n, c) for n, c in zip(names, companies, strict=False) if n.strip() and c.strip()]
    shared = []
    for name, company in pairs:
        words = {w.casefold() for w in _WORD.findall(name)}
        both = words & {w.casefold() for w in _WORD.findall(company)}
        if len(both) >= 2 and len(both) * 2 > len(words):
            shared.append(name)
    return len(shared) >= 2 and len(shared) * 2 > len(pairs)


def unnamed_phone(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Leave out the phone of rows that name a company and no person: every column that could name
    one (a contact's name, an owner's, a bare name) is empty in the rows read or holds the firms'
    names (a maps scrape's leads with an empty ``contact_name``): the number is the business's."""
    phone = mapping.fields.get("person.person_phone")
    company = mapping.fields.get("company.name")
    email = mapping.fields.get("person.email")
    if (phone is None and email is None) or not isinstance(company, str):
        return
    boxes = [v for v in values(email) if v.strip()] if isinstance(email, str) else []
    if 2 * sum(map(_personal, boxes)) > len(boxes):
        return  # people's own mailboxes (jane.doe@): the phone beside them may be theirs
    if any(p in mapping.fields for p in ("person.first_name", "person.last_name", "person.title", FULL_NAME)):
        return
    if company in bare_names([(normal(c), c) for c in columns]):
        return  # a bare "Name" of firms (and maybe people): organisations() judged its phone
    firms = {v.strip().lower() for v in values(company) if v.strip()}
    bare = bare_names([(normal(c), c) for c in columns])  # "Name", "Nombre", "Nome" in any language
    used = mapping.columns_used()  # the company's own, its city's name ("address.city.name")
    named = [c for c in columns if c not in used and (c in bare or _WHOLE_NAME.search(normal(c)))]
    for column in named:
        seen = [v.strip() for v in values(column) if v.strip()]
        if len(seen) >= 3 and len(set(seen)) == 1:
            continue  # one name on every row: the caller's, the owner's, not each row's person
        if column in bare and trade_names(values(column), values(company)):
            continue  # the firms' trade names beside their legal ones ("Clínica VetCare")
        if any(v.lower() not in firms and not _organisation(v) for v in seen):
            return  # a person may be named: the phone may be theirs
    if not firms:
        return
    if phone is not None:
        del mapping.fields["person.person_phone"]
        mapping.notes.append(
            f"{phone!r} is the businesses' own number (no person is named in the rows read): not sent."
        )
    # Their mailboxes too, where most are a firm's (info@, sales@, contato1@): "担当者未確認", no one
    # in charge known.
    roles = [b for b in boxes if re.sub(r"\d+$", "", b.strip().lower().partition("@")[0]) in _MAILBOX_WORDS]
    if isinstance(email, str) and boxes and 2 * len(roles) > len(boxes):
        del mapping.fields["person.email"]
        mapping.candidates.pop("person.email", None)
        mapping.notes.append(f"{email!r} holds the businesses' own mailboxes ({shown(roles[0])}): not sent.")


def repeated_name(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Where the whole name and the company name hold the same value in most rows, one of them is
    not what it says: organisations' names (a register's "nom_complet" beside "nom_raison_sociale")
    are no person's, and people's names (Kommo's "Empresa do contato", filled with the contact's own
    where the lead named no company) no company's."""
    whole, company = mapping.fields.get(FULL_NAME), mapping.fields.get("company.name")
    if not isinstance(whole, str) or not isinstance(company, str):
        return
    pairs = [(n.strip(), c.strip()) for n, c in zip(values(whole), values(company), strict=True) if c.strip()]
    same = [n for n, c in pairs if fold(n).casefold() == fold(c).casefold()]
    if len(pairs) < 3 or len(same) * 2 <= len(pairs):
        return
    if sum(map(_organisation, same)) * 2 >= len(same):
        del mapping.fields[FULL_NAME]
        mapping.notes[:] = [
            n for n in mapping.notes if not n.startswith(f"{whole!r} holds people's whole names")
        ]
        mapping.notes.append(
            f"{whole!r} repeats the organisations' names ({company!r}): not sent as a person's."
        )
        return
    del mapping.fields["company.name"]
    mapping.candidates.pop("company.name", None)
    mapping.notes.append(
        f"{company!r} repeats the people's own names ({whole!r}) in most rows: not sent as company.name."
    )
