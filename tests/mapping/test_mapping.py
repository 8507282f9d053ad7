"""Header detection for real exports, the TOML format and the minimum-input rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadspace_cli.errors import MappingError
from leadspace_cli.mapping.body import missing_input, website_text
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.spec import check, parse, to_toml
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, write_csv

EXPORTS = {
    "salesforce leads": (
        [
            "Lead ID",
            "First Name",
            "Last Name",
            "Title",
            "Company",
            "Email",
            "Website",
            "Street",
            "City",
            "State/Province",
            "Zip/Postal Code",
            "Country",
            "Phone",
        ],
        {
            "external_id": "Lead ID",
            "person.first_name": "First Name",
            "person.email": "Email",
            "company.name": "Company",
            "company.address.postalcode": "Zip/Postal Code",
            "company.address.state": "State/Province",
            "person.person_phone": "Phone",
        },
    ),
    "salesforce contacts": (
        [
            "Contact ID",
            "First Name",
            "Last Name",
            "Account Name",
            "Email",
            "Mailing Street",
            "Mailing City",
            "Mailing State/Province",
            "Mailing Zip/Postal Code",
            "Mailing Country",
        ],
        {
            "external_id": "Contact ID",
            "company.name": "Account Name",
            "person.person_country": "Mailing Country",  # the contact's own address, not the company's
            "company.address.city": None,
            "company.address.postalcode": None,
        },
    ),
    "hubspot": (
        [
            "Record ID",
            "First Name",
            "Last Name",
            "Email",
            "Company Name",
            "Job Title",
            "Country/Region",
            "Website URL",
        ],
        {
            "external_id": "Record ID",
            "company.name": "Company Name",
            "person.title": "Job Title",
            "company.address.country": "Country/Region",
            "company.website": "Website URL",
        },
    ),
    "marketo": (
        ["Id", "FirstName", "LastName", "Email Address", "Company Name", "Job Title", "Postal Code"],
        {
            "external_id": "Id",
            "person.first_name": "FirstName",
            "person.email": "Email Address",
            "company.address.postalcode": "Postal Code",
        },
    ),
    "apollo": (
        [
            "First Name",
            "Last Name",
            "Title",
            "Company",
            "Company Name for Emails",
            "Email",
            "Website",
            "Company Country",
        ],
        {
            "company.name": "Company",
            "company.website": "Website",
            "company.address.country": "Company Country",
        },
    ),
    "sales navigator": (
        ["firstName", "lastName", "companyName", "title", "companyDomain", "location"],
        {"person.first_name": "firstName", "company.name": "companyName", "company.website": "companyDomain"},
    ),
    "snake case": (
        ["first_name", "last_name", "work_email", "account_name", "domain", "zip"],
        {
            "person.email": "work_email",
            "company.name": "account_name",
            "company.website": "domain",
            "company.address.postalcode": "zip",
        },
    ),
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_detection_of_real_export_headers(name: str) -> None:
    columns, expected = EXPORTS[name]
    m = detect(columns)
    for path, column in expected.items():
        assert m.fields.get(path) == column, (path, m.fields)  # None: must be left out
    check(m, columns)  # each of them has a usable minimum
    assert len(set(m.fields.values())) == len(m.fields)  # a column maps once


def test_toml_mapping_with_custom_fields_and_both_phone_spellings() -> None:
    m = parse(
        'external_id = "Id"\n[person]\nphone = "Tel"\nperson_phone = "Mobile"\n'
        '[custom_fields]\nlead_source = "Source"\n'
    )
    assert m.fields == {"external_id": "Id", "person.phone": "Tel", "person.person_phone": "Mobile"}
    assert m.custom == {"lead_source": "Source"}
    with pytest.raises(MappingError, match="must name an input column"):
        parse("[person]\nemail = 3\n")
    with pytest.raises(MappingError, match=r"'company\.website'"):
        parse('[company]\nwebsit = "W"\n')


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ({"company": {"name": "Acme"}}, None),
        ({"person": {"first_name": "A", "last_name": "B", "email": "a@b.example"}}, None),
        ({"person": {"first_name": "A", "last_name": "B"}, "company": {"website": "b.example"}}, None),
        ({"person": {"first_name": "A", "last_name": "B"}}, "an email or website"),
        ({"person": {"first_name": "A", "email": "a@b.example"}}, "last name"),
        ({"company": {"website": "b.example", "lsid": "X"}}, "first name"),
        ({}, "no company name"),
    ],
)
def test_minimum_input_rule(body: dict[str, object], missing: str | None) -> None:
    got = missing_input(body)
    if missing is None:
        assert got is None
    else:
        assert got is not None
        assert missing in got


def test_check_names_the_way_forward_when_nothing_maps() -> None:
    with pytest.raises(MappingError, match="mapping init"):
        check(detect(["Foo", "Email"]), ["Foo", "Email"])


# Apollo's people export (header as seen in public importers of it, e.g. the field lists of
# Apollo-to-CRM scripts on GitHub): the unprefixed City/State/Country are the person's.
APOLLO_PEOPLE = [
    "First Name", "Last Name", "Title", "Company", "Company Name for Emails", "Email", "Email Status",
    "Seniority", "Departments", "Contact Owner", "First Phone", "Work Direct Phone", "Home Phone",
    "Mobile Phone", "Corporate Phone", "Account Owner", "# Employees", "Industry", "Person Linkedin Url",
    "Website", "Company Linkedin Url", "City", "State", "Country", "Company Address", "Company City",
    "Company State", "Company Country", "Company Phone", "Secondary Email", "Tertiary Email",
    "Apollo Contact Id", "Apollo Account Id",
]  # fmt: skip


def test_apollo_people_export_sends_the_companys_location_not_the_persons() -> None:
    m = detect(APOLLO_PEOPLE)
    assert m.fields["company.name"] == "Company"  # not the decoy "Company Name for Emails"
    assert m.fields["company.address.city"] == "Company City"
    assert m.fields["company.address.state"] == "Company State"
    assert m.fields["company.address.country"] == "Company Country"
    assert m.fields["person.person_country"] == "Country"  # the person's country has its own field
    assert "company.address.street" not in m.fields  # "Company Address" is a whole address, not a street
    assert m.fields["person.email"] == "Email"  # not an owner's or a secondary address
    sent = set(m.fields.values())
    assert not sent & {"City", "State", "Contact Owner", "Account Owner", "Secondary Email", "Home Phone"}
    assert any("'City', 'State'" in note and "person's location" in note for note in m.notes)


def test_headers_that_differ_only_by_case_are_named_as_a_choice() -> None:
    m = detect(["First Name", "Last Name", "Email", "Company Name", "Company name"])
    assert m.fields["company.name"] == "Company Name"
    assert any("'Company Name' and 'Company name'" in note for note in m.notes)
    assert "# Note: 'Company Name' and 'Company name'" in to_toml(m, ["Company Name", "Company name"])


def test_an_email_column_with_one_address_in_every_row_is_an_owner_not_the_lead(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    rows = [[f"P{i}", f"Q{i}", "owner@myco.example", f"p{i}@acme{i}.example", "Acme"] for i in range(8)]
    src = write_csv(tmp_path / "in.csv", ["First Name", "Last Name", "Email", "Work email", "Company"], rows)
    result = invoke("enrich", str(src), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert "'Email' holds the same address in every row" in result.stderr.replace("\n", " ")
    sent = {body["person"]["email"] for body in use_sandbox.stats.received}
    assert sent == {f"p{i}@acme{i}.example" for i in range(8)}


@pytest.mark.parametrize(
    ("links", "sent"),
    [
        (["https://www.linkedin.com/in/ann-lee", "https://www.linkedin.com/in/bo"] * 3, False),
        (["acme.example", "https://globex.example/", "www.initech.example"] * 2, True),
    ],
)
def test_a_url_column_is_a_website_only_when_its_values_are_websites(
    use_sandbox: Sandbox, tmp_path: Path, links: list[str], sent: bool
) -> None:
    rows = [[f"P{i}", f"Q{i}", "Acme", link] for i, link in enumerate(links)]
    src = write_csv(tmp_path / "in.csv", ["First Name", "Last Name", "Company", "URL"], rows)
    result = invoke("enrich", str(src), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    # By row (the first name): calls made at once may reach the sandbox in another order.
    websites = {
        b["person"]["first_name"]: b.get("company", {}).get("website") for b in use_sandbox.stats.received
    }
    # sent as one spelling of the site (request rules 2)
    assert websites == {f"P{i}": (website_text(link) if sent else None) for i, link in enumerate(links)}


def test_the_mapping_a_run_used_is_printed_by_mapping_init_and_reproduces_its_requests(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    src = write_csv(
        tmp_path / "in.csv",
        ["Record ID", "First Name", "Last Name", "Email", "Company Name", "Website URL"],
        [[str(i), f"P{i}", f"Q{i}", f"p{i}@acme.example", "Acme", "acme.example"] for i in range(4)],
    )
    assert invoke("enrich", str(src), "-o", "out.csv", "--report", "r.json").exit_code == 0
    first = list(use_sandbox.stats.received)
    result = invoke("mapping", "init", str(src), "--from-report", "r.json", "-o", "m.toml")
    assert result.exit_code == 0, result.stderr
    toml = Path("m.toml").read_text()
    assert 'external_id = "Record ID"' in toml
    assert 'website = "Website URL"' in toml
    calls = use_sandbox.stats.calls
    result = invoke("enrich", str(src), "-o", "out2.csv", "--mapping", "m.toml", "--max-age", "0")
    assert result.exit_code == 0, result.stderr
    # the very same requests (calls made at once may reach the sandbox in another order)
    assert sorted(use_sandbox.stats.received[calls:], key=json.dumps) == sorted(first, key=json.dumps)
    result = invoke("mapping", "init", str(src), "--from-report", "out.csv")
    assert result.exit_code == 2
    assert "Cannot read the report out.csv" in result.stderr


def test_the_mapping_from_a_report_keeps_its_output_renames(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # Skeptic 25 F3: the printed mapping lost the run's [output] table, so the rerun it was meant to
    # reproduce wrote "ls.result" where the first run wrote "Result".
    src = write_csv(
        tmp_path / "in.csv",
        ["First Name", "Last Name", "Email", "Company"],
        [[f"P{i}", f"Q{i}", f"p{i}@acme.example", "Acme"] for i in range(3)],
    )
    Path("m.toml").write_text(
        '[person]\nfirst_name = "First Name"\nlast_name = "Last Name"\nemail = "Email"\n'
        '[company]\nname = "Company"\n[output]\n"ls.result" = "Result"\n'
    )
    assert invoke("enrich", str(src), "-o", "out.csv", "-m", "m.toml", "--report", "r.json").exit_code == 0
    result = invoke("mapping", "init", str(src), "--from-report", "r.json", "-o", "again.toml")
    assert result.exit_code == 0, result.stderr
    assert '"ls.result" = "Result"' in Path("again.toml").read_text()
    assert invoke("enrich", str(src), "-o", "out2.csv", "-m", "again.toml").exit_code == 0
    assert Path("out2.csv").read_text().splitlines()[0] == Path("out.csv").read_text().splitlines()[0]


def test_a_list_of_emails_alone_is_refused_saying_why() -> None:
    # A newsletter's subscribers: the README said the email is sent, but the minimum input refuses
    # every row; the refusal told to write a mapping, which cannot help (skeptic pass 19).
    with pytest.raises(MappingError) as got:
        check(detect(["Email", "Subscribed"]), ["Email", "Subscribed"])
    assert "a list of emails alone cannot be enriched" in str(got.value)
    assert "--header-row" not in str(got.value)


def test_whole_names_in_one_column_are_refused_with_how_to_split_them() -> None:
    columns = ["Full Name", "Email", "Company"]
    mapping = detect(columns)
    mapping.fields.pop("company.name", None)
    mapping.notes.append("'Company' is empty in the rows read: company.name is not sent.")
    with pytest.raises(MappingError) as got:
        check(mapping, columns)
    said = str(got.value)
    assert "'Full Name' holds whole names" in said
    assert "split it into First Name and Last Name columns" in said
    assert "'Company' is empty in the rows read" in said  # the reason it gave mapping init


def test_a_users_own_mapping_is_refused_without_telling_to_write_one() -> None:
    with pytest.raises(MappingError) as got:
        check(parse('[person]\nemail = "Email"\n', "m.toml"), ["Full Name", "Email"], "m.toml")
    said = str(got.value)
    assert "m.toml maps person.email" in said
    assert "mapping init" not in said
    assert "'Full Name' holds whole names" in said


def test_a_one_column_header_holding_a_delimiter_is_told_which_to_pass() -> None:
    # A ';'-separated file named .tsv: its header read as one column (skeptic pass 20).
    columns = ["First Name;Last Name;Email"]
    with pytest.raises(MappingError) as got:
        check(detect(columns), columns)
    assert "looks separated by ';': pass --delimiter ';'" in str(got.value)
    assert "--header-row" not in str(got.value)
