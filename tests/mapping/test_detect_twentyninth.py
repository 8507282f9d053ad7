"""Detection, twenty-ninth round: what the blind held-out sets R66-R69 (LinkedIn finders, Asian and
Middle-Eastern tools, mainstream CRM variants, recruiting and HR) found at first sight. Each test fails
on d3a4ca1, the code before it; the guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path

from tests.mapping.test_detect_eleventh import judged
from tests.mapping.test_detect_twentyfourth import judged_lines


def test_a_primary_email_beside_a_bare_name_is_the_person_s(tmp_path: Path) -> None:
    # Affinity's people (its command line's "id,name,primaryEmail"): the "primary" of an email is no
    # sign of an account, so the name is the people's.
    header = ["id", "name", "primaryEmail"]
    rows = [["1", "Ann Lee", "ann@acme.example"], ["2", "Bo Ray", "bo@beta.example"]]
    fields = judged(tmp_path / "persons.csv", header, rows).fields
    assert fields.get("person.email") == "primaryEmail"
    assert fields.get("person.full_name") == "name"
    assert "company.name" not in fields
    # Guard: an account's "Primary Contact" and "Primary Phone" still make a bare Name the company's.
    header = ["Name", "Primary Contact", "Primary Phone", "City"]
    rows = [
        ["Acme Corp", "Ann Lee", "+1 555 0100", "Austin"],
        ["Beta LLC", "Bo Ray", "+1 555 0101", "Boston"],
    ]
    fields = judged(tmp_path / "accounts.csv", header, rows).fields
    assert fields.get("company.name") == "Name"


def test_a_composite_field_s_primary_value_is_the_field(tmp_path: Path) -> None:
    # Twenty's REST records: "emails.primaryEmail", "phones.primaryPhoneNumber",
    # "domainName.primaryLinkUrl", and the company's own under a person ("company.domainName...").
    people = [
        {
            "id": f"p{i}",
            "name": {"firstName": first, "lastName": last},
            "emails": {"primaryEmail": f"{first.lower()}@{firm.lower()}.example", "additionalEmails": None},
            "phones": {"primaryPhoneNumber": f"41555501{i}", "primaryPhoneCountryCode": "US"},
            "linkedinLink": {"primaryLinkUrl": f"https://www.linkedin.com/in/{first.lower()}"},
            "jobTitle": "Head of Operations",
            "company": {"name": firm, "domainName": {"primaryLinkUrl": f"https://{firm.lower()}.example"}},
        }
        for i, (first, last, firm) in enumerate((("Ann", "Lee", "Acme"), ("Bo", "Ray", "Beta")))
    ]
    fields = judged_lines(tmp_path / "people.jsonl", people).fields
    assert fields.get("person.email") == "emails.primaryEmail"
    assert fields.get("person.person_phone") == "phones.primaryPhoneNumber"
    assert fields.get("company.website") == "company.domainName.primaryLinkUrl"
    companies = [
        {
            "id": f"c{i}",
            "name": name,
            "domainName": {"primaryLinkUrl": f"https://{name.split()[0].lower()}.example"},
            "address": {"addressCity": city, "addressCountry": "United States"},
        }
        for i, (name, city) in enumerate((("Acme Robotics", "Austin"), ("Beta Foods", "Boston")))
    ]
    fields = judged_lines(tmp_path / "companies.jsonl", companies).fields
    assert fields.get("company.website") == "domainName.primaryLinkUrl"
    assert fields.get("company.name") == "name"


def test_a_user_s_or_a_lead_s_profile_holds_the_row_s_own_fields(tmp_path: Path) -> None:
    # Okta's users ("profile.firstName"), HeyReach's leads ("linkedInUserProfile.*") and its
    # conversations' correspondent ("correspondentProfile.*"; the sender's "linkedInAccount.*" is not).
    users = [
        {"id": "u1", "profile": {"firstName": "Ann", "lastName": "Lee", "email": "ann@acme.example"}},
        {"id": "u2", "profile": {"firstName": "Bo", "lastName": "Ray", "email": "bo@beta.example"}},
    ]
    fields = judged_lines(tmp_path / "okta.jsonl", users).fields
    assert fields.get("person.first_name") == "profile.firstName"
    assert fields.get("person.email") == "profile.email"
    talks = [
        {
            "id": f"t{i}",
            "linkedInAccount": {"firstName": "Sam", "lastName": "Seller", "emailAddress": "sam@us.example"},
            "correspondentProfile": {
                "firstName": first,
                "lastName": "Lee",
                "emailAddress": f"{first.lower()}@acme.example",
                "position": "VP Sales",
                "companyName": "Acme",
            },
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    fields = judged_lines(tmp_path / "inbox.jsonl", talks).fields
    assert fields.get("person.first_name") == "correspondentProfile.firstName"
    assert fields.get("person.email") == "correspondentProfile.emailAddress"
    assert fields.get("company.name") == "correspondentProfile.companyName"


def test_an_enrichment_s_most_probable_email_and_phone_are_sent(tmp_path: Path) -> None:
    # FullEnrich's and Pronto's results: "most_probable_email", and v2's objects under "contact_info".
    header = ["first_name", "last_name", "company_name", "most_probable_email"]
    rows = [["Ann", "Lee", "Acme", "ann@acme.example"], ["Bo", "Ray", "Beta", "bo@beta.example"]]
    assert judged(tmp_path / "found.csv", header, rows).fields.get("person.email") == "most_probable_email"
    lines = [
        {
            "input": {"first_name": first, "last_name": "Lee", "company_name": "Acme"},
            "contact_info": {
                "most_probable_work_email": {
                    "email": f"{first.lower()}@acme.example",
                    "status": "DELIVERABLE",
                },
                "most_probable_phone": {"number": "+1 555 0100", "region": "US"},
            },
        }
        for first in ("Ann", "Bo")
    ]
    fields = judged_lines(tmp_path / "v2.jsonl", lines).fields
    assert fields.get("person.first_name") == "input.first_name"
    assert fields.get("person.email") == "contact_info.most_probable_work_email.email"
    assert fields.get("person.person_phone") == "contact_info.most_probable_phone.number"


def test_a_headline_without_a_job_is_no_title_but_its_people_keep_their_names(tmp_path: Path) -> None:
    # Lever's opportunities: "headline" is where the candidate works and studied.
    header = ["id", "name", "headline", "location"]
    rows = [
        ["o1", "Shane Smith", "Airbnb, Stanford University", "Oakland, CA"],
        ["o2", "Ana Paredes", "Mercado Libre", "Buenos Aires"],
        ["o3", "Lena Fischer", "Zalando SE, TU München", "Berlin"],
    ]
    fields = judged(tmp_path / "opportunities.csv", header, rows).fields
    assert "person.title" not in fields
    assert fields.get("person.full_name") == "name"
    # Guard: a LinkedIn scrape's headlines are jobs, and are sent.
    rows = [
        ["o1", "Shane Smith", "Head of Growth at Airbnb", "Oakland, CA"],
        ["o2", "Ana Paredes", "Senior Engineer | Mercado Libre", "Buenos Aires"],
        ["o3", "Lena Fischer", "Founder & CEO, Fischer Labs", "Berlin"],
    ]
    assert judged(tmp_path / "scrape.csv", header, rows).fields.get("person.title") == "headline"


def test_an_employee_s_work_mobile_is_their_phone(tmp_path: Path) -> None:
    # HiBob's people: "work.workPhone" empty, "work.workMobile" filled; the manager's is not.
    lines = [
        {
            "id": str(i),
            "firstName": first,
            "surname": "Lee",
            "email": f"{first.lower()}@acme.example",
            "work": {"workPhone": None, "workMobile": f"060102030{i}", "title": "Engineer"},
        }
        for i, first in enumerate(("Ann", "Bo"))
    ]
    fields = judged_lines(tmp_path / "people.jsonl", lines).fields
    assert "work.workMobile" in [
        fields.get("person.person_phone"),
        *(fields.get("person.person_phone") or []),
    ]


def test_zoom_s_user_name_with_its_original_name_is_a_whole_name(tmp_path: Path) -> None:
    header = ["Attended", "User Name (Original Name)", "Email", "Join Time", "Country/Region Name"]
    rows = [
        ["Yes", "Ann Lee", "ann@acme.example", "09:00", "France"],
        ["Yes", "Bo Ray (Bo R.)", "bo@beta.example", "09:05", "Germany"],
    ]
    assert judged(tmp_path / "zoom.csv", header, rows).fields.get("person.full_name") == (
        "User Name (Original Name)"
    )
