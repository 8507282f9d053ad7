"""Workbooks as a person means them (issue 27): the sheet they see, the rows that are leads, cells
as Excel shows them, and workbooks from other writers read or refused with their fix."""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from leadspace_cli.errors import InputError
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.judge import names_a_field
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, read_csv

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def raw_book(
    path: Path,
    sheet_data: str,
    *,
    strict: bool = False,
    styles: str | None = None,
    book_props: str = "",
    book_ext: str = "",
    sheet_before: str = "",
    sheet_after: str = "",
    table: str | None = None,
) -> Path:
    """A minimal workbook written by hand: one sheet whose <sheetData> is given (Strict or not), with
    what goes before the sheets (``book_props``) and after them (``book_ext``) in the workbook part,
    before and after the sheet's data, and a table part."""
    main, rel = (STRICT, STRICT_REL) if strict else (MAIN, REL)
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="r1" Type="{rel}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}">{book_props}<sheets><sheet name="Leads" sheetId="1" '
            f'r:id="rId1"/></sheets>{book_ext}</workbook>',
        )
        styles_rel = f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>' if styles else ""
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            f'Target="worksheets/sheet1.xml"/>{styles_rel}</Relationships>',
        )
        if styles:
            z.writestr("xl/styles.xml", styles)
        parts = ""
        if table is not None:
            z.writestr("xl/tables/table1.xml", table)
            z.writestr(
                "xl/worksheets/_rels/sheet1.xml.rels",
                f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/table" '
                'Target="../tables/table1.xml"/></Relationships>',
            )
            parts = '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}" xmlns:r="{rel}">{sheet_before}<sheetData>{sheet_data}</sheetData>'
            f"{sheet_after}{parts}</worksheet>",
        )
    return path


def read(path: Path, **kw: object) -> tuple[list[str], list[list[str]]]:
    with open_source(str(path), **kw) as src:  # type: ignore[arg-type]
        return src.columns, [list(r.cells) for r in src.rows]


def test_a_strict_open_xml_workbook_is_read(tmp_path: Path) -> None:
    # Excel's "Strict Open XML Spreadsheet": other namespaces; openpyxl found no sheet (exit 6).
    book = raw_book(
        tmp_path / "strict.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>a@acme.com</t></is></c></row>',
        strict=True,
    )
    assert read(book) == (["Company", "Email"], [["Acme", "a@acme.com"]])


def test_cells_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    styles = (
        f'<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="00000\\-0000"/>'
        '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
        '<xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>'
    )
    header = "".join(
        f'<c r="{c}1" t="inlineStr"><is><t>{t}</t></is></c>'
        for c, t in zip("ABCDEF", ["Company", "Zip", "Score", "Elapsed", "Since", "Note"], strict=True)
    )
    book = raw_book(
        tmp_path / "shown.xlsx",
        f'<row r="1">{header}</row><row r="2">'
        '<c r="A2" t="inlineStr"><is><t>a_x000D_\nb</t></is></c>'  # Excel's escape of a CR
        '<c r="B2" s="1"><v>21390001</v></c>'  # Zip+4: 02139-0001
        '<c r="C2"><v>68.66499999999999</v></c>'  # Excel shows 15 significant digits
        '<c r="D2" s="2"><v>10.632060185185185</v></c>'  # elapsed time, [h]:mm:ss
        '<c r="E2" t="d"><v>2021-03-04T00:00:00</v></c>'  # an ISO date cell
        '<c r="F2" t="str"><f>A1</f></c>'  # a formula with no saved value
        "</row>",
        styles=styles,
    )
    with open_source(str(book)) as src:
        rows = [list(r.cells) for r in src.rows]
        notes = " ".join(src.notes)
    assert rows == [["a\nb", "02139-0001", "68.665", "255:10:10", "2021-03-04", ""]]
    assert "column 'Note' has 1 formula cell with no saved value" in notes


def test_a_writers_formula_placeholder_is_no_value(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # XlsxWriter (pandas' to_excel, which makes "=HYPERLINK(...)" text a formula) saves each formula
    # with 0 and asks Excel to recalculate on load: the 0 was sent as the email (skeptic pass 22 F1).
    path = tmp_path / "pandas.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["First Name", "Last Name", "Email", "Company", "Employees"])
    ws.write_row(1, 0, ["Ada", "Lovelace"])
    ws.write_formula(1, 2, '=HYPERLINK("mailto:ada@analytical.example","ada@analytical.example")')
    ws.write_row(1, 3, ["Analytical Engines"])
    ws.write_formula(1, 4, "=2*21", None, 42)  # a value the writer was given is kept
    ws.write_row(2, 0, ["Grace", "Hopper", "grace@navy.example", "Navy Labs", 7])
    book.close()
    result = invoke("enrich", str(path), "-o", "out.csv", "--mapping", str(_mapping(tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert "column 'Email' has 1 formula cell with no saved value" in result.stderr
    sent = sorted(use_sandbox.stats.received, key=lambda b: b["person"]["first_name"])
    assert "email" not in sent[0]["person"]
    assert sent[0]["custom_fields"] == [{"name": "employees", "value": "42"}]
    assert sent[1]["person"]["email"] == "grace@navy.example"


def _mapping(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    path.write_text(
        '[person]\nfirst_name = "First Name"\nlast_name = "Last Name"\nemail = "Email"\n'
        '[company]\nname = "Company"\n[custom_fields]\nemployees = "Employees"\n',
        encoding="utf-8",
    )
    return path


def test_styles_that_cannot_be_read_do_not_stop_the_values(tmp_path: Path) -> None:
    # Hancom Office's styles tripped openpyxl ("may be damaged"): values do not need styles.
    book = raw_book(
        tmp_path / "hancom.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2" s="7"><v>5</v></c></row>',
        styles=f'<styleSheet xmlns="{MAIN}"><cellXfs><xf numFmtId="x"/><broken',
    )
    assert read(book) == (["Company", "Email"], [["Acme", "5"]])


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        (
            "enc.xlsx",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptionInfo".encode("utf-16-le"),
            "password-protected (encrypted) Excel workbook",
        ),
        (
            "enc.xls",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptionInfo".encode("utf-16-le"),
            "Encrypt with Password",
        ),
        (
            "table.ods",
            lambda: _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
            "OpenDocument spreadsheet",
        ),
        ("doc.numbers", lambda: _zip({"Index/Document.iwa": "x"}), "Apple Numbers"),
        ("book.xlsb", lambda: _zip({"xl/workbook.bin": "x"}), "Excel Binary Workbook (.xlsb)"),
        ("cut.xlsx", lambda: _zip({"xl/workbook.xml": "x" * 5000})[:3000], "damaged or truncated"),
    ],
)
def test_unreadable_workbooks_are_named_with_their_fix(
    tmp_path: Path, name: str, make: object, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make())  # type: ignore[operator]
    with pytest.raises(InputError) as err:
        open_source(str(path))
    assert says in str(err.value)
    assert "unzip it" not in str(err.value)


def _zip(files: dict[str, str]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, t in files.items():
            z.writestr(n, t)
    return buf.getvalue()


def leads_book(path: Path) -> Path:
    """A sheet as people make them: a hidden first sheet, a title above an Excel table with a Total
    row and a filter that hides two rows, a vertical merge, a note typed beside the table."""
    book = xlsxwriter.Workbook(str(path))
    old = book.add_worksheet("Old")
    old.write_row(0, 0, ["Company", "Email"])
    old.write_row(1, 0, ["Stale Inc", "s@stale.example"])
    ws = book.add_worksheet("Leads")
    ws.activate()
    old.hide()
    ws.write(0, 0, "Leads, Q3")  # a title row
    rows = [
        ["Acme", "a@acme.com", 10],
        ["Globex", "g@globex.com", 20],
        ["Hidden One", "h1@x.com", 30],
        ["Hidden Two", "h2@x.com", 40],
        ["Initech", "i@initech.com", 50],
    ]
    ws.add_table(
        2,
        0,
        2 + len(rows) + 1,
        2,
        {
            "data": rows,
            "total_row": True,
            "columns": [
                {"header": "Company", "total_string": "Total"},
                {"header": "Email"},
                {"header": "Score", "total_function": "count"},
            ],
        },
    )
    ws.write_formula(8, 2, "=SUBTOTAL(103,Table1[Score])", None, 3)  # the cached value Excel saves
    ws.set_row(5, None, None, {"hidden": True})  # filtered out
    ws.set_row(6, None, None, {"hidden": True})
    ws.write(7, 4, "call back Monday")  # a note beside the table, under no header
    ws.merge_range(3, 3, 4, 3, "East")  # a region merged over Acme and Globex (a column past the table)
    ws.write(2, 3, "Region")
    book.close()
    # XlsxWriter writes a table's filter without criteria: add Excel's, which hid the two rows.
    _rewrite(
        path,
        "xl/tables/table1.xml",
        lambda xml: re.sub(
            r'<autoFilter ref="([^"]+)"/>',
            r'<autoFilter ref="\1"><filterColumn colId="2"><customFilters>'
            r'<customFilter operator="lessThan" val="30"/><customFilter operator="greaterThan" val="40"/>'
            r"</customFilters></filterColumn></autoFilter>",
            xml,
        ),
    )
    return path


def _rewrite(path: Path, part: str, change: object) -> None:
    """Rewrite one part of a workbook (what Excel writes that XlsxWriter does not)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[part] = change(parts[part].decode()).encode()  # type: ignore[operator]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_sheet_is_read_as_a_person_means_it(use_sandbox: Sandbox, tmp_path: Path) -> None:
    book = leads_book(tmp_path / "leads.xlsx")
    result = invoke("enrich", str(book), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr  # skipped rows are not failures
    out = read_csv("out.csv")
    by_company = {r["Company"]: r for r in out}
    assert "Stale Inc" not in by_company  # the hidden first sheet is not read
    assert [r["Company"] for r in out] == ["Acme", "Globex", "Hidden One", "Hidden Two", "Initech", "Total"]
    assert [r["ls.result"] for r in out] == ["ok", "ok", "skipped", "skipped", "ok", "skipped"]
    assert "Total row" in by_company["Total"]["ls.error"]
    assert "hidden by the sheet's filter" in by_company["Hidden One"]["ls.error"]
    assert by_company["Globex"]["Region"] == "East"  # the merge fills every row it covers
    assert by_company["Initech"]["ls.result"] == "ok"  # the note does not make it invalid
    with open("out.csv", newline="", encoding="utf-8") as fh:
        initech = next(row for row in csv.reader(fh) if row[0] == "Initech")
    assert initech[-1] == "call back Monday"  # kept, after the ls.* columns
    sent = {b["company"]["name"] for b in use_sandbox.stats.received}
    assert sent == {"Acme", "Globex", "Initech"}  # no credit on a skipped row
    assert "the header is row 3" in result.stderr
    assert "2 rows are hidden by the sheet's filter" in result.stderr


def test_include_hidden_and_header_row_and_the_dry_run_counts(use_sandbox: Sandbox, tmp_path: Path) -> None:
    book = leads_book(tmp_path / "leads.xlsx")
    dry = invoke("enrich", str(book), "-o", "dry.csv", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert use_sandbox.stats.received == []
    assert re.search(r"rows skipped\s+│\s+3 ", dry.stderr)  # said before any credit is spent
    assert re.search(r"calls it would make\s+│\s+3 ", dry.stderr)
    result = invoke("enrich", str(book), "-o", "all.csv", "--include-hidden", "--header-row", "3")
    assert result.exit_code == 0, result.stderr
    assert [r["ls.result"] for r in read_csv("all.csv")] == ["ok"] * 5 + ["skipped"]
    hidden = invoke("enrich", str(book), "-o", "old.csv", "--sheet", "Old")
    assert hidden.exit_code == 0, hidden.stderr  # a hidden sheet through --sheet
    assert read_csv("old.csv")[0]["Company"] == "Stale Inc"


def test_an_empty_first_sheet_lists_the_sheets_and_names_sheet(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Cover")
    book.add_worksheet("Leads")  # no sheet holds a table (one that does is read: test_excel)
    book.close()
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 2
    assert "sheet 'Cover', is empty" in result.stderr
    assert "'Cover', 'Leads'" in result.stderr
    assert "--sheet" in result.stderr


def test_a_workbook_from_stdin_is_read(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = leads_book(tmp_path / "leads.xlsx")
    result = invoke("enrich", "-", "--input-format", "xlsx", "-o", "out.csv", input=path.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert len(read_csv("out.csv")) == 6


def test_dates_before_march_1900_and_1904_workbooks_keep_their_day(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "old.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["Company", "Email", "Founded"])
    ws.write_row(1, 0, ["Acme", "a@acme.com"])
    ws.write_number(1, 2, 1, fmt)  # Excel shows 1900-01-01
    book.close()
    result = invoke("enrich", str(path), "-o", "out.xlsx")
    assert result.exit_code == 0, result.stderr
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert read_csv("out.csv")[0]["Founded"] == "1900-01-01"
    wb = openpyxl.load_workbook("out.xlsx")
    cell = wb.worksheets[0]["C2"]
    assert cell.value == dt.datetime(1900, 1, 1)  # the serial 1, as it came
    wb.close()


def test_a_workbook_comes_back_as_shown_and_sends_the_plain_number(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # A person sees "$ 2,000", "12%", "1,234": the output carries that; the API is sent the number.
    path = tmp_path / "shown.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    formats = {f: book.add_format({"num_format": f}) for f in ("#,##0", "$ #,##0", "0%", "00000", "0.00")}
    ws.write_row(0, 0, ["ID", "Company", "Revenue", "Share", "Zip", "Score"])
    ws.write_number(1, 0, 1234, formats["#,##0"])
    ws.write_string(1, 1, "Acme")
    ws.write_number(1, 2, 2000, formats["$ #,##0"])
    ws.write_number(1, 3, 0.125, formats["0%"])
    ws.write_number(1, 4, 2139, formats["00000"])
    ws.write_number(1, 5, 4, formats["0.00"])
    book.close()
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        'external_id = "ID"\n[company]\nname = "Company"\n[company.address]\npostalcode = "Zip"\n'
        '[custom_fields]\nrevenue = "Revenue"\nshare = "Share"\nscore = "Score"\n'
    )
    result = invoke("enrich", str(path), "-o", "out.csv", "--mapping", str(mapping))
    assert result.exit_code == 0, result.stderr
    row = read_csv("out.csv")[0]
    shown = {k: row[k] for k in ("ID", "Revenue", "Share", "Zip", "Score")}
    assert shown == {"ID": "1,234", "Revenue": "$ 2,000", "Share": "13%", "Zip": "02139", "Score": "4.00"}
    sent = use_sandbox.stats.received[0]
    assert sent["external_id"] == "1234"
    assert sent["company"]["address"] == {"postalcode": "02139"}
    custom = {c["name"]: c["value"] for c in sent["custom_fields"]}
    assert custom == {"revenue": "2000", "share": "0.125", "score": "4"}  # as request rules 2 send them


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (50000, "#,##0.00", "50,000.00"),
        (-1234.5, "#,##0.00", "-1,234.50"),
        (2000, "$ #,##0", "$ 2,000"),
        (-5, "$#,##0", "-$5"),
        (10000, "#,##0.00\\ [$EUR]", "10,000.00 EUR"),
        (1234.5, "[$€-407]#,##0.00", "€1,234.50"),
        (0.125, "0%", "13%"),
        (0.00005, "0.00%", "0.01%"),
        (56969.955, "0.00", "56969.96"),  # 15 significant digits, then half away from zero
        (1000.5577, "0", "1001"),
        (1000.5577, "0.0000#", "1000.5577"),
        (0.25, "#.00", ".25"),
        (0.5, "0.00000", "0.50000"),
        (4.51119775197299, "0.0_);[Red]\\(0.000\\)", "4.5 "),
        (-9.03233986479077, "0.0_);[Red]\\(0.000\\)", "(9.032)"),
        (0, "#,##0.00;(#,##0.00);\\-", "-"),
        (-2, "#,##0.000;[Red]-#,##0.000", "-2.000"),
        (1234567, "#,##0,", "1,235"),
        (1234567, '0.0,,"M"', "1.2M"),
        (12345.6789, "0.00E+00", "1.23E+04"),
        (0.000123, "0.00E+00", "1.23E-04"),
        (12345.6789, "##0.0E+0", "12.3E+3"),
        (12345.6789, "# ?/?", "12345 2/3"),
        (12345.6789, "# ??/??", "12345 55/81"),
        (3.75, "# ?/4", "3 3/4"),
        (150, '[>=100]#,##0" big";0', "150 big"),
        (5, '"$"General', "$5"),
        (12345.6789, "@", "12345.6789"),
        (68.66499999999999, "General", "68.665"),
        (2139, "00000", "02139"),
        (1, "yyyy-mm-dd", "1900-01-01"),  # dates stay ISO dates
    ],
)
def test_a_number_is_shown_by_its_format_as_excel_shows_it(value: float, fmt: str, shown: str) -> None:
    from leadspace_cli.formats.xlsx import cell_text

    assert cell_text(value, fmt) == shown


def test_a_mac_workbooks_1904_calendar_survives_its_extension(tmp_path: Path) -> None:
    # Excel for Mac writes <workbookPr date1904="1"/> and, in an extension, another workbookPr that
    # says nothing of the calendar: it turned the calendar back to 1900 (dates 4 years early).
    ext = (
        '<extLst><ext uri="{79F54976-1DA5-4618-B147-4CDE4B953A38}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        '<x14:workbookPr defaultImageDpi="32767"/></ext></extLst>'
    )
    styles = (
        f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
        "</styleSheet>"
    )
    book = raw_book(
        tmp_path / "mac.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Since</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2" s="1"><v>41331</v></c></row>',
        styles=styles,
        book_props='<workbookPr date1904="1"/>',
        book_ext=ext,
    )
    assert read(book) == (["Company", "Since"], [["Acme", "2017-02-27"]])


def test_a_formulas_error_values_are_not_a_header(tmp_path: Path) -> None:
    # Two #VALUE! cells made the last row "the first with two text cells": every row above it was
    # taken for a title and nothing was read.
    book = raw_book(
        tmp_path / "errors.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c><c r="B1"><v>7</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B3" t="e"><v>#N/A</v></c></row>',
    )
    assert read(book) == (["Company", "7"], [["Acme", "1"], ["#DIV/0!", "#N/A"]])


def test_rows_a_filter_hides_are_skipped_and_rows_hidden_by_hand_enriched(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # Excel's own line: a copy of a filtered range leaves out the rows the filter hides, and keeps
    # rows hidden by hand. A filter is a choice of rows; a row hidden by hand (or in a collapsed
    # group) is still a row of the table.
    path = tmp_path / "hidden.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Leads")
    ws.write_row(0, 0, ["Company", "Region"])
    rows = [["Acme", "East"], ["Globex", "West"], ["Initech", "East"], ["Umbrella", "West"]]
    for i, row in enumerate(rows, start=1):
        ws.write_row(i, 0, row)
    ws.autofilter(0, 0, 4, 1)
    ws.filter_column(1, "Region == East")
    ws.set_row(2, None, None, {"hidden": True})  # Globex: filtered out
    ws.set_row(4, None, None, {"hidden": True})  # Umbrella: filtered out
    ws.write_row(6, 0, ["Hooli", "North"])  # below the filter's range, hidden by hand
    ws.set_row(6, None, None, {"hidden": True})
    book.close()
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    got = {r["Company"]: (r["ls.result"], r["ls.error"]) for r in read_csv("out.csv")}
    assert got["Acme"][0] == got["Initech"][0] == got["Hooli"][0] == "ok"
    assert got["Globex"][0] == got["Umbrella"][0] == "skipped"
    assert "hidden by the sheet's filter" in got["Globex"][1]
    assert {b["company"]["name"] for b in use_sandbox.stats.received} == {"Acme", "Initech", "Hooli"}
    assert "2 rows are hidden by the sheet's filter" in result.stderr
    assert "1 row (7) is hidden by hand, not by a filter: enriched" in result.stderr


def test_rows_hidden_by_hand_inside_a_filter_that_filters_nothing_are_enriched(tmp_path: Path) -> None:
    # A filter's buttons without criteria hide nothing: a hidden row under them was hidden by hand.
    data = "".join(
        f'<row r="{n}"{h}><c r="A{n}" t="inlineStr"><is><t>{c}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>{e}</t></is></c></row>'
        for n, h, c, e in [
            (1, "", "Company", "Email"),
            (2, "", "Acme", "a@acme.com"),
            (3, ' hidden="1"', "Globex", "g@globex.com"),
        ]
    )
    book = raw_book(tmp_path / "buttons.xlsx", data, sheet_after='<autoFilter ref="A1:B3"/>')
    with open_source(str(book)) as src:
        assert [r.skip for r in src.rows] == [None, None]
        assert "1 row (3) is hidden by hand" in " ".join(src.notes)
    # The same rows under Excel's Advanced Filter: the sheet in filter mode, its range a defined name.
    filtered = raw_book(
        tmp_path / "advanced.xlsx",
        data,
        sheet_before='<sheetPr filterMode="1"/>',
        book_ext='<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        "Leads!$A$1:$B$3</definedName></definedNames>",
    )
    with open_source(str(filtered)) as src:
        skips = [r.skip for r in src.rows]
    assert skips[0] is None
    assert "hidden by the sheet's filter" in str(skips[1])


def test_a_row_naming_a_field_below_rows_as_wide_is_no_header(tmp_path: Path) -> None:
    """A directory whose own header names no field the tool knows alone ("Nombre completo", "Email de
    la empresa") and whose 25th row's department is "Web": the first row stays the header, not row 25."""
    path = tmp_path / "directorio.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nombre completo", "Departamento", "Posición", "Email de la empresa", "Celular personal"])
    for i in range(24):
        department = "Web" if i == 23 else "Ventas"
        sheet.append([f"Ana Ruiz {i}", department, "Gerente", f"ana{i}@acme.example", f"555-010{i}"])
    book.save(path)
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns[0] == "Nombre completo"
    # Guard: a title of one cell over the header still gives way to the header below it.
    titled = tmp_path / "titled.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Leads export 2026"])
    sheet.append([])
    sheet.append(["First Name", "Last Name", "Email", "Company"])
    sheet.append(["Ann", "Lee", "ann@acme.example", "Acme"])
    book.save(titled)
    with open_source(str(titled), header_hint=names_a_field) as source:
        assert source.columns == ["First Name", "Last Name", "Email", "Company"]


def test_a_template_s_instruction_rows_above_its_header_are_no_header(tmp_path: Path) -> None:
    """The review's template: "Required" and "Text (max 40)" rows above a header naming every field."""
    path = tmp_path / "template.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Required", "Required", "Optional", "Optional"])
    sheet.append(["Text (max 40)", "Text (max 40)", "Text (an address)", "Text"])
    sheet.append(["First Name", "Last Name", "Email", "Company"])
    sheet.append(["Ann", "Lee", "ann@acme.example", "Acme"])
    book.save(path)
    with open_source(str(path), header_hint=names_a_field) as source:
        assert source.columns == ["First Name", "Last Name", "Email", "Company"]
