"""The same rows in two runs at once: each question is bought once, checked against the sandbox's bill."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import leadspace_cli
from leadspace_cli.sandbox import Sandbox
from tests.conftest import cli_env, make_leads, read_csv


@pytest.mark.slow
def test_two_runs_on_one_file_buy_each_row_once(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(latency=0.3)  # the API's 30 calls a second
    path = make_leads(tmp_path / "in.csv", 120)
    env = cli_env(sb, tmp_path)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "leadspace_cli",
                "enrich",
                str(path),
                "-o",
                str(tmp_path / f"o{i}.csv"),
                "-q",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in range(2)
    ]
    errors = []
    for p in procs:
        _, err = p.communicate(timeout=300)
        errors.append(err.decode())
        assert p.returncode == 0, err.decode()
    assert sb.stats.billed_twice() == 0
    assert sb.stats.by_status[200] == 120
    for i in range(2):
        assert all(r["ls.result"] == "ok" for r in read_csv(tmp_path / f"o{i}.csv"))


@pytest.mark.slow
def test_two_library_callers_in_one_process_buy_each_row_once(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(latency=0.3)
    records = [{"Company": f"Thread Co {i}", "Email": f"x{i}@thread.example"} for i in range(60)]
    results: list[list[dict[str, object]]] = [[], []]

    def run(i: int) -> None:
        results[i] = list(leadspace_cli.enrich_records(records, api_key=sb.key, base_url=sb.url))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert sb.stats.billed_twice() == 0
    assert sb.stats.by_status[200] == 60
    assert all(r["ls.result"] == "ok" for rows in results for r in rows)
    assert all(len(rows) == 60 for rows in results)


def test_no_cache_runs_say_they_take_no_claims(use_sandbox: Sandbox, tmp_path: Path) -> None:
    from tests.conftest import invoke

    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "a.csv", "--no-cache")
    assert result.exit_code == 0
    assert "no claims" in result.stderr


@pytest.mark.slow
def test_a_run_of_the_key_alone_and_a_run_of_its_program_buy_each_row_once(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    # Skeptic 26 F8: a cron job of the key alone (started before LEADSPACE_PROGRAM_ID was set) and a
    # run with the program ID claimed under different partitions: 584 credits for 300 rows.
    sb = sandbox_factory(latency=0.3)
    path = make_leads(tmp_path / "in.csv", 90)
    env = cli_env(sb, tmp_path)
    command = [sys.executable, "-m", "leadspace_cli", "enrich", str(path), "-q"]
    first = subprocess.Popen([*command, "-o", str(tmp_path / "a.csv")], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while sb.stats.calls < 5 and time.monotonic() < deadline:  # the key's run has begun buying
        time.sleep(0.05)
    second = subprocess.Popen(
        [*command, "-o", str(tmp_path / "b.csv")],
        env={**env, "LEADSPACE_PROGRAM_ID": "prog-mixed"},
        stderr=subprocess.PIPE,
    )
    for proc in (first, second):
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    assert sb.stats.billed_twice() == 0
    assert len(sb.stats.paid) == 90
    assert [r["ls.result"] for r in read_csv(tmp_path / "b.csv")] == ["ok"] * 90
