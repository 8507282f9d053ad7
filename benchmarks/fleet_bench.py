"""Several hosts on one program through Redis (issue 26): one table.

    python benchmarks/fleet_bench.py                          # every condition once (about 4 minutes)
    python benchmarks/fleet_bench.py --only hosts2,kill --rows 600 --repeat 3
    python benchmarks/fleet_bench.py --no-redis --only hosts2 # the same hosts without Redis

Each condition starts `leadspace sandbox` (a strict gateway of 30 calls per second per program,
heavy-tailed latency with a median of 0.3 s) and a `redis-server` on a loopback port, each in its
own process, then runs `leadspace enrich` as several "hosts": each its own HOME, cache, runtime and
state folder, sharing nothing on disk, only LEADSPACE_REDIS_URL. Figures are measured at the
sandbox (calls accepted per second, 429s, calls per host) and in Redis (`INFO memory`).

Conditions:
- hosts2 / hosts4: two and four hosts, each its own file; together >= 29.0 calls/s, 0 x 429.
- same: the same file on two hosts at once: each row bought once (sandbox calls = rows).
- rerun: a file enriched on host 1, then on host 2: the second buys nothing.
- budget: LEADSPACE_MAX_CREDITS_PER_DAY=30 on two hosts at once: 30 billed in all.
- kill: two hosts, Redis killed 8 s in: no row failed, nothing paid lost (each host's output holds
  every answer the sandbox billed it), the hosts go on at their share.
- kill_budget: the same with a daily budget: the hosts stop buying (exit 5), rows left not_sent.
- memory: 20,000 answers written through the fleet (no API: the store's writer), Redis's memory per
  million answers.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import bench
from pacing_bench import stats  # the sandbox's figures, with its timelines

ROOT = Path(__file__).resolve().parent.parent
LATENCY = ["--latency", "0.3", "--latency-spread", "0.8", "--latency-cap", "6"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def redis_server(work: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    folder = work / f"redis-{port}"
    folder.mkdir()
    proc = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    try:
        yield url, proc
    finally:
        proc.kill()
        proc.wait()


def redis_memory(url: str) -> int:
    import redis

    info = redis.Redis.from_url(url).info("memory")
    return int(info["used_memory"])


def make_csv(path: Path, n: int, tag: str) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Lead ID", "First Name", "Last Name", "Email", "Company", "Website", "Country"])
        for i in range(n):
            w.writerow(
                [
                    f"{tag}:00Q{i:09d}",
                    f"First{tag}{i}",
                    f"Last{i}",
                    f"p{i}.{tag}@c{i % 997}.example",
                    f"Company {i % 997}, Inc.",
                    f"c{i % 997}.example",
                    "United States",
                ]
            )
    return path


def start_host(
    src: Path,
    out: Path,
    url: str,
    home: Path,
    redis_url: str | None,
    extra: list[str],
    env_extra: dict[str, str],
) -> subprocess.Popen[bytes]:
    """`leadspace enrich` as one host: ``home`` is everything it keeps on disk; Redis is shared."""
    home.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEADSPACE_", "XDG_"))}
    env.update(
        HOME=str(home),
        LEADSPACE_API_KEY=bench.KEY,
        LEADSPACE_BASE_URL=url,
        LEADSPACE_CACHE_DIR=str(home / "cache"),
        LEADSPACE_RUNTIME_DIR=str(home / "runtime"),
        LEADSPACE_STATE_DIR=str(home / "state"),
        PYTHONPATH=str(ROOT),
        **env_extra,
    )
    if redis_url:
        env["LEADSPACE_REDIS_URL"] = redis_url
    python = ROOT / ".venv" / "bin" / "python"
    args = ["enrich", str(src), "-o", str(out), "--quiet", "--report", f"{out}.json", *extra]
    return subprocess.Popen(
        [str(python if python.exists() else sys.executable), "-m", "leadspace_cli", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(f"{out}.err", "wb"),
    )


def rate_of(times: list[float]) -> float:
    return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0


def results_of(out: Path) -> dict[str, int]:
    with open(out, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["ls.result"]] = counts.get(r["ls.result"], 0) + 1
    return counts


def condition(name: str, work: Path, n: int, use_redis: bool) -> dict[str, Any]:
    work = work / name
    work.mkdir()
    hosts = {
        "hosts2": 2,
        "hosts4": 4,
        "same": 2,
        "budget": 2,
        "kill": 2,
        "kill_budget": 2,
        "rerun": 2,
        "one": 1,
        "same_machine": 2,
    }[name]
    if name in ("one", "same_machine"):
        use_redis = False  # issue 24's measure: one run, and two runs of one file on one machine
    env_extra: dict[str, str] = {}
    if name in ("budget", "kill_budget"):
        env_extra["LEADSPACE_MAX_CREDITS_PER_DAY"] = "30" if name == "budget" else str(n)
    with bench.sandbox(30, LATENCY) as url, redis_server(work) as (redis_url, redis_proc):
        shared = redis_url if use_redis else None
        srcs = [
            make_csv(
                work / f"in{i}.csv", n, "same" if name in ("same", "rerun", "same_machine") else f"run{i}"
            )
            for i in range(1, hosts + 1)
        ]
        started = time.monotonic()
        codes: list[int] = []
        if name == "rerun":
            for i in (1, 2):
                p = start_host(
                    srcs[i - 1], work / f"out{i}.csv", url, work / f"host{i}", shared, [], env_extra
                )
                codes.append(p.wait())
        else:
            procs = [
                start_host(
                    srcs[i - 1],
                    work / f"out{i}.csv",
                    url,
                    work / ("machine" if name == "same_machine" else f"host{i}"),
                    shared,
                    [],
                    env_extra,
                )
                for i in range(1, hosts + 1)
            ]
            if name.startswith("kill"):
                time.sleep(8)
                redis_proc.kill()
            codes = [p.wait() for p in procs]
        took = time.monotonic() - started
        s = stats(url)
        memory = redis_memory(redis_url) if redis_proc.poll() is None and use_redis else None
    times = sorted(s["accepted_times"])
    outs = [results_of(work / f"out{i}.csv") for i in range(1, hosts + 1)]
    reports = [json.loads((work / f"out{i}.csv.json").read_text()) for i in range(1, hosts + 1)]
    row: dict[str, Any] = {
        "condition": name,
        "hosts": hosts,
        "rows": f"{hosts}x{n}",
        "exit": ",".join(str(c) for c in codes),
        "calls_per_s": round(rate_of(times), 2),
        "calls": s["calls"],
        "billed": s["paid"],
        "paid_twice": s["paid_twice"],
        "429s": s["by_status"].get("429", 0),
        "ok": sum(o.get("ok", 0) for o in outs),
        "failed": sum(o.get("failed", 0) for o in outs),
        "not_sent": sum(o.get("not_sent", 0) for o in outs),
        "reused": sum(r.get("reused", 0) for r in reports),
        "seconds": round(took, 1),
    }
    if hosts > 1 and name not in ("rerun",):
        by_tag = s.get("accepted_by_tag", {})
        if len(by_tag) > 1:
            ends = {tag: max(t) for tag, t in by_tag.items()}
            first_end = min(ends.values())
            shares = [sum(1 for x in t if x < first_end) for t in by_tag.values()]
            row["fair"] = round(100 * min(shares) / max(shares))
    if name.startswith("kill") and times:
        per_second = [
            sum(1 for t in times if times[0] + k <= t < times[0] + k + 1)
            for k in range(int(times[-1] - times[0]) + 1)
        ]
        row["per_second"] = per_second
        row["stderr"] = (work / "out1.csv.err").read_text()[-600:]
    if memory is not None:
        row["redis_MiB"] = round(memory / 2**20, 2)
    return row


def memory_per_million(work: Path, n: int) -> dict[str, Any]:
    """Write n sandbox-shaped answers through the fleet's writer; Redis's memory per million."""
    sys.path.insert(0, str(ROOT))
    from leadspace_cli.engine.fleet import connect
    from leadspace_cli.sandbox.data import answer

    with redis_server(work) as (redis_url, _):
        before = redis_memory(redis_url)
        fleet = connect(redis_url, redis_url, partition="program:bench@https://api.example", ca_file=None)
        size = 0
        for i in range(n):
            body = {
                "person": {"email": f"p{i}@c{i % 997}.example", "first_name": f"F{i}", "last_name": f"L{i}"},
                "company": {"name": f"Company {i % 997}", "website": f"c{i % 997}.example"},
            }
            text = json.dumps(answer(body))
            request = json.dumps(body, sort_keys=True, separators=(",", ":"))
            key = i.to_bytes(16, "big")
            fleet.put(key, 200, text, request, time.time())
            size += len(text)
        after = redis_memory(redis_url)
        fleet.close()
    per = (after - before) / n
    return {
        "condition": "memory",
        "answers": n,
        "answer_bytes_mean": round(size / n),
        "redis_bytes_per_answer": round(per),
        "redis_GiB_per_million": round(per * 1e6 / 2**30, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=450)
    parser.add_argument("--only", default="hosts2,hosts4,same,rerun,budget,kill,kill_budget,memory")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-redis", action="store_true", help="the same hosts, sharing nothing")
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="fleet-bench-") as tmp:
        for rep in range(args.repeat):
            for name in args.only.split(","):
                work = Path(tmp) / f"r{rep}"
                work.mkdir(exist_ok=True)
                if name == "memory":
                    row = memory_per_million(work, 20_000)
                else:
                    row = condition(name, work, args.rows, not args.no_redis)
                results.append(row)
                print(json.dumps(row), flush=True)
    if args.repeat > 1:
        for name in args.only.split(","):
            rates = [r["calls_per_s"] for r in results if r["condition"] == name and "calls_per_s" in r]
            if rates:
                print(f"{name}: median {statistics.median(rates):.2f} calls/s over {len(rates)} runs")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
