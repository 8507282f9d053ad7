"""Budgets per day and month across runs: the purchase ledger, checked against the sandbox's bill."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.engine.ledger import period_start
from leadspace_cli.sandbox import Sandbox
from tests.conftest import cli_env, invoke, make_leads, write_csv


@pytest.fixture
def slow(sandbox_factory: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    sb = sandbox_factory(rate=0, latency=0.3)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    return sb


def _leads(path: Path, n: int, tag: str) -> Path:
    rows = [[f"{tag}{i}", f"Ann{i}", f"Lee{i}", f"{tag}.{i}@example.com", f"{tag} Co {i}"] for i in range(n)]
    return write_csv(path, ["Lead ID", "First Name", "Last Name", "Email", "Company"], rows)


@pytest.mark.slow
@pytest.mark.parametrize("runs", [2, 4, 8])
def test_overlapping_runs_under_a_daily_budget_are_billed_it_exactly(
    runs: int, sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(rate=0, latency=0.4)
    env = cli_env(sb, tmp_path)
    procs = []
    for r in range(runs):
        path = _leads(tmp_path / f"in{r}.csv", 40, f"r{r}")
        cmd = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-o", str(tmp_path / f"o{r}.csv")]
        cmd += ["--max-credits-per-day", "30", "--rate", "1000", "--workers", "20", "--quiet", "--traceback"]
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    results = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    errors = "\n".join(err.decode(errors="replace") for _, err in results)
    assert sb.stats.by_status[200] == 30, errors  # the budget of all the runs together, as billed
    assert 4 in codes, errors
    assert set(codes) <= {0, 4}, errors


@pytest.mark.slow
def test_no_cache_max_age_0_and_cache_clear_spend_from_the_same_budget(slow: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 10)
    budget = ["--max-credits-per-day", "15", "--rate", "1000"]
    assert invoke("enrich", str(path), "-o", "a.csv", "--no-cache", *budget).exit_code == 0
    assert slow.stats.by_status[200] == 10
    again = invoke("enrich", str(path), "-o", "b.csv", "--max-age", "0", *budget)
    assert again.exit_code == 4, again.stderr
    assert slow.stats.by_status[200] == 15
    assert invoke("cache", "clear", "--yes").exit_code == 0
    third = invoke("enrich", str(path), "-o", "c.csv", *budget)
    assert third.exit_code == 4
    assert slow.stats.by_status[200] == 15  # clearing the store gave back no budget
    info = invoke("cache", "info")
    assert "spent today: 15" in info.stdout, info.stdout


@pytest.mark.slow
def test_the_python_api_spends_from_the_daily_budget(slow: Sandbox, tmp_path: Path) -> None:
    import leadspace_cli

    records = [{"Company": f"Lib Co {i}"} for i in range(12)]
    list(leadspace_cli.enrich_records(records, rate=1000, no_cache=True))
    assert slow.stats.by_status[200] == 12
    path = make_leads(tmp_path / "in.csv", 10)
    result = invoke("enrich", str(path), "-o", "a.csv", "--max-credits-per-day", "15", "--rate", "1000")
    assert result.exit_code == 4
    assert slow.stats.by_status[200] == 15
    assert "12 already bought" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["open_folder", "link", "not_a_ledger"])
def test_a_ledger_that_cannot_be_trusted_stops_a_budgeted_run_before_any_call(
    slow: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    state = tmp_path / "state2"
    state.mkdir(mode=0o700)
    if damage == "open_folder":
        os.chmod(state, 0o777)
    elif damage == "link":
        (tmp_path / "elsewhere.sqlite3").write_bytes(b"")
        (state / "ledger.sqlite3").symlink_to(tmp_path / "elsewhere.sqlite3")
    else:
        (state / "ledger.sqlite3").write_bytes(b"this is not a database" * 100)
        os.chmod(state / "ledger.sqlite3", 0o600)
    monkeypatch.setenv("LEADSPACE_STATE_DIR", str(state))
    path = make_leads(tmp_path / "in.csv", 5)
    result = invoke("enrich", str(path), "-o", "a.csv", "--max-credits-per-month", "100")
    assert result.exit_code == 2, result.stderr
    assert "ledger" in result.stderr
    assert "LEADSPACE_STATE_DIR" in result.stderr
    assert slow.stats.calls == 0
    # Without a budget the run goes on, and says its purchases were not recorded.
    plain = invoke("enrich", str(path), "-o", "b.csv")
    assert plain.exit_code == 0
    assert "not recorded" in plain.stderr
    assert slow.stats.by_status[200] == 5


def test_a_bad_budget_time_zone_is_a_settings_error(
    slow: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_BUDGET_TZ", "Mars/Olympus")
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "a.csv", "--max-credits-per-day", "10")
    assert result.exit_code == 2
    assert "LEADSPACE_BUDGET_TZ" in result.stderr
    assert slow.stats.calls == 0


def test_days_follow_the_budget_time_zone() -> None:
    now = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC
    assert period_start("day", "UTC", now) == 1_699_920_000.0
    assert period_start("day", "Asia/Tokyo", now) == 1_699_974_000.0  # already the 15th in Tokyo
    assert period_start("month", "UTC", now) == 1_698_796_800.0
