"""The response store at scale: bytes per answer, time to store one, and opening a large store.

    python benchmarks/store_bench.py [--answers 100000] [--big 1000000]

Answers come from the sandbox's generator with request seeds the store's dictionary was not built
from. "Before" is the 0.1 layout (hex keys, answer JSON and rendered cells as text), written with
the same SQLite settings; "after" is the current store, written through its own ``put`` and
``put_rendered`` as a run does. Sizes are of the file after a checkpoint, without VACUUM (as a user's
store is). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadspace_cli.api.columns import LsColumns
from leadspace_cli.engine.store import FILENAME, Identity, Store, canonical
from leadspace_cli.results import Result, RowResult
from leadspace_cli.sandbox.data import answer

LS = LsColumns()


def request(i: int, seed: int) -> dict[str, object]:
    rng = random.Random(f"{seed}-{i}")
    first, last = rng.choice(["Ada", "Wei", "José", "Priya", "Noor"]), rng.choice(["Ng", "García", "Smith"])
    return {
        "external_id": f"L{i}",
        "person": {"first_name": first, "last_name": last, "email": f"{first}.{last}{i}@c{i % 9973}.example"},
        "company": {"name": f"Company {rng.randrange(200_000)}"},
    }


def rendered(text: str) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(LS.cells(RowResult(Result.OK, 200), json.loads(text)))
    return buf.getvalue()[:-2]


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def checkpoint(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def bench_size(n: int, seed: int, work: Path) -> dict[str, float]:
    before_path, after_path = work / "v1.sqlite3", work / "v2" / FILENAME
    v1 = sqlite3.connect(before_path, isolation_level=None)
    v1.execute("PRAGMA journal_mode=WAL")
    v1.execute("CREATE TABLE answers (key TEXT PRIMARY KEY, status INTEGER, answer TEXT, stored REAL)")
    v1.execute("CREATE TABLE rendered (key TEXT, sig TEXT, text TEXT, PRIMARY KEY (key, sig))")
    store = Store(after_path, identity=Identity("program:bench@https://apigw.leadspace.com", "bench"))
    json_bytes = 0
    put_ms: list[float] = []
    for i in range(n):
        body = request(i, seed)
        text = json.dumps({"status": "success", "external_id": body["external_id"], "data": answer(body)})
        json_bytes += len(text.encode())
        cells = rendered(text)
        old_key = hashlib.sha256(f"endpoint\naccount\n{canonical(body)}".encode()).hexdigest()
        v1.execute("INSERT OR REPLACE INTO answers VALUES (?, 200, ?, ?)", (old_key, text, time.time()))
        v1.execute("INSERT OR REPLACE INTO rendered VALUES (?, 'sig-of-the-output', ?)", (old_key, cells))
        key, req = store.key(body)
        started = time.perf_counter()
        store.put(key, 200, text, req)
        store.put_rendered(key, "sig-of-the-output", cells)
        put_ms.append((time.perf_counter() - started) * 1000)
    v1.close()
    store.close()
    checkpoint(before_path)
    checkpoint(after_path)
    per_json = json_bytes / n
    return {
        "answers": n,
        "answer_json_bytes": round(per_json),
        "before_bytes_per_answer": round(size(before_path) / n),
        "after_bytes_per_answer": round(size(after_path) / n),
        "before_ratio": round(size(before_path) / json_bytes, 3),
        "after_ratio": round(size(after_path) / json_bytes, 3),
        "store_ms_median": round(statistics.median(put_ms), 2),
        "store_ms_p99": round(sorted(put_ms)[int(n * 0.99)], 2),
    }


def bench_open(n: int, work: Path) -> dict[str, float]:
    """Fill a store with n answers (a few thousand real blobs under n keys), then open and look up."""
    path = work / "big" / FILENAME
    store = Store(path, identity=Identity("program:big@https://apigw.leadspace.com", "big"))
    blobs = []
    for i in range(2000):
        body = request(i, 7)
        text = json.dumps({"status": "success", "external_id": "", "data": answer(body)})
        blobs.append(store._pack(canonical(body), text, rendered(text)))
    rng = random.Random(3)
    db = store._db
    db.execute("BEGIN")
    for start in range(0, n, 50_000):
        rows = []
        for i in range(start, min(n, start + 50_000)):
            key = hashlib.blake2b(f"big-{i}".encode(), digest_size=16).digest()
            rows.append(
                (
                    int.from_bytes(key[:8], "big", signed=True),
                    key[8:],
                    1,
                    200,
                    int(time.time()),
                    "s",
                    blobs[rng.randrange(len(blobs))],
                )
            )
        db.executemany("INSERT OR REPLACE INTO answer VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    probe = hashlib.blake2b(f"big-{n // 2}".encode(), digest_size=16).digest()
    store.close()
    checkpoint(path)
    os.sync()
    started = time.perf_counter()
    store = Store(path, identity=Identity("program:big@https://apigw.leadspace.com", "big"))
    opened = time.perf_counter()
    hit = store.get(probe, "s")
    looked = time.perf_counter()
    store.close()
    assert hit is not None
    return {
        "answers": n,
        "file_mb": round(size(path) / 2**20),
        "open_s": round(opened - started, 3),
        "open_and_first_lookup_s": round(looked - started, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sizes = bench_size(args.answers, seed=20261128, work=work)
        print(json.dumps(sizes), flush=True)
        opening = bench_open(args.big, work)
        print(json.dumps(opening), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"size": sizes, "open": opening}, indent=2) + "\n")


if __name__ == "__main__":
    main()
