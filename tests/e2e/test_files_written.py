"""Every file the tool writes (issue 23, items 3-5): links as the kernel follows them, workbooks
through their exclusive descriptor, private temporary files swept after a kill, and --report,
--html and `mapping init -o` under the same discipline as -o, checked before any call."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from leadspace_cli.formats import writers
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, make_leads, other_user, read_csv


def _shared_folder(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: sticky, anyone may create files
    return shared


@pytest.mark.must_run
def test_a_link_planted_by_another_user_in_a_sticky_folder_is_not_followed(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    uid, gid = other_user()
    victim = tmp_path / "important.txt"
    victim.write_text("precious\n")
    link = _shared_folder(tmp_path) / "out.csv"
    link.symlink_to(victim)
    os.lchown(link, uid, gid)
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", str(link))
    assert result.exit_code == 2, result.stderr
    assert "owned by another user" in result.stderr.replace("\n", " ")
    assert victim.read_text() == "precious\n"
    assert use_sandbox.stats.calls == 0
    report = invoke("enrich", str(path), "-o", str(tmp_path / "ok.csv"), "--report", str(link))
    assert report.exit_code == 2
    assert victim.read_text() == "precious\n"
    assert use_sandbox.stats.calls == 0


def test_another_users_pipe_or_decoy_at_the_output_name_gets_no_data(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # Skeptic pass 23: a FIFO planted at -o took every enriched row (and hung the run unread); a 0666
    # decoy gave its mode to the output, readable and writable by all.
    uid, gid = other_user()
    path = make_leads(tmp_path / "in.csv", 3)
    folder = _shared_folder(tmp_path)
    pipe = folder / "out.csv"
    os.mkfifo(pipe)
    os.chown(pipe, uid, gid)
    result = invoke("enrich", str(path), "-o", str(pipe))
    assert result.exit_code == 2, result.stderr
    assert "named pipe owned by another user" in result.stderr.replace("\n", " ")
    assert use_sandbox.stats.calls == 0
    pipe.unlink()
    decoy = folder / "decoy.csv"
    decoy.write_text("decoy\n")
    decoy.chmod(0o666)
    os.chown(decoy, uid, gid)
    old = os.umask(0o022)
    try:
        result = invoke("enrich", str(path), "-o", str(decoy))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(decoy.stat().st_mode) == 0o644
    assert decoy.stat().st_uid == os.geteuid()
    # The user's own output keeps the mode the user gave it.
    mine = tmp_path / "mine.csv"
    mine.write_text("old\n")
    mine.chmod(0o660)
    assert invoke("enrich", str(path), "-o", str(mine)).exit_code == 0
    assert stat.S_IMODE(mine.stat().st_mode) == 0o660


def test_a_link_of_the_user_in_a_sticky_folder_is_followed(use_sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "target.csv"
    target.write_text("old\n")
    link = _shared_folder(tmp_path) / "out.csv"
    link.symlink_to(target)
    path = make_leads(tmp_path / "in.csv", 3)
    assert invoke("enrich", str(path), "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert len(read_csv(target)) == 3


def _watch_first_write(monkeypatch: pytest.MonkeyPatch, cls: Any, action: Any) -> None:
    real = cls.write
    done: list[bool] = []

    def write(self: Any, row: Any, result: Any) -> None:
        if not done:
            done.append(True)
            action()
        real(self, row, result)

    monkeypatch.setattr(cls, "write", write)


def test_a_killed_runs_part_file_is_swept_by_the_next_run_of_that_output(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    # A run killed with SIGKILL left ".out.csv.XXXX.part" (its rows, personal data) beside -o, and
    # later runs left it there (skeptic pass 23 F9). The output's lock says no run writes it now.
    stale = Path(".out.csv.k1ll3d.part")
    stale.write_text("First Name,Email\nAnn,ann@acme.example\n")
    other = Path(".other.csv.k1ll3d.part")  # another output's: not this run's to sweep
    other.write_text("x\n")
    path = make_leads(tmp_path / "in.csv", 3)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    assert not stale.exists()
    assert other.exists()
    assert not list(Path().glob(".out.csv.*.part"))


def test_the_part_file_is_private_until_the_rename(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[int] = []
    _watch_first_write(
        monkeypatch,
        writers.RowWriter,
        lambda: modes.extend(p.stat().st_mode & 0o777 for p in Path().glob(".out.csv.*.part")),
    )
    path = make_leads(tmp_path / "in.csv", 3)
    old = os.umask(0o022)
    try:
        assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    finally:
        os.umask(old)
    assert modes == [0o600]
    assert Path("out.csv").stat().st_mode & 0o777 == 0o644  # the umask's, once in place


def test_a_workbook_part_swapped_for_a_link_mid_run_does_not_reach_the_link_target(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")

    def swap() -> None:
        [part] = Path().glob(".out.xlsx.*.part")
        part.unlink()
        part.symlink_to(victim)

    _watch_first_write(monkeypatch, writers.SheetRowWriter, swap)
    path = make_leads(tmp_path / "in.csv", 3)
    result = invoke("enrich", str(path), "-o", "out.xlsx")
    assert result.exit_code == 0, result.stderr
    assert victim.read_text() == "precious\n"
    assert Path("out.xlsx").is_file()
    assert not Path("out.xlsx").is_symlink()
    assert Path("out.xlsx").read_bytes()[:2] == b"PK"


def test_the_temporary_folders_of_killed_runs_are_swept_at_start(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    rows = tmp / f"leadspace-xlsx-{pid}-abc"
    store = tmp / f"leadspace-store-{pid}-def"
    mine = tmp / f"leadspace-xlsx-{os.getpid()}-ghi"  # this process: alive
    for folder in (rows, store, mine):
        folder.mkdir()
        (folder / "sheet1.xml").write_text("<row>every row</row>")
    path = make_leads(tmp_path / "in.csv", 2)
    assert invoke("enrich", str(path), "-o", "out.xlsx").exit_code == 0
    assert not rows.exists()
    assert not store.exists()
    assert mine.exists()
    assert [p.name for p in tmp.iterdir()] == [mine.name]  # the run's own row files went too


def test_report_never_names_the_input_or_the_output(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "leads.csv", 10)
    before = path.read_bytes()
    result = invoke("enrich", str(path), "-o", "out.csv", "--report", str(path))
    assert result.exit_code == 2
    assert "is the input file" in result.stderr
    assert path.read_bytes() == before
    same = invoke("enrich", str(path), "-o", "out.csv", "--report", "out.csv")
    assert same.exit_code == 2
    assert "is the run's output" in same.stderr
    assert use_sandbox.stats.calls == 0


def test_report_html_never_replaces_the_file_reported_on(use_sandbox: Sandbox, tmp_path: Path) -> None:
    path = make_leads(tmp_path / "leads.csv", 4)
    assert invoke("enrich", str(path), "-o", "out.csv").exit_code == 0
    before = Path("out.csv").read_bytes()
    result = invoke("report", "out.csv", "--html", "out.csv")
    assert result.exit_code == 2
    assert Path("out.csv").read_bytes() == before
    Path("pages").mkdir()
    folder = invoke("report", "out.csv", "--html", "pages")
    assert folder.exit_code == 2
    assert "is a folder" in folder.stderr


def test_mapping_init_never_writes_over_the_input(tmp_path: Path) -> None:
    path = make_leads(tmp_path / "leads.csv", 4)
    before = path.read_bytes()
    result = invoke("mapping", "init", str(path), "-o", str(path))
    assert result.exit_code == 2
    assert path.read_bytes() == before


def test_a_planted_link_under_the_reports_temporary_name_is_not_followed(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    Path(".r.json.part").symlink_to(victim)
    path = make_leads(tmp_path / "in.csv", 2)
    assert invoke("enrich", str(path), "-o", "out.csv", "--report", "r.json").exit_code == 0
    assert victim.read_text() == "precious\n"
    assert '"schema_version"' in Path("r.json").read_text()


def test_a_report_into_a_device_is_written_into_not_replaced(use_sandbox: Sandbox, tmp_path: Path) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    except (PermissionError, OSError):
        pytest.skip("creating a device node needs root on a file system that allows it")
    path = make_leads(tmp_path / "in.csv", 2)
    assert invoke("enrich", str(path), "-o", "out.csv", "--report", str(null)).exit_code == 0
    assert stat.S_ISCHR(null.stat(follow_symlinks=False).st_mode)
