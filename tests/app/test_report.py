"""`leadspace report`: numbers equal the file's counts; a self-contained page; answers stay data."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from leadspace_cli.app.report import build_report
from leadspace_cli.sandbox import Sandbox
from leadspace_cli.sandbox.data import HOSTILE_TEXT
from tests.conftest import KEY, SAMPLES, invoke, make_leads, read_csv, write_csv


@pytest.fixture(scope="module")
def enriched_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample file enriched once for the module's tests (each gets its own copy)."""
    import os

    from typer.testing import CliRunner

    from leadspace_cli.cli import app
    from leadspace_cli.sandbox import SandboxConfig

    work = tmp_path_factory.mktemp("enriched")
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("LEADSPACE_")}
    sb = Sandbox(SandboxConfig(key=KEY)).start()
    here = Path.cwd()
    try:
        os.chdir(work)  # no .env of the developer's is read
        env.update(
            LEADSPACE_API_KEY=sb.key,
            LEADSPACE_BASE_URL=sb.url,
            LEADSPACE_CACHE_DIR=str(work / "cache"),
            LEADSPACE_RUNTIME_DIR=str(work / "runtime"),
        )
        args = ["enrich", str(SAMPLES / "leads.csv"), "-o", str(work / "out.csv")]
        assert CliRunner().invoke(app, args, env=env, catch_exceptions=False).exit_code == 0
        args[-1] = str(work / "out.jsonl")  # the same answers, from the cache
        assert CliRunner().invoke(app, args, env=env, catch_exceptions=False).exit_code == 0
    finally:
        os.chdir(here)
        sb.stop()
    return work / "out.csv"


@pytest.fixture
def enriched(enriched_once: Path, use_sandbox: Sandbox) -> Path:
    import shutil

    return Path(shutil.copy(enriched_once, "out.csv"))


class _Charts(HTMLParser):
    """Collects each chart's bars (label, value) and everything that could load from outside."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: dict[str, list[tuple[str, int]]] = {}
        self.current = ""
        self.outside: list[str] = []
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] += 1
        if tag == "svg" and a.get("data-chart"):
            self.current = str(a["data-chart"])
            self.charts[self.current] = []
        if tag == "g" and "data-value" in a:
            self.charts[self.current].append((str(a["data-label"]), int(str(a["data-value"]))))
        for name in ("src", "href"):
            if a.get(name):
                self.outside.append(f"{tag} {name}={a[name]}")


def _counts(rows: list[dict[str, str]], column: str) -> Counter[str]:
    return Counter(r[column] for r in rows if r["ls.result"] == "ok" and r[column])


def test_report_numbers_equal_the_files_counts(enriched: Path) -> None:
    rows = read_csv(enriched)
    rep = build_report(str(enriched))
    assert rep.rows == len(rows) == 49
    assert dict(rep.by_result) == dict(Counter(r["ls.result"] for r in rows))
    for chart in rep.charts:
        expected = _counts(rows, chart.column)
        if chart.key in ("industry", "country"):
            top = dict(expected.most_common(10))
            assert {k: v for k, v in chart.counts if k != "other"} == top
        else:
            assert dict(chart.counts) == dict(expected), chart.key
    for fill in rep.fills:
        assert fill.filled == sum(1 for r in rows if r["ls.result"] == "ok" and r[fill.column])
    assert rep.match_rate == pytest.approx(
        sum(1 for r in rows if r["ls.result"] == "ok" and r["ls.enrichment_status"] != "Not Enriched")
        / sum(1 for r in rows if r["ls.result"] == "ok")
    )


def test_ranges_are_in_their_natural_order(enriched: Path) -> None:
    rep = build_report(str(enriched))
    sizes = [label for label, _ in next(c for c in rep.charts if c.key == "size").counts]
    assert sizes.index("1-10") < sizes.index("11-50") < sizes.index("201-500") < sizes.index("10001+")
    revenue = [label for label, _ in next(c for c in rep.charts if c.key == "revenue").counts]
    assert revenue.index("$0 - $1M") < revenue.index("$10M - $50M") < revenue.index("$100M - $1B")


@pytest.mark.slow
def test_jsonl_and_tsv_outputs_give_the_same_report(use_sandbox: Sandbox, enriched: Path) -> None:
    assert invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "out.jsonl").exit_code == 0
    assert invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "out.tsv").exit_code == 0
    base = build_report(str(enriched))
    for other in ("out.jsonl", "out.tsv"):
        rep = build_report(other)
        assert [(c.key, c.counts) for c in rep.charts] == [(c.key, c.counts) for c in base.charts]
        assert [(f.column, f.filled) for f in rep.fills] == [(f.column, f.filled) for f in base.fills]


def test_the_page_is_self_contained_and_its_charts_are_the_counts(enriched: Path) -> None:
    result = invoke("report", str(enriched), "--html", "r.html")
    assert result.exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    parser = _Charts()
    parser.feed(page)
    assert parser.outside == []  # no external scripts, fonts, images or stylesheets
    assert parser.tags["script"] == 0
    assert "@import" not in page
    assert "url(" not in page
    assert "@media print" in page
    assert {"result", "enrichment", "confidence", "size", "industry"} <= set(parser.charts)
    rows = read_csv(enriched)
    assert dict(parser.charts["enrichment"]) == dict(_counts(rows, "ls.enrichment_status"))
    assert dict(parser.charts["confidence"]) == dict(_counts(rows, "ls.company.matching_confidence.level"))
    assert dict(parser.charts["size"]) == dict(_counts(rows, "ls.company.size.range"))
    assert dict(parser.charts["result"])["ok"] == 44


def test_the_terminal_report_shows_the_counts(enriched: Path) -> None:
    result = invoke("report", str(enriched))
    assert result.exit_code == 0
    assert "49 rows; match rate 91%" in result.stdout
    assert "Person & Company Enriched" in result.stdout
    assert "1001-5000" in result.stdout


@pytest.fixture
def hostile(sandbox_factory: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    sb = sandbox_factory(hostile=True)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    return sb


def test_lookup_shows_hostile_answers_literally(hostile: Sandbox) -> None:
    result = invoke("lookup", "--company", "Acme", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["data"]["company"]["description"] == HOSTILE_TEXT
    table = invoke("lookup", "--company", "Acme")
    assert table.exit_code == 0  # not a MarkupError
    assert "[/bold] [red]Acme[/red]" in table.stdout
    assert "\x1b" not in table.stdout  # the escape sequence is shown, not run
    assert "\\x1b[31m" in table.stdout


@pytest.mark.slow
def test_report_shows_hostile_answers_literally_and_escapes_them_in_the_page(hostile: Sandbox) -> None:
    assert invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "out.csv").exit_code == 0
    result = invoke("report", "out.csv", "--html", "r.html")
    assert result.exit_code == 0
    assert "<script>alert(1)</script>[bold" in result.stdout  # literal, not markup
    page = Path("r.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;[bold]Retail" in page
    parser = _Charts()
    parser.feed(page)
    assert parser.outside == []


def test_mapping_check_and_errors_show_hostile_input_literally(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", ["[/bold]Company", "Note"], [["[red]Acme", "<b>x</b>"]])
    m = tmp_path / "m.toml"
    m.write_text('[company]\nname = "[/bold]Company"\n')
    check = invoke("mapping", "check", str(path), "--mapping", str(m))
    assert check.exit_code == 0, check.stderr
    assert "[/bold]Company" in check.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[company]\nname = "[/bold]Missing"\n')
    error = invoke("enrich", str(path), "-o", "o.csv", "--mapping", str(bad))
    assert error.exit_code == 2  # a message, not a MarkupError
    assert "[/bold]Missing" in error.stderr


@pytest.mark.slow
def test_the_stop_message_shows_the_apis_text_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from http.server import BaseHTTPRequestHandler

    from tests.e2e.test_hostile import serve

    class Teapot(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps({"details": "[/bold] <script>x</script> [red]stop[/red]"}).encode()
            self.send_response(418)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    path = make_leads(tmp_path / "in.csv", 3)
    monkeypatch.setenv("LEADSPACE_API_KEY", "k" * 12)
    with serve(Teapot) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = invoke("enrich", str(path), "-o", "o.csv", "--base-url", url)
    assert result.exit_code == 5  # an unknown status stops the run with the API's own words
    assert "[/bold] <script>x</script> [red]stop[/red]" in result.stderr.replace("\n", " ")


# In a real browser, where one is installed (.ci/run installs Chromium from Debian's packages).

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: apt-get install chromium")


def _chromium(*args: str) -> None:
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _right_margin_is_blank(png: Path, strip: int) -> bool:
    """Whether the rightmost ``strip`` pixels of every row are background: nothing runs off the page."""
    import struct
    import zlib

    data = png.read_bytes()
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    assert depth == 8
    channels = {2: 3, 6: 4, 0: 1, 4: 2}[color]
    chunks, pos = b"", 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        if data[pos + 4 : pos + 8] == b"IDAT":
            chunks += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(chunks)
    stride = width * channels
    prev = bytearray(stride)
    for y in range(height):
        filt = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if filt == 1:
                line[i] = (line[i] + a) & 255
            elif filt == 2:
                line[i] = (line[i] + b) & 255
            elif filt == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        tail = line[stride - strip * channels :]
        if any(v < 250 for i, v in enumerate(tail) if channels < 4 or i % 4 != 3):
            return False
    return True


@needs_browser
@pytest.mark.slow
def test_the_page_fits_a_laptop_screen_in_chromium(enriched: Path, tmp_path: Path) -> None:
    assert invoke("report", str(enriched), "--html", "r.html").exit_code == 0
    shot = tmp_path / "laptop.png"
    _chromium("--window-size=1366,3000", f"--screenshot={shot}", Path("r.html").resolve().as_uri())
    assert shot.stat().st_size > 20_000  # something was drawn
    assert _right_margin_is_blank(shot, 60)  # the page is 1200 px wide: the right margin stays empty


@needs_browser
@pytest.mark.slow
def test_the_margin_check_sees_a_page_that_runs_off(tmp_path: Path) -> None:
    wide = tmp_path / "wide.html"
    wide.write_text(
        '<body style="margin:0"><div style="width:3000px;height:40px;background:#000"></div></body>'
    )
    shot = tmp_path / "wide.png"
    _chromium("--window-size=1366,200", f"--screenshot={shot}", wide.as_uri())
    assert not _right_margin_is_blank(shot, 60)


@needs_browser
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="no pdftoppm: apt-get install poppler-utils")
def test_the_page_prints_on_a4_without_cutting_anything_off(enriched: Path, tmp_path: Path) -> None:
    assert invoke("report", str(enriched), "--html", "r.html").exit_code == 0
    pdf = tmp_path / "r.pdf"
    _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", Path("r.html").resolve().as_uri())
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(pages) <= 6
    for page in pages:
        assert _right_margin_is_blank(page, 15)  # 12 mm margin at 50 dpi is 23 px


def test_a_renamed_result_column_is_found_by_its_values_or_named(enriched: Path) -> None:
    rows = read_csv(enriched)
    renamed = Path("renamed.csv")
    header = ["Result" if c == "ls.result" else c for c in rows[0]]
    write_csv(renamed, header, [list(r.values()) for r in rows])
    rep = build_report(str(renamed))
    assert rep.result_column == "Result"
    assert rep.ok == sum(r["ls.result"] == "ok" for r in rows) > 0
    assert rep.match_rate > 0
    result = invoke("report", str(renamed))
    assert result.exit_code == 0, result.output
    assert "read from Result" in result.output
    assert build_report(str(renamed), "Result").ok == rep.ok
    assert invoke("report", str(renamed), "--result-column", "Nope").exit_code == 2


def test_a_file_never_enriched_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "in.jsonl"
    plain.write_text('{"Company": "Acme"}\n{"Company": "Globex"}\n', encoding="utf-8")
    result = invoke("report", str(plain))
    assert result.exit_code == 2, result.output
    assert "never enriched" in result.output


@pytest.mark.slow
def test_long_values_are_cut_and_marked_with_their_length(enriched: Path, tmp_path: Path) -> None:
    rows = read_csv(enriched)
    long = "x" * 2_000_000
    for r in rows:
        if r["ls.result"] == "ok":
            r["ls.company.industry"] = long
    out = tmp_path / "long.csv"
    write_csv(out, list(rows[0]), [list(r.values()) for r in rows])
    page = tmp_path / "r.html"
    result = invoke("report", str(out), "--html", str(page))
    assert result.exit_code == 0, result.output
    assert "x" * 201 not in result.output
    assert "2,000,000 characters" in result.output
    assert len(result.output.splitlines()) < 400
    text = page.read_text(encoding="utf-8")
    assert "x" * 1001 not in text
    assert "x" * 1000 in text
    assert "2,000,000 characters" in text


def test_results_upper_cased_or_padded_by_a_spreadsheet_are_read(enriched: Path, tmp_path: Path) -> None:
    rows = read_csv(enriched)
    header = list(rows[0])
    for i, row in enumerate(rows):
        row["ls.result"] = row["ls.result"].upper() if i % 2 else f" {row['ls.result']} "
    shouted = write_csv(tmp_path / "shouted.csv", header, [[r[c] for c in header] for r in rows])
    before, after = build_report(str(enriched)), build_report(str(shouted))
    assert dict(after.by_result) == dict(before.by_result)
    assert after.match_rate == before.match_rate
    assert [f.filled for f in after.fills] == [f.filled for f in before.fills]


def test_a_mapping_s_renamed_answer_columns_are_read_with_the_mapping(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        (SAMPLES / "mapping.toml").read_text(encoding="utf-8")
        + '\n[output]\n"ls.result" = "Result"\n"ls.company.name" = "Company (Leadspace)"\n'
        '"ls.company.industry" = "Industry (Leadspace)"\n"ls.company.size.range" = "Employees (Leadspace)"\n',
        encoding="utf-8",
    )
    out = tmp_path / "renamed.csv"
    assert (
        invoke("enrich", str(SAMPLES / "leads.csv"), "-o", str(out), "--mapping", str(mapping)).exit_code == 0
    )
    rows = read_csv(out)
    ok = [r for r in rows if r["Result"] == "ok"]
    blind = invoke("report", str(out))
    assert blind.exit_code == 0
    assert "no ls.* answer column" in blind.output
    assert "pass it with --mapping" in blind.output
    rep = build_report(
        str(out),
        renamed={"ls.result": "Result", "ls.company.industry": "Industry (Leadspace)"}
        | {"ls.company.name": "Company (Leadspace)", "ls.company.size.range": "Employees (Leadspace)"},
    )
    industry = next(c for c in rep.charts if c.key == "industry")
    assert sum(n for _, n in industry.counts) == sum(1 for r in ok if r["Industry (Leadspace)"]) > 0
    fills = {f.column: f.filled for f in rep.fills}
    assert fills["ls.company.name"] == sum(1 for r in ok if r["Company (Leadspace)"]) > 0
    seen = invoke("report", str(out), "--mapping", str(mapping))
    assert seen.exit_code == 0
    assert "no ls.* answer column" not in seen.output


def test_a_flattened_json_lines_output_reports_as_its_csv(enriched: Path, tmp_path: Path) -> None:
    # pandas' read_csv(...).to_json(orient="records", lines=True): flat "ls.*" keys, null, 200.0.
    rows = read_csv(enriched)
    flat = tmp_path / "flat.jsonl"
    with flat.open("w", encoding="utf-8") as f:
        for row in rows:
            record: dict[str, object] = {k: (v or None) for k, v in row.items()}
            if row["ls.http_status"]:
                record["ls.http_status"] = float(row["ls.http_status"])
            f.write(json.dumps(record) + "\n")
    csv_rep, flat_rep = build_report(str(enriched)), build_report(str(flat))
    assert dict(flat_rep.by_result) == dict(csv_rep.by_result)
    assert dict(flat_rep.by_status) == dict(csv_rep.by_status)
    assert flat_rep.match_rate == csv_rep.match_rate
    assert {f.column: f.filled for f in flat_rep.fills} == {f.column: f.filled for f in csv_rep.fills}


def _renamed_jsonl(source: Path, target: Path, rename: Callable[[dict[str, Any]], None]) -> Path:
    with source.open(encoding="utf-8") as f, target.open("w", encoding="utf-8") as out:
        for line in f:
            record = json.loads(line)
            rename(record)
            out.write(json.dumps(record) + "\n")
    return target


def test_a_json_lines_output_whose_results_were_renamed_is_read_by_their_values(
    enriched_once: Path, tmp_path: Path
) -> None:
    jsonl = enriched_once.with_name("out.jsonl")
    base = build_report(str(jsonl))
    assert base.ok > 0
    assert base.match_rate > 0
    moved = _renamed_jsonl(jsonl, tmp_path / "moved.jsonl", lambda r: r.update(enrichment=r.pop("ls")))
    inner = _renamed_jsonl(
        jsonl, tmp_path / "inner.jsonl", lambda r: r["ls"].update(outcome=r["ls"].pop("result"))
    )
    top = _renamed_jsonl(jsonl, tmp_path / "top.jsonl", lambda r: r.update(Outcome=r.pop("ls")["result"]))
    for path, where in ((moved, "enrichment.result"), (inner, "ls.outcome"), (top, "Outcome")):
        for named in (None, where):
            rep = build_report(str(path), named)
            assert rep.result_column == where
            assert dict(rep.by_result) == dict(base.by_result)
        result = invoke("report", str(path))
        assert result.exit_code == 0, result.output
        assert f"read from {where}" in result.output
    rep = build_report(str(moved))
    assert rep.match_rate == base.match_rate
    assert [(f.column, f.filled) for f in rep.fills] == [(f.column, f.filled) for f in base.fills]
    assert dict(rep.by_status) == dict(base.by_status)
    wrong = invoke("report", str(moved), "--result-column", "enrichment.reslt")
    assert wrong.exit_code == 2
    assert "'enrichment.result'" in wrong.output
    assert "Traceback" not in wrong.output


def test_a_flattened_json_lines_output_is_read_with_the_mapping_s_names(
    enriched: Path, tmp_path: Path
) -> None:
    # A renamed CSV output (an [output] table) turned to flat JSON Lines: read by its new names.
    rows = read_csv(enriched)
    names = {"ls.result": "Result", "ls.company.industry": "Industry (Leadspace)"}
    flat = tmp_path / "flat.jsonl"
    with flat.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({names.get(k, k): v for k, v in row.items()}) + "\n")
    blind, seen = build_report(str(flat)), build_report(str(flat), renamed=names)
    assert blind.result_column == seen.result_column == "Result"
    assert dict(seen.by_result) == dict(build_report(str(enriched)).by_result)
    industry = {f.column: f.filled for f in seen.fills}["ls.company.industry"]
    assert industry == sum(1 for r in rows if r["ls.result"] == "ok" and r["ls.company.industry"]) > 0
    assert {f.column: f.filled for f in blind.fills}["ls.company.industry"] == 0


def test_two_columns_of_results_or_a_status_of_another_tool_are_not_guessed(enriched: Path) -> None:
    # Skeptic pass 21: a pasted "Previous Status" beside the renamed result read every row as "?";
    # an email verifier's ok/failed "Status" in a file no run touched was reported as enriched.
    rows = read_csv(enriched)
    header = ["Status" if c == "ls.result" else c for c in rows[0]]
    cells = [list(r.values()) for r in rows]
    write_csv("two.csv", [*header, "Previous Status"], [[*c, "not_sent"] for c in cells])
    result = invoke("report", "two.csv")
    assert result.exit_code == 2, result.output
    assert "'Status' and 'Previous Status' both hold results" in result.output
    assert build_report("two.csv", "Status").ok == sum(r["ls.result"] == "ok" for r in rows)
    plain = read_csv(SAMPLES / "leads.csv")
    write_csv(
        "verifier.csv",
        [*plain[0], "Status"],
        [[*r.values(), "ok" if i % 3 else "failed"] for i, r in enumerate(plain)],
    )
    result = invoke("report", "verifier.csv")
    assert result.exit_code == 2, result.output
    assert "has no ls.* column, and 'Status' holds only failed and ok" in result.output
    # Named, it is read; a named column that holds no results is refused.
    assert invoke("report", "verifier.csv", "--result-column", "Status").exit_code == 0
    bad = invoke("report", str(enriched), "--result-column", "Company")
    assert bad.exit_code == 2
    assert "none of its values" in bad.output


def test_blank_lines_and_a_total_footer_are_no_rows(enriched: Path) -> None:
    rows = read_csv(enriched)
    header = list(rows[0])
    cells = [list(r.values()) for r in rows]
    blank = [""] * len(header)
    write_csv("footer.csv", header, [*cells, blank, blank, ["Total", str(len(rows)), *blank[2:]]])
    rep = build_report("footer.csv")
    assert rep.rows == len(rows)
    assert "" not in rep.by_result
    cleared = [
        *cells[:-1],
        [*cells[-1][: header.index("ls.result")], "", *cells[-1][header.index("ls.result") + 1 :]],
    ]
    write_csv("cleared.csv", header, cleared)
    assert build_report("cleared.csv").by_result["no result"] == 1


def test_a_title_above_the_header_and_a_summary_sheet_first_are_read_past(enriched: Path) -> None:
    text = enriched.read_text(encoding="utf-8-sig")
    Path("titled.csv").write_text("Enriched leads - Q4 export\n\n" + text, encoding="utf-8")
    rep = build_report("titled.csv")
    assert rep.rows == len(read_csv(enriched))
    assert rep.ok > 0
    _book_with_a_front_sheet("book.xlsx", [["Owner", "Ops team"], ["Ann", "EMEA"]], read_csv(enriched))
    result = invoke("report", "book.xlsx")
    assert result.exit_code == 0, result.output
    assert "first sheet holds no answers: sheet leads is read" in result.output
    assert build_report("book.xlsx", sheet="leads").ok == rep.ok


def test_an_output_flattened_by_json_normalize_reports_as_its_csv(enriched: Path, tmp_path: Path) -> None:
    # pandas' json_normalize of the JSON Lines output names the answer ls.data.company.name (skeptic
    # pass 21 F4: match rate 0%, every field 0% filled, no note).
    rows = read_csv(enriched)
    status = {"ls.result", "ls.http_status", "ls.error", "ls.status"}

    def renamed(column: str) -> str:
        return column if column in status or not column.startswith("ls.") else "ls.data." + column[3:]

    write_csv(
        "normalized.csv", ["", *map(renamed, rows[0])], [[str(i), *r.values()] for i, r in enumerate(rows)]
    )
    flat = tmp_path / "normalized.jsonl"
    flat.write_text("".join(json.dumps({renamed(k): v or None for k, v in r.items()}) + "\n" for r in rows))
    csv_rep = build_report(str(enriched))
    for path in ("normalized.csv", str(flat)):
        rep = build_report(path)
        assert rep.match_rate == csv_rep.match_rate > 0, path
        assert {f.column: f.filled for f in rep.fills} == {f.column: f.filled for f in csv_rep.fills}, path


def test_a_summary_sheet_of_results_first_is_read_past_to_the_answers(enriched: Path) -> None:
    # A pivot of the results put first ("Result", "Count": ok, failed) was refused as another tool's
    # status, with no word of the sheet holding the answers (skeptic pass 24).
    rows = read_csv(enriched)
    _book_with_a_front_sheet("pivot.xlsx", [["Result", "Count"], ["ok", 200], ["failed", 0]], rows)
    result = invoke("report", "pivot.xlsx")
    assert result.exit_code == 0, result.output
    assert "first sheet holds no answers: sheet leads is read" in result.output
    assert build_report("pivot.xlsx").rows == len(rows)


def _book_with_a_front_sheet(path: str, front: list[list[Any]], rows: list[dict[str, str]]) -> None:
    """Write an output's rows as a workbook's sheet "leads", after a "Summary" sheet of ``front``."""
    import xlsxwriter

    with xlsxwriter.Workbook(path) as book:
        summary = book.add_worksheet("Summary")
        for i, line in enumerate(front):
            summary.write_row(i, 0, line)
        leads = book.add_worksheet("leads")
        leads.write_row(0, 0, list(rows[0]))
        for i, r in enumerate(rows, start=1):
            leads.write_row(i, 0, list(r.values()))
