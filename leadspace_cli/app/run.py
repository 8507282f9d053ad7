"""The run: the one entry point behind both doors, the CLI and the Python API (app/library.py).

A :class:`Job` holds every option of a run, typed and frozen, with the documented defaults. A
:class:`Run` wires the input, the mapping, the response store, the client, the pipeline and the
output for one job. :func:`enrich_file` and :func:`enrich_records` are the public doors;
``leadspace enrich`` builds a Job from its options and calls the same Run."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from leadspace_cli.api.columns import LsColumns
from leadspace_cli.api.connection import Settings
from leadspace_cli.app.job import Job
from leadspace_cli.app.summary import Summary
from leadspace_cli.app.wiring import Wiring
from leadspace_cli.engine.claims import Claims, NoClaims
from leadspace_cli.engine.fleet import Fleet
from leadspace_cli.engine.fleet_parts import FleetLedger
from leadspace_cli.engine.identity import Identity
from leadspace_cli.engine.ledger import LocalLedger
from leadspace_cli.engine.pipeline import Enricher
from leadspace_cli.engine.store import Store
from leadspace_cli.errors import ExitCode, InputError, Interrupted, stop_error
from leadspace_cli.formats.outfile import OutputFile, check_path, private_folder, sweep_temp_folders
from leadspace_cli.formats.pyrecords import records_source, text_only
from leadspace_cli.formats.rows import Row, Source, format_of
from leadspace_cli.formats.sources import open_source
from leadspace_cli.formats.writers import RowWriter, SheetRowWriter
from leadspace_cli.formats.xlsx_write import check_size
from leadspace_cli.mapping.body import RULES, Builder, builder
from leadspace_cli.mapping.judge import names_a_field
from leadspace_cli.mapping.spec import Mapping as ColumnMapping
from leadspace_cli.results import NoProgress, Progress, Result
from leadspace_cli.sandbox import Sandbox, SandboxConfig


@contextlib.contextmanager
def sandbox_for(enabled: bool, config: SandboxConfig | None = None) -> Iterator[Sandbox | None]:
    """Start the embedded sandbox for a run (``--sandbox``), or nothing."""
    if not enabled:
        yield None
        return
    sb = Sandbox(
        config or SandboxConfig(latency=0.15, latency_spread=0.5, latency_cap=2.0, keep_bodies=False)
    )
    with sb:
        yield sb


def _path(value: str | os.PathLike[str] | None) -> Path | None:
    return None if value is None else Path(value)


class Run(Wiring):
    """One run of a job. ``execute`` does the file run; ``records`` the Python API's record run."""

    def __init__(
        self,
        job: Job,
        *,
        progress: Progress | None = None,
        note: Callable[[str], None] | None = None,
        warn: Callable[[str], None] | None = None,
        count_total: bool = False,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.job = job
        self.progress: Progress = progress or NoProgress()
        self.note = note or (lambda text: None)
        self.warn = warn or (lambda text: None)  # shown even with --quiet
        self.count_total = count_total
        self.environ = environ
        self.enricher: Enricher | None = None
        self.settings: Settings | None = None
        self.mapping: ColumnMapping | None = None
        self._interrupts: list[bool] = []  # signals so far (True: SIGTERM)
        self.input_error: InputError | None = None  # met mid-stream (stdin, a compressed file)
        self.ledger: LocalLedger | None = None  # purchases and budgets across runs (not the sandbox's)
        self.claims: Claims = NoClaims()
        self.identity: Identity | None = None
        self.fleet: Fleet | None = None  # the fleet's Redis (LEADSPACE_REDIS_URL)
        self._fleet_ledger: FleetLedger | None = None
        self._shared_limits = False  # a day or month budget, which a lost Redis stops

    def interrupt(self, *, terminate: bool = False) -> int:
        """Ctrl-C (or SIGTERM): stop new calls; return how many answers already paid for are awaited.

        A second Ctrl-C abandons them.
        """
        self._interrupts.append(terminate)
        if self.enricher is not None:
            return self.enricher.interrupt(terminate=terminate)
        return 0

    @property
    def interrupts(self) -> int:
        """How many times the run was interrupted."""
        return len(self._interrupts)

    @contextlib.contextmanager
    def signals(self, on_interrupt: Callable[[int], None] | None = None) -> Iterator[None]:
        """Turn Ctrl-C, SIGTERM and SIGHUP into :meth:`interrupt` while the run lasts (main thread only).

        ``on_interrupt`` is told how many answers already paid for are awaited after each signal.
        Elsewhere than in the main thread, signals are left alone.
        """

        def handler(signum: int, frame: object) -> None:
            waiting = self.interrupt(terminate=signum != signal.SIGINT)
            if on_interrupt is not None and signum == signal.SIGINT:
                on_interrupt(waiting)

        previous: dict[signal.Signals, Any] = {}
        if threading.current_thread() is threading.main_thread():
            # SIGHUP: the terminal closed (an SSH session dropped): a stop like SIGTERM's, so that
            # the answers on the wire are kept and every row is written (it killed the run).
            # Under nohup (SIGHUP ignored), it stays ignored: the run goes on after the logout.
            hangup = getattr(signal, "SIGHUP", None)
            if hangup is not None and signal.getsignal(hangup) is signal.SIG_IGN:
                hangup = None
            for sig in (signal.SIGINT, signal.SIGTERM, *([hangup] if hangup is not None else [])):
                with contextlib.suppress(ValueError, OSError):
                    previous[sig] = signal.signal(sig, handler)
        try:
            yield
        finally:
            for sig, old in previous.items():
                signal.signal(sig, old)

    def _check_paths(self) -> None:
        """Check every path the run will write before the first call."""
        report = _path(self.job.report)
        if report is not None:
            check_path(
                os.fspath(report),
                option="--report",
                avoid=[(self.job.input, "the input file"), (self.job.output, "the run's output (-o)")],
            )
        sweep_temp_folders()  # a killed run's row files and temporary store

    # The doors.

    def execute(self) -> Summary:
        """Enrich the job's input file into its output file and return the run's summary.

        The steps: settings (before any file is read), the input and its mapping, the store and the
        client, the output file and its writer, the rows through the pipeline, then the summary.
        """
        job = self.job
        env = self._environment()
        self._check_paths()
        with contextlib.ExitStack() as stack:
            sb = stack.enter_context(sandbox_for(job.sandbox))
            settings = self.settings = self._settings(env, sb)
            source = stack.enter_context(self._open_input())
            m, ls = self._plan(source)
            store, client, options = stack.enter_context(self._engine(env, settings, sb))
            enricher = self._enricher(env, settings, sb, store, client, options)
            started = time.monotonic()
            out = stack.enter_context(
                OutputFile(job.output, input_path=job.input, result_column=ls.header[0], fmt=job.out_format)
            )
            writer = self._writer(out, source, ls, store, stack)
            enricher.render_sig = writer.signature
            self._pump(enricher, source, builder(m, source), out, writer)
            writer.finish()
            out.commit(
                enricher.stats.by_result[Result.OK],
                rows=enricher.stats.rows,
                input_columns=list(source.columns),
                stopped=enricher.stop_reason is not None or self.input_error is not None,
                dry_run=job.dry_run,
                limited=job.limit is not None,
            )
            summary = self._summary(enricher, store, out, time.monotonic() - started)
        if job.report is not None:
            summary.write(os.fspath(job.report))
        return summary

    def _open_input(self) -> Source:
        job = self.job
        source = open_source(
            job.input,
            input_format=job.input_format,
            encoding=job.encoding,
            delimiter=job.delimiter,
            sheet=job.sheet,
            include_hidden=job.include_hidden,
            header_row=job.header_row,
            header_hint=names_a_field,
            # Read through first, so that what would stop a run midway stops it before any call
            # (and JSON Lines columns are every line's); a dry run makes no call, so a CSV is read once.
            prescan=not job.dry_run or format_of(job.input, job.input_format) == "jsonl",
        )
        for text in source.notes:
            self.note(f"Note: {text}")
        return source

    def _plan(self, source: Source) -> tuple[ColumnMapping, LsColumns]:
        """Return the mapping and the ls.* columns; check that a workbook output can hold the rows."""
        job = self.job
        m = self._mapping(source)
        ls = self._ls_columns(m)
        self._without_old_answers(source, m, ls)
        if job.out_format == "xlsx":
            rows = source.total
            if rows is not None and job.limit is not None:
                rows = min(rows, job.limit)
            check_size(rows, len(source.columns) + len(ls.header), job.output)
        return m, ls

    def _rows(self, source: Source) -> Iterator[Row]:
        rows = source.rows if self.job.limit is None else itertools.islice(source.rows, self.job.limit)
        return self._guarded(rows)

    def _writer(
        self, out: OutputFile, source: Source, ls: LsColumns, store: Store, stack: contextlib.ExitStack
    ) -> RowWriter | SheetRowWriter:
        job = self.job
        if job.out_format == "xlsx":
            assert out.temp is not None  # OutputFile refuses a stream for a workbook
            private = private_folder("xlsx")
            stack.callback(shutil.rmtree, private, ignore_errors=True)
            return SheetRowWriter(
                out.binary,
                source.columns,
                source.kind,
                ls=ls,
                tmpdir=private,
                sheet=source.sheet,
                date1904=source.date1904,
                header=source.header,
            )
        return RowWriter(
            out.stream,
            job.out_format,
            source.columns,
            source.kind,
            ls=ls,
            keep_rendered=None if job.no_cache else store.put_rendered,
            bom=job.bom or (job.out_format == "csv" and source.excel_like),
            delimiter=source.delimiter,
            header=source.header,
        )

    def _pump(
        self,
        enricher: Enricher,
        source: Source,
        build: Builder,
        out: OutputFile,
        writer: RowWriter | SheetRowWriter,
    ) -> None:
        """Run the rows through the pipeline into the output, in order, showing progress."""
        total = source.total if self.count_total else None
        if total is not None and self.job.limit is not None:
            total = min(total, self.job.limit)
        self.progress.start(total, enricher.stats)
        try:
            for row, result in enricher.run(self._rows(source), build):
                if not out.closed_by_reader:
                    out.write_row(writer, row, result)
                    if out.closed_by_reader:
                        enricher.stop(ExitCode.PIPE, "The output's reader went away (closed pipe).")
                self.progress.row_done(result.result)
        finally:
            self.progress.stop()

    def _summary(self, enricher: Enricher, store: Store, out: OutputFile, duration: float) -> Summary:
        """Build the run's summary from what the pipeline, the store and the output file counted."""
        input_error = str(self.input_error) if self.input_error is not None else None
        return Summary.of(
            enricher,
            duration,
            job=self.job.echo(),
            settings=self._described(store),
            migrated=store.counts.migrated,
            not_stored=store.counts.write_errors,
            store_problem=store.counts.last_error,
            input_error=input_error,
            kept_aside=str(out.kept_aside) if out.kept_aside is not None else None,
            kept_ok=out.replaced_ok if out.kept_aside is not None else 0,
            kept_reason=out.kept_reason if out.kept_aside is not None else "",
            removed_aside=[str(p) for p in out.removed_aside],
            fleet=self._fleet_figures(),
        )

    def _fleet_figures(self) -> dict[str, Any]:
        fleet = self.fleet
        if fleet is None:
            return {}
        return {
            "redis": fleet.url,
            "answers_from_fleet": fleet.hits,
            "answers_shared": fleet.shared,
            "lost": fleet.lost,
        }

    def _guarded(self, rows: Iterator[Row]) -> Iterator[Row]:
        """Yield the rows until one cannot be read; keep that error for the end of the run.

        What was read before it is enriched and written as usual: exit 2 comes after the summary.
        """
        try:
            yield from rows
        except InputError as exc:
            self.input_error = exc

    def _described(self, store: Store) -> dict[str, Any]:
        assert self.settings is not None
        assert self.enricher is not None
        return {
            **self.settings.describe(),
            "sandbox": self.job.sandbox,
            "mapping_used": dict(self.mapping.rows()) if self.mapping else {},
            "output_used": dict(self.mapping.output) if self.mapping else {},
            "cache": "off" if self.job.no_cache else str(store.path),
            "workers": self.enricher.options.worker_count(),
            "request_rules": RULES,
        }

    def records(self, items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        """Yield each record with its ls.* keys, in order; raise RunStopped after a stop.

        At most ``prefetch`` answers are bought ahead of what the caller took. Closing the generator
        (``close()``, garbage collection, interpreter exit: see :func:`_close_at_exit`) stops new
        calls and returns once the answers on the wire are stored, within the call timeout.
        """
        job = self.job
        env = self._environment()
        sweep_temp_folders()
        with sandbox_for(job.sandbox) as sb:
            settings = self.settings = self._settings(env, sb)
            try:
                source = records_source(items)
                first = next(source.rows, None)
            except KeyboardInterrupt:  # while the first records are read ahead: as after a call
                raise Interrupted(
                    "Interrupted before any call: nothing was bought.", ExitCode.INTERRUPTED
                ) from None
            if first is None:
                return  # no records in, none out (an empty query today), whatever the mapping
            source.rows = itertools.chain([first], source.rows)
            m = self._mapping(source)
            source.rows = text_only(source.rows, m.columns_used())  # bytes where text is sent: refused
            ls = self._ls_columns(m)
            build = builder(m, source)
            with self._engine(env, settings, sb, stop_reading=True, prefetch=job.prefetch) as (
                store,
                client,
                options,
            ):
                enricher = self._enricher(env, settings, sb, store, client, options)
                pipeline = enricher.run(self._rows(source), build)
                try:
                    for row, result in pipeline:
                        yield ls.record({"_record": row.raw} if row.raw is not None else row.record, result)
                except KeyboardInterrupt:  # met here rather than in the pipeline: the same stop
                    enricher.interrupt()
                finally:
                    # The caller stopped early (break, an exception, close, the generator dropped):
                    # no new call; those on the wire are paid for, so their answers are awaited and
                    # stored. While the interpreter shuts down, threads can no longer run: nothing
                    # can be awaited then (the exit hook closed live generators before that).
                    if sys.is_finalizing():
                        enricher.abandon()
                        pipeline.close()
                    else:
                        enricher.close()
                        _drain(pipeline)
                reason = enricher.stop_reason
                if reason is not None:
                    raise stop_error(reason.code, reason.message)
                if self.input_error is not None:
                    raise self.input_error


def _drain(pipeline: Iterator[object]) -> None:
    for _ in pipeline:
        pass
