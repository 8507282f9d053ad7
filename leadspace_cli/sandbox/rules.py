"""The referee's own rules, written from the API document, not taken from the tool.

Every promise about credits is checked against the sandbox's bill, so the sandbox must be able to
disagree with the tool: it imports nothing of the tool but the document's field list
(``leadspace_cli.api.fields``), and writes again here the two rules the bill depends on.

The minimum input, from the document's 400 row ("If the JSON format is valid, please make sure you
provide the following fields for the enrichment: For Account enrichment: Company Name For Person
(Lead/Contact) enrichment: First Name Last Name Company Name/Email Address/Website"):

- an account needs ``company.name``;
- a person needs ``person.first_name`` and ``person.last_name`` and one of ``company.name``,
  ``person.email`` or ``company.website``.

So a body is enough when it has a company name (an account, whatever else it holds), or a first
name, a last name and an e-mail address or a website. An e-mail address alone is not enough, nor
a website alone, nor ``company.lsid`` alone (the document calls it optional, used to match first).
A field is present when it is a JSON string holding something other than whitespace; an empty or
whitespace-only string, ``null``, a number or a list is absent (the document's fields are strings).

The bill: the document says ``external_id`` "is not used for the processing itself what so ever", so
two bodies that differ only there are one question; any other difference, even of letter case or
spacing, is another question, billed again. The canonical body is the JSON of the body without
``external_id``, keys sorted, values exactly as received: no normalisation of any kind. Where the
tool decides that two spellings are one question (an e-mail address in another case), it must send
them as one body; if it merges bodies the API sees as two, the referee's bill shows it.
"""

from __future__ import annotations

import json
from typing import Any


def _present(node: Any, key: str) -> bool:
    """Return whether ``node[key]`` is a string with something other than whitespace in it."""
    if not isinstance(node, dict):
        return False
    value = node.get(key)
    return isinstance(value, str) and not (value == "" or value.isspace())


def has_minimum_input(body: dict[str, Any]) -> bool:
    """Return whether a request holds the document's minimum input (else the API answers 400)."""
    person, company = body.get("person"), body.get("company")
    if _present(company, "name"):
        return True  # account enrichment; for a person, the company name is also the third field
    return (
        _present(person, "first_name")
        and _present(person, "last_name")
        and (_present(person, "email") or _present(company, "website"))
    )


def canonical(body: dict[str, Any]) -> str:
    """Return the question a body asks: its JSON without ``external_id``, values untouched."""
    rest = {k: v for k, v in body.items() if k != "external_id"}
    return json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
