"""Detection rules from the seventeenth held-out set (issue 28): each test fails on the code before."""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect
from tests.mapping.places import company_address


def test_polish_windows_live_mail_reads_the_office_address_as_the_company_s() -> None:
    # Zimbra's Windows Live Mail CSV in Polish: "(biuro)" is the office, "(dom)" the home.
    header = [
        "Imię", "Nazwisko", "Adres e-mail", "Ulica (dom)", "Miasto (dom)", "Kod pocztowy (dom)",
        "Województwo (dom)", "Kraj/region (dom)", "Telefon komórkowy", "Osobista strona sieci Web",
        "Ulica (biuro)", "Miasto (biuro)", "Kod pocztowy (biuro)", "Województwo (biuro)",
        "Kraj/region (biuro)", "Firmowa strona sieci Web", "Firma", "Stanowisko",
    ]  # fmt: skip
    fields = detect(header).fields
    assert company_address(header) == {
        "street": "Ulica (biuro)",
        "city": "Miasto (biuro)",
        "state": "Województwo (biuro)",
        "postalcode": "Kod pocztowy (biuro)",
        "country": "Kraj/region (biuro)",
    }
    assert fields.get("company.website") == "Firmowa strona sieci Web"  # not the personal page
    assert fields.get("company.name") == "Firma"


def test_slash_joined_alternatives_name_the_state_and_the_postal_code() -> None:
    # Wave's vendor export (and FreshBooks' Province/State): one column, two names for it.
    header = [
        "vendor_name", "email", "contact_first_name", "contact_last_name", "vendor_currency",
        "account_number", "phone", "fax", "mobile", "toll_free", "website", "country", "province/state",
        "address_line_1", "address_line_2", "city", "postal_code/zip_code",
    ]  # fmt: skip
    assert company_address(header) == {
        "street": "address_line_1",
        "city": "city",
        "state": "province/state",
        "postalcode": "postal_code/zip_code",
        "country": "country",
    }


def test_a_prefixed_bare_address_beside_its_city_and_a_second_line_or_postal_code_is_the_street() -> None:
    # Zimbra's Yahoo CSV ("Work Address" beside "Work City" and "Work ZIP"); Zoho Books' customers
    # ("Billing Address" beside "Billing Street2" and "Billing City", its postal code "Billing Code").
    yahoo = ["First", "Last", "Email", "Company", "Work Address", "Work City", "Work State", "Work ZIP"]
    assert company_address(yahoo)["street"] == "Work Address"
    zoho = [
        "Company Name", "First Name", "Last Name", "Billing Address", "Billing Street2", "Billing City",
        "Billing State", "Billing Country", "Billing Code", "Shipping Address", "Shipping City", "EmailID",
    ]  # fmt: skip
    assert company_address(zoho)["street"] == "Billing Address"
    # Alone beside its city, a prefixed Address may hold the whole address in one cell: not sent.
    alone = ["First Name", "Last Name", "Email", "Company", "Company Address", "Company City"]
    assert company_address(alone)["street"] is None


def test_odoo_s_related_company_is_the_person_s_company_and_the_address_its() -> None:
    header = ["Name", "Is a company", "Related company", "Address type", "Street", "ZIP", "City", "State"]
    fields = detect(header).fields
    assert fields.get("company.name") == "Related company"
    assert company_address(header) == {
        "street": "Street",
        "city": "City",
        "state": "State",
        "postalcode": "ZIP",
        "country": None,
    }


def test_mapi_property_names_are_read_past_their_tag() -> None:
    # Kopano's contact2csv writes MAPI property names.
    header = [
        "PR_GIVEN_NAME", "PR_SURNAME", "PR_EMAIL", "PR_TITLE", "PR_COMPANY_NAME", "PR_BUSINESS_HOME_PAGE",
        "PR_ADDRESS", "PR_CITY", "PR_STATE", "PR_ZIP", "PR_COUNTRY",
    ]  # fmt: skip
    fields = detect(header).fields
    assert {k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email")} == {
        "person.first_name": "PR_GIVEN_NAME",
        "person.last_name": "PR_SURNAME",
        "person.email": "PR_EMAIL",
    }
    assert fields.get("company.name") == "PR_COMPANY_NAME"
    assert company_address(header)["street"] == "PR_ADDRESS"
    # Only the tag: words that merely start with the letters keep them.
    plain = detect(["Prénom", "Nom", "Primary Email", "Profession"]).fields
    assert plain.get("person.first_name") == "Prénom"
    assert plain.get("person.email") == "Primary Email"
