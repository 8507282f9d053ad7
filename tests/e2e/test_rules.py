"""One question, one credit: the normalised request (rules 2), and an upgrade from rules 1 buys nothing."""

from __future__ import annotations

import csv
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
    # Two pages of one host (a site builder's): not one spelling (a social network's page is no site).
    rows = [["1", "", "", "", "Acme", "sites.google.com/acme"]]
    rows.append(["2", "", "", "", "Acme", "sites.google.com/other"])
    assert invoke("enrich", str(write_csv(tmp_path / "in.csv", HEADER, rows)), "-o", "o.csv").exit_code == 0
    assert use_sandbox.stats.by_status[200] == 2


def _as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build bodies as leadspace 0.2.0 did (rules 1): values as written."""
    monkeypatch.setattr(body_rules, "_cell", lambda key, name, value: value)
    monkeypatch.setattr(body_rules, "spelled", lambda body: body)


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
    assert report["settings"]["request_rules"] == body_rules.RULES == 6


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
        m.setattr(
            body_rules, "request_text", lambda v, f=None, d=False, r=6: body_rules.rules1_cell_text(v, f)
        )
        assert invoke("enrich", str(book), "-o", "old.csv", "--mapping", str(mapping)).exit_code == 0
    assert use_sandbox.stats.by_status[200] == 8
    sent = {r["custom_fields"][0]["value"] for r in use_sandbox.stats.received}  # calls go at once
    assert "68.66499999999999" in sent
    assert invoke("enrich", str(book), "-o", "new.csv", "--mapping", str(mapping)).exit_code == 0
    assert use_sandbox.stats.by_status[200] == 8


def test_a_cell_that_holds_nothing_is_not_sent_nor_paid_for(use_sandbox: Sandbox, tmp_path: Path) -> None:
    rows = [
        ["1", "Ann", "Lee", "#N/A", "", ""],  # nothing but names: not sent, not paid for
        ["2", "Bob", "Ray", "n/a", "", "https://"],
        ["3", "Cy", "Day", "-", "NULL", ""],
        ["4", "Di", "Eve", "#NV", "Acme", "https://"],  # sent, without its placeholders
        ["5", "Ed", "Fox", "ed@fox.example, ed.home@mail.example", "", "fox.example"],
        ["6", "Flo", "Gil", "flo@gil.example", "", ""],
    ]
    path = write_csv(tmp_path / "in.csv", HEADER, rows)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0  # every row could be sent or is invalid
    assert use_sandbox.stats.by_status[200] == 3
    sent = {r.get("external_id"): r for r in use_sandbox.stats.received}
    assert set(sent) == {"4", "5", "6"}
    assert sent["4"]["person"] == {"first_name": "Di", "last_name": "Eve"}
    assert sent["4"]["company"] == {"name": "Acme"}
    assert "email" not in sent["5"]["person"]  # which of the two is the person's cannot be told
    assert sent["5"]["company"] == {"website": "fox.example"}
    assert sent["6"]["person"]["email"] == "flo@gil.example"
    with Path("out.csv").open(encoding="utf-8") as f:
        results = {r["Lead ID"]: r["ls.result"] for r in csv.DictReader(f)}
    assert results == {"1": "invalid_input", "2": "invalid_input", "3": "invalid_input"} | dict.fromkeys(
        ("4", "5", "6"), "ok"
    )


@pytest.mark.slow
def test_an_upgrade_from_rules_2_buys_nothing_again(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows that rules 2 sent with a placeholder in them, and a joined e-mail cell.
    rows = [[f"A{i}", "Ann", f"Lee{i}", "#N/A", f"Upgrade {i}", "https://"] for i in range(10)]
    rows += [[f"B{i}", "Bo", f"Ray{i}", f"b{i}@x.example; b{i}@y.example", f"Two {i}", ""] for i in range(5)]
    rows += [[f"C{i}", "Cy", f"Day{i}", f"c{i}@day.example", f"Three {i}", ""] for i in range(10)]
    path = write_csv(tmp_path / "in.csv", HEADER, rows)
    with monkeypatch.context() as m:
        m.setattr(body_rules, "_cell", lambda key, name, value: value)  # as rules 2 read each cell
        assert invoke("enrich", str(path), "-o", "old.csv").exit_code == 0
    assert use_sandbox.stats.by_status[200] == 25
    assert any(r["person"].get("email") == "#n/a" for r in use_sandbox.stats.received)
    result = invoke("enrich", str(path), "-o", "new.csv", "--report", "r.json")
    assert result.exit_code == 0
    assert use_sandbox.stats.by_status[200] == 25  # the upgrade bought nothing
    assert json.loads(Path("r.json").read_text())["settings"]["request_rules"] == body_rules.RULES


def test_a_placeholder_gives_way_to_the_fields_next_column_and_a_header_row_is_free(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    header = ["Lead ID", "Company", "Account", "Segment"]
    rows = [
        ["Lead ID", "Company", "Account", "Segment"],  # the header again, as a first row
        ["1", "#N/A", "Acme", "#N/A"],  # the company from the next column; the custom field not sent
        ["2", "Globex", "", "Enterprise"],
    ]
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        'external_id = "Lead ID"\n[company]\nname = ["Company", "Account"]\n'
        '[custom_fields]\nsegment = "Segment"\n'
    )
    path = write_csv(tmp_path / "in.csv", header, rows)
    assert invoke("enrich", str(path), "-o", "out.csv", "--mapping", str(mapping)).exit_code == 0
    sent = {r.get("external_id"): r for r in use_sandbox.stats.received}
    assert set(sent) == {"1", "2"}  # the repeated header is no question
    assert sent["1"]["company"] == {"name": "Acme"}
    assert "custom_fields" not in sent["1"]
    assert sent["2"]["custom_fields"] == [{"name": "segment", "value": "Enterprise"}]


@pytest.mark.slow
def test_an_upgrade_from_rules_3_whole_names_split_buys_nothing_again(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rules 3 sent a row of a whole name beside a company without the person's names; rules 4 split
    # the name: the answer bought for the rules 3 body is found, nothing is bought again.
    rows = [[f"A{i}", f"Ann Lee{'abcdef'[i]}", f"ann{i}@equiv.example", f"Equiv {i}"] for i in range(6)]
    rows += [[f"B{i}", f"Bo Ng{'abcd'[i]}", f"bo{i}@solo.example", ""] for i in range(4)]  # never sent
    path = write_csv(tmp_path / "in.csv", ["Lead ID", "Full Name", "Email", "Company"], rows)
    with monkeypatch.context() as m:
        m.setattr(body_rules, "split_name", lambda text, email="", rules=6: None)  # as rules 3 sent each row
        assert invoke("enrich", str(path), "-o", "old.csv").exit_code == 0
    assert use_sandbox.stats.by_status[200] == 6  # the rows with no company lacked the minimum input
    result = invoke("enrich", str(path), "-o", "new.csv")
    assert result.exit_code == 0, result.stderr
    assert use_sandbox.stats.by_status[200] == 10  # only the four rows rules 3 could not send
    sent = use_sandbox.stats.received[-1]
    assert sent["person"]["first_name"] == "Bo"
    with open("new.csv", encoding="utf-8-sig") as fh:
        assert [r["ls.result"] for r in csv.DictReader(fh)] == ["ok"] * 10


@pytest.mark.slow
def test_an_upgrade_from_rules_4_double_family_names_buys_nothing_again(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rules 4 sent "María García López" as María García + López; rules 5 read maria.garcia@ and send
    # María + García López: the answer bought for the rules 4 body is found, nothing is bought again.
    header = ["Full Name", "Email", "Company"]
    rows = [
        [f"María García López{'abc'[i]}", f"maria.garcia{i}@equiv.example", f"Equiv {i}"] for i in range(3)
    ]
    # And rules 6's patronymic: "Кузнецов Андрей Викторович" was Кузнецов Андрей + Викторович.
    rows += [["Кузнецов Андрей Викторович", "a.kuznetsov@ural.example", "Урал"]]
    # And rules 6's Chinese name written whole: rules 4 sent "张伟" without a name, beside its company.
    rows += [["张伟", "zhang.wei@yunfan.example", "云帆科技"]]
    # And a Vietnamese name, family name first: rules 4 sent "Nguyễn Văn" + "An".
    rows += [["Nguyễn Văn An", "an.nguyen@saigon.example", "Sài Gòn Tech"]]
    path = write_csv(tmp_path / "in.csv", header, rows)
    split = body_rules.split_name
    with monkeypatch.context() as m:
        m.setattr(
            body_rules, "split_name", lambda text, email="", rules=6: split(text, rules=4)
        )  # as rules 4 split
        assert invoke("enrich", str(path), "-o", "old.csv").exit_code == 0
    assert {b["person"].get("first_name") for b in use_sandbox.stats.received} == {
        "María García",
        "Кузнецов Андрей",
        None,
        "Nguyễn Văn",
    }
    assert use_sandbox.stats.by_status[200] == 6
    result = invoke("enrich", str(path), "-o", "new.csv")
    assert result.exit_code == 0, result.stderr
    assert use_sandbox.stats.by_status[200] == 6  # found under rules 4's body
    with open("new.csv", encoding="utf-8-sig") as fh:
        assert [r["ls.result"] for r in csv.DictReader(fh)] == ["ok"] * 6
    fresh = write_csv(
        tmp_path / "fresh.csv",
        header,
        [
            ["José García López", "jose.garcia@new.example", "New"],
            ["Bo Ng", "bo@new.example", "New"],
            ["王小明", "wang.xm@new.example", "New"],
        ],
    )
    assert invoke("enrich", str(fresh), "-o", "fresh-out.csv").exit_code == 0
    sent = next(
        b for b in use_sandbox.stats.received if b["person"].get("email") == "jose.garcia@new.example"
    )
    assert sent["person"] == {
        "first_name": "José",
        "last_name": "García López",
        "email": "jose.garcia@new.example",
    }
    sent = next(b for b in use_sandbox.stats.received if b["person"].get("email") == "wang.xm@new.example")
    assert (sent["person"]["first_name"], sent["person"]["last_name"]) == ("小明", "王")


def test_a_decorated_general_number_is_sent_as_shown_and_rules_5_answers_are_found(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LibreOffice writes "[BLUE]General" (a number's colour) and "[$-407]General" (its language):
    # rules 5 read the "e" of General as a time and sent zip 94105 as 2157-08-24; Excel saves a typed
    # "+44 0000 000000" as "\+44\ 0000\ 000000", whose country code rules 5 dropped (skeptic pass 22).
    import xlsxwriter

    from leadspace_cli.formats import numfmt

    def book(path: Path, rows: list[tuple[str, int, int]]) -> Path:
        wb = xlsxwriter.Workbook(str(path))
        ws = wb.add_worksheet()
        blue, german = (
            wb.add_format({"num_format": "[BLUE]General"}),
            wb.add_format({"num_format": "[$-407]General"}),
        )
        uk = wb.add_format({"num_format": "\\+44\\ 0000\\ 000000"})
        ws.write_row(0, 0, ["Lead ID", "Company", "Zip", "Phone"])
        for i, (company, lead, zip_code) in enumerate(rows, start=1):
            ws.write_number(i, 0, lead, blue)
            ws.write_string(i, 1, company)
            ws.write_number(i, 2, zip_code, german)
            ws.write_number(i, 3, 2079460018, uk)
        wb.close()
        return path

    mapping = tmp_path / "m.toml"
    mapping.write_text(
        'external_id = "Lead ID"\n[person]\nperson_phone = "Phone"\n[company]\nname = "Company"\n'
        '[company.address]\npostalcode = "Zip"\n',
        encoding="utf-8",
    )
    old = book(tmp_path / "old.xlsx", [("Acme", 1001, 94105), ("Globex", 1002, 2139)])
    kind, digits = numfmt.kind, numfmt._digits_sections
    with monkeypatch.context() as m:  # as rules 5 read the formats
        m.setattr(numfmt, "kind", lambda fmt, rules=6: kind(fmt, 5))
        m.setattr(numfmt, "_digits_sections", lambda fmt, rules=6: digits(fmt, 5))
        assert invoke("enrich", str(old), "-o", "old.csv", "-m", str(mapping)).exit_code == 0
    numfmt.changed_in_rules_6.cache_clear()  # what it cached under the patch
    assert {b["person"]["person_phone"] for b in use_sandbox.stats.received} == {"2079460018"}
    assert {b["company"]["address"]["postalcode"] for b in use_sandbox.stats.received} == {
        "2157-08-24",
        "1905-11-08",
    }
    result = invoke("enrich", str(old), "-o", "new.csv", "-m", str(mapping))
    assert result.exit_code == 0, result.stderr
    assert use_sandbox.stats.calls == 2  # both found under rules 5's bodies: nothing bought again
    fresh = book(tmp_path / "fresh.xlsx", [("Initech", 1003, 94105)])
    assert invoke("enrich", str(fresh), "-o", "fresh.csv", "-m", str(mapping)).exit_code == 0
    sent = use_sandbox.stats.received[-1]
    assert sent["external_id"] == "1003"
    assert sent["company"]["address"]["postalcode"] == "94105"
    assert sent["person"]["person_phone"] == "+44 2079 460018"  # as shown, its country code kept
