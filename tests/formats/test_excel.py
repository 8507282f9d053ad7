"""Excel workbooks in and out: cells as a person sees them, types kept, text never a formula."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from leadspace_cli.formats import xlsx_write
from leadspace_cli.formats.xlsx_write import MAX_CELL
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, read_csv, write_csv

HEADER = ["First Name", "Last Name", "Email", "Company", "Website", "Zip", "Created", "Employees", "Score"]


def make_book(path: Path, *, sheets: tuple[str, ...] = ("Leads",)) -> Path:
    """A workbook as Excel writes one: a zip formatted 00000, dates, whole floats, a cached formula."""
    book = xlsxwriter.Workbook(str(path))
    zip_fmt = book.add_format({"num_format": "00000"})
    date_fmt = book.add_format({"num_format": "dd/mm/yyyy"})
    stamp_fmt = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for name in sheets:
        ws = book.add_worksheet(name)
        ws.write_row(0, 0, HEADER)
        ws.write_row(1, 0, ["Ann", "Lee", "ann@acme.com", "Acme", "acme.com"])
        ws.write_number(1, 5, 2139, zip_fmt)  # shown as 02139
        ws.write_datetime(1, 6, dt.datetime(2024, 3, 1), date_fmt)
        ws.write_number(1, 7, 250.0)
        ws.write_formula(1, 8, "=2*21", None, 42)  # Excel stores the cached value beside the formula
        ws.write_row(2, 0, ["Bob", "Ray", "bob@globex.com", "Globex", "globex.com", "10001"])
        ws.write_datetime(2, 6, dt.datetime(2024, 3, 2, 10, 30), stamp_fmt)
        ws.write_number(2, 7, 1200.5)
    book.close()
    return path


def cells(path: Path, sheet: str | None = None) -> list[list[tuple[Any, str, str]]]:
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    out = [[(c.value, c.number_format, c.data_type) for c in row] for row in ws.iter_rows()]
    wb.close()
    return out


def test_xlsx_to_xlsx_keeps_every_input_cell_and_adds_the_ls_columns(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    book = make_book(tmp_path / "leads.xlsx")
    result = invoke("enrich", str(book), "-o", "out.xlsx")
    assert result.exit_code == 0, result.stderr
    before, after = cells(book), cells(Path("out.xlsx"))
    assert len(after) == len(before) == 3
    width = len(HEADER)
    assert [c[0] for c in after[0][width:]][:3] == ["ls.result", "ls.http_status", "ls.error"]
    for old, new in zip(before, after, strict=True):
        # value, number format and type of every input cell, as it was (a formula: its cached value)
        assert new[: len(old)] == old
    assert after[1][5] == (2139, "00000", "n")  # still the number 2139 shown as 02139
    assert after[1][6][0] == dt.datetime(2024, 3, 1)
    assert after[1][6][1] == "dd/mm/yyyy"
    assert after[1][width][0] == "ok"
    assert after[2][width][0] == "ok"
    # The request carried what a person sees in the cells.
    # Calls go at once: Acme's request (the first row) is found by its name, not its place.
    first = next(b for b in use_sandbox.stats.received if b["company"]["name"] == "Acme")
    assert first["company"]["address"]["postalcode"] == "02139"


def test_xlsx_to_csv_gives_the_text_a_person_sees(use_sandbox: Sandbox, tmp_path: Path) -> None:
    book = make_book(tmp_path / "leads.xlsx")
    result = invoke("enrich", str(book), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    ann, bob = read_csv("out.csv")
    assert (ann["Zip"], ann["Created"], ann["Employees"], ann["Score"]) == (
        "02139",
        "2024-03-01",
        "250",
        "42",
    )
    assert (bob["Zip"], bob["Created"], bob["Employees"]) == ("10001", "2024-03-02 10:30:00", "1200.5")


def test_text_is_written_as_text_never_a_formula_or_a_link(use_sandbox: Sandbox, tmp_path: Path) -> None:
    long = "x" * 40_000
    src = write_csv(
        tmp_path / "in.csv",
        ["Email", "Company", "Note", "Link", "Long"],
        [
            ["ann@acme.com", "Acme", '=HYPERLINK("http://evil")', "http://acme.com", long],
            ["b@x.com", "X", "a\x07b", "+1 555", "-2"],
        ],
    )
    result = invoke("enrich", str(src), "-o", "out.xlsx")
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook("out.xlsx")
    ws = wb.worksheets[0]
    row2 = list(next(ws.iter_rows(min_row=2, max_row=2)))
    assert row2[2].value == '=HYPERLINK("http://evil")'
    assert row2[2].data_type == "s"
    assert row2[3].value == "http://acme.com"
    assert row2[3].hyperlink is None
    assert len(row2[4].value) == MAX_CELL
    assert row2[4].value.endswith("40,000 characters in all]")
    row3 = [c.value for c in next(ws.iter_rows(min_row=3, max_row=3))]
    assert row3[2] == "ab"  # the control character removed
    assert row3[3] == "+1 555"
    assert row3[4] == "-2"
    wb.close()


def test_sheet_picks_a_sheet_and_an_unknown_one_lists_them(use_sandbox: Sandbox, tmp_path: Path) -> None:
    book = make_book(tmp_path / "leads.xlsx", sheets=("Summary", "Leads"))
    result = invoke("enrich", str(book), "-o", "out.csv", "--sheet", "leads")
    assert result.exit_code == 0, result.stderr
    assert len(read_csv("out.csv")) == 2
    result = invoke("enrich", str(book), "-o", "out2.csv")
    assert "reading the first visible worksheet, 'Summary'" in result.stderr
    result = invoke("enrich", str(book), "-o", "out3.csv", "--sheet", "Contacts")
    assert result.exit_code == 2
    assert "no sheet 'Contacts'" in result.stderr
    assert "'Summary', 'Leads'" in result.stderr
    assert not Path("out3.csv").exists()


def test_a_cover_sheet_before_the_data_is_passed_over_with_a_note(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # Reports and exports often open on a cover: empty, or a title and a line or two in column A.
    for name, cover in (("empty", []), ("title", ["Contacts export, Q3", "Generated 2024-03-01"])):
        book = xlsxwriter.Workbook(str(tmp_path / f"{name}.xlsx"))
        first = book.add_worksheet("Cover")
        for i, line in enumerate(cover):
            first.write(i, 0, line)
        data = book.add_worksheet("Contacts")
        data.write_row(0, 0, ["First Name", "Last Name", "Email", "Company"])
        data.write_row(1, 0, ["Ann", "Lee", "ann@acme.com", "Acme"])
        data.write_row(2, 0, ["Bob", "Ray", "bob@globex.com", "Globex"])
        book.close()
        result = invoke("enrich", str(tmp_path / f"{name}.xlsx"), "-o", f"{name}.xlsx")
        assert result.exit_code == 0, result.stderr
        assert "reading the first visible worksheet with a table ('Cover' holds none), 'Contacts'" in (
            result.stderr
        )
        out = cells(Path(f"{name}.xlsx"))
        assert [c[0] for c in out[0][:4]] == ["First Name", "Last Name", "Email", "Company"]
        assert [row[out[0].index(next(c for c in out[0] if c[0] == "ls.result"))][0] for row in out[1:]] == [
            "ok",
            "ok",
        ]
    # A one-column list of companies under its header is a table: it is read, not passed over.
    book = xlsxwriter.Workbook(str(tmp_path / "list.xlsx"))
    book.add_worksheet("Accounts").write_column(0, 0, ["Company", "Acme", "Globex"])
    book.add_worksheet("Other").write_row(0, 0, ["First Name", "Last Name", "Email"])
    book.close()
    result = invoke("enrich", str(tmp_path / "list.xlsx"), "-o", "list.csv")
    assert result.exit_code == 0, result.stderr
    assert [r["Company"] for r in read_csv("list.csv")] == ["Acme", "Globex"]


def test_excels_row_limit_is_checked_before_any_call(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_write, "MAX_ROWS", 5)
    src = write_csv(tmp_path / "in.csv", ["Email", "Company"], [[f"p{i}@acme.com", "Acme"] for i in range(5)])
    result = invoke("enrich", str(src), "-o", "out.xlsx")
    assert result.exit_code == 2
    assert "an Excel sheet holds 4 below its header" in result.stderr
    assert use_sandbox.stats.calls == 0
    assert invoke("enrich", str(src), "-o", "out.xlsx", "--limit", "4").exit_code == 0


def test_a_target_open_in_excel_keeps_the_work_beside_it(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = make_book(tmp_path / "leads.xlsx")
    Path("out.xlsx").write_bytes(b"held open by Excel")
    real_replace = os.replace

    def locked(src: Any, dst: Any) -> None:
        if Path(dst).name == "out.xlsx":
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(sys, "platform", "win32")  # where a file open in Excel cannot be replaced
    result = invoke("enrich", str(book), "-o", "out.xlsx")
    assert result.exit_code == 1, result.stderr  # -o holds the old rows: not a success for a cron job
    [aside] = Path().glob("out.new-*.xlsx")
    assert "open in another program" in result.stderr
    assert str(aside) in result.stderr.replace("\n", "")
    assert Path("out.xlsx").read_bytes() == b"held open by Excel"
    assert [c[0] for c in cells(aside)[1][len(HEADER) : len(HEADER) + 1]] == ["ok"]
    monkeypatch.setattr(sys, "platform", "linux")  # no Excel to guess at: a read-only file or folder
    result = invoke("enrich", str(book), "-o", "out.xlsx")
    assert result.exit_code == 1
    assert "Excel" not in result.stderr
    assert "could not be replaced" in result.stderr


def test_content_that_does_not_match_the_name(use_sandbox: Sandbox, tmp_path: Path) -> None:
    fake = tmp_path / "leads.xlsx"
    fake.write_text("Email,Company\nann@acme.com,Acme\n")
    result = invoke("enrich", str(fake), "-o", "out.csv")
    assert result.exit_code == 2
    assert "not one (its content is text)" in result.stderr
    assert "--input-format csv" in result.stderr
    assert invoke("enrich", str(fake), "-o", "out.csv", "--input-format", "csv").exit_code == 0
    real = make_book(tmp_path / "export.csv")  # a workbook under a CSV name is read as one
    result = invoke("enrich", str(real), "-o", "out2.csv")
    assert result.exit_code == 0, result.stderr
    assert "is an Excel workbook, whatever its name says" in result.stderr
    assert read_csv("out2.csv")[0]["Zip"] == "02139"


def test_reenriching_a_workbook_output_gives_the_same_header_and_the_report_reads_it(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    book = make_book(tmp_path / "leads.xlsx")
    assert invoke("enrich", str(book), "-o", "out.xlsx").exit_code == 0
    calls = use_sandbox.stats.calls
    result = invoke("enrich", "out.xlsx", "-o", "again.xlsx")
    assert result.exit_code == 0, result.stderr
    assert use_sandbox.stats.calls == calls  # the same requests: answered from the store
    assert [c[0] for c in cells(Path("again.xlsx"))[0]] == [c[0] for c in cells(Path("out.xlsx"))[0]]
    result = invoke("report", "out.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "2 rows; match rate 100%" in result.stdout


def test_a_workbook_is_not_written_to_a_stream(use_sandbox: Sandbox, tmp_path: Path) -> None:
    book = make_book(tmp_path / "leads.xlsx")
    result = invoke("enrich", str(book), "-o", "-", "--output-format", "xlsx")
    assert result.exit_code == 2
    assert "written to a file, not to a stream" in result.stderr
    assert use_sandbox.stats.calls == 0


def test_a_workbook_declaring_xml_entities_is_refused_before_any_call(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    import zipfile

    plain = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(str(plain))
    book.add_worksheet().write_row(0, 0, ["Company", "Website"])
    book.worksheets()[0].write_row(1, 0, ["Acme", "acme.example"])
    book.close()
    planted = tmp_path / "planted.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(planted, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                text = data.decode().replace("<sst ", '<!DOCTYPE sst [<!ENTITY a "EXPANDED">]><sst ', 1)
                data = text.replace("<t>Acme</t>", "<t>&a;</t>").encode()
            zout.writestr(item, data)
    result = invoke("enrich", str(planted), "-o", "out.csv")
    assert result.exit_code == 2
    assert "declares XML entities" in result.stderr
    assert use_sandbox.stats.calls == 0
