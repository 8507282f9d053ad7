"""A detected mapping judged by the input's values: the first rows read ahead, each choice named."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from leadspace_cli.errors import InputError
from leadspace_cli.formats.rows import Row, Source
from leadspace_cli.mapping.aliases import (
    _ADDRESS,
    ALIASES,
    bare_names,
    fold,
    normalize_header,
    system_column,
)
from leadspace_cli.mapping.blocks import listed, lone_street, prefecture_line, street_line
from leadspace_cli.mapping.body import _fetcher
from leadspace_cli.mapping.cells import one_value_per_cell, plural_columns
from leadspace_cli.mapping.choose import _HOW, _choose, holds_email, holds_phone
from leadspace_cli.mapping.contacts import attendee_email, contact_names, own_pages
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.names import before_names
from leadspace_cli.mapping.normal import NOTHING
from leadspace_cli.mapping.normal import normal as _normal
from leadspace_cli.mapping.organisations import (
    _personal,
    contact_person,
    host,
    organisations,
    repeated_name,
    unnamed_phone,
)
from leadspace_cli.mapping.prospects import applicants, profiled_places, tenant_company
from leadspace_cli.mapping.records import (
    companies_as_leads,
    company_line,
    finish,
    other_column,
    owners_email,
    party_id,
)
from leadspace_cli.mapping.sites import _NOT_A_SITE, _SITE, url_site
from leadspace_cli.mapping.spec import Mapping, shown
from leadspace_cli.mapping.titles import _JOB, _NOT_JOB, _not_jobs
from leadspace_cli.mapping.wholenames import named_as_person, whole_names

SAMPLE_ROWS = 200  # rows read ahead to judge a detected mapping by its values


def refine(
    mapping: Mapping,
    columns: list[str],
    values: Callable[[str], list[str]],
    sampled: bool = True,
    more: bool = False,
) -> Mapping:
    """Check a detected mapping against the first rows' values (``values(column)``); note each change.

    - Where several columns name a field (``candidates``), a column empty in every row read is left
      out; a later one that fills rows the first leaves empty is added (the first non-empty value
      is sent); each choice is named. Without rows (``sampled`` false) the choice is only named.
      Where the input goes on past the rows read (``more``), a field's columns empty in them are
      still sent, for the later rows that fill them.
    - An email column holding the same address in every row is an owner's (Apollo's Contact Owner
      exported as Email in some views), not the lead's: another email column is taken, or none.
    - A column named only "URL" (or "Company URL") is the company's website when its values are web
      sites of many hosts, not LinkedIn or other profiles, nor one directory's pages.
    - Where no header names an email, the one column whose values are email addresses is sent
      (not an owner's, not one firm's for rows of many, not a file of companies' mailboxes); so is
      an account's email of people's addresses beside a contact person's column.
    - A title column that holds salutations (Mr, Ms, Dr) is not the job title: another title column
      is taken, or none; an email, website or phone column whose values are not addresses or
      numbers (an email activity's "Email ID": 10293; a telecom's "Internet": Yes) is not sent.
    - A "Role" column that holds jobs (CEO, Head of Research) is the job title when no other column
      is; an app's user roles (Admin, Member) and a deal's buying roles are not.
    - A lead file whose "Last Name" repeats the company's name in most rows (a CRM that requires a
      last name) is of companies: no person's name or phone is sent.
    """
    if sampled:
        _one_block(mapping, values)
        one_value_per_cell(mapping, values)
    _choose(mapping, values, sampled, more)
    if sampled:
        plural_columns(mapping, columns, values)
        _counterparty_name(mapping, columns, values)
        _salutations(mapping, columns, values)
        _role_titles(mapping, columns, values)
        _no_addresses(mapping, columns, values)
        _one_site(mapping, values)
        street_line(mapping, values)
        lone_street(mapping, columns, values)
        prefecture_line(mapping, columns, values)
        _lead_emails(mapping, columns, values)
        companies_as_leads(mapping, values)
        _emails_by_values(mapping, columns, values)
        _shared_phones(mapping, columns, values)
        whole_names(mapping, columns, values)  # before the phones: a row's person is named by it
        named_as_person(mapping, values)
        repeated_name(mapping, values)
        company_line(
            mapping,
            columns,
            values,
            lambda: other_column(
                mapping, columns, values, "person.person_phone", _FITS["person.person_phone"][0]
            ),
        )
        unnamed_phone(mapping, columns, values)
        contact_names(mapping, columns, values)
        plural_columns(mapping, columns, values)  # again: a file of people named by a whole name
        profiled_places(mapping, columns, values)
        applicants(mapping, columns, values)
        tenant_company(mapping, columns, values)
    owners_email(mapping, columns, values)
    attendee_email(mapping, columns)
    party_id(mapping, columns)
    url_site(mapping, columns, values)
    finish(mapping, values, columns)
    own_pages(mapping, values)
    return mapping


# What a salutation column holds (English, French, German, Spanish, Portuguese, Italian, Dutch).
_SALUTATIONS = frozenset(
    (*("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mme", "mlle", "m", "herr", "frau"),
     *("sr", "sra", "srta", "don", "dona", "sig", "dhr", "mevr"))
)  # fmt: skip


def _salutation(value: str) -> bool:
    return value.strip().lower().rstrip(".") in _SALUTATIONS


def _salutations(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Leave out a job title column whose values are salutations (Outlook's and Indico's "Title": Mr,
    Ms, Dr); take another title column whose values are not, if there is one. A "Title" detect()
    left out for its place (right before the names) is sent when its values are job titles."""
    title = mapping.fields.get("person.title")
    if title is None:
        order = [_normal(c) for c in columns]
        placed = next((c for c, n in zip(columns, order, strict=True) if n == "title"), None)
        if placed is None or not before_names(order) or placed in mapping.columns_used():
            return
        seen = [v for v in values(placed) if v.strip()]
        if len(seen) >= 3 and not any(map(_salutation, seen)):
            mapping.fields["person.title"] = placed
            mapping.notes.append(
                f"{placed!r} holds job titles in the rows read ({shown(seen[0])}), not salutations: "
                "sent as person.title."
            )
        return
    if not isinstance(title, str):
        # Several title columns, the first non-empty sent: a column of salutations is none of them.
        kept = [c for c in title if not _salutary([v for v in values(c) if v.strip()])]
        if len(kept) < len(title):
            gone = [c for c in title if c not in kept]
            mapping.notes[:] = [n for n in mapping.notes if not n.startswith("person.title: the first")]
            if kept:
                mapping.fields["person.title"] = kept[0] if len(kept) == 1 else kept
            else:
                del mapping.fields["person.title"]
            mapping.notes.append(
                f"{', '.join(repr(c) for c in gone)} holds salutations in the rows read, not job titles: "
                f"{f'{kept[0]!r} is sent as the job title' if kept else 'no job title is sent'}."
            )
        return
    seen = [v for v in values(title) if v.strip()]
    if not _salutary(seen):
        _not_jobs(mapping, title, seen)
        return
    alternative = other_column(mapping, columns, values, "person.title", lambda v: not _salutation(v))
    instead = f"{alternative!r} is sent as the job title" if alternative else "no job title is sent"
    mapping.notes.append(
        f"{title!r} holds salutations ({shown(seen[0])}) in the rows read, not job titles: {instead}. "
        f"To send it anyway, {_HOW}."
    )


def _salutary(seen: list[str]) -> bool:
    """Whether a title column's values are salutations (Mr, Dr) in four rows of five, or in every one
    of the one or two rows that fill it (a gift import's "Title": Mrs.)."""
    if len(seen) < 3:
        return bool(seen) and all(map(_salutation, seen))
    return sum(map(_salutation, seen)) >= 0.8 * len(seen)


# A "Role" is a user's in an app (Admin, Member, Agent, Editor) as often as a contact's job: sent as the
# job title only when most of the rows read hold one (a founder's "CEO", a grant's "Program Officer").
_ROLES = ("role", "jobrole", "rolle", "rol", "ruolo", "papel", "funktion", "function")


def _role_titles(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a "Role" column as the job title when no other column is and its values are jobs'."""
    if "person.title" in mapping.fields:
        return
    used = mapping.columns_used()
    for column in columns:
        if column in used or _normal(column) not in _ROLES:
            continue
        seen = [v.strip() for v in values(column) if v.strip()]
        jobs = sum(bool(_JOB.search(v)) and not _NOT_JOB.match(v) for v in seen)
        if len(seen) >= 3 and jobs >= 0.6 * len(seen):
            mapping.fields["person.title"] = column
            mapping.notes.append(
                f"{column!r} holds job titles in the rows read ({shown(seen[0])}), not an app's user roles: "
                "sent as person.title."
            )
            # Beside a person's job, a bare "Name" is the person's whole name, not an account's.
            company = mapping.fields.get("company.name")
            if isinstance(company, str) and company in bare_names([(_normal(c), c) for c in columns]):
                del mapping.fields["company.name"]
                mapping.notes.append(
                    f"{company!r} is then the person's whole name: not sent as company.name."
                )
            return


_PLACEHOLDERS = ("", "0", "-", "--", "n/a", "na", "none", "null", "x")
_SITES = ("web sites", "no website is sent")
_FITS: dict[str, tuple[Callable[[str], bool], str, str]] = {
    "person.email": (holds_email, "email addresses", "no email is sent"),
    # A profile's or a directory's page (Yelp's "restaurant_web") is no company's own site.
    "company.website": (lambda v: bool(_SITE.match(v.strip()) and not _NOT_A_SITE.search(v)), *_SITES),
    "person.person_phone": (holds_phone, "phone numbers", "no phone is sent"),
    # A job has words: a ranking's "Position" (1, 2, 3) is none.
    "person.title": (lambda v: any(c.isalpha() for c in v), "job titles", "no job title is sent"),
    # A whole address in one cell ("Akerstraat 88, 6221 CK Maastricht": a Dutch "Plaats") is no city.
    "company.address.city": (
        lambda v: not ("," in v and any(c.isdigit() for c in v)),
        "city names",
        "no city is sent",
    ),
}


def _one_site(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out a website column whose rows of different companies all name one site: a web form's
    or a shop's own (amoCRM's deal "domain", where the lead filled the form), no company's."""
    site, company = mapping.fields.get("company.website"), mapping.fields.get("company.name")
    if not isinstance(site, str) or not isinstance(company, str):
        return
    pairs = [(host(w), c.strip().lower()) for w, c in zip(values(site), values(company), strict=True)]
    pairs = [(h, c) for h, c in pairs if h and c]
    if len(pairs) >= 3 and len({h for h, _ in pairs}) == 1 and len({c for _, c in pairs}) >= 3:
        del mapping.fields["company.website"]
        mapping.notes.append(
            f"{site!r} names one site ({pairs[0][0]}) for rows of different companies: a form's or a "
            "shop's own, not each company's: not sent as company.website."
        )


def _no_addresses(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Leave out an email, website or phone column whose values are mostly not addresses or numbers
    (an email activity's "Email ID": 10293; a telecom's "Internet": Yes; a consent's "Tel": Y); take
    another that holds them."""
    for path, (fits, what, none) in _FITS.items():
        column = mapping.fields.get(path)
        if not isinstance(column, str):
            continue
        # Placeholders ("0", "-", "N/A") say nothing either way: most of the other values must fit; a
        # column of placeholders only (a checkbox's "x", a consent's 0) is no address.
        filled = [v for v in values(column) if v.strip()]
        seen = [v for v in filled if v.strip().lower() not in _PLACEHOLDERS]
        # A social network's address is no company's site, however few rows read (Workable's
        # candidates' "domain": twitter.com, where they were found).
        profiles = path == "company.website" and bool(seen) and all(_NOT_A_SITE.search(v) for v in seen)
        if not profiles and (len(filled) < 3 or (seen and sum(map(fits, seen)) >= 0.5 * len(seen))):
            continue
        alternative = other_column(mapping, columns, values, path, fits)
        instead = f"{alternative!r} is sent" if alternative else none
        mapping.notes.append(
            f"{column!r} holds no {what} in the rows read ({shown((seen or filled)[0])}): {instead}. "
            f"To send it anyway, {_HOW}."
        )


_EMPLOYER_COLUMNS = ("company", "companyname", "employer")


def _job(value: str) -> bool:
    """Whether a cell could be a job title: words, no address, not a paragraph."""
    return any(c.isalpha() for c in value) and "@" not in value and len(value) <= 120


def _lead_emails(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send the email of leads named only by their employer ("Email", "Company", no names, no web
    site): detect() leaves it out, as an account file's mailbox (info@) may be, unless most of the
    rows' addresses are people's names at many domains (not one firm's reps)."""
    mapped = set(mapping.fields)
    if mapped & {"person.email", "person.first_name", "person.last_name", "company.website"}:
        return
    company = mapping.fields.get("company.name")
    if not isinstance(company, str) or normalize_header(company) not in _EMPLOYER_COLUMNS:
        return
    column = next(
        (
            c
            for c in columns
            if not system_column(c)
            and c not in mapping.columns_used()
            and normalize_header(c) in ALIASES["person.email"]
        ),
        None,
    )
    if column is None:
        return
    seen = [v.strip().lower() for v in values(column) if v.strip()]
    people = [v for v in seen if _personal(v)]
    domains = {v.rpartition("@")[2] for v in seen}
    if len(seen) >= 3 and len(people) >= 0.5 * len(seen) and len(domains) >= max(2, len(seen) / 2):
        mapping.fields["person.email"] = column
        mapping.notes.append(
            f"{column!r} holds people's addresses ({shown(people[0])}), not a company's mailbox: sent as "
            "person.email beside the company's name."
        )
        # The rows are people: their job title goes too (left out with the email, as an account's).
        title = next(
            (
                c
                for c in columns
                if not system_column(c)
                and c not in mapping.columns_used()
                and normalize_header(c) in ALIASES["person.title"]
            ),
            None,
        )
        jobs = [v for v in values(title) if v.strip()] if title else []
        if title and len(jobs) >= 3 and not any(map(_salutation, jobs)) and all(map(_job, jobs)):
            mapping.fields["person.title"] = title
            mapping.notes.append(
                f"{title!r} holds their job titles ({shown(jobs[0])}): sent as person.title."
            )


# A single email address in a cell (a cell of two, of prose, or a link with an @ in its path is no
# column of addresses: "http://cdn.example.com/_@user_1.jpg").
_ADDRESS_CELL = re.compile(r"^[\w.%+'-]+@[\w-]+(\.[\w-]+)*\.[^\W\d_]{2,}$")
# Words of a header that name another party's address or a message's: an owner's, a sender's.
_OTHERS = re.compile(
    r"owner|agent|rep$|manager|sales|assign|creat|modif|updat|refer|parent|guarantor|emergency|spouse|"
    r"partner|mother|father|guardian|employer|organi[sz]er|sender|^from|^to$|^cc|^bcc|reply|recipient|"
    r"author|approv|review|user|admin|staff|teacher|coach|invit|billing|shipping|secondary|alternat|other|"
    r"^pec$|^emailpec$|^indirizzopec$"  # an Italian firm's certified mailbox (PEC): its legal address
)


# Words of a header under which a row's own contact details are given ("Contact Details", "Kontakt").
_DETAILS = re.compile(r"contact|detail|kontak|contato|contacto|info|address|adresse|adres|direccion|correo")


def _own_names(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> list[set[str]]:
    """Each row's own name words (three letters or more): its person's names or contact person's."""
    named = [c for p in ("person.first_name", "person.last_name") for c in mapping.columns_of(p)]
    named = named or [c for c in columns if contact_person([c])]
    rows: list[set[str]] = [set() for _ in values(columns[0])] if columns else []
    for column in named:
        for words, value in zip(rows, values(column), strict=True):
            words.update(w for w in re.findall(r"[^\W\d_]{3,}", fold(value).lower()))
    return rows


def _emails_by_values(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send the one column whose values are email addresses when no header names an email: under a
    header of contact details ("Contact Details": jane.doe@acme.com), or when its mailboxes carry the
    rows' own names; and, beside a contact person's column ("Ansprechpartner"), an email column
    detect() left out as the account's when its values are people's (anna.schmidt@). Never an
    owner's, an advisor's or a sender's (their addresses carry other names), one address for every
    row, nor one firm's for rows of many; in a file of companies that names no person, not their
    mailboxes (info@)."""
    if "person.email" in mapping.fields:
        return
    found = []
    contact = contact_person(columns)
    own = _own_names(mapping, columns, values)
    for column in columns:
        name = _normal(column)
        if system_column(column) or column in mapping.columns_used() or _OTHERS.search(name):
            continue
        emailish = "mail" in name or "courriel" in name or name in ALIASES["person.email"]
        if emailish and not contact:
            continue  # named an email: detect() judged it by its header (an account's mailbox)
        if not emailish and not _DETAILS.search(name):
            # Under another name (an "Advisor", a "Submitted By"): only when the mailboxes are the
            # rows' own people's ("jane.doe@" on Jane Doe's row).
            pairs = [(v.strip().lower(), words) for v, words in zip(values(column), own, strict=True)]
            mine = sum(any(w in v.partition("@")[0] for w in words) for v, words in pairs if "@" in v)
            if mine < 0.5 * max(1, sum("@" in v for v, _ in pairs)):
                continue
        seen = [v.strip() for v in values(column) if v.strip().lower() not in _PLACEHOLDERS]
        cells = [v for v in seen if _ADDRESS_CELL.match(v)]
        if len(seen) >= 3 and len(cells) >= 0.9 * len(seen) and len({v.lower() for v in cells}) > 1:
            rows = zip(values(column), own, strict=True)  # mailboxes named after the row's contact
            mine = sum(any(w in v.lower().partition("@")[0] for w in words) for v, words in rows if "@" in v)
            if emailish and max(sum(map(_personal, cells)), mine) < 0.5 * len(cells):
                continue  # the account's mailboxes (info@), as detect() read it
            found.append((column, cells))
    if len(found) != 1:
        return  # none, or several that the values cannot choose between
    column, cells = found[0]
    company = mapping.fields.get("company.name")
    firms = {v.strip().lower() for v in values(company) if v.strip()} if isinstance(company, str) else set()
    if len(firms) > 1 and len({v.rpartition("@")[2].lower() for v in cells}) == 1:
        return  # rows of many companies, addresses of one firm: its own people's (the sender's reps)
    person = any(p in mapping.fields for p in ("person.first_name", "person.last_name", "person.title"))
    person = person or contact
    if "company.name" in mapping.fields and not person and sum(map(_personal, cells)) < 0.5 * len(cells):
        return  # the businesses' own mailboxes
    mapping.fields["person.email"] = column
    mapping.notes.append(f"{column!r} holds email addresses ({shown(cells[0])}): sent as person.email.")


def _shared_phones(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Leave out a phone column whose numbers most people share with someone of another family name
    (an office's switchboard on each of its staff's rows; not a couple's home line, nor one person's
    rows twice); take another phone column that is each one's own."""
    phone = mapping.fields.get("person.person_phone")
    emails, lasts = mapping.columns_of("person.email"), mapping.columns_of("person.last_name")
    firsts = mapping.columns_of("person.first_name")
    if not isinstance(phone, str) or not (emails or lasts):
        return
    # Each row's person: their email, else their names; and their family name.
    email = values(emails[0]) if emails else [""] * len(values(phone))
    names = [values(c) for c in (*firsts[:1], *lasts[:1])]
    people = [
        (
            e.strip().lower() or " ".join(n.strip().lower() for n in row),
            row[-1].strip().lower() if lasts else "",
        )
        for e, *row in zip(email, *names, strict=True)
    ]

    def shared(column: str) -> bool:
        owners: dict[str, set[tuple[str, str]]] = {}  # each number: the people whose rows carry it
        for number, person in zip(values(column), people, strict=True):
            digits = re.sub(r"\D", "", number)
            if len(digits) >= 5 and person[0]:
                owners.setdefault(digits, set()).add(person)
        rows = sum(len(o) for o in owners.values())
        # A number of several people of more than one family name (without names: several emails).
        office = [o for o in owners.values() if len(o) > 1 and (not lasts or len({f for _, f in o}) > 1)]
        return rows >= 3 and sum(map(len, office)) >= 0.5 * rows

    if not shared(phone):
        return
    alternative = other_column(
        mapping, columns, values, "person.person_phone", _FITS["person.person_phone"][0]
    )
    if alternative is not None and shared(alternative):
        del mapping.fields["person.person_phone"]
        alternative = None
    instead = f"{alternative!r} is sent" if alternative else "no phone is sent"
    # What was said of the phone before (the header's choice, an empty column) is this now.
    mapping.notes[:] = [n for n in mapping.notes if "person.person_phone" not in n]
    mapping.notes.append(
        f"{phone!r} holds numbers people of different families share (an office's switchboard): "
        f"{instead}. To send it anyway, {_HOW}."
    )


def _one_block(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Send the address block the rows fill most (ties: the one detect() chose), whole."""
    blocks = mapping.address_blocks
    if len(blocks) < 2 or not any(mapping.fields.get(p) == c for p, c in blocks[0].items()):
        return
    filled = [sum(bool(v.strip()) for c in b.values() for v in values(c)) for b in blocks]
    best = max(range(len(blocks)), key=lambda i: (filled[i], -i))
    if best == 0:
        return
    for path in _ADDRESS:
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)
    mapping.fields.update(blocks[best])
    mapping.notes.append(
        f"The rows read fill {listed(blocks[best])} more than {listed(blocks[0])}: that address is sent."
    )


# Header names an accounting tool gives its counterparty (Xero's "*ContactName": the organisation,
# or the person when the contact is one), beside the contact person's own names.
_COUNTERPARTY = ("contactname",)


def _counterparty_name(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a counterparty's name as company.name when, in every row read, it is not the person's name.

    Xero's contact is an organisation or a person: its "*ContactName" beside FirstName and LastName is
    the organisation's name only in rows where it is not "First Last". One row where it is the
    person's name (or holds the family name) and the column is left out.
    """
    if "company.name" in mapping.fields:
        return
    names = [mapping.columns_of(p) for p in ("person.first_name", "person.last_name")]
    if not all(names):
        return
    firsts, lasts = values(names[0][0]), values(names[1][0])
    for column in columns:
        if column in mapping.columns_used() or system_column(column) or _normal(column) not in _COUNTERPARTY:
            continue
        rows = [
            (" ".join(v.split()).casefold(), f.strip().casefold(), last.strip().casefold())
            for v, f, last in zip(values(column), firsts, lasts, strict=True)
            if v.strip()
        ]
        if len(rows) < 3 or any(
            v in (f"{f} {last}", f"{last} {f}", f"{last}, {f}") or (len(last) > 1 and last in v)
            for v, f, last in rows
        ):
            continue
        mapping.fields["company.name"] = column
        mapping.notes.append(
            f"{column!r} is never the person's name in the rows read: sent as company.name (the "
            "organisation the contact is)."
        )
        return


def names_a_field(name: str) -> bool:
    """Whether a header cell names a request field: how a workbook's header row is told from a title."""
    return bool(list(detect([name]).rows()))


def detect_source(source: Source, sample_rows: int = SAMPLE_ROWS) -> Mapping:
    """Detect a mapping from a source's headers, then check it against its first rows' values.

    A bare "Name" whose first rows are organisations makes the file one of companies
    (organisations.py) before the values are judged. The rows read ahead are put back: the source
    reads as if nothing had been taken.
    """
    mapping = detect(source.columns, renamed=source.renamed)
    sample: list[Row] = []
    rest = source.rows
    stopped: InputError | None = None
    more = False  # whether the input goes on past the rows read
    try:
        sample.extend(itertools.islice(rest, sample_rows))
        if len(sample) == sample_rows:
            ahead = list(itertools.islice(rest, 1))
            more = bool(ahead)
            rest = itertools.chain(ahead, rest)
    except InputError as exc:  # met midway (a stray quote on stdin): raised where it was met
        stopped, more = exc, True

    def replay() -> Iterator[Row]:
        yield from sample
        if stopped is not None:
            raise stopped
        yield from rest

    source.rows = replay()
    # Nor a row written back skipped (a report's other block, a footer): its cells are no lead's.
    usable = [row for row in sample if row.problem is None and row.skip is None]

    def values(column: str) -> list[str]:
        fetch = _fetcher(source, [column])  # a JSON object or array reads as empty: never sent
        # A spreadsheet's error or a script's null in a cell ("#N/A", "NULL", "nan") says nothing
        # is there: a column of them is judged as empty.
        # And a cell that repeats its column's name (a header exported twice, as a first row) is empty.
        blank = {column.strip().lower(), *NOTHING}
        return ["" if (v := str(fetch(row)[0])).strip().lower() in blank else v for row in usable]

    if usable:
        mapping = organisations(mapping, list(source.columns), values)  # a bare "Name" of companies
    return refine(mapping, list(source.columns), values, sampled=bool(usable), more=more)
