"""A "Title" that is no job: salutations beside a Position (Indico's registrations), a conference's
sessions (Sessionize's "Title" of the talk); a job title in a language beside them is kept."""

from __future__ import annotations

from pathlib import Path

from tests.mapping.test_detect_eleventh import judged


def test_a_column_of_salutations_is_no_title_also_among_several(tmp_path: Path) -> None:
    header = ["ID", "Name", "Email Address", "Affiliation", "Position", "Title"]
    rows = [
        [
            "1",
            "Marta Kowalczyk",
            "m.kowalczyk@uw.example",
            "University of Warsaw",
            "Postdoctoral researcher",
            "Dr",
        ],
        ["2", "Jonas Brandt", "jonas.brandt@desy.example", "DESY", "Beamline scientist", "Mr"],
        ["3", "Ana Ruiz", "ana.ruiz@csic.example", "CSIC", "Professor", "Prof."],
        ["5", "Bo Ng", "bo.ng@cern.example", "CERN", "Engineer", "Mrs"],
        ["4", "Li Wei", "li.wei@ihep.example", "IHEP", "PhD student", ""],  # Title first: a list
    ]
    mapping = judged(tmp_path / "registrations.csv", header, rows)
    assert mapping.fields.get("person.title") == "Position"
    assert any("'Title' holds salutations" in n for n in mapping.notes)
    assert not any(n.startswith("person.title: the first") for n in mapping.notes)


def test_a_bare_title_of_talks_is_no_job_title(tmp_path: Path) -> None:
    header = ["Session Id", "Title", "Owner", "FirstName", "LastName", "Email"]
    talks = [
        "Zero-downtime Postgres migrations",
        "Designing APIs humans enjoy",
        "What we learned from 1,000 incidents",
    ]
    rows = [[str(i), t, "x", "Priya", "Raman", f"p{i}@ledgerly.example"] for i, t in enumerate(talks)]
    mapping = judged(tmp_path / "sessions.csv", header, rows)
    assert "person.title" not in mapping.fields
    assert any("'Title' holds no job titles" in n for n in mapping.notes)
    # Guards: jobs of several words, in English and other languages, stay the job title.
    jobs = ["Vice President of Sales Operations", "Kierownik działu sprzedaży", "Руководитель отдела продаж"]
    rows = [[str(i), t, "x", "Priya", "Raman", f"p{i}@ledgerly.example"] for i, t in enumerate(jobs)]
    assert judged(tmp_path / "jobs.csv", header, rows).fields.get("person.title") == "Title"


def test_a_member_lists_home_address_is_not_the_companys(tmp_path: Path) -> None:
    # A league's players (Zuluru): no company, private mailboxes; their address is where they live,
    # though a work phone and its extension beside it made the file look like one of people at work.
    header = [
        "User ID",
        "First Name",
        "Last Name",
        "Email Address",
        "Address",
        "City",
        "Province",
        "Postal Code",
    ]
    header += ["Work Phone", "Work Ext"]
    place = ["88 Bayswater Ave", "Ottawa", "Ontario", "K1Y 2E9", "613-555-0199", "2210"]
    boxes = ["m.oakley@rogers.com", "dwhitby@outlook.com", "priya@gmail.com", "g.t@videotron.ca"]
    rows = [[str(i), "Ann", "Lee", box, *place] for i, box in enumerate(boxes)]
    mapping = judged(tmp_path / "players.csv", header, rows)
    assert not [p for p in mapping.fields if p.startswith("company.address")]
    assert any("this address is each person's own" in n for n in mapping.notes)
    # Guard: a company's staff list (Microsoft 365's users) at work addresses keeps the office's.
    staff = [[str(i), "Ann", "Lee", f"ann{i}@contoso.example.com", *place] for i in range(4)]
    mapping = judged(tmp_path / "staff.csv", header, staff)
    assert mapping.fields.get("company.address.city") == "City"


def test_one_site_for_rows_of_different_companies_is_no_companys_website(tmp_path: Path) -> None:
    # amoCRM's deal "domain": the site where each lead filled the form, the same in every row.
    header = ["First Name", "Last Name", "Email", "Company", "domain", "utm_source"]
    firms = ["Acme", "Globex", "Initech", "Umbrella"]
    rows = [["Ann", "Lee", f"ann@{f.lower()}.example", f, "shop.example", "yandex"] for f in firms]
    mapping = judged(tmp_path / "deals.csv", header, rows)
    assert "company.website" not in mapping.fields
    assert any("'domain' names one site (shop.example)" in n for n in mapping.notes)
    # Guard: each company's own site, and one company's contacts sharing theirs, are sent.
    rows = [["Ann", "Lee", f"ann@{f.lower()}.example", f, f"{f.lower()}.example", ""] for f in firms]
    assert judged(tmp_path / "own.csv", header, rows).fields.get("company.website") == "domain"
    rows = [["Ann", "Lee", f"a{i}@acme.example", "Acme", "acme.example", ""] for i in range(4)]
    assert judged(tmp_path / "one.csv", header, rows).fields.get("company.website") == "domain"
