"""Summaries of a run (for the end-of-run table and ``--report``) and fill rates of an output."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadspace_cli import flatten
from leadspace_cli.enrich import Enricher
from leadspace_cli.errors import InputError
from leadspace_cli.records import open_source
from leadspace_cli.results import Result

# The --report JSON's shape: bumped whenever a key changes meaning or goes away (2: the job echo).
SCHEMA_VERSION = 2


@dataclass
class Summary:
    """The figures of one run (the end-of-run table, ``--report``, and :func:`enrich_file`'s return)."""

    rows: int
    by_result: dict[str, int]
    by_status: dict[str, int]
    calls: int
    retries: int
    credits: int
    unknown_outcome: int
    reused: int
    deduplicated: int
    duration: float
    call_rate: float
    exit_code: int
    stop_message: str | None
    dry_run: bool = False
    would_call: int = 0
    credit_cap: int | None = None  # the credits the run could spend (--max-credits and the like)
    cap_row: int | None = None  # dry run: the first row the cap would leave not_sent
    estimate_seconds: float = 0.0
    job: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    kept_aside: str | None = None  # the output was not replaced: this run's went here instead
    kept_ok: int = 0  # the ok rows of the output that was kept
    input_error: str | None = None  # the input could not be read past some line (exit 2)
    migrated: int = 0  # answers of a leadspace 0.1 store re-filed in the current format
    not_stored: int = 0  # answers that reached the output but could not be stored (a full disk)
    store_problem: str = ""

    @classmethod
    def of(
        cls, enricher: Enricher, duration: float, *, job: dict[str, Any], settings: dict[str, Any]
    ) -> Summary:
        """Return the summary of a finished run."""
        s = enricher.stats
        opts = enricher.options
        return cls(
            rows=s.rows,
            by_result={r.value: s.by_result.get(r, 0) for r in Result},
            by_status={str(k): v for k, v in sorted(s.by_status.items())},
            calls=s.calls,
            retries=s.retries,
            credits=s.credits,
            unknown_outcome=s.unknown,
            reused=s.reused,
            deduplicated=s.deduplicated,
            duration=round(duration, 3),
            call_rate=round(s.call_rate(), 2),
            exit_code=int(enricher.exit_code()),
            stop_message=enricher.stop_reason.message if enricher.stop_reason else None,
            dry_run=opts.dry_run,
            would_call=s.would_call,
            credit_cap=opts.max_credits,
            cap_row=s.cap_row,
            estimate_seconds=round(s.would_call / opts.rate, 1) if opts.dry_run else 0.0,
            job=job,
            settings=settings,
        )

    def to_json(self) -> dict[str, Any]:
        """Return the report's JSON object."""
        return {
            "schema_version": SCHEMA_VERSION,
            "finished_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **self.__dict__,
        }

    def write(self, path: str) -> None:
        """Write the report as JSON (atomically)."""
        tmp = Path(path).with_name(f".{Path(path).name}.part")
        tmp.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)


@dataclass
class FillReport:
    """What an enriched file holds: rows by result and status, match rate, and fill rates."""

    rows: int
    by_result: Counter[str]
    by_status: Counter[str]
    enrichment: Counter[str]
    filled: dict[str, int]
    missing: list[str] = field(default_factory=list)  # status columns the file lacks (renamed?)

    @property
    def ok(self) -> int:
        return self.by_result.get(Result.OK.value, 0)

    @property
    def match_rate(self) -> float:
        """Share of ok rows that came back enriched (not "Not Enriched")."""
        if not self.ok:
            return 0.0
        matched = sum(n for k, n in self.enrichment.items() if k and k.lower() != "not enriched")
        return matched / self.ok

    def fill_rates(self) -> list[tuple[str, float]]:
        """Return (column, share of ok rows where it is filled), in column order."""
        return [(c, (n / self.ok if self.ok else 0.0)) for c, n in self.filled.items()]


def fill_report(path: str) -> FillReport:
    """Read an enriched CSV or JSONL file and count what its ls.* columns hold."""
    source = open_source(path)
    try:
        by_result: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        enrichment: Counter[str] = Counter()
        rows = 0
        missing: list[str] = []
        if source.kind == "csv":
            index = {c: i for i, c in enumerate(source.columns)}
            data_cols = [c for c in source.columns if c.startswith("ls.") and c not in flatten.STATUS_COLUMNS]
            if not any(c.startswith("ls.") for c in source.columns):
                raise InputError(f"{path} has no ls.* column: give a file that `leadspace enrich` wrote.")
            missing = [c for c in ("ls.result", "ls.http_status", "ls.enrichment_status") if c not in index]
            filled = dict.fromkeys(data_cols, 0)
            data_idx = [(c, index[c]) for c in data_cols]
            r_i, s_i = index.get("ls.result"), index.get("ls.http_status")
            e_i = index.get("ls.enrichment_status")
            for row in source.rows:
                rows += 1
                result = row[r_i] if r_i is not None else Result.OK.value  # without it: all answered
                by_result[result if r_i is not None else "?"] += 1
                if s_i is not None:
                    by_status[row[s_i] or "none"] += 1
                if result == Result.OK.value:
                    if e_i is not None:
                        enrichment[row[e_i]] += 1
                    for c, i in data_idx:
                        if row[i]:
                            filled[c] += 1
        else:
            filled = dict.fromkeys([c for c in flatten.COLUMNS if c not in flatten.STATUS_COLUMNS], 0)
            for obj in source.rows:
                rows += 1
                ls = obj.get("ls") if isinstance(obj, dict) else None
                if not isinstance(ls, dict):
                    by_result["?"] += 1
                    continue
                by_result[str(ls.get("result"))] += 1
                by_status[str(ls.get("http_status") or "none")] += 1
                if ls.get("result") == Result.OK.value:
                    answer = {"status": ls.get("status"), "data": ls.get("data")}
                    cells = flatten.data_cells(answer)
                    enrichment[cells[1]] += 1
                    for c, v in zip(filled, cells, strict=False):
                        if v:
                            filled[c] += 1
        return FillReport(rows, by_result, by_status, enrichment, filled, missing)
    finally:
        source.close()
