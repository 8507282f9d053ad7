"""Request bodies built from rows through a mapping, and the API document's minimum input.

What is sent follows versioned *request rules* (:data:`RULES`). Rules 6 (this release) send a
workbook's number in a General format with a colour, a locale or a literal (LibreOffice's
``[BLUE]General``, ``[$-407]General``) as General shows it (``94105``), where rules 5 and before sent
it as a date (``2157-08-24``), and a digit pattern with literal digits (Excel's ``+44 0000 000000``) as
shown (``+44 2079 460018``), where they sent the bare number, and split a Russian whole name with
a patronymic by it, and a Chinese or Korean one written without a space after its family name; the
rest as rules 5. Rules 5 split a
whole name of three words as two family names where the person's email is named after the middle one
(María García López, maria.garcia@); the rest as rules 4. Rules 4 send a
person's whole name (a mapping's ``person.full_name``) split into first and last name where a row
has neither (:func:`~leadspace_cli.mapping.wholenames.split_name`); the rest as rules 3. Rules 3 send no cell
that holds nothing: a spreadsheet's error (``#N/A`` and its translations ``#NV``, ``#N/D``), a
script's ``NULL``, ``None`` or ``nan``, ``N/A``, ``-`` and a web form's bare ``https://`` are empty
cells, and so is an e-mail or phone cell that holds several (``a@x.com, b@y.com``: which one is the
person's cannot be told) and a person's own profile page as the company's website; a phone's or a
postal code's leading apostrophe (a spreadsheet's text mark) is not sent. Rules 2 sent them as
written, and send one spelling of one question: e-mail
addresses lower-cased; a website without its scheme, user info, default port, leading ``www.`` and
trailing ``/``, its host lower-cased, any other path kept; names and other text as written; a
workbook's numbers as Excel's General format shows them (``2000``, ``0.125``, ``68.665``: not their
display's separators, currency or percent sign, which the output shows), zip codes and phones by
their digit patterns (``02139``). Rules 1 (leadspace 0.2.0) sent the values as written and a
workbook's fractional numbers as Python's ``repr``. A body built here carries the bodies the earlier
rules built for the same row (:attr:`Request.earlier`), so that the store finds what was bought
before an upgrade.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from leadspace_cli.formats.numfmt import changed_in_rules_6
from leadspace_cli.formats.rows import Row, Source
from leadspace_cli.formats.values import BYTES_LIKE, field_of, value_text
from leadspace_cli.formats.xlsx import request_text
from leadspace_cli.mapping.aliases import Body
from leadspace_cli.mapping.cells import SEPARATOR, several
from leadspace_cli.mapping.spec import FULL_NAME, Mapping
from leadspace_cli.mapping.wholenames import split_name

RULES = 6  # the request rules this release sends by; 5 to 2: leadspace 0.2.x before it; 1: 0.2.0's


class Request(dict[str, Any]):
    """A request body (a plain dict to every reader), with the bodies the earlier rules built.

    ``earlier`` holds each earlier rules' body that differs from this one, the latest first.
    """

    earlier: tuple[Body, ...] = ()


_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}\.?$|^\[[0-9a-f:.]+\]$")


_PLAIN_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def website_text(value: str) -> str:
    """Return a website as one spelling: ``https://User@WWW.Acme.com:443/`` is ``acme.com``.

    The scheme, user info, a default port (80, 443), a leading ``www.`` and a trailing ``/`` go,
    the host is lower-cased; any other path, query or fragment is kept as written, so that
    ``facebook.com/acme`` stays a question about Acme. Text that is not a web address is sent as
    written.
    """
    text = value.strip()
    if _PLAIN_HOST.match(text) and not text.startswith("www."):
        return text  # already one spelling (most files): no URL parsing
    has_scheme = _SCHEME.match(text) is not None
    try:
        parts = urlsplit(text if has_scheme else "//" + text)
        port = parts.port
    except ValueError:
        return text
    if has_scheme and parts.scheme.lower() not in ("http", "https"):
        return text
    netloc = parts.netloc.rpartition("@")[2]
    host = netloc.lower()
    if port is not None:
        host = host.rsplit(":", 1)[0]
    if not _HOST.match(host):
        return text
    host = host.removesuffix(".")
    if host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    rest = parts.path
    if parts.query:
        rest += "?" + parts.query
    if parts.fragment:
        rest += "#" + parts.fragment
    return host + rest.removesuffix("/") if rest != "/" else host


def spelled(body: Body) -> Body:
    """Return a body under rules 2: one spelling of e-mail addresses and websites."""
    person = body.get("person")
    company = body.get("company")
    email = person.get("email") if isinstance(person, dict) else None
    website = company.get("website") if isinstance(company, dict) else None
    new_email = email.lower() if isinstance(email, str) else email
    new_website = website_text(website) if isinstance(website, str) else website
    if new_email == email and new_website == website:
        return body
    out = dict(body)
    if new_email != email:
        out["person"] = {**person, "email": new_email}  # type: ignore[dict-item]
    if new_website != website:
        out["company"] = {**company, "website": new_website}  # type: ignore[dict-item]
    return out


# A cell that holds nothing (rules 3): a spreadsheet's error in the languages Excel speaks (#N/A,
# German #NV, Dutch #N/B, Italian and Portuguese #N/D, Swedish #SAKNAS!), a placeholder, a web
# form's bare scheme, in any case. Not "NA" (Namibia's country code). A script's null only as
# scripts write it (_EXACT: nan, NaN, null, NULL, Python's None): "Nan" and "Null" are family names.
EMPTY = frozenset(
    (*("#n/a", "#na", "#value!", "#ref!", "#name?", "#null!", "#div/0!", "#num!", "n/a", "-", "--"),
     *("#nv", "#n/b", "#n/d", "#n/d!", "#saknas!", "#puuttuu", "http://", "https://"))
)  # fmt: skip
_EXACT = frozenset(("nan", "NaN", "null", "NULL", "None", "NA_character_"))
_LONGEST = max(map(len, EMPTY))
_FIRST = frozenset(c for e in EMPTY for c in (e[0], e[0].upper()))
_PHONES = ("phone", "person_phone")
_LOOKED_INTO = frozenset(("email", "postalcode", "website", *_PHONES))


# A person's own profile page, never a company's site (an Outlook contact's "Web Page").
_PROFILE = re.compile(r"(?i)linkedin\.com/(?:in|pub)/|facebook\.com/profile\.php|xing\.com/profile/")


def _cell(key: str, name: str, value: str) -> str:
    """What rules 3 send of a cell read for request field ``key`` from column ``name``: "" for one
    that holds nothing (a placeholder, its column's own name on a header repeated as a row, an
    e-mail or phone cell of several, a person's profile as the company's site); a phone or postal
    code without the apostrophe a spreadsheet export put before it to keep it text ("'+1 650");
    else ``value`` itself (the same object: most cells)."""
    text = value.strip()
    if not text:
        return value
    if (
        text in _EXACT
        or text == name
        or (len(text) <= _LONGEST and text[0] in _FIRST and text.lower() in EMPTY)
    ):
        return ""  # a placeholder, a script's null, the column's own name
    if key not in _LOOKED_INTO:
        return value
    if key == "email":
        return "" if text.count("@") > 1 and several("person.email", text) else value
    if key in _PHONES and SEPARATOR.search(text) and several("person.person_phone", text):
        return ""
    if (key in _PHONES or key == "postalcode") and text[0] == "'":
        return text[1:].strip()
    if key == "website" and _PROFILE.search(text):
        return ""
    return value


def cleaned(body: Body) -> Body:
    """Return a body as rules 3 send it (see :func:`_cell`); the same body when nothing changes."""
    out: Body | None = None
    for key, value in body.items():
        if isinstance(value, str):
            new: Any = _cell(key, "", value)
        elif isinstance(value, dict):
            new = cleaned(value)
        elif key == "custom_fields" and isinstance(value, list):
            new = [f for f in value if not isinstance(f.get("value"), str) or _cell("", "", f["value"])]
            new = value if len(new) == len(value) else new
        else:
            continue
        if new is not value:  # left out (an empty text, object or list), or changed
            out = dict(body) if out is None else out
            if new:
                out[key] = new
            else:
                del out[key]
    return body if out is None else out


def _with_split(plain: Request, split: Body, rules4: Body | None = None) -> Request:
    """The request of rules 5 (a whole name split), with rules 4's (where the email changed the
    split) and rules 3's as the latest earlier bodies."""
    return _earlier(
        Request(spelled(split)),
        [*([spelled(rules4)] if rules4 is not None else []), dict(plain), *plain.earlier],
    )


def _with_earlier(request: Request, before: Request) -> Request:
    """``request`` with the body an earlier release built for the same row, and that body's own
    earlier ones, as its latest earlier bodies (where they differ)."""
    return _earlier(request, [dict(before), *before.earlier, *request.earlier])


def _earlier(request: Request, bodies: list[Body]) -> Request:
    """``request`` with ``bodies`` as its earlier ones, latest first: each once, and none that is it."""
    request.earlier = tuple(b for i, b in enumerate(bodies) if b != request and b not in bodies[:i])
    return request


def _request(written: Body, now: Body, first: Body | None = None) -> Request:
    """The request for a row: ``now`` (its cells under rules 3, assembled), with the earlier rules'
    distinct bodies: ``written`` (its cells as rules 2 read them, spelled by rules 2) and ``first``
    (as rules 1 sent them, when that differs from ``written``)."""
    request = Request(spelled(now))
    earlier = [] if now is written else [spelled(written)]
    earlier.append(written if first is None else first)
    kept = [b for i, b in enumerate(earlier) if b is not request and b != request and b not in earlier[:i]]
    if kept:
        request.earlier = tuple(kept)
    return request


_ZEROS = re.compile(r"^0+$")


def rules1_cell_text(value: Any, number_format: str | None = None) -> str:
    """Return a workbook cell's text as leadspace 0.2.0 sent it (rules 1): ``repr`` of a fraction."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return repr(value)
        whole = int(value)
        fmt = (number_format or "").strip()
        if _ZEROS.match(fmt) and whole >= 0:
            return str(whole).zfill(len(fmt))
        return str(whole)
    return str(value)


def missing_input(body: Body) -> str | None:
    """Return what a request lacks of the document's minimum input, or None when it has it."""
    person = body.get("person")
    company = body.get("company")
    if company.__class__ is dict and (name := company.get("name")).__class__ is str and name.strip():
        return None  # the common case, first
    person = person if isinstance(person, dict) else {}
    company = company if isinstance(company, dict) else {}

    def present(d: dict[str, Any], key: str) -> bool:
        value = d.get(key)
        return isinstance(value, str) and value.strip() != ""

    if present(company, "name"):
        return None
    lacking = [
        label
        for key, label in (("first_name", "first name"), ("last_name", "last name"))
        if not present(person, key)
    ]
    if not (present(person, "email") or present(company, "website")):
        lacking.append("an email or website")
    if not lacking:
        return None
    return "no company name, and for a person it lacks: " + ", ".join(lacking)


def body_of(values: dict[str, str | None]) -> Body:
    """Return the request body for request-field paths and values (empty values left out)."""
    body: Body = {}
    for path, value in values.items():
        if value and value.strip():
            node = body
            *parents, leaf = path.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value.strip()
    return body


@dataclass
class Preview:
    """What a run with a mapping would send, without calling: the first bodies and the counts."""

    first: list[tuple[Body, str | None]] = field(default_factory=list)  # (body, why not sent)
    sent: int = 0
    lacking: int = 0
    skipped: int = 0  # a report's footer, its groupings, its other blocks: never sent


def preview(mapping: Mapping, source: Source, show: int = 3) -> Preview:
    """Build every row's body; keep the first ``show`` and count what would be sent."""
    build = builder(mapping, source)
    out = Preview()
    for row in source.rows:
        if row.skip:
            out.skipped += 1
            continue
        i = out.sent + out.lacking  # the rows shown are the first that are not skipped
        body = build(row)
        problem = row.problem or missing_input(body)
        if problem:
            out.lacking += 1
        else:
            out.sent += 1
        if i < show:
            out.first.append((body, problem))
    return out


Builder = Callable[[Row], Body]


def builder(mapping: Mapping, source: Source) -> Builder:
    """Return a function from an input row to its request body (only non-empty, trimmed values).

    A field mapped to several columns takes the first non-empty one. A value that is a JSON object
    or array (a JSON Lines key that holds an object on some lines) is never sent as text.
    Runs once per row, so it is flat: one fetch of the mapped cells, then one comprehension per
    object of the request (top level, person, company, company.address).
    """
    columns: list[str] = []
    groups: dict[str, list[tuple[int, str]]] = {"": [], "person": [], "company": [], "company.address": []}
    fallbacks: list[tuple[int, list[int]]] = []  # (the field's first cell, its other cells in order)
    keys: list[str] = []  # each cell's request field (its last part), as rules 3 judge it
    whole: int | None = None  # the cell of a person's whole name (person.full_name), split when sent
    for path in mapping.fields:
        parent, _, key = path.rpartition(".")
        first, *others = mapping.columns_of(path)
        keys += [key] * (1 + len(others))
        if path == FULL_NAME:
            whole = len(columns)
        else:
            groups[parent].append((len(columns), key))
        columns.append(first)
        if others:
            fallbacks.append((len(columns) - 1, list(range(len(columns), len(columns) + len(others)))))
            columns += others
    custom = []
    for name, column in mapping.custom.items():
        custom.append((len(columns), name))
        columns.append(column)
        keys.append("")
    names = [c.strip() for c in columns]
    top, person, company, address = (groups[k] for k in ("", "person", "company", "company.address"))

    def assemble(values: Sequence[str], split: bool = False, by_email: bool = True) -> Body:
        if fallbacks:
            values = list(values)
            for i, others in fallbacks:
                if not values[i].strip():
                    values[i] = next((values[j] for j in others if values[j].strip()), "")
        body: Body = {k: v for i, k in top if (v := values[i].strip())}
        p = {k: v for i, k in person if (v := values[i].strip())} if person else {}
        if split and whole is not None and not p.get("first_name") and not p.get("last_name"):
            # Rules 4: a whole name where no first or last is; rules 5 and 6: told by the email
            # and by a patronymic (split_name).
            names = split_name(values[whole], p.get("email", ""), rules=RULES if by_email else 4)
            if names is not None:
                p = {"first_name": names[0], "last_name": names[1], **p}
        if p:
            body["person"] = p
        c: dict[str, Any] = {k: v for i, k in company if (v := values[i].strip())}
        if address and (a := {k: v for i, k in address if (v := values[i].strip())}):
            c["address"] = a
        if c:
            body["company"] = c
        if custom and (pairs := [{"name": n, "value": v} for i, n in custom if (v := values[i].strip())]):
            body["custom_fields"] = pairs
        return body

    def request(values: Sequence[str], first: Body | None = None) -> Request:
        # Rules 3 read each cell first (a placeholder is then empty, and a field's next column is
        # sent); most rows have nothing to change, and are assembled once.
        now = tuple(map(_cell, keys, names, values))
        written = assemble(values)
        plain = _request(written, written if now == tuple(values) else assemble(now), first)
        if whole is None:
            return plain
        split = assemble(now, split=True)
        if split == assemble(now):
            return plain
        rules4 = assemble(now, split=True, by_email=False)
        return _with_split(plain, split, None if rules4 == split else rules4)

    date1904 = source.date1904

    if source.kind != "table":
        fetch = _fetcher(source, columns)

        def build_record(row: Row) -> Body:
            return request(fetch(row))

        return build_record
    # A table's row: its cells picked directly (no wrapper call per row: a dry run builds millions).
    pick = source.picker(columns)
    read = sorted({source.columns.index(c) for c in columns})  # a workbook's cells the mapping reads

    def build(row: Row) -> Body:
        typed = row.typed
        if typed is not None:
            # A workbook row: its cells are as shown ($ 2,000, 12%); a request sends the number.
            first = assemble(pick([rules1_cell_text(v, f) for v, f in typed]))  # as 0.2.0 sent it
            sent = request(pick(_Sent(typed, date1904)), first)
            if any((f := typed[i][1]) is not None and f != "General" and changed_in_rules_6(f) for i in read):
                # Rules 6: a decorated General's number; rules 5 sent it as a date (the earlier body).
                return _with_earlier(sent, request(pick(_Sent(typed, date1904, 5)), first))
            return sent
        return request(pick(row.cells))

    return build


class _Sent:
    """A workbook row's cells as a request sends them, each made only when a mapping reads it."""

    def __init__(self, typed: Sequence[tuple[Any, str | None]], date1904: bool, rules: int = RULES) -> None:
        self._typed = typed
        self._date1904 = date1904
        self._rules = rules

    def __getitem__(self, i: int) -> str:
        value, number_format = self._typed[i]
        return request_text(value, number_format, self._date1904, self._rules)

    def __len__(self) -> int:
        return len(self._typed)


def _fetcher(source: Source, columns: list[str]) -> Callable[[Row], Sequence[str]]:
    """Return the source's fetcher, with JSON objects, arrays and booleans of records read as empty.

    Bytes (from a Python caller's records) read as the text they would decode to, for detection to
    look at: a run refuses bytes in the columns it sends before any request is built
    (:func:`~leadspace_cli.formats.pyrecords.text_only`).
    """
    if source.kind == "table":
        return source.fetcher(columns)

    def fetch(row: Row) -> list[str]:
        out = []
        record = row.record
        for column in columns:
            value = field_of(record, column)
            if isinstance(value, dict | list | tuple | bool):  # a JSON true is no name nor address
                out.append("")
            elif isinstance(value, BYTES_LIKE):
                out.append(bytes(value).decode("utf-8", "replace"))
            else:
                out.append(value_text(value))
        return out

    return fetch
