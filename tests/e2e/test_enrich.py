"""`leadspace enrich` end to end against the sandbox over HTTP: output checked cell by cell."""

from __future__ import annotations

import csv
import gzip
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.api import flatten
from leadspace_cli.api.columns import LsColumns
from leadspace_cli.engine.identity import canonical
from leadspace_cli.errors import ExitCode
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.body import builder, missing_input
from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.spec import load
from leadspace_cli.sandbox import Sandbox
from leadspace_cli.sandbox.data import answer
from tests.conftest import SAMPLES, cli_env, invoke, make_leads, read_csv, read_jsonl, write_csv

LS = list(flatten.COLUMNS)


def expected_bodies(path: Path, mapping_file: Path | None = None) -> list[dict[str, object] | None]:
    """The request body of each input row, or None where it lacks the minimum input."""
    source = open_source(str(path))
    m = load(mapping_file) if mapping_file else detect(source.columns)
    build = builder(m, source)
    out: list[dict[str, object] | None] = []
    for row in source.rows:
        body = build(row)
        out.append(None if missing_input(body) else body)
    source.close()
    return out


@pytest.mark.slow
def test_sample_file_cell_by_cell(use_sandbox: Sandbox, tmp_path: Path) -> None:
    leads = SAMPLES / "leads.csv"
    result = invoke("enrich", str(leads), "-o", "out.csv", "--mapping", str(SAMPLES / "mapping.toml"))
    assert result.exit_code == 0, result.output
    with open(leads, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        in_header = next(reader)
        in_rows = list(reader)
    with open("out.csv", newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        out_header = next(reader)
        out_rows = list(reader)
    assert out_header == in_header + LS
    assert len(out_rows) == len(in_rows)
    bodies = expected_bodies(leads, SAMPLES / "mapping.toml")
    for in_row, out_row, body in zip(in_rows, out_rows, bodies, strict=True):
        assert out_row[: len(in_header)] == in_row  # input untouched, in order
        cells = dict(zip(LS, out_row[len(in_header) :], strict=True))
        if body is None:
            assert cells["ls.result"] == "invalid_input"
            assert cells["ls.http_status"] == ""
            assert "no company name" in cells["ls.error"]
            assert all(cells[c] == "" for c in flatten.DATA_COLUMNS)
            continue
        assert cells["ls.result"] == "ok"
        assert cells["ls.http_status"] == "200"
        want = flatten.data_cells({"status": "success", "data": answer(body)})
        assert [cells[c] for c in LS[len(flatten.STATUS_COLUMNS) :]] == want
    # Each sufficient row called exactly once; insufficient rows never sent.
    sent = [canonical(b) for b in bodies if b is not None]
    assert sorted(canonical(b) for b in use_sandbox.stats.received) == sorted(set(sent))
    assert use_sandbox.stats.paid_twice() == []
    assert use_sandbox.stats.by_status[400] == 0


def test_a_column_empty_in_the_rows_read_ahead_is_sent_for_later_rows(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # The first 200 rows (the ones detection reads) are people without a company; later rows are
    # companies only. Their Company and Website were left out and the rows refused as invalid_input
    # ("no company name") though they hold one (skeptic pass 19).
    header = ["First Name", "Last Name", "Email", "Company", "Website"]
    rows = [["Ada", "Lovelace", "ada@a.example", "", ""]] * 200  # one call: identical rows
    rows += [["", "", "", f"Globex {i}", f"globex{i}.example"] for i in range(5)]
    result = invoke("enrich", str(write_csv(tmp_path / "late.csv", header, rows)), "-o", "out.csv")
    assert result.exit_code == 0
    assert (
        "'Company' is empty in the first rows: sent as company.name where later rows fill it" in result.stderr
    )
    out = read_csv("out.csv")
    assert [r["ls.result"] for r in out[-5:]] == ["ok"] * 5
    assert {"company": {"name": "Globex 4", "website": "globex4.example"}} in use_sandbox.stats.received
    assert use_sandbox.stats.calls == 6


def test_guard_a_column_empty_in_the_whole_file_is_still_left_out(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    rows = [["Ada", "Lovelace", f"ada{i}@a.example", ""] for i in range(3)]
    path = write_csv(tmp_path / "people.csv", ["First Name", "Last Name", "Email", "Company"], rows)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0
    assert "'Company' is empty in the rows read: company.name is not sent." in result.stderr


@pytest.mark.slow
def test_auto_detected_mapping_is_shown(use_sandbox: Sandbox) -> None:
    result = invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "out.csv")
    assert result.exit_code == 0
    assert "Mapping (detected from the headers and first rows): " in result.stderr  # values decide too
    assert "'First Name' → person.first_name" in result.stderr
    assert "'Zip/Postal Code' → company.address.postalcode" in result.stderr


def test_identical_rows_are_called_once(use_sandbox: Sandbox, tmp_path: Path) -> None:
    rows = [["1", "Ada", "Lovelace", "ada@a.example"], ["2", "Ada", "Lovelace", "ada@a.example"]] * 3
    path = write_csv(tmp_path / "dup.csv", ["Id", "First Name", "Last Name", "Email"], rows)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0
    out = read_csv("out.csv")
    assert [r["ls.result"] for r in out] == ["ok"] * 6
    assert use_sandbox.stats.calls == 1
    assert len({r["ls.company.name"] for r in out}) == 1


@pytest.mark.slow
def test_jsonl_in_and_out_keeps_the_nested_answer(use_sandbox: Sandbox) -> None:
    src = SAMPLES / "accounts.jsonl"
    m = SAMPLES.parent / "tests" / "accounts-mapping.toml"
    result = invoke("enrich", str(src), "-o", "out.jsonl", "--mapping", str(m))
    assert result.exit_code == 0, result.output
    inputs = read_jsonl(src)
    outputs = read_jsonl("out.jsonl")
    assert len(outputs) == len(inputs)
    for given, got in zip(inputs, outputs, strict=True):
        ls = got.pop("ls")
        assert got == given
        assert ls["result"] == "ok"
        body = {"company": {"name": given["account_name"]}}
        if given["website"]:
            body["company"]["website"] = given["website"]
        body["company"]["address"] = {"city": given["billing_city"], "country": given["billing_country"]}
        if given["billing_state"]:
            body["company"]["address"]["state"] = given["billing_state"]
        body["external_id"] = given["account_id"]
        assert ls["data"] == answer(body)


@pytest.mark.slow
def test_jsonl_in_csv_out_and_csv_in_jsonl_out(use_sandbox: Sandbox) -> None:
    m = str(SAMPLES.parent / "tests" / "accounts-mapping.toml")
    assert invoke("enrich", str(SAMPLES / "accounts.jsonl"), "-o", "a.csv", "--mapping", m).exit_code == 0
    rows = read_csv("a.csv")
    assert rows[0]["account_name"] == "Acme, Corp."
    assert rows[0]["employees_hint"] == "50"
    assert all(r["ls.result"] == "ok" for r in rows)
    assert invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "l.jsonl").exit_code == 0
    objs = read_jsonl("l.jsonl")
    assert objs[0]["Lead ID"] == "00Q5e0000000001"
    assert {o["ls"]["result"] for o in objs} == {"ok", "invalid_input"}


def test_tsv_gzip_and_stdin_stdout(use_sandbox: Sandbox, tmp_path: Path) -> None:
    tsv = tmp_path / "in.tsv.gz"
    with gzip.open(tsv, "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["first_name", "last_name", "email", "company"])
        w.writerow(["Ada", "Lovelace", "ada@a.example", "Analytical, Inc."])
    assert invoke("enrich", str(tsv), "-o", "out.tsv.gz").exit_code == 0
    with gzip.open("out.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows[0]["company"] == "Analytical, Inc."
    assert rows[0]["ls.result"] == "ok"
    text = "firstName,lastName,emailAddress\nGrace,Hopper,grace@cobol.example\n"
    result = invoke("enrich", "-", "-o", "-", input=text)
    assert result.exit_code == 0
    out = list(csv.DictReader(result.stdout.splitlines()))
    assert out[0]["firstName"] == "Grace"
    assert out[0]["ls.result"] == "ok"
    assert "ls.result" not in result.stderr  # data on stdout, words on stderr


def _piped(sandbox: Sandbox, tmp_path: Path, data: bytes) -> tuple[str, list[dict[str, str]]]:
    """Run `leadspace enrich - -o out.csv` with ``data`` on stdin; return its stderr and rows."""
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "leadspace_cli", "enrich", "-", "-o", str(out)],
        input=data,
        env=cli_env(sandbox, tmp_path),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr.decode(), read_csv(out)


@pytest.mark.slow
def test_a_workbook_piped_in_is_read_as_one(sandbox: Sandbox, tmp_path: Path) -> None:
    # `cat leads.xlsx | leadspace enrich -` was read as text: "not valid utf-8-sig text, pass
    # --encoding cp1252" (skeptic pass 19).
    import xlsxwriter

    book_path = tmp_path / "in.xlsx"
    with xlsxwriter.Workbook(str(book_path)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["First Name", "Last Name", "Email"])
        sheet.write_row(1, 0, ["Ada", "Lovelace", "ada@a.example"])
    said, rows = _piped(sandbox, tmp_path, book_path.read_bytes())
    assert "stdin is an Excel workbook: read as one" in said
    assert [r["ls.result"] for r in rows] == ["ok"]


@pytest.mark.slow
def test_json_lines_piped_in_are_read_as_such(sandbox: Sandbox, tmp_path: Path) -> None:
    # Read as CSV, their keys as columns, with advice to pass --header-row (skeptic pass 20).
    line = b'{"First Name": "Ada", "Last Name": "Lovelace", "Email": "ada@a.example"}\n'
    said, rows = _piped(sandbox, tmp_path, line)
    assert "stdin is JSON Lines: read as such" in said
    assert [r["ls.result"] for r in rows] == ["ok"]


def test_limit_takes_the_first_rows(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 20)
    assert invoke("enrich", str(path), "-o", "out.csv", "--limit", "5").exit_code == 0
    assert [r["Lead ID"] for r in read_csv("out.csv")] == [f"L{i}" for i in range(5)]
    assert use_sandbox.stats.calls == 5


@pytest.mark.slow
def test_dry_run_calls_nothing_and_keeps_the_header(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_leads(tmp_path / "in.csv", 30, invalid_every=5)
    result = invoke("enrich", str(path), "-o", "dry.csv", "--dry-run", "--base-url", "http://127.0.0.1:9")
    assert result.exit_code == 0, result.output
    rows = read_csv("dry.csv")
    assert {r["ls.result"] for r in rows} == {"not_sent", "invalid_input"}
    assert sum(r["ls.result"] == "not_sent" for r in rows) == 24
    assert re.search(r"calls it would make\s*│\s*24 │", result.stderr)
    with open("dry.csv", encoding="utf-8") as fh:
        dry_header = fh.readline()
    sb = sandbox_factory()
    result = invoke("enrich", str(path), "-o", "real.csv", "--base-url", sb.url)
    assert result.exit_code == 2  # no key
    assert "LEADSPACE_API_KEY" in result.stderr
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    assert invoke("enrich", str(path), "-o", "real.csv", "--base-url", sb.url).exit_code == 0
    with open("real.csv", encoding="utf-8") as fh:
        assert fh.readline() == dry_header


def test_nothing_maps_is_exit_2_with_a_way_forward(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "odd.csv", ["Foo", "Bar"], [["1", "2"]])
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "mapping init" in result.stderr
    assert not Path("out.csv").exists()
    assert use_sandbox.stats.calls == 0


def test_mapping_errors_name_the_closest_choices(use_sandbox: Sandbox, tmp_path: Path) -> None:
    bad_field = tmp_path / "m1.toml"
    bad_field.write_text('[person]\nfirst_nme = "First Name"\n')
    result = invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "o.csv", "--mapping", str(bad_field))
    assert result.exit_code == 2
    assert "'person.first_name'" in result.stderr
    bad_col = tmp_path / "m2.toml"
    bad_col.write_text('[company]\nname = "Compny"\n')
    result = invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "o.csv", "--mapping", str(bad_col))
    assert result.exit_code == 2
    assert "'Company'" in result.stderr
    bad_toml = tmp_path / "m3.toml"
    bad_toml.write_text('[company]\nname = "Company\n')
    result = invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "o.csv", "--mapping", str(bad_toml))
    assert result.exit_code == 2
    assert "line 2" in result.stderr
    assert use_sandbox.stats.calls == 0


@pytest.mark.slow
def test_installed_entry_point_with_sandbox(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "leadspace"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSPACE_")}
    env["LEADSPACE_CACHE_DIR"] = str(tmp_path / "cache")
    out = tmp_path / "out.csv"
    proc = subprocess.run(
        [str(exe), "enrich", str(SAMPLES / "leads.csv"), "-o", str(out), "--sandbox"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out)
    assert len(rows) == 49
    assert {r["ls.result"] for r in rows} == {"ok", "invalid_input"}
    assert "credits spent" in proc.stderr
    assert proc.stdout == ""


def test_prescan_counts_rows_for_the_progress_total() -> None:
    from leadspace_cli.formats.sources import open_source

    with open_source(str(SAMPLES / "leads.csv"), prescan=True) as source:
        assert source.total == 49
        assert sum(1 for _ in source.rows) == 49
    with open_source(str(SAMPLES / "accounts.jsonl"), prescan=True) as source:
        assert source.total == 15
    with open_source(str(SAMPLES / "leads.csv")) as source:
        assert source.total is None  # no pre-scan asked


def test_answers_with_bare_newlines_stay_one_csv_row(tmp_path: Path) -> None:
    import io

    from leadspace_cli.engine.pipeline import Result, RowResult
    from leadspace_cli.formats.rows import Row
    from leadspace_cli.formats.writers import RowWriter

    ans = {"status": "success", "data": {"company": {"name": "A\nB", "description": "line\rbreak"}}}
    out = io.StringIO()
    writer = RowWriter(out, "csv", ["id"], "table", ls=LsColumns())
    writer.write(Row(["1"]), RowResult(Result.OK, 200, payload=ans))
    writer.write(Row(["2"]), RowResult(Result.NOT_SENT))
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == 3
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["ls.company.name"] == "A\nB"
    assert cells["ls.company.description"] == "line\rbreak"
