"""Detection, twentieth round: a lead list named only by its employers (each rule's test fails on
a9ff5b9, the code before it; the guards hold on both)."""

from __future__ import annotations

from pathlib import Path

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
