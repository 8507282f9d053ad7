"""Never waste a credit, never lose a row: retries, stops, resume and exit codes."""

from __future__ import annotations

import collections
import json
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from leadspace_cli.api.client import Client, Outcome, parse_retry_after
from leadspace_cli.app.settings import resolve
from leadspace_cli.engine.pipeline import Enricher, Options
from leadspace_cli.engine.store import Store
from leadspace_cli.errors import ExitCode
from leadspace_cli.formats.outfile import OutputFile
from leadspace_cli.formats.sources import open_source
from leadspace_cli.mapping.body import builder
from leadspace_cli.mapping.detect import detect
from leadspace_cli.sandbox import Sandbox
from tests.conftest import KEY, cli_env, invoke, make_leads, read_csv, signal_after_calls


def distinct_sufficient(path: Path) -> int:
    rows = read_csv(path)
    return len({(r["First Name"], r["Last Name"], r["Email"], r["Company"]) for r in rows if r["Last Name"]})


@pytest.mark.slow
def test_faults_end_with_every_row_final_and_nothing_paid_twice(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(
        rate=100, fail_rate=0.08, drop_rate=0.03, throttle_rate=0.01, retry_after="1", seed=11
    )
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 300, invalid_every=10)
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--rate", "100", "--report", "r.json"
    )
    assert result.exit_code == ExitCode.OK, result.output
    rows = read_csv("out.csv")
    assert len(rows) == 300
    assert {r["ls.result"] for r in rows} == {"ok", "invalid_input"}
    assert sum(r["ls.result"] == "ok" for r in rows) == 270
    assert sb.stats.paid_twice() == []
    assert len(sb.stats.paid) == 270
    faults = (
        sum(n for s, n in sb.stats.by_status.items() if s >= 500) + sb.stats.by_status[429] + sb.stats.dropped
    )
    assert faults > 20  # the faults really happened
    assert sb.stats.by_status[429] >= 1  # a 429 with its Retry-After among them
    report = json.loads(Path("r.json").read_text())
    assert report["retries"] >= faults
    assert report["exit_code"] == 0
    assert report["by_result"]["ok"] == 270
    assert report["by_result"]["invalid_input"] == 30
    assert report["by_status"]["200"] == 270
    assert report["credits"] == 270
    assert report["calls"] == sb.stats.calls + sb.stats.dropped
    assert report["duration"] > 0
    assert report["call_rate"] > 0
    assert report["schema_version"] == 2
    assert report["job"]["rate"] == 100.0  # the job echoed, option by option
    assert report["job"]["input"] == str(path)
    assert report["job"]["api_key"] is False  # whether a key was passed, never the key
    assert report["settings"]["api_key"] == "…" + KEY[-4:]
    assert KEY not in Path("r.json").read_text()


@pytest.mark.slow
def test_credits_running_out_exit_4_and_a_rerun_pays_nothing_twice(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(credits=60)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    path = make_leads(tmp_path / "in.csv", 150)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == ExitCode.CREDITS
    assert "credits" in result.stderr
    rows = read_csv("out.csv")
    assert len(rows) == 150
    assert sum(r["ls.result"] == "ok" for r in rows) == 60
    # Every other row is unsent; a call in flight when the 427 came back may instead have met a 429
    # the stopping run did not retry ("failed": nothing paid, sent again below). How many depends on
    # the machine's load (a fresh-clone CI run on a busy machine met two): never more than the 429s.
    results = collections.Counter(r["ls.result"] for r in rows)
    assert set(results) <= {"ok", "not_sent", "failed"}
    assert results["failed"] <= sb.stats.by_status.get(429, 0)
    assert sb.stats.by_status[427] >= 1
    sb.set_credits(None)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == ExitCode.OK
    assert all(r["ls.result"] == "ok" for r in read_csv("out.csv"))
    assert sb.stats.paid_twice() == []
    assert len(sb.stats.paid) == 150


def test_wrong_key_exit_3_after_no_more_calls_than_were_in_flight(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(latency=0.3)
    monkeypatch.setenv("LEADSPACE_API_KEY", "wrong-key-0000")
    path = make_leads(tmp_path / "in.csv", 100)
    result = invoke("enrich", str(path), "-o", "out.csv", "--base-url", sb.url)
    assert result.exit_code == ExitCode.AUTH
    assert "401" in result.stderr
    assert "wrong-key-0000" not in result.output
    # At 30/s and 0.3 s per answer, about 10 calls are in flight when the first 401 arrives.
    assert sb.stats.by_status[401] <= 14
    assert sb.stats.by_status[401] == sb.stats.calls
    rows = read_csv("out.csv")
    assert len(rows) == 100
    assert {r["ls.result"] for r in rows} == {"not_sent"}


@contextmanager
def fixed_status_server(status: int) -> Iterator[str]:
    """A server that answers every request with one status, like a misbehaving proxy."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
@pytest.mark.parametrize(("status", "words"), [(405, "proxy"), (415, "headers"), (404, "LEADSPACE_BASE_URL")])
def test_405_415_and_404_stop_with_exit_5(
    status: int, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    path = make_leads(tmp_path / "in.csv", 40)
    with fixed_status_server(status) as url:
        result = invoke("enrich", str(path), "-o", "out.csv", "--base-url", url)
    assert result.exit_code == ExitCode.STOPPED
    assert words in result.stderr
    rows = read_csv("out.csv")
    assert len(rows) == 40
    # Calls go at once: whichever row went first (not always the first row) carries the status,
    # and the rows never sent say so.
    sent = [r for r in rows if r["ls.http_status"]]
    assert sent
    assert {r["ls.http_status"] for r in sent} == {str(status)}
    assert {r["ls.result"] for r in rows if r not in sent} == {"not_sent"}


@pytest.mark.slow
def test_persistent_failures_stop_with_exit_5(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=0, fail_rate=1.0)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 500)
    started = time.monotonic()
    result = invoke("enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--rate", "100")
    assert result.exit_code == ExitCode.STOPPED
    assert "failing persistently" in result.stderr
    assert time.monotonic() - started < 30
    assert sb.stats.calls < 200  # it did not grind through the file
    rows = read_csv("out.csv")
    assert len(rows) == 500
    assert {r["ls.result"] for r in rows} <= {"failed", "not_sent"}


@pytest.mark.slow
def test_failed_rows_give_exit_1_and_a_rerun_finishes(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=0, fail_rate=1.0)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--max-retries", "1")
    assert result.exit_code == ExitCode.ROWS_FAILED
    rows = read_csv("out.csv")
    assert [r["ls.result"] for r in rows] == ["failed"] * 3
    assert all(r["ls.http_status"].startswith("5") for r in rows)
    assert "run the same command again" in result.stderr
    sb.config.fail_rate = 0.0
    assert invoke("enrich", str(path), "-o", "out.csv", "--base-url", sb.url).exit_code == ExitCode.OK
    assert [r["ls.result"] for r in read_csv("out.csv")] == ["ok"] * 3


@pytest.mark.slow
def test_a_rerun_takes_stored_answers(use_sandbox: Sandbox, tmp_path: Path) -> None:
    def answered() -> int:
        # Calls answered (200 or 400), not the gateway's pacing: a run started right after another
        # may meet a 429, retried and paid once (a fresh-clone CI run met one on a busy machine).
        return use_sandbox.stats.calls - use_sandbox.stats.by_status.get(429, 0)

    path = make_leads(tmp_path / "in.csv", 40, invalid_every=8)
    assert invoke("enrich", str(path), "-o", "one.csv").exit_code == 0
    calls, sent = answered(), use_sandbox.stats.calls
    assert invoke("enrich", str(path), "-o", "two.csv").exit_code == 0
    assert use_sandbox.stats.calls == sent  # nothing sent at all
    assert Path("one.csv").read_text() == Path("two.csv").read_text()
    assert invoke("enrich", str(path), "-o", "three.csv", "--max-age", "0").exit_code == 0
    assert answered() == 2 * calls
    dup = make_leads(tmp_path / "dup.csv", 3)
    dup.write_text(dup.read_text() + dup.read_text().split("\n", 1)[1])  # the same 3 rows twice
    assert invoke("enrich", str(dup), "-o", "dup.csv", "--max-age", "0", "--no-cache").exit_code == 0
    assert len(read_csv("dup.csv")) == 6
    assert answered() == 2 * calls + 3  # identical rows are called once, even so
    assert invoke("enrich", str(path), "-o", "four.csv", "--no-cache").exit_code == 0
    assert answered() == 3 * calls + 3


def test_the_store_is_private_and_holds_no_key(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 5)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    db = tmp_path / "cache" / "answers.sqlite3"
    assert db.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700
    for f in (tmp_path / "cache").iterdir():
        assert KEY.encode() not in f.read_bytes()
    info = invoke("cache", "info")
    assert info.exit_code == 0
    assert "answers: 5" in info.stdout
    cleared = invoke("cache", "clear", "--yes")
    assert cleared.exit_code == 0
    assert "Deleted 5" in cleared.stdout
    assert "answers: 0" in invoke("cache", "info").stdout


def test_a_second_run_on_the_same_output_refuses(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    with OutputFile("out.csv"):
        result = invoke("enrich", str(path), "-o", "out.csv")
        assert result.exit_code == ExitCode.USAGE
        assert "Another leadspace run is writing out.csv" in result.stderr
    assert use_sandbox.stats.calls == 0


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_exits_130_quickly_and_a_rerun_finishes(
    sig: signal.Signals, sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(latency=0.3, rate=100)
    path = make_leads(tmp_path / "in.csv", 400)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-o", str(out), "--rate", "100"]
    code, took, stderr = signal_after_calls(sig, sb, cmd, cli_env(sb, tmp_path), calls=30)
    assert code == ExitCode.INTERRUPTED, stderr
    assert took < 20  # generous: the answers on the wire are short, the file is long
    rows = read_csv(out)
    assert len(rows) == 400
    results = {r["ls.result"] for r in rows}
    assert "not_sent" in results
    assert results <= {"ok", "not_sent"}
    paid_before = len(sb.stats.paid)
    rerun = subprocess.run(cmd, env=cli_env(sb, tmp_path), capture_output=True, timeout=120, check=False)
    assert rerun.returncode == 0
    assert all(r["ls.result"] == "ok" for r in read_csv(out))
    assert sb.stats.paid_twice() == []
    assert len(sb.stats.paid) == 400
    assert paid_before < 400


@pytest.mark.slow
def test_kill_9_loses_nothing_paid_for(sandbox_factory: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = sandbox_factory(latency=0.1, rate=100)
    path = make_leads(tmp_path / "in.csv", 300)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-o", str(out), "-q", "--rate", "100"]
    with subprocess.Popen(cmd, env=cli_env(sb, tmp_path)) as proc:
        deadline = time.monotonic() + 30
        while sb.stats.calls < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.kill()
        proc.wait(timeout=10)
    assert not out.exists()  # nobody reads a half-written file under the output's name
    time.sleep(0.5)  # answers that were in flight when it died have arrived at the sandbox
    rerun = subprocess.run(cmd, env=cli_env(sb, tmp_path), capture_output=True, timeout=120, check=False)
    assert rerun.returncode == 0
    assert len(read_csv(out)) == 300
    # An answer that was on the wire when the process died (or had arrived but was not yet
    # stored) was paid for and lost: at most about the calls in flight, 10 at 100/s and 0.1 s.
    # Everything stored was reused: the rest of the file was paid for once.
    lost = len(sb.stats.paid_twice())
    assert lost <= 20
    assert len(sb.stats.paid) == 300 + lost


def test_retry_after_seconds_and_http_dates() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("100000") == 100000.0  # capped where it is waited: RetryPolicy
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == pytest.approx(10.0)


def test_oauth_token_is_renewed_once_after_a_401(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(program_id="prog-7", secret="oauth-secret-xyz")
    settings = resolve(
        {"LEADSPACE_PROGRAM_ID": "prog-7", "LEADSPACE_SECRET": "oauth-secret-xyz"}, base_url=sb.url
    )
    client = Client(settings, pool_size=4)
    first = client.auth.header()
    sb._tokens.clear()  # the gateway forgets the token, as after a rotation
    path = make_leads(tmp_path / "in.csv", 4)
    source = open_source(str(path))
    store = Store(None)
    enricher = Enricher(client, store, options=Options(rate=100))
    results = [r.result.value for _, r in enricher.run(source.rows, builder(detect(source.columns), source))]
    source.close()
    store.close()
    client.close()
    assert results == ["ok"] * 4
    assert client.auth.header() != first
    assert sb.stats.by_status[401] >= 1


def test_oauth_end_to_end_and_bad_secret_is_exit_3(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(program_id="prog-7", secret="oauth-secret-xyz")
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-7")
    monkeypatch.setenv("LEADSPACE_SECRET", "oauth-secret-xyz")
    path = make_leads(tmp_path / "in.csv", 5)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert {r["ls.result"] for r in read_csv("out.csv")} == {"ok"}
    monkeypatch.setenv("LEADSPACE_SECRET", "not-the-secret")
    result = invoke("enrich", str(path), "-o", "out.csv", "--no-cache")
    assert result.exit_code == ExitCode.AUTH
    assert "LEADSPACE_SECRET" in result.stderr
    assert "not-the-secret" not in result.output


def test_client_outcomes(sandbox: Sandbox) -> None:
    client = Client(resolve({"LEADSPACE_API_KEY": KEY}, base_url=sandbox.url))
    assert client.call({"company": {"name": "Acme"}}).outcome is Outcome.OK
    assert client.call({}).outcome is Outcome.INVALID
    client.close()
    bad = Client(resolve({"LEADSPACE_API_KEY": "nope"}, base_url=sandbox.url))
    assert bad.call({"company": {"name": "Acme"}}).outcome is Outcome.AUTH
    bad.close()


def test_cron_gets_plain_timestamped_progress_lines(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 5)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S* 5 rows, [\d.]+ calls/s, ok 5", result.stderr, re.M)
    quiet = invoke("enrich", str(path), "-o", "out2.csv", "--quiet")
    assert quiet.stderr == ""


@pytest.mark.slow
def test_a_second_interrupt_stops_at_once(sandbox_factory: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = sandbox_factory(latency=30.0, rate=0)
    client = Client(resolve({"LEADSPACE_API_KEY": KEY}, base_url=sb.url), pool_size=8)
    path = make_leads(tmp_path / "in.csv", 30)
    source = open_source(str(path))
    store = Store(None)
    enricher = Enricher(client, store, options=Options(rate=100, workers=8))
    for delay in (0.5, 0.7):  # Ctrl-C, then Ctrl-C again
        threading.Timer(delay, enricher.interrupt).start()
    started = time.monotonic()
    rows = [r.result.value for _, r in enricher.run(source.rows, builder(detect(source.columns), source))]
    took = time.monotonic() - started
    source.close()
    store.close()
    client.close()
    assert took < 15  # the 30 s answers in flight were not waited for (generous: a loaded machine)
    assert len(rows) == 30  # every row is still written
    assert set(rows) == {"not_sent"}
    assert enricher.exit_code() == ExitCode.INTERRUPTED


@pytest.mark.slow
def test_a_network_outage_pauses_the_run_and_every_row_ends_ok(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=100, outage_start=0.5, outage_seconds=6.0)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 150)
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--rate", "100", "--report", "r.json"
    )
    assert result.exit_code == 0, result.stderr
    # The outage really happened, and was probed about once a second rather than fired into.
    assert 5 <= sb.stats.dropped <= 40
    assert [r["ls.result"] for r in read_csv("out.csv")] == ["ok"] * 150
    assert json.loads(Path("r.json").read_text())["outages"] >= 1


@pytest.mark.slow
def test_an_outage_longer_than_the_limit_ends_the_run_keeping_what_was_paid(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=100, outage_start=0.5, outage_seconds=60.0)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 150)
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--rate", "100", "--outage-limit", "3s"
    )
    assert result.exit_code == ExitCode.STOPPED
    assert "out of reach" in result.stderr
    rows = read_csv("out.csv")
    assert sum(r["ls.result"] == "ok" for r in rows) == len(sb.stats.paid)
