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
from leadspace_cli.mapping.aliases import bare_names
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.spec import Mapping

# At least this many names read, and this share of them an organisation's.
MIN_NAMES = 3
MIN_SHARE = 0.6

# A legal form, written as a word of its own after the name (any case, dots optional): "Acme Inc.",
# "Müller GmbH", "Bodegas Ruiz S.L.", "Tata Consultancy Services Ltd", "Nokia Oyj", "Orkla ASA"; never
# the first word ("Co Nguyen" is a person).
_LEGAL = re.compile(
    r"(?i)\S[\s,(]+(?:inc|incorporated|llc|l\.l\.c|llp|lp|ltd|limited|plc|corp|corporation|co|company|"
    r"gmbh|ag|kg|ohg|ug|e\.?\s?v|mbh|sarl|sas|sa|s\.a|s\.l|sl|srl|s\.r\.l|spa|s\.p\.a|bv|b\.v|nv|n\.v|"
    r"oy|oyj|ab|as|asa|aps|a/s|sp\.? z o\.?o|s\.?r\.?o|kft|zrt|d\.o\.o|pty|pte|pvt|bhd|sdn|kk|k\.k|"
    r"ltda|eireli|me|epp|cia|gbr|partg|ltée|ltee|inc\.)\.?(?=$|[\s,)])"
)
# A word that names an organisation's kind (English, French, German, Spanish, Italian, Portuguese, Dutch).
_KIND = re.compile(
    r"(?i)\b(?:hospital|clinic|klinik|clinique|clinica|medical|health|healthcare|pharmacy|apotheke|"
    r"university|universit[äéa]t?|college|school|institute|institut|instituto|academy|center|centre|"
    r"zentrum|group|gruppe|groupe|grupo|holdings?|partners|associates|associati|consulting|solutions|"
    r"services|systems|technologies|technology|industries|international|foundation|stiftung|fundaci[oó]n|"
    r"association|verein|society|bank|insurance|hotel|restaurant|winery|vineyards?|brewery|bodegas?|"
    r"weingut|domaine|ch[aâ]teau|cantina|farms?|motors|dealer|dealership|agency|agentur|studio|labs?|"
    r"laboratories|software|media|logistics|transport|construction|manufacturing|trading|enterprises?|"
    r"store|shop|market|supply|supplies|distributors?|wholesale|church|council|ministry|department|"
    r"authority|office|practice|surgery|dental|veterinary|cooperative|genossenschaft|coop)\b"
)


# A customer's or a client's name: a person's or a firm's, as its values say.
_CUSTOMER_NAMES = ("customername", "clientname", "customer", "client")


def _organisation(value: str) -> bool:
    """Whether a name reads as an organisation's."""
    return bool(_LEGAL.search(value) or _KIND.search(value))


def organisations(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> Mapping:
    """Return the header read as a file of companies when its bare "Name" holds organisations'
    names and nothing else names the company or a person's given or family name; else ``mapping``."""
    if any(path in mapping.fields for path in ("company.name", "person.first_name", "person.last_name")):
        return mapping
    used = mapping.columns_used()
    normalized = [(normal(c), c) for c in columns]
    named = [c for n, c in normalized if n in _CUSTOMER_NAMES]  # a customer may be a person or a firm
    for column in [*bare_names(normalized), *named]:
        if column in used:
            continue
        names = [v.strip() for v in values(column) if v.strip()]
        if len(names) < MIN_NAMES or sum(map(_organisation, names)) < MIN_SHARE * len(names):
            continue
        renamed = {column: "Company Name"} if "Company Name" not in columns else {}
        if not renamed:
            return mapping
        own = detect(columns, books=False)
        read = in_english(renamed, own, detect([renamed.get(c, c) for c in columns], books=False))
        if read.fields.get("company.name") != column:
            return mapping
        read.notes.append(
            f"{column!r} holds organisations' names ({names[0]!r}, ...): the file is one of companies, "
            "sent as company.name with its address as the company's."
        )
        return read
    return mapping
