"""Real files from real tools: Excel's CSV dialects and last month's output enriched again."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from leadspace_cli.formats.sources import open_source
from leadspace_cli.sandbox import Sandbox
from tests.conftest import SAMPLES, invoke, read_csv, read_jsonl


def read_as_excel(path: str, delimiter: str = ",") -> list[dict[str, str]]:
    """Read an output as Excel opens a CSV: it must start with a UTF-8 BOM (else Excel guesses the
    code page: mojibake) and be separated by ``delimiter``."""
    data = Path(path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), data[:20]
    text = data[3:].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


GERMAN = (
    "Firma;Vorname;Nachname;E-Mail\nMüller GmbH;Jörg;Müller;jm@mueller.example\nAcme;Ada;L;a@acme.example\n"
)


def test_a_semicolon_csv_from_excel_is_read_as_columns(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(GERMAN.encode("cp1252"))
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert "separated by ';'" in result.stderr
    # Written back the way it came: ";" and (for the same Excel to open it) UTF-8 with a BOM.
    rows = read_as_excel("out.csv", ";")
    assert rows[0]["Firma"] == "Müller GmbH"
    assert [r["ls.result"] for r in rows] == ["ok", "ok"]
    # Calls go at once: the request of the first row is among those received, not always the first.
    assert {"name": "Müller GmbH"} in [body["company"] for body in use_sandbox.stats.received]


def test_excels_sep_hint_line_is_honoured(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("sep=|\nCompany|City\nAcme, Inc.|Boston\n", encoding="utf-8")
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    rows = read_as_excel("out.csv", "|")
    assert rows[0]["Company"] == "Acme, Inc."
    assert list(rows[0])[:2] == ["Company", "City"]


def test_excels_unicode_text_is_read(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes("Company\tCity\r\nZoë Ltd\tMünchen\r\n".encode("utf-16"))  # BOM, little-endian
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert "UTF-16" in result.stderr
    # A tab is TSV's: out.csv is comma-separated, with a BOM as the input had one.
    assert read_as_excel("out.csv")[0]["Company"] == "Zoë Ltd"
    assert read_as_excel("out.csv")[0]["City"] == "München"


def test_utf16_without_its_bom_is_read_and_a_wide_encoding_on_utf8_is_named(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    text = "First Name,Last Name,Email,Company\r\nZoë,Lee,zoe@acme.com,Müller GmbH\r\n"
    for codec, order in (("utf-16-le", "little"), ("utf-16-be", "big")):
        path = tmp_path / f"{codec}.csv"
        path.write_bytes(text.encode(codec))  # no byte-order mark, as some exporters write it
        result = invoke("enrich", str(path), "-o", f"{codec}-out.csv")
        assert result.exit_code == 0, result.stderr
        assert f"UTF-16 text ({order}-endian) without a byte-order mark" in result.stderr
        assert use_sandbox.stats.received[-1]["company"]["name"] == "Müller GmbH"
        # Named by the user, the same encoding is taken at its word (the zero bytes are its text).
        result = invoke("enrich", str(path), "-o", f"{codec}-named.csv", "--encoding", codec[:6] + codec[7:])
        assert result.exit_code == 0, result.stderr
        assert read_as_excel(f"{codec}-named.csv")[0]["First Name"] == "Zoë"
    utf8 = tmp_path / "plain.csv"
    utf8.write_text(text, encoding="utf-8")
    for encoding in ("utf-16le", "utf-16", "utf-32"):
        bad = invoke("enrich", str(utf8), "-o", "x.csv", "--encoding", encoding)
        assert bad.exit_code == 2
        assert f"plain.csv is not {encoding} text: it has no zero bytes" in bad.stderr
        assert "Leave --encoding out" in bad.stderr


def test_flags_still_win_over_detection(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Company;Note\nAcme;x,y,z\n", encoding="utf-8")
    result = invoke("enrich", str(path), "-o", "out.csv", "--delimiter", ",")
    assert result.exit_code == 2  # one column "Company;Note": nothing to map
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Company\nCafé\n".encode("latin-1"))
    forced = invoke("enrich", str(latin), "-o", "l.csv", "--encoding", "cp1252")
    assert forced.exit_code == 0
    assert read_as_excel("l.csv")[0]["Company"] == "Café"


def test_utf_8_with_a_few_windows_1252_lines_reads_each_line_as_written(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # Exports joined: UTF-8 rows, then one row from a Windows tool. Each is sent and written back as
    # it was written, not the UTF-8 rows as Windows-1252 ("JosÃ©").
    path = tmp_path / "joined.csv"
    utf8 = "First Name,Last Name,Email,Company\n" + "".join(
        f"José,Müller,j{i}@d{i}.example,Société {i}\n" for i in range(5)
    )
    path.write_bytes(utf8.encode() + "René,Dupont,rene@cafe.example,Café Roy\n".encode("cp1252"))
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert "line 7" in result.stderr
    rows = read_as_excel("out.csv")
    assert [r["First Name"] for r in rows] == ["José"] * 5 + ["René"]
    assert rows[-1]["Company"] == "Café Roy"
    sent = {body["company"]["name"] for body in use_sandbox.stats.received}
    assert {"Société 0", "Café Roy"} <= sent
    # Guard: a file wholly in Windows-1252 is read so, as before.
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Company,City\nCafé Müller,Köln\nAçaí,Zürich\n".encode("cp1252"))
    result = invoke("enrich", str(latin), "-o", "l.csv")
    assert "Windows-1252" in result.stderr
    assert read_as_excel("l.csv")[1]["City"] == "Zürich"


def test_a_file_that_is_not_text_is_named_never_shown(use_sandbox: Sandbox, tmp_path: Path) -> None:
    import random

    draw = random.Random(7)
    noise = bytes(draw.randrange(256) for _ in range(3000))
    for name, data, said in (
        ("photo.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + noise, "a JPEG image"),
        ("shot.csv", b"\x89PNG\r\n\x1a\n" + noise, "a PNG image"),
        ("report.csv", b"%PDF-1.4\n1 0 obj\n", "a PDF"),
        ("report.xlsx", b"%PDF-1.4\n1 0 obj\n", "is a PDF, not a workbook"),  # was "its content is text"
        ("empty.xlsx", b"", "is empty (0 bytes): it is no workbook"),  # was "its content is text"
        ("noise.csv", noise, "does not look like text"),
    ):
        (tmp_path / name).write_bytes(data)
        result = invoke("enrich", str(tmp_path / name), "-o", "out.csv")
        assert result.exit_code == 2, name
        assert said in result.stderr, result.stderr
        assert "columns are" not in result.stderr  # its bytes are never shown as column names
    assert use_sandbox.stats.calls == 0
    # A file of one long line: its "column name" is cut when shown.
    (tmp_path / "line.csv").write_text("x" * 5000 + "\nyes\n")
    result = invoke("enrich", str(tmp_path / "line.csv"), "-o", "out.csv")
    assert result.exit_code == 2
    assert "(5,000 characters)" in result.stderr
    assert "x" * 100 not in result.stderr
    # Guard: a small CSV with a control character in a cell is text.
    (tmp_path / "nul.csv").write_bytes(b"Company,Code\nAcme,\x00x\n")
    assert invoke("enrich", str(tmp_path / "nul.csv"), "-o", "nul-out.csv").exit_code == 0


def test_mac_excel_s_csv_macintosh_is_read_as_mac_roman(use_sandbox: Sandbox, tmp_path: Path) -> None:
    text = "First Name,Last Name,Email,Company\nJosé,Müller,j@x.example,Société Générale\n"
    (tmp_path / "mac.csv").write_bytes(text.encode("mac_roman"))
    result = invoke("enrich", str(tmp_path / "mac.csv"), "-o", "mac-out.csv")
    assert result.exit_code == 0, result.stderr
    assert "Mac Roman" in result.stderr
    row = read_csv("mac-out.csv")[0]
    assert (row["First Name"], row["Company"]) == ("José", "Société Générale")
    assert use_sandbox.stats.received[-1]["person"]["last_name"] == "Müller"
    # Guards: the same text in Windows-1252 is read as Windows-1252, and so is one whose only
    # accents are curly apostrophes (Mac Roman would read O’Brien as OíBrien).
    (tmp_path / "win.csv").write_bytes(text.encode("cp1252"))
    result = invoke("enrich", str(tmp_path / "win.csv"), "-o", "win-out.csv")
    assert "Windows-1252" in result.stderr
    assert read_csv("win-out.csv")[0]["Last Name"] == "Müller"
    quotes = "First Name,Last Name,Email,Company\n"
    quotes += "Sean,O’Brien,s@x.example,McDonald’s\nDee,D’Arcy,d@y.example,Beta – Two\n"
    (tmp_path / "quotes.csv").write_bytes(quotes.encode("cp1252"))
    assert invoke("enrich", str(tmp_path / "quotes.csv"), "-o", "quotes-out.csv").exit_code == 0
    assert read_csv("quotes-out.csv")[0]["Last Name"] == "O’Brien"


def test_a_report_s_title_above_a_csv_header_is_skipped(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # A report export: its title, a blank line, then the header (Excel pads the title with commas).
    for name, top in (
        ("title.csv", "Leads export 2024-05-01\r\n\r\n"),
        ("padded.csv", "Report: Leads,,,\n,,,\n"),
    ):
        path = tmp_path / name
        path.write_text(top + "First Name,Last Name,Email,Company\nAva,Smith,ava@acme.example,Acme\n")
        result = invoke("enrich", str(path), "-o", "out.csv")
        assert result.exit_code == 0, result.stderr
        assert "the header is line 3" in result.stderr
        assert read_csv("out.csv")[0]["Company"] == "Acme"
    # --header-row names the line, in a CSV as in a workbook; past the end it is refused.
    path = tmp_path / "notes.csv"
    notes = "Exported by Acme CRM\nFilter: all leads\nowner: me\n"
    path.write_text(notes + "First Name,Email,Company\nAva,a@acme.example,Acme\n")
    result = invoke("enrich", str(path), "-o", "out.csv", "--header-row", "4")
    assert result.exit_code == 0, result.stderr
    assert read_csv("out.csv")[0]["Email"] == "a@acme.example"
    assert invoke("enrich", str(path), "-o", "out.csv", "--header-row", "9").exit_code == 2
    # Guards: a one-column file's header, and a lone column name over rows of data, stay the header.
    one = tmp_path / "one.csv"
    one.write_text("Company Name\nAcme Inc\nBeta LLC\n")
    result = invoke("enrich", str(one), "-o", "one-out.csv")
    assert result.exit_code == 0, result.stderr
    assert [r["Company Name"] for r in read_csv("one-out.csv")] == ["Acme Inc", "Beta LLC"]
    # Under a title with no delimiter, a header of semicolons or tabs is found by its own (German
    # Excel's; a tab-separated report).
    for name, text in (
        (
            "semi.csv",
            "Leads export 2024-05-01\nVorname;Nachname;E-Mail;Firma\nAnna;Schmidt;a@acme.example;Acme\n",
        ),
        (
            "tabs.csv",
            "Leads export\n\nFirst Name\tLast Name\tEmail\tCompany\nAva\tSmith\ta@acme.example\tAcme\n",
        ),
    ):
        (tmp_path / name).write_text(text)
        result = invoke("enrich", str(tmp_path / name), "-o", f"{name}-out.csv")
        assert result.exit_code == 0, result.stderr
        assert "opens with a title" in result.stderr
        assert use_sandbox.stats.received[-1]["company"]["name"] == "Acme"
    # A date line with commas under the title is no header (it names no field); nor is a row of a
    # one-column list that holds commas: the file's own header and rows stay.
    dated = tmp_path / "dated.csv"
    top = "Leads report\nGenerated May 1, 2024, 10:00 AM\n"
    dated.write_text(top + "First Name,Last Name,Email,Company\nAva,Smith,a@acme.example,Acme\n")
    result = invoke("enrich", str(dated), "-o", "dated-out.csv")
    assert result.exit_code == 0, result.stderr
    assert "the header is line 3" in result.stderr
    listed = tmp_path / "listed.csv"
    listed.write_text("Company Name\nAcme Corp\nSmith, Jones and Partners, LLP\nBeta Ltd\n")
    result = invoke("enrich", str(listed), "-o", "listed-out.csv")
    assert result.exit_code == 0, result.stderr
    assert "title" not in result.stderr
    assert [r["Company Name"] for r in read_csv("listed-out.csv")][::2] == ["Acme Corp", "Beta Ltd"]


def test_an_accounting_formats_metadata_line_is_no_header(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # DATEV's export (Debitoren/Kreditoren) opens with its "EXTF" line: format, version, dates,
    # client numbers; the header is line 2.
    meta = (
        '"EXTF";700;16;Debitoren/Kreditoren;5;20240402093117;;SV;buchhaltung@acme.example;;29098;;55003;;EUR'
    )
    header = "Konto;Name (Adressatentyp Unternehmen);Straße;Postleitzahl;Ort;Land;E-Mail;Internet"
    row = "10001;Lindner Maschinenbau GmbH;Hauptstr. 1;80331;München;DE;info@lindner.example;lindner.example"
    path = tmp_path / "EXTF_Debitoren.csv"
    path.write_text(f"{meta}\n{header}\n{row}\n", encoding="utf-8")
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert (
        "opens with a line of metadata ('EXTF, 700, 16, Debitoren/Kreditoren, 5, ...'): the header is line 2"
        in (result.stderr)
    )
    sent = use_sandbox.stats.received[-1]
    assert sent["company"]["name"] == "Lindner Maschinenbau GmbH"
    assert sent["company"]["address"]["city"] == "München"
    # Guard: a header over rows of numbers is the header (a line of numbers below it is a row).
    plain = tmp_path / "ids.csv"
    plain.write_text("Account ID,Company,Employees,Revenue,Zip\n1001,Acme,250,1000000,02139\n")
    result = invoke("enrich", str(plain), "-o", "ids-out.csv")
    assert result.exit_code == 0, result.stderr
    assert "metadata" not in result.stderr
    assert use_sandbox.stats.received[-1]["company"]["name"] == "Acme"


def test_a_csv_output_keeps_the_delimiter_and_bom_and_explicit_output_options_win(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("\ufeffCompany;City\nAcme, Inc.;Köln\n".encode())  # Excel's CSV UTF-8
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert read_as_excel("out.csv", ";")[0]["City"] == "Köln"
    assert invoke("enrich", str(path), "-o", "out.tsv").exit_code == 0
    assert Path("out.tsv").read_bytes().startswith(b"Company\tCity\t")  # TSV: tabs, no BOM
    assert invoke("enrich", str(path), "-o", "out.txt", "--output-format", "tsv").exit_code == 0
    assert "\t" in Path("out.txt").read_text().splitlines()[0]
    plain = tmp_path / "plain.csv"
    plain.write_text("Company,City\nAcme,Boston\n", encoding="utf-8")
    assert invoke("enrich", str(plain), "-o", "plain_out.csv").exit_code == 0
    assert Path("plain_out.csv").read_bytes().startswith(b"Company,City,ls.")  # as it came: no BOM


def test_a_csv_that_starts_with_blank_lines_is_read(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("\n\n,,\nCompany,City\nAcme,Boston\n", encoding="utf-8")
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert "starts with 3 blank lines" in result.stderr
    assert read_csv("out.csv")[0]["Company"] == "Acme"


def test_a_header_comes_back_as_written_and_a_mapping_names_it_trimmed(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # A space after the comma, or typed after a name, is part of the header the person wrote.
    path = tmp_path / "export.csv"
    path.write_text('ID, Company,City \n1, "Acme",Boston\n', encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[company]\nname = "Company"\n', encoding="utf-8")
    result = invoke("enrich", str(path), "-o", "out.csv", "--mapping", str(mapping))
    assert result.exit_code == 0, result.stderr
    with open("out.csv", newline="", encoding="utf-8") as fh:
        header, row = list(csv.reader(fh))[:2]
    assert header[:3] == ["ID", " Company", "City "]
    assert row[:3] == ["1", ' "Acme"', "Boston"]  # a quote after a space is a character (RFC 4180)
    assert use_sandbox.stats.received[0]["company"] == {"name": '"Acme"'}
    assert invoke("enrich", str(path), "-o", "out.jsonl", "--mapping", str(mapping)).exit_code == 0
    assert list(read_jsonl("out.jsonl")[0])[:3] == ["ID", " Company", "City "]


@pytest.mark.parametrize(
    ("text", "encoding", "read_as"),
    [
        ("id,name\n1,Λεωνιδας\n2,Αλεξανδρος\n3,Μυρων\n", "iso-8859-7", "Greek"),
        ("Όνομα,Πόλη\nΓιώργος Παπαδόπουλος,Αθήνα\nΜαρία,Θεσσαλονίκη\n", "cp1253", "Greek"),
        ("Имя,Город\nИван Петров,Москва\nМария Смирнова,Новосибирск\n", "cp1251", "Cyrillic"),
        ("Имя,Город\nИван Петров,Москва\nМария Смирнова,Новосибирск\n", "koi8-r", "Cyrillic"),
        ("Name,Stadt\nJürgen Müller,Köln\nSøren Ærø,Århus\nÀ la carte,Ça va\n", "cp1252", "Windows-1252"),
        # Excel's CSV in Japanese, Chinese and Korean Windows (kintone's, Outlook's Traditional Chinese).
        (
            "会社名,担当者名,メールアドレス\n株式会社山田塗装,山田 正樹,info@yamada.example\n"
            "有限会社ミドリ,鈴木 花子,hanako@midori.example\n",
            "cp932",
            "Japanese (Shift_JIS)",
        ),
        (
            "名字,姓氏,公司,職稱\n志明,陳,振興精密工業股份有限公司,業務經理\n淑芬,林,台灣電子股份有限公司,採購專員\n",
            "cp950",
            "Traditional Chinese (Big5)",
        ),
        (
            "名字,姓氏,公司,职务\n伟,张,北京华信科技有限公司,销售经理\n娜,李,上海东方贸易有限公司,采购主管\n",
            "gb18030",
            "Simplified Chinese (GBK)",
        ),
        (
            "이름,성,회사,직함\n민수,김,삼성전자 주식회사,영업 과장\n지은,박,현대자동차 주식회사,구매 담당\n",
            "cp949",
            "Korean (EUC-KR)",
        ),
    ],
)
def test_a_csv_in_another_scripts_code_page_is_read_in_it(
    tmp_path: Path, text: str, encoding: str, read_as: str
) -> None:
    # Read as Windows-1252, "Λεωνιδας" in ISO-8859-7 was "Ëåùíéäáò": sent, and written back so.
    path = tmp_path / "names.csv"
    path.write_bytes(text.encode(encoding))
    with open_source(str(path), prescan=True) as src:
        got = [src.columns, *(list(r.cells) for r in src.rows)]
        notes = " ".join(src.notes)
    assert got == list(csv.reader(io.StringIO(text)))
    assert read_as in notes
    assert "--encoding" in notes


@pytest.mark.slow
def test_enriching_an_enriched_csv_gives_the_same_header_and_sends_no_ls_column(
    use_sandbox: Sandbox,
) -> None:
    assert invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "first.csv").exit_code == 0
    calls = use_sandbox.stats.calls
    again = invoke("enrich", "first.csv", "-o", "second.csv")
    assert again.exit_code == 0, again.stderr
    assert "ls.* columns of an earlier run" in again.stderr
    first, second = (
        Path("first.csv").read_text().splitlines()[0],
        Path("second.csv").read_text().splitlines()[0],
    )
    assert second == first  # one set of ls.* columns
    assert read_csv("second.csv") == read_csv("first.csv")
    assert use_sandbox.stats.calls == calls  # recent answers are reused: nothing bought again
    assert not any(k.startswith("ls") for body in use_sandbox.stats.received for k in json.dumps(body))


@pytest.mark.slow
def test_an_ls_column_cannot_be_mapped_and_sent(use_sandbox: Sandbox, tmp_path: Path) -> None:
    assert invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "first.csv").exit_code == 0
    m = tmp_path / "m.toml"
    m.write_text('[company]\nname = "ls.company.name"\n')
    result = invoke("enrich", "first.csv", "-o", "second.csv", "--mapping", str(m))
    assert result.exit_code == 2
    assert "no such column" in result.stderr


@pytest.mark.slow
def test_enriching_an_enriched_jsonl_keeps_one_ls_object(use_sandbox: Sandbox) -> None:
    assert invoke("enrich", str(SAMPLES / "accounts.jsonl"), "-o", "first.jsonl").exit_code == 0
    assert invoke("enrich", "first.jsonl", "-o", "second.jsonl").exit_code == 0
    assert read_jsonl("second.jsonl") == read_jsonl("first.jsonl")


def test_a_salesforce_report_footer_is_never_sent(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text(
        '\ufeff"Account Name","First Name","Last Name","Email"\n'
        '"Acme","Ada","L","a@acme.example"\n'
        '"Globex","Bo","M","b@globex.example"\n'
        "\n"
        '"Total",,,\n'
        '"Confidential Information - Do Not Distribute",,,\n'
        '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.",,,\n'
        '"Lead Report",,,\n'  # the report's name and the org that ran it: footer too (skeptic pass 20)
        '"MyCorp Inc.",,,\n',
        encoding="utf-8",
    )
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    rows = read_csv("out.csv")
    assert [r["ls.result"] for r in rows] == ["ok", "ok"] + ["skipped"] * 5  # not leads, no credit
    assert "report footer" in rows[3]["ls.error"]
    assert "'MyCorp Inc.'" in rows[6]["ls.error"]
    assert len(use_sandbox.stats.received) == 2  # the footer was not sent as a company


def test_linkedin_connections_notes_before_the_header_are_skipped(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "Notes:\n"
        '"When exporting your connection data, you may notice that some email addresses are missing."\n'
        "\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@acme.example,Acme,CTO,01 Jan 2024\n",
        encoding="utf-8",
    )
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    [row] = read_csv("out.csv")
    assert row["Company"] == "Acme"
    assert row["ls.result"] == "ok"
    assert use_sandbox.stats.received[0]["person"]["title"] == "CTO"


def test_a_workbook_given_as_csv_gets_a_message_not_its_bytes(use_sandbox: Sandbox, tmp_path: Path) -> None:
    import zipfile

    book = tmp_path / "leads.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>" + "\x01\x02" * 50)
    import shutil

    shutil.copy(book, tmp_path / "leads.csv")  # the same bytes under a CSV name
    for name in (book, tmp_path / "leads.csv"):
        result = invoke("enrich", str(name), "-o", "out.csv")
        assert result.exit_code == 2
        assert "Excel workbook" in result.stderr
        assert "PK" not in result.stderr
        assert "workbook.xml" not in result.stderr


def test_a_one_column_file_headed_notes_keeps_its_rows(tmp_path: Path) -> None:
    # "Notes:" opens LinkedIn's exports above a blank line; with no blank line after it, it is the
    # header of a one-column file, and every row is read, with its line number.
    from leadspace_cli.formats.sources import open_source

    path = tmp_path / "notes.csv"
    path.write_text('Notes:\ncall back\n"two\nlines"\nsent,aside\n', encoding="utf-8")
    with open_source(str(path)) as source:
        assert source.columns == ["Notes:"]
        rows = list(source.rows)
    assert [list(r.cells) for r in rows] == [["call back"], ["two\nlines"], ["sent"]]
    assert (rows[2].problem or "").startswith("line 5 has 2 cells"), rows[2].problem
