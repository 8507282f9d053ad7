"""The fleet's parts against a real redis-server: answers, tombstones, what is read from Redis, the
ledger, the claims, the pace, and Redis lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from leadspace_cli.engine.claims import NoClaims
from leadspace_cli.engine.fleet import MAGIC, Fleet, RedisLostError, connect
from leadspace_cli.engine.fleet_parts import FleetClaims, FleetLedger, fleet_pace
from leadspace_cli.engine.identity import canonical
from leadspace_cli.engine.ledger import Limit, LocalLedger, Refusal
from leadspace_cli.engine.pacing import RateLimiter
from leadspace_cli.engine.store import Store
from leadspace_cli.engine.store_dictionary import DICTIONARY
from tests.conftest import RedisServer

PROGRAM = "program:P1@https://api.example"
KEY = "secret-api-key-123"
BODY = {"person": {"email": "jane@acme.example"}, "company": {"name": "Acme"}}
ANSWER = json.dumps({"person": {"first_name": "Jane"}, "company": {"name": "Acme Corp"}})


def host(server: RedisServer, partition: str = PROGRAM, **kw: object) -> Fleet:
    """One host's connection to the fleet (each host opens its own)."""
    return connect(server.url, server.url, partition=partition, ca_file=None, secrets=(KEY,), **kw)  # type: ignore[arg-type]


def test_an_answer_bought_on_one_host_is_found_by_another_and_kept_there(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    a, b = host(redis_server), host(redis_server)
    request = canonical(BODY)
    with Store(tmp_path / "a.sqlite3") as store_a, Store(tmp_path / "b.sqlite3") as store_b:
        store_a.remote, store_b.remote = a, b
        key, _ = store_a.key(BODY)
        assert store_b.get(key, "", request) is None
        store_a.put(key, 200, ANSWER, request)
        assert a.shared == 1
        found = store_b.get(key, "", request)
        assert found is not None
        assert found[:2] == (200, ANSWER)
        assert b.hits == 1
        store_b.remote = None  # now in host b's own store: found without Redis
        assert store_b.get(key, "", request) is not None


def test_answers_are_namespaced_by_program_and_never_hold_the_key(redis_server: RedisServer) -> None:
    a, other = host(redis_server), host(redis_server, partition="program:P2@https://api.example")
    key = b"k" * 16
    request = canonical(BODY)
    assert a.put(key, 200, ANSWER, request, time.time())
    assert other.get(key, request, 0) is None  # another program's keys: not found
    assert a.get(key, canonical({"person": {"email": "other@x.example"}}), 0) is None  # another question
    client = redis_server.client()
    names = [n.decode() for n in client.scan_iter("*")]
    assert names
    assert all(n.startswith("leadspace:") for n in names)
    for name in names:
        assert KEY not in name
        assert "P1" not in name
        value = client.get(name) if client.type(name) == b"string" else b""
        assert KEY.encode() not in (value or b"")


def test_an_answer_older_than_the_readers_max_age_is_not_used(redis_server: RedisServer) -> None:
    a = host(redis_server)
    key, request = b"o" * 16, canonical(BODY)
    a.put(key, 200, ANSWER, request, time.time() - 3600)
    assert a.get(key, request, oldest=time.time() - 60) is None
    assert a.get(key, request, oldest=time.time() - 7200) is not None


def test_answers_expire_after_the_ttl(redis_server: RedisServer) -> None:
    a = host(redis_server, ttl=3600.0)
    key = b"t" * 16
    a.put(key, 200, ANSWER, canonical(BODY), time.time())
    ttl = redis_server.client().pttl(a.key("a", key.hex()))
    assert 3_500_000 < ttl <= 3_600_000


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (b"just text", "not the format"),
        (MAGIC + b"\x00", "cut short"),
        (MAGIC + b"\x01\xf4" + (0).to_bytes(8, "big") + b"x" * 10, "status 500 and not deflate"),
        (b"x" * (2 * 1024 * 1024), "larger than the cap"),
    ],
)
def test_values_that_are_not_answers_are_ignored(redis_server: RedisServer, value: bytes, why: str) -> None:
    a = host(redis_server)
    key = b"f" * 16
    redis_server.client().set(a.key("a", key.hex()), value)
    assert a.get(key, canonical(BODY), 0) is None, why


def _forged(a: Fleet, status: int, stored: float, request: str, text: str) -> bytes:
    return a._pack(status, stored, request, text)


def test_forged_answers_are_refused(redis_server: RedisServer) -> None:
    a = host(redis_server)
    client = redis_server.client()
    request = canonical(BODY)
    cases = {
        "echoes the key": _forged(a, 200, time.time(), request, json.dumps({"token": KEY})),
        "not JSON": _forged(a, 200, time.time(), request, "<html>"),
        "a JSON list": _forged(a, 200, time.time(), request, "[1, 2]"),
        "from the future": _forged(a, 200, time.time() + 86400, request, ANSWER),
        "a status no answer has": _forged(a, 302, time.time(), request, ANSWER),
    }
    # A bomb: 64 MiB of zeros in a value of a few KiB.
    co = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, DICTIONARY)
    bomb = co.compress(request.encode() + b"\0" + b"0" * (64 * 2**20)) + co.flush()
    cases["a decompression bomb"] = (
        MAGIC + (200).to_bytes(2, "big") + int(time.time()).to_bytes(8, "big") + bomb
    )
    assert len(cases["a decompression bomb"]) < 1024 * 1024
    for i, (why, value) in enumerate(cases.items()):
        key = bytes([i]) * 16
        client.set(a.key("a", key.hex()), value)
        tracemalloc.start()
        try:
            assert a.get(key, request, 0) is None, why
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 40 * 2**20, why  # the bomb is never decompressed whole
    # The same question, well formed: used (the checks above are what refused them).
    good = b"\xee" * 16
    client.set(a.key("a", good.hex()), _forged(a, 200, time.time(), request, ANSWER))
    assert a.get(good, request, 0) is not None


def test_forget_leaves_tombstones_that_keep_older_answers_out(redis_server: RedisServer) -> None:
    a, b = host(redis_server), host(redis_server)
    request = canonical(BODY)
    key, other = b"1" * 16, b"2" * 16
    bought = time.time() - 5
    a.put(key, 200, ANSWER, request, bought)
    a.put(
        other,
        200,
        json.dumps({"person": {"first_name": "Bob"}}),
        canonical({"person": {"email": "b@x.example"}}),
        bought,
    )
    erased = a.forget(lambda req, text: "jane@acme.example" in req)
    assert erased == 1
    assert b.get(key, request, 0) is None
    assert b.get(other, canonical({"person": {"email": "b@x.example"}}), 0) is not None
    # A host that bought the person before the erasure cannot write it back...
    assert not b.put(key, 200, ANSWER, request, bought)
    assert b.get(key, request, 0) is None
    # ...one that buys it again afterwards (someone asked again) can.
    assert b.put(key, 200, ANSWER, request, time.time() + 1)
    assert b.get(key, request, 0) is not None


def test_clear_removes_answers_but_not_tombstones(redis_server: RedisServer) -> None:
    a = host(redis_server)
    request = canonical(BODY)
    for i in range(5):
        a.put(bytes([i]) * 16, 200, ANSWER, request, time.time() - i * 86400)
    a.forget(lambda req, text: False, keys=[b"\x09" * 16])
    assert a.clear(older_than=2.5 * 86400) == 2
    fig = a.figures()
    assert (fig.answers, fig.tombstones) == (3, 1)
    assert a.clear() == 3
    assert a.figures().tombstones == 1


def test_a_daily_budget_holds_across_hosts_reserving_at_once(redis_server: RedisServer) -> None:
    hosts = [FleetLedger(host(redis_server)) for _ in range(4)]
    limits = (Limit(30, "day", "LEADSPACE_MAX_CREDITS_PER_DAY"),)
    got: list[int] = []
    refused: list[Refusal] = []
    lock = threading.Lock()

    def buy(ledger: object) -> None:
        for _ in range(20):
            hold = ledger.reserve(PROGRAM, limits)  # type: ignore[attr-defined]
            with lock:
                (refused if isinstance(hold, Refusal) else got).append(hold)
            if not isinstance(hold, Refusal):
                ledger.settle(hold, True)  # type: ignore[attr-defined]

    threads = [threading.Thread(target=buy, args=(h,)) for h in hosts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 30
    assert len(refused) == 50
    assert refused[-1].exhausted
    assert refused[-1].spent == 30
    assert hosts[0].spent(PROGRAM, "day") == hosts[0].spent(PROGRAM, "month") == 30


def test_a_credit_given_back_is_free_again_and_a_hold_counts_while_held(redis_server: RedisServer) -> None:
    a, b = FleetLedger(host(redis_server)), FleetLedger(host(redis_server))
    limits = (Limit(2, "month", "LEADSPACE_MAX_CREDITS_PER_MONTH"),)
    first = a.reserve(PROGRAM, limits)
    second = b.reserve(PROGRAM, limits)
    assert isinstance(first, int)
    assert isinstance(second, int)
    third = b.reserve(PROGRAM, limits)
    assert isinstance(third, Refusal)
    assert third.held == 2
    assert not third.exhausted
    a.settle(first, billed=False)  # a 400, say: not billed
    again = b.reserve(PROGRAM, limits)
    assert isinstance(again, int)
    b.settle(second, billed=True)
    b.settle(again, billed=True)
    assert a.spent(PROGRAM, "month") == 2


def test_each_host_keeps_its_own_purchases_for_when_redis_is_lost(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    # Skeptic 26 F2: with LEADSPACE_REDIS_OPTIONAL the warning said a budget "counts this machine only",
    # but the machine's purchases through the fleet were recorded nowhere on it: 50 under a daily 30.
    local = LocalLedger(tmp_path)
    ledger = FleetLedger(host(redis_server), local)
    for billed in (True, True, False):
        hold = ledger.reserve(PROGRAM, ())
        assert isinstance(hold, int)
        ledger.settle(hold, billed)
    assert local.spent(PROGRAM, "day") == 2
    assert ledger.spent(PROGRAM, "day") == 2
    later = local.reserve(PROGRAM, (Limit(3, "day", "LEADSPACE_MAX_CREDITS_PER_DAY"),))  # Redis gone
    assert isinstance(later, int)
    assert isinstance(local.reserve(PROGRAM, (Limit(3, "day", "LEADSPACE_MAX_CREDITS_PER_DAY"),)), Refusal)
    local.close()


def test_a_claim_of_this_machine_s_dead_run_is_void_at_once(redis_server: RedisServer) -> None:
    # Skeptic 26 F6: a rerun after a SIGKILL waited two minutes, silent, on the dead run's claims.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    a, b = FleetClaims(host(redis_server), NoClaims()), FleetClaims(host(redis_server), NoClaims())
    key = b"k" * 16
    a.owner = a.owner.replace(f":{os.getpid()}:", f":{dead.pid}:")  # as the killed run left it
    assert a.claim(key)
    assert not b.held_elsewhere(key)
    assert b.claim(key)
    other = FleetClaims(host(redis_server), NoClaims())
    other.owner = "another-host-0123456789ab:" + other.owner.split(":", 1)[1]  # a live run elsewhere
    assert other.claim(b"m" * 16)
    assert not b.claim(b"m" * 16)


def test_claims_are_shared_between_hosts(redis_server: RedisServer) -> None:
    a, b = FleetClaims(host(redis_server), NoClaims()), FleetClaims(host(redis_server), NoClaims())
    key = b"q" * 16
    assert a.claim(key)
    assert not b.claim(key)
    assert b.held_elsewhere(key)
    assert not a.held_elsewhere(key)
    a.release(key)
    assert b.claim(key)
    assert a.held_elsewhere(key)
    b.close()
    assert a.claim(key)


@pytest.mark.slow
def test_the_pace_is_one_window_for_every_host(redis_server: RedisServer) -> None:
    """Two hosts taking slots at once: together never more than the allowance in any second."""
    fleets = [host(redis_server), host(redis_server)]
    limiters = [RateLimiter(10.0, remote=fleet_pace(f), clock=f.clock) for f in fleets]
    stop = threading.Event()
    stamps: list[float] = []
    lock = threading.Lock()

    def take(limiter: RateLimiter, clock: object) -> None:
        for _ in range(8):
            assert limiter.acquire(stop)
            with lock:
                stamps.append(clock())  # type: ignore[operator]

    threads = [
        threading.Thread(target=take, args=(lim, f.clock)) for lim, f in zip(limiters, fleets, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    # 16 slots at 10/s together: about 1.5 s; alone, each host would have taken its 8 in 0.7 s.
    assert stamps[-1] - stamps[0] > 1.3
    assert all(stamps[i + 10] - stamps[i] >= 1.0 for i in range(len(stamps) - 10))
    assert limiters[0].others == 1 or limiters[1].others == 1


def test_redis_lost_leaves_each_host_its_last_share_of_the_pace(redis_server: RedisServer) -> None:
    """Two hosts on one shared pace lose Redis: each goes on at half the allowance (its share), not
    the whole of it (two hosts at 30/s each on a 30/s program)."""
    fleets = [host(redis_server), host(redis_server)]
    limiters = [RateLimiter(30.0, remote=fleet_pace(f), clock=f.clock) for f in fleets]
    stop = threading.Event()
    for _ in range(3):
        for limiter in limiters:
            assert limiter.acquire(stop)
    assert limiters[0].others == 1 or limiters[1].others == 1
    redis_server.kill()
    for limiter in limiters:
        assert limiter.acquire(stop)  # paced alone from here
        assert "could not be used" in limiter.problem
        assert limiter.rate == pytest.approx(15.0)


def test_a_forged_pace_in_redis_is_not_used(redis_server: RedisServer) -> None:
    a = host(redis_server)
    redis_server.client().set(a.key("pace"), json.dumps({"target": 1e9, "rate": 1e9, "guard": 0.01}))
    limiter = RateLimiter(30.0, remote=fleet_pace(a), clock=a.clock)
    assert "could not be used" in limiter.problem
    assert limiter.rate == 30.0


def test_redis_lost_mid_run(redis_server: RedisServer, tmp_path: Path) -> None:
    a = host(redis_server)
    told: list[str] = []
    a.on_lost = told.append
    ledger = FleetLedger(a)
    claims = FleetClaims(a, NoClaims())
    limiter = RateLimiter(30.0, remote=fleet_pace(a), clock=a.clock)
    budget = (Limit(100, "day", "LEADSPACE_MAX_CREDITS_PER_DAY"),)
    assert isinstance(ledger.reserve(PROGRAM, budget), int)
    redis_server.kill()
    request = canonical(BODY)
    assert a.get(b"z" * 16, request, 0) is None
    assert not a.put(b"z" * 16, 200, ANSWER, request, time.time())
    lost = ledger.reserve(PROGRAM, budget)
    assert isinstance(lost, Refusal)
    assert lost.exhausted
    assert "was lost" in lost.lost
    assert isinstance(ledger.reserve(PROGRAM, ()), int)  # without a budget: calls go on
    assert claims.claim(b"z" * 16)  # the local claims hold
    assert limiter.acquire(threading.Event())  # paced alone from here
    assert "could not be used" in limiter.problem
    assert len(told) == 1
    assert "was lost" in told[0]
    with pytest.raises(RedisLostError):
        a.call(lambda: None)


def test_unreachable_at_start_is_said_without_the_password(tmp_path: Path) -> None:
    server = RedisServer(tmp_path / "r", password="hunter2-pass")  # never started
    with pytest.raises(RedisLostError) as info:
        connect(server.url, server.url.replace("hunter2-pass", "****"), partition=PROGRAM, ca_file=None)
    assert "cannot be reached" in str(info.value)
    assert "hunter2-pass" not in str(info.value)


def test_figures_of_a_large_fleet_are_estimated_from_a_sample(redis_server: RedisServer) -> None:
    a = host(redis_server)
    request = canonical(BODY)
    for i in range(300):
        a.put(i.to_bytes(16, "big"), 200, ANSWER, request, time.time())
    a.forget(lambda req, text: False, keys=[(i + 1000).to_bytes(16, "big") for i in range(100)])
    exact = a.figures()
    assert (exact.answers, exact.tombstones, exact.estimated) == (300, 100, False)
    sampled = a.figures(sample=100)
    assert sampled.estimated
    assert sampled.answers + sampled.tombstones == 400
    assert 150 <= sampled.answers <= 400


def test_redis_lost_while_a_call_holds_the_pace_fails_no_call(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lost between the pace's lock and its write (CI saw it: one row of a run failed, exit 1): the
    call that held the pace keeps its slot, and the next ones pace alone from that state."""
    a = host(redis_server)
    limiter = RateLimiter(30.0, remote=fleet_pace(a), clock=a.clock)
    stop = threading.Event()
    assert limiter.acquire(stop)
    script = a.script

    def lost_on_write(name: str, keys: object, args: object) -> object:
        if name == "pace_write":
            redis_server.kill()
        return script(name, keys, args)  # type: ignore[arg-type]

    monkeypatch.setattr(a, "script", lost_on_write)
    assert limiter.acquire(stop)  # Redis died while this call held the pace
    assert a.lost
    for _ in range(5):
        assert limiter.acquire(stop)  # paced alone from here
    assert "could not be used" in limiter.problem


def _other_pid_space() -> list[str] | None:
    """The command prefix that runs a process in a PID namespace of its own, where this machine allows it."""
    for prefix in (
        ["unshare", "--pid", "--fork", "--mount-proc"],
        ["unshare", "--user", "--map-root-user", "--pid", "--fork", "--mount-proc"],
    ):
        try:
            done = subprocess.run([*prefix, "true"], capture_output=True, timeout=20, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return prefix
    return None


def holder_in_other_pid_space(code: str) -> tuple[subprocess.Popen[str], int]:
    """Start ``code`` (which prints READY once it holds its claim) in a PID namespace of its own, as a
    container beside this one on the same host does; return it and its process id there."""
    prefix = _other_pid_space()
    if prefix is None:
        pytest.skip("this machine lets no process have a PID namespace of its own")
    # Some 300 short processes first, so that the holder's id there is one no process has here.
    script = f'i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done; "{sys.executable}" -c "$0" & wait'
    proc = subprocess.Popen(
        [*prefix, "sh", "-c", script, code],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line[:1] == ["READY"], line
    return proc, int(line[1])


@pytest.mark.slow
def test_a_live_claim_of_a_run_in_another_pid_space_on_this_host_is_kept(redis_server: RedisServer) -> None:
    # Review 47 F1: containers with host networking share the host name and machine id but not their
    # process ids; the other's live claim was voided as "dead here" and the question bought twice.
    code = (
        "import os, sys, time\n"
        "from leadspace_cli.engine.claims import NoClaims\n"
        "from leadspace_cli.engine.fleet import connect\n"
        "from leadspace_cli.engine.fleet_parts import FleetClaims\n"
        f"url = {redis_server.url!r}\n"
        f"f = connect(url, url, partition={PROGRAM!r}, ca_file=None, secrets=())\n"
        "c = FleetClaims(f, NoClaims())\n"
        "assert c.claim(b'n' * 16)\n"
        "print('READY', os.getpid(), flush=True)\n"
        "time.sleep(30)\n"
    )
    proc, pid = holder_in_other_pid_space(code)
    try:
        if _alive_here(pid):
            pytest.skip(f"process id {pid} is also in use in this space")
        b = FleetClaims(host(redis_server), NoClaims())
        assert b.held_elsewhere(b"n" * 16)
        assert not b.claim(b"n" * 16)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def _alive_here(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
