"""Progress displays (a rich bar, plain timestamped lines, none) and end-of-run tables.

Everything here writes to stderr: stdout carries data only.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from leadspace_cli.formats.values import visible
from leadspace_cli.results import NoProgress, Result, Stats
from leadspace_cli.results import Progress as RunProgress

if TYPE_CHECKING:
    from leadspace_cli.app.report import OutputReport
    from leadspace_cli.app.summary import Summary

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


def _count_text(r: Counter[str], *, compact: bool) -> Text:
    """Rows by result; ``compact`` leaves out the results no row has yet (but ``ok``)."""
    parts = [
        ("ok", r[Result.OK], "green"),
        ("invalid", r[Result.INVALID], "yellow"),
        ("failed", r[Result.FAILED], "red"),
        ("not sent", r[Result.NOT_SENT], "dim"),
        ("skipped", r[Result.SKIPPED], "dim"),
    ]
    shown = [(name, n, style) for name, n, style in parts if n or name == "ok" or not compact]
    if not r[Result.SKIPPED]:  # "skipped" only in files that have such rows
        shown = [p for p in shown if p[0] != "skipped"]
    return Text(" ").join(Text(f"{name} {n}", style=style) for name, n, style in shown)


# What the line keeps as the terminal narrows, widest first: the bar shrinks to MIN_BAR before a
# part goes; then the elapsed time, the results no row has yet, the bar, the label, the rate and
# the ETA go, in that order. The rows done and the counts stay; past that the line is cut.
_LEVELS: tuple[tuple[frozenset[str], bool], ...] = tuple(
    (frozenset(parts.split()), compact)
    for parts, compact in (
        ("label bar done rate elapsed eta", False),
        ("label bar done rate eta", False),
        ("label bar done rate eta", True),
        ("label done rate eta", True),
        ("done rate eta", True),
        ("done eta", True),
        ("done", True),
    )
)
MIN_BAR, MAX_BAR = 10, 40


def _as_text(renderable: RenderableType) -> Text:
    return renderable if isinstance(renderable, Text) else Text(str(renderable))


class _FittedLine:
    """The progress line fitted to the width it is given: never wider, so it never wraps (a
    wrapped line is redrawn as several lines at every refresh, filling a narrow terminal)."""

    def __init__(self, parts: dict[str, Text], counts: Counter[str] | None, bar: ProgressBar) -> None:
        self.parts = parts
        self.counts = counts
        self.bar = bar

    def line(self, console: Console, options: ConsoleOptions) -> Text:
        width = options.max_width
        for shown, compact in _LEVELS:
            pieces = [
                self.parts[name] for name in ("label", "done", "rate", "elapsed", "eta") if name in shown
            ]
            if self.counts is not None:
                pieces.append(_count_text(self.counts, compact=compact))
            used = sum(p.cell_len for p in pieces) + len(pieces) - 1
            room = width - used - 1  # the bar and the space before it
            if "bar" in shown and room >= MIN_BAR:
                pieces.insert(1 if "label" in shown else 0, self._bar(console, options, min(room, MAX_BAR)))
                break
            if "bar" not in shown and used <= width:
                break
        line = Text(" ", no_wrap=True, end="").join(pieces)
        line.truncate(width, overflow="ellipsis")  # narrower than the rows done and the counts
        return line

    def _bar(self, console: Console, options: ConsoleOptions, width: int) -> Text:
        self.bar.width = width
        return Text.assemble(*((s.text, s.style or "") for s in console.render(self.bar, options) if s.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.line(console, options)


class _LineColumn(ProgressColumn):
    """Rows done of total, a bar, calls per second, elapsed time, ETA and the rows by result, as one
    line that fits the terminal (:class:`_FittedLine`)."""

    def __init__(self) -> None:
        super().__init__()
        self._bar = BarColumn()
        self._rate = _RateColumn()
        self._elapsed = TimeElapsedColumn()
        self._eta = TimeRemainingColumn()

    def render(self, task: Task) -> _FittedLine:
        parts = {
            "label": Text("enriching", style="bold"),
            "done": Text(
                f"{int(task.completed)}/{'?' if task.total is None else int(task.total)}",
                style="progress.download",
            ),
            "rate": self._rate.render(task),
            "elapsed": self._elapsed.render(task),
            "eta": Text("eta ").append_text(_as_text(self._eta(task))),  # called: it refreshes twice a second
        }
        bar = self._bar(task)
        assert isinstance(bar, ProgressBar)
        return _FittedLine(parts, task.fields.get("counts"), bar)


class RichDisplay:
    """A rich progress bar: rows done of total, calls per second, ETA, counts by result."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            _LineColumn(),
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
        spend = (
            summary.would_call if summary.credit_cap is None else min(summary.would_call, summary.credit_cap)
        )
        if spend < summary.would_call:  # the cap stops it first
            table.add_row("calls it would make", f"{spend} (of {summary.would_call}: the credit cap)")
        else:
            table.add_row("calls it would make", str(summary.would_call))
        table.add_row("credits it would spend (at most)", str(spend))
        if summary.cap_row is not None:
            table.add_row("the credit cap stops it at row", str(summary.cap_row))
        table.add_row("answers already stored", str(summary.reused))
        if summary.fleet:
            table.add_row("  of them in the fleet's Redis", str(summary.fleet["answers_from_fleet"]))
        table.add_row("time it would take", _duration(summary.estimate_seconds))
        return table
    table.add_row("calls made", str(summary.calls))
    table.add_row("retries", str(summary.retries))
    table.add_row("credits spent", str(summary.credits))
    if summary.credit_cap is not None:
        table.add_row("credit cap", str(summary.credit_cap))
    if summary.unknown_outcome:
        table.add_row("possibly billed (no answer: timeout, dropped)", str(summary.unknown_outcome))
    if summary.abandoned:
        table.add_row("  of them abandoned on the wire at the stop", str(summary.abandoned))
    table.add_row("answers reused", str(summary.reused))
    if summary.fleet:
        table.add_row("  of them from the fleet's Redis", str(summary.fleet["answers_from_fleet"]))
        table.add_row("answers shared with the fleet", str(summary.fleet["answers_shared"]))
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


def literal(value: object) -> Text:
    """Return text from a file or an answer for the terminal: never markup, control codes made visible.

    An answer may hold ``[/bold]`` (rich markup), an escape sequence that clears the screen, or a
    right-to-left override: each is shown as the characters it is.
    """
    return Text(visible(value))


def _bar(share: float, width: int) -> Text:
    full = round(share * width)
    return Text("█" * full + "·" * (width - full), style="green")


def report_tables(report: OutputReport, width: int) -> list[Table]:
    """Return the report as terminal tables with bars that fit ``width`` columns.

    Labels come from the file (answers are data): they are Text, never markup.
    """
    bar = max(10, min(40, width - 60))
    tables = []
    known = "ls.enrichment_status" not in report.missing
    results = Table(title=f"{report.rows:,} rows; {report.match_text}{' of the answered' * known}")
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
