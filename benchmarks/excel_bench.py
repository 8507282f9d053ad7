"""Workbooks of 10,000 and 100,000 rows enriched with --dry-run into .xlsx: rows/s and peak memory.

    python benchmarks/excel_bench.py [--rows 10000 100000]

Goal: peak memory flat between the sizes and under 150 MB. The input is the sample leads as Excel
saves them: text in the shared-strings table, 12 columns (text, a zip formatted 00000, a date, a
number), each row with its own id; the output has every ls.* column. A second line per size writes
CSV from the same workbook, and a third reads a CSV into .xlsx, so reading and writing can be told
apart.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent


def make_inputs(n: int, work: Path) -> tuple[Path, Path]:
    with open(ROOT / "samples" / "leads.csv", newline="", encoding="utf-8") as fh:
        header, *rows = list(csv.reader(fh))
    header = [*header, "Zip Code", "Created Date", "Score"]
    book_path, csv_path = work / f"in-{n}.xlsx", work / f"in-{n}.csv"
    # A shared-strings table, as Excel itself saves a workbook (a reader must hold it in memory).
    book = xlsxwriter.Workbook(str(book_path))
    ws = book.add_worksheet("Leads")
    zip_fmt = book.add_format({"num_format": "00000"})
    date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, header)
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for i in range(n):
            row = list(rows[i % len(rows)])
            row[0] = f"L{i}"
            ws.write_row(i + 1, 0, row)
            c = len(row)
            ws.write_number(i + 1, c, 2139 + i % 50, zip_fmt)
            ws.write_datetime(i + 1, c + 1, dt.date(2024, 1, 1) + dt.timedelta(days=i % 365), date_fmt)
            ws.write_number(i + 1, c + 2, i * 0.5)
            out.writerow([*row, f"{2139 + i % 50:05d}", "2024-01-01", str(i * 0.5)])
    book.close()
    return book_path, csv_path


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "leadspace_cli", "enrich", *args, "--dry-run", "--sandbox", "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--make", nargs=2, metavar=("ROWS", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_inputs(int(args.make[0]), Path(args.make[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "LEADSPACE_CACHE_DIR": str(work / "cache")}
        for n in args.rows:
            # Made in a process of its own: a child forked from a parent that built a big workbook
            # in memory would report the parent's pages as its own peak.
            subprocess.run([sys.executable, __file__, "--make", str(n), str(work)], check=True)
            book, text = work / f"in-{n}.xlsx", work / f"in-{n}.csv"
            for label, src, out in (
                ("xlsx -> xlsx", book, work / "out.xlsx"),
                ("xlsx -> csv", book, work / "out.csv"),
                ("csv -> xlsx", text, work / "out2.xlsx"),
            ):
                took, peak, code = run([str(src), "-o", str(out)], env)
                print(
                    json.dumps(
                        {
                            "case": label,
                            "rows": n,
                            "seconds": round(took, 1),
                            "rows_per_s": round(n / took),
                            "peak_mb": round(peak, 1),
                            "out_mb": round(out.stat().st_size / 2**20, 1) if out.exists() else None,
                            "exit": code,
                        }
                    ),
                    flush=True,
                )


if __name__ == "__main__":
    main()
