"""The Python API's generator when its reader stops: prefetch, close, drop, exit, interrupt.

Each case runs a script in a subprocess against a sandbox in this process, with a timeout, so that
a hang fails the test instead of blocking the suite; credit promises are read from the sandbox's bill.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from leadspace_cli.sandbox import Sandbox
from tests.conftest import ROOT, make_leads, read_csv

RECORDS = 100  # enough that a stop leaves most unbought (about 30 are on the wire at a stop)

PRELUDE = """
import os, sys, time, gc
import leadspace_cli
URL, KEY = os.environ["SB_URL"], os.environ["SB_KEY"]
records = [{"Company": f"Company {i}", "Email": f"p{i}@c{i}.example"} for i in range(RECORDS)]
kw = dict(api_key=KEY, base_url=URL, rate=1000)
""".replace("RECORDS", str(RECORDS))


def _run(script: str, sb: Sandbox, tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "LEADSPACE_CACHE_DIR": str(tmp_path / "cache"),
        "LEADSPACE_RUNTIME_DIR": str(tmp_path / "runtime"),
        "SB_URL": sb.url,
        "SB_KEY": sb.key,
    }
    return subprocess.run(
        [sys.executable, "-c", PRELUDE + script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _billed(sb: Sandbox) -> int:
    return sum(sb.stats.billed.values())


ENDINGS = {
    "exit": "",  # the script ends with the generator still referenced: interpreter exit
    "close": "results.close()\nprint('closed', flush=True)\n",
    "drop": "del results\ngc.collect()\nprint('dropped', flush=True)\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("ending", list(ENDINGS))
def test_a_script_that_stops_reading_exits_with_its_status_having_bought_at_most_prefetch_more(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, ending: str
) -> None:
    sb = sandbox_factory(rate=0, latency=1.0)  # the script ends with about 30 calls on the wire
    script = (
        "results = leadspace_cli.enrich_records(records, **kw)\n"
        "taken = [next(results) for _ in range(5)]\n" + ENDINGS[ending] + "sys.exit(7)\n"
    )
    proc = _run(script, sb, tmp_path)
    assert proc.returncode == 7, proc.stderr
    assert _billed(sb) <= 35
    # What was bought was kept: the same records again buy nothing twice.
    rerun = _run("print(sum(1 for _ in leadspace_cli.enrich_records(records, **kw)))", sb, tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert sb.stats.billed_twice() == 0
    assert _billed(sb) == RECORDS


@pytest.mark.slow
def test_prefetch_bounds_the_answers_bought_ahead_of_the_reader(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(rate=0, latency=0.02)
    script = (
        "results = leadspace_cli.enrich_records(records, prefetch=10, **kw)\n"
        "next(results)\n"
        "time.sleep(1.5)\n"
        "print('billed-before-close', flush=True)\n"
        "sys.stdout.flush()\n"
        "os.kill(os.getpid(), 9)\n"  # no cleanup at all: what was bought by now is the figure
    )
    proc = _run(script, sb, tmp_path)
    assert "billed-before-close" in proc.stdout, proc.stderr
    assert 1 <= _billed(sb) <= 11


@pytest.mark.slow
def test_an_interrupt_waits_for_the_answers_on_the_wire_then_raises_interrupted(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(rate=0, latency=1.0)
    script = (
        "got = []\n"
        "try:\n"
        "    for row in leadspace_cli.enrich_records(records, **kw):\n"
        "        got.append(row)\n"
        "except leadspace_cli.Interrupted as exc:\n"
        "    print('interrupted', exc.exit_code, len(got), flush=True)\n"
        "    sys.exit(0)\n"
        "print('finished', flush=True)\n"
    )
    env_script = PRELUDE + script
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "LEADSPACE_CACHE_DIR": str(tmp_path / "cache"),
        "LEADSPACE_RUNTIME_DIR": str(tmp_path / "runtime"),
        "SB_URL": sb.url,
        "SB_KEY": sb.key,
    }
    with subprocess.Popen(
        [sys.executable, "-c", env_script], env=env, cwd=tmp_path, stdout=subprocess.PIPE, text=True
    ) as proc:
        deadline = time.monotonic() + 60
        while sb.stats.max_in_flight < 10 and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert out.startswith("interrupted 130"), out
    billed = _billed(sb)
    assert billed >= 10
    rerun = _run("print(sum(1 for _ in leadspace_cli.enrich_records(records, **kw)))", sb, tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert sb.stats.billed_twice() == 0  # every answer on the wire at the interrupt was stored
    assert _billed(sb) == RECORDS


@pytest.mark.slow
def test_enrich_file_after_an_interrupt_writes_the_output_and_returns_130(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = sandbox_factory(rate=0, latency=1.0)
    path = make_leads(tmp_path / "in.csv", 200)
    out = tmp_path / "out.csv"
    script = (
        f"s = leadspace_cli.enrich_file({str(path)!r}, {str(out)!r}, **kw)\n"
        "print('summary', s.exit_code, flush=True)\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "LEADSPACE_CACHE_DIR": str(tmp_path / "cache"),
        "LEADSPACE_RUNTIME_DIR": str(tmp_path / "runtime"),
        "SB_URL": sb.url,
        "SB_KEY": sb.key,
    }
    with subprocess.Popen(
        [sys.executable, "-c", PRELUDE + script], env=env, cwd=tmp_path, stdout=subprocess.PIPE, text=True
    ) as proc:
        deadline = time.monotonic() + 60
        while sb.stats.max_in_flight < 10 and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        stdout, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, stdout
    assert stdout.strip() == "summary 130"
    rows = read_csv(out)
    assert len(rows) == 200
    assert sum(r["ls.result"] == "ok" for r in rows) == _billed(sb)  # every paid row written
