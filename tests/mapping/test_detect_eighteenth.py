"""Detection, eighteenth round: a job title with no names, a vendor's own columns, a trade show's
booths, a spreadsheet's errors as empty cells, the names and ids of less-covered languages (each
rule's test fails on 0508390, the code before it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged


def test_a_job_title_is_sent_without_names_beside_it() -> None:
    # An inbound lead form's "email, job_title, comment": the row is a person's.
    fields = detect(["email", "job_title", "comment"]).fields
    assert fields.get("person.title") == "job_title"
    assert fields.get("person.email") == "email"


def test_guard_a_bare_title_or_the_job_a_candidate_applied_for_is_not_sent() -> None:
    assert "person.title" not in detect(["email", "title"]).fields  # a page's, a product's
    # A recruiting report: the requisition's job, not the candidate's own title.
    header = ["Requisition Code", "Job Title", "Candidate", "Email", "Status", "Mobile"]
    assert "person.title" not in detect(header).fields
    # A company's file with no job: its Email and Phone are the company's.
    fields = detect(["Company Name", "Website", "Industry", "Email", "Phone"]).fields
    assert "person.email" not in fields
    assert "person.person_phone" not in fields
    # A job board's postings (the job offered, its apply mailbox), and a company directory with a
    # Job Title column: no person is named, so none is sent (a reviewer's counter-examples).
    for header in (
        ["Job Title", "Company", "Email", "Phone", "Salary", "Closing Date"],
        ["Company", "Website", "Email", "Phone", "Job Title"],
    ):
        fields = detect(header).fields
        assert "person.title" not in fields, header
        assert "person.email" not in fields, header
    assert "person.title" not in detect(["job_title", "email", "date_posted", "job_url"]).fields


def test_a_vendor_list_s_own_phone_and_email_are_not_a_person_s() -> None:
    fields = detect(["vendor_id", "vendor_name", "vendor_phone", "vendor_email", "vendor_type_code"]).fields
    assert fields.get("company.name") == "vendor_name"
    assert "person.person_phone" not in fields
    assert "person.email" not in fields
    # Guard: a vendor's named person keeps their email.
    fields = detect(["Vendor First Name", "Vendor Last Name", "Vendor Email"]).fields
    assert fields.get("person.email") == "Vendor Email"


def test_a_trade_show_s_exhibitors_by_their_booth() -> None:
    assert detect(["name", "booth_number", "hall"]).fields.get("company.name") == "name"
    # Guard: people beside a booth keep their own names, and their company is the company.
    fields = detect(["First Name", "Last Name", "Booth", "Company"]).fields
    assert fields.get("company.name") == "Company"
    assert fields.get("person.first_name") == "First Name"


def test_a_column_of_spreadsheet_errors_is_empty(tmp_path: Path) -> None:
    # A data-deployment file's Salesforce contacts: "Guid" is the row's key; "IndividualId" (another
    # object's id) and "MobilePhone" hold only Excel's #N/A.
    header = ["Guid", "LastName", "FirstName", "Phone", "MobilePhone", "Email", "Title", "IndividualId"]
    rows = [
        ["d4c9", "Stamos", "Edward", "(212) 555-0101", "#N/A", "e.stamos@acme.test", "CEO", "#N/A"],
        ["3637", "Tomlin", "Leanne", "(212) 555-0102", "#N/A", "l.tomlin@acme.test", "VP", "#N/A"],
        ["6fb1", "Benioff", "Marc", "(415) 555-0103", "#N/A", "m.benioff@init.test", "EVP", "#N/A"],
    ]
    fields = judged(tmp_path / "contacts.csv", header, rows).fields
    assert fields.get("external_id") == "Guid"
    assert fields.get("person.person_phone") == "Phone"
    # Guard: with real values, MobilePhone is a phone again (the fallback where Phone is empty).
    rows = [[*row[:3], "", f"+1 646 555 01{i}", *row[5:]] for i, row in enumerate(rows)]
    assert judged(tmp_path / "mobiles.csv", header, rows).fields.get("person.person_phone") == "MobilePhone"


def test_names_mail_and_phones_of_baltic_files() -> None:
    header = ["id", "vards", "uzvards", "epasts", "talrunis", "uznemums", "pilseta"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "vards"
    assert fields.get("person.last_name") == "uzvards"
    assert fields.get("person.email") == "epasts"
    assert fields.get("person.person_phone") == "talrunis"
    assert fields.get("company.name") == "uznemums"
    fields = detect(["Vardas", "Pavardė", "El. paštas", "Įmonė"]).fields  # Lithuanian
    assert (fields.get("person.first_name"), fields.get("person.last_name")) == ("Vardas", "Pavardė")
    assert fields.get("person.email") == "El. paštas"
    fields = detect(["Eesnimi", "Perekonnanimi", "Ettevõte"]).fields  # Estonian
    assert (fields.get("person.first_name"), fields.get("company.name")) == ("Eesnimi", "Ettevõte")


def test_customer_and_member_numbers_in_more_languages() -> None:
    for header, column in (
        (["ID Pelanggan", "Nama Pelanggan", "Alamat", "No Telepon"], "ID Pelanggan"),  # Indonesian
        (["no_pelanggan", "nama", "alamat"], "no_pelanggan"),
        (["ID Anggota", "Nama", "Alamat"], "ID Anggota"),
        (["Medlemsnummer", "Fornavn", "Etternavn"], "Medlemsnummer"),  # Norwegian
        (["ID_klienta", "imie", "nazwisko"], "ID_klienta"),  # Polish
        (["id_client", "nume", "oras"], "id_client"),  # Romanian
        (["Mã KH", "Khách hàng"], "Mã KH"),  # Vietnamese
        (["顧客番号", "顧客名"], "顧客番号"),  # Japanese
        (["Guid", "Name", "Website"], "Guid"),
    ):
        assert detect(header).fields.get("external_id") == column, header
    fields = detect(["ID_Pelanggan", "nama_pelanggan", "email_pelanggan", "no_telepon_pelanggan"]).fields
    assert fields.get("person.email") == "email_pelanggan"
    assert fields.get("person.person_phone") == "no_telepon_pelanggan"


def test_a_customer_column_of_firms_by_their_marks(tmp_path: Path) -> None:
    # A Vietnamese distributor's customers ("Công ty TNHH": a limited company), a Japanese customer
    # master (建設, 工業: construction, industry), a VC list ("Capital", "Management").
    for header, rows, column in (
        (
            ["Mã KH", "Khách hàng", "Loại Khách hàng"],
            [
                ["KH-0001", "CÔNG TY TNHH ĐẦU TƯ PHÁT TRIỂN AN KHANG", "CTY - DN"],
                ["KH-0002", "Công ty Cổ phần Thép Việt", "CTY - DN"],
                ["KH-0003", "CTY TNHH MINH LONG", "CTY - DN"],
            ],
            "Khách hàng",
        ),
        (
            ["顧客番号", "顧客名"],
            [["A01", "仙台建設工業"], ["A02", "東北商事株式会社"], ["A03", "青葉工務店"]],
            "顧客名",
        ),
        (
            ["investor_name", "investor_type", "focus_industries"],
            [
                ["Tiger Global Management", "VC", "fintech"],
                ["Elevation Capital", "VC", "consumer internet"],
                ["Accel Ventures", "VC", "SaaS"],
            ],
            "investor_name",
        ),
        (
            ["supplier", "country"],
            [["Ball Corporation", "USA"], ["Crown Holdings", "USA"], ["National Can Company", "USA"]],
            "supplier",
        ),
    ):
        fields = judged(tmp_path / "firms.csv", header, rows).fields
        assert fields.get("company.name") == column, header
    # Guard: a customer column of people's names is no company.
    rows = [
        ["KH-1", "Nguyễn Văn An", "Cá nhân"],
        ["KH-2", "Trần Thị Bình", "Cá nhân"],
        ["KH-3", "Lê Minh", "Cá nhân"],
    ]
    fields = judged(tmp_path / "people.csv", ["Mã KH", "Khách hàng", "Loại Khách hàng"], rows).fields
    assert "company.name" not in fields


def test_a_contact_s_phone_before_an_account_s_bare_phone() -> None:
    header = ["account_name", "phone", "fax", "contact_first_name", "contact_last_name", "contact_phone"]
    assert detect(header).fields.get("person.person_phone") == "contact_phone"
    # Guard: alone, a bare Phone is still the person's.
    assert detect(["First Name", "Last Name", "Phone"]).fields.get("person.person_phone") == "Phone"


def test_odoo_lead_s_partner_name_and_email_from() -> None:
    header = ["id", "contact_name", "partner_name", "email_from", "phone", "street", "city", "name"]
    fields = detect(header).fields
    assert fields.get("company.name") == "partner_name"  # its bare "name" is the lead's subject
    assert fields.get("person.email") == "email_from"
    assert fields.get("person.person_phone") == "phone"
    # Guard: elsewhere a "Partner Name" is a reseller's, never the lead's company.
    assert "company.name" not in detect(["First Name", "Last Name", "Email", "Partner Name"]).fields


def test_places_and_sites_in_more_words() -> None:
    fields = detect(["company", "country", "region", "municipality"]).fields
    assert fields.get("company.address.city") == "municipality"
    assert "company.address.state" not in fields  # a bare "region" is as often a sales territory
    assert detect(["Nimi", "Verkkosivut", "Osoite"]).fields.get("company.website") == "Verkkosivut"
    assert detect(["名字", "姓氏", "主要电子邮件"]).fields.get("person.email") == "主要电子邮件"


def test_json_lines_from_two_sources_send_each_row_s_person(tmp_path: Path) -> None:
    # Flat "first_name" rows and nested "person.first_name" rows in one file: each row's own person is
    # sent (the first non-empty of the two), not only the company of the nested ones.
    header = ["first_name", "last_name", "email", "company"]
    header += ["person.first_name", "person.last_name", "person.email", "company.name"]
    rows = [
        ["Ava", "Smith", "ava@acme.test", "Acme", "", "", "", ""],
        ["", "", "", "", "Ben", "Jones", "ben@initech.test", "Initech"],
        ["Cleo", "Brown", "cleo@umbrella.test", "Umbrella", "", "", "", ""],
        ["", "", "", "", "Dev", "Nunez", "dev@hooli.test", "Hooli"],
    ]
    fields = judged(tmp_path / "mix.csv", header, rows).fields
    for path in ("person.first_name", "person.last_name", "person.email"):
        assert fields.get(path) == [path.removeprefix("person."), path], path
    assert fields.get("company.name") == ["company", "company.name"]
    # Guard: where the flat columns fill every row, the nested ones are not added.
    rows = [[*row[:4], *row[:4]] for row in rows[::2]]
    assert judged(tmp_path / "flat.csv", header, rows).fields.get("person.email") == "email"
