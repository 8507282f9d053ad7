"""The response store: upgrades, key rotation, URL spellings, programs apart, damage, housekeeping."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import filelock
import pytest

from leadspace_cli.engine import store as store_module
from leadspace_cli.engine import store_dictionary
from leadspace_cli.engine.identity import Identity
from leadspace_cli.engine.store import FILENAME, Store
from leadspace_cli.errors import StoreError
from leadspace_cli.sandbox import Sandbox
from leadspace_cli.sandbox.data import answer
from tests.conftest import KEY, ROOT, SAMPLES, invoke, make_leads, read_csv

FIXTURE = ROOT / "tests" / "fixtures" / "store-v0.1.0.sqlite3"


def _install_fixture(tmp_path: Path) -> Path:
    """The store leadspace 0.1.0 wrote (samples/leads.csv against 127.0.0.1:38999 with KEY, and
    samples/accounts.jsonl with --sandbox), where this version looks for its store."""
    (tmp_path / "cache").mkdir(exist_ok=True)
    db = tmp_path / "cache" / FILENAME
    shutil.copy(FIXTURE, db)
    db.chmod(0o600)
    return db


@pytest.mark.slow
def test_a_store_written_by_0_1_is_migrated_and_every_answer_reused(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the API answers for the file today (the sandbox is deterministic), without any store.
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    live = invoke(
        "enrich", str(SAMPLES / "leads.csv"), "-o", "live.csv", "--no-cache", "--base-url", sandbox.url
    )
    assert live.exit_code == 0
    _install_fixture(tmp_path)
    # Nothing listens on 38999 now: a row that is not found in the store fails to connect.
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    monkeypatch.setenv("LEADSPACE_BASE_URL", "http://127.0.0.1:38999")
    result = invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "out.csv", "--report", "r.json")
    assert result.exit_code == 0, result.stderr
    rows = read_csv("out.csv")
    assert sum(r["ls.result"] == "ok" for r in rows) == 44
    report = json.loads(Path("r.json").read_text())
    assert report["calls"] == 0
    assert report["migrated"] == 43  # 44 ok rows, two of them identical
    assert rows == read_csv("live.csv")  # every cell as the API gives it
    # Migrated for good: the second run finds them in the new format.
    again = invoke("enrich", str(SAMPLES / "leads.csv"), "-o", "out2.csv", "--report", "r2.json")
    assert again.exit_code == 0
    assert json.loads(Path("r2.json").read_text())["migrated"] == 0
    assert read_csv("out2.csv") == rows
    info = invoke("cache", "info")
    assert "leadspace 0.1" in info.stdout  # the sandbox answers still wait for their credentials


def test_the_0_1_sandbox_answers_migrate_too(tmp_path: Path) -> None:
    _install_fixture(tmp_path)
    result = invoke(
        "enrich", str(SAMPLES / "accounts.jsonl"), "-o", "out.jsonl", "--sandbox", "--report", "r.json"
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(Path("r.json").read_text())
    assert report["credits"] == 0
    assert report["migrated"] == 15


def test_a_store_from_a_newer_version_is_refused_and_left_alone(use_sandbox: Sandbox, tmp_path: Path) -> None:
    db = _install_fixture(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 2
    assert "newer leadspace" in result.stderr
    assert db.read_bytes() == before
    assert use_sandbox.stats.calls == 0


@pytest.mark.slow
def test_a_truncated_store_is_set_aside_with_what_could_be_read(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 40)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    db = tmp_path / "cache" / FILENAME
    conn = sqlite3.connect(db)
    for _ in range(100):  # every page into the file (a reader still finishing would keep some in the log)
        if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0:
            break
        time.sleep(0.05)
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.close()
    data = db.read_bytes()
    assert len(data) % pages == 0
    assert not Path(f"{db}-wal").exists() or not Path(f"{db}-wal").stat().st_size
    # The end of the last page lost, as on a full disk: that page (the answers are written after the
    # store's tables and dictionary, so it holds answers) cannot be read, the pages before it can.
    db.write_bytes(data[:-1000])
    result = invoke("enrich", str(path), "-o", "out2.csv")
    assert result.exit_code == 0, result.stderr
    assert "was damaged" in result.stderr
    found = re.search(r"([\d,]+) stored answers? (?:were|was) recovered", " ".join(result.stderr.split()))
    assert found is not None, result.stderr
    assert list((tmp_path / "cache").glob(f"{FILENAME}.damaged-*"))
    out = read_csv("out2.csv")
    assert [r["ls.result"] for r in out] == ["ok"] * 40
    recovered = int(found.group(1).replace(",", ""))
    # How many survive depends on how the answers were packed into pages (the order they came back);
    # all of them where the lost bytes were the unused end of a last overflow page (1 CI pass in 6).
    assert 0 < recovered <= 40
    assert len(use_sandbox.stats.paid) == 40 + (40 - recovered)  # exactly what was lost is bought again


@pytest.mark.slow
def test_a_rotated_key_buys_nothing_again_with_a_program_id(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(keys={"rotated-key-222": "default"})
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-42")
    path = make_leads(tmp_path / "in.csv", 30)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    monkeypatch.setenv("LEADSPACE_API_KEY", "rotated-key-222")
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    assert sb.stats.billed_twice("default") == 0
    assert sb.stats.billed_to("default") == 30


@pytest.mark.slow
def test_a_rotated_key_without_program_id_is_carried_over_by_rekey(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(keys={"rotated-key-222": "default"})
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    path = make_leads(tmp_path / "in.csv", 20)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    monkeypatch.setenv("LEADSPACE_API_KEY", "rotated-key-222")
    monkeypatch.setenv("LEADSPACE_OLD_API_KEY", KEY)
    moved = invoke("cache", "rekey", "--old-key-env", "LEADSPACE_OLD_API_KEY")
    assert moved.exit_code == 0, moved.stderr
    assert "Filed 20 answers" in moved.stdout
    assert KEY not in moved.stdout
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    assert sb.stats.billed_twice() == 0


@pytest.mark.slow
def test_a_respelled_url_buys_nothing_again(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 15)
    port = use_sandbox.port
    for url in (f"http://127.0.0.1:{port}", f"http://localhost:{port}/", f"HTTP://LOCALHOST:{port}//"):
        assert invoke("enrich", str(path), "-o", "out.csv", "--base-url", url).exit_code == 0
    assert use_sandbox.stats.billed_twice() == 0
    assert len(use_sandbox.stats.paid) == 15


@pytest.mark.slow
def test_programs_are_kept_apart(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(keys={"other-program-key": "prog-B"})
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    path = make_leads(tmp_path / "in.csv", 10)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    monkeypatch.setenv("LEADSPACE_API_KEY", "other-program-key")
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    assert sb.stats.billed_to("prog-B") == 10  # its own answers, not the other program's
    info = invoke("cache", "info")
    assert info.stdout.count(": 10 answers") == 2


@pytest.mark.slow
def test_cache_info_clear_and_forget(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 25)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    info = invoke("cache", "info")
    assert info.exit_code == 0
    assert "answers: 25" in info.stdout
    assert "bytes per answer: " in info.stdout
    refused = invoke("cache", "clear")  # not a terminal, no --yes
    assert refused.exit_code == 2
    assert "--yes" in refused.stderr
    forgot = invoke("cache", "forget", "p3@company3.example", "--yes")
    assert forgot.exit_code == 0
    assert "Erased 1 stored answer;" in forgot.stdout
    assert "answers: 24" in invoke("cache", "info").stdout
    none_old = invoke("cache", "clear", "--older-than", "30d", "--yes")
    assert "Deleted 0 stored answers" in none_old.stdout
    cleared = invoke("cache", "clear", "--yes")
    assert "Deleted 24 stored answers" in cleared.stdout
    assert "bytes given back" in cleared.stdout


@pytest.mark.parametrize("age", ["-5d", "nan", "inf"])
def test_max_age_that_is_not_an_age_is_refused(use_sandbox: Sandbox, tmp_path: Path, age: str) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv", "--max-age", age)
    assert result.exit_code == 2
    assert f"--max-age {age!r} is not a duration" in result.stderr
    assert use_sandbox.stats.calls == 0


@pytest.mark.slow
def test_the_store_is_small(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 200)
    assert invoke("enrich", str(path), "-o", "out.csv", "--rate", "100").exit_code == 0
    db = tmp_path / "cache" / FILENAME
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
    conn.close()
    answers_json = sum(
        len(json.dumps({"status": "success", "external_id": "", "data": answer(b)}).encode())
        for b in use_sandbox.stats.received
    )
    assert db.stat().st_size < 0.6 * answers_json


FIXTURE_0_2 = ROOT / "tests" / "fixtures" / "store-v0.2.0.sqlite3"
FIXTURE_0_2_IDENTITY = Identity("program:fixture@https://apigw.leadspace.com", "fixture")


def _fixture_bodies() -> list[dict[str, object]]:
    """The requests leadspace 0.2.0 stored in its fixture, with the dictionary it built then."""
    return [
        {
            "person": {
                "first_name": f"Fixture{i}",
                "last_name": "Person",
                "email": f"f{i}@fixture{i}.example",
            },
            "company": {"name": f"Fixture Company {i}"},
        }
        for i in range(8)
    ]


def _read_fixture_0_2(db: Path) -> None:
    with Store(db, identity=FIXTURE_0_2_IDENTITY) as store:
        for i, body in enumerate(_fixture_bodies()):
            key, _ = store.key(body)
            found = store.get(key, "sig-fixture")
            assert found is not None, body
            status, text, cells = found
            assert status == 200
            assert json.loads(text)["data"] == answer(body)
            assert json.loads(text)["external_id"] == f"F{i}"
            assert cells == f"ok,200,,cells-{i}"


def test_the_frozen_dictionary_is_the_one_0_2_0_built() -> None:
    assert len(store_dictionary.DICTIONARY) == 32768
    assert hashlib.sha256(store_dictionary.DICTIONARY).hexdigest() == store_dictionary.SHA256
    assert store_dictionary.SHA256 == "8aad1d4bdad0447d26f1cf6f6c69c8e935e1b963b6e369e5bdf6898d768f6a68"
    with sqlite3.connect(FIXTURE_0_2) as conn:
        kept = conn.execute("SELECT value FROM meta WHERE name = 'zdict'").fetchone()[0]
    conn.close()
    assert bytes(kept) == store_dictionary.DICTIONARY  # what 0.2.0 wrote into its stores


def test_a_store_written_by_0_2_0_reads_with_its_own_dictionary(tmp_path: Path) -> None:
    db = tmp_path / FILENAME
    shutil.copy(FIXTURE_0_2, db)
    _read_fixture_0_2(db)


def test_a_0_2_0_store_that_lost_its_dictionary_still_reads(tmp_path: Path) -> None:
    """A salvaged store may have lost its meta table: the frozen dictionary must be the same bytes."""
    db = tmp_path / FILENAME
    shutil.copy(FIXTURE_0_2, db)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM meta WHERE name = 'zdict'")
    conn.close()
    _read_fixture_0_2(db)
    with sqlite3.connect(db) as conn:  # and the copy written back is the frozen one
        kept = conn.execute("SELECT value FROM meta WHERE name = 'zdict'").fetchone()[0]
    conn.close()
    assert bytes(kept) == store_dictionary.DICTIONARY


def test_a_new_store_is_written_with_the_frozen_dictionary(tmp_path: Path) -> None:
    with Store(tmp_path / FILENAME) as store:
        assert store._zdict == store_dictionary.DICTIONARY


def _filled(tmp_path: Path, n: int) -> Path:
    """A store of ``n`` answers, closed as a run leaves it (bought with other credentials than the
    housekeeping commands', which have none here)."""
    path = tmp_path / "cache" / FILENAME
    with Store(path, identity=Identity("sandbox", "the sandbox")) as store:
        for i in range(n):
            body = {"company": {"name": f"Company {i}"}}
            key, request = store.key(body)
            store.put(key, 200, json.dumps({"status": "success", "data": answer(body)}), request)
    return path


def _on_disk(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


@pytest.mark.parametrize("n", [1, 3, 60])
def test_cache_clear_says_what_it_gave_back_as_the_disk_measures_it(tmp_path: Path, n: int) -> None:
    path = _filled(tmp_path, n)
    before = _on_disk(path)
    result = invoke("cache", "clear", "--yes")
    assert result.exit_code == 0, result.output
    freed = before - _on_disk(path)
    assert f"Deleted {n} stored answer{'s' if n != 1 else ''} (" in result.stdout
    if freed:  # 60 answers: their pages
        assert f"; {freed:,} bytes given back: the store is {_on_disk(path):,} bytes." in result.stdout
    else:  # a few answers shared pages with what stays: no page came free (not the log opening wrote)
        assert f"no bytes given back: the store stays {_on_disk(path):,} bytes" in result.stdout
    assert (n == 60) == (freed > 0)


def test_a_store_cleared_while_another_connection_reads_it_gives_nothing_back_yet(tmp_path: Path) -> None:
    path = _filled(tmp_path, 30)
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM answer").fetchone()  # a run's snapshot: the log cannot empty
    store = Store(path, max_age=0)
    store._db.execute("PRAGMA busy_timeout=50")  # not the 10 s a store waits for a run's writes
    try:
        done = store.clear()
    finally:
        store.close()
        reader.close()
    assert done.answers == 30
    assert not done.compacted
    assert done.freed == 0
    assert done.after > done.before  # the deletion went to the log: measured, it would read as 0 freed


def test_cache_info_and_clear_create_nothing_where_there_is_no_store(tmp_path: Path) -> None:
    info = invoke("cache", "info")
    assert info.exit_code == 0, info.output
    assert f"path: {tmp_path / 'cache' / FILENAME}" in info.stdout
    assert "No response store there yet" in info.stdout
    assert "ledger: none yet" in info.stdout
    cleared = invoke("cache", "clear", "--yes")
    assert cleared.exit_code == 0
    assert f"No response store in {tmp_path / 'cache'}: nothing to delete." in cleared.stdout
    assert not (tmp_path / "cache").exists()
    assert not (tmp_path / "state").exists()  # nor the purchase ledger
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "No response store there yet" in invoke("cache", "info", "--cache-dir", str(empty)).stdout
    assert list(empty.iterdir()) == []


@pytest.mark.slow
def test_two_runs_creating_one_store_at_once_never_set_it_aside_as_damaged(tmp_path: Path) -> None:
    """Pages of a store being created are in its log: the other run's open must not call it cut short
    (it moved the store aside, and the two runs then bought every row twice)."""
    damaged = 0
    for n in range(80):
        path = tmp_path / f"s{n}" / FILENAME
        notes: list[str] = []
        barrier = threading.Barrier(2)

        def open_and_put(
            name: str, path: Path = path, notes: list[str] = notes, barrier: threading.Barrier = barrier
        ) -> None:
            barrier.wait()
            with Store(path, identity=Identity("p", "p")) as store:
                key, request = store.key({"company": {"name": name}})
                store.put(key, 200, '{"a": 1}', request)
                notes.extend(store.counts.notes)

        threads = [threading.Thread(target=open_and_put, args=(f"Co {i}",)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        damaged += bool(notes)
        assert not list(path.parent.glob("*.damaged-*")), notes
    assert damaged == 0


def test_a_store_that_cannot_be_written_is_never_set_aside_as_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder or store gives "attempt to write a readonly database": that is no damage
    (moving the store aside failed with a traceback, or would hide the cause)."""
    path = tmp_path / FILENAME
    with Store(path, identity=Identity("p", "p")) as store:
        key, request = store.key({"company": {"name": "Acme"}})
        store.put(key, 200, '{"a": 1}', request)

    def readonly(self: Store, p: Path) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "_open_db", readonly)
    with pytest.raises(StoreError, match=r"readonly database.*--cache-dir"):
        Store(path, identity=Identity("p", "p"))
    assert not list(tmp_path.glob("*.damaged-*"))


def test_a_store_another_run_keeps_locked_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "OPEN_TIMEOUT", 0.2)
    path = tmp_path / FILENAME
    with filelock.FileLock(f"{path}.lock"), pytest.raises(StoreError, match="Another leadspace run"):
        Store(path, identity=Identity("p", "p"))
    with Store(path, identity=Identity("p", "p")):  # free again: it opens
        pass


@pytest.mark.slow
def test_rekey_keeps_the_new_key_s_newer_answers_and_moves_the_old_key_s_purchases(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Skeptic 26 F4: rekey wrote the old key's 25-day-old answers over the new key's fresh ones, which
    # then expired early and were bought again; F1: the old key's purchases left the day budget.
    sb = sandbox_factory(keys={"rotated-key-333": "default"}, rate=0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    path = make_leads(tmp_path / "in.csv", 10)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    with sqlite3.connect(tmp_path / "cache" / "answers.sqlite3") as db:  # bought 25 days ago
        db.execute("UPDATE answer SET stored = stored - 25 * 86400")
    monkeypatch.setenv("LEADSPACE_API_KEY", "rotated-key-333")
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0  # the new key buys them today
    assert sb.stats.by_status[200] == 20
    monkeypatch.setenv("LEADSPACE_OLD_API_KEY", KEY)
    moved = invoke("cache", "rekey", "--old-key-env", "LEADSPACE_OLD_API_KEY")
    assert moved.exit_code == 0, moved.stderr
    assert "10 purchases in the ledger" in " ".join(moved.stdout.split())
    assert invoke("enrich", str(path), "-o", "c.csv", "--max-age", "7d").exit_code == 0
    assert sb.stats.by_status[200] == 20  # today's answers kept: nothing bought again
    more = make_leads(tmp_path / "more.csv", 30)  # 20 new rows under a daily budget of 25
    result = invoke("enrich", str(more), "-o", "d.csv", "--max-credits-per-day", "25", "--rate", "1000")
    assert result.exit_code == 4, result.stderr
    assert sb.stats.by_status[200] == 25  # 10 (old key, moved) + 10 (new key) + 5: the budget holds
