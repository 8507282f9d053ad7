"""The sandbox answers as the API document says, through a real HTTP client."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import requests

from leadspace_cli.api import fields, flatten
from leadspace_cli.sandbox import Sandbox, SandboxConfig, config
from tests.conftest import KEY

PERSON = {
    "person": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@analytical.io"},
    "external_id": "L-1",
}


def post(
    sb: Sandbox, body: Any, *, key: str | None = KEY, content_type: str = "application/json"
) -> requests.Response:
    headers = {"Content-Type": content_type}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(sb.url + fields.ENDPOINT, data=data, headers=headers, timeout=10)


def test_200_echoes_external_id_and_covers_every_documented_field(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sandbox = sandbox_factory(rate=0)
    resp = post(sandbox, PERSON)
    assert resp.status_code == 200
    answer = resp.json()
    assert set(answer) == {"status", "external_id", "data"}
    assert answer["external_id"] == "L-1"
    assert answer["status"] == "success"
    # Over many inputs, every documented response field appears at least once.
    seen: set[str] = set()
    for i in range(40):
        body = {"person": {"first_name": f"A{i}", "last_name": "B", "email": f"a{i}@x{i}.example"}}
        data = post(sandbox, body).json()["data"]
        cells = flatten.data_cells({"data": data})[1:-1]
        seen |= {c for c, v in zip(flatten.DATA_COLUMNS, cells, strict=True) if v}
    assert seen == set(flatten.DATA_COLUMNS)


def test_answers_are_deterministic_and_follow_the_email_domain(sandbox: Sandbox) -> None:
    first = post(sandbox, PERSON).json()
    again = post(sandbox, {**PERSON, "external_id": "other"}).json()
    assert first["data"] == again["data"]
    assert first["data"]["enrichment_status"] != "Not Enriched"  # this person is one the sandbox knows
    assert first["data"]["company"]["website"].endswith("analytical.io")


def test_some_inputs_get_no_match_and_some_a_partial_answer(sandbox_factory: Callable[..., Sandbox]) -> None:
    sandbox = sandbox_factory(rate=0)
    statuses: Counter[str] = Counter()
    partial = 0
    for i in range(120):
        data = post(sandbox, {"company": {"name": f"Company {i}"}}).json()["data"]
        statuses[data["enrichment_status"]] += 1
        if data["enrichment_status"] != "Not Enriched" and "exact" not in data["company"]["size"]:
            partial += 1
    assert statuses["Not Enriched"] > 0
    assert statuses["Company Enriched"] > 0
    assert partial > 0


def test_free_text_has_non_ascii_commas_quotes_and_newlines(sandbox_factory: Callable[..., Sandbox]) -> None:
    sandbox = sandbox_factory(rate=0)
    texts = []
    for i in range(30):
        company = post(sandbox, {"company": {"name": f"Firm {i}"}}).json()["data"].get("company", {})
        texts.append(company.get("description", ""))
    joined = "".join(texts)
    for ch in (",", '"', "\n", "ö"):
        assert ch in joined


def test_401_without_or_with_a_wrong_key(sandbox: Sandbox) -> None:
    for key in (None, "wrong"):
        resp = post(sandbox, PERSON, key=key)
        assert resp.status_code == 401
        assert "Credentials are required to access this resource" in resp.text


def test_405_for_another_method_and_404_for_another_path(sandbox: Sandbox) -> None:
    resp = requests.get(sandbox.url + fields.ENDPOINT, headers={"Authorization": f"Bearer {KEY}"}, timeout=5)
    assert resp.status_code == 405
    assert resp.headers["Allow"] == "POST"
    assert requests.put(sandbox.url + fields.ENDPOINT, timeout=5).status_code == 405
    assert requests.post(sandbox.url + "/enrichment/enrich/bulk", timeout=5).status_code == 404


def test_415_without_a_json_content_type(sandbox: Sandbox) -> None:
    assert post(sandbox, PERSON, content_type="text/plain").status_code == 415
    assert post(sandbox, PERSON, content_type="application/json; charset=utf-8").status_code == 200


def test_400_for_bad_json_a_non_object_and_missing_minimum_input(sandbox: Sandbox) -> None:
    bad = post(sandbox, b"{not json")
    assert bad.status_code == 400
    assert "tracking_id" in bad.json()
    assert post(sandbox, [1, 2]).status_code == 400
    for body in (
        {},
        {"person": {"first_name": "Ada", "last_name": "Lovelace"}},
        {"person": {"first_name": "Ada", "email": "a@b.example"}},
        {"company": {"website": "acme.example"}},
    ):
        resp = post(sandbox, body)
        assert resp.status_code == 400, body
        assert fields.MINIMUM_INPUT_MESSAGE in resp.json()["details"]
    assert post(sandbox, {"company": {"name": "Acme"}}).status_code == 200
    website = {"person": {"first_name": "A", "last_name": "B"}, "company": {"website": "acme.example"}}
    assert post(sandbox, website).status_code == 200


def test_427_when_credits_run_out(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(credits=2)
    assert [post(sb, PERSON).status_code for _ in range(3)] == [200, 200, 427]
    assert fields.CREDITS_MESSAGE in post(sb, PERSON).json()["details"]
    assert sb.stats.by_status[200] == 2
    assert post(sb, {}).status_code == 400  # a 400 costs nothing


def test_a_burst_of_90_gets_30_answers_in_its_first_second_and_429s(sandbox: Sandbox) -> None:
    barrier = threading.Barrier(90)
    statuses: list[int] = []
    lock = threading.Lock()

    def call(i: int) -> None:
        barrier.wait()
        status = post(sandbox, {"company": {"name": f"Burst {i}"}}).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(90)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = Counter(statuses)
    assert counts[200] + counts[429] == 90
    assert counts[200] >= 30  # the window starts empty: the first 30 arrivals are answered
    assert sandbox.stats.summary()["peak_in_one_second"] <= 30
    # Checked on the sandbox's own arrival times, so it holds however slow the machine is: every
    # 429 came with 30 calls accepted in the second before it, and every 200 with fewer.
    accepted = sorted(sandbox.stats.accepted_times)
    refused = sandbox.stats.refused_times
    assert len(refused) == counts[429]

    def in_window(t: float) -> int:
        return sum(t - 1.0 < a <= t for a in accepted)

    assert all(in_window(t) == 30 for t in refused)
    assert all(in_window(t) <= 30 for t in accepted)
    first = accepted[0]
    if max([*accepted, *refused]) - first < 1.0:  # every arrival fell in the first window
        assert (counts[200], counts[429]) == (30, 60)


def test_injected_faults(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(rate=0, fail_rate=0.5, throttle_rate=0.2, retry_after="2", seed=3)
    seen: Counter[int] = Counter()
    tracked = 0
    for i in range(80):
        resp = post(sb, {"company": {"name": f"F{i}"}})
        seen[resp.status_code] += 1
        if resp.status_code == 429:
            assert resp.headers["Retry-After"] == "2"
        if resp.status_code >= 500 and resp.headers.get("Content-Type") == "application/json":
            tracked += "tracking_id" in resp.json()
    assert seen[200]
    assert seen[429]
    assert sum(n for s, n in seen.items() if 500 <= s <= 504) > 10
    assert tracked > 0


def test_dropped_connections(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(rate=0, drop_rate=1.0)
    try:
        post(sb, PERSON)
        raise AssertionError("expected a dropped connection")
    except requests.ConnectionError:
        pass
    assert sb.stats.dropped == 1


def test_latency_is_applied(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(latency=0.2)
    started = time.monotonic()
    post(sb, PERSON)
    assert time.monotonic() - started >= 0.2


def test_stats_record_paid_bodies(sandbox: Sandbox) -> None:
    post(sandbox, PERSON)
    post(sandbox, {**PERSON, "external_id": "again"})
    assert len(sandbox.stats.paid_twice()) == 1
    summary = requests.get(sandbox.url + "/_sandbox/stats", timeout=5).json()
    assert summary["paid"] == 2
    assert summary["paid_twice"] == 1
    post(sandbox, {**PERSON, "external_id": "run1:L-1"})
    timed = requests.get(sandbox.url + "/_sandbox/stats?times=1", timeout=5).json()  # for benchmarks
    assert len(timed["accepted_times"]) == 3
    assert timed["refused_times"] == []
    assert list(timed["accepted_by_tag"]) == ["run1"]


def test_oauth_token_and_refresh(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(program_id="prog-1", secret="s3cret")
    url = sb.url + fields.OAUTH_ENDPOINT
    refused = requests.post(
        url, json={"user": "prog-1", "pass": "nope", "audience": "API_GATEWAY"}, timeout=5
    )
    assert refused.status_code == 401
    grant = requests.post(
        url, json={"user": "prog-1", "pass": "s3cret", "audience": "API_GATEWAY"}, timeout=5
    ).json()
    assert grant["expiration"] > time.time()
    assert post(sb, PERSON, key=grant["token"]).status_code == 200
    renewed = requests.put(
        url, json={"user": "prog-1", "refreshToken": grant["refreshToken"]}, timeout=5
    ).json()
    assert post(sb, PERSON, key=renewed["token"]).status_code == 200
    reused = requests.put(url, json={"user": "prog-1", "refreshToken": grant["refreshToken"]}, timeout=5)
    assert reused.status_code == 401


def test_leadspace_sandbox_command_answers_an_independent_client() -> None:
    """`leadspace sandbox` in its own process, asked with urllib (not requests)."""
    with subprocess.Popen(
        [sys.executable, "-m", "leadspace_cli", "sandbox", "--port", "0", "--key", "k-123"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as proc:
        _ask(proc)


def _ask(proc: subprocess.Popen[str]) -> None:
    try:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip().split("=", 1)[1]
        assert proc.stdout.readline().strip() == "LEADSPACE_API_KEY=k-123"

        def status(method: str, body: bytes | None, headers: dict[str, str]) -> int:
            req = urllib.request.Request(base + fields.ENDPOINT, data=body, headers=headers, method=method)
            try:
                with urllib.request.urlopen(req, timeout=5) as resp:
                    return int(resp.status)
            except urllib.error.HTTPError as exc:
                exc.close()
                return exc.code

        good = {"Authorization": "Bearer k-123", "Content-Type": "application/json"}
        assert status("POST", json.dumps(PERSON).encode(), good) == 200
        assert status("POST", json.dumps(PERSON).encode(), {"Content-Type": "application/json"}) == 401
        assert status("GET", None, good) == 405
        assert status("POST", b"x=1", {**good, "Content-Type": "application/x-www-form-urlencoded"}) == 415
        assert status("POST", b"{}", good) == 400
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_leadspace_sandbox_counts_bodies_billed_twice(tmp_path: Any) -> None:
    """The stand-alone sandbox (which keeps no bodies) still counts what it billed twice."""
    from tests.conftest import make_leads

    path = make_leads(tmp_path / "in.csv", 12)
    with subprocess.Popen(
        [sys.executable, "-m", "leadspace_cli", "sandbox", "--port", "0", "--key", "k-123", "--rate", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as proc:
        try:
            assert proc.stdout is not None
            base = proc.stdout.readline().strip().split("=", 1)[1]
            proc.stdout.readline()
            env = {
                **os.environ,
                "LEADSPACE_BASE_URL": base,
                "LEADSPACE_API_KEY": "k-123",
                "LEADSPACE_CACHE_DIR": str(tmp_path / "cache"),
            }

            def enrich(*extra: str) -> None:
                cmd = [
                    sys.executable,
                    "-m",
                    "leadspace_cli",
                    "enrich",
                    str(path),
                    "-o",
                    str(tmp_path / "o.csv"),
                ]
                subprocess.run([*cmd, "-q", *extra], env=env, check=True, timeout=60)

            def stats() -> dict[str, Any]:
                with urllib.request.urlopen(base + "/_sandbox/stats", timeout=5) as resp:
                    return dict(json.loads(resp.read()))

            enrich()
            enrich()  # the store answers: nothing billed twice
            assert stats()["paid"] == 12
            assert stats()["paid_twice"] == 0
            enrich("--no-cache")  # the store switched off: every row is bought again
            assert stats()["paid"] == 24
            assert stats()["paid_twice"] == 12
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.mark.slow
def test_the_paid_twice_checks_fail_when_the_store_is_switched_off(
    use_sandbox: Sandbox, tmp_path: Any, monkeypatch: Any
) -> None:
    """What the end-to-end tests' `paid_twice() == []` proves: with the store off, it is not empty."""
    from leadspace_cli.engine.store import Store
    from tests.conftest import invoke, make_leads

    path = make_leads(tmp_path / "in.csv", 8)
    assert invoke("enrich", str(path), "-o", "a.csv").exit_code == 0
    monkeypatch.setattr(Store, "get", lambda self, *args, **kwargs: None)  # finds nothing
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    assert len(use_sandbox.stats.paid_twice()) == 8
    assert use_sandbox.stats.billed_twice() == 8


def _raw(sb: Sandbox, head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    """Send raw bytes; return the status and what came back before the server closed the connection."""
    with socket.create_connection(("127.0.0.1", sb.port), timeout=10) as conn:
        conn.sendall(head + body)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    return int(received.split(b" ", 2)[1]), received


def _head(length: str | None, extra: str = "") -> bytes:
    lines = [f"POST {fields.ENDPOINT} HTTP/1.1", "Host: x", f"Authorization: Bearer {KEY}"]
    lines += ["Content-Type: application/json", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + extra + "\r\n\r\n").encode()


def test_a_body_over_the_cap_is_refused_unread(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(rate=0, max_body=1000)
    # Only the head is sent: a server that waited for the announced megabytes would never answer.
    status, text = _raw(sb, _head(str(2 * 1024 * 1024)))
    assert status == 413
    assert b"Payload Too Large" in text
    body = json.dumps({"company": {"name": "A" * 900}}).encode()
    assert _raw(sb, _head(str(len(body))), body)[0] == 200  # under the cap: answered
    assert sb.stats.too_large == 1
    assert sb.stats.calls == 1  # the refused one was not counted as a call, nor billed


@pytest.mark.parametrize(
    ("length", "extra", "status"),
    [
        ("abc", "", 400),
        ("-5", "", 400),
        ("1e3", "", 400),
        ("99999999999999999999", "", 400),
        ("10", "\r\nContent-Length: 12", 400),
        (None, "\r\nTransfer-Encoding: chunked", 411),
    ],
)
def test_an_invalid_content_length_is_refused_unread(
    sandbox_factory: Callable[..., Sandbox], length: str | None, extra: str, status: int
) -> None:
    sb = sandbox_factory(rate=0)
    assert _raw(sb, _head(length, extra), b"5\r\n{}\r\n0\r\n\r\n" if length is None else b"")[0] == status
    assert sb.stats.too_large == 1


def test_a_missing_content_length_is_an_empty_body(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(rate=0)
    status, text = _raw(sb, _head(None))
    assert status == 400
    assert b"JSON format is invalid" in text


def test_memory_stays_flat_over_a_long_run(
    sandbox_factory: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "TIMES_KEPT", 40)
    sb = sandbox_factory(rate=30, keep_bodies=False)
    for i in range(120):
        post(sb, {"company": {"name": f"Long {i}"}, "external_id": f"tag{i % 3}:{i}"})
    stats = sb.stats
    assert len(stats.accepted_times) + len(stats.refused_times) <= 80
    assert all(len(t) <= 40 for t in stats.accepted_by_tag.values())
    assert stats.received == []
    assert all(len(w) <= 30 for w in sb._windows.values())  # the rate window: its last second only
    assert len(stats._last_second) <= 30
    summary = stats.summary()
    assert summary["accepted"] + stats.by_status[429] == 120  # counted whole, though times are not kept
    assert summary["accepted"] == stats.by_status[200]
    assert 0 < summary["peak_in_one_second"] <= 30


def test_the_peak_is_counted_as_calls_come(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(rate=0)
    for i in range(12):
        post(sb, {"company": {"name": f"Peak {i}"}})
    times = sorted(sb.stats.accepted_times)
    expected = max(sum(1 for u in times if t - 1.0 < u <= t) for t in times)
    assert sb.stats.summary()["peak_in_one_second"] == expected
    assert sb.stats.summary()["accepted"] == 12


@pytest.mark.slow
def test_the_other_client_shares_the_window_never_backs_off_and_is_counted_apart(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sb = sandbox_factory(rate=5, background_rate=20)
    deadline = time.monotonic() + 30
    while sb.stats.background_accepted + sb.stats.background_refused < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    stats = sb.stats
    # 20 calls a second against 5 allowed: most are refused, and it keeps calling at its rate.
    assert stats.background_refused > stats.background_accepted > 0
    assert stats.calls == 0  # none of them is counted as this tool's
    assert len(stats.accepted_times) == len(stats.refused_times) == 0
    assert len(stats.background_refused_times) == stats.background_refused
    # The tool's calls meet a window the other client filled.
    assert 429 in [post(sb, {"company": {"name": f"Tool {i}"}}).status_code for i in range(10)]
    assert stats.summary()["background_429_share"] > 0.5


@pytest.mark.slow
def test_the_other_client_starts_on_its_own_schedule(sandbox_factory: Callable[..., Sandbox]) -> None:
    sbs = [sandbox_factory(rate=0, background_rate=10, background_start=0.3, seed=s) for s in (1, 2)]
    deadline = time.monotonic() + 30
    while any(len(sb.stats.background_times) < 3 for sb in sbs) and time.monotonic() < deadline:
        time.sleep(0.05)
    offsets = []
    for sb in sbs:
        first = sb.stats.background_times[0] - sb._started
        assert first >= 0.3  # not before its start
        offsets.append(first)
    assert offsets[0] != offsets[1]  # a random phase: two seeds, two schedules


@pytest.mark.slow
def test_a_refusing_outage_refuses_connections_then_listens_again(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sb = sandbox_factory(rate=0, outage_mode="refuse", outage_start=0.3, outage_seconds=4.0)
    session = requests.Session()

    def call() -> int:
        url = sb.url + fields.ENDPOINT
        headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
        return session.post(url, json={"company": {"name": "Acme"}}, headers=headers, timeout=10).status_code

    assert call() == 200  # a keep-alive connection is now idle in the pool
    while not sb.in_outage():
        time.sleep(0.02)
    refused = False
    deadline = time.monotonic() + 3  # the serving thread closes its socket at its next turn
    while not refused and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", sb.port), timeout=5).close()
            time.sleep(0.05)
        except ConnectionRefusedError:
            refused = True
        except ConnectionResetError:  # queued while the listening socket closed: try again
            time.sleep(0.05)
    assert refused
    with pytest.raises(requests.ConnectionError, match=r"(?i)refused"):
        call()  # the pooled connection was closed: a new one is refused
    assert sb.stats.connections_cut == 1
    while sb.in_outage():
        time.sleep(0.05)
    deadline = time.monotonic() + 10
    while True:  # listening again on the same port
        try:
            assert call() == 200
            break
        except requests.ConnectionError:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert sb.stats.dropped == 0
    assert sb.stats.by_status[200] == 2


def test_an_unknown_outage_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="outage_mode"):
        Sandbox(SandboxConfig(outage_mode="flaky"))
