"""A second source that begins after the rows detection reads (two exports appended, JSON Lines of
another shape later): its columns are each field's later fallbacks, never left unsent (skeptic pass 21)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, write_csv


@pytest.mark.slow  # past the 200 rows detection reads: 250 calls
def test_json_lines_of_another_shape_after_the_rows_read_are_sent(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "two.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(250):
            fh.write(
                json.dumps({"id": i, "First Name": f"F{i}", "Last Name": f"L{i}", "Company": f"Co{i}"}) + "\n"
            )
        for i in range(250, 255):  # the second export: nested, with the company as an object
            person = {"first_name": f"F{i}", "last_name": f"L{i}", "email": f"p{i}@late.example"}
            fh.write(json.dumps({"id": i, "person": person, "Company": {"name": f"Late{i}"}}) + "\n")
    result = invoke("enrich", str(path), "-o", "out.jsonl")
    assert result.exit_code == 0, result.stderr
    assert "'Company.name' is empty in the first rows: sent as company.name where later rows fill it" in (
        result.stderr
    )
    late = [b for b in use_sandbox.stats.received if b.get("company", {}).get("name", "").startswith("Late")]
    assert len(late) == 5
    assert all(b["person"]["first_name"].startswith("F") for b in late)
    results = [json.loads(line)["ls"]["result"] for line in Path("out.jsonl").read_text().splitlines()]
    assert results == ["ok"] * 255


@pytest.mark.slow  # past the 200 rows detection reads: 250 calls
def test_a_csv_whose_second_source_fills_other_columns_later_is_sent(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    header = ["First Name", "Last Name", "Email", "E-mail Address", "Company", "Company Name"]
    rows = [[f"F{i}", f"L{i}", "", f"p{i}@a.example", f"Co{i}", ""] for i in range(250)]
    rows += [[f"F{i}", f"L{i}", f"p{i}@b.example", "", "", f"Late{i}"] for i in range(250, 256)]
    path = write_csv(tmp_path / "two.csv", header, rows)
    result = invoke("enrich", str(path), "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    with open("out.csv", encoding="utf-8-sig") as fh:
        assert {r["ls.result"] for r in csv.DictReader(fh)} == {"ok"}
    late = [b for b in use_sandbox.stats.received if b.get("company", {}).get("name", "").startswith("Late")]
    assert len(late) == 6
    assert all(b["person"]["email"].endswith("@b.example") for b in late)
