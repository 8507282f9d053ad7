"""A skeptical user's twenty-fifth pass: each test fails on 57ea599, the code before its fix."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import leadspace_cli
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, read_csv, read_jsonl, write_csv

HEADER = ["First Name", "Last Name", "Email", "Company"]


def test_a_database_rows_uuids_paths_and_sets_are_values_not_a_crash(sandbox: Sandbox) -> None:
    # psycopg hands UUID keys over: enrich_records raised a bare TypeError ("not JSON serializable").
    records = [
        {
            "id": uuid.UUID(int=i),
            "First Name": f"Ann{i}",
            "Last Name": "Lee",
            "Email": f"ann{i}@firm{i}.example",
            "Company": f"Firm {i}",
            "City": Path("/srv/boston"),
            "ip": ipaddress.ip_address("10.0.0.1"),
            "since": dt.timedelta(hours=2),
            "tags": {"b", "a"},
            "meta": {"owner": uuid.UUID(int=7)},
        }
        for i in range(3)
    ]
    out = list(leadspace_cli.enrich_records(records, api_key=sandbox.key, base_url=sandbox.url))
    assert [r["ls.result"] for r in out] == ["ok"] * 3
    assert out[1]["id"] == uuid.UUID(int=1)  # the record's own value comes back as it went in
    sent = [body.get("company", {}).get("address", {}).get("city") for body in sandbox.stats.received]
    assert "/srv/boston" in sent


def test_an_output_with_its_result_column_renamed_is_not_replaced_by_a_poorer_run(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its 45 ok rows (under "Result") were replaced by a run of failed rows that named it ls.result.
    rows = [[f"Ann{i}", "Lee", f"ann{i}@firm{i}.example", f"Firm {i}"] for i in range(8)]
    write_csv(tmp_path / "in.csv", HEADER, rows)
    (tmp_path / "m.toml").write_text('[company]\nname = "Company"\n[output]\n"ls.result" = "Result"\n')
    good = sandbox_factory()
    monkeypatch.setenv("LEADSPACE_API_KEY", good.key)
    first = invoke(
        "enrich",
        str(tmp_path / "in.csv"),
        "-o",
        "out.csv",
        "--base-url",
        good.url,
        "-m",
        str(tmp_path / "m.toml"),
    )
    assert first.exit_code == 0, first.stderr
    failing = sandbox_factory(fail_rate=1.0)
    monkeypatch.setenv("LEADSPACE_API_KEY", failing.key)
    args = ("--base-url", failing.url, "--max-retries", "0", "--no-cache")
    second = invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv", *args)
    assert second.exit_code == 1
    assert [r["Result"] for r in read_csv("out.csv")] == ["ok"] * 8  # kept
    assert "Kept out.csv" in second.stderr


def test_a_dry_run_counts_identical_rows_once_as_the_run_calls_them(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # 30 identical rows: the dry run said 30 calls and a cap of 5 stopping at row 6; the run made 1.
    rows = [["Ann", "Lee", "ann@dups.example", "DupCo"]] * 30
    rows += [[f"Bo{i}", "Kim", f"bo{i}@x{i}.example", "X Co"] for i in range(10)]
    write_csv(tmp_path / "in.csv", HEADER, rows)
    invoke("enrich", str(tmp_path / "in.csv"), "-o", "d.csv", "--dry-run", "--report", "r.json")
    assert json.loads(Path("r.json").read_text())["would_call"] == 11
    invoke(
        "enrich",
        str(tmp_path / "in.csv"),
        "-o",
        "d.csv",
        "--dry-run",
        "--max-credits",
        "5",
        "--report",
        "r.json",
    )
    assert json.loads(Path("r.json").read_text())["cap_row"] == 35  # the sixth distinct request
    result = invoke("enrich", str(tmp_path / "in.csv"), "-o", "real.csv")
    assert result.exit_code == 0
    assert use_sandbox.stats.calls == 11


def test_columns_select_the_answer_in_json_lines_output_too(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # The whole answer was written, though --columns keeps a CSV to the columns named.
    lines = [{"id": i, "Company": f"Firm {i}", "Website": f"firm{i}.example"} for i in range(3)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    columns = "ls.company.name,ls.company.size.range"
    assert (
        invoke("enrich", str(tmp_path / "in.jsonl"), "-o", "out.jsonl", "--columns", columns).exit_code == 0
    )
    for line in read_jsonl("out.jsonl"):
        assert set(line["ls"]) == {"result", "http_status", "error", "data"}
        assert set(line["ls"]["data"]) == {"company"}
        assert set(line["ls"]["data"]["company"]) == {"name", "size"}
        assert set(line["ls"]["data"]["company"]["size"]) == {"range"}


def test_no_records_in_is_no_records_out_whatever_the_mapping(sandbox: Sandbox) -> None:
    # An empty query today raised MappingError ("the input has no such column").
    kw = {"api_key": sandbox.key, "base_url": sandbox.url}
    assert list(leadspace_cli.enrich_records([], mapping={"company": {"name": "Company"}}, **kw)) == []
    assert list(leadspace_cli.enrich_records(iter([]), **kw)) == []
    assert sandbox.stats.calls == 0


def test_the_pages_labels_show_a_right_to_left_override_as_the_terminal_does(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # "\u202egnp.exe" was kept in the page's chart labels, where a browser shows it as "exe.png".
    write_csv(
        tmp_path / "in.csv", HEADER, [[f"Ann{i}", "Lee", f"a{i}@f{i}.example", f"Firm {i}"] for i in range(4)]
    )
    assert invoke("enrich", str(tmp_path / "in.csv"), "-o", "out.csv").exit_code == 0
    rows = read_csv("out.csv")
    for r in rows:
        r["ls.company.industry"] = "\u202egnp.exe"
    write_csv(tmp_path / "edited.csv", list(rows[0]), [list(r.values()) for r in rows])
    result = invoke("report", str(tmp_path / "edited.csv"), "--html", "page.html")
    assert result.exit_code == 0, result.stderr
    page = Path("page.html").read_text(encoding="utf-8")
    assert "\u202e" not in page
    assert "\\u202egnp.exe" in page


def test_a_token_issued_in_the_future_is_said_to_be_a_typo(
    use_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It printed "Token issued 2030-01-01 (-1126 days ago)."
    monkeypatch.setenv("LEADSPACE_TOKEN_ISSUED", "2999-01-01")
    result = invoke("auth", "check")
    assert "is in the future" in result.stderr
    assert "days ago" not in result.stderr


def test_a_files_options_given_to_enrich_records_are_refused_not_ignored(sandbox: Sandbox) -> None:
    # report="x.json" was accepted, and no summary was ever written.
    from leadspace_cli.errors import SettingsError

    kw = {"api_key": sandbox.key, "base_url": sandbox.url}
    with pytest.raises(SettingsError, match=r"report= is for a file"):
        leadspace_cli.enrich_records([{"Company": "Acme"}], report="x.json", **kw)
    assert not Path("x.json").exists()
    assert sandbox.stats.calls == 0


def test_ctrl_c_while_the_first_records_are_read_raises_interrupted(sandbox: Sandbox) -> None:
    # A bare KeyboardInterrupt escaped while the first 1,000 records were read ahead.
    def records() -> Iterator[dict[str, str]]:
        yield {"Company": "Acme"}
        raise KeyboardInterrupt

    def run() -> None:
        try:
            list(leadspace_cli.enrich_records(records(), api_key=sandbox.key, base_url=sandbox.url))
        except KeyboardInterrupt:  # caught here: escaping, it would end the whole test session
            pytest.fail("a bare KeyboardInterrupt escaped enrich_records")

    with pytest.raises(leadspace_cli.Interrupted) as stopped:
        run()
    assert stopped.value.exit_code == 130
    assert sandbox.stats.calls == 0


@pytest.mark.slow  # two runs
def test_a_mapping_others_can_write_is_named_before_the_run(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # Skeptic 23 F13: a --mapping another user can change was used without a word, unlike .env.
    src = write_csv(tmp_path / "in.csv", ["Company"], [["Acme"]])
    mapping = tmp_path / "m.toml"
    mapping.write_text('[company]\nname = "Company"\n')
    mapping.chmod(0o666)
    result = invoke("enrich", str(src), "-o", "out.csv", "-m", str(mapping))
    assert result.exit_code == 0, result.stderr
    assert "is writable by every user (mode 0666)" in " ".join(result.stderr.split())
    mapping.chmod(0o644)
    result = invoke("enrich", str(src), "-o", "out.csv", "-m", str(mapping))
    assert "writable by every user" not in result.stderr
