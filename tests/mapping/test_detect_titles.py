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
