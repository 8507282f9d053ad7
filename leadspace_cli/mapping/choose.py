"""Choosing among the columns that name one field, by the rows' values or the header alone, and naming
every choice in the mapping's notes."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.spec import Mapping

_HOW = "pass a mapping (`leadspace mapping init INPUT -o mapping.toml` writes one)"


def _header_choice(path: str, options: list[str]) -> str:
    others = ", ".join(repr(c) for c in options[1:])
    return f"{options[0]!r} and {others} look like {path}: {options[0]!r} is sent. To send another, {_HOW}."


# Mailboxes anyone can open: a person's private address, which matches no employer. Of two email
# columns, the one of these goes after the other ("Email" of gmail.com beside "Work Email").
_FREE_MAIL = re.compile(
    r"@(?:(?:gmail|googlemail|hotmail|outlook|live|yahoo|ymail|gmx|yandex|aol)\.[a-z]{2,3}(?:\.[a-z]{2})?|"
    r"(?:msn|icloud|me|mac|protonmail|fastmail|hey|tutanota|zoho|mail|inbox|"
    r"rocketmail|rediffmail|comcast|verizon|att|sbcglobal|btinternet|virginmedia|ntlworld)\.(?:com|net)|"
    r"(?:web|t-online|freenet|arcor)\.de|(?:orange|free|wanadoo|laposte|sfr)\.fr|(?:libero|virgilio)\.it|"
    r"(?:seznam)\.cz|(?:wp|o2|interia|onet)\.pl|(?:mail|rambler|bk|list)\.ru|ukr\.net|abv\.bg|"
    r"(?:qq|163|126|sina|sohu)\.com|(?:naver|daum|hanmail)\.(?:com|net)|(?:uol|bol|terra)\.com\.br|"
    r"bluewin\.ch|(?:telenet|skynet)\.be|(?:ziggo|kpnmail|hetnet|home|planet)\.nl|bigpond\.com|"
    r"(?:shaw|rogers|sympatico|videotron|telus)\.ca|(?:proton|pm)\.me|"
    # Internet providers' mailboxes: a household's (Rogers, Bell, Telus, Cox, Charter, Optus).
    r"(?:rogers|cox|charter|earthlink|optonline|frontier|windstream|centurylink|aim|juno|netzero)\.(?:com|net)|"
    r"(?:bell|telus|cogeco|eastlink)\.net|(?:optusnet|bigpond|iinet|tpg)\.(?:com|net)\.au|xtra\.co\.nz|"
    r"(?:tiscali|alice|tin)\.it|(?:telefonica|movistar)\.(?:net|es)|(?:sapo|netcabo)\.pt|online\.de)$",
    re.IGNORECASE,
)


def _one_value(cells: list[str]) -> bool:
    """Whether a column holds one value in every row read (three or more)."""
    seen = [v.strip().lower() for v in cells if v.strip()]
    return len(seen) >= 3 and len(set(seen)) == 1


def _few(cells: list[str], share: float) -> bool:
    """Whether a column holds at most ``share`` as many values as filled rows (three or more)."""
    seen = [v.strip().lower() for v in cells if v.strip()]
    return len(seen) >= 3 and len(set(seen)) <= share * len(seen)


def _private_share(cells: list[str]) -> float:
    """The share of a column's addresses at free mail providers (gmail.com, yahoo.co.uk)."""
    addresses = [c.strip() for c in cells if "@" in c]
    return sum(1 for a in addresses if _FREE_MAIL.search(a)) / len(addresses) if addresses else 0.0


def _work_first(mapping: Mapping, options: list[str], values: Callable[[str], list[str]]) -> list[str]:
    """Of a person's email columns, those of employers' addresses before those of private ones."""
    share = {c: _private_share(values(c)) for c in options}
    ordered = sorted(options, key=lambda c: share[c] >= 0.5)  # stable: the header's order otherwise
    if ordered[0] != options[0] and any(v.strip() for v in values(ordered[0])):
        private = [c for c in options if share[c] >= 0.5]
        mapping.notes.append(
            f"{ordered[0]!r} is sent as person.email rather than {', '.join(repr(c) for c in private)} "
            f"(sent only where it is empty): {'it holds' if len(private) == 1 else 'they hold'} private "
            "addresses (gmail.com, yahoo.com) in most rows, which match no employer."
        )
        return ordered
    return options


# What a column sent after another must hold in most of its filled rows to fill that field: an email
# address, a phone number, a company that is no household (NPSP's "Smith Household" accounts).
_HOUSEHOLD = re.compile(r"(?i)\b(household|family|haushalt|famille|familia)\s*$")


def holds_email(value: str) -> bool:
    return "@" in value


def holds_phone(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 5


_FIT: dict[str, Callable[[str], bool]] = {
    "person.email": holds_email,
    "person.person_phone": holds_phone,
    "company.name": lambda v: not _HOUSEHOLD.search(v),
}


# A contact's own field: "contact_phone", Outscraper's first contact's "email_1_phone".
_CONTACT_NAMED = re.compile(r"contact|email\d")
# A record's own number beside its contact's: a company's switchboard (a mobile or a direct line may
# still be the contact's).
_SWITCHBOARDS = frozenset(
    (
        *("phone", "phonenumber", "telephone", "tel", "companyphone", "mainphone", "telefone", "telefono"),
        *("telefon", "phone1", "phone2", "phone3"),  # Outscraper's businesses' "phone_1"
    )
)
_LINK = re.compile(r"(?i)^\s*https?://\S+/\S*$")


def _links(cells: list[str]) -> bool:
    """Whether most of a column's filled cells are links (an API's "company": its record's URL)."""
    seen = [v for v in cells if v.strip()]
    return bool(seen) and sum(bool(_LINK.match(v)) for v in seen) * 2 > len(seen)


def _fits(path: str, column_values: list[str]) -> bool:
    fit = _FIT.get(path)
    seen = [v for v in column_values if v.strip()]
    return fit is None or sum(map(fit, seen)) * 2 > len(seen)


def _choose(mapping: Mapping, values: Callable[[str], list[str]], sampled: bool, more: bool = False) -> None:
    """Choose among the columns that name each field by their values; name every choice.

    Without rows (``sampled`` false) each choice is named from the headers alone (detect() does);
    with rows, those notes give way to the choice the values make. A field whose columns are all
    empty in the rows read is left out only where those rows are the whole input (``more`` false):
    a file's later rows may fill it (an empty cell sends nothing, and costs nothing).
    """
    how = _HOW
    for path in list(mapping.fields):
        chosen = mapping.columns_of(path)
        options = list(dict.fromkeys([*chosen, *mapping.candidates.get(path, [])]))
        if len(options) > 1 and sampled:
            header_note = _header_choice(path, options)
            mapping.notes[:] = [n for n in mapping.notes if n != header_note]
        if len(options) == 1 and not sampled:
            continue
        if not sampled:
            mapping.notes.append(_header_choice(path, options))
            continue
        told = len(mapping.notes)
        if path == "person.email" and len(options) > 1:
            options = _work_first(mapping, options, values)
        filled = {c: [bool(v.strip()) for v in values(c)] for c in options}
        with_values = [c for c in options if any(filled[c])]
        if not with_values and more:
            mapping.fields[path] = options[0] if len(options) == 1 else options
            one = len(options) == 1
            mapping.notes.append(
                f"{', '.join(repr(c) for c in options)} {'is' if one else 'are'} empty in the first "
                f"rows: sent as {path} where later rows fill {'it' if one else 'them'}."
            )
            continue
        if not with_values:
            del mapping.fields[path]
            mapping.notes.append(
                f"{', '.join(repr(c) for c in options)} {'is' if len(options) == 1 else 'are'} "
                f"empty in the rows read: {path} is not sent."
            )
            continue
        if path == "company.name" and len(with_values) > 1 and _few(values(with_values[0]), 0.4):
            # A company or two over every row beside a column of the rows' own (an ERP's tenants,
            # "Empresa", beside their clients' "Razão Social"): the file's owners', not sent.
            varied = next((c for c in with_values[1:] if not _few(values(c), 0.8)), None)
            if varied is not None:
                mapping.notes.append(
                    f"{with_values[0]!r} holds the same few companies over the rows read (the file's "
                    f"owners'): {varied!r}, each row's own, is sent as company.name."
                )
                told = len(mapping.notes)
                with_values = [varied, *(c for c in with_values[1:] if c != varied)]
        if path == "company.name" and len(with_values) > 1 and _links(values(with_values[0])):
            # Clientify's contacts: "company" is the company record's API link, "company_name" its name.
            link = with_values[0]
            with_values = with_values[1:]
            mapping.notes.append(
                f"{link!r} holds links, not names: {with_values[0]!r} is sent as company.name."
            )
            told = len(mapping.notes)
        first, used = with_values[0], [with_values[0]]
        covered = filled[first]
        # A contact's own phone named for the contact ("contact_phone", "email_1_phone") beside the
        # record's own ("phone", a company's switchboard: Moloni's customers): no fallback.
        contact = path == "person.person_phone" and _CONTACT_NAMED.match(normal(first)) is not None
        for column in with_values[1:]:
            if contact and normal(column) in _SWITCHBOARDS:
                continue
            if _one_value(values(column)) and not _one_value(values(first)):
                continue  # one value on every row beside the rows' own: the file's owner's (Crater's firm)
            if not _fits(path, values(column)):
                continue  # NPSP's "Preferred_Email" (Work, Personal), a donor's household account
            if any(f and not c for f, c in zip(filled[column], covered, strict=True)):
                used.append(column)
                covered = [f or c for f, c in zip(filled[column], covered, strict=True)]
        empty = [c for c in options if c not in with_values]
        if more and empty:
            # Empty in the rows read, but the input goes on (a second export appended, JSON Lines of
            # another shape later): each is sent where the columns before it leave a row empty.
            used += empty
            mapping.notes.append(
                f"{', '.join(repr(c) for c in empty)} {'is' if len(empty) == 1 else 'are'} empty in the "
                f"first rows: sent as {path} where later rows fill {'it' if len(empty) == 1 else 'them'} "
                f"and {' or '.join(repr(c) for c in with_values)} {'is' if len(with_values) == 1 else 'are'} "
                "empty."
            )
        mapping.fields[path] = used[0] if len(used) == 1 else used
        if len(used) > len(with_values) and len(with_values) == 1:
            continue
        if len(used) > 1:
            mapping.notes.append(
                f"{path}: the first non-empty of {', '.join(repr(c) for c in used)} is sent (each fills "
                f"rows the one before leaves empty). To send one only, {how}."
            )
        elif first != options[0]:
            mapping.notes.append(
                f"{', '.join(repr(c) for c in empty)} {'is' if len(empty) == 1 else 'are'} empty in the rows "
                f"read: {first!r} is sent as {path}."
            )
        elif len(with_values) > 1 and len(mapping.notes) == told:
            others = ", ".join(repr(c) for c in with_values[1:])
            mapping.notes.append(
                f"{first!r} and {others} both look like {path}: {first!r} is sent. To send another, {how}."
            )
