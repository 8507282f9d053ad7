"""How a run is put together: settings, mapping, ledger, claims, store, client and pacing for a job.

A base of :class:`~leadspace_cli.app.run.Run`, which declares the state these methods share."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from leadspace_cli.api.client import Client
from leadspace_cli.api.columns import LsColumns
from leadspace_cli.api.connection import Settings
from leadspace_cli.app.fleet import open_fleet
from leadspace_cli.app.job import Job
from leadspace_cli.app.settings import (
    budget_tz,
    cache_folder,
    check_dotenv,
    credit_caps,
    load_environment,
    others_file,
    redis_settings,
    resolve,
    runtime_folder,
    state_folder,
)
from leadspace_cli.engine.attempts import LedgerBudget, RetryPolicy
from leadspace_cli.engine.claims import Claims, open_claims
from leadspace_cli.engine.fleet import Fleet
from leadspace_cli.engine.fleet_parts import FleetClaims, FleetLedger, fleet_pace
from leadspace_cli.engine.identity import Identity, identity_for
from leadspace_cli.engine.ledger import Limit, LocalLedger, open_ledger, period_start
from leadspace_cli.engine.pace_file import shared_pace_path
from leadspace_cli.engine.pacing import RateLimiter
from leadspace_cli.engine.pipeline import Enricher, Options
from leadspace_cli.engine.store import Store, open_store
from leadspace_cli.errors import InputError
from leadspace_cli.formats.rows import Row, Source
from leadspace_cli.mapping.judge import detect_source
from leadspace_cli.mapping.spec import Mapping as ColumnMapping
from leadspace_cli.mapping.spec import check, from_table, load
from leadspace_cli.results import Result
from leadspace_cli.sandbox import Sandbox


class Wiring:
    """The wiring of a run's parts; :class:`~leadspace_cli.app.run.Run` runs them."""

    job: Job
    environ: Mapping[str, str] | None
    note: Callable[[str], None]
    warn: Callable[[str], None]
    enricher: Enricher | None
    settings: Settings | None
    mapping: ColumnMapping | None
    ledger: LocalLedger | None
    fleet: Fleet | None
    _fleet_ledger: FleetLedger | None
    _shared_limits: bool
    claims: Claims
    identity: Identity | None
    _interrupts: list[bool]

    def _environment(self) -> dict[str, str]:
        job = self.job
        env = load_environment(self.environ, dotenv=job.dotenv)
        given = set()
        if job.base_url or job.settings is not None or job.sandbox:
            given.add("LEADSPACE_BASE_URL")  # a flag's (or the sandbox's) address is the one used
        if job.cache_dir or job.no_cache:
            given.add("LEADSPACE_CACHE_DIR")
        check_dotenv(env, given=given, credentials_given=job.api_key is not None or job.settings is not None)
        if not job.sandbox:
            redis_settings(env, job.ca_bundle)  # a Redis URL that is refused says so before any file is read
        for name in env.ignored:
            self.warn(
                f"Ignored {name} in {env.dotenv_path}: a .env gives LEADSPACE_* settings only; set "
                f"{name} in the environment."
            )
        return env

    def _settings(self, env: dict[str, str], sb: Sandbox | None) -> Settings:
        job = self.job
        if sb is not None:  # the embedded sandbox: no notice about where the calls go
            if job.base_url:  # given beside --sandbox: said, not silently dropped
                self.note(
                    f"Note: --base-url {job.base_url} is not used: --sandbox calls its own local sandbox."
                )
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
            how = "detected from the headers and first rows"
        elif isinstance(spec, Mapping):
            m = from_table(dict(spec), "the mapping")
            how = "given"
        else:
            m = load(os.fspath(spec))
            how = f"from {os.fspath(spec)}"
            if problem := others_file(Path(os.fspath(spec))):
                self.warn(
                    f"Warning: {problem}: it decides what every row sends; check it, or keep your "
                    "mapping in a folder of your own."
                )
        check(m, source.columns, None if spec is None else how.removeprefix("from "))
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

    def _without_old_answers(self, source: Source, m: ColumnMapping, ls: LsColumns) -> None:
        """Leave out the input's columns named as the mapping's [output] names an answer's column (last
        month's output enriched again: one set of answer columns, the new ones, as with ``ls.*``);
        refuse a name that is one of the columns the mapping sends (two columns of one name)."""
        renamed = {name for name in ls.header if not name.startswith("ls.")}
        clash = [c for c in source.columns if c in renamed]
        if not clash:
            return
        # An earlier output: it held ls.* answers, or this mapping's renamed result column holding
        # results (an input column of that name holding anything else is the user's own: refused).
        earlier = source.answered or (ls.header[0] in clash and self._results_in(source, ls.header[0]))
        if own := [c for c in clash if c in m.columns_used() or not earlier]:
            raise InputError(
                f"The mapping's [output] table names an answer's column {own[0]!r}, which is one of the "
                "input's own columns: give the answer's column another name in [output]."
            )
        self.note(
            f"Note: {', '.join(repr(c) for c in clash)} in the input {'is' if len(clash) == 1 else 'are'} "
            "named as the mapping's [output] names answer columns (an earlier run's output?): written once, "
            "with this run's answers."
        )
        keep = [i for i, c in enumerate(source.columns) if c not in renamed]
        if source.header is not None:
            source.header = [source.header[i] for i in keep]
        source.columns = [source.columns[i] for i in keep]
        rows = source.rows

        def without() -> Iterator[Row]:
            for row in rows:
                if row.cells:
                    typed = None if row.typed is None else [row.typed[i] for i in keep]
                    row = row._replace(cells=[row.cells[i] for i in keep if i < len(row.cells)], typed=typed)
                elif row.record:
                    row = row._replace(record={k: v for k, v in row.record.items() if k not in renamed})
                yield row

        source.rows = without()

    @staticmethod
    def _results_in(source: Source, column: str, sample: int = 200) -> bool:
        """Whether ``column``'s values in the first rows are all results (ok, failed, ...), at least
        one; the rows read are put back."""
        head = list(itertools.islice(source.rows, sample))
        source.rows = itertools.chain(head, source.rows)
        at = source.columns.index(column)
        seen = {
            str(
                row.cells[at] if row.cells and at < len(row.cells) else row.record.get(column, "") or ""
            ).strip()
            for row in head
        } - {""}
        return bool(seen) and seen <= {r.value for r in Result}

    def _options(self, env: Mapping[str, str], store: Store | None = None) -> Options:
        job = self.job
        cap, name, period = self._credit_cap(env, store)
        return Options(
            rate=job.rate,
            retry=RetryPolicy(outage_limit=job.outage_seconds),
            max_retries=job.max_retries,
            workers=job.workers,
            dry_run=job.dry_run,
            retry_invalid=job.retry_invalid,
            max_credits=cap,
            max_credits_name=name,
            max_credits_period=period,
        )

    def _credit_cap(self, env: Mapping[str, str], store: Store | None) -> tuple[int | None, str, str | None]:
        """Return the credits this run may spend, the setting that says so (the smallest) and its
        period ("day", "month"; None for a cap per run)."""
        job = self.job
        caps: list[tuple[int, str, str | None]] = []
        for cap in credit_caps(
            env,
            per_run=job.max_credits,
            per_day=job.max_credits_per_day,
            per_month=job.max_credits_per_month,
        ):
            if cap.period is None:
                caps.append((cap.credits, f"{cap.source} {cap.credits}", None))
                continue
            shared = self._shared_budget(env)  # the ledger's count; the sandbox's: the store's
            if shared is not None:
                bought = shared.ledger.spent(shared.program, cap.period)
            else:
                bought = store.bought_since(period_start(cap.period)) if store is not None else 0
            left = max(0, cap.credits - bought)
            caps.append((left, f"{cap.source} {cap.credits}, {bought} already bought in it", cap.period))
        return min(caps, key=lambda c: c[0]) if caps else (None, "", None)

    @contextlib.contextmanager
    def _engine(
        self,
        env: Mapping[str, str],
        settings: Settings,
        sb: Sandbox | None,
        *,
        stop_reading: bool = False,
        prefetch: int | None = None,
    ) -> Iterator[tuple[Store, Client | None, Options]]:
        """Open the store, then (with the options the store's budget figures give) the client."""
        self.ledger = self._open_ledger(env, sb)
        try:
            with self._store(env, settings, sb) as store:
                options = dataclasses.replace(
                    self._options(env, store), stop_reading=stop_reading, prefetch=prefetch
                )
                with self._client(settings, options) as client:
                    yield store, client, options
        finally:
            self.claims.close()
            if self.ledger is not None:
                self.ledger.close()
            if self.fleet is not None:
                self.fleet.close()

    def _open_ledger(self, env: Mapping[str, str], sb: Sandbox | None) -> LocalLedger | None:
        """Open the purchase ledger (not for the sandbox); with a day or month budget set, one that
        cannot be used stops the run here, before any call."""
        caps = credit_caps(
            env, per_day=self.job.max_credits_per_day, per_month=self.job.max_credits_per_month
        )
        if sb is not None:
            return None
        ledger, problem = open_ledger(
            state_folder(env), tz=budget_tz(env), required=any(c.period for c in caps)
        )
        if problem:
            self.warn(f"Note: {problem}.")
        return ledger

    def _shared_budget(self, env: Mapping[str, str]) -> LedgerBudget | None:
        """The ledger, this run's program and its day and month budgets, for every call's reservation."""
        if self.identity is None:
            return None
        job = self.job
        caps = credit_caps(env, per_day=job.max_credits_per_day, per_month=job.max_credits_per_month)
        limits = tuple(Limit(c.credits, c.period, c.source) for c in caps if c.period is not None)
        if self.fleet is not None:  # the fleet's ledger: one budget for every host
            return LedgerBudget(self.fleet_ledger(), self.identity.partition, limits)
        if self.ledger is None:
            return None
        return LedgerBudget(self.ledger, self.identity.partition, limits)

    def fleet_ledger(self) -> FleetLedger:
        """The fleet's ledger (one per run: its holds are this run's)."""
        assert self.fleet is not None
        if self._fleet_ledger is None:
            self._fleet_ledger = FleetLedger(self.fleet, self.ledger)
        return self._fleet_ledger

    def _open_fleet(self, env: Mapping[str, str], settings: Settings, sb: Sandbox | None) -> Fleet | None:
        """Connect to the fleet's Redis (``LEADSPACE_REDIS_URL``): never for the sandbox; unreachable,
        exit 2 before any call (or, with LEADSPACE_REDIS_OPTIONAL, local files and a warning)."""
        if self.identity is None or not env.get("LEADSPACE_REDIS_URL", "").strip():
            return None
        if sb is not None:
            self.note("Note: --sandbox never uses Redis (LEADSPACE_REDIS_URL): its answers stay apart.")
            return None
        budgets = any(
            c.period
            for c in credit_caps(
                env, per_day=self.job.max_credits_per_day, per_month=self.job.max_credits_per_month
            )
        )
        self._shared_limits = budgets
        fleet, warning = open_fleet(
            env,
            partition=self.identity.partition,
            secrets=tuple(settings.secrets()),
            ca_bundle=self.job.ca_bundle,
            tz=budget_tz(env),
        )
        if fleet is None:
            self.warn(warning)
            return None
        own = budget_tz(env)
        if budgets and own and own != fleet.tz:
            self.warn(
                f"Note: the fleet counts days and months in {fleet.tz} (the first run's time zone), "
                f"not LEADSPACE_BUDGET_TZ={own}."
            )
        fleet.on_lost = self._fleet_lost
        self.note(f"Fleet: sharing the pace, budget, claims and answers through Redis at {fleet.url}.")
        return fleet

    def _fleet_lost(self, why: str) -> None:
        budget = self._shared_limits
        then = (
            "a day or month budget is set, so this run buys nothing more (rows left are not_sent)"
            if budget
            else "this run goes on at its last share of the pace, on this machine's files"
        )
        self.warn(f"Warning: {why}: {then}; answers bought are kept in the local store.")

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
        if client is not None and self.fleet is not None:
            limiter = RateLimiter(options.rate, remote=fleet_pace(self.fleet), clock=self.fleet.clock)
            if limiter.problem:
                self.warn(f"Pacing: {limiter.problem}.")
        elif client is not None:
            limiter = RateLimiter(options.rate, shared=self._pace_file(env, settings, sb))
            if limiter.problem:
                self.warn(f"Pacing: {limiter.problem}.")
        enricher = Enricher(
            client,
            store,
            options=options,
            limiter=limiter,
            shared=self._shared_budget(env),
            claims=self.claims,
        )
        self.enricher = enricher
        for terminate in self._interrupts:  # a signal that came while the run was being set up
            enricher.interrupt(terminate=terminate)
        return enricher

    def _pace_file(self, env: Mapping[str, str], settings: Settings, sb: Sandbox | None) -> Path:
        """Return where the runs on this machine that call the same program share its pace."""
        if sb is not None:
            program = f"sandbox@{sb.url}"  # each --sandbox run has its own allowance
        else:
            identity = self.identity or identity_for(
                settings.base_url, api_key=settings.api_key, program_id=settings.program_id
            )
            program = identity.partition if identity is not None else settings.base_url
        return shared_pace_path(program, runtime_folder(env))

    def _store(self, env: Mapping[str, str], settings: Settings, sb: Sandbox | None) -> Store:
        job = self.job
        identity = identity_for(
            settings.base_url,
            api_key=settings.api_key,
            program_id=settings.program_id,
            sandbox=sb is not None,
            links=self.ledger,
        )
        self.identity = identity
        self.fleet = self._open_fleet(env, settings, sb)
        if identity is None:
            self.note(
                "Note: without LEADSPACE_API_KEY or LEADSPACE_PROGRAM_ID the dry run cannot look up the "
                "answers already stored, so it counts every row as a call. Set LEADSPACE_PROGRAM_ID "
                "(no key needed) to see what a rerun would buy."
            )
        folder = None if job.no_cache else cache_folder(env, job.cache_dir)
        store = open_store(folder, max_age=job.max_age_seconds, identity=identity)
        store.remote = None if job.no_cache else self.fleet  # --no-cache: no stored answers at all
        if self.ledger is not None and sb is None:
            ledger = self.ledger
            store.relinker = lambda: identity_for(
                settings.base_url, api_key=settings.api_key, program_id=settings.program_id, links=ledger
            )
        if folder is not None and not job.dry_run:
            self.claims = open_claims(folder)  # beside the store: runs sharing it share the claims
        if self.fleet is not None and folder is not None and not job.dry_run:
            self.claims = FleetClaims(self.fleet, self.claims)  # every host's, the local ones beneath
        elif job.no_cache and not job.dry_run:
            self.note(
                "Note: --no-cache: no claims; another run asking the same questions now may buy them too."
            )
        for text in store.counts.notes:
            self.note(f"Note: {text}")
        return store
