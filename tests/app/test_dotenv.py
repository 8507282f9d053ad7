"""A `.env` in the working folder: what it may set, and when it is not read at all.

Someone who can write a folder the user runs in can leave a `.env` there. It must not be able to
send the key (or the leads) elsewhere: no proxy, no CA bundle, no base URL or folder of its own
unless the credentials came from the same file, and no `.env` that others could have written.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import leadspace_cli
from leadspace_cli.app.settings import load_environment, resolve
from leadspace_cli.errors import SettingsError
from leadspace_cli.sandbox import Sandbox
from tests.conftest import KEY, invoke, make_leads, needs


class Listener:
    """A TCP port on loopback that counts the connections made to it (a planted proxy or API)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def test_dotenv_values_never_reach_the_process_environment(sandbox: Sandbox) -> None:
    Path(".env").write_text(f"LEADSPACE_API_KEY={sandbox.key}\nLEADSPACE_BASE_URL={sandbox.url}\n")
    [row] = leadspace_cli.enrich_records([{"Company": "Acme"}], dotenv=True, no_cache=True)
    assert row["ls.result"] == "ok"  # the key and base URL of one .env go together
    assert "LEADSPACE_API_KEY" not in os.environ
    assert "LEADSPACE_BASE_URL" not in os.environ


def test_dotenv_gives_no_proxy_and_no_ca_bundle(tmp_path: Path) -> None:
    (tmp_path / "certs.pem").write_text("planted")
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        f"HTTPS_PROXY=http://127.0.0.1:8899\nREQUESTS_CA_BUNDLE={tmp_path / 'certs.pem'}\n"
        "LEADSPACE_TOKEN_ISSUED=2026-01-01\n"
    )
    env = load_environment({"LEADSPACE_API_KEY": "k" * 12}, dotenv_path=dotenv)
    assert env.ignored == ("HTTPS_PROXY", "REQUESTS_CA_BUNDLE")
    settings = resolve(env, base_url="https://api.example")
    assert settings.proxy is None
    assert settings.ca_bundle is None
    assert settings.token_issued == "2026-01-01"  # LEADSPACE_* settings still come from it
    # the process environment still gives both, as for any requests-based tool
    env = load_environment(
        {"LEADSPACE_API_KEY": "k" * 12, "HTTPS_PROXY": "http://proxy.example:3128"}, dotenv_path=dotenv
    )
    assert resolve(env, base_url="https://api.example").proxy == "http://proxy.example:3128"


# Run inside a network namespace that has nothing but loopback: the base URL is an address outside
# it (TEST-NET-1, unreachable there), so whatever the tool does, no packet can leave the machine,
# and the planted proxy listens on the namespace's loopback.
_PLANTED_PROXY = textwrap.dedent(
    """
    import json, os, socket, subprocess, sys, threading
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]
    seen = []
    def serve():
        while True:
            conn, _ = srv.accept()
            seen.append(conn.recv(200).decode("latin-1"))
            conn.close()
    threading.Thread(target=serve, daemon=True).start()
    with open(".env", "w") as fh:
        fh.write(f"HTTPS_PROXY=http://127.0.0.1:{port}\\nREQUESTS_CA_BUNDLE=certs.pem\\n")
    open("certs.pem", "w").write("planted")
    with open("in.csv", "w") as fh:
        fh.write("First Name,Last Name,Company\\nAda,Lovelace,Acme\\n")
    env = dict(os.environ, LEADSPACE_API_KEY="secret-key-of-the-user", LEADSPACE_BASE_URL="https://192.0.2.1")
    codes = {}
    for name, args in {
        "auth": ["auth", "check"],
        "lookup": ["lookup", "--company", "Acme"],
        "enrich": ["enrich", "in.csv", "-o", "out.csv", "--max-retries", "0", "--outage-limit", "1s"],
    }.items():
        run = subprocess.run([sys.executable, "-m", "leadspace_cli", *args], env=env,
                             capture_output=True, text=True, timeout=120)
        codes[name] = [run.returncode, run.stderr]
    print(json.dumps({"proxy_saw": seen, "runs": codes}))
    """
)


def _in_loopback_namespace() -> list[str] | None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return None
    probe = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"], capture_output=True)
    if probe.returncode != 0:
        return None
    return ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"']


@pytest.mark.slow
@pytest.mark.must_run
def test_a_planted_dotenv_proxy_receives_no_connection(tmp_path: Path) -> None:
    prefix = _in_loopback_namespace()
    if prefix is None:
        needs("needs a network namespace (unshare -n as root, and ip) so that nothing can leave")
    work = tmp_path / "shared-folder"
    work.mkdir(mode=0o755)
    script = tmp_path / "probe.py"
    script.write_text(_PLANTED_PROXY)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSPACE_")}
    env["LEADSPACE_CACHE_DIR"] = str(tmp_path / "cache")
    env["LEADSPACE_RUNTIME_DIR"] = str(tmp_path / "runtime")
    env["PYTHONPATH"] = str(Path(leadspace_cli.__file__).resolve().parent.parent)
    done = subprocess.run(
        [*prefix, sys.executable, str(script)], cwd=work, env=env, capture_output=True, text=True, timeout=400
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["proxy_saw"] == []  # not one connection: the key and the leads stayed here
    for name, (code, stderr) in result["runs"].items():
        assert code != 0, (name, stderr)  # the API is out of reach, so nothing can succeed
        assert "Ignored HTTPS_PROXY" in stderr, (name, stderr)
        assert "secret-key-of-the-user" not in stderr


@pytest.mark.parametrize(
    "command",
    [
        ["enrich", "in.csv", "-o", "out.csv"],
        ["auth", "check"],
        ["lookup", "--company", "Acme"],
    ],
)
def test_a_dotenv_base_url_without_the_dotenv_key_is_refused(
    command: list[str], listener: Listener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leads(Path("in.csv"), 3)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    Path(".env").write_text(f"LEADSPACE_BASE_URL={listener.url}\n")
    result = invoke(*command)
    assert result.exit_code == 2, result.stderr
    assert "LEADSPACE_BASE_URL" in result.stderr
    assert str(Path.cwd() / ".env") in result.stderr.replace("\n", "")
    assert listener.connections == 0
    assert not Path("out.csv").exists()


def test_a_dotenv_base_url_counts_beside_its_own_key_or_when_also_given(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leads(Path("in.csv"), 2)
    Path(".env").write_text(f"LEADSPACE_API_KEY={sandbox.key}\nLEADSPACE_BASE_URL={sandbox.url}\n")
    assert invoke("enrich", "in.csv", "-o", "a.csv").exit_code == 0  # the same .env gave the key
    monkeypatch.setenv("LEADSPACE_API_KEY", sandbox.key)
    Path(".env").write_text("LEADSPACE_BASE_URL=http://127.0.0.1:9\n")
    # the flag gives the address, so the .env's is not used
    assert invoke("enrich", "in.csv", "-o", "b.csv", "--base-url", sandbox.url).exit_code == 0
    monkeypatch.setenv("LEADSPACE_BASE_URL", sandbox.url)  # and so does the environment
    assert invoke("enrich", "in.csv", "-o", "c.csv").exit_code == 0


@pytest.mark.parametrize("name", ["LEADSPACE_CACHE_DIR", "LEADSPACE_RUNTIME_DIR"])
def test_a_dotenv_folder_without_the_dotenv_key_is_refused(
    name: str, use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leads(Path("in.csv"), 2)
    monkeypatch.delenv(name)
    planted = tmp_path / "planted"
    Path(".env").write_text(f"{name}={planted}\n")
    result = invoke("enrich", "in.csv", "-o", "out.csv")
    assert result.exit_code == 2
    assert name in result.stderr
    assert use_sandbox.stats.calls == 0
    assert not planted.exists()
    if name == "LEADSPACE_CACHE_DIR":
        assert invoke("cache", "info").exit_code == 2
        assert not planted.exists()
        mine = tmp_path / "mine"
        assert invoke("enrich", "in.csv", "-o", "out.csv", "--cache-dir", str(mine)).exit_code == 0
        assert use_sandbox.stats.calls == 2


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_dotenv_others_can_write_is_not_read(
    what: str, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leads(Path("in.csv"), 2)
    dotenv = Path(".env")
    dotenv.write_text(f"LEADSPACE_API_KEY={sandbox.key}\nLEADSPACE_BASE_URL={sandbox.url}\n")
    if what == "file":
        dotenv.chmod(0o664)
    else:
        Path.cwd().chmod(0o777)
    try:
        result = invoke("enrich", "in.csv", "-o", "out.csv")
        assert result.exit_code == 2
        assert "chmod go-w" in result.stderr
        assert sandbox.stats.calls == 0
        with pytest.raises(SettingsError, match="chmod go-w"):
            list(leadspace_cli.enrich_records([{"Company": "Acme"}], dotenv=True))
        assert sandbox.stats.calls == 0
        # the library without dotenv=True never looks at it
        monkeypatch.setenv("LEADSPACE_API_KEY", sandbox.key)
        monkeypatch.setenv("LEADSPACE_BASE_URL", sandbox.url)
        [row] = leadspace_cli.enrich_records([{"Company": "Acme"}])
        assert row["ls.result"] == "ok"
    finally:
        Path.cwd().chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_a_dotenv_owned_by_another_user_is_not_read(sandbox: Sandbox) -> None:
    dotenv = Path(".env")
    dotenv.write_text(f"LEADSPACE_API_KEY={sandbox.key}\nLEADSPACE_BASE_URL={sandbox.url}\n")
    os.chown(dotenv, 65534, 65534)  # nobody
    with pytest.raises(SettingsError, match="another user"):
        load_environment()
    assert sandbox.stats.calls == 0
