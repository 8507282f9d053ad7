"""Units reached before only through the whole CLI: the store, settings, the writer, stops, progress."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from leadspace_cli.api import flatten
from leadspace_cli.api.columns import LsColumns
from leadspace_cli.app.settings import load_environment, parse_duration, resolve
from leadspace_cli.cli.ui import RichDisplay
from leadspace_cli.engine.attempts import Stop
from leadspace_cli.engine.identity import Identity
from leadspace_cli.engine.store import Store
from leadspace_cli.errors import ExitCode, LeadspaceError, first_code
from leadspace_cli.formats.rows import Row
from leadspace_cli.formats.writers import RowWriter
from leadspace_cli.results import Result, RowResult
from tests.conftest import ROOT, make_leads


def test_store_keeps_answers_by_key_and_age(tmp_path: Path) -> None:
    path = tmp_path / "s" / "answers.sqlite3"
    body = {"company": {"name": "Acme"}, "external_id": "1"}
    mine = Identity("program:P@https://api", "P")
    store = Store(path, identity=mine)
    key, request = store.key(body)
    assert store.key({"company": {"name": "Acme"}, "external_id": "2"})[0] == key  # id not matched
    with Store(None, identity=Identity("program:Q@https://api", "Q")) as other:
        assert other.key(body)[0] != key  # another program's answers stay apart
    with store:
        assert store.get(key, request=request) is None
        store.put(key, 200, '{"data": {}}', request)
        assert store.get(key) == (200, '{"data": {}}', None)
        store.put_rendered(key, "sig1", "ok,200,,cells")
        assert store.get(key, "sig1") == (200, '{"data": {}}', "ok,200,,cells")
        assert store.get(key, "sig2") == (200, '{"data": {}}', None)  # another output shape
    with Store(path, max_age=3600, identity=mine) as store:
        assert store.get(key) == (200, '{"data": {}}', None)  # kept across opens
        store._db.execute("UPDATE answer SET stored = stored - 7200")
        assert store.get(key) is None  # older than max_age
        assert store.clear(older_than=60).answers == 1
        assert store.info()["answers"] == 0
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_full_disk_costs_the_answer_being_written_not_the_run(tmp_path: Path) -> None:
    store = Store(tmp_path / "answers.sqlite3", identity=Identity("p", "p"))
    pages = int(store._db.execute("PRAGMA page_count").fetchone()[0])
    store._db.execute(f"PRAGMA max_page_count = {pages + 4}")  # a disk that fills up
    for i in range(200):
        key, request = store.key({"company": {"name": f"Company {i}"}})
        store.put(key, 200, os.urandom(1500).hex(), request)  # never raises
    assert store.counts.write_errors > 0
    assert "full" in store.counts.last_error
    store.close()


def test_durations_are_parsed_and_a_bad_one_names_its_option() -> None:
    assert parse_duration("30d", "--max-age", "0 means never reuse") == 30 * 86400
    assert parse_duration("12h", "--max-age", "0 means never reuse") == 12 * 3600
    assert parse_duration("0", "--max-age", "0 means never reuse") == 0
    for bad in ("soon", "-5d", "nan", "inf", "1e400d"):
        with pytest.raises(LeadspaceError, match=r"--outage-limit .* \(0 gives up"):
            parse_duration(bad, "--outage-limit", "0 gives up")


def test_settings_order_flag_environment_dotenv_default(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("LEADSPACE_API_KEY=from-dotenv-key\nLEADSPACE_BASE_URL=https://dotenv.example\n")
    env = load_environment({"LEADSPACE_TOKEN_ISSUED": "2026-01-01"}, dotenv_path=dotenv)
    assert resolve(env).base_url == "https://dotenv.example"  # .env beats the default, beside its key
    env = load_environment(
        {"LEADSPACE_API_KEY": "from-environment", "LEADSPACE_BASE_URL": "https://env.example"},
        dotenv_path=dotenv,
    )
    s = resolve(env)
    assert s.api_key == "from-environment"  # the environment beats .env
    assert s.base_url == "https://env.example"
    assert resolve(env, api_key="from-flag").api_key == "from-flag"  # a flag beats both
    assert resolve(env, base_url="https://flag.example").base_url == "https://flag.example"
    assert resolve({"LEADSPACE_API_KEY": "k" * 10}).base_url == "https://apigw.leadspace.com"  # default
    assert load_environment({}, dotenv_path=dotenv, dotenv=False) == {}  # .env only when asked


def test_dotenv_values_are_taken_literally(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("LEADSPACE_PROGRAM_ID=${LEADSPACE_API_KEY}\n")
    env = load_environment({"LEADSPACE_API_KEY": "secret-key-1234"}, dotenv_path=dotenv)
    assert env["LEADSPACE_PROGRAM_ID"] == "${LEADSPACE_API_KEY}"  # a .env cannot copy the key


def test_no_key_message_names_no_flag_that_does_not_exist() -> None:
    with pytest.raises(LeadspaceError) as info:
        resolve({})
    assert "--api-key" not in str(info.value)
    assert "LEADSPACE_API_KEY" in str(info.value)


def _csv_of(writer_args: dict[str, object], result: RowResult) -> list[str]:
    out = io.StringIO()
    writer_args.setdefault("ls", LsColumns())
    writer = RowWriter(out, "csv", ["id"], "table", **writer_args)  # type: ignore[arg-type]
    writer.write(Row(["7"]), result)
    return out.getvalue().splitlines()


def test_writer_puts_input_then_ls_columns_and_keeps_status_columns() -> None:
    ok = RowResult(Result.OK, 200, payload={"status": "success", "data": {"company": {"name": "=Acme"}}})
    header, row = _csv_of({}, ok)
    assert header.split(",") == ["id", *flatten.COLUMNS]
    ls = LsColumns(["company.name"], {"ls.company.name": "Matched"}, excel_safe=True)
    header, row = _csv_of({"ls": ls}, ok)
    assert header == "id,ls.result,ls.http_status,ls.error,Matched"
    assert row == "7,ok,200,,'=Acme"
    header, row = _csv_of({"ls": ls, "bom": True}, RowResult(Result.NOT_SENT))
    assert header.startswith("\ufeffid,")
    assert row == "7,not_sent,,,"


def test_record_output_replaces_old_ls_keys() -> None:
    ls = LsColumns(["ls.company.name"])
    old = {"Company": "Acme", "ls.result": "failed", "ls.stale": "x"}
    rec = ls.record(old, RowResult(Result.OK, 200, payload={"data": {"company": {"name": "Acme Inc"}}}))
    assert rec == {
        "Company": "Acme",
        "ls.result": "ok",
        "ls.http_status": "200",
        "ls.error": "",
        "ls.company.name": "Acme Inc",
    }


def test_stop_reports_the_reason_that_wins() -> None:
    stop = Stop()
    stop(ExitCode.AUTH, "401")
    stop(ExitCode.STOPPED, "persistent")
    assert stop.reason is not None
    assert stop.reason.code is ExitCode.AUTH  # 3 beats 5
    stop(ExitCode.INTERRUPTED, "ctrl-c")
    assert stop.reason.code is ExitCode.INTERRUPTED  # 130 beats everything
    assert first_code(ExitCode.ROWS_FAILED, ExitCode.PIPE, ExitCode.INTERNAL) is ExitCode.PIPE


def test_progress_bar_and_counts_move_together() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=200)
    display = RichDisplay(console)
    from leadspace_cli.results import Stats

    display.start(600, Stats())
    for i in range(252):
        display.row_done(Result.OK if i % 3 else Result.INVALID)
        task = display.progress.tasks[0]
        assert task.completed == sum(display.counts.values())  # "247/600 ... ok 252" cannot happen
    display.stop()
    assert display.progress.tasks[0].completed == 252
    assert display.counts == {Result.OK: 168, Result.INVALID: 84}


def _piped(tmp_path: Path, command: str) -> subprocess.CompletedProcess[str]:
    """Run ``leadspace COMMAND`` in bash (a pipe after it), then print its own exit code."""
    env = {**os.environ, "LEADSPACE_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    env.update(HOME=str(tmp_path / "home"), LEADSPACE_STATE_DIR=str(tmp_path / "state"))
    env.pop("LEADSPACE_DEBUG", None)
    return subprocess.run(
        f'{sys.executable} -m leadspace_cli {command}; echo "exit=${{PIPESTATUS[0]}}"',
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.slow  # a run of its own in a subprocess: 2.1 s once in CI, its first cold start there
def test_a_closed_pipe_stops_quietly_with_141(tmp_path: Path) -> None:
    path = make_leads(tmp_path / "big.csv", 50_000)
    proc = _piped(tmp_path, f"enrich {path} --dry-run -q | head -3")
    lines = proc.stdout.splitlines()
    assert len(lines) == 4
    assert lines[-1] == "exit=141"
    assert proc.stderr == ""  # no "Internal error", no BrokenPipeError complaint


@pytest.mark.slow
def test_a_closed_stderr_still_writes_every_row(tmp_path: Path) -> None:
    # `enrich ... 2>&1 | head -1`: the log's reader goes away mid-run; every row paid for is still
    # written to -o and the run ends with its own exit code (rich's console would exit 1 midway).
    path = make_leads(tmp_path / "leads.csv", 150)
    out = tmp_path / "out.csv"
    proc = _piped(tmp_path, f"enrich {path} -o {out} --sandbox 2>&1 | head -1")
    assert proc.stdout.splitlines()[-1] == "exit=0", proc.stdout
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 150
    assert {r["ls.result"] for r in rows} == {"ok"}
