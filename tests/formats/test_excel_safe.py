"""--excel-safe: nothing in a CSV output runs as a formula in a spreadsheet, the input's cells included."""

from __future__ import annotations

import csv
from pathlib import Path

import xlsxwriter

from leadspace_cli.formats.values import excel_safe
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, write_csv


def test_excel_safe_catches_what_a_spreadsheet_would_run() -> None:
    for text in ("=1+1", " =1", "\n=1", "＝1", "+44 20", "-1", "@SUM(A1)"):
        assert excel_safe(text).startswith("'"), text
    assert excel_safe("Acme") == "Acme"


def test_the_header_and_the_inputs_cells_are_neutralised_too(use_sandbox: Sandbox, tmp_path: Path) -> None:
    src = write_csv(
        tmp_path / "in.csv",
        ["Company", "=cmd|' /C calc'!A0"],
        [["Acme", '=HYPERLINK("http://evil.example","click")'], ["Globex", "plain"]],
    )
    assert invoke("enrich", str(src), "-o", "out.csv", "--excel-safe").exit_code == 0
    with open("out.csv", newline="", encoding="utf-8-sig") as fh:
        header, *rows = list(csv.reader(fh))
    assert header[1] == "'=cmd|' /C calc'!A0"
    assert rows[0][1] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[1][1] == "plain"
    assert invoke("enrich", str(src), "-o", "plain.csv").exit_code == 0  # without the flag: as it came
    with open("plain.csv", newline="", encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh))[1][1].startswith("=HYPERLINK")


def test_a_workbook_cells_saved_formula_text_is_neutralised(use_sandbox: Sandbox, tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    book = xlsxwriter.Workbook(str(src), {"strings_to_formulas": False})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Company", "Link"])
    sheet.write_row(1, 0, ["Acme", '=HYPERLINK("http://evil.example")'])  # text that looks like one
    book.close()
    assert invoke("enrich", str(src), "-o", "out.csv", "--excel-safe").exit_code == 0
    with open("out.csv", newline="", encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh))[1][1].startswith("'=HYPERLINK")
