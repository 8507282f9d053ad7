"""Shared fixtures: every test isolated from the developer's environment, and a sandbox API."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from typer.testing import CliRunner

from leadspace_cli.cli.core import app
from leadspace_cli.sandbox import Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
KEY = "test-key-5f3a9c"


@pytest.fixture(autouse=True)
def isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No LEADSPACE_* or proxy variables, no .env, and the response store in tmp_path."""
    import os

    for name in list(os.environ):
        if name.startswith("LEADSPACE_") or name.upper() in (
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "NO_PROXY",
            "REQUESTS_CA_BUNDLE",
            "CURL_CA_BUNDLE",
        ):
            monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("LEADSPACE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LEADSPACE_RUNTIME_DIR", str(tmp_path / "runtime"))  # where runs share the pace
    monkeypatch.setenv("LEADSPACE_STATE_DIR", str(tmp_path / "state"))  # the purchase ledger
    monkeypatch.setenv("LEADSPACE_DEBUG", "1")  # internal errors raise instead of being reported
    # Secrets an earlier test's run registered (the sandbox's key) are masked in later tests' cells
    # otherwise: a generated column named like one came out as [REDACTED] (CI, stop 43).
    from leadspace_cli.api import redact

    monkeypatch.setattr(redact, "_SEEN", set())
    monkeypatch.setattr(redact, "_CORES", set())
    return work


@pytest.fixture
def sandbox_factory() -> Iterator[Callable[..., Sandbox]]:
    """Start sandboxes on port 0; each is stopped at the end of the test."""
    started: list[Sandbox] = []

    def start(**config: Any) -> Sandbox:
        config.setdefault("key", KEY)
        sb = Sandbox(SandboxConfig(**config)).start()
        started.append(sb)
        return sb

    yield start
    for sb in started:
        sb.stop()


@pytest.fixture
def sandbox(sandbox_factory: Callable[..., Sandbox]) -> Sandbox:
    """A sandbox with the API's 30-per-second limit and no faults."""
    return sandbox_factory()


@pytest.fixture
def use_sandbox(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """Point the tool at the sandbox through the environment, as a user would."""
    monkeypatch.setenv("LEADSPACE_BASE_URL", sandbox.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", sandbox.key)
    return sandbox


def invoke(*args: str, input: str | bytes | None = None) -> Any:
    """Run the CLI in-process and return click's Result."""
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def read_csv(path: Path | str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def make_leads(path: Path, n: int, *, invalid_every: int = 0) -> Path:
    """Write n distinct lead rows; every invalid_every-th row lacks the minimum input."""
    rows = []
    for i in range(n):
        if invalid_every and i % invalid_every == invalid_every - 1:
            rows.append([f"L{i}", f"First{i}", "", "", ""])
        else:
            rows.append(
                [f"L{i}", f"First{i}", f"Last{i}", f"p{i}@company{i % 37}.example", f"Company {i % 37}"]
            )
    return write_csv(path, ["Lead ID", "First Name", "Last Name", "Email", "Company"], rows)


def cli_env(sb: Sandbox, tmp_path: Path) -> dict[str, str]:
    """The environment of a `leadspace` subprocess pointed at a sandbox, with its store in tmp_path."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSPACE_")}
    env.update(
        LEADSPACE_API_KEY=sb.key,
        LEADSPACE_BASE_URL=sb.url,
        LEADSPACE_CACHE_DIR=str(tmp_path / "cache"),
        LEADSPACE_STATE_DIR=str(tmp_path / "state"),
    )
    return env


# Tests that need what only CI has (root, a second user, a network namespace). Locally they skip;
# under LEADSPACE_TEST_STRICT=1 (set by .ci/run) or CI=true a skip of such a test is a failure, so
# that a promise about other users is never silently left untested where it can be tested.
STRICT = os.environ.get("LEADSPACE_TEST_STRICT") == "1" or os.environ.get("CI", "").lower() in ("1", "true")
OTHER_USER = "leadspace-test-other"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "must_run: skipped locally when impossible, a failure under CI")


def needs(reason: str) -> NoReturn:
    """Skip a test that cannot run here; fail it where it must run (LEADSPACE_TEST_STRICT=1, CI)."""
    if STRICT:
        pytest.fail(f"this test must run in CI but cannot: {reason}")
    pytest.skip(reason)


# The quick loop is `pytest -m "not slow"`: a test that waits on a wall clock, or takes longer than
# this, is marked slow, so that the quick loop stays quick (the README's Development section).
FAST_LIMIT = 2.0


def _fast_limit() -> float:
    """The quick loop's limit; on a machine busy with more than it has cores (a benchmark beside the
    suite), twice that, so that a busy machine does not fail a quick test for being slowed down."""
    busy = hasattr(os, "getloadavg") and os.getloadavg()[0] > (os.cpu_count() or 1)
    return FAST_LIMIT * 2 if busy else FAST_LIMIT


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if STRICT and report.skipped and item.get_closest_marker("must_run") is not None:
        report.outcome = "failed"
        report.longrepr = f"skipped under LEADSPACE_TEST_STRICT, where it must run: {report.longrepr}"
    elif (
        call.when == "call"
        and report.passed
        and call.duration > _fast_limit()
        and item.get_closest_marker("slow") is None
    ):
        report.outcome = "failed"
        report.longrepr = (
            f"took {call.duration:.1f} s, over the {FAST_LIMIT:.0f} s of the quick loop: mark it "
            "@pytest.mark.slow (or make it quicker)"
        )
    return report


def other_user() -> tuple[int, int]:
    """Return the uid and gid of a second, throwaway user (created if missing); needs root."""
    import pwd
    import shutil
    import subprocess

    if os.name != "posix" or os.geteuid() != 0:
        needs("needs root, to act as a second user")
    try:
        entry = pwd.getpwnam(OTHER_USER)
    except KeyError:
        if shutil.which("useradd") is None:
            needs("needs useradd, to create a second user")
        subprocess.run(["useradd", "--system", "--no-create-home", OTHER_USER], check=True)
        entry = pwd.getpwnam(OTHER_USER)
    return entry.pw_uid, entry.pw_gid


def signal_after_calls(
    sig: signal.Signals,
    sb: Sandbox,
    cmd: list[str],
    env: dict[str, str],
    calls: int,
    *,
    answered: int = 0,
    again: float | None = None,
) -> tuple[int, float, str]:
    """Run a command, send it a signal once the sandbox has seen ``calls`` calls (or as many in
    flight) and answered ``answered`` of them with a 200, and once more ``again`` seconds later;
    return its exit code, the seconds it took to exit after the last signal, and its stderr."""
    with subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        deadline = time.monotonic() + 30
        while (
            max(sb.stats.calls, sb.stats.max_in_flight) < calls or sb.stats.by_status[200] < answered
        ) and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(sig)
        if again is not None:
            time.sleep(again)
            proc.send_signal(sig)
        sent = time.monotonic()
        proc.wait(timeout=60)
        took = time.monotonic() - sent
        assert proc.stderr is not None
        return proc.returncode, took, proc.stderr.read().decode()


class RedisServer:
    """A real redis-server on a loopback port, for the fleet's tests (killed and restarted at will)."""

    def __init__(self, folder: Path, password: str | None = None, *, tls: bool = False) -> None:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.folder = folder
        self.password = password
        self.tls = tls
        self.ca_file = folder / "ca.pem"  # with tls: the CA that signed the server's certificate
        self.proc: Any = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"{'rediss' if self.tls else 'redis'}://{auth}127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        import shutil
        import socket
        import subprocess
        import time

        exe = shutil.which("redis-server")
        if exe is None:
            needs("needs redis-server (Debian's package), for the fleet's tests")
        self.folder.mkdir(parents=True, exist_ok=True)
        args = [exe, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.folder)]
        if self.password:
            args += ["--requirepass", self.password]
        if self.tls:
            import trustme

            ca = trustme.CA()
            cert = ca.issue_cert("127.0.0.1", "localhost")
            ca.cert_pem.write_to_path(str(self.ca_file))
            cert.private_key_pem.write_to_path(str(self.folder / "key.pem"))
            cert.cert_chain_pems[0].write_to_path(str(self.folder / "cert.pem"))
            args[1:3] = ["--port", "0", "--tls-port", str(self.port)]
            args += [
                "--tls-cert-file",
                str(self.folder / "cert.pem"),
                "--tls-key-file",
                str(self.folder / "key.pem"),
            ]
            args += ["--tls-ca-cert-file", str(self.ca_file), "--tls-auth-clients", "no"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    def client(self) -> Any:
        import redis

        if self.tls:
            return redis.Redis.from_url(self.url, ssl_ca_certs=str(self.ca_file))
        return redis.Redis.from_url(self.url)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of its own on a free loopback port (a failure in CI when it cannot start)."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.kill()
