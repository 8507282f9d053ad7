"""Detection rules from the sixteenth held-out set (issue 28): each test fails on the code before."""

from __future__ import annotations

import pytest

from leadspace_cli.mapping.detect import detect

NORDIC = [
    # Norwegian (and Danish), Swedish, Finnish CRM exports: a contact with its employer.
    ["Fornavn", "Etternavn", "E-post", "Mobil", "Firma", "Stilling", "Adresse", "Postnummer", "Poststed",
     "Land", "Hjemmeside"],
    ["Förnamn", "Efternamn", "E-postadress", "Telefon", "Företag", "Befattning", "Adress", "Postnummer",
     "Postort", "Land", "Hemsida"],
    ["Etunimi", "Sukunimi", "Sähköposti", "Puhelin", "Yritys", "Titteli", "Katuosoite", "Postinumero",
     "Postitoimipaikka", "Maa"],
]  # fmt: skip


@pytest.mark.parametrize("header", NORDIC, ids=["norwegian", "swedish", "finnish"])
def test_nordic_headers(header: list[str]) -> None:
    m = detect(header)
    want = {
        "person.first_name": header[0],
        "person.last_name": header[1],
        "person.email": header[2],
        "person.person_phone": header[3],
        "company.name": header[4],
        "person.title": header[5],
        "company.address.street": header[6],
        "company.address.postalcode": header[7],
        "company.address.city": header[8],
        "company.address.country": header[9],
    }
    if len(header) > 10:
        want["company.website"] = header[10]
    assert {k: m.fields.get(k) for k in want} == want


def test_the_french_family_name() -> None:
    # A hotel's bookings export (MotoPress Hotel Booking, French site).
    m = detect(["ID", "Statut", "Prénom", "Nom de famille", "E-mail", "Téléphone", "Pays"])
    assert m.fields["person.last_name"] == "Nom de famille"
    assert m.fields["person.first_name"] == "Prénom"


def test_the_customers_fields_named_after_the_customer() -> None:
    # An appointments plugin's bookings, German site: "E-Mail des Kunden", "Kunden Telefonnummer".
    m = detect(["ID", "Booking status", "Name des Kunden", "E-Mail des Kunden", "Kunden Telefonnummer",
                "Customer notes", "Service", "Name des Mitarbeiters", "Datum"])  # fmt: skip
    assert m.fields["person.email"] == "E-Mail des Kunden"
    assert m.fields["person.person_phone"] == "Kunden Telefonnummer"
    m = detect(["Prénom du client", "Nom du client", "Téléphone du client", "E-mail du client"])
    assert m.fields["person.email"] == "E-mail du client"
    assert m.fields["person.person_phone"] == "Téléphone du client"
    # The employee's (the booking's staff member) is never the customer's.
    m = detect(["ID", "E-Mail des Mitarbeiters", "Datum"])
    assert "person.email" not in m.fields


def test_a_companys_registered_address() -> None:
    # The UK's register of companies (Companies House's basic company data).
    m = detect(["CompanyName", "CompanyNumber", "RegAddress.CareOf", "RegAddress.POBox",
                "RegAddress.AddressLine1", "RegAddress.AddressLine2", "RegAddress.PostTown",
                "RegAddress.County", "RegAddress.Country", "RegAddress.PostCode", "CompanyCategory",
                "CompanyStatus", "CountryOfOrigin", "URI"])  # fmt: skip
    assert m.fields["company.name"] == "CompanyName"
    assert m.fields["company.address.street"] == "RegAddress.AddressLine1"
    assert m.fields["company.address.city"] == "RegAddress.PostTown"
    assert m.fields["company.address.state"] == "RegAddress.County"
    assert m.fields["company.address.postalcode"] == "RegAddress.PostCode"
    assert m.fields["company.address.country"] == "RegAddress.Country"
    m = detect(["Account Name", "Registered Office City", "Registered Office Postcode"])
    assert m.fields["company.address.city"] == "Registered Office City"
    assert m.fields["company.address.postalcode"] == "Registered Office Postcode"
