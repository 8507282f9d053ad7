"""Issue 28: detection on exports it never saw, a field from whichever column has it, mapping init's TOML."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.body import builder
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.judge import detect_source
from leadspace_cli.mapping.spec import check, parse
from tests.conftest import invoke, write_csv


def _detected(path: Path) -> tuple[dict[str, str | list[str]], list[str]]:
    with open_source(str(path), prescan=True) as source:
        m = detect_source(source)
        return m.fields, m.notes


def _bodies(path: Path) -> list[dict[str, object]]:
    with open_source(str(path), prescan=True) as source:
        m = detect_source(source)
        build = builder(m, source)
        return [build(row) for row in source.rows]


def test_an_account_files_bare_name_is_the_company_and_its_phone_not_a_persons(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "accounts.csv",
        ["Id", "Name", "BillingCity", "BillingCountry", "Phone", "Website", "Industry"],
        [["001A", "Acme Tools", "Austin", "US", "555-0100", "acme.example.com", "Tools"]],
    )
    fields, notes = _detected(path)
    assert fields["company.name"] == "Name"
    assert "person.person_phone" not in fields
    assert any("'Name' is sent as company.name" in n for n in notes)
    result = invoke("mapping", "check", str(path))
    assert result.exit_code == 0, result.output
    # A bare Name beside a person's columns stays a person's name: never the company's.
    assert "company.name" not in detect(["Name", "Email", "Job Title", "Website"]).fields


def test_a_reports_joined_object_labels_are_read() -> None:
    m = detect(["Contact: Contact ID", "Contact: First Name", "Contact: Last Name", "Account: Account Name"])
    assert m.fields["external_id"] == "Contact: Contact ID"
    assert m.fields["company.name"] == "Account: Account Name"


def test_an_appended_company_block_is_mapped_by_position(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Street Address", "City", "State", "Postal Code", "Name",
              "Street Address", "City", "State", "Postal Code", "Website"]  # fmt: skip
    row = ["Ann", "Bo", "ann@acme.example.com", "1 Home Rd", "Homeville", "OR", "97000", "Acme Tools",
           "9 Office Way", "Austin", "TX", "73301", "acme.example.com"]  # fmt: skip
    path = write_csv(tmp_path / "contacts.csv", header, [row])
    (body,) = _bodies(path)
    company = body["company"]
    assert isinstance(company, dict)
    assert company["name"] == "Acme Tools"
    assert company["address"] == {
        "street": "9 Office Way",
        "city": "Austin",
        "state": "TX",
        "postalcode": "73301",
    }
    assert body["person"] == {"first_name": "Ann", "last_name": "Bo", "email": "ann@acme.example.com"}


def test_an_empty_column_gives_way_to_a_filled_one_and_the_choice_is_named(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "book.csv",
        ["First Name", "Last Name", "Primary Email", "Work Phone", "Mobile Number", "Organization"],
        [["Ann", "Bo", f"ann{i}@acme.example.com", "", f"555-010{i}", "Acme"] for i in range(3)],
    )
    fields, notes = _detected(path)
    assert fields["person.person_phone"] == "Mobile Number"
    assert any("'Work Phone' is empty in the rows read: 'Mobile Number' is sent" in n for n in notes)


def test_contact_book_scraper_and_vendor_columns() -> None:
    m = detect(["First Name", "Last Name", "Organization Name", "Organization Title", "E-mail 1 - Value"])
    assert m.fields["person.title"] == "Organization Title"
    m = detect(["Zoom Individual ID", "First name", "Last name", "Direct Phone Number", "Company name"])
    assert m.fields["external_id"] == "Zoom Individual ID"
    assert m.fields["person.person_phone"] == "Direct Phone Number"
    assert detect(["firstName", "lastName", "companyName", "vmid"]).fields["external_id"] == "vmid"


def test_work_email_beside_email_is_named_by_the_run_and_mapping_init(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "leads.csv",
        ["First Name", "Last Name", "Email", "Work Email", "Company"],
        [["Ann", "Bo", "ann@home.example.com", "ann@acme.example.com", "Acme"]],
    )
    result = invoke("mapping", "init", str(path))
    assert result.exit_code == 0, result.output
    assert "'Email' and 'Work Email' both look like person.email: 'Email' is sent" in result.output


def test_a_work_email_goes_before_a_column_of_private_addresses(tmp_path: Path) -> None:
    # B2B: a person's gmail.com matches no employer; the work address does (skeptic pass 21 F7).
    for header in (["Email", "Work Email"], ["Work Email", "Email"], ["Email", "Business Email"]):
        private = header.index("Email")
        rows = []
        for i, domain in enumerate(["gmail.com", "yahoo.co.uk", "hotmail.fr", "gmail.com"]):
            cells = ["", ""]
            cells[private] = f"p{i}@{domain}"
            cells[1 - private] = f"p{i}@acme{i}.example.com" if i < 3 else ""  # one row has only its gmail
            rows.append(["Ann", "Bo", *cells, f"Acme {i}"])
        path = write_csv(tmp_path / "leads.csv", ["First Name", "Last Name", *header, "Company"], rows)
        fields, notes = _detected(path)
        work = header[1 - private]
        assert fields["person.email"] == [work, "Email"], header
        assert any(f"{work!r} is sent as person.email rather than 'Email'" in n for n in notes)
        assert [b["person"]["email"] for b in _bodies(path)] == [  # type: ignore[index]
            "p0@acme0.example.com",
            "p1@acme1.example.com",
            "p2@acme2.example.com",
            "p3@gmail.com",
        ]
    # Guard: two columns of employers' addresses keep the header's order.
    rows = [["Ann", "Bo", f"a{i}@acme.example.com", f"b{i}@globex.example.com", "Acme"] for i in range(3)]
    path = write_csv(
        tmp_path / "work.csv", ["First Name", "Last Name", "Email", "Work Email", "Company"], rows
    )
    assert _detected(path)[0]["person.email"] == "Email"


def test_a_field_from_whichever_column_has_it_in_json_lines_of_two_sources(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    lines = [{"Company": f"Flat {i}", "Email": f"a{i}@flat.example.com"} for i in range(5)]
    lines += [{"company": {"name": f"Nested {i}"}, "Email": f"b{i}@nested.example.com"} for i in range(10)]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    fields, _ = _detected(path)
    assert fields["company.name"] == ["Company", "company.name"]
    names = [b["company"]["name"] for b in _bodies(path)]  # type: ignore[index]
    assert names == [f"Flat {i}" for i in range(5)] + [f"Nested {i}" for i in range(10)]
    result = invoke("mapping", "init", str(path))
    assert result.exit_code == 0, result.output
    assert 'name = ["Company", "company.name"]' in result.output
    assert tomllib.loads(result.output)["company"]["name"] == ["Company", "company.name"]


def test_a_json_object_is_never_sent_as_text(tmp_path: Path) -> None:
    path = tmp_path / "null_first.jsonl"
    lines = [{"company": None, "email": "a@x.example.com"}]
    lines += [{"company": {"name": f"Acme {i}", "size": 3}, "email": "b@x.example.com"} for i in range(3)]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    bodies = _bodies(path)
    assert [b.get("company") for b in bodies] == [None, *({"name": f"Acme {i}"} for i in range(3))]
    # Even a mapping that names the object's column sends nothing of it.
    with open_source(str(path), prescan=True) as source:
        build = builder(parse('[company]\nname = ["company", "company.name"]\n'), source)
        assert [build(r).get("company") for r in source.rows] == [
            None,
            *({"name": f"Acme {i}"} for i in range(3)),
        ]


def test_a_json_boolean_is_never_sent_as_text(tmp_path: Path) -> None:
    # {"Company": true} was sent (and paid) as the company "true" (skeptic pass 20).
    path = tmp_path / "flags.jsonl"
    lines = [{"Company": True, "Email": "a@x.example"}, {"Company": "Acme", "Email": "b@x.example"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with open_source(str(path), prescan=True) as source:
        build = builder(parse('[company]\nname = "Company"\n'), source)
        assert [build(r).get("company") for r in source.rows] == [None, {"name": "Acme"}]


def test_a_mapping_lists_columns_and_checks_each() -> None:
    m = parse('[company]\nname = ["Company", "company.name"]\n')
    assert m.fields["company.name"] == ["Company", "company.name"]
    check(m, ["Company", "company.name"])
    result = invoke("mapping", "check", "-", "--mapping", "/nonexistent.toml")
    assert result.exit_code == 2


def test_mapping_init_escapes_what_a_file_holds(tmp_path: Path) -> None:
    owner = 'boss@seller.example.com\n[output]\n"ls.result" = "=HYPERLINK(1)"\x1b[2J'
    rows = [["Ann", f"Bo{i}", owner, "Acme"] for i in range(6)]
    path = write_csv(tmp_path / "leads.csv", ["First Name", "Last Name", "Email", "Company"], rows)
    result = invoke("mapping", "init", str(path))
    assert result.exit_code == 0, result.output
    doc = tomllib.loads(result.output)
    assert "output" not in doc
    assert "\x1b" not in result.output
    assert "\\u001b[2j" in result.output  # the note shows the value escaped (lower-cased as compared)


def test_output_names_that_excel_would_run_are_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "leads.csv", ["Company"], [["Acme"]])
    for name in ("=1+1", "+x", "-x", "@x", "\tx", "a\x1bb"):
        mapping = tmp_path / "m.toml"
        mapping.write_text(f'[company]\nname = "Company"\n[output]\n"ls.result" = {json.dumps(name)}\n')
        result = invoke("mapping", "check", str(path), "--mapping", str(mapping))
        assert result.exit_code == 2, (name, result.output)
        assert "formula" in result.output


def test_a_listed_field_comes_back_from_a_runs_report(tmp_path: Path) -> None:
    from leadspace_cli.mapping.spec import from_report

    report = tmp_path / "r.json"
    used = {"company.name": ["Company", "company.name"], "person.email": "Email"}
    report.write_text(json.dumps({"settings": {"mapping_used": used}}), encoding="utf-8")
    assert from_report(report).fields == used


def test_an_org_objects_domain_is_the_companys_website(tmp_path: Path) -> None:
    # {"org": {"name", "domain"}}: "org.name" was the company's name and "org.domain" left out.
    path = tmp_path / "org.jsonl"
    lines = [
        {
            "first_name": "Ann",
            "last_name": "Lee",
            "email": f"ann{i}@acme.example",
            "org": {"name": "Acme", "domain": "acme.example"},
        }
        for i in range(3)
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    fields, _ = _detected(path)
    assert fields["company.name"] == "org.name"
    assert fields["company.website"] == "org.domain"
