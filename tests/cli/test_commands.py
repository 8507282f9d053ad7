"""The everyday commands around enrich, and docs that cannot drift."""

from __future__ import annotations

import http.server
import json
import re
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.mapping.detect import detect
from leadspace_cli.mapping.spec import load
from leadspace_cli.sandbox import Sandbox
from leadspace_cli.version import __version__
from tests.conftest import KEY, SAMPLES, invoke, make_leads, read_csv, write_csv


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_mapping_init_writes_a_mapping_that_enrich_accepts(tmp_path: Path) -> None:
    result = invoke("mapping", "init", str(SAMPLES / "leads.csv"), "-o", "m.toml")
    assert result.exit_code == 0, result.output
    text = Path("m.toml").read_text()
    doc = tomllib.loads(text)
    assert doc["person"]["first_name"] == "First Name"
    assert doc["company"]["address"]["postalcode"] == "Zip/Postal Code"
    assert '#   "Lead Source"' in text  # unmapped columns listed as comments
    m = load("m.toml")
    assert m.fields == detect(read_csv(SAMPLES / "leads.csv")[0].keys()).fields
    again = invoke("mapping", "init", str(SAMPLES / "leads.csv"), "-o", "m.toml")
    assert again.exit_code == 2
    assert "exists already" in again.stderr


def test_mapping_init_says_when_its_mapping_could_send_nothing(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    for extra in ((), ("-o", "m.toml")):
        result = invoke("mapping", "init", str(path), *extra)
        assert result.exit_code == 0, result.stderr  # a template to edit, written all the same
        assert "no column of it maps to the API's minimum input" in result.stderr
    fine = invoke("mapping", "init", str(SAMPLES / "leads.csv"))
    assert "minimum input" not in fine.stderr


def test_mapping_check_shows_bodies_and_counts_without_calling() -> None:
    result = invoke(
        "mapping", "check", str(SAMPLES / "leads.csv"), "--mapping", str(SAMPLES / "mapping.toml")
    )
    assert result.exit_code == 0, result.output
    assert "person.first_name" in result.stdout
    assert '"lead_source"' in result.stdout
    assert "44 rows would be sent; 5 lack the minimum input" in result.stdout


def test_fields_lists_request_and_response_fields() -> None:
    result = invoke("fields")
    assert result.exit_code == 0
    out = result.stdout
    for name in ("person.email", "company.address.postalcode", "external_id", "custom_fields"):
        assert name in out
    result = invoke("fields", "--response")
    assert result.exit_code == 0
    out = result.stdout
    for name in ("ls.company.size.range", "ls.person.title", "ls.extra", "ls.total_scores"):
        assert name in out


@pytest.mark.slow
def test_lookup_against_the_sandbox(tmp_path: Path) -> None:
    result = invoke(
        "lookup",
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--email",
        "ada@analytical.io",
        "--sandbox",
    )
    assert result.exit_code == 0, result.output
    assert "Leadspace answer" in result.stdout
    assert "enrichment_status" in result.stdout
    raw = invoke("lookup", "--company", "Acme", "--sandbox", "--json")
    assert json.loads(raw.stdout)["data"]["enrichment_status"]
    missing = invoke("lookup", "--first-name", "Ada", "--sandbox")
    assert missing.exit_code == 2
    assert "--company" in missing.stderr


def test_auth_check_spends_no_credit(use_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADSPACE_TOKEN_ISSUED", "2020-01-01")
    result = invoke("auth", "check")
    assert result.exit_code == 0, result.output
    assert "accepted" in result.stderr
    assert "…" + KEY[-4:] in result.stderr
    assert KEY not in result.output
    assert "rotated every six" in result.stderr
    assert use_sandbox.stats.paid == []
    monkeypatch.setenv("LEADSPACE_API_KEY", "bad-key-1234")
    result = invoke("auth", "check")
    assert result.exit_code == 3
    assert "rejected" in result.stderr


class _RefusingOAuth(http.server.BaseHTTPRequestHandler):
    """An OAuth endpoint that refuses with a reason, echoing the secret it was sent."""

    def do_POST(self) -> None:
        sent = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        body = json.dumps(
            {
                "error": "invalid_client",
                "error_description": f"Secret {sent['pass']} expired\x1b[2J on 2026-01-31",
                "tracking_id": "t-123",
            }
        ).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
def test_auth_check_shows_why_the_oauth_endpoint_refused(
    sandbox_factory: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RefusingOAuth)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("LEADSPACE_PROGRAM_ID", "prog-7")
    monkeypatch.setenv("LEADSPACE_SECRET", "s3cret-zz-99")
    try:
        result = invoke("auth", "check", "--base-url", f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 3
    assert (
        "No OAuth token. The OAuth endpoint refused program ID prog-7 and its secret (HTTP 400: "
        "invalid_client: Secret [REDACTED] expired [2J on 2026-01-31 (tracking id t-123)): check "
        "LEADSPACE_PROGRAM_ID and LEADSPACE_SECRET" in result.stderr
    )
    assert "s3cret-zz-99" not in result.output
    assert "\x1b" not in result.output
    sb = sandbox_factory(program_id="prog-7", secret="the-right-one")  # refuses with its 401 message
    refused = invoke("auth", "check", "--base-url", sb.url)
    assert refused.exit_code == 3
    assert "(HTTP 401: Credentials are required to access this resource)" in refused.stderr
    assert "s3cret-zz-99" not in refused.output


def test_report_refuses_a_file_that_enrich_did_not_write(use_sandbox: Sandbox) -> None:
    not_enriched = invoke("report", str(SAMPLES / "leads.csv"))
    assert not_enriched.exit_code == 2
    assert "no ls.* column" in not_enriched.stderr


def test_columns_rename_excel_safe_and_bom(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", ["Company", "Note"], [["Acme", "=1+1"], ["Globex", "+44 20"]])
    result = invoke(
        "enrich",
        str(path),
        "-o",
        "out.csv",
        "--columns",
        "ls.result,company.name,ls.company.phone",
        "--excel-safe",
        "--bom",
    )
    assert result.exit_code == 0, result.output
    raw = Path("out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv("out.csv")
    assert list(rows[0].keys()) == [
        "Company",  # read past the BOM checked above
        "Note",
        "ls.result",
        "ls.http_status",
        "ls.error",
        "ls.company.name",
        "ls.company.phone",
    ]
    assert rows[0]["Note"] == "'=1+1"  # --excel-safe covers the input's cells too (issue 23, 15)
    phones = [r["ls.company.phone"] for r in rows if r["ls.company.phone"]]
    assert phones
    assert all(p.startswith("'+") for p in phones)
    m = tmp_path / "m.toml"
    m.write_text('[company]\nname = "Company"\n\n[output]\n"ls.result" = "Result"\n')
    with m.open("a") as fh:
        fh.write('"ls.company.name" = "Matched Name"\n')
    assert invoke("enrich", str(path), "-o", "renamed.csv", "--mapping", str(m)).exit_code == 0
    assert list(read_csv("renamed.csv")[0].keys()) == [
        "Company",
        "Note",
        "Result",
        "ls.http_status",
        "ls.error",
        "Matched Name",
    ]
    bad = invoke("enrich", str(path), "-o", "x.csv", "--columns", "ls.company.nme")
    assert bad.exit_code == 2
    assert "ls.company.name" in bad.stderr


@pytest.mark.slow
def test_dry_run_on_an_enriched_store_counts_only_missing_calls(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 20)
    assert invoke("enrich", str(path), "-o", "out.csv", "--limit", "15").exit_code == 0
    result = invoke("enrich", str(path), "-o", "dry.csv", "--dry-run")
    assert result.exit_code == 0
    assert re.search(r"calls it would make\s*│\s*5\b", result.stderr), result.stderr


def test_settings_order_flag_then_environment_then_dotenv(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_leads(tmp_path / "in.csv", 2)
    Path(".env").write_text(f"LEADSPACE_API_KEY={KEY}\nLEADSPACE_BASE_URL=http://127.0.0.1:9\n")
    # .env alone: its base URL (nothing listens there) fails the calls
    assert invoke("enrich", str(path), "-o", "a.csv", "--max-retries", "0").exit_code == 1
    # the environment wins over .env; the key still comes from .env
    monkeypatch.setenv("LEADSPACE_BASE_URL", sandbox.url)
    assert invoke("enrich", str(path), "-o", "b.csv").exit_code == 0
    # a flag wins over the environment
    monkeypatch.setenv("LEADSPACE_BASE_URL", "http://127.0.0.1:9")
    assert invoke("enrich", str(path), "-o", "c.csv", "--no-cache", "--base-url", sandbox.url).exit_code == 0
    assert sandbox.stats.calls == 4


def test_a_base_url_beside_sandbox_is_said_to_be_unused(tmp_path: Path) -> None:
    # It was dropped silently: a user who meant a staging gateway could not tell (skeptic pass 20).
    path = tmp_path / "in.csv"
    path.write_text("Company\nAcme\n", encoding="utf-8")
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--sandbox", "--base-url", "https://gw.example.test"
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "--base-url https://gw.example.test is not used: --sandbox calls its own local sandbox"
        in result.stderr
    )
