"""Detection, twenty-third round: the late review of the twenty-second (review 47, F6-F17). Each test
fails on 97f9836, the code before it; the guards beside them hold on both."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadspace_cli.mapping.wholenames import split_name
from tests.mapping.test_detect_eleventh import judged


def test_an_address_column_of_emails_is_the_email_not_the_street(tmp_path: Path) -> None:
    # F6: "jane2@acme.com" has letters and a digit: it went out as company.address.street.
    rows = [
        ["Acme Inc", "Jane Smith", "jane2@acme.com"],
        ["Beta LLC", "John Doe", "john.doe1@beta.io"],
        ["Gamma Co", "Ann Lee", "ann.lee99@gamma.co"],
    ]
    mapping = judged(tmp_path / "a.csv", ["Company", "Contact", "Address"], rows)
    assert "company.address.street" not in mapping.fields
    assert mapping.fields.get("person.email") == "Address"


def test_a_whole_address_without_commas_is_not_the_street(tmp_path: Path) -> None:
    # F7: the city, state and ZIP went out inside the street.
    rows = [
        ["Acme Inc", "1600 Amphitheatre Parkway Mountain View CA 94043", "555-1234"],
        ["Beta LLC", "350 Fifth Avenue New York NY 10118", "555-2345"],
        ["Gamma Ltd", "221B Baker Street London NW1 6XE", "555-3456"],
    ]
    mapping = judged(tmp_path / "a.csv", ["Company", "Address", "Phone"], rows)
    assert "company.address.street" not in mapping.fields


def test_street_lines_alone_are_still_the_street(tmp_path: Path) -> None:
    rows = [["Acme Inc", "12 Main St", "555-1234"], ["Beta LLC", "Via Roma 1", "555-2345"]]
    rows.append(["Gamma BV", "Akerstraat 88-2", "555-3456"])
    mapping = judged(tmp_path / "a.csv", ["Company", "Address", "Phone"], rows)
    assert mapping.fields.get("company.address.street") == "Address"


def test_the_column_after_a_prefecture_is_the_street_only_when_it_is_an_address_line(tmp_path: Path) -> None:
    # F8: 担当者 (the contact's name) after 住所1 (東京都) went out as the street.
    rows = [
        ["株式会社アルファ", "104-0061", "東京都", "高橋 誠", "03-1234-5678"],
        ["ベータ商事株式会社", "530-0001", "大阪府", "佐藤 花子", "06-2345-6789"],
        ["ガンマ工業株式会社", "460-0008", "愛知県", "鈴木 一郎", "052-345-6789"],
    ]
    mapping = judged(tmp_path / "a.csv", ["会社名", "郵便番号", "住所1", "担当者", "電話番号"], rows)
    assert mapping.fields.get("company.address.state") == "住所1"
    assert "company.address.street" not in mapping.fields
    lines = [
        [*r[:3], line, r[4]]
        for r, line in zip(rows, ["中央区銀座4-2-15", "北区梅田1-1-3", "中区栄3-5-1"], strict=True)
    ]
    mapping = judged(tmp_path / "b.csv", ["会社名", "郵便番号", "住所1", "住所2", "電話番号"], lines)
    assert mapping.fields.get("company.address.street") == "住所2"


def test_a_pic_column_of_two_reps_in_turn_is_not_each_company_s_person(tmp_path: Path) -> None:
    # F9: the seller's two reps went out as every company's person, with its switchboard as theirs.
    reps = ["Budi Santoso", "Rina Wati"]
    rows = [[f"PT Maju {i}", f"021-555{i:04d}", "Jakarta", reps[i % 2]] for i in range(6)]
    mapping = judged(tmp_path / "a.csv", ["Nama Perusahaan", "Telepon", "Kota", "PIC"], rows)
    assert "person.full_name" not in mapping.fields
    assert "person.person_phone" not in mapping.fields


def test_a_contact_column_of_job_roles_is_not_split_as_names(tmp_path: Path) -> None:
    # F10: "Purchasing Manager" went out as first name Purchasing, last name Manager.
    roles = ["Purchasing Manager", "General Manager", "Office Manager", "Marketing Director", "HR Manager"]
    rows = [[f"Firm {i}", f"555-12{i}4", role] for i, role in enumerate(roles)]
    mapping = judged(tmp_path / "a.csv", ["Company", "Phone", "Contact"], rows)
    assert "person.full_name" not in mapping.fields


def test_a_rank_position_beside_the_contact_is_not_their_title(tmp_path: Path) -> None:
    # F11: a ranking's "Position" (1, 2, 3) went out as the contact's job title.
    people = ["Hans Müller", "Jane Smith", "Ole Berg", "Ana Ruiz"]
    rows = [[str(i + 1), f"Firm {i}", p, f"+49 30 12345{i}", str(100 - i)] for i, p in enumerate(people)]
    mapping = judged(tmp_path / "a.csv", ["Position", "Company", "Contact", "Phone", "Revenue"], rows)
    assert mapping.fields.get("person.full_name") == "Contact"
    assert "person.title" not in mapping.fields
    jobs = [
        [r[0], r[1], r[2], r[3], job] for r, job in zip(rows, ["CEO", "CTO", "Buyer", "Owner"], strict=True)
    ]
    mapping = judged(tmp_path / "b.csv", ["Rank", "Company", "Contact", "Phone", "Position"], jobs)
    assert mapping.fields.get("person.title") == "Position"


def test_sole_traders_sites_beside_free_mail_are_their_companies(tmp_path: Path) -> None:
    # F12: no gmail address is ever a site's host, so every form-lead file of sole traders lost its
    # only company key.
    rows = [
        ["Jane", "Smith", "janesmith@gmail.com", "smithplumbing.com"],
        ["John", "Doe", "johndoe77@yahoo.com", "doebakery.com"],
        ["Ann", "Lee", "annlee@hotmail.com", "leeflorist.com"],
    ]
    mapping = judged(tmp_path / "a.csv", ["First Name", "Last Name", "Email", "Website"], rows)
    assert mapping.fields.get("company.website") == "Website"


def test_members_own_pages_beside_work_addresses_are_still_left_out(tmp_path: Path) -> None:
    rows = [
        ["Nadia", "Ferreira", "nadia@lisbonmakers.pt", "nadiaferreira.design"],
        ["Tom", "Gray", "tom@lisbonmakers.pt", "tomgray.photo"],
        ["Eva", "Lund", "eva@lisbonmakers.pt", "evalund.art"],
    ]
    mapping = judged(tmp_path / "a.csv", ["First Name", "Last Name", "Email", "Website"], rows)
    assert "company.website" not in mapping.fields


@pytest.mark.parametrize("tenant", ["Tenant", "Tenant Name"])
def test_a_saas_tenant_is_the_organisation_not_the_person(tmp_path: Path, tenant: str) -> None:
    # F13: an M365 export's "Tenant" (Contoso Pharma) went out as the user's first and last name.
    rows = [
        ["jdoe@contoso.com", "Contoso Pharma", "Sales"],
        ["asmith@fabrikam.com", "Fabrikam Retail", "IT"],
        ["bwu@northwind.com", "Northwind Traders", "Finance"],
    ]
    mapping = judged(tmp_path / "a.csv", ["Email", tenant, "Department"], rows)
    assert "person.full_name" not in mapping.fields


def test_a_property_manager_s_tenants_are_still_people(tmp_path: Path) -> None:
    rows = [
        ["Unit 4B", "Maria Gomez", "maria.gomez@gmail.com", "1450"],
        ["Unit 2A", "David Kim", "dkim@yahoo.com", "1300"],
        ["Unit 7C", "Sara Patel", "sara.patel@outlook.com", "1600"],
    ]
    mapping = judged(tmp_path / "a.csv", ["Unit", "Tenant", "Email", "Rent"], rows)
    assert mapping.fields.get("person.full_name") == "Tenant"


def test_a_cashier_s_name_is_not_paired_with_the_customer_s_email(tmp_path: Path) -> None:
    # F14: a POS export's "Employee Name" went out as the name of the customer whose email it sent.
    rows = [
        ["1001", "2024-01-02", "jane@acme.com", "Carlos Ruiz", "12.50"],
        ["1002", "2024-01-02", "john@beta.com", "Maria Lopez", "8.00"],
        ["1003", "2024-01-03", "ann@gamma.com", "Carlos Ruiz", "30.10"],
    ]
    header = ["Receipt", "Date", "Customer Email", "Employee Name", "Total"]
    assert "person.full_name" not in judged(tmp_path / "a.csv", header, rows).fields
    header = ["Receipt", "Date", "Employee Email", "Employee Name", "Total"]
    staff = [
        [r[0], r[1], e, r[3], r[4]]
        for r, e in zip(rows, ["carlos@shop.com", "maria@shop.com", "carlos@shop.com"], strict=True)
    ]
    assert judged(tmp_path / "b.csv", header, staff).fields.get("person.full_name") == "Employee Name"


@pytest.mark.parametrize("name", ["高野誠", "石原聡", "田口恵", "高野", "金井学", "武藤翔"])
def test_japanese_names_written_whole_are_not_split_as_chinese(name: str) -> None:
    # F15: 高野誠 went out as first name 野誠, last name 高.
    assert split_name(name, rules=6) is None


@pytest.mark.parametrize(
    ("name", "split"), [("张伟", ("伟", "张")), ("王小明", ("小明", "王")), ("李明", ("明", "李"))]
)
def test_chinese_names_written_whole_are_still_split(name: str, split: tuple[str, str]) -> None:
    assert split_name(name, rules=6) == split


def test_an_upper_case_vietnamese_name_has_its_family_name_first() -> None:
    # F16: "NGUYỄN VĂN AN" went out as first name NGUYỄN VĂN, last name AN.
    assert split_name("NGUYỄN VĂN AN", rules=6) == ("VĂN AN", "NGUYỄN")


def test_an_insurance_agency_s_address_is_not_the_policyholder_s_company(tmp_path: Path) -> None:
    # F17: the agency's city went out as the lead's company's, and beside free mail the note called the
    # agency's address each person's home.
    rows = [
        ["P1", "Jane", "Smith", "Allstate Agency Smithtown", "555-1234", "Smithtown"],
        ["P2", "John", "Doe", "State Farm Joe Bloggs", "555-2345", "Dallas"],
        ["P3", "Ann", "Lee", "Farmers Agency Austin", "555-3456", "Austin"],
    ]
    header = ["Policy Number", "First Name", "Last Name", "Agency Name", "Agency Phone", "Agency City"]
    mapping = judged(tmp_path / "a.csv", header, rows)
    assert not [p for p in mapping.fields if p.startswith("company.address.")]
    assert not any("person's own" in n for n in mapping.notes)
