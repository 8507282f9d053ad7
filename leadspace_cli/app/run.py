"""The job and the run: the one entry point behind both doors, the CLI and the Python API.

A :class:`Job` holds every option of a run, typed and frozen, with the documented defaults. A
:class:`Run` wires the input, the mapping, the response store, the client, the pipeline and the
output for one job. :func:`enrich_file` and :func:`enrich_records` are the public doors;
``leadspace enrich`` builds a Job from its options and calls the same Run."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, Unpack

from leadspace_cli.api.client import Client
from leadspace_cli.api.columns import LsColumns
from leadspace_cli.api.connection import Settings
from leadspace_cli.app.job import EnrichOptions, Job, MappingSpec
from leadspace_cli.app.settings import check_dotenv, load_environment, resolve
from leadspace_cli.app.summary import Summary
from leadspace_cli.engine.attempts import RetryPolicy
from leadspace_cli.engine.pacing import RateLimiter, shared_pace_path
from leadspace_cli.engine.pipeline import Enricher, Options
from leadspace_cli.engine.store import Store, identity_for, open_store, parse_age
from leadspace_cli.errors import ExitCode, InputError, OutputError, SettingsError, first_code, stop_error
from leadspace_cli.formats.outfile import OutputFile, output_format
from leadspace_cli.formats.pyrecords import records_source
from leadspace_cli.formats.rows import Source
from leadspace_cli.formats.sources import open_source
from leadspace_cli.formats.writers import RowWriter, SheetRowWriter
from leadspace_cli.formats.xlsx import check_size
from leadspace_cli.mapping.body import builder
from leadspace_cli.mapping.detect import detect, detect_source
from leadspace_cli.mapping.spec import Mapping as ColumnMapping
from leadspace_cli.mapping.spec import check, from_table, load
from leadspace_cli.results import Result, Stats
from leadspace_cli.sandbox import Sandbox, SandboxConfig


def names_a_field(name: str) -> bool:
    """Whether a header cell names a request field: how a workbook's header row is told from a title."""
    return bool(list(detect([name]).rows()))


class Progress(Protocol):
    """What a run tells as it goes (the CLI's progress bar; nothing by default)."""

    def start(self, total: int | None, stats: Stats) -> None: ...

    def row_done(self, result: Result) -> None: ...

    def stop(self) -> None: ...


class NoProgress:
    """No progress shown: the Python API, --quiet, tests."""

    def start(self, total: int | None, stats: Stats) -> None:
        pass

    def row_done(self, result: Result) -> None:
        pass

    def stop(self) -> None:
        pass


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


def _day_start() -> float:
    now = time.localtime()
    return time.mktime((now.tm_year, now.tm_mon, now.tm_mday, 0, 0, 0, 0, 0, -1))


def _month_start() -> float:
    now = time.localtime()
    return time.mktime((now.tm_year, now.tm_mon, 1, 0, 0, 0, 0, 0, -1))


def _path(value: str | os.PathLike[str] | None) -> Path | None:
    return None if value is None else Path(value)


class Run:
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

    # Wiring.

    def _environment(self) -> dict[str, str]:
        job = self.job
        env = load_environment(self.environ, dotenv=job.dotenv)
        given = set()
        if job.base_url or job.settings is not None or job.sandbox:
            given.add("LEADSPACE_BASE_URL")  # a flag's (or the sandbox's) address is the one used
        if job.cache_dir or job.no_cache:
            given.add("LEADSPACE_CACHE_DIR")
        check_dotenv(env, given=given, credentials_given=job.api_key is not None or job.settings is not None)
        for name in env.ignored:
            self.warn(
                f"Ignored {name} in {env.dotenv_path}: a .env gives LEADSPACE_* settings only; set "
                f"{name} in the environment."
            )
        return env

    def _settings(self, env: dict[str, str], sb: Sandbox | None) -> Settings:
        job = self.job
        if sb is not None:  # the embedded sandbox: no notice about where the calls go
            return resolve({}, api_key=sb.key, base_url=sb.url, ca_bundle=job.ca_bundle)
        settings = job.settings or resolve(
            env,
            api_key=job.api_key,
            base_url=job.base_url,
            ca_bundle=job.ca_bundle,
            require_credentials=not job.dry_run,
        )
        if settings.custom_base_url:
            # Before the first call: where the key is about to go, and which setting says so; a
            # .env in the working folder (which anyone who can write there controls) even if quiet.
            tell = self.warn if settings.base_url_from.startswith(".env") else self.note
            tell(f"Calling {settings.base_url} (set by {settings.base_url_from}), not Leadspace's API.")
        return settings

    def _mapping(self, source: Source) -> ColumnMapping:
        spec = self.job.mapping
        if spec is None:
            m = detect_source(source)
            how = "detected from the headers"
        elif isinstance(spec, Mapping):
            m = from_table(dict(spec), "the mapping")
            how = "given"
        else:
            m = load(os.fspath(spec))
            how = f"from {os.fspath(spec)}"
        check(m, source.columns)
        pairs = ", ".join(f"{col!r} → {path}" for path, col in m.rows())
        self.note(f"Mapping ({how}): {pairs}")
        for text in m.notes:
            self.note(f"Note: {text}")
        for path, col in m.rows():
            if col in source.hidden_columns:
                self.note(f"Note: column {col!r} (sent as {path}) is hidden in the sheet: check it is meant.")
        self.mapping = m
        return m

    def _ls_columns(self, m: ColumnMapping) -> LsColumns:
        only = self.job.column_list() or (list(m.output) if m.output else None)
        return LsColumns(only, m.output, excel_safe=self.job.excel_safe)

    def _options(self, env: Mapping[str, str], store: Store | None = None) -> Options:
        job = self.job
        cap, name = self._credit_cap(env, store)
        return Options(
            rate=job.rate,
            retry=RetryPolicy(outage_limit=parse_age(job.outage_limit)),
            max_retries=job.max_retries,
            workers=job.workers,
            dry_run=job.dry_run,
            retry_invalid=job.retry_invalid,
            max_credits=cap,
            max_credits_name=name,
        )

    def _credit_cap(self, env: Mapping[str, str], store: Store | None) -> tuple[int | None, str]:
        """Return the credits this run may spend, and the setting that says so (the smallest)."""
        job = self.job
        caps: list[tuple[int, str]] = []
        for value, flag, var, since in (
            (job.max_credits, "--max-credits", "LEADSPACE_MAX_CREDITS", None),
            (job.max_credits_per_day, "--max-credits-per-day", "LEADSPACE_MAX_CREDITS_PER_DAY", _day_start),
            (
                job.max_credits_per_month,
                "--max-credits-per-month",
                "LEADSPACE_MAX_CREDITS_PER_MONTH",
                _month_start,
            ),
        ):
            if value is None and env.get(var, "").strip():
                raw = env[var].strip()
                if not raw.isdigit():
                    raise SettingsError(f"{var}={raw!r} is not a whole number of credits.")
                value, flag = int(raw), var
            if value is None:
                continue
            if since is None:
                caps.append((value, f"{flag} {value}"))
            else:
                bought = store.bought_since(since()) if store is not None else 0
                caps.append((max(0, value - bought), f"{flag} {value}, {bought} already bought in it"))
        return min(caps) if caps else (None, "")

    @contextlib.contextmanager
    def _engine(
        self, env: Mapping[str, str], settings: Settings, sb: Sandbox | None, *, stop_reading: bool = False
    ) -> Iterator[tuple[Store, Client | None, Options]]:
        """Open the store, then (with the options the store's budget figures give) the client."""
        with self._store(env, settings, sb) as store:
            options = dataclasses.replace(self._options(env, store), stop_reading=stop_reading)
            with self._client(settings, options) as client:
                yield store, client, options

    def _client(
        self, settings: Settings, options: Options
    ) -> contextlib.AbstractContextManager[Client | None]:
        if self.job.dry_run:  # a dry run has no client at all: nothing can reach the network
            return contextlib.nullcontext()
        return Client(settings, timeout=self.job.timeout, pool_size=options.worker_count())

    def _enricher(
        self,
        env: Mapping[str, str],
        settings: Settings,
        sb: Sandbox | None,
        store: Store,
        client: Client | None,
        options: Options,
    ) -> Enricher:
        limiter = None
        if client is not None:
            limiter = RateLimiter(options.rate, shared=self._pace_file(env, settings, sb))
            if limiter.problem:
                self.warn(f"Pacing: {limiter.problem}.")
        enricher = Enricher(client, store, options=options, limiter=limiter)
        self.enricher = enricher
        for terminate in self._interrupts:  # a signal that came while the run was being set up
            enricher.interrupt(terminate=terminate)
        return enricher

    def _pace_file(self, env: Mapping[str, str], settings: Settings, sb: Sandbox | None) -> Path:
        """Return where the runs on this machine that call the same program share its pace."""
        if sb is not None:
            program = f"sandbox@{sb.url}"  # each --sandbox run has its own allowance
        else:
            identity = identity_for(
                settings.base_url, api_key=settings.api_key, program_id=settings.program_id
            )
            program = identity.partition if identity is not None else settings.base_url
        return shared_pace_path(program, env.get("LEADSPACE_RUNTIME_DIR", "").strip() or None)

    def _store(self, env: Mapping[str, str], settings: Settings, sb: Sandbox | None) -> Store:
        job = self.job
        identity = identity_for(
            settings.base_url,
            api_key=settings.api_key,
            program_id=settings.program_id,
            sandbox=sb is not None,
        )
        if identity is None:
            self.note(
                "Note: without LEADSPACE_API_KEY or LEADSPACE_PROGRAM_ID the dry run cannot look up the "
                "answers already stored, so it counts every row as a call. Set LEADSPACE_PROGRAM_ID "
                "(no key needed) to see what a rerun would buy."
            )
        store = open_store(
            env, no_cache=job.no_cache, cache_dir=_path(job.cache_dir), max_age=job.max_age, identity=identity
        )
        for text in store.counts.notes:
            self.note(f"Note: {text}")
        return store

    def _check_paths(self) -> None:
        """Check every path the run will write before the first call."""
        report = _path(self.job.report)
        if report is not None:
            folder = report.parent
            if report.is_dir():
                raise OutputError(f"--report {report} is a folder: give a file name such as report.json.")
            if not folder.is_dir():
                raise OutputError(f"The folder of --report {report} does not exist: create it first.")

    # The doors.

    def execute(self) -> Summary:
        """Enrich the job's input file into its output file and return the run's summary."""
        job = self.job
        env = self._environment()
        self._check_paths()
        fmt = output_format(job.output, job.output_format)
        with sandbox_for(job.sandbox) as sb:
            settings = self.settings = self._settings(env, sb)
            source = open_source(
                job.input,
                input_format=job.input_format,
                encoding=job.encoding,
                delimiter=job.delimiter,
                sheet=job.sheet,
                include_hidden=job.include_hidden,
                header_row=job.header_row,
                header_hint=names_a_field,
                prescan=True,
            )
            with source:
                for text in source.notes:
                    self.note(f"Note: {text}")
                m = self._mapping(source)
                ls = self._ls_columns(m)
                if fmt == "xlsx":
                    total_rows = source.total
                    if total_rows is not None and job.limit is not None:
                        total_rows = min(total_rows, job.limit)
                    check_size(total_rows, len(source.columns) + len(ls.header), job.output)
                build = builder(m, source)
                with self._engine(env, settings, sb) as (store, client, options):
                    enricher = self._enricher(env, settings, sb, store, client, options)
                    total = source.total if self.count_total else None
                    if total is not None and job.limit is not None:
                        total = min(total, job.limit)
                    started = time.monotonic()
                    with OutputFile(
                        job.output, input_path=job.input, result_column=ls.header[0], fmt=fmt
                    ) as out:
                        writer: RowWriter | SheetRowWriter
                        if fmt == "xlsx":
                            assert out.temp is not None  # OutputFile refuses a stream for a workbook
                            writer = SheetRowWriter(
                                str(out.temp),
                                source.columns,
                                source.kind,
                                ls=ls,
                                sheet=source.sheet,
                                date1904=source.date1904,
                            )
                        else:
                            writer = RowWriter(
                                out.stream,
                                fmt,
                                source.columns,
                                source.kind,
                                ls=ls,
                                keep_rendered=None if job.no_cache else store.put_rendered,
                                bom=job.bom or (fmt == "csv" and source.excel_like),
                                delimiter=source.delimiter,
                            )
                        enricher.render_sig = writer.signature
                        rows = self._guarded(
                            source.rows if job.limit is None else itertools.islice(source.rows, job.limit)
                        )
                        self.progress.start(total, enricher.stats)
                        try:
                            for row, result in enricher.run(rows, build):
                                if not out.closed_by_reader:
                                    out.write_row(writer, row, result)
                                    if out.closed_by_reader:
                                        enricher.stop(
                                            ExitCode.PIPE, "The output's reader went away (closed pipe)."
                                        )
                                self.progress.row_done(result.result)
                        finally:
                            self.progress.stop()
                        writer.finish()
                        out.commit(enricher.stats.by_result[Result.OK])
                    duration = time.monotonic() - started
                summary = Summary.of(enricher, duration, job=job.echo(), settings=self._described(store))
                summary.migrated = store.counts.migrated
                summary.not_stored = store.counts.write_errors
                summary.store_problem = store.counts.last_error
                if self.input_error is not None:
                    summary.input_error = str(self.input_error)
                    summary.exit_code = int(first_code(ExitCode(summary.exit_code), ExitCode.USAGE))
                if out.kept_aside is not None:
                    summary.kept_aside = str(out.kept_aside)
                    summary.kept_ok = out.replaced_ok
                    summary.kept_reason = out.kept_reason
        if job.report is not None:
            summary.write(os.fspath(job.report))
        return summary

    def _guarded(self, rows: Iterator[Any]) -> Iterator[Any]:
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
            "cache": "off" if self.job.no_cache else str(store.path),
            "workers": self.enricher.options.worker_count(),
        }

    def records(self, items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        """Yield each record with its ls.* keys, in order; raise RunStopped after a stop."""
        job = self.job
        env = self._environment()
        with sandbox_for(job.sandbox) as sb:
            settings = self.settings = self._settings(env, sb)
            source = records_source(items)
            m = self._mapping(source)
            ls = self._ls_columns(m)
            build = builder(m, source)
            with self._engine(env, settings, sb, stop_reading=True) as (store, client, options):
                enricher = self._enricher(env, settings, sb, store, client, options)
                rows = self._guarded(
                    source.rows if job.limit is None else itertools.islice(source.rows, job.limit)
                )
                pipeline = enricher.run(rows, build)
                try:
                    for row, result in pipeline:
                        raw = getattr(row, "raw", None)
                        yield ls.record({"_record": raw} if raw is not None else row, result)
                except KeyboardInterrupt:
                    enricher.interrupt()
                    for _ in pipeline:  # the answers already on the wire are stored
                        pass
                    raise stop_error(ExitCode.INTERRUPTED, "Interrupted: run again to finish.") from None
                finally:
                    # The caller stopped early (break, an exception, Ctrl-C in a notebook): stop new
                    # calls and wait for those already paid for, so that their answers are stored.
                    enricher.halt.event.set()
                    for _ in pipeline:
                        pass
                reason = enricher.stop_reason
                if reason is not None:
                    raise stop_error(reason.code, reason.message)
                if self.input_error is not None:
                    raise self.input_error


def enrich_records(
    records: Iterable[Mapping[str, Any]],
    *,
    mapping: MappingSpec = None,
    **options: Unpack[EnrichOptions],
) -> Iterator[dict[str, Any]]:
    """Enrich records (dicts) and yield each with the ``ls.*`` keys of the CSV output, in order.

    ``records`` is any iterable of mappings: a ``csv.DictReader``, ``df.to_dict("records")``, rows
    from a database cursor. It is read lazily, so a generator of a million records stays flat in
    memory (the first 1,000 are read ahead to find the columns). ``mapping`` is a TOML file or the
    same structure as a dict; without it, columns are detected from the keys as in the CLI.
    Options are ``leadspace enrich``'s (:class:`EnrichOptions`). Settings come from the
    environment (``dotenv=True`` also reads ``.env``), or from ``api_key=`` / ``settings=``.

    Raises :class:`~leadspace_cli.errors.RunStopped` (``CredentialsRejected``, ``CreditsExhausted``,
    ``APIStopped``, ``Interrupted``) after yielding the records read before the stop, and
    :class:`~leadspace_cli.errors.LeadspaceError` for bad settings or a bad mapping.

    >>> for row in enrich_records([{"Company": "Acme"}], sandbox=True):  # doctest: +SKIP
    ...     print(row["ls.result"], row["ls.company.name"])
    """
    job = Job(mapping=mapping, **options)
    return Run(job).records(records)


def enrich_file(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    mapping: MappingSpec = None,
    **options: Unpack[EnrichOptions],
) -> Summary:
    """Do exactly what ``leadspace enrich INPUT -o OUTPUT`` does and return the run's summary.

    The summary has ``exit_code`` (the README's exit codes: a stop by 401, 427 or an interrupt is a
    code, not an exception), ``by_result`` and the counts the CLI prints. Raises
    :class:`~leadspace_cli.errors.LeadspaceError` (exit code 2) for bad input, mapping or settings.
    """
    job = Job(input=os.fspath(input), output=os.fspath(output), mapping=mapping, **options)
    return Run(job).execute()
