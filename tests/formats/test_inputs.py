"""Never lose a row through the input: stray quotes, varying JSONL, bad lines, bad bytes mid-stream."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from leadspace_cli.formats import jsonl, text
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, read_csv, read_jsonl, write_csv

HEADER = ["Lead ID", "First Name", "Last Name", "Email", "Company", "Street", "City"]


def _rows(n: int) -> list[list[str]]:
    return [
        [f"L{i}", f"First{i}", f"Last{i}", f"p{i}@c{i}.example", f"Company {i}", f"{i} Main St", "Boston"]
        for i in range(n)
    ]


def _with_stray_quote(path: Path, n: int = 600, at: int = 10) -> Path:
    write_csv(path, HEADER, _rows(n))
    lines = path.read_text().splitlines(keepends=True)
    lines[at + 1] = lines[at + 1].replace("Company", '"Company', 1)  # row 11 (line 12): one stray quote
    path.write_text("".join(lines))
    return path


def test_a_stray_quote_stops_before_any_call_naming_the_line(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = _with_stray_quote(tmp_path / "in.csv")
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 2
    assert "line 12" in result.stderr
    assert "quote" in result.stderr
    assert use_sandbox.stats.calls == 0
    assert not Path("out.csv").exists()


def test_a_stray_quote_that_swallows_a_few_rows_stops_too(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # Four rows swallowed between two stray quotes, and twelve up to the end of the file (no quote
    # closes it): each is refused naming the line, before any call, not merged into one cell.
    path = write_csv(tmp_path / "mid.csv", HEADER, _rows(30))
    lines = path.read_text().splitlines(keepends=True)
    lines[4] = lines[4].replace("Company", '"Company', 1)
    lines[9] = lines[9].replace("Boston", 'Boston"', 1)
    path.write_text("".join(lines))
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 2, result.stderr
    assert "line 5" in result.stderr
    assert "quote" in result.stderr
    eof = write_csv(tmp_path / "eof.csv", HEADER, _rows(13))
    lines = eof.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace("Company", '"Company', 1)
    eof.write_text("".join(lines))
    result = invoke("enrich", str(eof), "-o", "out.csv")
    assert result.exit_code == 2, result.stderr
    assert "line 2" in result.stderr
    assert use_sandbox.stats.calls == 0
    # Guard: in a file of four columns, a note whose lines list three things each ("pricing,
    # timeline, budget, team": a comma and a space) is a cell, not swallowed rows.
    notes = (
        "Call 1: pricing, timeline, budget, team\nCall 2: demo, SSO, SAML, API\nCall 3: legal, DPA, MSA, SOW"
    )
    path = write_csv(
        tmp_path / "notes.csv",
        ["First Name", "Last Name", "Email", "Notes"],
        [
            ["Jane", "Doe", "jane@acme.example", notes + "\nNext: May"],
            ["John", "Roe", "john@beta.example", "ok"],
        ],
    )
    result = invoke("enrich", str(path), "-o", "notes-out.csv")
    assert result.exit_code == 0, result.stderr
    assert read_csv("notes-out.csv")[0]["Notes"] == notes + "\nNext: May"


@pytest.mark.slow
def test_a_legitimate_multi_line_address_still_passes(use_sandbox: Sandbox, tmp_path: Path) -> None:
    rows = _rows(30)
    rows[5][5] = "Building 4\nFloor 2, Suite 200\n1 Main St, Cambridge, MA"
    path = write_csv(tmp_path / "in.csv", HEADER, rows)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    out = read_csv("out.csv")
    assert len(out) == 30
    assert out[5]["Street"] == rows[5][5]


def test_a_stray_quote_on_stdin_stops_midstream_and_sends_no_swallowed_field(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = _with_stray_quote(tmp_path / "in.csv")
    result = invoke("enrich", "-", "-o", "out.csv", input=path.read_text())
    assert result.exit_code == 2
    assert "line 12" in result.stderr
    assert len(read_csv("out.csv")) == 10  # the rows before it, written
    assert "rows before it were enriched" in result.stderr
    assert all(len(json.dumps(body)) < 1000 for body in use_sandbox.stats.received)


def test_jsonl_columns_are_the_union_of_every_lines_keys(use_sandbox: Sandbox, tmp_path: Path) -> None:
    lines = [{"id": i, "Company": f"C{i}"} for i in range(5)]
    lines.append({"id": 5, "Company": "C5", "Website": "c5.example", "Note": "late key"})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    out = read_csv("out.csv")
    assert out[5]["Note"] == "late key"
    assert out[5]["Website"] == "c5.example"
    [c5] = [b for b in use_sandbox.stats.received if b["company"]["name"] == "C5"]
    assert c5["company"] == {"name": "C5", "website": "c5.example"}  # the late key was sent


def test_nested_jsonl_maps_by_dotted_paths_and_false_is_not_sent(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"company": {"name": "AE", "website": False}, "email": None}) + "\n")
    result = invoke("enrich", str(path), "-o", "out.jsonl")
    assert result.exit_code == 0, result.stderr
    [body] = use_sandbox.stats.received
    assert body == {"company": {"name": "AE"}}  # not '{"name": "AE"}' as a name, not "false"


def test_one_bad_jsonl_line_is_one_bad_row(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in (text, jsonl):  # the cap of a line, where each reader reads it
        monkeypatch.setattr(module, "MAX_ROW", 20_000)
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"Company": "Good 1"}\n'
        '{"Company": "\\ud800 lone"}\n'
        + "[" * 5000
        + "]" * 5000
        + "\n"
        + '{"Company": "'
        + "x" * 30_000
        + '"}\n'
        + '{"Company": "Good 2"}\n'
        # Numbers past what a program reads (skeptic pass 23: "Internal error", exit 6, even unmapped;
        # 1e400 written back as Infinity, which strict JSON parsers refuse).
        + '{"Company": "Huge", "n": '
        + "9" * 5000
        + "}\n"
        + '{"Company": "Inf", "n": 1e400}\n'
    )
    result = invoke("enrich", str(path), "-o", "out.jsonl")
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in Path("out.jsonl").read_text().splitlines()]
    assert [o["ls"]["result"] for o in out] == ["ok"] + ["invalid_input"] * 3 + ["ok"] + ["invalid_input"] * 2
    assert "surrogate" in out[1]["ls"]["error"]
    assert "nested too deeply" in out[2]["ls"]["error"]
    assert "longer than" in out[3]["ls"]["error"]
    assert "over 4,300 digits" in out[5]["ls"]["error"]
    assert "past a float's range" in out[6]["ls"]["error"]
    assert "Infinity" not in Path("out.jsonl").read_text()


@pytest.mark.slow
def test_a_bad_byte_on_stdin_writes_what_was_done_and_names_the_line(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    good = "".join(f"Company {i}\n" for i in range(142))
    data = b"Company\n" + good.encode() + b"Caf\xe9 Bad\n" + b"Company After\n"
    result = invoke("enrich", "-", "-o", "out.csv", input=data)  # type: ignore[arg-type]
    assert result.exit_code == 2
    assert "line 144" in result.stderr  # the header is line 1
    assert len(read_csv("out.csv")) == 142
    assert "credits spent" in result.stderr  # the summary was printed
    assert len(use_sandbox.stats.paid) == 142


def test_crlf_inside_quoted_cells_comes_back_byte_for_byte(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b'Company,Note\r\n"Acme\r\nInc","a\r\nb"\r\n,"only\rcr"\r\n')
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    raw = Path("out.csv").read_bytes()
    assert b'"Acme\r\nInc","a\r\nb",ok,' in raw
    assert b',"only\rcr",invalid_input,' in raw


def test_a_row_with_a_cell_too_many_keeps_it(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("Company,City\nAcme,Boston\nGlobex,Springfield,kept cell\n")
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    text = Path("out.csv").read_text()
    assert text.rstrip().endswith(",kept cell")
    assert "the extra cells are written after" in text


def test_gzip_is_recognised_by_its_bytes(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(gzip.compress(b"Company\nAcme\nGlobex\n"))
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert [r["Company"] for r in read_csv("out.csv")] == ["Acme", "Globex"]


def test_mapping_commands_take_delimiter_and_input_format(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("Company;City\nAcme;Boston\n")
    init = invoke("mapping", "init", str(path), "--delimiter", ";")
    assert init.exit_code == 0
    assert 'name = "Company"' in init.stdout
    check = invoke("mapping", "check", str(path), "--delimiter", ";")
    assert check.exit_code == 0
    assert "1 row would be sent" in check.stdout
    jl = tmp_path / "data.txt"
    jl.write_text('{"Company": "Acme"}\n')
    assert invoke("mapping", "check", str(jl), "--input-format", "jsonl").exit_code == 0


def _fifo(path: Path, data: bytes) -> None:
    """A named pipe at ``path`` that a thread fills with ``data`` once a reader opens it; a reader that
    opens it again finds it empty (as a spent `<(...)`), rather than waiting forever for a writer."""
    os.mkfifo(path)

    def feed() -> None:
        with open(path, "wb") as fh:
            fh.write(data)
        while path.exists():  # until the test's folder goes (a daemon thread: never waited for)
            with contextlib.suppress(OSError), open(path, "wb"):
                pass

    threading.Thread(target=feed, daemon=True).start()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_by_its_path_is_read_once_as_stdin_is(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # `leadspace enrich <(zcat leads.csv.gz)` and `... | leadspace enrich /dev/stdin` said "/dev/fd/63
    # is empty": the name was opened again to sniff, check and count it, and a pipe reads once.
    data = write_csv(tmp_path / "in.csv", HEADER, _rows(12)).read_bytes()
    fifo = tmp_path / "fd63"
    _fifo(fifo, gzip.compress(data))
    result = invoke("enrich", str(fifo), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert [r["ls.result"] for r in read_csv("out.csv")] == ["ok"] * 12
    assert use_sandbox.stats.calls == 12
    # JSON Lines through a pipe with no name to say so is read as JSON Lines, as on stdin.
    fifo = tmp_path / "fd64"
    _fifo(fifo, "".join(json.dumps(dict(zip(HEADER, r, strict=True))) + "\n" for r in _rows(3)).encode())
    result = invoke("enrich", str(fifo), "-o", "out.jsonl")
    assert result.exit_code == 0, result.stderr
    assert "is JSON Lines: read as such" in result.stderr
    assert [r["ls"]["result"] for r in read_jsonl("out.jsonl")] == ["ok"] * 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_mapping_init_reads_a_pipe_named_by_its_path(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "in.csv", HEADER, _rows(3)).read_bytes()
    fifo = tmp_path / "pipe"
    _fifo(fifo, data)
    result = invoke("mapping", "init", str(fifo))
    assert result.exit_code == 0, result.stderr
    assert '[person]\nfirst_name = "First Name"\nlast_name = "Last Name"\nemail = "Email"' in result.stdout
