"""Pacing under the conditions of a real network and a shared allowance (issues 11 and 25): one table.

    python benchmarks/pacing_bench.py                      # every condition once (about 12 minutes)
    python benchmarks/pacing_bench.py --only background_late,hosts2 --rows 600 --repeat 3
    python benchmarks/pacing_bench.py --code ../before     # another checkout's `leadspace enrich`

Each condition starts `leadspace sandbox` in its own process (a strict gateway of 30 calls per
second per program, heavy-tailed latency with a median of 0.3 s) and runs `leadspace enrich` in
others, as a user would. Figures are measured at the sandbox: the calls it accepted per second
(first to last), the 429s it gave, and for several runs the calls of each (their rows' external
ids are tagged run1:..., run2:...).

Conditions: loopback; 0-40 ms arrival jitter; a token bucket (30/s, burst 30); another client of
the program taking a steady 10/s (from before the run, and starting 10 s into it); two and four
runs at once on one machine; two and four "hosts" (runs that share nothing on disk: each its own
HOME, cache, runtime and state folder, as two cron servers or containers would); one run and two
runs with one of the two cores kept busy; --rate 60 (quiet and under load) and --rate 1000 on a 30/s
program; a 20-second outage in the middle of a run.

The other client is the sandbox's: a fixed rate on its own timer with a random phase, counted in
the same strict window as the tool's calls, never backing off; its 429s are counted apart.

Each condition has goals (GOALS below); with --repeat N every condition runs N times (in turn, so
that a slow minute of the machine spreads over all of them), the table shows the median and the
spread, and the goals are checked on the medians (the 429s under load on the sum of the runs). The
benchmark exits 1 when a goal is missed, naming it.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bench  # the same folder: the sandbox process and its key

ROOT = Path(__file__).resolve().parent.parent
LATENCY = ["--latency", "0.3", "--latency-spread", "0.8", "--latency-cap", "6"]


@contextmanager
def sandbox(extra: list[str]) -> Iterator[str]:
    """The sandbox of bench.py (its own process, a strict 30/s window) with this benchmark's latency."""
    with bench.sandbox(30, [*LATENCY, *extra]) as url:
        yield url


@contextmanager
def busy_core(on: bool) -> Iterator[None]:
    """Keep one core busy (a process spinning) while the condition runs."""
    if not on:
        yield
        return
    spin = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.5)
        yield
    finally:
        spin.kill()
        spin.wait()


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


def start_run(
    src: Path, out: Path, url: str, home: Path, extra: list[str], code: Path
) -> subprocess.Popen[bytes]:
    """`leadspace enrich` of the checkout ``code``, with ``home`` as everything it keeps on disk.

    Runs given the same ``home`` share a machine (the pace file, the ledger); runs given their own
    share nothing but the program, as two hosts do.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEADSPACE_", "XDG_"))}
    env.update(
        HOME=str(home),
        LEADSPACE_API_KEY=bench.KEY,
        LEADSPACE_BASE_URL=url,
        LEADSPACE_CACHE_DIR=str(home / "cache"),
        LEADSPACE_RUNTIME_DIR=str(home / "runtime"),
        LEADSPACE_STATE_DIR=str(home / "state"),
        PYTHONPATH=str(code),
    )
    python = code / ".venv" / "bin" / "python"
    args = ["enrich", str(src), "-o", str(out), "--no-cache", "--quiet", "--report", f"{out}.json", *extra]
    return subprocess.Popen(
        [str(python if python.exists() else sys.executable), "-m", "leadspace_cli", *args],
        env=env,
        cwd=code,
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


@dataclass
class Condition:
    name: str
    sandbox: list[str] = field(default_factory=list)
    enrich: list[str] = field(default_factory=list)
    runs: int = 1
    hosts: bool = False  # each run its own HOME, cache, runtime and state folders
    busy: bool = False  # one core kept busy
    equal: bool = False  # every run the same rows (else the first is shorter: the others take over)
    goals: list[tuple[str, Callable[[dict[str, Any]], bool]]] = field(default_factory=list)


def condition(c: Condition, work: Path, rows: list[int], code: Path) -> dict[str, Any]:
    with sandbox(c.sandbox) as url, busy_core(c.busy):
        procs = []
        for i, n in enumerate(rows, start=1):
            src = make_csv(work / f"in{i}.csv", n, f"run{i}")
            home = work / (f"host{i}" if c.hosts else "machine")
            home.mkdir(mode=0o700, exist_ok=True)
            procs.append(start_run(src, work / f"out{i}.csv", url, home, c.enrich, code))
        codes = [p.wait() for p in procs]
        s = stats(url)
    reports = [json.loads((work / f"out{i}.csv.json").read_text()) for i in range(1, len(rows) + 1)]
    times = sorted(s["accepted_times"])
    calls = s["calls"]
    n429 = s["by_status"].get("429", 0)
    result: dict[str, Any] = {
        "condition": c.name,
        "rows": "+".join(str(n) for n in rows),
        "exit": ",".join(str(code) for code in codes),
        "calls_per_s": round(rate_of(times), 2),
        "calls": calls,
        "429s": n429,
        "429_share": round(100 * n429 / max(1, calls), 2),
        "rows_ok": sum(r["by_result"]["ok"] for r in reports),
        "failed": sum(r["by_result"]["failed"] for r in reports),
        "pace": reports[-1].get("pace", ""),
    }
    if n429 and times:
        # The 429s of the first two seconds (runs starting at once find the allowance together, before
        # any answer tells them of the others); the rest came after.
        result["429s_first_2s"] = sum(1 for t in s["refused_times"] if t - times[0] < 2.0)
    if s.get("background_accepted") or s.get("background_refused"):
        bg = s["background_accepted"] + s["background_refused"]
        result["other_calls"] = bg
        result["other_429s"] = s["background_refused"]
        result["other_429_share"] = round(100 * s["background_refused"] / max(1, bg), 2)
        # When the 429s came, seconds after the tool's first accepted call (for the JSON only).
        result["timeline"] = {
            "other_429s_at": [round(t - times[0], 2) for t in s["background_refused_times"]],
            "tool_429s_at": [round(t - times[0], 2) for t in s["refused_times"]],
        }
        # Convergence: after the first 10 s, the tool's rate over every 5-s window.
        spread = windows(times, times[0] + 10, times[-1], 5.0)
        if spread:
            mean = statistics.mean(spread)
            result["rate_range_5s_windows_after_10s"] = f"{min(spread):.1f}-{max(spread):.1f}/s"
            result["variation"] = round(100 * (max(spread) - min(spread)) / mean, 1)
    if len(rows) > 1:
        by_tag = s["accepted_by_tag"]
        ends = {tag: max(t) for tag, t in by_tag.items()}
        first_end = min(ends.values())
        shares = {tag: sum(1 for x in t if x < first_end) for tag, t in by_tag.items()}
        result["fair"] = round(100 * min(shares.values()) / max(shares.values()))
        result["together_while_all_run"] = round(rate_of([x for x in times if x <= first_end]), 2)
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


def at_least(key: str, value: float) -> tuple[str, Callable[[dict[str, Any]], bool]]:
    return f"{key} >= {value:g}", lambda r: float(r[key]) >= value


def at_most(key: str, value: float) -> tuple[str, Callable[[dict[str, Any]], bool]]:
    return f"{key} <= {value:g}", lambda r: float(r[key]) <= value


ALL_OK = ("every row ok, exit 0", lambda r: r["failed"] == 0 and set(r["exit"].split(",")) == {"0"})
OTHER = [at_most("other_429_share", 1.0), at_least("calls_per_s", 18.0), at_most("429_share", 1.0)]
ONE_MACHINE = [at_least("calls_per_s", 29.0), at_most("429s", 0), at_least("fair", 80)]
HOSTS = [at_least("calls_per_s", 28.0), at_least("fair", 80)]
# Under load: at most 5 429s in 5,000 calls, checked on the sum of the runs (see main).
LOADED = [at_most("429_share", 0.1)]
ABOVE = [at_least("calls_per_s", 28.5), at_most("429_share", 1.0), ALL_OK]

SEVERAL_HOSTS = [at_least("fair", 80), at_most("429_share", 2.0)]


def hosts(n: int, goals: list[tuple[str, Callable[[dict[str, Any]], bool]]]) -> Condition:
    """``n`` runs that share nothing on disk (as ``n`` cron servers or containers), the same rows each."""
    words = {2: "two", 3: "three", 4: "four", 6: "six"}
    return Condition(
        f"{words[n]} hosts (nothing shared on disk)", runs=n, hosts=True, equal=True, goals=goals
    )


CONDITIONS: dict[str, Condition] = {
    "loopback": Condition(
        "loopback, strict 1-s window", goals=[at_least("calls_per_s", 29.6), at_most("429s", 0)]
    ),
    "jitter": Condition(
        "0-40 ms arrival jitter, strict window",
        ["--jitter", "0.04"],
        goals=[at_least("calls_per_s", 28.5), at_most("429_share", 0.5)],
    ),
    "bucket": Condition(
        "token bucket, rate 30, burst 30",
        ["--limiter", "bucket", "--burst", "30"],
        goals=[at_least("calls_per_s", 29.6), at_most("429s", 0)],
    ),
    "background": Condition("another client takes a steady 10/s", ["--background-rate", "10"], goals=OTHER),
    # The referee's check (issue 21): a client held at exactly what the other one leaves (19.7/s, where
    # an independent gateway saw the old pacing settle) must cost the other client its calls there too.
    "background_remainder": Condition(
        "another client at 10/s, the tool held at the remainder (--rate 19.7)",
        ["--background-rate", "10"],
        ["--rate", "19.7"],
        goals=[at_least("other_429_share", 5.0)],
    ),
    # The other client's first calls land in the tool's first second (as on the independent gateway,
    # where the old pacing learned 21 of the 20 left): what got through overstates what is left.
    "background_early": Condition(
        "another client at 10/s starts in the tool's first second",
        ["--background-rate", "10", "--background-start", "0.8"],
        goals=OTHER,
    ),
    "background_late": Condition(
        "another client at 10/s starts 10 s into the run",
        ["--background-rate", "10", "--background-start", "10"],
        goals=OTHER,
    ),
    "two": Condition("two runs at once, one machine", runs=2, goals=ONE_MACHINE),
    "four": Condition("four runs at once, one machine", runs=4, goals=ONE_MACHINE),
    "hosts2": hosts(2, [*HOSTS, at_most("429_share", 1.0)]),
    # The goal for four hosts is the 429s and fairness; the calls a second are reported (the
    # two hosts' >= 28/s, which this benchmark held four to before, is not the issue's for four).
    "hosts4": hosts(4, SEVERAL_HOSTS),
    # Three and six hosts: no goal of the issue's, held to the four hosts' as what a user of as many
    # machines expects.
    "hosts3": hosts(3, SEVERAL_HOSTS),
    "hosts6": hosts(6, SEVERAL_HOSTS),
    "load1": Condition("one run, one core busy", busy=True, goals=LOADED),
    "load2": Condition("two runs at once, one core busy", runs=2, busy=True, goals=LOADED),
    "rate60": Condition("--rate 60 on a 30/s program", enrich=["--rate", "60"], goals=ABOVE),
    "rate60_load": Condition(
        "--rate 60 on a 30/s program, one core busy", enrich=["--rate", "60"], busy=True, goals=ABOVE
    ),
    "rate1000": Condition(
        "--rate 1000 on a 30/s program",
        enrich=["--rate", "1000"],
        goals=[at_least("calls_per_s", 28.0), at_most("429_share", 5.0), ALL_OK],
    ),
    "outage": Condition(
        "a 20-s outage 10 s into the run",
        ["--outage-start", "10", "--outage-seconds", "20"],
        goals=[ALL_OK],
    ),
}


def rows_for(key: str, c: Condition, n: int) -> list[int]:
    if key.startswith("background"):
        return [round(n * 1.5)]  # at 20/s: about as long as the others
    if c.runs == 1:
        return [n]
    # With several runs on one machine the first is shorter: the others must take up its share.
    return [n] * c.runs if c.equal else [n // 2] + [n] * (c.runs - 1)


def summarise(key: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over the runs, with the spread (min-max) beside it."""
    out: dict[str, Any] = {"key": key, "condition": runs[0]["condition"], "runs": len(runs)}
    for k in runs[0]:
        values = [r[k] for r in runs if k in r]
        if k == "timeline":
            continue
        if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            med = statistics.median(values)
            out[k] = round(med, 2)
            if len(values) > 1:
                out[f"{k}_spread"] = f"{min(values):g}-{max(values):g}"
        elif k not in out:
            out[k] = values[0] if len(set(map(str, values))) == 1 else " / ".join(map(str, values))
    if key.startswith("load"):  # 429s in all the runs' calls together
        calls = sum(r["calls"] for r in runs)
        out["429_share"] = round(100 * sum(r["429s"] for r in runs) / max(1, calls), 3)
        out["429s_of_calls"] = f"{sum(r['429s'] for r in runs)} of {calls}"
    if any(r["failed"] or set(str(r["exit"]).split(",")) != {"0"} for r in runs):
        out["failed"] = max(r["failed"] for r in runs) or 1
    else:
        out["failed"], out["exit"] = 0, "0"
    return out


def table(results: list[dict[str, Any]], keys: list[str]) -> str:
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in results]
    return "\n".join(lines)


SHOWN = [
    "condition", "runs", "rows", "calls_per_s", "calls_per_s_spread", "429s", "429_share",
    "429_share_spread", "other_429_share", "other_429_share_spread", "fair", "fair_spread",
    "together_while_all_run", "goals",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=900)
    parser.add_argument("--only", default=",".join(CONDITIONS))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose leadspace runs")
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    keys = args.only.split(",")
    unknown = [k for k in keys if k not in CONDITIONS]
    if unknown:
        parser.error(f"unknown conditions {unknown}: choose from {', '.join(CONDITIONS)}")
    code = args.code.resolve()
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
    for n in range(1, args.repeat + 1):
        for key in keys:
            c = CONDITIONS[key]
            with tempfile.TemporaryDirectory(prefix="leadspace-pace-") as tmp:
                started = time.monotonic()
                result = condition(c, Path(tmp), rows_for(key, c, args.rows), code)
                result["wall_s"] = round(time.monotonic() - started, 1)
            result["repeat"] = n
            runs[key].append(result)
            print(json.dumps({"key": key, **result}), flush=True)
    summaries, missed = [], []
    for key in keys:
        summary = summarise(key, runs[key])
        failing = [name for name, ok in CONDITIONS[key].goals if not ok(summary)]
        summary["goals"] = "met" if not failing else "MISSED: " + "; ".join(failing)
        missed += [f"{key}: {name}" for name in failing]
        summaries.append(summary)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nMachine: {machine}; code: {code}; {args.repeat} run(s) of each condition\n")
    print(table(summaries, [k for k in SHOWN if any(k in s for s in summaries)]))
    if args.json_path:
        data = {"machine": machine, "code": str(code), "summaries": summaries, "runs": runs}
        Path(args.json_path).write_text(json.dumps(data, indent=2) + "\n")
    if missed:
        print("\nGoals missed:\n  " + "\n  ".join(missed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
