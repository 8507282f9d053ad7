"""The everyday commands around enrich, and docs that cannot drift."""

from __future__ import annotations

import json
import re
import tomllib
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
