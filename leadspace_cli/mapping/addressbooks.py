"""Address books' exports in other languages, read as the same program's English export.

Outlook, Thunderbird and Windows Live Mail write their contacts with the column names of the user's
language ("Straße geschäftlich", "Kod pocztowy (praca)", "商务地址 邮政编码"). A header that is
mostly one of those exports is read with each column named as the English export names it ("Business
Street", "Work ZipCode"), so every rule for the English export holds for it (Outlook's "Title" before
the names is the salutation; the home address is not the company's). The names, in 56 exports of 18
languages (``addressbooks.json``), are those Zimbra's contacts import reads for a contact's fields
(``store-conf/conf/contacts/zimbra-contact-fields.xml`` in github.com/Zimbra/zm-mailbox at 2b7f978),
with other versions' names that real exports in ``tests/corpus.py`` write (Dutch Thunderbird's
"Werkplaats", Dutch Outlook's "Werkadres, straat", Italian Outlook's "Paese/area geografica (uff.)")
and Chinese Outlook's, which Zimbra does not read; and those Roundcube's contacts import reads
(``program/localization/*/csv2vcard.inc`` in github.com/roundcube/roundcubemail at 28b44419e: Finnish
Thunderbird's, Traditional Chinese Outlook's, among 11 languages), less the few it reads as another
field than the export's own name says (its German "Land geschäftlich" as the state).
A column in none of them keeps its own name.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from leadspace_cli.mapping.aliases import fold
from leadspace_cli.mapping.blocks import ALL_ALIASES
from leadspace_cli.mapping.normal import normal
from leadspace_cli.mapping.spec import Mapping

# A header is an address book's when this many of its columns are that export's own names (no other
# file's: "Telefon arbete", "Kod pocztowy (praca)", not "Förnamn" or "Postnummer"), and at least this
# share of its columns are that export's: a Swedish CRM's contacts are no Thunderbird export.
MIN_OWN = 4
MIN_SHARE = 0.6


@functools.cache
def _exports() -> dict[str, dict[str, str]]:
    """Each export ("thunderbird pl") to its columns, folded, and their English names."""
    text = resources.files(__package__).joinpath("addressbooks.json").read_text(encoding="utf-8")
    table: dict[str, dict[str, str]] = json.loads(text)
    return {key: {name.casefold(): new for name, new in names.items()} for key, names in table.items()}


@functools.cache
def _own(name: str) -> bool:
    """Whether an export's column name is its own: no alias of a field reads it."""
    return normal(name) not in ALL_ALIASES


def english(columns: list[str]) -> dict[str, str]:
    """Return each column of a known address book's export in another language with its English
    name; empty when the header is no such export."""
    folded = [c.strip().casefold() for c in columns]
    best = max(_exports().values(), key=lambda names: sum(f in names for f in folded))
    matched = sum(f in best for f in folded)
    if sum(f in best and _own(f) for f in folded) < MIN_OWN or matched < MIN_SHARE * len(columns):
        return _pipedrive(columns)
    out: dict[str, str] = {}
    taken = {c.strip().casefold() for c in columns}
    for column, name in zip(columns, folded, strict=True):
        new = best.get(name)
        # Never two columns under one name, nor a name another column has already.
        if new and new.casefold() not in taken:
            out[column] = new
            taken.add(new.casefold())
    return out


def in_english(names: dict[str, str], own: Mapping, read: Mapping) -> Mapping:
    """Return the mapping detected on the English names (``read``) with each column's own name back,
    and the fields it left out as the header read by its own names (``own``) sends them from columns
    the table does not know (another version's "Werkplaats" where it has "Werklocatie"). A header read
    without the prefix its columns share (prefixes.py) is read back the same way."""

    def back(column: str) -> str:
        return written.get(column, column)

    written = {new: old for old, new in names.items()}
    read.fields = {
        path: back(c) if isinstance(c, str) else [*map(back, c)] for path, c in read.fields.items()
    }
    read.candidates = {path: [*map(back, cols)] for path, cols in read.candidates.items()}
    read.address_blocks = [{path: back(c) for path, c in block.items()} for block in read.address_blocks]
    notes = []
    for note in read.notes:
        for new, old in written.items():
            note = note.replace(repr(new), repr(old))
        notes.append(note)
    read.notes = notes
    used = read.columns_used()
    for path in own.fields:
        if path not in read.fields and not any(c in names or c in used for c in own.columns_of(path)):
            read.fields[path] = own.fields[path]
    return read


def odoo_lead(columns: list[str]) -> dict[str, str]:
    """Odoo's leads by their field names ("partner_name" beside "email_from"): its "partner_name" is
    the lead's company, read as Odoo's label says (elsewhere a "Partner Name" is a reseller's)."""
    return {"partner_name": "Company Name"} if {"partner_name", "email_from"} <= set(columns) else {}


# Pipedrive's exports in other languages: "Pessoa - E-mail - Trabalho", "Persona - Teléfono - Otro",
# "Organização - Nome" (its object, its field, the field's kind), read as its English export.
_DASH = re.compile(r"\s+-\s+")
_OBJECTS = {
    **dict.fromkeys(("pessoa", "persona", "personne", "persoon"), "Person"),
    **dict.fromkeys(
        ("organizacao", "organizacion", "organisation", "organizzazione", "organisatie"), "Organization"
    ),
}
_PARTS = {
    **dict.fromkeys(("nome", "nombre", "nom", "naam"), "Name"),
    **dict.fromkeys(("e-mail", "email", "correo", "correo electronico"), "Email"),
    **dict.fromkeys(("telefone", "telefono", "telephone", "telefoon"), "Phone"),
    **dict.fromkeys(("id", "identificacao", "identificacion"), "ID"),
    **dict.fromkeys(("organizacao", "organizacion", "organisation", "organizzazione"), "Organization"),
    **dict.fromkeys(("cargo", "poste", "functie", "titre du poste", "funcao"), "Job title"),
    **dict.fromkeys(("prenom", "primeiro nome"), "First name"),
    **dict.fromkeys(("nom de famille", "sobrenome", "apellido", "apellidos"), "Last name"),
    # An organisation's address and its parts (Pipedrive's French "Organisation - Code postal").
    **dict.fromkeys(("adresse", "endereco", "direccion", "indirizzo", "adres"), "Address"),
    **dict.fromkeys(("nom de rue/route", "nome da rua/estrada", "nombre de calle/carretera"), "Street"),
    **dict.fromkeys(("ville/agglomeration/village/localite", "cidade/vila/povoado/localidade"), "City"),
    **dict.fromkeys(("ciudad/pueblo/villa/localidad", "ville", "cidade", "ciudad", "citta"), "City"),
    **dict.fromkeys(("code postal", "cep", "codigo postal", "cap", "postcode"), "Postal code"),
    **dict.fromkeys(("pays", "pais", "paese", "land"), "Country"),
    **dict.fromkeys(("site web", "site", "sitio web", "sito web", "website"), "Website"),
}
_KINDS = {
    **dict.fromkeys(("trabalho", "trabajo", "travail", "lavoro", "werk"), "Work"),
    **dict.fromkeys(("celular", "movil", "portable", "cellulare", "mobiel"), "Mobile"),
    **dict.fromkeys(("casa", "residencial", "domicile", "prive"), "Home"),
    **dict.fromkeys(("outros", "outro", "otro", "otros", "autre", "altro", "overig"), "Other"),
}


def _pipedrive(columns: list[str]) -> dict[str, str]:
    """Each column of a Pipedrive export in another language with its English name; empty unless
    three of its columns are read so."""
    out: dict[str, str] = {}
    taken = {c.strip().casefold() for c in columns}
    for column in columns:
        parts = [p.strip() for p in _DASH.split(fold(column).strip())]
        if not 2 <= len(parts) <= 3 or parts[0] not in _OBJECTS or parts[1] not in _PARTS:
            continue
        if len(parts) == 3 and parts[2] not in _KINDS:
            continue
        new = f"{_OBJECTS[parts[0]]} - {_PARTS[parts[1]]}" + (
            f" - {_KINDS[parts[2]]}" if len(parts) == 3 else ""
        )
        if new.casefold() not in taken:
            out[column] = new
            taken.add(new.casefold())
    return out if len(out) >= 3 else {}
