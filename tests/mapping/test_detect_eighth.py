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


def test_a_maps_scrapers_places_are_businesses_named_by_their_title() -> None:
    # A Google Maps scraper's results: one row a place, its reviews and its place on the map.
    m = detect(["link", "title", "category", "address", "open_hours", "website", "phone", "plus_code",
                "review_count", "review_rating", "latitude", "longitude", "cid", "emails"])  # fmt: skip
    assert m.fields["company.name"] == "title"
    assert m.fields["company.website"] == "website"
    assert m.fields["external_id"] == "cid"
    assert "person.title" not in m.fields
    assert "person.person_phone" not in m.fields  # the business's phone, not a person's
    # A directory's listings named by their business name.
    m = detect(["rank", "business_name", "telephone", "website", "rating", "street", "locality", "zipcode"])
    assert m.fields["company.name"] == "business_name"
    # Beside a person's names, a title is still the person's job.
    m = detect(["first_name", "last_name", "title", "company", "review_count"])
    assert m.fields["person.title"] == "title"
    assert m.fields["company.name"] == "company"


def test_a_mailing_lists_merge_tags_and_subscriber_ids() -> None:
    # Mailtrain's subscribers: merge tags for the list's fields; Acelle Mail's subscribers' uid.
    m = detect(["cid", "status", "HASH_EMAIL", "EMAIL", "MERGE_FIRST_NAME", "MERGE_LAST_NAME"])
    assert m.fields["external_id"] == "cid"
    assert m.fields["person.email"] == "EMAIL"
    assert m.fields["person.first_name"] == "MERGE_FIRST_NAME"
    assert m.fields["person.last_name"] == "MERGE_LAST_NAME"
    m = detect(["Email", "First name", "Last name", "status", "uid", "created_at"])
    assert m.fields["external_id"] == "uid"


def test_a_companys_headquarters_address() -> None:
    m = detect(
        ["linkedin_company_id", "company_name", "staff_count", "Headquarters City", "Headquarters Country"]
    )
    assert m.fields["company.address.city"] == "Headquarters City"
    assert m.fields["company.address.country"] == "Headquarters Country"
