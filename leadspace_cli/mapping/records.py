"""What the rows read say a record is: a company filed as a lead (a rule of the values, which
leaves fields out rather than send a wrong one; see ``judge``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from leadspace_cli.mapping.spec import Mapping

_WORD = re.compile(r"[^\W_]+")


def _folded(value: str) -> str:
    return " ".join(_WORD.findall(value.casefold()))


def companies_as_leads(mapping: Mapping, values: Callable[[str], list[str]]) -> None:
    """Leave out the person's fields of a lead file whose "Last Name" repeats the company's name in
    most rows: a CRM that requires a last name gets the company's where no person is known (a Zoho or
    Salesforce lead of an organisation), so the rows are companies and their phone is the company's."""
    last, company = mapping.fields.get("person.last_name"), mapping.fields.get("company.name")
    if not isinstance(last, str) or not isinstance(company, str):
        return
    pairs = [(_folded(a), _folded(b)) for a, b in zip(values(last), values(company), strict=True)]
    both = [(a, b) for a, b in pairs if a and b]
    same = sum(a == b for a, b in both)
    if len(both) < 3 or 2 * same < len(both):
        return
    firsts = mapping.fields.get("person.first_name")
    if isinstance(firsts, str) and sum(bool(v.strip()) for v in values(firsts)) * 2 >= len(both):
        return  # people are named too: a person whose family name is their firm's (rare), kept
    dropped = [
        p for p in ("person.last_name", "person.first_name", "person.person_phone") if p in mapping.fields
    ]
    for path in dropped:
        mapping.fields.pop(path, None)
        mapping.candidates.pop(path, None)
    mapping.notes.append(
        f"{last!r} repeats {company!r} in {same} of the {len(both)} rows read: the rows are companies "
        f"filed as leads, so {', '.join(dropped)} {'is' if len(dropped) == 1 else 'are'} not sent."
    )
