"""The response store at scale: bytes per answer, time to store one, and opening a large store.

    python benchmarks/store_bench.py [--answers 100000] [--big 1000000] [--unseen 20000]
    python benchmarks/store_bench.py --only unseen

Answers come from the sandbox's generator with request seeds the store's dictionary was not built
from. The "unseen" figure stores answers of a shape the code never saw (``unseen_answer``: another
template, with other field orders, other vocabularies and fields the document does not list), as an
API program with other options, or a later API version, would send: the store's compression must
not depend on the sandbox's template (goal: at most 0.6x of the answers' JSON).

"Before" is the 0.1 layout (hex keys, answer JSON and rendered cells as text), written with
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
from leadspace_cli.engine.identity import Identity, canonical
from leadspace_cli.engine.store import FILENAME, Store
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


_U_SECTORS = (
    ("Biotechnology", "Gene Therapy", "2836", "325414"),
    ("Logistics & Supply Chain", "Freight Forwarding", "4731", "488510"),
    ("Education", "Higher Education", "8221", "611310"),
    ("Energy", "Solar Power Generation", "4911", "221114"),
    ("Media", "Streaming Services", "7841", "512120"),
    ("Construction", "Civil Engineering", "1622", "237310"),
    ("Agriculture", "Crop Production", "0119", "111199"),
)
_U_PLACES = (
    ("Brasil", "São Paulo", "Campinas", "LATAM", "13010-111"),
    ("India", "Karnataka", "Bengaluru", "APAC", "560001"),
    ("Polska", "Mazowieckie", "Warszawa", "EMEA", "00-001"),
    ("Canada", "Québec", "Montréal", "NA", "H2Y 1C6"),
    ("Nigeria", "Lagos", "Ikeja", "MEA", "100001"),
    ("Australia", "Victoria", "Melbourne", "APAC", "3000"),
    ("Korea", "Seoul", "서울", "APAC", "04524"),
)
_U_ROLES = ("Head of Growth", "Chief Revenue Officer", "Procurement Lead", "Data Steward", "Founder")
_U_TOOLS = ("Pipedrive", "Freshdesk", "Google Cloud", "Databricks", "Notion", "Jira", "Klaviyo", "Zuora")
_U_TOPICS = ("Supply Chain Visibility", "Zero Trust", "Carbon Accounting", "Usage-Based Billing")
_U_WORDS = ("wholesale", "regional", "family-owned", "cooperative", "listed", "venture-backed", "global")


_U_LEVELS = ("Executive", "Senior Manager", "Individual Contributor", "Head of Department")
_U_STATUSES = ("Match", "Partial Match", "Contact Only")


def unseen_small(i: int, seed: int) -> dict[str, object]:
    """Return a small answer (about 1.4 KB) mostly of fields the document does not list."""
    rng = random.Random(f"small-{seed}-{i}")
    sector, sub, sic, naics = rng.choice(_U_SECTORS)
    country, state, city, region, postcode = rng.choice(_U_PLACES)
    name = (
        f"{rng.choice(('Nordwind', 'Sol', 'Kestrel', 'Mantis', 'Orla'))} {rng.choice(_U_WORDS).title()} {i}"
    )
    domain = f"{name.split()[0].lower()}{i}.example"
    first, last = (
        rng.choice(("Ana", "Kwame", "Mei", "Oskar", "Leila")),
        rng.choice(("Souza", "Mensah", "Kowalski")),
    )
    company: dict[str, object] = {
        "website": f"https://{domain}",
        "revenue": {
            "exact": rng.randrange(10**5, 10**10),
            "range": f"{rng.randint(1, 900)}M-{rng.randint(1, 9)}B",
        },
        "size": {"exact": rng.randrange(3, 90_000), "range": f"{rng.randint(1, 50)}k employees"},
        "naics": naics,
        "sic": sic,
        "industry": sector,
        "sub_industry": sub,
        "address": {"zipcode": postcode, "city": city, "state": state, "country": country, "region": region},
        "name": name,
        "ls_id": f"X-{rng.getrandbits(48):012x}",
        "description": f"{name} is a {rng.choice(_U_WORDS)} {sub.lower()} firm based in {city}, {country}.",
        "funding": {"stage": rng.choice(("Seed", "Series A", "IPO")), "total_usd": rng.randrange(10**8)},
        "employee_growth_12m": round(rng.uniform(-0.3, 0.9), 3),
        "hq_timezone": rng.choice(("America/Sao_Paulo", "Asia/Kolkata", "Europe/Warsaw")),
        "technographics": {t: rng.choice(("confirmed", "likely")) for t in rng.sample(_U_TOOLS, 4)},
        "intent": [{"topic": t, "score": rng.randint(0, 100)} for t in rng.sample(_U_TOPICS, 2)],
    }
    person: dict[str, object] = {
        "email": f"{first}.{last}@{domain}".lower(),
        "last_name": last,
        "first_name": first,
        "title": rng.choice(_U_ROLES),
        "seniority": rng.choice(("Executive", "Senior", "Mid", "Entry")),
        "skills": rng.sample(("negotiation", "forecasting", "python", "logistics", "compliance", "sql"), 3),
        "location": {"city": city, "country": country, "timezone_offset": rng.choice((-3, 1, 5.5, 10))},
    }
    data = {
        "person": person,
        "company": company,
        "enrichment_status": "Matched",
        "match_score": rng.randint(1, 99),
    }
    return {"data": data, "request_id": f"req-{rng.getrandbits(64):016x}", "status": "OK"}


def unseen_answer(i: int, seed: int) -> dict[str, object]:
    """Return a full answer of a shape the store's dictionary never saw.

    The document's fields (as an API program returns them), in another order (company first, the
    person last, each kind of object's keys in another fixed order), with other vocabularies
    (sectors, places, roles, tools, topics, statuses), and fields the document does not list
    (funding, growth, skills, ...).
    """
    rng = random.Random(f"unseen-{seed}-{i}")

    def shuffled(d: dict[str, object]) -> dict[str, object]:
        """The keys in another order than the sandbox's: fixed for each kind of object, as an API's."""
        items = list(d.items())
        random.Random(",".join(sorted(d))).shuffle(items)
        return dict(items)

    sector, sub, sic, naics = rng.choice(_U_SECTORS)
    country, state, city, region, postcode = rng.choice(_U_PLACES)
    name = (
        f"{rng.choice(('Nordwind', 'Sol', 'Kestrel', 'Mantis', 'Orla'))} {rng.choice(_U_WORDS).title()} {i}"
    )
    domain = f"{name.split()[0].lower()}{i}.example"
    first = rng.choice(("Ana", "Kwame", "Mei", "Oskar", "Leila", "Tomás", "Anjali"))
    last = rng.choice(("Souza", "Mensah", "Kowalski", "Tremblay", "Okafor", "Iyer"))
    size, revenue = rng.randrange(3, 90_000), rng.randrange(10**5, 10**10)

    def place(street: bool = True) -> dict[str, object]:
        out: dict[str, object] = {"country": country, "state": state, "city": city, "region": region}
        if street:
            out |= {
                "street": f"{rng.choice(('Rua', 'Ulica', 'Avenue'))} {rng.randint(1, 400)}",
                "zipcode": postcode,
            }
        return shuffled(out)

    family = [
        shuffled(
            {
                "type": kind,
                "name": f"{name} {suffix}",
                "ls_id": f"X-{rng.getrandbits(40):010x}",
                "address": place(),
                "phone": f"+{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                "website": f"https://{suffix.lower()}.{domain}",
                "sic": sic,
                "naics": naics,
                "size": {"range": f"{size // 1000}k-{size // 500}k", "exact": size * 3},
                "revenue": {"range": f"{revenue // 10**6}M+", "exact": revenue * 3},
            }
        )
        for kind, suffix in (("PARENT", "Holding"), ("HQ", "Head Office"))
    ]
    company = shuffled(
        {
            "name": name,
            "original_name": name.upper(),
            "ls_id": f"X-{rng.getrandbits(48):012x}",
            "description": (
                f"{name} is a {rng.choice(_U_WORDS)} {sub.lower()} firm based in {city}, {country}, "
                f"with {size} people and customers on {rng.randint(2, 6)} continents."
            ),
            "ownership": rng.choice(("Cooperative", "Family", "State-owned", "Listed")),
            "matching_confidence": {"score": str(rng.randint(1, 99)), "level": rng.choice(("A", "B", "C"))},
            "address": place(),
            "phone": f"+{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "industry": sector,
            "sub_industry": sub,
            "linkedin_profile": f"https://linkedin.example/c/{domain}",
            "twitter_url": f"https://x.example/{domain.split('.')[0]}",
            "website": f"https://{domain}",
            "sic": sic,
            "naics": naics,
            "size": {"range": f"{size // 1000}k-{size // 500}k", "exact": size},
            "revenue": {"range": f"{revenue // 10**6}M+", "exact": revenue},
            "analytics": {
                "installed_base_technologies": rng.sample(_U_TOOLS, 3),
                "web_site_technologies": rng.sample(_U_TOOLS, 2),
            },
            "intent_modeling": {
                "project_name": "Expansion Model",
                "project_score": rng.choice(("Hot", "Warm", "Cold")),
                "surging_topics": rng.sample(_U_TOPICS, 2),
            },
            "family_tree": {"companies": family},
            "funding": {
                "stage": rng.choice(("Seed", "Series A", "Series C", "IPO")),
                "total_usd": rng.randrange(10**8),
            },
            "employee_growth_12m": round(rng.uniform(-0.3, 0.9), 3),
            "hq_timezone": rng.choice(
                ("America/Sao_Paulo", "Asia/Kolkata", "Europe/Warsaw", "Australia/Melbourne")
            ),
            "technographics": {t: rng.choice(("confirmed", "likely")) for t in rng.sample(_U_TOOLS, 4)},
        }
    )
    person = shuffled(
        {
            "email": f"{first}.{last}@{domain}".lower(),
            "original_email": f"{first[0]}{last}@{domain}".lower(),
            "original_email_verification_status": rng.choice(("deliverable", "undeliverable", "accept-all")),
            "verification_status": rng.choice(("Confirmed", "Unconfirmed")),
            "last_name": last,
            "first_name": first,
            "title": rng.choice(_U_ROLES),
            "department": rng.choice(("Procurement", "Finance", "Operations", "Research")),
            "level": rng.choice(_U_LEVELS),
            "address": place(street=False),
            "phone": f"+{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "linkedin_profile": f"https://linkedin.example/in/{first.lower()}-{last.lower()}-{i}",
            "analytics": {"job_functions": ["Procurement", "Finance"], "scores": []},
            "skills": rng.sample(
                ("negotiation", "forecasting", "python", "logistics", "compliance", "sql"), 3
            ),
            "seniority_score": round(rng.uniform(0, 1), 2),
        }
    )
    scores = [
        {"profile_name": p, "score": {"value": round(rng.uniform(0, 10), 1), "band": rng.choice("ABCD")}}
        for p in ("Fit 2027", "Upsell")
    ]
    data = {
        "company": company,
        "total_scores": scores,
        "enrichment_status": rng.choice(_U_STATUSES),
        "person": person,
        "match_trace": f"rule-{rng.randint(1, 40)}/{rng.choice(('domain', 'name', 'email'))}",
    }
    return {
        "data": data,
        "status": "OK",
        "external_id": f"U{i}",
        "request_id": f"req-{rng.getrandbits(64):016x}",
    }


def bench_unseen(n: int, seed: int, work: Path, template: str = "full") -> dict[str, float]:
    """Store n answers of an unseen shape as a run does; return the store's size against the JSON."""
    make = {"full": unseen_answer, "small": unseen_small}[template]
    path = work / f"unseen-{template}" / FILENAME
    store = Store(path, identity=Identity("program:unseen@https://apigw.leadspace.com", "unseen"))
    json_bytes = 0
    for i in range(n):
        body = {"external_id": f"U{i}", "company": {"name": f"Unseen {i}"}}
        text = json.dumps(make(i, seed), ensure_ascii=False)
        json_bytes += len(text.encode())
        key, req = store.key(body)
        store.put(key, 200, text, req)
        store.put_rendered(key, "sig-of-the-output", rendered(text))
    blobs = sum(len(bytes(row[0])) for row in store._db.execute("SELECT data FROM answer"))
    store.close()
    checkpoint(path)
    return {
        "answers": n,
        "answer_json_bytes": round(json_bytes / n),
        "blob_bytes_per_answer": round(blobs / n),  # request, answer and cells, compressed together
        "bytes_per_answer": round(size(path) / n),  # the file: blobs, keys, pages not full
        "ratio": round(size(path) / json_bytes, 3),
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
    parser.add_argument("--unseen", type=int, default=20_000)
    parser.add_argument("--only", default="size,unseen,open")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    parts = set(args.only.split(","))
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "size" in parts:
            results["size"] = bench_size(args.answers, seed=20261128, work=work)
            print(json.dumps(results["size"]), flush=True)
        if "unseen" in parts:
            for template in ("full", "small"):
                results[f"unseen_{template}"] = bench_unseen(args.unseen, 20261129, work, template)
                print(json.dumps({"template": template, **results[f"unseen_{template}"]}), flush=True)
        if "open" in parts:
            results["open"] = bench_open(args.big, work)
            print(json.dumps(results["open"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
