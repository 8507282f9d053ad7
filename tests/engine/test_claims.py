"""The same rows in two runs at once: each question is bought once, checked against the sandbox's bill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import leadspace_cli
from leadspace_cli.sandbox import Sandbox
from tests.conftest import KEY, cli_env, invoke, make_leads, read_csv


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


@pytest.mark.slow
def test_a_live_claim_of_a_run_in_another_pid_space_sharing_the_store_is_kept(tmp_path: Path) -> None:
    # Review 47 F1, the local claims: a store folder shared by containers with their own process ids.
    from leadspace_cli.engine.claims import LocalClaims
    from tests.engine.test_fleet import _alive_here, holder_in_other_pid_space

    code = (
        "import os, time\n"
        "from pathlib import Path\n"
        "from leadspace_cli.engine.claims import LocalClaims\n"
        f"c = LocalClaims(Path({str(tmp_path)!r}))\n"
        "assert c.claim(b'n' * 16)\n"
        "print('READY', os.getpid(), flush=True)\n"
        "time.sleep(30)\n"
    )
    proc, pid = holder_in_other_pid_space(code)
    try:
        if _alive_here(pid):
            pytest.skip(f"process id {pid} is also in use in this space")
        mine = LocalClaims(tmp_path)
        assert mine.held_elsewhere(b"n" * 16)
        assert not mine.claim(b"n" * 16)
        mine.close()
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def test_two_runs_whose_keys_were_linked_later_claim_in_one_order(tmp_path: Path) -> None:
    # Review 47 F3: each run claimed its own key first, then the other's: two cron jobs of two keys of
    # one program each held one and waited for the other until --outage-limit, then both bought.
    from leadspace_cli.engine.identity import Identity
    from leadspace_cli.engine.store import Store

    ep = "https://api.example"
    a = Store(tmp_path / "a.sqlite3", identity=Identity(f"key:A@{ep}", "A", aliases=(f"key:B@{ep}",)))
    b = Store(tmp_path / "b.sqlite3", identity=Identity(f"key:B@{ep}", "B", aliases=(f"key:A@{ep}",)))
    body = {"person": {"email": "jane@acme.example"}}
    key_a, request = a.key(body)
    key_b, _ = b.key(body)
    assert key_a != key_b
    assert a.claim_keys(key_a, request) == b.claim_keys(key_b, request)
    assert len(a.claim_keys(key_a, request)) == 2
    a.close()
    b.close()


@pytest.mark.slow
def test_a_row_in_retries_keeps_every_key_it_is_claimed_under_fresh(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review 47 F2: while a row retried, only its first claim key got a heartbeat; past STALE a run of
    # the linked key alone could claim the other key and buy the same question again.
    import threading as th

    from leadspace_cli.engine import claims as claims_module

    sb = sandbox_factory(rate=0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    path = make_leads(tmp_path / "in.csv", 8)
    assert invoke("enrich", str(path), "-o", "a.csv", "--rate", "1000").exit_code == 0  # the key alone
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-beats")  # now linked: rows claim two keys
    more = make_leads(tmp_path / "more.csv", 16)
    sb.config.fail_rate = 0.5  # half the calls fail: rows retry
    claimed: dict[int, list[bytes]] = {}
    beaten: set[bytes] = set()
    claim, beat = claims_module.LocalClaims.claim, claims_module.LocalClaims.beat

    def record_claim(self: claims_module.LocalClaims, key: bytes) -> bool:
        claimed.setdefault(th.get_ident(), []).append(key)
        return claim(self, key)

    def record_beat(self: claims_module.LocalClaims, key: bytes) -> None:
        beaten.add(key)
        beat(self, key)

    monkeypatch.setattr(claims_module.LocalClaims, "claim", record_claim)
    monkeypatch.setattr(claims_module.LocalClaims, "beat", record_beat)
    result = invoke("enrich", str(more), "-o", "b.csv", "--rate", "1000")
    assert result.exit_code in (0, 1), result.stderr
    rows = [keys[i : i + 2] for keys in claimed.values() for i in range(0, len(keys), 2)]
    assert rows
    assert all(len(pair) == 2 for pair in rows)
    retried = [pair for pair in rows if set(pair) & beaten]
    assert retried, "no row retried"
    assert all(set(pair) <= beaten for pair in retried)
