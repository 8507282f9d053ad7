"""Never lose a row through the output: poorer runs, the input itself, special files, temp files."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, make_leads, read_csv, write_csv


def _ok(path: Path | str) -> int:
    return sum(r["ls.result"] == "ok" for r in read_csv(path))


@pytest.fixture
def enriched_input(use_sandbox: Sandbox, tmp_path: Path) -> Path:
    """in.csv with 10 rows, enriched into out.csv (10 ok); returns in.csv."""
    path = make_leads(tmp_path / "in.csv", 10)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert _ok("out.csv") == 10
    return path


def _asides() -> list[Path]:
    return sorted(Path().glob("out.new-*.csv"))


def test_a_run_stopped_by_a_401_keeps_the_enriched_output(
    enriched_input: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADSPACE_API_KEY", "rotated-key-0000")
    result = invoke("enrich", str(enriched_input), "-o", "out.csv", "--no-cache")
    assert result.exit_code == 3
    assert _ok("out.csv") == 10  # yesterday's output is still there
    [aside] = _asides()
    assert {r["ls.result"] for r in read_csv(aside)} == {"not_sent"}
    assert str(aside.name) in result.stderr.replace("\n", "")
    assert "Kept out.csv" in result.stderr


def test_a_dry_run_without_a_key_keeps_the_enriched_output(
    enriched_input: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEADSPACE_API_KEY")
    result = invoke("enrich", str(enriched_input), "-o", "out.csv", "--dry-run")
    assert result.exit_code == 0
    assert _ok("out.csv") == 10
    assert len(_asides()) == 1


def test_a_run_as_good_replaces_the_output(enriched_input: Path) -> None:
    result = invoke("enrich", str(enriched_input), "-o", "out.csv")
    assert result.exit_code == 0
    assert _ok("out.csv") == 10
    assert _asides() == []


def test_the_output_is_never_the_input(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "leads.csv", 20)
    before = path.read_bytes()
    result = invoke("enrich", str(path), "-o", str(path), "--limit", "10")
    assert result.exit_code == 2
    assert "is the input file" in result.stderr
    (tmp_path / "link.csv").symlink_to(path)
    through_link = invoke("enrich", str(path), "-o", str(tmp_path / "link.csv"))
    assert through_link.exit_code == 2
    assert path.read_bytes() == before
    assert use_sandbox.stats.calls == 0


def test_a_symlinked_output_updates_its_target_and_stays_a_link(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 4)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "target.csv"
    target.write_text("old\n")
    Path("out.csv").symlink_to(target)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert Path("out.csv").is_symlink()
    assert _ok(target) == 4


@pytest.mark.parametrize("through_a_link", [False, True])  # a link: how >(gzip > x.gz) looks
def test_a_fifo_is_written_into_not_replaced(
    use_sandbox: Sandbox, tmp_path: Path, through_a_link: bool
) -> None:
    path = make_leads(tmp_path / "in.csv", 5)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    given = fifo
    if through_a_link:
        given = tmp_path / "fd-63"
        given.symlink_to(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke("enrich", str(path), "-o", str(given))
    reader.join(timeout=10)
    if reader.is_alive():  # the run never opened the FIFO: release the reader, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got[0].count(b"\r\n") == 6  # the header and 5 rows reached the reader


def test_a_character_device_is_written_into_not_replaced(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    except (PermissionError, OSError):
        pytest.skip("creating a device node needs root on a file system that allows it")
    assert invoke("enrich", str(path), "-o", str(null)).exit_code == 0
    assert stat.S_ISCHR(null.stat().st_mode)


def test_the_temporary_file_is_unique_and_takes_the_final_permissions(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    Path(".out.csv.part").symlink_to(tmp_path / "planted")  # the old fixed name, planted
    Path("out.csv").write_text("secret\n")
    os.chmod("out.csv", 0o600)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert not (tmp_path / "planted").exists()
    assert Path("out.csv").stat().st_mode & 0o777 == 0o600
    old = os.umask(0o077)
    try:
        assert invoke("enrich", str(path), "-o", "new.csv").exit_code == 0
    finally:
        os.umask(old)
    assert Path("new.csv").stat().st_mode & 0o777 == 0o600
    assert [p.name for p in Path().glob(".*.part")] == [".out.csv.part"]  # only the planted link is left


@pytest.mark.parametrize("name", ["out.parquet", "out.json", "out.xls", "out"])
def test_an_unknown_output_extension_is_refused_before_any_call(
    use_sandbox: Sandbox, tmp_path: Path, name: str
) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", name)
    assert result.exit_code == 2
    assert "--output-format" in result.stderr
    assert use_sandbox.stats.calls == 0
    assert not Path(name).exists()


def test_output_format_says_what_an_unknown_extension_holds(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    assert invoke("enrich", str(path), "-o", "out.data", "--output-format", "jsonl").exit_code == 0
    assert Path("out.data").read_text().startswith("{")
    assert invoke("enrich", str(path), "-o", "out.tsv.gz").exit_code == 0


def test_paths_are_checked_before_spending(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.csv", "--report", "nodir/r.json")
    assert result.exit_code == 2
    assert "nodir" in result.stderr
    assert use_sandbox.stats.calls == 0
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    html = invoke("report", "out.csv", "--html", "nodir/x.html")
    assert html.exit_code == 2
    assert "nodir" in html.stderr


def test_renamed_columns_keep_the_status_and_report_says_what_it_lacks(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "in.csv", ["Company"], [["Acme"], ["Globex"]])
    m = tmp_path / "m.toml"
    m.write_text(
        '[company]\nname = "Company"\n\n[output]\n"ls.result" = "Result"\n"ls.company.name" = "Matched"\n'
    )
    assert invoke("enrich", str(path), "-o", "out.csv", "--mapping", str(m)).exit_code == 0
    rows = read_csv("out.csv")
    assert list(rows[0]) == ["Company", "Result", "ls.http_status", "ls.error", "Matched"]
    report = invoke("report", "out.csv")
    assert report.exit_code == 0
    assert "read from Result" in report.stderr  # issue 28: a renamed ls.result is found by its values
    assert "2 rows" in report.stdout
    # Without ls.enrichment_status the match rate is unknown, not 0% (both rows are ok).
    assert "match rate unknown" in report.stdout
    assert "0%" not in report.stdout.split("match rate", 1)[1].split("\n", 1)[0]
    assert invoke("report", "out.csv", "--html", "r.html").exit_code == 0
    assert "match rate unknown" in Path("r.html").read_text(encoding="utf-8")
    # Last month's output enriched again with the same mapping: one set of answer columns, the new.
    again = invoke("enrich", "out.csv", "-o", "again.csv", "--mapping", str(m))
    assert again.exit_code == 0, again.stderr
    assert list(read_csv("again.csv")[0]) == ["Company", "Result", "ls.http_status", "ls.error", "Matched"]
    assert "written once" in again.stderr
    # An answer's column named as the input's own column the mapping sends: refused before any call.
    calls = use_sandbox.stats.calls
    m.write_text('[company]\nname = "Company"\n\n[output]\n"ls.company.name" = "Company"\n')
    clash = invoke("enrich", str(path), "-o", "clash.csv", "--mapping", str(m))
    assert clash.exit_code == 2
    assert "another name in [output]" in clash.stderr
    assert use_sandbox.stats.calls == calls
    # An answer named as one of the input's own columns, in a file no run enriched: refused, never
    # dropped (the user's own Industry would be lost).
    own = write_csv(tmp_path / "own.csv", ["Company", "Industry"], [["Acme", "Manufacturing (our CRM)"]])
    m.write_text('[company]\nname = "Company"\n\n[output]\n"ls.company.industry" = "Industry"\n')
    clash = invoke("enrich", str(own), "-o", "own-out.csv", "--mapping", str(m))
    assert clash.exit_code == 2
    assert "'Industry'" in clash.stderr


def test_closing_lines_say_what_happened(use_sandbox: Sandbox, tmp_path: Path) -> None:
    # A --limit trial over a full output: kept aside (exit 1), and no "0 rows failed: run again".
    path = write_csv(tmp_path / "in.csv", ["Company"], [["Acme"], ["Globex"], ["Initech"]])
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    trial = invoke("enrich", str(path), "-o", "out.csv", "--limit", "1")
    assert trial.exit_code == 1
    assert "0 rows failed: run" not in trial.stderr
    # A dry run that meets a stray quote enriched nothing: it says the rows were checked, not sent.
    bad = tmp_path / "bad.csv"
    rows = [f"Co{i},Town{i}\n" for i in range(60)]
    rows[5] = 'Acme,"Boston\n'  # a stray quote: the 54 rows after it would be one cell
    bad.write_text("Company,City\n" + "".join(rows))
    dry = invoke("enrich", "-", "-o", "dry.csv", "--dry-run", input=bad.read_text())
    assert dry.exit_code == 2, dry.stderr
    assert "checked, not sent" in dry.stderr
    assert "enriched and written" not in dry.stderr
