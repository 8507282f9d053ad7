"""Trust boundaries (issue 23): what another user, a cut answer or a hostile file can make the tool do.

The tests that act as a second user need root (CI runs as root): locally they skip, under
``LEADSPACE_TEST_STRICT=1`` they fail instead (``tests/conftest.py``: ``needs``, ``must_run``).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from leadspace_cli.engine import pace_file
from leadspace_cli.engine.pace_file import shared_pace_path
from leadspace_cli.engine.pacing import RateLimiter
from leadspace_cli.errors import ExitCode
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, make_leads, other_user, read_csv, write_csv


def squatted(folder: Path, mode: int = 0o777) -> Path:
    """Make ``folder`` as another user would, before the victim's first run."""
    uid, gid = other_user()
    folder.mkdir(mode=mode)
    os.chmod(folder, mode)
    os.chown(folder, uid, gid)
    return folder


# Item 1: the runtime folder and the pace file are not trusted as found.


@pytest.mark.must_run
def test_another_users_link_in_the_runtime_folder_writes_nothing_through_it(tmp_path: Path) -> None:
    important = tmp_path / "important.txt"
    important.write_text("the victim's notes\n")
    folder = squatted(tmp_path / "runtime")
    path = shared_pace_path("key:abc@https://api.example", folder)
    uid, gid = other_user()
    path.symlink_to(important)
    os.lchown(path, uid, gid)
    limiter = RateLimiter(30, shared=path)
    assert limiter.acquire(threading.Event())
    assert important.read_text() == "the victim's notes\n"
    assert "belongs to another user" in limiter.problem
    assert str(folder) in limiter.problem
    assert "LEADSPACE_RUNTIME_DIR" in limiter.problem


def test_a_link_in_place_of_the_pace_file_is_never_followed(tmp_path: Path) -> None:
    important = tmp_path / "important.txt"
    important.write_text("notes\n")
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    path = shared_pace_path("key:abc@https://api.example", folder)
    path.symlink_to(important)
    limiter = RateLimiter(30, shared=path)
    assert limiter.acquire(threading.Event())
    assert important.read_text() == "notes\n"
    assert "paced alone" in limiter.problem
    path.unlink()
    Path(f"{path}.lock").unlink()
    Path(f"{path}.lock").symlink_to(important)  # the lock is opened without following links too
    limiter = RateLimiter(30, shared=path)
    assert limiter.acquire(threading.Event())
    assert important.read_text() == "notes\n"
    assert "paced alone" in limiter.problem


def test_a_runtime_folder_open_to_others_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "runtime"
    folder.mkdir()
    os.chmod(folder, 0o755)
    limiter = RateLimiter(30, shared=shared_pace_path("p", folder))
    assert limiter.acquire(threading.Event())
    assert f"chmod 700 {folder}" in limiter.problem
    assert list(folder.iterdir()) == []


def test_a_new_runtime_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "runtime"
    RateLimiter(30, shared=shared_pace_path("p", folder))
    assert folder.stat().st_mode & 0o777 == 0o700


def forged(path: Path, **values: object) -> None:
    now = time.monotonic()
    state = {"target": 30.0, "rate": 30.0, "growing": False, "guard": 0.01, "ceiling": 30.0}
    state.update(updated=now, last=now - 1.0, recent=[], runs={})
    state.update(values)
    path.write_text(json.dumps(state))


@pytest.mark.parametrize(
    "values",
    [
        {"rate": 1e-9},  # one call in 30 years: the run hung
        {"target": 1e-9, "rate": 1e-9},
        {"recent": [time.monotonic() + 1e6] * 40},  # slots planned far ahead
        {"guard": "wide"},
        {"rate": float("nan")},
    ],
    ids=["rate", "target", "future", "type", "nan"],
)
def test_a_forged_pace_starts_afresh_with_a_warning(tmp_path: Path, values: dict[str, object]) -> None:
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    path = shared_pace_path("p", folder)
    forged(path, **values)
    limiter = RateLimiter(30, shared=path)
    assert "started afresh" in limiter.problem
    assert limiter.rate == 30
    stop = threading.Event()
    for _ in range(3):
        assert limiter.acquire(stop)
    # The slots it took are within the next second, not years away.
    assert max(limiter._own_recent) < time.monotonic() + 1.0


def test_an_oversized_pace_file_starts_afresh(tmp_path: Path) -> None:
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    path = shared_pace_path("p", folder)
    path.write_text(" " * (pace_file.MAX_PACE_BYTES + 10))
    limiter = RateLimiter(30, shared=path)
    assert "larger than" in limiter.problem
    assert limiter.acquire(threading.Event())


# Item 2: a squatted runtime folder never makes a run fail.


@pytest.mark.must_run
def test_a_squatted_runtime_folder_warns_and_the_run_paces_alone(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = squatted(tmp_path / "squatted", 0o755)
    monkeypatch.setenv("LEADSPACE_RUNTIME_DIR", str(folder))
    make_leads(tmp_path / "in.csv", 5)
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv")
    assert result.exit_code == 0, result.output
    assert {r["ls.result"] for r in read_csv("out.csv")} == {"ok"}
    assert f"the runtime folder {folder} belongs to another user" in result.stderr
    assert "LEADSPACE_RUNTIME_DIR" in result.stderr
    assert list(folder.iterdir()) == []  # nothing of the victim's in it


# Item 15: pace files do not pile up.


def test_stale_pace_files_are_swept(tmp_path: Path) -> None:
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    old = time.time() - 2 * pace_file.SWEEP_AGE
    for n in range(5):
        for name in (f"pace-old{n}.json", f"pace-old{n}.json.lock"):
            (folder / name).write_text("{}")
            os.utime(folder / name, (old, old))
    (folder / "pace-busy.json").write_text("{}")  # written lately: its old lock stays too
    (folder / "pace-busy.json.lock").write_text("")
    os.utime(folder / "pace-busy.json.lock", (old, old))
    (folder / "notes.txt").write_text("not ours to judge")
    os.utime(folder / "notes.txt", (old, old))
    path = shared_pace_path("p", folder)
    assert RateLimiter(30, shared=path).acquire(threading.Event())
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["pace-busy.json", "pace-busy.json.lock", "notes.txt", path.name, f"{path.name}.lock"]
    )


# Item 7: an answer cut off mid-body.


@pytest.mark.slow
def test_a_cut_off_answer_is_an_unknown_outcome_and_is_retried(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(cut_rate=0.3, seed=3)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    make_leads(tmp_path / "in.csv", 20)
    result = invoke(
        "enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--max-retries", "20", "--report", "r.json"
    )
    assert result.exit_code == 0, result.output
    assert {r["ls.result"] for r in read_csv("out.csv")} == {"ok"}
    cut = sb.stats.cut
    assert cut > 0
    report = json.loads(Path("r.json").read_text())
    assert report["unknown_outcome"] == cut  # maybe billed: counted apart
    assert report["calls"] == 20 + cut  # each cut answer was retried


def test_a_cut_off_answer_counts_against_the_credit_cap(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(cut_rate=1.0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", sb.key)
    make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--max-credits", "1")
    assert result.exit_code == ExitCode.CREDITS, result.output
    assert sb.stats.cut == 1  # the cut answer held the only credit: nothing more was bought
    rows = read_csv("out.csv")
    assert "internal error" not in " ".join(r["ls.error"] for r in rows)
    assert [r["ls.result"] for r in rows].count("ok") == 0


# Item 12: secrets out of repr() and reports.


def test_repr_of_a_job_and_of_settings_holds_no_secret() -> None:
    from leadspace_cli.api.connection import Settings
    from leadspace_cli.app.job import Job

    settings = Settings(api_key="key-5f3a9c1d2e", base_url="https://x.example", secret="oauth-s3cr3t-77")
    assert "key-5f3a9c1d2e" not in repr(settings)
    assert "oauth-s3cr3t-77" not in repr(settings)
    assert "key-5f3a9c1d2e" not in repr(Job(api_key="key-5f3a9c1d2e"))


@pytest.mark.parametrize(
    ("proxy", "shown"),
    [
        ("alice:hunter2@proxy:3128", "alice:****@proxy:3128"),
        ("http://alice:hunter2@proxy:3128", "http://alice:****@proxy:3128"),
        ("http://alice:p@ss/w:rd@proxy:3128/", "http://alice:****@proxy:3128/"),
        ("http://proxy:3128", "http://proxy:3128"),
    ],
)
def test_a_proxy_password_is_masked_with_or_without_a_scheme(proxy: str, shown: str) -> None:
    from leadspace_cli.api.redact import redact_url

    assert redact_url(proxy) == shown


def test_a_schemeless_proxy_password_stays_out_of_the_report(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadspace_cli.api.connection import Settings

    settings = Settings(api_key="k" * 12, base_url="https://api.example", proxy="alice:hunter2@proxy:3128")
    assert "hunter2" not in json.dumps(settings.describe())
    assert "hunter2" not in repr(settings)


# Item 14: base URLs that would send the key elsewhere.


@pytest.mark.parametrize(
    "url",
    [
        "https://api.example/?x=",  # the endpoint would go into the query
        "https://api.example#",  # ... or the fragment, never sent
        "http://anything.localhost:8080",  # not resolved: may be anywhere
        "http://evil.example.localhost",
    ],
)
def test_base_urls_that_rewrite_the_endpoint_or_claim_loopback_are_refused(url: str) -> None:
    result = invoke("auth", "check", "--base-url", url)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "LEADSPACE_BASE_URL" in result.output or "plain http" in result.output


def test_localhost_itself_and_loopback_addresses_stay_allowed() -> None:
    from leadspace_cli.api.connection import check_base_url

    for url in ("http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:2", "http://LOCALHOST."):
        assert check_base_url(url) == url.rstrip("/")


# Item 15: --excel-safe catches what a spreadsheet runs.


@pytest.mark.parametrize(
    "cell", [" =1", "\n=1", "\r\n+1", "  @SUM(A1)", "\uff1d1", "\uff0b1", "\u3000=1", "=1", "-1", "\t1"]
)
def test_excel_safe_catches_formulas_behind_spaces_and_in_fullwidth(cell: str) -> None:
    from leadspace_cli.formats.values import excel_safe

    assert excel_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Acme", " Acme", "1=1", "a@b.example"])
def test_excel_safe_leaves_text_alone(cell: str) -> None:
    from leadspace_cli.formats.values import excel_safe

    assert excel_safe(cell) == cell


# Item 9: the key in any spelling, in any cell.

SLASHED_KEY = "planted/key+5f3a9c1d"


class _Echo(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name = body["company"]["name"]
        spelled = {
            "JSON": json.dumps(SLASHED_KEY).replace("/", "\\/")[1:-1],
            "URL": quote(SLASHED_KEY, safe="").lower(),
            "PLAIN": "nothing to hide",
        }[name]
        text = '{"status": "success", "data": {"company": {"name": "%s", "description": "%s"}}}'
        raw = (text % (name, spelled)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


def spellings(secret: str) -> list[str]:
    return [secret, quote(secret, safe=""), quote(secret, safe="").lower(), secret.replace("/", "\\/")]


@pytest.mark.slow
def test_an_answer_echoing_the_key_in_another_spelling_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_API_KEY", SLASHED_KEY)
    write_csv(tmp_path / "in.csv", ["Company"], [["JSON"], ["URL"], ["PLAIN"]])
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--base-url", url)
    finally:
        server.shutdown()
        server.server_close()
    rows = {r["Company"]: r for r in read_csv("out.csv")}
    assert rows["PLAIN"]["ls.result"] == "ok"
    assert "echoes the API key" in rows["JSON"]["ls.error"]
    written = Path("out.csv").read_text()
    for form in spellings(SLASHED_KEY):
        assert form not in written, form
        assert form not in result.output, form


def test_internal_error_text_is_redacted_in_the_output(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadspace_cli.api import client

    def broken(self: client.Client, body: object, header: str | None = None) -> client.Answer:
        raise RuntimeError(
            f"a bug that quotes {self.settings.api_key} and {quote(self.settings.api_key or '')}"
        )

    monkeypatch.setattr(client.Client, "call", broken)
    make_leads(tmp_path / "in.csv", 2)
    invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--max-retries", "0")
    rows = read_csv("out.csv")
    assert all("internal error" in r["ls.error"] for r in rows)
    assert all("[REDACTED]" in r["ls.error"] for r in rows)
    assert use_sandbox.key not in Path("out.csv").read_text()
