"""Pacing under the conditions of a real network and a shared allowance (issue 11): one table.

    python benchmarks/pacing_bench.py                 # every condition (about 8 minutes)
    python benchmarks/pacing_bench.py --only jitter,background --rows 900

Each condition starts `leadspace sandbox` in its own process (a strict gateway of 30 calls per
second per program, heavy-tailed latency with a median of 0.3 s) and runs `leadspace enrich` in
others, as a user would. Figures are measured at the sandbox: the calls it accepted per second
(first to last), the 429s it gave, and for several runs the calls of each (their rows' external
ids are tagged run1:..., run2:...).

Conditions: loopback; 0-40 ms arrival jitter; a token bucket (30/s, burst 30); another client of
the program taking a steady 10/s (from before the run, and starting 10 s into it); two and four
runs at once on one key; --rate 60 and --rate 1000 on a 30/s program; a 20-second outage in the
middle of a run.

The other client is the sandbox's: a fixed rate on its own timer with a random phase, counted in
the same strict window as the tool's calls, never backing off; its 429s are counted apart. The
condition where it starts mid-run needs ``background_start``, which `leadspace sandbox` has no
option for yet: that condition runs the same sandbox in this process (its own threads, the same
configuration as the command would build).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import bench  # the same folder: the sandbox process and its key

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from leadspace_cli.sandbox import Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parent.parent
LATENCY = ["--latency", "0.3", "--latency-spread", "0.8", "--latency-cap", "6"]


@contextmanager
def sandbox(extra: list[str]) -> Iterator[str]:
    """The sandbox of bench.py (its own process, a strict 30/s window) with this benchmark's latency."""
    with bench.sandbox(30, [*LATENCY, *extra]) as url:
        yield url


@contextmanager
def sandbox_here(config: dict[str, Any]) -> Iterator[str]:
    """The same sandbox in this process, for settings `leadspace sandbox` has no option for."""
    latency = {"latency": 0.3, "latency_spread": 0.8, "latency_cap": 6.0}
    sb = Sandbox(SandboxConfig(key=bench.KEY, rate=30, keep_bodies=False, **latency, **config))
    with sb:
        yield sb.url


def stats(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url + "/_sandbox/stats?times=1", timeout=10) as resp:
        result: dict[str, Any] = json.loads(resp.read())
        return result


def make_csv(path: Path, n: int, tag: str) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Lead ID", "First Name", "Last Name", "Email", "Company", "Website", "Country"])
        for i in range(n):
            w.writerow(
                [
                    f"{tag}:00Q{i:09d}",
                    f"Firstname{i}",
                    f"Lastname{i}",
                    f"person{i}@company{i % 997}.example",
                    f"Company {i % 997}, Inc.",
                    f"company{i % 997}.example",
                    "United States",
                ]
            )
    return path


def start_run(src: Path, out: Path, url: str, work: Path, extra: list[str]) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADSPACE_")}
    env.update(
        LEADSPACE_API_KEY=bench.KEY,
        LEADSPACE_BASE_URL=url,
        LEADSPACE_CACHE_DIR=str(work / "cache"),
    )
    args = ["enrich", str(src), "-o", str(out), "--no-cache", "--quiet", "--report", f"{out}.json", *extra]
    return subprocess.Popen(
        [sys.executable, "-m", "leadspace_cli", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def rate_of(times: list[float]) -> float:
    times = sorted(times)
    return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 2 else 0.0


def windows(times: list[float], start: float, end: float, width: float) -> list[float]:
    """Calls per second in each window of ``width`` seconds, sliding by 1 s, from start to end."""
    out = []
    t = start
    while t + width <= end:
        out.append(sum(1 for x in times if t <= x < t + width) / width)
        t += 1.0
    return out


def condition(
    name: str, work: Path, rows: list[int], sandbox_extra: list[str] | dict[str, Any], run_extra: list[str]
) -> dict[str, Any]:
    server = sandbox_here(sandbox_extra) if isinstance(sandbox_extra, dict) else sandbox(sandbox_extra)
    with server as url:
        procs = []
        for i, n in enumerate(rows, start=1):
            src = make_csv(work / f"in{i}.csv", n, f"run{i}")
            procs.append(start_run(src, work / f"out{i}.csv", url, work, run_extra))
        codes = [p.wait() for p in procs]
        s = stats(url)
    reports = [json.loads((work / f"out{i}.csv.json").read_text()) for i in range(1, len(rows) + 1)]
    times = sorted(s["accepted_times"])
    calls = s["calls"]
    n429 = s["by_status"].get("429", 0)
    result: dict[str, Any] = {
        "condition": name,
        "rows": "+".join(str(n) for n in rows),
        "exit": ",".join(str(c) for c in codes),
        "calls_per_s": round(rate_of(times), 2),
        "429s": n429,
        "429_share": f"{100 * n429 / max(1, calls):.2f}%",
        "rows_ok": sum(r["by_result"]["ok"] for r in reports),
        "failed": sum(r["by_result"]["failed"] for r in reports),
        "pace": reports[-1].get("pace", ""),
    }
    if s.get("background_accepted") or s.get("background_refused"):
        bg = s["background_accepted"] + s["background_refused"]
        result["other_client_429s"] = f"{s['background_refused']} of {bg}"
        result["other_client_429_share"] = f"{100 * s['background_refused'] / max(1, bg):.2f}%"
        # Convergence: after the first 10 s, the tool's rate over every 5-s window.
        spread = windows(times, times[0] + 10, times[-1], 5.0)
        if spread:
            mean = statistics.mean(spread)
            result["rate_range_5s_windows_after_10s"] = f"{min(spread):.1f}-{max(spread):.1f}/s"
            result["variation"] = f"{100 * (max(spread) - min(spread)) / mean:.1f}%"
    if len(rows) > 1:
        by_tag = s["accepted_by_tag"]
        ends = {tag: max(t) for tag, t in by_tag.items()}
        first_end = min(ends.values())
        shares = {tag: sum(1 for x in t if x < first_end) for tag, t in by_tag.items()}
        result["share_slowest_vs_fastest"] = f"{100 * min(shares.values()) / max(shares.values()):.0f}%"
        # After the first run ends, how long until the others together are back at 29/s.
        after = [x for x in times if x > first_end]
        took = None
        for k in range(50):
            t = first_end + k * 0.1
            if sum(1 for x in after if t <= x < t + 1.0) >= 29 * 0.98:
                took = round(k * 0.1 + 1.0, 1)  # the first full second at the pace ends here
                break
        result["takeover_s"] = took if took is not None else "n/a"
    return result


CONDITIONS: dict[str, tuple[str, list[str] | dict[str, Any], list[str], int]] = {
    # key: (name, sandbox options, enrich options, runs)
    "loopback": ("loopback, strict 1-s window", [], [], 1),
    "jitter": ("0-40 ms arrival jitter, strict window", ["--jitter", "0.04"], [], 1),
    "bucket": ("token bucket, rate 30, burst 30", ["--limiter", "bucket", "--burst", "30"], [], 1),
    "background": ("another client takes a steady 10/s", ["--background-rate", "10"], [], 1),
    "background_late": (
        "another client at 10/s starts 10 s into the run",
        {"background_rate": 10.0, "background_start": 10.0},
        [],
        1,
    ),
    "two": ("two runs at once, one key", [], [], 2),
    "four": ("four runs at once, one key", [], [], 4),
    "rate60": ("--rate 60 on a 30/s program", [], ["--rate", "60"], 1),
    "rate1000": ("--rate 1000 on a 30/s program", [], ["--rate", "1000"], 1),
    "outage": ("a 20-s outage 10 s into the run", ["--outage-start", "10", "--outage-seconds", "20"], [], 1),
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
    parser.add_argument("--rows", type=int, default=900)
    parser.add_argument("--only", default=",".join(CONDITIONS))
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    results = []
    for key in args.only.split(","):
        name, sb_extra, run_extra, runs = CONDITIONS[key]
        with tempfile.TemporaryDirectory(prefix="leadspace-pace-") as tmp:
            # With several runs the first is shorter: the others must take up its share when it ends.
            rows = [args.rows] if runs == 1 else [args.rows // 2] + [args.rows] * (runs - 1)
            if key.startswith("background"):
                rows = [round(args.rows * 1.5)]  # at 20/s: about as long as the others
            started = time.monotonic()
            result = condition(name, Path(tmp), rows, sb_extra, run_extra)
            result["wall_s"] = round(time.monotonic() - started, 1)
            results.append(result)
            print(json.dumps(result), flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nMachine: {machine}\n")
    print(table(results))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
