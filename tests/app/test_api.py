"""The Python API: enrich_records and enrich_file, against the sandbox, with typer and rich absent."""

from __future__ import annotations

import datetime as dt
import decimal
import gc
import itertools
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import leadspace_cli
from leadspace_cli.sandbox import Sandbox
from tests.conftest import ROOT, make_leads, read_csv

BLOCK_CLI_LIBRARIES = "import sys\nsys.modules['typer'] = None\nsys.modules['rich'] = None\n"


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using as a library", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's library section has a Python example"
    return match.group(1)


@pytest.mark.slow
def test_readme_library_example_runs_as_written_without_typer_and_rich(tmp_path: Path) -> None:
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    code = (
        "import sys\n"
        + _readme_example()
        + (
            "\nassert 'typer' not in sys.modules, 'the library imported typer'\n"
            "assert 'rich' not in sys.modules, 'the library imported rich'\n"
        )
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "LEADSPACE_CACHE_DIR": str(tmp_path / "cache"),
            "PYTHONPATH": str(ROOT),
        },
    )
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.splitlines()[:2]
    assert first == "1 ok Acme"
    assert second.startswith("0 {'ok': 44, 'invalid_input': 5, 'failed': 0, 'not_sent': 0, 'skipped': 0}")
    assert len(read_csv(tmp_path / "out.csv")) == 49


def test_blocking_really_blocks_the_cli_libraries() -> None:
    # The test above proves something only if this import fails under the same block.
    proc = subprocess.run(
        [sys.executable, "-c", BLOCK_CLI_LIBRARIES + "import leadspace_cli.cli"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode != 0
    assert "import of typer halted" in proc.stderr


def _point_at(sb: Sandbox) -> dict[str, Any]:
    return {"api_key": sb.key, "base_url": sb.url}


def test_records_come_back_in_order_with_the_csv_output_keys(sandbox: Sandbox) -> None:
    gc.unfreeze()  # an earlier in-process CLI test froze the heap: this test is about the library
    records = [{"id": i, "Company": f"Company {i % 7}", "Email": f"p{i % 7}@x.example"} for i in range(40)]
    out = list(leadspace_cli.enrich_records(records, **_point_at(sandbox)))
    assert [r["id"] for r in out] == list(range(40))
    assert all(r["ls.result"] == "ok" for r in out)
    assert out[3]["ls.company.name"] == "Company 3"
    assert out[3]["ls.http_status"] == "200"
    assert set(out[0]) >= {"ls.result", "ls.http_status", "ls.error", "ls.enrichment_status", "ls.extra"}
    assert records[7] == {"id": 7, "Company": "Company 0", "Email": "p0@x.example"}  # input untouched
    assert len(sandbox.stats.paid) == 7  # identical requests called once
    assert gc.get_freeze_count() == 0  # the CLI's process tuning is not done to a library caller


def test_a_record_with_keys_that_are_not_text_comes_back(sandbox: Sandbox) -> None:
    # df.to_dict("records") after a concat carries integer column names: the answer, paid for,
    # crashed its writing with AttributeError, and every rerun again (skeptic pass 23).
    records = [{"Company": "IntKey Co", 0: "extra", ("a", 1): "tuple"} for _ in range(2)]
    for _ in range(2):  # the rerun finds the stored answer and returns it too
        out = list(leadspace_cli.enrich_records(records, **_point_at(sandbox)))
        assert [r["ls.result"] for r in out] == ["ok", "ok"]
        assert out[0]["0"] == "extra"
        assert out[0]["('a', 1)"] == "tuple"
    assert len(sandbox.stats.paid) == 1


def test_two_keys_that_name_one_column_are_refused_before_a_call(sandbox: Sandbox) -> None:
    # Skeptic 25 F9: {1: ..., "1": ...} came back with one of the two values gone, after a credit.
    records = [{"Company": "Acme", 1: "from the int key", "1": "from the str key"}]
    with pytest.raises(leadspace_cli.InputError) as got:
        list(leadspace_cli.enrich_records(records, **_point_at(sandbox)))
    assert "Record 1 has the keys 1 and '1'" in str(got.value)
    assert sandbox.stats.calls == 0


def test_two_keys_that_name_one_column_past_the_look_ahead_fail_that_record_only(sandbox: Sandbox) -> None:
    # Review 47 F5: the same clash in record 1,004 raised from inside the generator: the records after
    # it were never enriched, and the caller's loop ended partway.
    records: list[dict[object, str]] = [{"Company": f"Co {i % 3}"} for i in range(1003)]
    records.append({"Company": "Acme", 1: "from the int key", "1": "from the str key"})
    records.append({"Company": "After Co"})
    out = list(leadspace_cli.enrich_records(records, **_point_at(sandbox)))
    assert len(out) == 1005
    assert out[1003]["ls.result"] == "invalid_input"
    assert "keys 1 and '1'" in out[1003]["ls.error"]
    assert out[1004]["ls.result"] == "ok"


def test_values_that_are_not_text_are_sent_as_a_person_writes_them(sandbox: Sandbox) -> None:
    record = {
        "Company": "Acme",
        "Employees": 42.0,
        "Founded": dt.date(2001, 2, 3),
        "Updated": dt.datetime(2024, 5, 6, 7, 8, 9),
        "Revenue": decimal.Decimal("1.50"),
        "Phone": float("nan"),
        "City": None,
        "Active": False,
        "company": {"website": "acme.example"},
    }
    mapping = {
        "company": {"name": "Company", "website": "company.website"},
        "person": {"phone": "Phone"},
        "custom_fields": {
            "employees": "Employees",
            "founded": "Founded",
            "updated": "Updated",
            "revenue": "Revenue",
            "city": "City",
            "active": "Active",
        },
    }
    [row] = leadspace_cli.enrich_records([record], mapping=mapping, **_point_at(sandbox))
    assert row["ls.result"] == "ok"
    [body] = sandbox.stats.received
    assert body["company"] == {"name": "Acme", "website": "acme.example"}  # a nested key by its path
    assert "person" not in body  # NaN is not "nan"
    sent = {c["name"]: c["value"] for c in body["custom_fields"]}
    assert sent == {
        "employees": "42",
        "founded": "2001-02-03",
        "updated": "2024-05-06T07:08:09",
        "revenue": "1.50",
    }


@pytest.mark.parametrize("raw", [b"Acme GmbH", bytearray(b"Acme GmbH"), memoryview(b"Acme GmbH")])
def test_bytes_in_a_column_that_is_sent_raise_input_error_before_any_call(sandbox: Sandbox, raw: Any) -> None:
    records = [{"Company": "Acme", "Photo": b"\x89PNG"}, {"Company": raw, "Photo": b""}]
    with pytest.raises(leadspace_cli.InputError) as info:
        list(leadspace_cli.enrich_records(records, **_point_at(sandbox)))
    message = str(info.value)
    assert message.startswith(f"Record 2, column 'Company': a {type(raw).__name__} value (b'Acme GmbH')")
    assert "decode it first, e.g. value.decode('utf-8')" in message
    assert sandbox.stats.calls == 0  # among the first records: before any call


def test_bytes_met_later_raise_after_the_records_before_them(sandbox: Sandbox) -> None:
    records = [{"Company": f"Company {i}", "Photo": b"\x89PNG"} for i in range(1200)]
    records[1100]["Company"] = b"Acme"
    got: list[dict[str, Any]] = []
    with pytest.raises(leadspace_cli.InputError, match=r"^Record 1101, column 'Company': a bytes value"):
        got.extend(leadspace_cli.enrich_records(records, dry_run=True, **_point_at(sandbox)))
    assert len(got) == 1100
    assert got[0]["Photo"] == b"\x89PNG"  # bytes in a column that is not sent come back as they are


def test_a_generator_is_read_lazily(tmp_path: Path) -> None:
    consumed = 0

    def endless() -> Iterator[dict[str, str]]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield {"Company": f"C{i}"}

    rows = leadspace_cli.enrich_records(endless(), dry_run=True, no_cache=True)
    first = list(itertools.islice(rows, 5))
    rows.close()
    assert [r["ls.result"] for r in first] == ["not_sent"] * 5
    assert consumed <= 1001  # the look-ahead that finds the columns, not the whole input


def test_a_stop_raises_after_the_rows_already_answered(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(credits=5)
    records = [{"Company": f"Company {i}"} for i in range(30)]
    got: list[dict[str, Any]] = []
    with pytest.raises(leadspace_cli.CreditsExhausted) as info:
        got.extend(leadspace_cli.enrich_records(records, rate=100, **_point_at(sb)))
    assert info.value.exit_code == 4
    assert isinstance(info.value, leadspace_cli.RunStopped)
    assert sum(r["ls.result"] == "ok" for r in got) == 5
    assert len(sb.stats.paid) == 5


def test_a_wrong_key_raises_credentials_rejected(sandbox: Sandbox) -> None:
    with pytest.raises(leadspace_cli.CredentialsRejected) as info:
        list(
            leadspace_cli.enrich_records([{"Company": "Acme"}], api_key="wrong-key-123", base_url=sandbox.url)
        )
    assert info.value.exit_code == 3
    assert "wrong-key-123" not in str(info.value)


def test_settings_come_from_the_environment_and_dotenv_only_when_asked(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path(".env").write_text(f"LEADSPACE_API_KEY={sandbox.key}\nLEADSPACE_BASE_URL={sandbox.url}\n")
    with pytest.raises(leadspace_cli.SettingsError, match="LEADSPACE_API_KEY"):
        list(leadspace_cli.enrich_records([{"Company": "Acme"}]))
    [row] = leadspace_cli.enrich_records([{"Company": "Acme"}], dotenv=True)
    assert row["ls.result"] == "ok"
    Path(".env").unlink()
    monkeypatch.setenv("LEADSPACE_API_KEY", sandbox.key)
    monkeypatch.setenv("LEADSPACE_BASE_URL", sandbox.url)
    [row] = leadspace_cli.enrich_records([{"Company": "Acme"}], no_cache=True)
    assert row["ls.result"] == "ok"


def test_enrich_file_returns_the_summary_and_raises_for_bad_input(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = make_leads(tmp_path / "in.csv", 12)
    summary = leadspace_cli.enrich_file(path, tmp_path / "out.csv", report=tmp_path / "r.json")
    assert summary.exit_code == 0
    assert summary.by_result["ok"] == 12
    assert summary.credits == 12
    assert len(read_csv(tmp_path / "out.csv")) == 12
    assert json.loads((tmp_path / "r.json").read_text())["job"]["output"] == str(tmp_path / "out.csv")
    with pytest.raises(leadspace_cli.InputError, match="No such input file"):
        leadspace_cli.enrich_file(tmp_path / "missing.csv", tmp_path / "o.csv")
    with pytest.raises(leadspace_cli.MappingError):
        leadspace_cli.enrich_file(path, tmp_path / "o.csv", mapping={"person": {"email": "Nope"}})


def test_enrich_file_reports_a_stop_as_its_exit_code(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(credits=3)
    path = make_leads(tmp_path / "in.csv", 10)
    summary = leadspace_cli.enrich_file(path, tmp_path / "out.csv", rate=100, **_point_at(sb))
    assert summary.exit_code == 4
    assert summary.by_result == {"ok": 3, "invalid_input": 0, "failed": 0, "not_sent": 7, "skipped": 0}


def test_options_are_checked_by_name_and_value() -> None:
    with pytest.raises(TypeError):
        leadspace_cli.enrich_file("a.csv", "b.csv", rates=3)  # type: ignore[call-arg]
    with pytest.raises(leadspace_cli.SettingsError, match="rate"):
        leadspace_cli.Job(rate=0)


def test_a_bad_option_is_named_before_any_file_is_read(tmp_path: Path) -> None:
    broken = tmp_path / "in.csv"
    broken.write_text('Company,Website\n"Acme,acme.example\n')  # a stray quote: an input error
    with pytest.raises(leadspace_cli.SettingsError, match=r"--max-age .*'bogus'.*never reuse"):
        leadspace_cli.enrich_file(broken, tmp_path / "out.csv", max_age="bogus", sandbox=True)
    with pytest.raises(leadspace_cli.SettingsError, match=r"--outage-limit .*'soon'") as info:
        leadspace_cli.enrich_file(broken, tmp_path / "out.csv", outage_limit="soon", sandbox=True)
    assert "never reuse" not in str(info.value)
    with pytest.raises(leadspace_cli.SettingsError, match="--output-format"):
        leadspace_cli.Job(output_format="parquet")
    assert not (tmp_path / "out.csv").exists()


def test_public_names_are_exported_and_documented() -> None:
    for name in leadspace_cli.__all__:
        obj = getattr(leadspace_cli, name)
        if callable(obj):
            assert obj.__doc__, name
    assert (ROOT / "leadspace_cli" / "py.typed").exists()
