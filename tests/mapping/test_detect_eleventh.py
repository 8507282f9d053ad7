"""Detection on the exports of the twenty-second held-out sets: each test fails on the code before its
rule (7b525ab)."""

from __future__ import annotations

from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.roles import role_split


def test_a_role_s_field_that_begins_with_s_keeps_its_s() -> None:
    # A vet's reminders (OpenVPMS): "Customer Surname" is the customer's surname, not the customers'
    # "urname"; osCommerce's plural "customers_id" still reads as the customers' id.
    fields = detect(
        ["Customer Identifier", "Customer Title", "Customer First Name", "Customer Surname", "Customer Email"]
    ).fields
    assert fields.get("person.last_name") == "Customer Surname"
    assert fields.get("person.first_name") == "Customer First Name"
    assert role_split("customerstate") == ("customer", "state")
    assert role_split("donorsstreet") == ("donors", "street")  # "sstreet" reads as nothing: plural
    assert role_split("customersid") == ("customers", "id")
    assert role_split("email") is None


def test_an_import_template_s_required_and_optional_marks_are_not_part_of_the_name() -> None:
    header = ["First Name (required)", "Last Name (Required)", "Email (optional)", "Société [facultatif]"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "First Name (required)"
    assert fields.get("person.last_name") == "Last Name (Required)"
    assert fields.get("person.email") == "Email (optional)"
    assert fields.get("company.name") == "Société [facultatif]"


def test_a_primary_email_address_and_phone_number_are_the_person_s() -> None:
    # Clerk's users export: the primary of the verified and unverified ones.
    header = ["id", "first_name", "last_name", "username", "primary_email_address", "primary_phone_number"]
    header += ["verified_email_addresses", "unverified_email_addresses", "verified_phone_numbers"]
    fields = detect(header).fields
    assert fields.get("person.email") == "primary_email_address"
    assert fields.get("person.person_phone") == "primary_phone_number"


def test_a_billing_account_s_holder_is_the_row_s_person() -> None:
    # Recurly's accounts export: the account holder's names, email, phone and company under "account_".
    header = ["account_code", "account_email", "account_username", "account_company_name"]
    header += ["account_first_name", "account_last_name", "account_city", "account_country", "account_phone"]
    fields = detect(header).fields
    assert {k: fields.get(k) for k in ("person.first_name", "person.last_name", "person.email")} == {
        "person.first_name": "account_first_name",
        "person.last_name": "account_last_name",
        "person.email": "account_email",
    }
    assert fields.get("person.person_phone") == "account_phone"
    assert fields.get("company.name") == "account_company_name"
    # An opportunities report's "Account Name" is no holder: nothing of the person's is read from it.
    fields = detect(["Opportunity Name", "Account Name", "Account Email", "Amount", "Stage"]).fields
    assert fields.get("person.email") is None


def test_a_user_who_last_logged_in_is_one_of_a_site_s_own_with_their_own_address() -> None:
    # Authgear's users (OpenID Connect claims, no company): the address is the person's, though an
    # "account_valid_from" reads as an account's.
    header = ["sub", "email", "phone_number", "name", "given_name", "gender", "birthdate"]
    header += ["address.street_address", "address.locality", "address.postal_code", "address.country"]
    fields = detect([*header, "last_login_at", "account_valid_from", "account_valid_until"]).fields
    assert fields.get("person.person_country") == "address.country"
    assert fields.get("company.address.street") is None
