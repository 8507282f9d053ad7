"""Hostile input, hostile answers, secrets and transport: nothing crashes, nothing leaks."""

from __future__ import annotations

import csv
import gzip
import json
import select
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import trustme

from leadspace_cli.errors import ExitCode
from leadspace_cli.sandbox import Sandbox, SandboxConfig
from leadspace_cli.sandbox.data import answer
from tests.conftest import KEY, invoke, read_csv, write_csv

PLANTED = "sk-PLANTED-7d1c0ffee9"


# Files.


def test_empty_file_is_exit_2(use_sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("")
    result = invoke("enrich", str(tmp_path / "empty.csv"), "-o", "out.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "is empty" in result.stderr
    (tmp_path / "blank.jsonl").write_text("\n\n")
    assert invoke("enrich", str(tmp_path / "blank.jsonl"), "-o", "out.csv").exit_code == ExitCode.USAGE


def test_header_only_writes_a_header_and_exits_0(use_sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("First Name,Last Name,Email\n")
    result = invoke("enrich", str(tmp_path / "h.csv"), "-o", "out.csv")
    assert result.exit_code == 0
    header = Path("out.csv").read_text().splitlines()
    assert len(header) == 1
    assert header[0].startswith("First Name,Last Name,Email,ls.result")


def test_bom_and_windows_1252_are_read_right(use_sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "bom.csv").write_bytes("\ufeffCompany,City\nAcme,Köln\n".encode())
    assert invoke("enrich", str(tmp_path / "bom.csv"), "-o", "bom-out.csv").exit_code == 0
    rows = read_csv("bom-out.csv")
    assert rows[0]["Company"] == "Acme"
    assert rows[0]["City"] == "Köln"
    (tmp_path / "win.csv").write_bytes("Company,Contact\nCafé Müller – “Süd”,José\n".encode("cp1252"))
    result = invoke("enrich", str(tmp_path / "win.csv"), "-o", "win-out.csv")
    assert result.exit_code == 0
    assert "Windows-1252" in result.stderr
    rows = read_csv("win-out.csv")
    assert rows[0]["Company"] == "Café Müller – “Süd”"
    assert use_sandbox.stats.received[-1]["company"]["name"] == "Café Müller – “Süd”"
    result = invoke("enrich", str(tmp_path / "win.csv"), "-o", "l1.csv", "--encoding", "latin-1")
    assert result.exit_code == 0
    assert read_csv("l1.csv")[0]["Contact"] == "José"
    bad = invoke("enrich", str(tmp_path / "win.csv"), "-o", "x.csv", "--encoding", "klingon")
    assert bad.exit_code == 2
    assert "Unknown encoding" in bad.stderr
    # An encoding the file is not in, or one that is no text encoding: exit 2 with a fix, never the
    # "Internal error" (exit 6) of a bug. UTF-16 without its BOM, IDNA, base64; a JSONL file too.
    (tmp_path / "x.jsonl").write_text('{"Company": "Acme"}\n', encoding="utf-8")
    for name, encoding, said in (
        ("win.csv", "utf-16", "is not valid utf-16 text"),
        ("win.csv", "idna", "is not valid idna text"),
        ("win.csv", "base64", "'base64' is not a text encoding"),
        ("x.jsonl", "idna", "is not valid idna text"),
    ):
        bad = invoke("enrich", str(tmp_path / name), "-o", "x.csv", "--encoding", encoding)
        assert bad.exit_code == 2, (encoding, bad.stderr)
        assert said in bad.stderr
        assert "Internal error" not in bad.stderr
    bad = invoke("mapping", "init", str(tmp_path / "win.csv"), "--encoding", "utf-16")
    assert bad.exit_code == 2
    assert "is not valid utf-16 text" in bad.stderr


def test_ragged_rows_nul_bytes_and_huge_fields(use_sandbox: Sandbox, tmp_path: Path) -> None:
    big = "x" * 300_000  # beyond the csv module's default 128 KiB field limit
    text = (
        "Company,Note\n"
        "Short Row\n"  # a missing cell: padded
        "Trailing,commas,,\n"  # empty extra cells: dropped
        "Acme,fine,EXTRA\n"  # a non-empty extra cell: invalid_input, with the line
        "Nul\x00Corp,a\x00b\n"
        f"Big,{big}\n"
    )
    (tmp_path / "r.csv").write_text(text)
    result = invoke("enrich", str(tmp_path / "r.csv"), "-o", "out.csv")
    assert result.exit_code == 0, result.output
    rows = read_csv("out.csv")
    assert [r["Company"] for r in rows] == ["Short Row", "Trailing", "Acme", "Nul\x00Corp", "Big"]
    assert [r["ls.result"] for r in rows] == ["ok", "ok", "invalid_input", "ok", "ok"]
    assert "line 4 has 3 cells but the header has 2" in rows[2]["ls.error"]
    assert rows[3]["Note"] == "a\x00b"
    assert rows[4]["Note"] == big


def test_duplicate_and_blank_headers_are_told_apart_and_written_back_as_they_were(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # A mapping names them "Email_2" and "column_4"; the output's header is the input's, so that a
    # file goes back into the CRM it came from (they came back renamed: skeptic pass 20).
    write_csv(
        tmp_path / "d.csv", ["Company", "Email", "Email", ""], [["Acme", "a@x.example", "b@x.example", "z"]]
    )
    result = invoke("enrich", str(tmp_path / "d.csv"), "-o", "out.csv")
    assert result.exit_code == 0
    assert "appears twice; the second is called 'Email_2' (the output keeps its name)" in result.stderr
    with open("out.csv", encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))[:2]
    assert header[:5] == ["Company", "Email", "Email", "", "ls.result"]
    assert row[:5] == ["Acme", "a@x.example", "b@x.example", "z", "ok"]


def test_jsonl_lines_that_are_not_objects(use_sandbox: Sandbox, tmp_path: Path) -> None:
    lines = ['{"company": "Acme"}', "{not json", "[1, 2]", '"text"', '{"company": "Globex"}']
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    result = invoke("enrich", str(tmp_path / "in.jsonl"), "-o", "out.jsonl")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in Path("out.jsonl").read_text().splitlines()]
    assert [o["ls"]["result"] for o in out] == ["ok", "invalid_input", "invalid_input", "invalid_input", "ok"]
    assert "line 2 is not JSON" in out[1]["ls"]["error"]
    assert out[2]["_line"] == "[1, 2]"
    assert "line 3 is a JSON array" in out[2]["ls"]["error"]
    (tmp_path / "first.jsonl").write_text("oops\n")
    result = invoke("enrich", str(tmp_path / "first.jsonl"), "-o", "x.jsonl")
    assert result.exit_code == 2
    assert "line 1" in result.stderr


def test_broken_gzip_and_missing_files(use_sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "bad.csv.gz").write_bytes(b"not gzip at all")
    result = invoke("enrich", str(tmp_path / "bad.csv.gz"), "-o", "out.csv")
    assert result.exit_code == 2
    assert "Cannot read" in result.stderr
    good = gzip.compress(b"Company\nAcme\nGlobex\n")
    (tmp_path / "cut.csv.gz").write_bytes(good[: len(good) // 2])
    assert invoke("enrich", str(tmp_path / "cut.csv.gz"), "-o", "out.csv").exit_code == 2
    missing = invoke("enrich", str(tmp_path / "nope.csv"), "-o", "out.csv")
    assert missing.exit_code == 2
    assert "No such input file" in missing.stderr


def test_a_missing_output_folder_is_refused_before_any_call(use_sandbox: Sandbox, tmp_path: Path) -> None:
    write_csv(tmp_path / "in.csv", ["Company"], [["Acme"]])  # a good input: the output is what fails
    no_dir = invoke("enrich", str(tmp_path / "in.csv"), "-o", str(tmp_path / "no" / "out.csv"))
    assert no_dir.exit_code == 2
    assert f"The folder {tmp_path / 'no'} does not exist" in no_dir.stderr
    assert use_sandbox.stats.calls == 0


def test_mapping_toml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text('[person]\nfirst_name = "First Name"\nlast_name = Last\n')
    write_csv(tmp_path / "in.csv", ["First Name"], [["A"]])
    result = invoke("enrich", str(tmp_path / "in.csv"), "--mapping", str(tmp_path / "m.toml"), "--dry-run")
    assert result.exit_code == 2
    assert "line 3, column 13" in result.stderr


def test_unsafe_base_url_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    write_csv(tmp_path / "in.csv", ["Company"], [["Acme"]])
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "o.csv", "--base-url", "http://api.example.com")
    assert result.exit_code == 2
    assert "plain http://" in result.stderr
    assert invoke("enrich", str(tmp_path / "in.csv"), "--base-url", "ftp://x").exit_code == 2


# Answers.


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def _reply(self, status: int, body: bytes, ctype: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        req = json.loads(raw)
        name = req["company"]["name"]
        headers = dict(self.headers.items())
        if name == "NOTJSON":
            self._reply(200, b"<html>surprise</html>", "text/html")
        elif name == "WRONGSHAPE":
            self._reply(200, b'{"status": "success", "data": 5}')
        elif name == "NUMBER":
            self._reply(200, json.dumps({"status": "success", "data": {"company": {"name": 123}}}).encode())
        elif name == "HUGE":
            self._reply(200, b'{"data": {"company": {"description": "' + b"x" * (9 * 2**20) + b'"}}}')
        elif name == "HTML":
            self._reply(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
        elif name == "ECHO400":
            self._reply(
                400, json.dumps({"error": "Bad Request", "details": f"headers were {headers}"}).encode()
            )
        elif name == "ECHO200":
            data = {"status": "success", "data": {"company": {"name": "Echo", "description": str(headers)}}}
            self._reply(200, json.dumps(data).encode())
        else:
            self._reply(200, json.dumps({"status": "success", "data": answer(req)}).encode())


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_hostile_answers_get_clear_row_results_and_leak_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_API_KEY", PLANTED)
    names = ["OK", "NOTJSON", "WRONGSHAPE", "NUMBER", "HUGE", "HTML", "ECHO400", "ECHO200", "OK2"]
    write_csv(tmp_path / "in.csv", ["Company"], [[n] for n in names])
    with serve(_Hostile) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = invoke(
            "enrich",
            str(tmp_path / "in.csv"),
            "-o",
            "out.csv",
            "--base-url",
            url,
            "--max-retries",
            "0",
            "--report",
            "report.json",
            "-v",
        )
    assert result.exit_code == ExitCode.ROWS_FAILED, result.output
    rows = {r["Company"]: r for r in read_csv("out.csv")}
    assert rows["OK"]["ls.result"] == "ok"
    assert rows["OK2"]["ls.result"] == "ok"
    assert rows["NOTJSON"]["ls.error"] == "HTTP 200 but the answer is not JSON (billed)"
    assert rows["WRONGSHAPE"]["ls.error"] == "HTTP 200 but the answer has no data object (billed)"
    assert rows["NUMBER"]["ls.result"] == "ok"
    assert rows["NUMBER"]["ls.company.name"] == "123"
    assert "larger than 8 MiB" in rows["HUGE"]["ls.error"]
    assert "HTML error page" in rows["HTML"]["ls.error"]
    assert rows["ECHO400"]["ls.result"] == "invalid_input"
    assert "[REDACTED]" in rows["ECHO400"]["ls.error"]
    assert "echoes the API key" in rows["ECHO200"]["ls.error"]
    assert_no_secret(tmp_path, result, PLANTED)
    assert "Authorization: Bearer [REDACTED]" in result.stderr  # the -v trace ran, key masked


def assert_no_secret(tmp_path: Path, result: Any, secret: str) -> None:
    """Search every artefact the run left, and its stdout and stderr, for the secret."""
    assert secret not in result.stdout
    assert secret not in result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


@pytest.mark.slow
def test_the_key_leaks_nowhere_on_a_normal_run(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(key=PLANTED, fail_rate=0.3, rate=0, seed=5)
    monkeypatch.setenv("LEADSPACE_API_KEY", PLANTED)
    write_csv(tmp_path / "in.csv", ["Company"], [[f"C{i}"] for i in range(20)])
    result = invoke(
        "enrich",
        str(tmp_path / "in.csv"),
        "-o",
        "out.jsonl",
        "--base-url",
        sb.url,
        "--report",
        "report.json",
        "-v",
    )
    assert result.exit_code == 0
    assert "Bearer [REDACTED]" in result.stderr  # the -v trace shows the header, masked
    assert_no_secret(tmp_path, result, PLANTED)
    report = json.loads(Path("report.json").read_text())
    assert report["settings"]["api_key"] == "…" + PLANTED[-4:]


def test_internal_errors_do_not_print_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADSPACE_API_KEY", PLANTED)
    monkeypatch.delenv("LEADSPACE_DEBUG")
    write_csv(tmp_path / "in.csv", ["Company"], [["Acme"]])

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError(f"something broke near {PLANTED}")

    monkeypatch.setattr("leadspace_cli.app.run.Run.execute", boom)
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "o.csv", "--base-url", "https://x.example")
    assert result.exit_code == ExitCode.INTERNAL == 6  # not 5: a script rerunning on 5 would loop
    assert "Internal error" in result.stderr
    assert "--traceback" in result.stderr  # says how to report it
    assert "Traceback" not in result.output
    assert PLANTED not in result.output
    # With --traceback: the traceback, the key masked in it, and the same exit code (it was 1).
    result = invoke(
        "enrich", str(tmp_path / "in.csv"), "-o", "o.csv", "--base-url", "https://x.example", "--traceback"
    )
    assert result.exit_code == ExitCode.INTERNAL
    assert "Traceback (most recent call last)" in result.stderr
    assert "something broke near" in result.stderr
    assert PLANTED not in result.output


# Transport.


@pytest.fixture(scope="module")
def tls() -> tuple[trustme.CA, ssl.SSLContext]:
    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1", "api.leadspace.test")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    return ca, ctx


@contextmanager
def tls_sandbox(ctx: ssl.SSLContext) -> Iterator[Sandbox]:
    sb = Sandbox(SandboxConfig(key=KEY), ssl_context=ctx).start()
    try:
        yield sb
    finally:
        sb.stop()


def test_tls_needs_a_trusted_ca_and_honours_the_bundle(
    tls: tuple[trustme.CA, ssl.SSLContext], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca, ctx = tls
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    write_csv(tmp_path / "in.csv", ["Company"], [["Acme"], ["Globex"]])
    with tls_sandbox(ctx) as sb:
        assert sb.url.startswith("https://localhost:")
        untrusted = invoke("enrich", str(tmp_path / "in.csv"), "-o", "a.csv", "--base-url", sb.url)
        assert untrusted.exit_code == ExitCode.STOPPED
        assert "REQUESTS_CA_BUNDLE" in untrusted.stderr
        assert sb.stats.calls == 0
        flag = invoke(
            "enrich",
            str(tmp_path / "in.csv"),
            "-o",
            "b.csv",
            "--base-url",
            sb.url,
            "--ca-bundle",
            str(bundle),
        )
        assert flag.exit_code == 0, flag.output
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
        env = invoke("enrich", str(tmp_path / "in.csv"), "-o", "c.csv", "--base-url", sb.url, "--no-cache")
        assert env.exit_code == 0, env.output
        assert sb.stats.calls == 4


class _ConnectProxy(BaseHTTPRequestHandler):
    """A CONNECT proxy that sends every tunnel to one port on loopback."""

    target_port = 0
    seen: ClassVar[list[str]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def do_CONNECT(self) -> None:
        self.seen.append(self.path)
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        self.send_response(200, "Connection established")
        self.end_headers()
        conns = [self.connection, upstream]
        try:
            while True:
                ready, _, _ = select.select(conns, [], [], 5)
                if not ready:
                    return
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    (upstream if s is self.connection else self.connection).sendall(data)
        finally:
            upstream.close()


@pytest.mark.slow
def test_https_proxy_is_honoured(
    tls: tuple[trustme.CA, ssl.SSLContext], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca, ctx = tls
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    write_csv(tmp_path / "in.csv", ["Company"], [["Acme"]])
    with tls_sandbox(ctx) as sb, serve(_ConnectProxy) as proxy:
        _ConnectProxy.target_port = sb.port
        _ConnectProxy.seen = []
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
        monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
        url = f"https://api.leadspace.test:{sb.port}"  # a name only the proxy can reach
        result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--base-url", url)
        assert result.exit_code == 0, result.output
        assert _ConnectProxy.seen == [f"api.leadspace.test:{sb.port}"]
        assert read_csv("out.csv")[0]["ls.result"] == "ok"


@pytest.mark.slow
def test_a_redirect_is_not_followed_with_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hits: list[str] = []

    class Elsewhere(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            hits.append(self.headers.get("Authorization", ""))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST  # noqa: N815 - the http.server API

        def log_message(self, *args: Any) -> None:
            pass

    with serve(Elsewhere) as other:
        target = f"http://localhost:{other.server_address[1]}/steal"

        class Redirect(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(307)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        with serve(Redirect) as server:
            monkeypatch.setenv("LEADSPACE_API_KEY", PLANTED)
            write_csv(tmp_path / "in.csv", ["Company"], [["Acme"]])
            url = f"http://127.0.0.1:{server.server_address[1]}"
            result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--base-url", url)
    assert result.exit_code == ExitCode.STOPPED
    assert "redirected" in result.stderr
    assert hits == []


def test_latin_1_bytes_that_windows_1252_lacks(use_sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "l1.csv").write_bytes(b"Company,Code\nS\xe3o Paulo Ltda,\x81\x8d\n")
    result = invoke("enrich", str(tmp_path / "l1.csv"), "-o", "out.csv")
    assert result.exit_code == 0, result.output
    assert "Latin-1" in result.stderr
    assert read_csv("out.csv")[0]["Company"] == "São Paulo Ltda"


def test_redaction_masks_secrets_and_bearer_tokens_only() -> None:
    from leadspace_cli.api.redact import mask, redact

    assert redact(f"key {PLANTED} in text", [PLANTED]) == "key [REDACTED] in text"
    assert redact("Authorization: Bearer abc.def-123", []) == "Authorization: Bearer [REDACTED]"
    assert redact("rows are marked not_sent", ["k"]) == "rows are marked not_sent"  # too short to be a key
    assert mask(PLANTED) == "…" + PLANTED[-4:]
    assert mask("short") == "****"


def test_a_file_names_control_characters_are_shown_as_escapes(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # A file named by another user with a line break and a terminal escape (ESC [2J clears the
    # screen) faked lines of output in an error message (skeptic pass 23 F11).
    name = str(tmp_path / "nl\nFAKE: Error done\x1b[2J.csv")
    result = invoke("enrich", name, "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\\nFAKE: Error done\\x1b[2J.csv" in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("FAKE")]  # no faked line


class _NoData(BaseHTTPRequestHandler):
    """Every call answered 200 {"status": "failure"}: billed, with no data object (skeptic 26 F5)."""

    protocol_version = "HTTP/1.1"
    calls = 0

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).calls += 1
        body = b'{"status": "failure"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_200_with_no_data_is_a_credit_and_the_cap_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It was not counted against --max-credits: 60 calls were paid under a cap of 5.
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    write_csv(tmp_path / "in.csv", ["Company"], [[f"Firm {i}"] for i in range(8)])
    _NoData.calls = 0
    with serve(_NoData) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = invoke(
            "enrich",
            str(tmp_path / "in.csv"),
            "-o",
            "out.csv",
            "--base-url",
            url,
            "--max-credits",
            "3",
            "--report",
            "r.json",
        )
    assert _NoData.calls == 3
    assert result.exit_code == ExitCode.CREDITS, result.stderr
    report = json.loads(Path("r.json").read_text())
    assert report["credits"] == 3
    assert report["unusable"] == 3
    assert [r["ls.result"] for r in read_csv("out.csv")].count("failed") == 3


def test_a_run_that_keeps_no_answers_does_not_promise_them_free(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # Skeptic 26 F3: with --no-cache the cap's stop said "rows already answered are reused free"; the
    # same command bought rows 1-40 again, forever.
    write_csv(tmp_path / "in.csv", ["Company"], [[f"Firm {i}"] for i in range(6)])
    for flags in (["--no-cache"], ["--max-age", "0"]):
        result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--max-credits", "2", *flags)
        assert result.exit_code == ExitCode.CREDITS
        flat = " ".join(result.stderr.split())
        assert "reused free" not in flat
        assert "pays for every row again" in flat
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--max-credits", "2")
    assert "reused free" in " ".join(result.stderr.split())


def test_dropped_connections_are_not_called_slow_answers(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Skeptic 26 F7: every call dropped, none timed out, and the end said to raise --timeout.
    sb = sandbox_factory(rate=0, drop_rate=1.0)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sb.url)
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    write_csv(tmp_path / "in.csv", ["Company"], [["Firm A"], ["Firm B"]])
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", "--max-retries", "0")
    assert result.exit_code == ExitCode.ROWS_FAILED, result.stderr
    flat = " ".join(result.stderr.split())
    assert "raise --timeout" not in flat
    assert "2 calls lost their connection before an answer" in flat
