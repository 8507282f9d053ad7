"""Detection, twenty-second round: an account's contact person is the row's person (each rule's test
fails on e12117d, the code before it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mapping.test_detect_eleventh import judged

_FIRMS = [
    ["Acme Inc", "John Smith", "john@acme.com", "+1 617 555 1234", "Boston"],
    ["Beta LLC", "Mary Jones", "mary.jones@beta.com", "+1 303 555 9999", "Denver"],
    ["Gamma Corp", "Peter Brown", "pbrown@gamma.io", "+1 512 555 2222", "Austin"],
    ["Delta GmbH", "Anna Schmidt", "anna.schmidt@delta.de", "+49 30 555 3333", "Berlin"],
]


@pytest.mark.parametrize(
    "header",
    [
        ["Company", "Contact Person", "Email", "Phone", "City"],
        ["Firma", "Ansprechpartner", "E-Mail", "Telefon", "Ort"],
        ["Cég", "Kapcsolattartó", "E-mail", "Telefon", "Város"],
        ["Компания", "Контактное лицо", "Email", "Телефон", "Город"],
    ],
)
def test_an_account_s_contact_person_is_sent_as_the_person(tmp_path: Path, header: list[str]) -> None:
    # A file of companies naming each one's contact person: their name went unsent and the phone
    # beside it was dropped as the switchboard, though a careful person sends both.
    mapping = judged(tmp_path / "accounts.csv", header, _FIRMS)
    assert mapping.fields.get("person.full_name") == header[1]
    assert mapping.fields.get("person.person_phone") == header[3]
    assert mapping.fields.get("company.name") == header[0]
    assert mapping.fields.get("person.email") == header[2]
    assert any("contact person" in n for n in mapping.notes)


def test_a_bare_contact_column_beside_a_bare_name_of_firms(tmp_path: Path) -> None:
    mapping = judged(tmp_path / "suppliers.csv", ["Name", "Contact", "Email", "Phone", "City"], _FIRMS)
    assert mapping.fields.get("company.name") == "Name"
    assert mapping.fields.get("person.full_name") == "Contact"


def test_guard_one_contact_on_every_row_is_no_row_s_person(tmp_path: Path) -> None:
    # The same name on each row is the file's owner or the account manager, not each firm's person.
    rows = [[r[0], "Sam Keller", r[2], r[3], r[4]] for r in _FIRMS]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Contact Person", "Email", "Phone", "City"], rows)
    assert "person.full_name" not in mapping.fields


def test_guard_a_contact_column_of_numbers_or_firms_is_no_name(tmp_path: Path) -> None:
    rows = [[r[0], r[3], r[2], r[4]] for r in _FIRMS]  # "Contact" holds the phone
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Contact", "Email", "City"], rows)
    assert "person.full_name" not in mapping.fields
    rows = [[r[0], r[0], r[2], r[4]] for r in _FIRMS]  # the firm's own name again
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Contact", "Email", "City"], rows)
    assert "person.full_name" not in mapping.fields


def test_guard_a_contact_person_beside_the_person_s_own_names(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Company", "Contact Person", "Email"]
    rows = [["Ann", "Lee", r[0], r[1], r[2]] for r in _FIRMS]
    mapping = judged(tmp_path / "leads.csv", header, rows)
    assert mapping.fields.get("person.first_name") == "First Name"
    assert "person.full_name" not in mapping.fields


def test_a_lone_address_of_street_lines_is_the_street(tmp_path: Path) -> None:
    # A bare "Address" with no city beside it was never sent, though its cells are street lines.
    rows = [
        [r[0], r[2], street]
        for r, street in zip(_FIRMS, ["12 Main St", "9 Elm Rd", "100 Congress Ave", "Via Roma 1"])
    ]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Email", "Address"], rows)
    assert mapping.fields.get("company.address.street") == "Address"


def test_guard_a_lone_address_of_whole_addresses_is_not_the_street(tmp_path: Path) -> None:
    whole = [
        "12 Main St, Boston, MA 02110",
        "9 Elm Rd, Denver, CO 80202",
        "1 Way, Austin, TX",
        "Via Roma 1, Verona",
    ]
    rows = [[r[0], r[2], w] for r, w in zip(_FIRMS, whole)]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "Email", "Address"], rows)
    assert "company.address.street" not in mapping.fields
