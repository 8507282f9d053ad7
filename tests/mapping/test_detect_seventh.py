"""Detection rules from the thirteenth held-out set (issue 28): each test fails on the code before."""

from __future__ import annotations

import pytest

from leadspace_cli.mapping.detect import detect


def test_a_records_first_item_of_a_flattened_collection_is_the_field() -> None:
    # OroCRM's contacts: up to three emails, phones, addresses and accounts, each numbered.
    m = detect(["Id", "First name", "Last name", "Job Title", "Emails 1 Email", "Emails 2 Email",
                "Phones 1 Phone", "Phones 2 Phone", "Accounts 1 Account name", "Accounts 2 Account name",
                "Addresses 1 Label", "Addresses 1 First name", "Addresses 1 Street", "Addresses 1 City",
                "Addresses 1 State", "Addresses 1 Zip/Postal Code", "Addresses 1 Country ISO2 code",
                "Addresses 2 Street", "Addresses 2 City"])  # fmt: skip
    assert m.fields["person.email"] == "Emails 1 Email"
    assert m.fields["person.person_phone"] == "Phones 1 Phone"
    assert m.fields["company.name"] == "Accounts 1 Account name"
    assert m.fields["person.first_name"] == "First name"  # not the address's own name
    assert m.fields["company.address.street"] == "Addresses 1 Street"
    assert m.fields["company.address.city"] == "Addresses 1 City"
    assert m.fields["company.address.postalcode"] == "Addresses 1 Zip/Postal Code"
    assert m.fields["company.address.country"] == "Addresses 1 Country ISO2 code"
    # A second item alone is never the one sent, and an address's label is no address.
    m = detect(["First name", "Last name", "Emails 2 Email", "Addresses 1 Label"])
    assert "person.email" not in m.fields
    assert not [p for p in m.fields if p.startswith("company.address.")], m.fields


def test_a_scholars_affiliation_is_the_company_and_the_country_their_own() -> None:
    # A conference's users (HotCRP), an event's registrants (Indico).
    m = detect(["given_name", "family_name", "email", "affiliation", "country", "orcid"])
    assert m.fields["company.name"] == "affiliation"
    assert m.fields["person.person_country"] == "country"
    assert "company.address.country" not in m.fields
    m = detect(["ID", "Name", "Email Address", "Affiliation", "Title", "Registration date"])
    assert m.fields["company.name"] == "Affiliation"


_CIVI_HEAD = ["Contact ID", "First Name", "Last Name", "Job Title", "Organization Name", "Current Employer",
              "Street Address", "City", "Postal Code", "State", "Country", "Phone", "Email"]  # fmt: skip


@pytest.mark.parametrize(
    "sign",
    [
        "Membership Type",
        "Member Since",
        "Membership ID",
        "Participant ID",
        "Participant Status",
        "Household Name",
        "Deceased",
    ],
)
def test_a_nonprofits_members_participants_and_households_have_their_own_address(sign: str) -> None:
    m = detect([*_CIVI_HEAD, sign])
    assert not [p for p in m.fields if p.startswith("company.address.")], (sign, m.fields)
    assert m.fields["person.person_country"] == "Country"
    assert any("look like the person's own address" in n for n in m.notes), m.notes


def test_without_a_nonprofits_signs_a_contacts_organisation_keeps_its_address() -> None:
    assert detect(_CIVI_HEAD).fields["company.address.city"] == "City"


def test_city_name_is_the_city() -> None:
    m = detect(["first_name", "last_name", "email", "company", "street", "city_name", "country"])
    assert m.fields["company.address.city"] == "city_name"


def test_an_attendees_own_number_is_the_id_never_a_transactions() -> None:
    # Eventbrite's attendee report: the attendee's own number, not the order's.
    m = detect(["Order #", "Order Date", "First Name", "Last Name", "Email", "Attendee #"])
    assert m.fields["external_id"] == "Attendee #"
    # An order's, a payment's or a registration's id is the transaction's, not the person's record.
    for header in (
        ["Sale Date", "Order ID", "Buyer User ID", "Full Name", "First Name", "Last Name"],
        ["Order#", "Order Date", "First Name", "Last Name", "Email"],
        ["First Name", "Last Name", "Phone", "Email", "Company", "Price Type", "Registration ID"],
    ):
        assert "external_id" not in detect(header).fields, header


def test_a_learning_platforms_institution_and_a_japanese_affiliation_are_the_company() -> None:
    m = detect(
        ["id", "username", "email", "firstname", "lastname", "institution", "department", "city", "country"]
    )
    assert m.fields["company.name"] == "institution"
    assert m.fields["person.person_country"] == "country"  # named alone, as an employer: their own
    assert "company.address.city" not in m.fields
    assert detect(["名", "姓", "メール", "電話", "所属", "役職"]).fields["company.name"] == "所属"


def test_chinese_headers() -> None:
    # A CRM's contacts (yudao) and a shop's users (ShopXO).
    m = detect(["联系人姓名", "客户名称", "性别", "职位", "手机号", "电话", "邮箱", "地址"])
    assert m.fields["company.name"] == "客户名称"
    assert m.fields["person.title"] == "职位"
    assert m.fields["person.email"] == "邮箱"
    assert m.columns_of("person.person_phone")[0] in ("手机号", "电话")
    m = detect(["用户ID", "用户名", "昵称", "手机", "邮箱", "状态", "性别", "详细地址", "生日"])
    assert m.fields["external_id"] == "用户ID"
    assert m.fields["person.email"] == "邮箱"


def test_a_customers_possessive_fields_and_company_and_their_billing_address() -> None:
    # Shopp's customers: "Customer's First Name", "Customer's Company", a billing address.
    m = detect(["Customer's First Name", "Customer's Last Name", "Customer's Email Address",
                "Customer's Phone Number", "Customer's Company", "Customer Type",
                "Billing Street Address", "Billing City", "Billing State/Province", "Billing Country",
                "Billing Postal Code"])  # fmt: skip
    assert m.fields["person.first_name"] == "Customer's First Name"
    assert m.fields["person.email"] == "Customer's Email Address"
    assert m.fields["company.name"] == "Customer's Company"
    assert not [p for p in m.fields if p.startswith("company.address.")], m.fields


def test_a_french_organisations_file() -> None:
    # e-venement's organisations: Organisme, CP, Adresse web; the Courriel and phone are the
    # organisation's.
    m = detect(["Catégorie d'organisme", "Organisme", "Adresse", "CP", "Ville", "Pays", "Courriel",
                "Adresse web", "Description", "Type de numéro de téléphone",
                "Numéro de téléphone"])  # fmt: skip
    assert m.fields["company.name"] == "Organisme"
    assert m.fields["company.website"] == "Adresse web"
    assert m.fields["company.address.postalcode"] == "CP"
    assert m.fields["company.address.city"] == "Ville"
    assert "person.email" not in m.fields
    assert "person.person_phone" not in m.fields
