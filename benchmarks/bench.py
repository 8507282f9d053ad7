"""Benchmarks of `leadspace enrich` against the sandbox in its own process.

Prints a table (and with --json, writes the figures). Not part of the test suite: timing goals are
met here, measured at the server, not in tests that flake on a busy machine.

    python benchmarks/bench.py            # everything (about 6 minutes)
    python benchmarks/bench.py --only rate,rate100 --rows 1200
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key"
ENDPOINT = "/enrichment/enrich/single"

PROFILES = {
    "fixed 0.1 s": ["--latency", "0.1"],
    "heavy tail, median 0.35 s": ["--latency", "0.35", "--latency-spread", "0.8", "--latency-cap", "6"],
    "slow, 2 s": ["--latency", "2"],
}


@contextmanager
def sandbox(rate: float, extra: list[str]) -> Iterator[str]:
    """Start `leadspace sandbox` in its own process; yield its base URL."""
    cmd = [
        sys.executable,
        "-m",
        "leadspace_cli",
        "sandbox",
        "--port",
        "0",
        "--key",
        KEY,
        "--rate",
        str(rate),
        *extra,
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip().split("=", 1)[1]
        proc.stdout.readline()
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def stats(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url + "/_sandbox/stats", timeout=10) as resp:
        result: dict[str, Any] = json.loads(resp.read())
        return result


def make_csv(path: Path, n: int) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            ["Lead ID", "First Name", "Last Name", "Email", "Title", "Company", "Website", "City", "Country"]
        )
        for i in range(n):
            w.writerow(
                [
                    f"00Q{i:09d}",
                    f"Firstname{i}",
                    f"Lastname{i}",
                    f"person{i}@company{i % 997}.example",
                    "Marketing Operations Manager",
                    f"Company {i % 997}, Inc.",
                    f"company{i % 997}.example",
                    "Seattle",
                    "United States",
                ]
            )
    return path


def run_cli(args: list[str], env: dict[str, str]) -> tuple[int, float, float, float]:
    """Run leadspace; return exit code, wall seconds, CPU seconds and peak RSS in MB of that process."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "leadspace_cli", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    cpu = usage.ru_utime + usage.ru_stime
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return proc.returncode, wall, cpu, peak_mb


def cli_env(url: str, cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSPACE_")}
    env.update(LEADSPACE_API_KEY=KEY, LEADSPACE_BASE_URL=url, LEADSPACE_CACHE_DIR=cache)
    return env


def bench_enrich(name: str, rate: float, extra: list[str], rows: int, work: Path) -> dict[str, Any]:
    src = make_csv(work / f"in-{rows}.csv", rows)
    with sandbox(rate, extra) as url:
        code, wall, cpu, peak = run_cli(
            ["enrich", str(src), "-o", str(work / "out.csv"), "--rate", str(rate), "--quiet", "--no-cache"],
            cli_env(url, str(work / "cache")),
        )
        s = stats(url)
    return {
        "scenario": name,
        "rows": rows,
        "exit": code,
        "server_calls_per_s": s["accepted_per_second"],
        "peak_in_one_s": s["peak_in_one_second"],
        "429s": s["by_status"].get("429", 0),
        "wall_s": round(wall, 1),
        "cpu_s_per_1000": round(cpu / rows * 1000, 2),
        "peak_mb": round(peak, 1),
    }


def call(session: requests.Session, url: str, i: int) -> int:
    body = {"person": {"first_name": f"F{i}", "last_name": f"L{i}", "email": f"p{i}@c{i % 97}.example"}}
    resp = session.post(url + ENDPOINT, json=body, headers={"Authorization": f"Bearer {KEY}"}, timeout=30)
    return resp.status_code


def bench_sequential(name: str, extra: list[str], rows: int) -> dict[str, Any]:
    """Baseline 1: a loop, one call per round trip."""
    with sandbox(30, extra) as url:
        session = requests.Session()
        started = time.monotonic()
        for i in range(rows):
            call(session, url, i)
        wall = time.monotonic() - started
        session.close()
        s = stats(url)
    return {
        "scenario": f"baseline: sequential loop, {name}",
        "rows": rows,
        "server_calls_per_s": round(rows / wall, 2),
        "429s": s["by_status"].get("429", 0),
        "wall_s": round(wall, 1),
    }


def bench_unpaced(name: str, extra: list[str], rows: int) -> dict[str, Any]:
    """Baseline 2: a thread pool without pacing, retrying each 429 after a second."""
    with sandbox(30, extra) as url:
        local = threading.local()

        def one(i: int) -> None:
            if not hasattr(local, "s"):
                local.s = requests.Session()
            while call(local.s, url, i) == 429:
                time.sleep(1.0)

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(64) as pool:
            list(pool.map(one, range(rows)))
        wall = time.monotonic() - started
        s = stats(url)
    return {
        "scenario": f"baseline: unpaced pool of 64, {name}",
        "rows": rows,
        "server_calls_per_s": round(rows / wall, 2),
        "429s": s["by_status"].get("429", 0),
        "wall_s": round(wall, 1),
    }


def bench_dry_run(work: Path, sizes: list[int]) -> list[dict[str, Any]]:
    """--dry-run against a plain csv.reader -> csv.writer copy of the same file."""
    out: list[dict[str, Any]] = []
    for n in sizes:
        src = make_csv(work / f"big-{n}.csv", n)
        started = time.monotonic()
        with (
            open(src, newline="", encoding="utf-8") as fi,
            open(work / "copy.csv", "w", newline="", encoding="utf-8") as fo,
        ):
            w = csv.writer(fo)
            for row in csv.reader(fi):
                w.writerow(row)
        copy_s = time.monotonic() - started
        env = cli_env("http://127.0.0.1:9", str(work / "cache"))
        code, wall, _cpu, peak = run_cli(
            ["enrich", str(src), "-o", str(work / "dry.csv"), "--dry-run", "--quiet"], env
        )
        out.append(
            {
                "scenario": f"--dry-run, {n:,} rows",
                "rows": n,
                "exit": code,
                "wall_s": round(wall, 1),
                "rows_per_s": round(n / wall),
                "csv_copy_s": round(copy_s, 1),
                "speed_vs_copy": round(copy_s / wall, 2),
                "peak_mb": round(peak, 1),
            }
        )
        os.unlink(src)
    return out


def bench_rerun(work: Path, rows: int) -> dict[str, Any]:
    """A rerun served entirely from stored answers."""
    src = make_csv(work / f"re-{rows}.csv", rows)
    cache = str(work / "rerun-cache")
    with sandbox(0, []) as url:
        code, wall, _, _ = run_cli(
            ["enrich", str(src), "-o", str(work / "fill.csv"), "--rate", "2000", "--quiet"],
            cli_env(url, cache),
        )
        assert code == 0, code
        calls_before = stats(url)["calls"]
        code, wall, cpu, peak = run_cli(
            ["enrich", str(src), "-o", str(work / "re.csv"), "--quiet"], cli_env(url, cache)
        )
        calls = stats(url)["calls"] - calls_before
    return {
        "scenario": f"rerun from stored answers, {rows:,} rows",
        "rows": rows,
        "exit": code,
        "wall_s": round(wall, 1),
        "rows_per_s": round(rows / wall),
        "server_calls": calls,
        "peak_mb": round(peak, 1),
        "cpu_s_per_1000": round(cpu / rows * 1000, 2),
    }


def table(results: list[dict[str, Any]]) -> str:
    keys: list[str] = []
    for r in results:
        keys += [k for k in r if k not in keys]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in results]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1200)
    parser.add_argument("--only", default="rate,rate100,baselines,dryrun,rerun")
    parser.add_argument("--dry-sizes", default="250000,1000000")
    parser.add_argument("--rerun-rows", type=int, default=30000)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    only = set(args.only.split(","))
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="leadspace-bench-") as tmp:
        work = Path(tmp)
        if "rate" in only:
            for name, extra in PROFILES.items():
                results.append(bench_enrich(f"enrich --rate 30, {name}", 30, extra, args.rows, work))
                print(table(results[-1:]), flush=True)
        if "rate100" in only:
            results.append(
                bench_enrich("enrich --rate 100, fixed 0.1 s", 100, ["--latency", "0.1"], args.rows, work)
            )
            print(table(results[-1:]), flush=True)
        if "baselines" in only:
            extra = PROFILES["heavy tail, median 0.35 s"]
            results.append(bench_sequential("heavy tail, median 0.35 s", extra, 120))
            results.append(bench_unpaced("heavy tail, median 0.35 s", extra, args.rows))
            paced = next((r for r in results if r["scenario"].startswith("enrich --rate 30, heavy")), None)
            if paced:
                for r in results[-2:]:
                    r["leadspace_speedup"] = round(paced["server_calls_per_s"] / r["server_calls_per_s"], 1)
            print(table(results[-2:]), flush=True)
        if "dryrun" in only:
            results += bench_dry_run(work, [int(s) for s in args.dry_sizes.split(",")])
            print(table(results[-2:]), flush=True)
        if "rerun" in only:
            results.append(bench_rerun(work, args.rerun_rows))
            print(table(results[-1:]), flush=True)
    py = platform.python_version()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {py}, {platform.system()}"
    print(f"\nMachine: {machine}\n")
    print(table(results))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
