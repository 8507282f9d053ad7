"""Progress displays (a rich bar, plain timestamped lines, none) and end-of-run tables.

Everything here writes to stderr: stdout carries data only.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from leadspace_cli.app.report import OutputReport
from leadspace_cli.app.run import NoProgress
from leadspace_cli.app.run import Progress as RunProgress
from leadspace_cli.app.summary import Summary
from leadspace_cli.results import Result, Stats

# The progress interface and its null version are the run's (the core reports progress through it).
Display = RunProgress
NullDisplay = NoProgress


def _counts(r: Counter[str]) -> str:
    return (
        f"ok {r[Result.OK]}  invalid {r[Result.INVALID]}  failed {r[Result.FAILED]}  "
        f"not sent {r[Result.NOT_SENT]}" + (f"  skipped {r[Result.SKIPPED]}" if r[Result.SKIPPED] else "")
    )


class PlainDisplay:
    """A timestamped line every few seconds, for cron and logs."""

    def __init__(self, console: Console, every: float = 10.0) -> None:
        self.console = console
        self.every = every
        self._next = 0.0
        self._total: int | None = None
        self._stats: Stats | None = None
        self._done = 0
        self.counts: Counter[str] = Counter()

    def start(self, total: int | None, stats: Stats) -> None:
        self._total = total
        self._stats = stats
        self._next = time.monotonic() + self.every

    def row_done(self, result: Result) -> None:
        self._done += 1
        self.counts[result] += 1
        now = time.monotonic()
        if now >= self._next:
            self._next = now + self.every
            self._line()

    def _line(self) -> None:
        assert self._stats is not None
        stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S%z")
        of = f"/{self._total}" if self._total is not None else ""
        self.console.print(
            f"{stamp} {self._done}{of} rows, {self._stats.call_rate():.1f} calls/s, {_counts(self.counts)}",
            highlight=False,
            soft_wrap=True,
        )

    def stop(self) -> None:
        if self._stats is not None and self._done:
            self._line()


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        stats: Stats | None = task.fields.get("stats")
        rate = stats.call_rate() if stats else 0.0
        return Text(f"{rate:5.1f} calls/s", style="progress.data.speed")


class _CountsColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        r: Counter[str] | None = task.fields.get("counts")
        if r is None:
            return Text("")
        text = Text()
        text.append(f"ok {r[Result.OK]} ", style="green")
        text.append(f"invalid {r[Result.INVALID]} ", style="yellow")
        text.append(f"failed {r[Result.FAILED]} ", style="red")
        text.append(f"not sent {r[Result.NOT_SENT]}", style="dim")
        if r[Result.SKIPPED]:
            text.append(f" skipped {r[Result.SKIPPED]}", style="dim")
        return text


class RichDisplay:
    """A rich progress bar: rows done of total, calls per second, ETA, counts by result."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("[bold]enriching"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            _CountsColumn(),
            console=console,
            transient=False,
            refresh_per_second=8,
        )
        self._task: Any = None
        self._pending: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()  # rows written, by result: the bar's own figures
        self._last = 0.0

    def start(self, total: int | None, stats: Stats) -> None:
        self._task = self.progress.add_task("enrich", total=total, stats=stats, counts=self.counts)
        self.progress.start()

    def _flush(self) -> None:
        # The bar and the counts move together, so "247/600 ... ok 252" cannot be shown.
        self.counts.update(self._pending)
        self.progress.advance(self._task, self._pending.total())
        self._pending.clear()

    def row_done(self, result: Result) -> None:
        self._pending[result] += 1
        now = time.monotonic()
        if now - self._last > 0.1:
            self._flush()
            self._last = now

    def stop(self) -> None:
        if self._task is not None:
            self._flush()
        self.progress.stop()


def summary_table(summary: Summary) -> Table:
    """Return the end-of-run table."""
    table = Table(title="leadspace enrich" + (" (dry run)" if summary.dry_run else ""), show_header=False)
    table.add_column("what", style="bold")
    table.add_column("figure", justify="right")
    for name, n in summary.by_result.items():
        table.add_row(f"rows {name}", str(n))
    table.add_row("rows", str(summary.rows))
    if summary.dry_run:
        table.add_row("calls it would make", str(summary.would_call))
        spend = (
            summary.would_call if summary.credit_cap is None else min(summary.would_call, summary.credit_cap)
        )
        table.add_row("credits it would spend (at most)", str(spend))
        if summary.cap_row is not None:
            table.add_row("the credit cap stops it at row", str(summary.cap_row))
        table.add_row("answers already stored", str(summary.reused))
        table.add_row("time it would take", _duration(summary.estimate_seconds))
        return table
    table.add_row("calls made", str(summary.calls))
    table.add_row("retries", str(summary.retries))
    table.add_row("credits spent", str(summary.credits))
    if summary.credit_cap is not None:
        table.add_row("credit cap", str(summary.credit_cap))
    if summary.unknown_outcome:
        table.add_row("possibly billed (no answer: timeout, dropped)", str(summary.unknown_outcome))
    table.add_row("answers reused", str(summary.reused))
    if summary.deduplicated:
        table.add_row("identical rows called once", str(summary.deduplicated))
    table.add_row("duration", _duration(summary.duration))
    table.add_row("calls per second", f"{summary.call_rate:.1f}")
    if summary.pace and "no 429" not in summary.pace:
        table.add_row("pace settled at", summary.pace)
    if summary.outages:
        table.add_row("outages waited out", str(summary.outages))
    if summary.by_status:
        table.add_row("HTTP statuses", ", ".join(f"{k}: {v}" for k, v in summary.by_status.items()))
    return table


def _duration(seconds: float) -> str:
    seconds = float(seconds)
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, sec = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{sec:02d}s" if hours else f"{minutes}m{sec:02d}s"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def literal(value: object) -> Text:
    """Return text from a file or an answer for the terminal: never markup, control codes made visible.

    An answer may hold ``[/bold]`` (rich markup), an escape sequence that clears the screen, or a
    right-to-left override: each is shown as the characters it is.
    """
    return Text(_CONTROL.sub(lambda m: repr(m.group())[1:-1], str(value)))


def _bar(share: float, width: int) -> Text:
    full = round(share * width)
    return Text("█" * full + "·" * (width - full), style="green")


def report_tables(report: OutputReport, width: int) -> list[Table]:
    """Return the report as terminal tables with bars that fit ``width`` columns.

    Labels come from the file (answers are data): they are Text, never markup.
    """
    bar = max(10, min(40, width - 60))
    tables = []
    results = Table(title=f"{report.rows:,} rows; match rate {report.match_rate:.0%} of the answered")
    results.add_column("result")
    results.add_column("rows", justify="right")
    results.add_column("")
    for name, n in report.results():
        results.add_row(literal(name), f"{n:,}", _bar(n / report.rows if report.rows else 0, bar))
    tables.append(results)
    for chart in report.charts:
        if not chart.counts:
            continue
        table = Table(title=chart.title)
        table.add_column(
            chart.column.removeprefix("ls."), overflow="fold", max_width=max(20, width - bar - 30)
        )
        table.add_column("rows", justify="right")
        table.add_column("share", justify="right")
        table.add_column("")
        for label, n in chart.counts:
            table.add_row(literal(label), f"{n:,}", f"{chart.share(n):.0%}", _bar(chart.share(n), bar))
        tables.append(table)
    for group in ("person", "company"):
        fills = [f for f in report.fills if f.group == group or (group == "company" and f.group == "other")]
        table = Table(title=f"{group} fields filled (of {report.ok:,} answered rows), worst first")
        table.add_column("field", overflow="fold")
        table.add_column("filled", justify="right")
        table.add_column("")
        for f in fills:
            table.add_row(literal(f.column.removeprefix("ls.")), f"{f.share:.0%}", _bar(f.share, bar))
        tables.append(table)
    return tables
