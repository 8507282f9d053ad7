"""The one shape of a row: every reader yields a Row, with only the fields its row has."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest
import xlsxwriter

from leadspace_cli.errors import InputError
from leadspace_cli.formats.pyrecords import records_source
from leadspace_cli.formats.rows import Row
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.judge import names_a_field


def rows_of(path: Path) -> list[Row]:
    with open_source(str(path)) as source:
        return list(source.rows)


def test_a_csv_row_has_cells_and_only_the_problems_it_has(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,name\n1,Ann\n2,Bob,stray\nGrand Total: 2,\n", encoding="utf-8")
    plain, ragged, footer = rows_of(path)
    # The reader makes a plain row as a bare tuple (its hot path): it must equal Row's own defaults.
    assert plain == Row(["1", "Ann"])
    assert type(plain) is Row
    assert ragged == Row(
        ["2", "Bob"],
        problem="line 3 has 3 cells but the header has 2: check its quoting (the extra cells are written "
        "after the ls.* columns)",
        extra=["stray"],
    )
    assert footer == Row(
        ["Grand Total: 2", ""],
        skip="line 4 is a report footer ('Grand Total: 2'): not a lead (not sent, no credit)",
    )


def test_a_jsonl_row_has_its_record_and_a_bad_line_its_text(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"Company": "Acme", "ls": {"result": "ok"}}\n[1, 2]\n', encoding="utf-8")
    good, bad = rows_of(path)
    assert good == Row(record={"Company": "Acme", "ls": {"result": "ok"}})
    assert bad == Row(problem="line 2 is a JSON array, not an object", raw="[1, 2]")


def test_a_callers_records_are_rows_with_the_record_itself() -> None:
    first = {"Company": "Acme"}
    source = records_source([first, "oops"], lookahead=1)
    good, bad = list(source.rows)
    assert good.record is first  # the caller's own mapping, returned with its ls.* keys
    assert bad == Row(problem="record 2 is a str, not a mapping", raw="'oops'")


def test_a_workbook_row_has_cells_as_shown_and_typed_values(tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        ws = book.add_worksheet("Leads")
        ws.write_row(0, 0, ["Company", "Revenue", "Since"])
        ws.write_number(1, 1, 2000, book.add_format({"num_format": "$ #,##0"}))
        ws.write_string(1, 0, "Acme")
        ws.write_datetime(1, 2, dt.datetime(2020, 1, 2), book.add_format({"num_format": "yyyy-mm-dd"}))
        ws.write(1, 4, "call back")  # a note beside the table
    (row,) = rows_of(path)
    assert row._replace(typed=None) == Row(["Acme", "$ 2,000", "2020-01-02"], extra=["", "call back"])
    assert row.typed is not None
    assert [value for value, _ in row.typed] == ["Acme", 2000, 43832]  # a date is its serial number


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ('[\n  {"Company": "Acme"},\n  {"Company": "Globex"}\n]\n', "jq -c '.[]' in.jsonl > records.jsonl"),
        ('[{"Company": "Acme"}, {"Company": "Globex"}]\n', "jq -c '.[]' in.jsonl > records.jsonl"),
        ('{\n  "Company": "Acme"\n}\n', "jq -c . in.jsonl > records.jsonl"),
    ],
)
def test_a_json_document_is_refused_with_how_to_make_json_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, fix: str
) -> None:
    # An array of objects (json.dump, an API's saved answer) or an object printed over several lines
    # said only "line 1 is not JSON" (skeptic pass 19); on stdin the array's last line, an object
    # without a comma, was even sent alone.
    monkeypatch.chdir(tmp_path)
    Path("in.jsonl").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(fix)):
        rows_of(Path("in.jsonl"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    with pytest.raises(InputError, match=re.escape(fix.replace("in.jsonl", "FILE"))):
        list(open_source("-", input_format="jsonl").rows)


def test_guard_a_jsonl_file_whose_first_line_is_cut_short_gets_no_such_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"Company": "Ac\n{"Company": "Globex"}\n'))
    )
    bad, good = list(open_source("-", input_format="jsonl").rows)
    assert bad.problem is not None
    assert good.record == {"Company": "Globex"}


def test_a_workbooks_report_footer_and_the_lines_after_it_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        ws = book.add_worksheet()
        for i, row in enumerate(
            [
                ["Company", "Email"],
                ["Acme", "a@acme.example"],
                ["Total", ""],
                ["Lead Report", ""],
                ["MyCorp", ""],
            ]
        ):
            ws.write_row(i, 0, row)
    rows = rows_of(path)
    assert [r.skip is not None for r in rows] == [False, True, True, True]
    assert rows[3].skip == "row 5 is a report footer ('MyCorp'): not a lead (not sent, no credit)"


def test_a_grouped_reports_headings_and_subtotals_are_skipped(tmp_path: Path) -> None:
    # "Region: EMEA" and "Subtotal (3 records)" were each bought as a company (skeptic pass 20).
    path = tmp_path / "groups.csv"
    path.write_text(
        "Company,First Name,Last Name,Email\n"
        "Region: EMEA,,,\n"
        "Grpa Ltd,Ga,Gb,ga@grpa.example\n"
        "Lead Owner: Sam Seller,,,\n"
        "Acme Inc,,,\n"  # an account's row of its name alone: a lead
        "https://acme.example,,,\n"
        "Subtotal (3 records),,,\n",
        encoding="utf-8",
    )
    rows = rows_of(path)
    assert [r.skip is not None for r in rows] == [True, False, True, False, False, True]
    assert rows[0].skip == "line 2 is a report's grouping ('Region: EMEA'): not a lead (not sent, no credit)"


def test_a_header_of_two_lines_groups_over_names_is_read_as_one(tmp_path: Path) -> None:
    # "Contact" over First/Last/Email and "Company" over Name/Website: the group line alone was the
    # header ("Company" the company's name), and the names' line was bought as a company (skeptic
    # pass 20).
    path = tmp_path / "two.csv"
    path.write_text(
        "Contact,,,Company,,\nFirst,Last,Email,Name,Website,Phone\nAnn,Lee,ann@acme.example,Acme,acme.example,1\n",
        encoding="utf-8",
    )
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns[:5] == [
            "Contact First",
            "Contact Last",
            "Contact Email",
            "Company Name",
            "Company Website",
        ]
        assert [r.cells[0] for r in source.rows] == ["Ann"]


def test_guard_a_sparse_header_over_data_stays_the_header(tmp_path: Path) -> None:
    path = tmp_path / "sparse.csv"
    path.write_text("Company,,,Email\nAcme,x,y,a@acme.example\nGlobex,,,b@globex.example\n", encoding="utf-8")
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns[0] == "Company"
        assert len(list(source.rows)) == 2


@pytest.mark.parametrize(
    "above",
    ["Leads export from CRM, generated 2026-11-01\n\n", "Report:,Q4 Leads,,\nGenerated:,2026-11-30,,\n,,,\n"],
)
def test_a_preamble_of_two_cells_above_the_header_is_read_past(tmp_path: Path, above: str) -> None:
    # A title with a comma in it, a report's key/value lines: refused, "no column maps" (skeptic
    # pass 20).
    path = tmp_path / "report.csv"
    path.write_text(
        above + "First Name,Last Name,Email,Company\nAnn,Lee,ann@acme.example,Acme\n", encoding="utf-8"
    )
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns == ["First Name", "Last Name", "Email", "Company"]
        assert [r.cells[0] for r in source.rows] == ["Ann"]


def test_guard_a_two_column_file_naming_no_field_keeps_its_header(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text("Firm,Notes\nAcme,hi\nGlobex,there\n", encoding="utf-8")
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns == ["Firm", "Notes"]
        assert len(list(source.rows)) == 2


def test_a_byte_stdin_cannot_decode_names_utf8_as_people_know_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # "not valid utf-8-sig text": Python's codec name, for a file with no BOM (skeptic pass 20).
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Company,Email\nM\xfcller,a@b.example\n")))
    with pytest.raises(InputError, match="a byte that is not valid UTF-8 text") as got:
        list(open_source("-").rows)
    assert "cp1252" in str(got.value)


def test_a_workbooks_header_of_two_rows_groups_over_names_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        ws = book.add_worksheet()
        ws.merge_range(0, 0, 0, 2, "Contact")
        ws.merge_range(0, 3, 0, 5, "Company")
        ws.write_row(1, 0, ["First", "Last", "Email", "Name", "Website", "Phone"])
        ws.write_row(2, 0, ["Ann", "Lee", "ann@acme.example", "Acme", "acme.example", "1"])
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns[:4] == ["Contact First", "Contact Last", "Contact Email", "Company Name"]
        assert [r.cells[0] for r in source.rows] == ["Ann"]
