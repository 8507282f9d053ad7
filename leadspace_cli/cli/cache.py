"""`leadspace cache info/clear/forget/rekey`: the response store's housekeeping."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from leadspace_cli.app.fleet import open_fleet
from leadspace_cli.app.settings import budget_tz, cache_folder, parse_duration, resolve, state_folder
from leadspace_cli.cli.core import CacheDir, Yes, _boundary, _environment, cache_app, err
from leadspace_cli.engine.erasure import MIN_SUBSTRING, Found, _mentions
from leadspace_cli.engine.fleet import Fleet
from leadspace_cli.engine.identity import Identity, IdentityLinks, identity_for
from leadspace_cli.engine.ledger import FILENAME as LEDGER_FILENAME
from leadspace_cli.engine.ledger import open_ledger
from leadspace_cli.engine.store import FILENAME, Store, open_store, store_exists
from leadspace_cli.errors import (
    ExitCode,
    LeadspaceError,
    SettingsError,
    counted,
)


def _store_for_housekeeping(cache_dir: Path | None) -> Store:
    env = _environment(given=("LEADSPACE_CACHE_DIR",) if cache_dir else ())
    return open_store(cache_folder(env, cache_dir), max_age=0, identity=_identity(env))


def _no_store_yet(cache_dir: Path | None) -> Path | None:
    """Return the cache folder when it holds no store yet (looking creates nothing), else None."""
    env = _environment(given=("LEADSPACE_CACHE_DIR",) if cache_dir else ())
    folder = cache_folder(env, cache_dir)
    return None if store_exists(folder) else folder


def _identity(env: dict[str, str], links: IdentityLinks | None = None) -> Identity | None:
    """The current credentials' partition of the store (None without credentials)."""
    try:
        settings = resolve(env, require_credentials=False)
    except LeadspaceError:
        return None
    return identity_for(
        settings.base_url, api_key=settings.api_key, program_id=settings.program_id, links=links
    )


def _fleet(store: Store) -> Fleet | None:
    """The fleet's Redis for the store's program (None without LEADSPACE_REDIS_URL or credentials)."""
    env = _environment()
    if store.identity.partition == "anonymous":
        return None
    fleet, warning = open_fleet(env, partition=store.identity.partition, before="Stopped")
    if warning:
        err.print(warning, markup=False)
    return fleet


def _fleet_info(store: Store) -> None:
    fleet = _fleet(store)
    if fleet is None:
        return
    with contextlib.closing(fleet):
        fig = fleet.figures()
        memory = f"; Redis memory about {fig.memory_bytes:,} bytes" if fig.memory_bytes is not None else ""
        typer.echo(f"fleet: Redis at {fig.server} ({store.identity.label})")
        typer.echo("  (runs with LEADSPACE_REDIS_URL count their purchases here, not in the ledger above)")
        about = "about " if fig.estimated else ""
        typer.echo(
            f"fleet answers: {about}{fig.answers} ({about}{fig.value_bytes:,} bytes of values{memory})"
        )
        typer.echo(f"fleet erased (tombstones): {fig.tombstones}")
        typer.echo(f"fleet spent today: {fig.day} (days and months counted in {fig.tz})")
        typer.echo(f"fleet spent this month: {fig.month}")
        typer.echo(f"fleet runs pacing now: {fig.runs}")


def _when(stamp: float | None) -> str:
    return "-" if stamp is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))


def _confirm(question: str, yes: bool) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise SettingsError(f"{question} Not on a terminal: pass --yes to confirm.")
    if not typer.confirm(question, default=False, err=True):
        raise typer.Exit(int(ExitCode.OK))


@cache_app.command("info")
def cache_info(cache_dir: CacheDir = None) -> None:
    """Show where the response store is, its answers per program, their age and the bytes on disk.

    Example: leadspace cache info
    """
    with _boundary():
        folder = _no_store_yet(cache_dir)
        if folder is not None:
            typer.echo(f"path: {folder / FILENAME}")
            typer.echo("No response store there yet: the first run that stores an answer creates it.")
            _spend()
            return
    with _boundary(), _store_for_housekeeping(cache_dir) as store:
        info = store.info()
        typer.echo(f"path: {info['path']}")
        typer.echo(f"format: {info['format']}")
        typer.echo(f"answers: {info['answers']}")
        typer.echo(f"bytes: {info['bytes']}")
        typer.echo(f"bytes per answer: {info['bytes_per_answer']}")
        typer.echo(f"oldest: {_when(info['oldest'])}")
        typer.echo(f"newest: {_when(info['newest'])}")
        for p in info["programs"]:
            typer.echo(
                f"  {p['program']}: {p['answers']} answers, {_when(p['oldest'])} to {_when(p['newest'])}"
            )
        _spend()
        _fleet_info(store)


def _move_purchases(env: dict[str, str], old: str, new: str) -> int:
    """Move an old key's purchase lines to the new partition (a rekey: one customer, one budget)."""
    folder = state_folder(env)
    if not os.path.lexists(folder / LEDGER_FILENAME):
        return 0
    ledger, problem = open_ledger(folder, tz=budget_tz(env), required=False)
    if ledger is None:
        typer.echo(f"The ledger's purchases were not moved: {problem}", err=True)
        return 0
    with contextlib.closing(ledger):
        return ledger.move(old, new)


def _spend() -> None:
    """Show today's and this month's credits from the purchase ledger (every run, whatever the store)."""
    env = _environment()
    folder = state_folder(env)
    if not os.path.lexists(folder / LEDGER_FILENAME):  # opened, it would be created
        typer.echo(f"ledger: none yet in {folder} (no purchase recorded)")
        return
    ledger, problem = open_ledger(folder, tz=budget_tz(env), required=False)
    if ledger is None:
        typer.echo(f"ledger: {problem}")
        return
    with contextlib.closing(ledger):
        identity = _identity(env, ledger)
        today, month = ledger.programs("day"), ledger.programs("month")
        typer.echo(f"ledger: {ledger.path}")
        if identity is not None:
            # What the budget counts: the program's purchases and its keys' (review 47 F4).
            typer.echo(f"spent today: {ledger.spent(identity.partition, 'day')}")
            typer.echo(f"spent this month: {ledger.spent(identity.partition, 'month')}")
            family = ledger.family(identity.partition)
            if len(family) > 1:
                typer.echo(f"  (one customer, one budget: {', '.join(family)})")
        for program, n in month.items():
            typer.echo(f"  {program}: {today.get(program, 0)} today, {n} this month")


@cache_app.command("clear")
def cache_clear(
    cache_dir: CacheDir = None,
    older_than: Annotated[str | None, typer.Option(help="Only answers older than this (30d, 12h).")] = None,
    yes: Yes = False,
) -> None:
    """Delete stored answers (all, or the old ones) and give the disk back. Rows are then paid again.

    Example: leadspace cache clear --older-than 90d
    """
    with _boundary():
        age = parse_duration(older_than, "--older-than", "0: every answer") if older_than else None
        folder = _no_store_yet(cache_dir)
        if folder is not None:
            typer.echo(f"No response store in {folder}: nothing to delete.")
            return
    with _boundary(), _store_for_housekeeping(cache_dir) as store:
        what = f"answers older than {older_than}" if older_than else "every stored answer"
        _confirm(f"Delete {what} in {store.path}? They were paid for; rows are bought again.", yes)
        done = store.clear(age)
        deleted = f"Deleted {counted(done.answers, 'stored answer')}"
        if done.answers:
            deleted += f" ({done.answer_bytes:,} bytes, compressed)"
        if not done.compacted:
            typer.echo(f"{deleted}; no bytes given back yet.")
            err.print(
                f"Another run holds the store {store.path} open: its file cannot shrink while it does "
                f"({done.after:,} bytes on disk now). Run this command again once that run has ended "
                "to give the disk back.",
                markup=False,
            )
        elif done.freed:
            typer.echo(f"{deleted}; {done.freed:,} bytes given back: the store is {done.after:,} bytes.")
        else:
            typer.echo(
                f"{deleted}; no whole page came free, so no bytes given back: the store stays "
                f"{done.after:,} bytes (its tables, its compression dictionary and the answers kept)."
            )
        fleet = _fleet(store)
        if fleet is not None:
            with contextlib.closing(fleet):
                typer.echo(f"Deleted {fleet.clear(age)} answers in the fleet's Redis at {fleet.url}.")


@cache_app.command("forget")
def cache_forget(
    text: Annotated[
        str, typer.Argument(help="Text to find in requests and answers: an e-mail address, a name.")
    ],
    cache_dir: CacheDir = None,
    yes: Yes = False,
) -> None:
    """Erase every stored answer about a person or company (a data subject's request).

    Values match whatever their case, accents' encoding or JSON escaping; text under 5 characters
    matches whole values only. Damaged copies of the store that mention it are removed too.

    Example: leadspace cache forget jane.doe@example.com
    """
    with _boundary(), _store_for_housekeeping(cache_dir) as store:
        if len(text.strip()) < 3:
            raise SettingsError("Give at least 3 characters to find (an e-mail address or a name).")
        found = store.find(text.strip())
        fleet = _fleet(store)
        with contextlib.closing(fleet) if fleet is not None else contextlib.nullcontext():
            _forget(store, found, fleet, yes)


def _forget(store: Store, found: Found, fleet: Fleet | None, yes: bool) -> None:
    text = found.text
    elsewhere = f" (and every answer about it in the fleet's Redis at {fleet.url})" if fleet else ""
    if not found.count and not found.damaged:
        if fleet is None:
            typer.echo(f"Nothing stored mentions {text!r}: nothing to erase.")
            return
        typer.echo(f"Nothing stored on this machine mentions {text!r}.")
        _confirm(f"Erase every answer about {text!r} in the fleet's Redis at {fleet.url}?", yes)
        _forget_in_fleet(fleet, store, found)
        return
    how = "as a whole value" if len(text) < MIN_SUBSTRING else "in a value"
    err.print(
        f"{counted(found.count, 'stored answer mentions', 'stored answers mention')} {text!r} ({how}), "
        "for example:",
        markup=False,
    )
    for example in found.examples[:3]:
        err.print(f"  {example[:160]}", markup=False)
    for copy in found.damaged:
        err.print(f"  and the damaged copy {copy} (removed whole)", markup=False)
    _confirm(
        f"Erase these {found.count} stored answers{elsewhere}? They were paid for; rows are bought again.",
        yes,
    )
    if fleet is not None:
        _forget_in_fleet(fleet, store, found)
    if store.forget(found):
        typer.echo(
            f"Erased {counted(found.count, 'stored answer')}; the store's file and log were rewritten "
            "without them."
        )
        return
    err.print(
        f"Deleted {counted(found.count, 'stored answer')}, but another run holds the store "
        f"{store.path} open: "
        "their old copies stay in its file and write-ahead log until that run ends. Run this command "
        "again once it has ended.",
        markup=False,
    )
    raise typer.Exit(int(ExitCode.ROWS_FAILED))


def _forget_in_fleet(fleet: Fleet, store: Store, found: Found) -> None:
    """Erase the person in the fleet's Redis, leaving tombstones (what this store found too)."""
    needle = Found.fold(found.text)
    keys = [store.key(json.loads(request))[0] for request in found.examples if request.startswith("{")]
    n = fleet.forget(lambda request, answer: _mentions(needle, request, answer, ""), keys)
    typer.echo(
        f"Erased {n} answers in the fleet's Redis at {fleet.url} and left tombstones, so that no host "
        "writes them back. Each host's own store keeps its copies: run this command on every host."
    )


@cache_app.command("rekey")
def cache_rekey(
    old_key_env: Annotated[
        str, typer.Option(help="Name of an environment variable that holds the old key (never the key).")
    ],
    cache_dir: CacheDir = None,
) -> None:
    """After a key rotation, file the old key's answers under the current credentials.

    Example: leadspace cache rekey --old-key-env LEADSPACE_OLD_API_KEY
    """
    with _boundary():
        env = _environment(given=("LEADSPACE_CACHE_DIR",) if cache_dir else ())
        old_key = env.get(old_key_env, "").strip()
        if not old_key:
            raise SettingsError(f"{old_key_env} is not set: put the old key in it, e.g. in .env.")
        settings = resolve(env)
        old = identity_for(settings.base_url, api_key=old_key, program_id=None)
        assert old is not None
        with _store_for_housekeeping(cache_dir) as store:
            if store.identity.partition == old.partition:
                raise SettingsError(f"{old_key_env} holds the key in use: nothing to move.")
            n = store.rekey(old)
            moved = _move_purchases(env, old.partition, store.identity.partition)
        typer.echo(f"Filed {counted(n, 'answer')} of the old key under {store.identity.label}.")
        if moved:
            typer.echo(
                f"Its {counted(moved, 'purchase')} in the ledger count in the same day and month budgets."
            )
