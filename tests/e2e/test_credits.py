"""Never pay twice, never send the key astray: stops with slow answers, timeouts, settings."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.api.connection import check_base_url
from leadspace_cli.api.redact import redact, register_secret
from leadspace_cli.app.settings import load_environment, resolve
from leadspace_cli.errors import ExitCode, SettingsError
from leadspace_cli.sandbox import Sandbox
from tests.conftest import KEY, cli_env, invoke, make_leads, read_csv, signal_after_calls


@pytest.mark.slow
def test_ctrl_c_with_slow_answers_waits_for_them_and_the_rerun_buys_nothing_twice(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(latency=4.0, rate=100)  # answers slower than the old 3-second drain
    path = make_leads(tmp_path / "in.csv", 60)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-o", str(out), "--rate", "20"]
    code, took, stderr = signal_after_calls(signal.SIGINT, sb, cmd, cli_env(sb, tmp_path), calls=10)
    assert code == ExitCode.INTERRUPTED, stderr
    assert "answers already paid for; Ctrl-C again to abandon them" in stderr
    assert took < 30  # one round of 4 s answers, not the whole file (generous: a loaded machine)
    paid = len(sb.stats.paid)
    assert sum(r["ls.result"] == "ok" for r in read_csv(out)) == paid  # every paid answer kept
    rerun = subprocess.run(
        [*cmd, "--rate", "100"], env=cli_env(sb, tmp_path), capture_output=True, timeout=120
    )
    assert rerun.returncode == 0
    assert sb.stats.paid_twice() == []
    assert len(sb.stats.paid) == 60


@pytest.mark.slow
def test_a_second_ctrl_c_counts_the_abandoned_calls_as_possibly_billed(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    # The summary said "credits spent 0" for 78 calls the API billed (skeptic pass 19), and while
    # answers trickled in at the pace a second Ctrl-C did not act until the last had come.
    sb = sandbox_factory(latency=2.0, rate=100)
    path = make_leads(tmp_path / "in.csv", 150)
    out, report = tmp_path / "out.csv", tmp_path / "r.json"
    cmd = [
        sys.executable,
        "-m",
        "leadspace_cli",
        "enrich",
        str(path),
        "-o",
        str(out),
        "--report",
        str(report),
    ]
    # The first Ctrl-C once answers are coming back, the second while they still trickle in.
    code, took, stderr = signal_after_calls(
        signal.SIGINT, sb, cmd, cli_env(sb, tmp_path), calls=1, answered=5, again=0.3
    )
    stderr = " ".join(stderr.split())
    assert code == ExitCode.INTERRUPTED, stderr
    assert took < 10  # the answers on the wire are not awaited (generous: a loaded machine)
    time.sleep(2.5)  # every call sent has been answered (and billed) by now
    got = json.loads(report.read_text())
    # Abandoned while answers still came (30 a second for 2 s): not after the last of them.
    assert got["abandoned"] >= 10
    assert got["credits"] + got["unknown_outcome"] == sb.stats.by_status[200] == got["calls"]
    assert f"{got['abandoned']} calls on the wire were abandoned: they may be billed" in stderr
    rows = read_csv(out)
    dropped = [r for r in rows if "its call was sent and may be billed" in r["ls.error"]]
    assert len(dropped) == got["abandoned"]
    assert {r["ls.result"] for r in dropped} == {"not_sent"}


@pytest.mark.slow
def test_sigterm_waits_at_most_8_seconds(sandbox_factory: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = sandbox_factory(latency=20.0, rate=100)
    path = make_leads(tmp_path / "in.csv", 20)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-o", str(out), "-q"]
    code, took, stderr = signal_after_calls(signal.SIGTERM, sb, cmd, cli_env(sb, tmp_path), calls=3)
    assert code == ExitCode.INTERRUPTED, stderr
    assert 7.0 < took < 15  # waited its 8 s for the answers on the wire (generous above: a loaded machine)
    assert len(read_csv(out)) == 20


@pytest.mark.slow
def test_a_hangup_keeps_the_answers_on_the_wire_and_writes_every_row(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    # The terminal closed (an SSH session dropped): SIGHUP killed the run, the answers on the wire
    # were paid and lost, and -o was never written (skeptic pass 20).
    sb = sandbox_factory(latency=1.0, rate=100)
    path = make_leads(tmp_path / "in.csv", 150)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-o", str(out), "-q"]
    code, _, stderr = signal_after_calls(signal.SIGHUP, sb, cmd, cli_env(sb, tmp_path), calls=20)
    assert code == ExitCode.INTERRUPTED, stderr
    rows = read_csv(out)
    assert len(rows) == 150
    assert sum(r["ls.result"] == "ok" for r in rows) == len(sb.stats.paid)  # every paid answer kept


@pytest.mark.slow
def test_timeouts_are_counted_as_maybe_billed(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(latency=1.5, rate=0)
    path = make_leads(tmp_path / "in.csv", 4)  # 8 timeouts: under the 10 in a row that stop a run
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    result = invoke(
        "enrich",
        str(path),
        "-o",
        "out.csv",
        "--base-url",
        sb.url,
        "--timeout",
        "0.5",
        "--max-retries",
        "1",
        "--report",
        "r.json",
    )
    assert result.exit_code == ExitCode.ROWS_FAILED
    report = json.loads(Path("r.json").read_text())
    assert report["unknown_outcome"] == 8  # 4 rows, 2 attempts each: the API billed them all
    assert report["credits"] == 0
    time.sleep(1.2)
    assert sb.stats.by_status[200] == 8
    assert "raise --timeout first" in " ".join(result.stderr.split())  # a rerun as is pays again


@pytest.mark.slow
def test_a_timeout_shorter_than_the_apis_answers_stops_the_run(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Timeouts were taken for an outage: the run probed once a second for its 5 minutes, 291 calls
    # billed for 10 rows and none answered (skeptic pass 20).
    sb = sandbox_factory(latency=1.0, rate=0)
    path = make_leads(tmp_path / "in.csv", 10)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    result = invoke("enrich", str(path), "-o", "out.csv", "--timeout", "0.3", "--workers", "1")
    assert result.exit_code == ExitCode.STOPPED
    said = " ".join(result.stderr.split())
    assert "10 calls in a row got no answer within --timeout (0.3s)" in said
    assert "Raise --timeout" in said
    time.sleep(1.2)
    assert sb.stats.by_status[200] == 10
    assert "possibly billed" in result.stderr  # in the summary table


def test_retry_invalid_retries_stored_400s_only(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory()
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    path = make_leads(tmp_path / "in.csv", 10)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    # A proxy had answered 400 for the row of Company 3: that is what the store holds for it.
    from leadspace_cli.engine.identity import identity_for
    from leadspace_cli.engine.store import open_store

    identity = identity_for(sb.url, api_key=sb.key, program_id=None)
    with open_store(tmp_path / "cache", identity=identity) as store:
        found = store.find("Company 3")
        assert found.count == 1
        key, request = store.key(json.loads(found.examples[0]))
        store.put(key, 400, "HTTP 400: blocked by a WAF", request)
    calls = sb.stats.calls
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    assert sb.stats.calls == calls  # a plain rerun keeps the stored 400
    assert [r["Company"] for r in read_csv("b.csv") if r["ls.result"] == "invalid_input"] == ["Company 3"]
    assert invoke("enrich", str(path), "-o", "c.csv", "--retry-invalid").exit_code == 0
    assert sb.stats.calls == calls + 1  # only the 400 row is called again
    assert all(r["ls.result"] == "ok" for r in read_csv("c.csv"))


def test_a_dry_run_without_a_key_uses_the_program_id(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory()
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-9")
    path = make_leads(tmp_path / "in.csv", 12)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    assert invoke("enrich", str(path), "-o", "out.csv", "--limit", "8").exit_code == 0
    monkeypatch.delenv("LEADSPACE_API_KEY")
    dry = invoke("enrich", str(path), "-o", "dry.csv", "--dry-run", "--report", "r.json")
    assert dry.exit_code == 0
    assert json.loads(Path("r.json").read_text())["would_call"] == 4
    monkeypatch.delenv("LEADSPACE_PROGRAM_ID")
    blind = invoke("enrich", str(path), "-o", "dry2.csv", "--dry-run")
    assert "cannot look up the answers already stored" in blind.stderr


def test_auth_check_suggests_a_program_id(use_sandbox: Sandbox) -> None:
    result = invoke("auth", "check")
    assert result.exit_code == 0
    assert "LEADSPACE_PROGRAM_ID" in result.stderr


@pytest.mark.parametrize(
    "url",
    ["http://evil.example\\@127.0.0.1", "https://user@api.example", "http://evil.example\\\\@localhost:80"],
)
def test_urls_the_http_library_reads_otherwise_are_refused(url: str) -> None:
    with pytest.raises(SettingsError):
        check_base_url(url)


def test_a_dotenv_base_url_is_shown_before_any_call_even_when_quiet(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEADSPACE_BASE_URL")
    monkeypatch.delenv("LEADSPACE_API_KEY")
    Path(".env").write_text(f"LEADSPACE_API_KEY={use_sandbox.key}\nLEADSPACE_BASE_URL={use_sandbox.url}\n")
    path = make_leads(tmp_path / "in.csv", 2)
    result = invoke("enrich", str(path), "-o", "out.csv", "-q")
    assert result.exit_code == 0
    assert f"Calling {use_sandbox.url} (set by .env in" in result.stderr


def test_a_flag_beats_the_environment_for_the_ca_bundle_and_no_proxy_is_honoured(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pem", tmp_path / "b.pem"
    a.write_text("x")
    b.write_text("y")
    env = load_environment(
        {"REQUESTS_CA_BUNDLE": str(a), "LEADSPACE_API_KEY": "k" * 12}, dotenv_path=tmp_path / "none"
    )
    assert resolve(env, ca_bundle=str(b)).ca_bundle == str(b)
    env = load_environment(
        {
            "LEADSPACE_API_KEY": "k" * 12,
            "HTTPS_PROXY": "http://proxy.example:3128",
            "NO_PROXY": "internal.example",
        },
        dotenv=False,
    )
    assert resolve(env).proxy == "http://proxy.example:3128"
    assert resolve(env, base_url="https://internal.example").proxy is None


def test_netrc_does_not_replace_the_bearer_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import requests

    from leadspace_cli.api.client import Client

    netrc = tmp_path / "netrc"
    netrc.write_text("machine api.leadspace.test login someone password hunter22\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(netrc))  # would beat the session's verify
    settings = resolve({"LEADSPACE_API_KEY": KEY}, base_url="https://api.leadspace.test")
    with Client(settings) as client:
        request = requests.Request("POST", client.url, headers={"Authorization": f"Bearer {KEY}"})
        prepared = client.session.prepare_request(request)
        assert prepared.headers["Authorization"] == f"Bearer {KEY}"  # not Basic from ~/.netrc
        merged = client.session.merge_environment_settings(client.url, {}, None, None, None)
        assert merged["verify"] is True  # the environment does not override the resolved setting


def test_redaction_covers_every_spelling_of_a_secret() -> None:
    key = 'k3y/with+odd=chars\\and"quotes'
    text = f"raw {key} url {__import__('urllib.parse').parse.quote(key, safe='')} json {json.dumps(key)}"
    out = redact(text, [key + "\r"])
    assert "k3y" not in out
    register_secret("oauth-access-token-123")
    assert "oauth-access-token-123" not in redact("token oauth-access-token-123 here", [])


def test_the_trace_never_shows_part_of_a_key_cut_at_its_length_limit(use_sandbox: Sandbox) -> None:
    import io
    import logging

    from leadspace_cli.api.client import Client

    key = use_sandbox.key
    settings = resolve({"LEADSPACE_API_KEY": key}, base_url=use_sandbox.url)
    prefix = '{"company": {"name": "' + "x" * (1990 - len('{"company": {"name": "')) + key
    body = (prefix + '"}}').encode()
    assert body.index(key.encode()) < 2000 < body.index(key.encode()) + len(key)  # straddles the cut
    trace = io.StringIO()
    handler = logging.StreamHandler(trace)
    logger = logging.getLogger("leadspace.http")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        with Client(settings) as client:
            client.call(body)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert "POST" in trace.getvalue()
    assert key[:8] not in trace.getvalue()
