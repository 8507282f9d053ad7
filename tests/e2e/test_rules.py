"""One question, one credit: the normalised request (rules 2), and an upgrade from rules 1 buys nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadspace_cli.mapping import body as body_rules
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, write_csv

HEADER = ["Lead ID", "First Name", "Last Name", "Email", "Company", "Website"]


def _two_ways(path: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        rows.append(
            [
                f"A{i}",
                "Ann",
                f"Lee{i}",
                f"Ann.Lee{i}@EQUIV.example",
                f"Equiv {i}",
                f"https://www.equiv{i}.example/",
            ]
        )
        rows.append(
            [f"B{i}", "Ann", f"Lee{i}", f"ann.lee{i}@equiv.example", f"Equiv {i}", f"equiv{i}.example"]
        )
    return write_csv(path, HEADER, rows)


@pytest.mark.slow
def test_the_same_lead_written_two_ways_is_one_credit(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = _two_ways(tmp_path / "in.csv", 25)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert use_sandbox.stats.by_status[200] == 25  # billed == distinct leads
    assert use_sandbox.stats.billed_twice() == 0
    # Calls go at once: lead 0's request is found by its company, not by its place.
    sent = next(b for b in use_sandbox.stats.received if b["company"]["name"] == "Equiv 0")
    assert sent["person"]["email"] == "ann.lee0@equiv.example"
    assert sent["company"]["website"] == "equiv0.example"
    assert sent["person"]["first_name"] == "Ann"  # names as written


@pytest.mark.parametrize(
    ("written", "sent"),
    [
        ("https://www.Acme.com/", "acme.com"),
        ("HTTP://user:pw@WWW.ACME.COM:80", "acme.com"),
        ("acme.com:8443/", "acme.com:8443"),
        ("https://acme.com/About/Us/", "acme.com/About/Us"),
        ("facebook.com/acme", "facebook.com/acme"),
        ("https://www.facebook.com/Acme", "facebook.com/Acme"),
        ("www.com", "www.com"),
        ("N/A", "N/A"),
        ("ftp://acme.com", "ftp://acme.com"),
    ],
)
def test_a_website_is_sent_as_one_spelling(written: str, sent: str) -> None:
    assert body_rules.website_text(written) == sent


def test_pages_of_a_shared_site_stay_different_questions(use_sandbox: Sandbox, tmp_path: Path) -> None:
    rows = [["1", "", "", "", "Acme", "facebook.com/acme"], ["2", "", "", "", "Acme", "facebook.com/other"]]
    assert invoke("enrich", str(write_csv(tmp_path / "in.csv", HEADER, rows)), "-o", "o.csv").exit_code == 0
    assert use_sandbox.stats.by_status[200] == 2


def _as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build bodies as leadspace 0.2.0 did (rules 1): values as written."""
    monkeypatch.setattr(body_rules, "normalized", lambda body: body)


@pytest.mark.slow
def test_an_upgrade_from_rules_1_buys_nothing_again(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        [f"A{i}", "Ann", "Lee", f"Ann.Lee@UPGRADE{i}.example", "", f"https://www.upgrade{i}.example/"]
        for i in range(20)
    ]
    path = write_csv(tmp_path / "in.csv", HEADER, rows)  # no row written as rules 2 sends it
    with monkeypatch.context() as m:
        _as_written(m)
        assert invoke("enrich", str(path), "-o", "old.csv").exit_code == 0
    assert use_sandbox.stats.by_status[200] == 20
    sent = {r["person"]["email"] for r in use_sandbox.stats.received}  # calls go at once: any order
    assert "Ann.Lee@UPGRADE0.example" in sent
    dry = invoke("enrich", str(path), "-o", "dry.csv", "--dry-run", "--report", "dry.json")
    assert dry.exit_code == 0
    assert json.loads(Path("dry.json").read_text())["would_call"] == 0  # the dry run finds them too
    result = invoke("enrich", str(path), "-o", "new.csv", "--report", "r.json")
    assert result.exit_code == 0
    assert use_sandbox.stats.by_status[200] == 20  # the upgrade bought nothing
    report = json.loads(Path("r.json").read_text())
    assert report["settings"]["request_rules"] == body_rules.RULES == 2


def test_a_workbook_number_from_rules_1_is_found(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    book = tmp_path / "in.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["Company", "Score"])
    for i in range(8):
        ws.write_string(i + 1, 0, f"Sheet Co {i}")
        ws.write_number(i + 1, 1, 68.66499999999999 + i)
    wb.close()
    mapping = tmp_path / "m.toml"
    mapping.write_text('[company]\nname = "Company"\n[custom_fields]\nscore = "Score"\n')
    with monkeypatch.context() as m:
        m.setattr(body_rules, "request_text", lambda v, f=None, d=False: body_rules.rules1_cell_text(v, f))
        assert invoke("enrich", str(book), "-o", "old.csv", "--mapping", str(mapping)).exit_code == 0
    assert use_sandbox.stats.by_status[200] == 8
    sent = {r["custom_fields"][0]["value"] for r in use_sandbox.stats.received}  # calls go at once
    assert "68.66499999999999" in sent
    assert invoke("enrich", str(book), "-o", "new.csv", "--mapping", str(mapping)).exit_code == 0
    assert use_sandbox.stats.by_status[200] == 8
