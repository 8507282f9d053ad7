"""Prefixed address blocks: Xero's street and postal addresses, one of which is sent whole."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.aliases import (
    _ADDRESS,
    ADDRESS_BLOCKS,
    ALIASES,
    BARE_ADDRESS,
    COMPANY_PREFIX,
    PREFIXED_ONLY,
    fold,
    normalize_header,
)
from leadspace_cli.mapping.spec import Mapping

ADDRESS_WORDS = tuple(a for path in _ADDRESS for a in ALIASES[path])
ALL_ALIASES = {a for aliases in ALIASES.values() for a in aliases}

DUPLICATE = re.compile(r"^(.*)_(\d+)$")  # the reader's name for a repeated header: "City_2"
_BLOCK_WORDS = ("name", "companyname", "website", "domain", "phone", "street", "city", "state", "country")
_BLOCK_NAMES = ("name", "companyname", "company", "accountname", "organization", "organizationname")

_FIRST_ITEM = re.compile(r"^(emails|phones|phonenumbers|addresses|accounts|websites|urls)1(\D.*)$")
_ITEM_FIELDS = ("email", "emailaddress", "phone", "phonenumber", "accountname", "website", "url")


def first_item(name: str) -> str:
    """Return a record's first item of a flattened collection as its field ("Emails 1 Email",
    "Addresses 1 City", "Accounts 1 Account name": OroCRM), else the name: a second or third item is
    never the one sent, nor an address's own label or names."""
    item = _FIRST_ITEM.match(name)
    if item and (item[2] in _ITEM_FIELDS or (item[1] == "addresses" and item[2] in ADDRESS_WORDS)):
        return item[2]
    return name


def address_blocks(
    normalized: list[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, dict[str, str]]]]:
    """Return the columns with prefixed address blocks resolved, and the blocks (field -> column).

    Xero's "SACity" and "POCity" are the street and the postal address: the first block of
    ADDRESS_BLOCKS present is read as unprefixed address columns, the others are set aside, so that
    one address is sent whole (refine() may send another by the values). A block is two address
    columns or more under one prefix.
    """
    words = {a: path for path in _ADDRESS for a in ALIASES[path]}
    words.update(dict.fromkeys(PREFIXED_ONLY["company.address.state"], "company.address.state"))
    blocks: list[tuple[str, dict[str, str]]] = []
    for label, prefixes in ADDRESS_BLOCKS:
        found: dict[str, str] = {}
        for n, c in normalized:
            for prefix in prefixes:
                rest = n.removeprefix(prefix)
                if n.startswith(prefix) and rest in words and words[rest] not in found:
                    found[words[rest]] = c
        if len(found) >= 2:
            blocks.append((label, found))
    if not blocks:
        return normalized, []
    chosen = {c: path for path, c in blocks[0][1].items()}
    others = {c for _, b in blocks[1:] for c in b.values()}
    resolved = []
    for n, c in normalized:
        if c in chosen:
            n = ALIASES[chosen[c]][0]  # "city", "street", ...: read as unprefixed
        elif c in others:
            n = "setaside" + n
        resolved.append((n, c))
    return resolved, blocks


def second_billing(normalized: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the columns with a billing address named by a word after its columns ("Straße
    (Rechnungsadresse)") read as the second address when the same columns stand unqualified beside
    it, every address column of it (DATEV's business partners: "Straße", then the invoice address), as
    a shipping one is. A billing address with a street, city, state, postal code or country the other
    lacks stays the company's: one address is never sent in parts of two."""
    names = {n for n, _ in normalized}
    qualified = {
        c: n
        for n, c in normalized
        if n.startswith("billing") and n[7:] in ADDRESS_WORDS and not fold(c).startswith("bill")
    }
    if not qualified or any(n[7:] not in names for n in qualified.values()):
        return normalized
    return [("other" + n[7:] if c in qualified else n, c) for n, c in normalized]


def listed(block: dict[str, str]) -> str:
    return ", ".join(repr(block[p]) for p in _ADDRESS if p in block)


def company_block_start(cols: list[str], renamed: frozenset[str] | None = None) -> int | None:
    """Return where an appended associated-company block starts, or None.

    A contact export with its company's columns after the contact's repeats header names (the
    reader names the second "City" "City_2"): the first is the contact's, the second the company's.
    The block starts at the first repeated name, or at the company's name just before it. A phone
    repeated alone is the contact's own beside the company's (Invoice Ninja's clients): no block.
    Nor are a person's second and third addresses in a file that names no company (KW Command's
    contacts repeat "City" for each). ``renamed``: the names the reader gave repeated headers, where
    known (a file's own "address_2" beside "address" is no repeat); else told by the names.
    """
    repeated = [i for i, c in enumerate(cols) if _repeat(c, cols, renamed)]
    words = {normalize_header(DUPLICATE.sub(r"\1", cols[i])) for i in repeated}
    if not words & {*_BLOCK_WORDS, *ADDRESS_WORDS} - {"phone"}:
        return None
    start = repeated[0]
    if start > 0 and normalize_header(cols[start - 1]) in _BLOCK_NAMES:
        start -= 1
    names = {*_BLOCK_NAMES, *ALIASES["company.name"]}
    if not any(normalize_header(DUPLICATE.sub(r"\1", c)) in names for c in cols):
        return None
    return start


def unprefixed(name: str) -> str:
    """Return a company-prefixed header without its prefix, and "address" before an address word."""
    rest = re.sub(COMPANY_PREFIX, "", name)
    # A report's "Account: Billing State/Province": the account's billing state.
    rest = rest.removeprefix("billing") if rest.startswith("billing") and rest != "billing" else rest
    if rest.startswith("address") and rest.removeprefix("address") in ADDRESS_WORDS:
        return rest.removeprefix("address")
    return rest


def address_fields(columns: list[tuple[str, str]]) -> set[str]:
    """The address fields that normalised columns name."""
    return {path for n, _ in columns for path in _ADDRESS if n in ALIASES[path]}


def whole_address(names: set[str], line2: bool = False, city: bool = False) -> bool:
    """Whether a city and a postal code (or a second line; or, with ``city``, nothing more) sit beside
    a bare address (the street line: street_line() checks it by the rows)."""
    other = ALIASES["company.address.postalcode"] + (("street2", "address2", "addressline2") if line2 else ())
    return bool(names & set(ALIASES["company.address.city"])) and (city or bool(names & set(other)))


def street_line(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out a bare Address sent as the street whose cells hold the row's city too, in most rows
    read: the whole address in one cell ("Via Roma 1, 37100 Verona"), not its street line."""
    street, city = mapping.fields.get("company.address.street"), mapping.fields.get("company.address.city")
    if not (isinstance(street, str) and isinstance(city, str) and normalize_header(street) in BARE_ADDRESS):
        return
    pairs = [(s.casefold(), c.strip().casefold()) for s, c in zip(values(street), values(city), strict=True)]
    pairs = [(s, c) for s, c in pairs if s.strip() and c]
    if pairs and sum(c in s for s, c in pairs) >= 0.5 * len(pairs):
        del mapping.fields["company.address.street"]
        mapping.candidates.pop("company.address.street", None)
        mapping.notes.append(
            f"{street!r} holds whole addresses (the city too) in the rows read: not sent as the street. "
            "To send it anyway, pass a mapping (`leadspace mapping init INPUT -o mapping.toml` writes one)."
        )


def _repeat(column: str, cols: list[str], renamed: frozenset[str] | None) -> bool:
    """Whether a column is a repeated header, as the reader named it ("City_2" after "City")."""
    if renamed is not None:
        return column in renamed
    return bool((m := DUPLICATE.match(column)) and m.group(1) in cols)


def repeated_fallbacks(
    mapping: Mapping, cols: list[str], taken: set[str], renamed: frozenset[str] | None = None
) -> None:
    """A header repeated ("Email", "Email_2") outside an appended company's block: the repeat of an
    email, phone or website is that field's fallback (refine() sends it where the first is empty)."""
    if company_block_start(cols, renamed) is not None:
        return
    for path in ("person.email", "person.person_phone", "company.website"):
        column = mapping.fields.get(path)
        if not isinstance(column, str):
            continue
        repeats = [
            c
            for c in cols
            if _repeat(c, cols, renamed) and DUPLICATE.sub(r"\1", c) == column and c not in taken
        ]
        if repeats:
            mapping.candidates[path] = [*mapping.candidates.get(path, []), *repeats]
            taken.update(repeats)


# A street line: a house number beside a word ("12 Main St", "Via Roma 1", "Akerstraat 88-2"); not an
# email or a link (review 47 F6), nor a whole address that ends in a ZIP or a UK or Canadian postcode
# ("1600 Amphitheatre Parkway Mountain View CA 94043"; F7), nor more than six words.
_STREET = re.compile(r"^(?=.*[^\W\d_]{2})(?=.*\d)(?!.*@)(?!.*://)(?!(?:\S+\s+){6})[^,;\n]{4,60}$")
_WHOLE_TAIL = re.compile(
    r"(?:\b\d{5}(?:-\d{4})?|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\b[A-Z]\d[A-Z]\s*\d[A-Z]\d)$"
)


def _street_line(value: str) -> bool:
    return bool(_STREET.match(value)) and not _WHOLE_TAIL.search(value)


def lone_street(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """Send a bare Address that no city or postal code stands beside as the company's street, where
    the rows read hold street lines ("12 Main St", no comma before a city) in a file that names the
    company: detect() leaves it out by its header, since alone it may hold the whole address."""
    fields = mapping.fields
    if "company.name" not in fields or any(p.startswith("company.address.") for p in fields):
        return
    places = {a for path in _ADDRESS if path != "company.address.street" for a in ALIASES[path]}
    if any(normalize_header(c) in places for c in columns):
        return  # the address's other parts are there and were judged (a donor's home, say)
    used = mapping.columns_used()
    for column in columns:
        if column in used or normalize_header(column) not in BARE_ADDRESS:
            continue
        seen = [v.strip() for v in values(column) if v.strip()]
        if len(seen) >= 3 and sum(_street_line(v) for v in seen) >= 0.8 * len(seen):
            fields["company.address.street"] = column
            mapping.notes.append(f"{column!r} holds street lines: sent as company.address.street.")
        return


# A Japanese prefecture: 東京都, 北海道, 大阪府, 京都府, 愛知県.
_PREFECTURE = re.compile(r"^[\u4e00-\u9fff]{1,3}[都道府県]$")
# The address line after it: by its header (住所2, 番地, Address 2) or its cells (中央区銀座4-2-15).
_LINE_HEADER = re.compile(r"(?i)住所|番地|所在地|丁目|address|addr|street|line")
_LINE_CELL = re.compile(r"[区市町村郡丁番号]|\d")


def prefecture_line(mapping: Mapping, columns: list[str], values: Callable[[str], list[str]]) -> None:
    """A street column of prefectures (a Japanese form's 住所1: 東京都) is the state; the address
    line after it (住所2: 中央区銀座4-2-15) is the street."""
    street = mapping.fields.get("company.address.street")
    if not isinstance(street, str) or "company.address.state" in mapping.fields:
        return
    seen = [v.strip() for v in values(street) if v.strip()]
    if len(seen) < 2 or sum(bool(_PREFECTURE.match(v)) for v in seen) < 0.8 * len(seen):
        return
    mapping.fields["company.address.state"] = street
    after = columns[columns.index(street) + 1 :][:1]
    lines = [v.strip() for v in values(after[0]) if v.strip()] if after else []
    line = bool(after) and (
        bool(_LINE_HEADER.search(after[0]))
        or (bool(lines) and sum(bool(_LINE_CELL.search(v)) for v in lines) >= 0.8 * len(lines))
    )  # not whatever column follows (担当者, the contact's name; review 47 F8)
    if after and line and after[0] not in mapping.columns_used() and lines:
        mapping.fields["company.address.street"] = after[0]
        note = f"{after[0]!r}, the line after it, is the street"
    else:
        del mapping.fields["company.address.street"]
        note = "no street is sent"
    mapping.notes.append(f"{street!r} holds prefectures: sent as company.address.state; {note}.")
