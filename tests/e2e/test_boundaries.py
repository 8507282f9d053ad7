"""Trust boundaries (issue 23, items 6, 8, 10, 13): a poison answer, hostile files, the cache folder."""

from __future__ import annotations

import csv
import gzip
import http.server
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import unicodedata
import zipfile
from pathlib import Path

import pytest

from leadspace_cli.engine.store import FILENAME, Store
from leadspace_cli.sandbox import Sandbox
from tests.conftest import cli_env, invoke, make_leads, other_user, read_csv, read_jsonl

DEEP = 985  # as found: deep enough to exhaust the recursion limit a few frames into a run


def _deep(levels: int) -> str:
    return "[" * levels + '"bottom"' + "]" * levels


def _poison_the_store(cache: Path, levels: int = DEEP) -> int:
    """Replace every stored answer with itself plus a ``deep`` field nested ``levels`` deep."""
    store = Store(cache / FILENAME, max_age=0)
    try:
        rows = store._db.execute("SELECT id, data FROM answer").fetchall()
        for rowid, data in rows:
            request, text, _ = store._unpack(data)
            answer = json.loads(text)
            answer["data"]["deep"] = "@@DEEP@@"
            poisoned = json.dumps(answer).replace('"@@DEEP@@"', _deep(levels))
            store._db.execute(
                "UPDATE answer SET data = ?, sig = NULL WHERE id = ?",
                (store._pack(request, poisoned, None), rowid),
            )
    finally:
        store.close()
    return len(rows)


def test_a_poison_answer_nested_985_deep_is_reused_ok_with_a_note(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    assert invoke("enrich", str(path), "-o", "first.csv").exit_code == 0
    assert _poison_the_store(tmp_path / "cache") == 3
    calls = use_sandbox.stats.calls
    for out in ("again.csv", "again.jsonl"):
        result = invoke("enrich", str(path), "-o", out)
        assert result.exit_code == 0, result.stderr
    assert use_sandbox.stats.calls == calls  # served from the store, never bought again
    rows = read_csv("again.csv")
    assert [r["ls.result"] for r in rows] == ["ok"] * 3
    assert all("deeper than 64 levels" in r["ls.error"] for r in rows)
    assert all(r["ls.status"] and r["ls.enrichment_status"] for r in rows)  # the rest is there
    extra = json.loads(rows[0]["ls.extra"])["deep"]
    depth = 0
    while isinstance(extra, list):
        extra, depth = extra[0], depth + 1
    assert isinstance(extra, str)  # kept as JSON text
    assert extra.startswith("[[[")
    assert extra.endswith("]]]")
    assert depth + 2 == 64  # below the answer and its data, lists to level 64; the 65th is text
    assert extra.count("[") == DEEP - depth
    lines = read_jsonl("again.jsonl")
    assert [line["ls"]["result"] for line in lines] == ["ok"] * 3
    assert "deeper than 64" in lines[0]["ls"]["error"]


class _DeepAPI(http.server.BaseHTTPRequestHandler):
    """An API that answers every call with a 200 whose data holds a field nested DEEP levels."""

    calls = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).calls += 1
        body = (
            '{"status": "success", "data": {"enrichment_status": "matched", "deep": ' + _deep(DEEP) + "}}"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
def test_a_poison_answer_from_the_api_is_paid_once_stored_and_ok(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _DeepAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("LEADSPACE_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("LEADSPACE_API_KEY", "deep-key-1234")
        path = make_leads(tmp_path / "in.csv", 4)
        for out in ("first.csv", "again.csv"):
            result = invoke("enrich", str(path), "-o", out)
            assert result.exit_code == 0, result.stderr
            rows = read_csv(out)
            assert [r["ls.result"] for r in rows] == ["ok"] * 4
            assert all("deeper than 64 levels" in r["ls.error"] for r in rows)
            assert all(r["ls.enrichment_status"] == "matched" for r in rows)
            assert "bottom" in rows[0]["ls.extra"]
        assert _DeepAPI.calls == 4  # paid once, stored, reused
    finally:
        server.shutdown()
        server.server_close()


PEAK_MB = 200  # the limit on the peak memory of a run over a small hostile file


def _peak_mb(
    args: list[str], env: dict[str, str], cwd: Path
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``leadspace ARGS`` in a fresh process; return it and its peak memory (MB).

    Measured through an intermediate Python whose only child is the run, so the children of
    earlier tests do not count (RUSAGE_CHILDREN keeps the largest child ever waited for).
    """
    probe = (
        "import json, resource, subprocess, sys\n"
        "command = [sys.executable, '-m', 'leadspace_cli', *sys.argv[1:]]\n"
        "p = subprocess.run(command, capture_output=True, text=True)\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps([p.returncode, p.stdout, p.stderr, kb]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], env=env, cwd=cwd, capture_output=True, text=True
    )
    code, out, err, kb = json.loads(done.stdout)
    return subprocess.CompletedProcess(args, code, out, err), kb / 1024


HEADER = b"Lead ID,First Name,Last Name,Email,Company\n"


def _gz(path: Path, *parts: bytes | tuple[bytes, int]) -> Path:
    """Write a .csv.gz of parts; (chunk, n) is chunk written n times, never held whole."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for part in parts:
            if isinstance(part, tuple):
                for _ in range(part[1]):
                    fh.write(part[0])
            else:
                fh.write(part)
    return path


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param([(b"," * 1_000_000, 300)], id="300 million commas"),
        pytest.param([b'"', (b"a" * 1_000_000, 100), b'"'], id="a 100 MB quoted field"),
    ],
)
@pytest.mark.slow
def test_a_csv_row_over_16_mib_is_one_invalid_row_in_bounded_memory(
    sandbox: Sandbox, tmp_path: Path, hostile: list[bytes | tuple[bytes, int]]
) -> None:
    row = b"L%d,Ada%d,Lovelace,ada%d@acme.example,Acme\n"
    path = _gz(tmp_path / "in.csv.gz", HEADER, row % (1, 1, 1), b"L2,", *hostile, b"\n", row % (3, 3, 3))
    assert path.stat().st_size < 400_000  # a small file
    done, peak = _peak_mb(["enrich", str(path), "-o", "out.csv"], cli_env(sandbox, tmp_path), tmp_path)
    assert done.returncode == 0, done.stderr
    rows = read_csv(tmp_path / "out.csv")
    assert [r["Lead ID"] for r in rows] == ["L1", "", "L3"]
    assert [r["ls.result"] for r in rows] == ["ok", "invalid_input", "ok"]
    assert rows[1]["ls.error"] == "line 3 is longer than 16 MiB: not read (no lead is that long)"
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"


@pytest.mark.slow
def test_a_quoted_field_that_runs_on_past_16_mib_refuses_the_file(sandbox: Sandbox, tmp_path: Path) -> None:
    path = _gz(tmp_path / "in.csv.gz", HEADER, b'L1,"Ada\n', (b"a" * 1023 + b"\n", 20_000), b"\n")
    done, peak = _peak_mb(["enrich", str(path), "-o", "out.csv"], cli_env(sandbox, tmp_path), tmp_path)
    assert done.returncode == 2, done.stderr
    assert "line 2: a quoted field opened on this row runs on past 16 MiB" in done.stderr
    assert "Traceback" not in done.stderr
    assert sandbox.stats.calls == 0
    assert peak < PEAK_MB


NS = (
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LEAD_ROWS = (
    f"<worksheet {NS}><sheetData>"
    + "".join(
        f'<row r="{i}">' + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in row) + "</row>"
        for i, row in enumerate(
            [
                ["Lead ID", "First Name", "Last Name", "Email", "Company"],
                ["L1", "Ada", "Lovelace", "a@acme.example", "Acme"],
            ],
            start=1,
        )
    )
).encode()


def _book(
    path: Path, sheet: list[bytes | tuple[bytes, int]], strings: list[bytes | tuple[bytes, int]] | None = None
) -> Path:
    """Write a workbook whose sheet (and shared strings) are streamed from parts, as in _gz."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "xl/workbook.xml",
            f'<workbook {NS}><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        rels = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        if strings is not None:
            rels += f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for name, parts in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings)):
            if parts is None:
                continue
            with z.open(name, "w", force_zip64=True) as fh:
                for part in parts:
                    for _ in range(part[1] if isinstance(part, tuple) else 1):
                        fh.write(part[0] if isinstance(part, tuple) else part)
    return path


def _claim_size(path: Path, part: str, size: int) -> None:
    """Make a workbook's central directory say that a part unpacks to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory entry
    while True:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == part.encode():
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            break
        extra = int.from_bytes(data[at + 30 : at + 32], "little") + int.from_bytes(
            data[at + 32 : at + 34], "little"
        )
        at = data.index(b"PK\x01\x02", at + 46 + name_len + extra)
    path.write_bytes(bytes(data))


@pytest.mark.slow
def test_a_workbook_zip_bomb_is_refused_in_bounded_memory(sandbox: Sandbox, tmp_path: Path) -> None:
    # One row of 400 million bytes of empty cells, packed 1,000 to 1 into a 390 KB workbook (8.6 GB
    # of memory and 7 minutes before it was refused).
    path = _book(
        tmp_path / "bomb.xlsx",
        [LEAD_ROWS, b'<row r="3">', (b"<c/>" * 1_000_000, 100), b"</row></sheetData></worksheet>"],
    )
    assert path.stat().st_size < 500_000
    done, peak = _peak_mb(["enrich", str(path), "-o", "out.csv"], cli_env(sandbox, tmp_path), tmp_path)
    assert done.returncode == 2, done.stderr
    assert "xl/worksheets/sheet1.xml unpacks 1,0" in done.stderr
    assert "more than 100 to 1: refused as a zip bomb" in done.stderr
    assert "Traceback" not in done.stderr
    assert sandbox.stats.calls == 0
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"


@pytest.mark.parametrize(
    ("part", "size", "limit"),
    [
        ("xl/worksheets/sheet1.xml", 2**30 + 1, "1,073,741,824"),  # a sheet over 1 GiB
        ("xl/sharedStrings.xml", 2**28 + 1, "268,435,456"),  # a shared-strings table over 256 MiB
    ],
)
def test_a_workbook_part_over_its_cap_is_refused(tmp_path: Path, part: str, size: int, limit: str) -> None:
    end = b"</sheetData></worksheet>"
    path = _book(tmp_path / "big.xlsx", [LEAD_ROWS, end], [f"<sst {NS}><si><t>x</t></si></sst>".encode()])
    _claim_size(path, part, size)
    result = invoke("enrich", str(path), "-o", "out.csv", "--dry-run")
    assert result.exit_code == 2
    assert f"its part {part} unpacks to {size:,} bytes, more than {limit}: refused" in result.stderr


class _BombOAuth(http.server.BaseHTTPRequestHandler):
    """An OAuth endpoint whose token answer is a small gzip body that unpacks to 2 GB."""

    body = b""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


def _gzip_bomb(unpacked: int) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as fh:
        fh.write(b'{"token": "')
        chunk = b"a" * 2**20
        for _ in range(unpacked // len(chunk)):
            fh.write(chunk)
        fh.write(b'", "expiration": 9999999999}')
    return out.getvalue()


@pytest.mark.slow
def test_an_oauth_answer_that_unpacks_past_8_mib_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    _BombOAuth.body = _gzip_bomb(2 * 2**30)
    assert len(_BombOAuth.body) < 2_200_000
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _BombOAuth)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSPACE_")}
        env.update(
            LEADSPACE_BASE_URL=f"http://127.0.0.1:{server.server_address[1]}",
            LEADSPACE_PROGRAM_ID="prog-bomb",
            LEADSPACE_SECRET="secret-bomb-1234",
            LEADSPACE_CACHE_DIR=str(tmp_path / "cache"),
            LEADSPACE_RUNTIME_DIR=str(tmp_path / "runtime"),
        )
        path = make_leads(tmp_path / "in.csv", 2)
        done, peak = _peak_mb(["enrich", str(path), "-o", "out.csv"], env, tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 3, done.stderr
    assert "answered with more than 8 MiB: refused" in done.stderr
    assert "Traceback" not in done.stderr
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"


def test_a_symlinked_store_is_refused_and_its_target_left_alone(use_sandbox: Sandbox, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    target = tmp_path / "someone-elses.txt"
    target.write_text("not a store\n")
    target.chmod(0o644)
    (cache / FILENAME).symlink_to(target)
    path = make_leads(tmp_path / "in.csv", 2)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 2
    assert f"The response store {cache / FILENAME} is a symbolic link: refused" in result.stderr
    assert target.stat().st_mode & 0o777 == 0o644  # not chmod'ed through the link
    assert target.read_text() == "not a store\n"
    assert use_sandbox.stats.calls == 0


def test_a_cache_folder_of_ours_open_to_others_is_made_private(use_sandbox: Sandbox, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o777)
    path = make_leads(tmp_path / "in.csv", 2)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert cache.stat().st_mode & 0o777 == 0o700
    assert (cache / FILENAME).stat().st_mode & 0o777 == 0o600


@pytest.mark.must_run
def test_a_cache_folder_of_another_user_is_refused(use_sandbox: Sandbox, tmp_path: Path) -> None:
    uid, gid = other_user()
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    os.chown(cache, uid, gid)
    path = make_leads(tmp_path / "in.csv", 2)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 2
    assert f"The cache folder {cache} belongs to another user" in result.stderr
    assert not (cache / FILENAME).exists()
    assert use_sandbox.stats.calls == 0


@pytest.mark.parametrize(
    "schema",
    [
        "CREATE TRIGGER t AFTER INSERT ON answer BEGIN DELETE FROM answer; END",
        "CREATE VIEW v AS SELECT * FROM answer",
    ],
)
def test_a_store_holding_triggers_or_views_is_refused(
    use_sandbox: Sandbox, tmp_path: Path, schema: str
) -> None:
    path = make_leads(tmp_path / "in.csv", 2)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    with sqlite3.connect(tmp_path / "cache" / FILENAME) as db:
        db.execute(schema)
    db.close()
    result = invoke("enrich", str(path), "-o", "again.csv")
    assert result.exit_code == 2
    assert "which leadspace never writes: refused" in result.stderr
    for command in (["cache", "info"], ["cache", "forget", "p1@company1.example", "--yes"]):
        assert invoke(*command).exit_code == 2


def test_the_store_does_not_trust_its_schema(tmp_path: Path) -> None:
    with Store(tmp_path / FILENAME) as store:
        assert store._db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def _enrich_people(tmp_path: Path, people: list[list[str]]) -> Path:
    header = ["Lead ID", "First Name", "Last Name", "Email", "Company"]
    path = tmp_path / "people.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header, *people])
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    return path


PEOPLE = [
    ["1", "Jane", "Doe", "Jane.Doe@Acme.com", "Acme"],
    ["2", "José", "Núñez", "jose@globex.example", "Globex"],
    ["3", "Ana", "Lima", "ana@initech.example", "Initech"],
    ["4", "Bea", "Limas", "bea@initech.example", "Initech"],
]


def _answers() -> int:
    return int(invoke("cache", "info").stdout.split("answers: ")[1].split()[0])


def test_forget_matches_whatever_the_case_and_the_json_escaping(use_sandbox: Sandbox, tmp_path: Path) -> None:
    _enrich_people(tmp_path, PEOPLE)
    assert _answers() == 4
    jane = invoke("cache", "forget", "jane.doe@acme.com", "--yes")
    assert jane.exit_code == 0, jane.stderr
    assert "Erased 1 stored answer;" in jane.stdout
    assert "1 stored answer mentions 'jane.doe@acme.com'" in jane.stderr
    assert (
        '"email":"jane.doe@acme.com"' in jane.stderr.split("for example:")[1]
    )  # an example (sent lower-cased)
    # Stored as JSON ("N\u00fa\u00f1ez" when escaped) and typed decomposed (u + combining accent).
    nunez = invoke("cache", "forget", unicodedata.normalize("NFD", "NÚÑEZ"), "--yes")
    assert "Erased 1 stored answer;" in nunez.stdout, nunez.stderr
    assert _answers() == 2
    # Short text matches whole values only: "Lima" is Ana Lima, not Bea Limas.
    li = invoke("cache", "forget", "LIMA", "--yes")
    assert "Erased 1 stored answer;" in li.stdout
    assert "as a whole value" in li.stderr
    assert _answers() == 1


def test_forget_removes_damaged_copies_that_mention_the_person(use_sandbox: Sandbox, tmp_path: Path) -> None:
    _enrich_people(tmp_path, PEOPLE)
    cache = tmp_path / "cache"
    aside = cache / f"{FILENAME}.damaged-20260101-000000"
    shutil.copyfile(cache / FILENAME, aside)
    other = cache / f"{FILENAME}.damaged-20260102-000000"
    with Store(other) as empty:
        assert empty.info()["answers"] == 0
    result = invoke("cache", "forget", "Jane.Doe@acme.com", "--yes")
    assert result.exit_code == 0, result.stderr
    assert f"the damaged copy {aside} (removed whole)" in result.stderr
    assert not aside.exists()
    assert other.exists()  # it never held her


@pytest.mark.slow
def test_forget_says_when_another_run_holds_the_store(use_sandbox: Sandbox, tmp_path: Path) -> None:
    _enrich_people(tmp_path, PEOPLE)
    run = sqlite3.connect(tmp_path / "cache" / FILENAME, isolation_level=None)
    try:
        run.execute("BEGIN")
        run.execute("SELECT COUNT(*) FROM answer").fetchone()  # a reader's snapshot, as a run holds
        result = invoke("cache", "forget", "jane.doe@acme.com", "--yes")
    finally:
        run.close()
    assert result.exit_code == 1
    assert "Erased" not in result.stdout
    assert "another run holds the store" in result.stderr
    again = invoke("cache", "forget", "jane.doe@acme.com", "--yes")
    assert "Nothing stored mentions 'jane.doe@acme.com'" in again.stdout
