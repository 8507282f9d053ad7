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
