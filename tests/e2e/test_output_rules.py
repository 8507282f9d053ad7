"""Which runs replace -o (PRODUCT, "Output"), the one kept-aside file, and no lock left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, make_leads, read_csv, write_csv


def _ok(path: Path | str) -> int:
    return sum(r["ls.result"] == "ok" for r in read_csv(path))


def _asides() -> list[Path]:
    return sorted(Path().glob("out.new-*.csv"))


@pytest.mark.slow
def test_a_complete_run_on_another_input_replaces_a_richer_output(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    last_week = make_leads(tmp_path / "last-week.csv", 50)
    assert invoke("enrich", str(last_week), "-o", "out.csv").exit_code == 0
    this_week = make_leads(tmp_path / "this-week.csv", 20)
    result = invoke("enrich", str(this_week), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert len(read_csv("out.csv")) == 20  # this week's rows, not last week's 50
    assert _asides() == []


def test_another_input_of_as_many_rows_under_the_same_header_replaces_the_output(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # A weekly cron job: this week's file has other people, the same header and as many rows, and
    # fewer of them can be sent. It was kept aside ("it holds this input's rows"): -o kept last
    # week's leads every week (skeptic pass 20).
    header = ["First Name", "Last Name", "Email"]
    week1 = write_csv(tmp_path / "w1.csv", header, [[f"A{i}", "Lee", f"a{i}@w1.example"] for i in range(8)])
    rows2 = [[f"B{i}", "Ng", f"b{i}@w2.example"] for i in range(6)] + [["", "", "x@w2.example"]] * 2
    week2 = write_csv(tmp_path / "w2.csv", header, rows2)
    assert invoke("enrich", str(week1), "-o", "out.csv").exit_code == 0
    result = invoke("enrich", str(week2), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert [r["First Name"] for r in read_csv("out.csv")][:6] == [f"B{i}" for i in range(6)]
    assert _asides() == []


def test_a_dry_run_never_removes_an_aside_file_of_more_paid_answers(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # A --no-cache run stopped: its paid answers are only in its aside file. A dry run after it put
    # its own aside file in that one's place, and the answers were gone (skeptic pass 20).
    path = make_leads(tmp_path / "in.csv", 10)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert invoke("enrich", str(path), "-o", "out.csv", "--no-cache", "--max-credits", "4").exit_code == 4
    [paid] = _asides()
    assert _ok(paid) == 4
    assert invoke("enrich", str(path), "-o", "out.csv", "--no-cache", "--dry-run").exit_code == 0
    assert paid in _asides()
    assert len(_asides()) == 2
    assert _ok(paid) == 4


@pytest.mark.slow
def test_a_limit_run_over_a_longer_output_is_kept_aside_and_exits_1(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = make_leads(tmp_path / "in.csv", 30)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    result = invoke("enrich", str(path), "-o", "out.csv", "--limit", "5")
    assert result.exit_code == 1, result.stderr
    assert len(read_csv("out.csv")) == 30
    [aside] = _asides()
    assert len(read_csv(aside)) == 5
    assert aside.name in result.stderr.replace("\n", "")


@pytest.mark.slow
def test_the_same_input_with_fewer_ok_rows_is_kept_aside_and_exits_1(
    sandbox_factory: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_leads(tmp_path / "in.csv", 12)
    good = sandbox_factory(rate=0)  # type: ignore[operator]
    monkeypatch.setenv("LEADSPACE_API_KEY", good.key)
    assert invoke("enrich", str(path), "-o", "out.csv", "--base-url", good.url).exit_code == 0
    failing = sandbox_factory(rate=0, fail_rate=0.5, seed=3)  # type: ignore[operator]
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--no-cache", "--max-retries", "0", "--base-url", failing.url
    )
    assert result.exit_code == 1, result.stderr
    assert _ok("out.csv") == 12
    [aside] = _asides()
    assert _ok(aside) < 12
    assert aside.name in result.stderr.replace("\n", "")


@pytest.mark.slow
def test_stopped_runs_leave_one_aside_file_and_the_next_replacing_run_removes_it(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_leads(tmp_path / "in.csv", 10)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    monkeypatch.setenv("LEADSPACE_API_KEY", "rotated-key-0000")
    for _ in range(4):
        assert invoke("enrich", str(path), "-o", "out.csv", "--no-cache").exit_code == 3
    [aside] = _asides()  # one at a time: each replaced the last
    monkeypatch.setenv("LEADSPACE_API_KEY", use_sandbox.key)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert _asides() == []
    assert aside.name in result.stderr.replace("\n", "")
    assert _ok("out.csv") == 10


def test_no_lock_file_stays_behind(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert sorted(p.name for p in Path().iterdir()) == ["out.csv"]


def test_a_dry_run_with_a_cap_estimates_the_capped_calls(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 300)
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--dry-run", "--max-credits", "30", "--report", "r.json"
    )
    assert result.exit_code == 0, result.stderr
    import json

    assert json.loads(Path("r.json").read_text())["estimate_seconds"] == 1.0


@pytest.mark.slow
def test_an_outage_is_probed_about_once_a_second_not_fired_into(
    sandbox_factory: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=0, outage_start=1.0, outage_seconds=4.0, outage_mode="drop")  # type: ignore[operator]
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 200)
    result = invoke("enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--rate", "30")
    assert result.exit_code == 0, result.stderr
    assert _ok("out.csv") == 200
    # Before: about 30 calls a second into the outage (120 in 4 s), each perhaps billed.
    assert sb.stats.dropped <= 20, sb.stats.dropped
    assert sb.stats.billed_twice() == 0


@pytest.mark.slow
def test_a_cap_reached_in_an_outage_tells_billed_and_possibly_billed(
    sandbox_factory: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=0, outage_start=0.5, outage_seconds=30.0, outage_mode="drop")  # type: ignore[operator]
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    path = make_leads(tmp_path / "in.csv", 100)
    result = invoke(
        "enrich",
        str(path),
        "-o",
        "out.csv",
        "--base-url",
        sb.url,
        "--max-credits",
        "20",
        "--outage-limit",
        "3s",
    )
    text = " ".join(result.stderr.split())
    assert result.exit_code in (4, 5), text
    billed = sum(sb.stats.billed.values())
    if result.exit_code == 4:
        assert f"{billed} billed" in text
        assert "per run" in text
    assert "possibly billed" in text  # the table's label for calls without an answer
    assert "timed out; maybe billed" not in text
