"""A skeptical user's twenty-fourth pass: each test fails on acfa0b5, the code before its fix."""

from __future__ import annotations

import csv
import errno
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from leadspace_cli.cli.core import _boundary
from leadspace_cli.sandbox import Sandbox
from tests.conftest import cli_env, invoke, read_csv, write_csv

HEADER = ["Lead ID", "First Name", "Last Name", "Email", "Company", "Industry"]
ROWS = [
    [f"I{i}", f"Ina{i}", f"Dus{i}", f"ina{i}@ind{i}.example", f"Ind{i} Co", f"Our segment {i}"]
    for i in range(5)
]
MAPPING = (
    '[person]\nfirst_name = "First Name"\nlast_name = "Last Name"\nemail = "Email"\n'
    '[company]\nname = "Company"\n'
)


def test_a_result_column_renamed_to_one_of_the_users_columns_is_refused(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # `"ls.result" = "Industry"` dropped the user's own Industry column (it was taken for an earlier
    # output's result column) and wrote the results in its place: exit 0, nothing said under -q.
    write_csv(tmp_path / "in.csv", HEADER, ROWS)
    (tmp_path / "m.toml").write_text(MAPPING + '[output]\n"ls.result" = "Industry"\n')
    result = invoke(
        "enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "-q", "--mapping", str(tmp_path / "m.toml")
    )
    assert result.exit_code == 2
    assert "'Industry', which is one of the input's own columns" in result.stderr
    assert use_sandbox.stats.calls == 0


def test_guard_an_earlier_output_with_its_renamed_result_column_is_enriched_again(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    write_csv(tmp_path / "in.csv", HEADER, ROWS)
    (tmp_path / "m.toml").write_text(MAPPING + '[output]\n"ls.result" = "Result"\n')
    args = ("--mapping", str(tmp_path / "m.toml"), "--columns", "ls.result")
    assert invoke("enrich", str(tmp_path / "in.csv"), "-o", "first.csv", *args).exit_code == 0
    result = invoke("enrich", "first.csv", "-o", "second.csv", *args)
    assert result.exit_code == 0, result.stderr
    rows = read_csv("second.csv")
    assert [r["Result"] for r in rows] == ["ok"] * 5
    assert [r["Industry"] for r in rows] == [r[5] for r in ROWS]


def test_two_answer_columns_of_one_name_are_refused(use_sandbox: Sandbox, tmp_path: Path) -> None:
    write_csv(tmp_path / "in.csv", HEADER, ROWS)
    (tmp_path / "m.toml").write_text(
        MAPPING + '[output]\n"ls.result" = "Result"\n"ls.http_status" = "Result"\n'
    )
    result = invoke(
        "enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--mapping", str(tmp_path / "m.toml")
    )
    assert result.exit_code == 2
    assert 'both named "Result"' in result.stderr
    assert use_sandbox.stats.calls == 0


@pytest.mark.parametrize("key", ["\u200b", "€", " "])
def test_a_key_pasted_with_a_character_no_key_has_is_a_settings_error(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    # Every row was `failed` with a UnicodeEncodeError, exit 1 "run again"; `auth check` said "a bug".
    monkeypatch.setenv("LEADSPACE_API_KEY", use_sandbox.key[:6] + key + use_sandbox.key[6:])
    write_csv(tmp_path / "in.csv", HEADER, ROWS)
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv")
    assert result.exit_code == 2
    assert f"U+{ord(key):04X}" in result.stderr
    assert "character 7 of" in result.stderr
    assert use_sandbox.key not in result.stderr
    assert use_sandbox.stats.calls == 0
    checked = invoke("auth", "check")
    assert checked.exit_code == 2
    assert "Copy the key again" in checked.stderr


@pytest.mark.parametrize("spelled", [lambda k: k, lambda k: "%" + f"{ord(k[0]):02X}" + k[1:]])
def test_a_base_url_holding_the_key_is_refused_without_showing_it(
    use_sandbox: Sandbox, tmp_path: Path, spelled: object
) -> None:
    # The key pasted into the URL was printed in the "Calling ..." line, by `auth check` and in --report.
    url = f"{use_sandbox.url}/{spelled(use_sandbox.key)}"  # type: ignore[operator]
    write_csv(tmp_path / "in.csv", HEADER, ROWS)
    result = invoke(
        "enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--base-url", url, "--report", "r.json"
    )
    assert result.exit_code == 2
    assert "holds LEADSPACE_API_KEY" in result.stderr
    assert use_sandbox.key not in result.stderr + result.stdout
    assert not Path("r.json").exists()  # refused before anything is written
    checked = invoke("auth", "check", "--base-url", url)
    assert checked.exit_code == 2
    assert use_sandbox.key not in checked.stderr + checked.stdout


def test_a_full_disk_is_the_machines_trouble_not_a_bug(capsys: pytest.CaptureFixture[str]) -> None:
    # "Internal error: OSError: [Errno 28] No space left on device ... a bug in leadspace", exit 6.
    with pytest.raises(typer.Exit) as stopped, _boundary():
        raise OSError(errno.ENOSPC, "No space left on device")
    assert stopped.value.exit_code == 5
    said = capsys.readouterr().err
    assert "No space left on device" in said
    assert "bug" not in said
    assert "run the same command again" in said
    with pytest.raises(typer.Exit) as bug, _boundary():
        raise OSError(errno.EBADF, "Bad file descriptor")
    assert bug.value.exit_code == 6  # any other OSError is still one of ours


def test_gzipped_json_lines_are_json_lines_whatever_the_channel(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # Read as CSV, its JSON fragments listed as columns, with a hint about --header-row.
    lines = [
        {"id": i, "person": {"first_name": f"A{i}", "last_name": "Jsonl", "email": f"a{i}@acme.example"}}
        for i in range(3)
    ]
    data = gzip.compress("".join(json.dumps(x) + "\n" for x in lines).encode())
    piped = subprocess.run(
        [sys.executable, "-m", "leadspace_cli", "enrich", "-", "-o", "piped.csv"],
        input=data,
        env=cli_env(use_sandbox, tmp_path),
        capture_output=True,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    (tmp_path / "n.gz").write_bytes(data)
    named = invoke("enrich", str(tmp_path / "n.gz"), "-o", "named.csv")
    assert named.exit_code == 0, named.stderr
    for out in ("piped.csv", "named.csv"):
        assert [r["ls.result"] for r in read_csv(out)] == ["ok"] * 3


def test_an_output_under_a_file_says_it_is_a_file(use_sandbox: Sandbox, tmp_path: Path) -> None:
    write_csv(tmp_path / "in.csv", HEADER, ROWS)
    Path("a.csv").write_text("x\n")
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "a.csv/out.csv")
    assert result.exit_code == 2
    assert "a.csv is a file, not a folder" in result.stderr


def test_a_title_above_a_two_line_header_leaves_both_read(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # Together (each alone was read) the group line was taken for the header: the names' line went out
    # as a row (company "Name", a paid call) and no person's field was sent.
    lines = ["Q4 leads", "Contact,,,Company,", "First,Last,Email,Name,Website"]
    lines += [f"Tc{i},Gr{i},tc{i}@tg{i}.example,TG{i} Corp,tg{i}.example" for i in range(5)]
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n")
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    rows = read_csv("out.csv")
    assert [r["Contact First"] for r in rows] == [f"Tc{i}" for i in range(5)]
    assert use_sandbox.stats.calls == 5
    assert all(body["person"]["email"].endswith(".example") for body in use_sandbox.stats.received)


def test_a_workbooks_merged_groups_under_a_title_end_where_their_merges_end(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    import xlsxwriter

    path = tmp_path / "in.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("Leads")
        sheet.write(0, 0, "Q4 leads (confidential)")
        sheet.merge_range(1, 0, 1, 2, "Contact")
        sheet.merge_range(1, 3, 1, 4, "Company")
        sheet.write_row(2, 0, ["First", "Last", "Email", "Name", "Website", "Created", "Score"])
        for i in range(6):
            sheet.write_row(
                3 + i, 0, [f"Tq{i}", f"Hq{i}", f"tq{i}@tq{i}.example", f"TQ{i} GmbH", "", "2024", 5]
            )
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    rows = read_csv("out.csv")
    assert list(rows[0])[:7] == [
        *("Contact First", "Contact Last", "Contact Email", "Company Name", "Company Website"),
        *("Created", "Score"),  # under no merge: no group
    ]
    assert [r["Contact First"] for r in rows] == [f"Tq{i}" for i in range(6)]
    assert use_sandbox.stats.calls == 6


def test_json_lines_named_csv_are_named_as_such(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # The name says CSV (a CSV's header may start with "{"), so it is read as one; the refusal says why.
    (tmp_path / "in.csv").write_text(
        json.dumps({"person": {"first_name": "A", "email": "a@b.example"}}) + "\n"
    )
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv")
    assert result.exit_code == 2
    assert "pass --input-format jsonl" in result.stderr


def _excel_rows() -> list[list[str]]:
    rows = [[f"L{i}", f"Ann{i}", "Lee", f"ann{i}@firm{i}.example", f"Firm{i} Inc"] for i in range(6)]
    rows[0][1] = "Jürgen"
    return rows


@pytest.mark.slow
def test_an_excel_csv_in_windows_1252_reads_through_a_pipe_as_by_its_path(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # By its path it was read as Windows-1252; piped in, refused at its first accent (exit 2).
    text = "sep=;\r\n" + "".join(";".join(r) + "\r\n" for r in [HEADER[:5], *_excel_rows()])
    done = subprocess.run(
        [sys.executable, "-m", "leadspace_cli", "enrich", "-", "-o", "out.csv"],
        input=text.encode("cp1252"),
        env=cli_env(use_sandbox, tmp_path),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "reading it as Windows-1252" in done.stderr.decode()
    with open("out.csv", encoding="utf-8-sig", newline="") as fh:
        assert next(csv.DictReader(fh, delimiter=";"))["First Name"] == "Jürgen"  # the input's ";" kept


def test_one_utf8_accent_beside_one_windows_1252_line_keeps_each_as_written(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # The whole file was read as Windows-1252: "Büro" in UTF-8 went out (and back) as "BÃ¼ro".
    rows = _excel_rows()
    lines = [",".join(r).encode("cp1252") for r in [HEADER[:5], *rows]]
    lines[3] = lines[3].replace(b"Ann2", "Büro".encode())
    (tmp_path / "in.csv").write_bytes(b"\n".join(lines) + b"\n")
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    out = read_csv("out.csv")
    assert [out[0]["First Name"], out[2]["First Name"]] == ["Jürgen", "Büro"]
