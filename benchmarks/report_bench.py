"""`leadspace report` on a 1,000,000-row enriched CSV: seconds and peak memory (goal: under 30 s, flat).

    python benchmarks/report_bench.py [--rows 1000000]

The file is the sample leads enriched against the sandbox, its rows repeated (each with its own id)
to the size asked for: every row carries its full ls.* answer, as a real output does.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "LEADSPACE_CACHE_DIR": str(work / "cache")}
        seed = work / "seed.csv"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "leadspace_cli",
                "enrich",
                str(ROOT / "samples" / "leads.csv"),
                "-o",
                str(seed),
                "--sandbox",
                "-q",
            ],
            check=True,
            env=env,
        )
        with open(seed, newline="", encoding="utf-8") as fh:
            header, *rows = list(csv.reader(fh))
        for n in args.rows:
            big = work / f"big-{n}.csv"
            with open(big, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(header)
                for i in range(n):
                    row = list(rows[i % len(rows)])
                    row[0] = f"L{i}"
                    w.writerow(row)
            started = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "leadspace_cli", "report", str(big), "--html", str(work / "r.html")],
                env=env,
                stdout=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(proc.pid, 0)
            took = time.perf_counter() - started
            print(
                json.dumps(
                    {
                        "rows": n,
                        "file_mb": round(big.stat().st_size / 2**20),
                        "seconds": round(took, 1),
                        "rows_per_s": round(n / took),
                        "peak_mb": round(usage.ru_maxrss / 1024, 1),
                        "exit": os.waitstatus_to_exitcode(status),
                    }
                ),
                flush=True,
            )
            big.unlink()


if __name__ == "__main__":
    main()
