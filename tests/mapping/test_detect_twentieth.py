"""Detection, twentieth round: a lead list named only by its employers (each rule's test fails on
a9ff5b9, the code before it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

from leadspace_cli.mapping.detect import detect
from tests.mapping.test_detect_eleventh import judged

_LEADS = [
    ["Acme", "ann.lee@acme.example.com", "Director of Sales", "+1 206 555 0100"],
    ["Globex", "bo.smith@globex.example.com", "CFO", ""],
    ["Initech", "cy.ng@initech.example.com", "VP Marketing", ""],
    ["Umbrella", "di.ro@umbrella.example.com", "CTO", "+1 415 555 0111"],
]


def test_a_lead_lists_job_titles_go_with_its_peoples_emails(tmp_path: Path) -> None:
    # "Company, Email, Title" and no names: the emails are people's, so the titles are their jobs.
    mapping = judged(tmp_path / "leads.csv", ["Company", "E-mail", "Title", "Phone"], _LEADS)
    assert mapping.fields.get("person.email") == "E-mail"
    assert mapping.fields.get("person.title") == "Title"
    assert "person.person_phone" not in mapping.fields  # whose line it is cannot be told
    assert any("'Title' holds their job titles" in n for n in mapping.notes)


def test_guard_an_account_files_mailboxes_keep_their_title_out(tmp_path: Path) -> None:
    # Companies' mailboxes (info@) are no people: neither the email nor a "Title" is sent.
    rows = [[c, f"info@{c.lower()}.example.com", t, p] for c, _, t, p in _LEADS]
    mapping = judged(tmp_path / "accounts.csv", ["Company", "E-mail", "Title", "Phone"], rows)
    assert "person.email" not in mapping.fields
    assert "person.title" not in mapping.fields


def test_guard_salutations_are_no_job(tmp_path: Path) -> None:
    rows = [[c, e, s, p] for (c, e, _, p), s in zip(_LEADS, ("Mr", "Ms", "Dr", "Mrs"), strict=True)]
    mapping = judged(tmp_path / "leads.csv", ["Company", "E-mail", "Title", "Phone"], rows)
    assert mapping.fields.get("person.email") == "E-mail"
    assert "person.title" not in mapping.fields


def test_shopifys_default_address_is_the_customers_own(tmp_path: Path) -> None:
    # Shopify's customers export (its current columns): the default address is the customer's, as
    # the older export's unprefixed "Company", "City", "Country Code" are; a consumer shop's rows
    # leave the company empty.
    header = [
        *("Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing"),
        *("Default Address Company", "Default Address Address1", "Default Address Address2"),
        *("Default Address City", "Default Address Province Code", "Default Address Country Code"),
        *("Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing", "Total Spent"),
        *("Total Orders", "Note", "Tax Exempt", "Tags"),
    ]
    rows = [
        [
            "'998031",
            "Austin",
            "Abel",
            "austin@example.com",
            "yes",
            *[""] * 9,
            "no",
            "0.00",
            "0",
            "",
            "no",
            "",
        ],
        [
            *("'998032", "Isabel", "Isaza", "isabel@example.com", "yes", "", "Carrera 27A", "Apto 525"),
            *(
                "Envigado",
                "ANT",
                "CO",
                "",
                "'3158173380",
                "'+573158173380",
                "no",
                "117800.00",
                "1",
                "",
                "no",
                "",
            ),
        ],
        [
            "'998033",
            "Jeff",
            "Carter",
            "jeff@example.com",
            "yes",
            *[""] * 8,
            "'+9191400682",
            "no",
            "0",
            "0",
            "",
            "no",
            "",
        ],
    ]
    fields = judged(tmp_path / "customers_export.csv", header, rows).fields
    assert fields.get("person.person_country") == "Default Address Country Code"
    assert not [p for p in fields if p.startswith("company.address.")]
    assert fields.get("person.person_phone") == "Phone"


def test_a_leads_own_company_and_web_site_beside_their_name() -> None:
    # A cold-email tool's leads: "Lead Name" is the person's beside their email; the company and its
    # web site are under the same prefix.
    fields = detect(["Lead Name", "Lead Email", "Lead Company", "Lead Title", "Lead Website"]).fields
    assert fields.get("company.name") == "Lead Company"
    assert fields.get("company.website") == "Lead Website"
    assert fields.get("person.email") == "Lead Email"
    assert "Lead Name" not in fields.values()


def test_guard_a_speakers_own_web_site_is_not_the_companys() -> None:
    fields = detect(["Speaker Name", "Speaker Email", "Speaker Organisation", "Speaker Website"]).fields
    assert "company.website" not in fields


def test_a_lead_whose_last_name_is_its_company_is_a_company(tmp_path: Path) -> None:
    # A Zoho leads list of organisations: the CRM requires a last name, so it holds the company's.
    header = ["Last Name", "Website", "Company", "Phone", "Street", "City", "State", "Zip", "Email"]
    rows = [
        [
            *(
                "SKS Bottle & Packaging, Inc.",
                "www.sks.example",
                "SKS Bottle & Packaging, Inc.",
                "(866) 936-0250",
            ),
            *("12713 SW 125th Ave.", "Miami", "FL", "33186", ""),
        ],
        [
            *("Rock Bottom Bottles", "rockbottom.example", "Rock Bottom Bottles", "844-822-2557"),
            *("1199 Tallevast Rd", "Sarasota", "FL", "34243", "orders@rockbottom.example"),
        ],
        [
            *("Waterloo Containers", "waterloo.example", "Waterloo Containers", "315-539-3922"),
            *("2311 State Route 414", "Waterloo", "NY", "13165", ""),
        ],
        [
            *("Jane Porter", "porter.example", "PorterBottle", "313 496-0550", "1941 W. Fort St", "Detroit"),
            *("MI", "48216", "jane@porter.example"),
        ],
    ]
    mapping = judged(tmp_path / "Lead.csv", header, rows)
    assert "person.last_name" not in mapping.fields
    assert "person.person_phone" not in mapping.fields
    assert mapping.fields.get("company.name") == "Company"
    assert mapping.fields.get("company.address.city") == "City"
    assert any("'Last Name' repeats 'Company' in 3 of the 4 rows read" in n for n in mapping.notes)


def test_guard_people_whose_family_name_is_their_firms_stay_people(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Company", "Phone", "Email"]
    rows = [
        ["Ann", "Schmidt", "Schmidt", "+49 30 1234567", "ann@schmidt.example"],
        ["Bo", "Meyer", "Meyer GmbH", "+49 30 7654321", "bo@meyer.example"],
        ["Cy", "Weber", "Weber", "+49 30 1112223", "cy@weber.example"],
        ["Di", "Braun", "Braun", "+49 30 3332221", "di@braun.example"],
    ]
    mapping = judged(tmp_path / "family.csv", header, rows)
    assert mapping.fields.get("person.last_name") == "Last Name"
    assert mapping.fields.get("person.person_phone") == "Phone"


def test_an_address_books_web_page_and_a_mail_address() -> None:
    # Thunderbird's address book (English and German): "Web Page 1" is the work page.
    for page, other in (("Web Page 1", "Web Page 2"), ("Webseite 1", "Webseite 2")):
        header = ["First Name", "Last Name", "Primary Email", "Organization", "Job Title", page, other]
        assert detect(header).fields.get("company.website") == page
    # A device's address book (Canon's): "mailaddress" beside the entry's name.
    assert (
        detect(["objectclass", "cn", "mailaddress", "protocol"]).fields.get("person.email") == "mailaddress"
    )


def _vendor(contact: list[str]) -> tuple[list[str], list[list[str]]]:
    header = ["First Name", "Last Name", "Company Name", "Primary Email", "Company Phone 1", "Contact Phone"]
    people = [("Jenny", "Clarke", "Bright Sprout"), ("Bill", "Walls", "InTouch"), ("Ann", "Lee", "Acme")]
    people += [("Bo", "Ng", "Globex")]
    lines = ["909.392.2164", "540.421.3489", "215.947.2080", "646.299.2514"]
    rows = [
        [first, last, firm, f"{first.lower()}@{firm.lower().replace(' ', '')}.example", line, own]
        for (first, last, firm), line, own in zip(people, lines, contact, strict=True)
    ]
    return header, rows


def test_a_persons_phone_column_of_the_companys_line_is_not_sent(tmp_path: Path) -> None:
    # Seamless.ai's "Contact Phone" holds the number of its "Company Phone 1" (the switchboard).
    header, rows = _vendor(["909.392.2164", "540.421.3489", "", "646.299.2514"])
    mapping = judged(tmp_path / "seamless.csv", header, rows)
    assert "person.person_phone" not in mapping.fields
    assert any("holds the numbers of 'Company Phone 1'" in n for n in mapping.notes)


def test_guard_a_persons_own_numbers_beside_the_companys_line_are_sent(tmp_path: Path) -> None:
    header, rows = _vendor(["909.730.2819", "540.555.0101", "", "646.299.2514"])
    assert (
        judged(tmp_path / "seamless.csv", header, rows).fields.get("person.person_phone") == "Contact Phone"
    )


def test_an_export_of_paths_reads_every_group_past_its_name() -> None:
    # A Czech accounting export flattened from XML: the contact's given name and a firm's name in a
    # group of its own are read past their groups, as the group of three or more always was.
    header = ["ADRESA/FIRMA", "KONTAKT/JMENO", "KONTAKT/PRIJMENI", "KONTAKT/EMAIL", "KONTAKT/TELEFON"]
    fields = detect(header).fields
    assert fields.get("person.first_name") == "KONTAKT/JMENO"
    assert fields.get("company.name") == "ADRESA/FIRMA"
    assert fields.get("person.email") == "KONTAKT/EMAIL"


def test_guard_two_paths_are_no_export_of_paths() -> None:
    # Without a group of three, nothing is read past its group ("ADRESA/ICO" is no known field).
    assert detect(["ADRESA/FIRMA", "ADRESA/ICO"]).fields == {}
    assert detect(["ADRESA/FIRMA", "POZNAMKA/TEXT"]).fields == {}


def test_a_repeated_email_header_is_the_emails_fallback(tmp_path: Path) -> None:
    # "Email" twice (a form builder's two questions, a merge of two lists): the reader names the
    # second "Email_2"; it was left out though it filled the rows the first left empty.
    header = ["First Name", "Last Name", "Email", "Email"]
    rows = [["Ann", "Lee", "", "ann@acme.example"], ["Bo", "Ng", "bo@globex.example", ""]]
    rows += [["Cy", "Ro", "", "cy@initech.example"]]
    mapping = judged(tmp_path / "two.csv", header, rows)
    assert mapping.fields.get("person.email") == ["Email", "Email_2"]


def test_guard_an_appended_company_blocks_repeats_are_the_companys() -> None:
    # A contact export with its company's columns after its own: the second "Phone" is the
    # company's line, never the person's fallback.
    header = ["First Name", "Last Name", "Email", "Phone", "City", "Company Name", "Phone", "City"]
    mapping = detect(
        ["First Name", "Last Name", "Email", "Phone", "City", "Company Name", "Phone_2", "City_2"]
    )
    assert header  # as exported; the reader names the repeats
    assert mapping.fields.get("person.person_phone") == "Phone"
    assert "Phone_2" not in mapping.candidates.get("person.person_phone", [])


def _reps(header: list[str], own: bool) -> tuple[list[str], list[list[str]]]:
    reps = ["sam@mycorp.example", "pat@mycorp.example", "lee@mycorp.example"]
    rows = []
    for i in range(12):
        row = [f"Ann{'abcdefghijkl'[i]}", f"Lee{'abcdefghijkl'[i]}", f"Firm {i}", reps[i % 3]]
        rows.append([*row, f"ann{i}@firm{i}.example"] if own else row)
    return header, rows


def test_a_few_owners_addresses_taking_turns_are_not_the_leads(tmp_path: Path) -> None:
    # Three sales reps' addresses over twelve leads' rows: only one address in every row was caught
    # (skeptic pass 20); the lead's own column is sent instead, or none.
    header, rows = _reps(["First Name", "Last Name", "Company", "Email", "Prospect Email"], own=True)
    mapping = judged(tmp_path / "reps.csv", header, rows)
    assert mapping.fields.get("person.email") == "Prospect Email"
    assert any("taking turns over the rows of 12 people" in n for n in mapping.notes)
    header, rows = _reps(["First Name", "Last Name", "Company", "Email"], own=False)
    assert "person.email" not in judged(tmp_path / "only.csv", header, rows).fields


def test_guard_one_persons_rows_keep_their_email_and_people_at_one_firm_theirs(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email", "Company"]
    rows = [
        ["Vera", "Dup", "vera@dupco.example", "DupCo"],
        ["Vera ", "Dup", "VERA@dupco.example", "DupCo"],
    ] * 3
    assert judged(tmp_path / "one.csv", header, rows).fields.get("person.email") == "Email"
    staff = [[f"P{c}", f"Q{c}", f"{c}@acme.example", "Acme"] for c in "abcdefghijkl"]
    assert judged(tmp_path / "staff.csv", header, staff).fields.get("person.email") == "Email"
