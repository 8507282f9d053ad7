"""Detection, twenty-seventh round: what the blind held-out sets R23-R42 still missed, and what the
next blind sets (R43-R47) found at first sight. Each test fails on 368cd2e, the code before it; the
guards beside them hold on both. Values are invented."""

from __future__ import annotations

from pathlib import Path

from tests.mapping.test_detect_eleventh import judged


def test_a_bare_name_beside_an_affiliation_or_a_title_is_the_people_s(tmp_path: Path) -> None:
    # A conference's speaker sheet: "Name" beside "Affiliation", no email; an attendee list whose
    # emails are generic mailboxes; a policy contacts table whose "Name" sits beside a "Title".
    speakers = [
        ["Dana Bassett", "University of Pennsylvania", "https://dana.example"],
        ["Alex Pouget", "Geneva University", "https://alex.example"],
        ["Vera Emiliani", "Vision Institute", ""],
    ]
    fields = judged(tmp_path / "speakers.csv", ["Name", "Affiliation", "URL_homepage"], speakers).fields
    assert fields.get("person.full_name") == "Name"
    assert fields.get("company.name") == "Affiliation"
    attendees = [
        ["Janelle Anderson", "Emerging Life Coaching", "life.coaching@gmail.example"],
        ["Kendell Cook", "The Prepared Group", "info@prepared.example"],
        ["Keren Kilgore", "Quantum Shift Media", "hello@quantum.example"],
    ]
    fields = judged(tmp_path / "attendees.csv", ["name", "organization", "email"], attendees).fields
    assert fields.get("person.full_name") == "name"
    titled = [["Ro Khanna", "Representative"], ["Ann Lee", "Senator"], ["Bo Ray", "Mayor"]]
    fields = judged(tmp_path / "people.csv", ["Name", "Title"], titled).fields
    assert fields.get("person.full_name") == "Name"
    assert fields.get("person.title") == "Title"


def test_a_bare_name_that_repeats_the_company_or_names_firms_is_not_a_person_s(tmp_path: Path) -> None:
    # Guards: a one-person firm's list whose "Name" is the company's own name, and a "Name" of firms
    # beside a "Parent Company" are not split into a person's first and last name.
    same = [["Blue Harbor", "Blue Harbor", "CEO"], ["Green Field", "Green Field", "CFO"]]
    same.append(["Red Rock", "Red Rock", "COO"])
    fields = judged(tmp_path / "same.csv", ["Name", "Company", "Title"], same).fields
    assert "person.full_name" not in fields
    firms = [["Acme Inc", "Acme Holdings"], ["Beta LLC", "Beta Group"], ["Gamma GmbH", "Gamma AG"]]
    fields = judged(tmp_path / "firms.csv", ["Name", "Company"], firms).fields
    assert "person.full_name" not in fields
