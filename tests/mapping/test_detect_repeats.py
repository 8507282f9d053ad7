"""A header repeated beside a file's own numbered column ("address", "address_2" for the street's
second line, then the company's "address", "address_2"): the reader's names for the repeats never
take a name the file has, and the company's block starts at the first real repeat (skeptic pass 21)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.formats.rows import _dedupe_header
from tests.mapping.test_detect_eleventh import judged

_HEADER = (
    "first_name,last_name,email,address,address_2,city,country,company,website,address,address_2,city,country"
)
_ROW = "Ada,Lovelace,ada@analytical.example,12 Home Lane,Apt 4,Homeville,United States,Analytical Engines,"
_ROW += "analytical.example,1 Corporate Way,Floor 9,London,United Kingdom"


def test_a_repeat_is_never_named_as_a_column_the_file_has() -> None:
    names, notes = _dedupe_header(_HEADER.split(","))
    assert len(set(names)) == len(names)
    assert names[9:] == ["address_3", "address_2_2", "city_2", "country_2"]
    assert "the second is called 'address_3'" in notes[0]
    assert _dedupe_header(["City", "City_2", "City"])[0] == ["City", "City_2", "City_3"]


def test_the_companys_block_starts_at_the_first_real_repeat(tmp_path: Path) -> None:
    mapping = judged(tmp_path / "contacts.csv", _HEADER.split(","), [_ROW.split(",")] * 3)
    assert mapping.fields.get("company.address.city") == "city_2"
    assert mapping.fields.get("company.address.country") == "country_2"
    assert (
        "person.person_country" not in mapping.fields or mapping.fields["person.person_country"] == "country"
    )
    sent = {c for cs in mapping.rows() for c in ([cs[1]] if isinstance(cs[1], str) else cs[1])}
    assert not sent & {"city", "address", "address_2"}  # the contact's own address is never the company's
    # Three "City" beside the file's own "City_2": the third is the company's, not the file's City_2.
    header = ["First Name", "Last Name", "Email", "Company", "City", "City_2", "City"]
    row = ["Ada", "Lovelace", "ada@analytical.example", "Analytical Engines", "Homeville", "Legacy", "London"]
    mapping = judged(tmp_path / "three.csv", header, [row] * 3)
    assert mapping.fields.get("company.address.city") == "City_3"
