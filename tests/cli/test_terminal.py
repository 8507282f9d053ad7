"""What a terminal or a pipe sees: a progress line that fits, a closed stdout that ends quietly."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from leadspace_cli.cli.ui import RichDisplay
from leadspace_cli.results import Result, Stats
from tests.conftest import ROOT, write_csv

RESULTS = [Result.OK] * 6 + [Result.INVALID, Result.FAILED]


def _progress_lines(width: int, results: list[Result] = RESULTS) -> list[str]:
    """The lines one refresh of the progress display draws on a terminal ``width`` columns wide."""
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor")
    display = RichDisplay(console)
    display.start(1_234_567, Stats())
    for i in range(54_321):
        display.row_done(results[i % len(results)])
    display.stop()
    lines = console.render_lines(display.progress.get_renderable(), pad=False)
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


@pytest.mark.parametrize("width", [30, 40, 60, 80, 100, 120, 200])
@pytest.mark.parametrize("every_result", [False, True])
def test_the_progress_line_fits_the_terminal(width: int, every_result: bool) -> None:
    lines = _progress_lines(width, list(Result) if every_result else RESULTS)
    assert len(lines) == 1, lines  # a wrapped line is drawn again as several lines at every refresh
    [line] = lines
    assert len(line) <= width
    assert "54321/1234567" in line  # what stays however narrow: the rows done


def test_a_narrow_terminal_drops_the_less_important_parts_first() -> None:
    wide = _progress_lines(200)[0]
    for part in (
        "enriching",
        "━",
        "calls/s",
        "eta ",
        "ok 40741",
        "invalid 6790",
        "failed 6790",
        "not sent 0",
    ):
        assert part in wide
    assert "skipped" not in wide  # only in files that have such rows
    narrow = _progress_lines(60)[0]
    assert "━" not in narrow  # the bar goes before the figures
    assert "enriching" not in narrow
    assert "not sent" not in narrow  # no row is: said on a wide terminal only
    for part in ("eta ", "ok 40741", "invalid 6790", "failed 6790"):
        assert part in narrow


def _closed_stdout(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run leadspace with a stdout whose reader has gone (as `| head -1` leaves it)."""
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LEADSPACE_CACHE_DIR": str(cwd / "cache")}
    env.pop("LEADSPACE_DEBUG", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", "leadspace_cli", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            cwd=cwd,
            env=env,
        )
    finally:
        os.close(write)


def _enriched(path: Path) -> Path:
    header = ["Company", "ls.result", "ls.http_status", "ls.error", "ls.enrichment_status", "ls.company.name"]
    write_csv(path, header, [["Acme", "ok", "200", "", "Company Enriched", "Acme"]] * 3)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["fields"], ["fields", "--response"], ["report", "out.csv"], ["--help"], ["cache", "info"]],
    ids=["fields", "fields-response", "report", "help", "cache-info"],
)
def test_a_closed_stdout_ends_any_command_quietly_with_141(tmp_path: Path, args: list[str]) -> None:
    _enriched(tmp_path / "out.csv")
    proc = _closed_stdout(*args, cwd=tmp_path)
    assert proc.returncode == 141, proc.stderr
    assert proc.stderr == ""  # no traceback, no "Exception ignored ... BrokenPipeError"
