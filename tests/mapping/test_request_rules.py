"""Request rules 3 on one body: what a cell that holds nothing, or holds a spreadsheet's mark, sends."""

from __future__ import annotations

import pytest

from leadspace_cli.mapping.body import cleaned, spelled


@pytest.mark.parametrize(
    "placeholder", ["#N/A", "#n/a", " #NV ", "#N/D", "#N/B", "#SAKNAS!", "NULL", "null", "None"]
)
def test_a_placeholder_is_not_sent(placeholder: str) -> None:
    body = {"person": {"first_name": "Ann", "title": placeholder.strip()}, "company": {"name": "Acme"}}
    assert cleaned(body) == {"person": {"first_name": "Ann"}, "company": {"name": "Acme"}}


def test_an_object_left_empty_is_not_sent() -> None:
    body = {"person": {"email": "n/a"}, "company": {"name": "Acme", "address": {"city": "-", "state": "--"}}}
    assert cleaned(body) == {"company": {"name": "Acme"}}


def test_guard_a_value_that_looks_like_a_placeholder_is_sent() -> None:
    body = {
        "person": {"last_name": "Nan", "email": "none@acme.example"},
        "company": {"address": {"country": "NA"}},
    }
    assert cleaned(body) is body  # a family name, a mailbox, Namibia
    families = {"person": {"first_name": "Ada", "last_name": "Null"}, "company": {"name": "NONE Ltd"}}
    assert cleaned(families) is families  # family names too: only a script's null, as scripts write it
    names = {"person": {"last_name": "O'Brien", "first_name": "'t Hooft"}}
    assert cleaned(names) is names  # an apostrophe is stripped only before a phone or a postal code


def test_several_addresses_or_numbers_in_one_cell_are_not_sent() -> None:
    body = {
        "person": {"email": "a@x.example, b@y.example", "person_phone": "+1 555 0100 200; +1 555 0100 300"}
    }
    assert cleaned(body) == {}
    one = {"person": {"email": "Ann Lee <ann@x.example>", "person_phone": "+1 (555) 0100-200, ext. 12"}}
    assert cleaned(one) is one


def test_a_spreadsheets_text_mark_before_a_phone_or_postal_code_is_not_sent() -> None:
    body = {"person": {"person_phone": "'+1 650-555-0101"}, "company": {"address": {"postalcode": "'02139"}}}
    assert cleaned(body) == {
        "person": {"person_phone": "+1 650-555-0101"},
        "company": {"address": {"postalcode": "02139"}},
    }


def test_a_persons_profile_is_not_the_companys_website_but_a_company_page_is() -> None:
    person = {
        "person": {"last_name": "Adams"},
        "company": {"name": "Contoso", "website": "https://LinkedIn.com/IN/kenadams"},  # any case
    }
    assert cleaned(person) == {"person": {"last_name": "Adams"}, "company": {"name": "Contoso"}}
    page = {"company": {"name": "Contoso", "website": "https://www.linkedin.com/company/contoso"}}
    assert spelled(cleaned(page)) == {
        "company": {"name": "Contoso", "website": "linkedin.com/company/contoso"}
    }
