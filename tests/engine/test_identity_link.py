"""The key and the program ID are one customer: store, ledger and dry run, against the sandbox's bill."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.sandbox import Sandbox
from tests.conftest import KEY, invoke, make_leads


@pytest.mark.slow
def test_a_program_id_set_beside_the_key_reuses_the_keys_answers(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory()
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    path = make_leads(tmp_path / "in.csv", 30)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    assert sb.stats.by_status[200] == 30
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-77")  # as `auth check` advises
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    assert sb.stats.by_status[200] == 30  # nothing bought again
    more = make_leads(tmp_path / "more.csv", 40)  # 10 new rows, bought under the program
    assert invoke("enrich", str(more), "-o", "c.csv").exit_code == 0
    assert sb.stats.by_status[200] == 40
    # A cron job that lost the variable: the key alone finds the program's answers.
    monkeypatch.delenv("LEADSPACE_PROGRAM_ID")
    assert invoke("enrich", str(more), "-o", "d.csv").exit_code == 0
    assert sb.stats.by_status[200] == 40
    assert sb.stats.billed_twice() == 0
    # The program ID alone (no key): the dry run counts them all as stored.
    monkeypatch.delenv("LEADSPACE_API_KEY")
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-77")
    dry = invoke("enrich", str(more), "-o", "e.csv", "--dry-run", "--report", "r.json")
    assert dry.exit_code == 0, dry.stderr
    assert json.loads(Path("r.json").read_text())["would_call"] == 0


def test_the_budget_of_the_key_and_of_the_program_is_one(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-78")
    first = make_leads(tmp_path / "a.csv", 10)
    assert invoke("enrich", str(first), "-o", "a.csv", "--rate", "1000").exit_code == 0
    monkeypatch.delenv("LEADSPACE_PROGRAM_ID")
    rows = [["X", "Ann", "Other", f"o{i}@other.example", f"Other {i}"] for i in range(20)]
    from tests.conftest import write_csv

    second = write_csv(tmp_path / "b.csv", ["Lead ID", "First Name", "Last Name", "Email", "Company"], rows)
    result = invoke("enrich", str(second), "-o", "b.csv", "--max-credits-per-day", "15", "--rate", "1000")
    assert result.exit_code == 4
    assert sb.stats.by_status[200] == 15


def test_after_a_key_rotation_the_run_names_cache_rekey(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(keys={"rotated-key-333": "default"})
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    path = make_leads(tmp_path / "in.csv", 5)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    monkeypatch.setenv("LEADSPACE_API_KEY", "rotated-key-333")
    result = invoke("enrich", str(path), "-o", "b.csv")
    assert result.exit_code == 0
    assert "cache rekey" in result.stderr
    again = invoke("enrich", str(path), "-o", "c.csv")
    assert "cache rekey" not in again.stderr  # said once: the new key has answers now


def test_a_key_s_purchases_before_its_program_id_count_in_the_program_s_budget(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Skeptic 26 F1: the key bought 10 today, then LEADSPACE_PROGRAM_ID was set as the tool advises:
    # the program's daily budget started again from 0 (160 billed under a daily 100).
    sb = sandbox_factory(rate=0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    first = make_leads(tmp_path / "a.csv", 10)
    assert invoke("enrich", str(first), "-o", "a.csv", "--rate", "1000").exit_code == 0
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-79")
    rows = [["X", "Ann", "Other", f"o{i}@other.example", f"Other {i}"] for i in range(20)]
    from tests.conftest import write_csv

    second = write_csv(tmp_path / "b.csv", ["Lead ID", "First Name", "Last Name", "Email", "Company"], rows)
    result = invoke("enrich", str(second), "-o", "b.csv", "--max-credits-per-day", "15", "--rate", "1000")
    assert result.exit_code == 4, result.stderr
    assert sb.stats.by_status[200] == 15


def test_cache_info_shows_the_spend_the_budget_counts(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review 47 F4: 5 credits from the key alone, then 3 with the program: the budget counted 8 and
    # `cache info` said "spent today: 3".
    sb = sandbox_factory(rate=0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    assert invoke("enrich", str(make_leads(tmp_path / "a.csv", 5)), "-o", "a.csv").exit_code == 0
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-80")
    assert invoke("enrich", str(make_leads(tmp_path / "b.csv", 8)), "-o", "b.csv").exit_code == 0
    assert sb.stats.by_status[200] == 8
    info = invoke("cache", "info")
    assert "spent today: 8" in info.stdout, info.stdout
    assert "one customer, one budget: program:prog-80@" in info.stdout
