"""The Python API's doors: :func:`enrich_records` and :func:`enrich_file`, over the same Run as the CLI."""

from __future__ import annotations

import atexit
import contextlib
import os
import weakref
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Unpack

from leadspace_cli.app.job import EnrichOptions, Job, MappingSpec
from leadspace_cli.app.run import Run
from leadspace_cli.app.summary import Summary
from leadspace_cli.errors import SettingsError

# The generators of enrich_records still open: closed at interpreter exit, while the threads that
# await their calls can still run (atexit handlers run before daemon threads are stopped; a
# generator left to the interpreter's final clean-up would wait for threads that no longer run).
_LIVE: weakref.WeakSet[Iterator[dict[str, Any]]] = weakref.WeakSet()


@atexit.register
def _close_at_exit() -> None:
    for generator in list(_LIVE):
        with contextlib.suppress(Exception):
            generator.close()  # type: ignore[attr-defined]


# The options of a file's reading or writing, and the run's summary file: enrich_file's alone.
_FILE_ONLY = (
    *("report", "input_format", "output_format", "encoding", "delimiter", "sheet", "include_hidden"),
    *("header_row", "bom"),
)


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

    Values that are not text are sent as a person writes them (``42.0`` as ``42``, dates as ISO
    dates, None and NaN empty), except bytes, which are not guessed at (Latin-1? a binary id?): a
    ``bytes``, ``bytearray`` or ``memoryview`` in a column that is sent raises
    :class:`~leadspace_cli.errors.InputError` naming the record (counted from 1) and the column:
    decode it first (``value.decode("utf-8")``). Among the first 1,000 records that is before any
    call; later, after the records before it were yielded. Bytes in a column not sent are returned
    as they are.

    Raises :class:`~leadspace_cli.errors.RunStopped` (``CredentialsRejected``, ``CreditsExhausted``,
    ``APIStopped``, ``Interrupted``) after yielding the records read before the stop, and
    :class:`~leadspace_cli.errors.LeadspaceError` for bad settings or a bad mapping.

    >>> for row in enrich_records([{"Company": "Acme"}], sandbox=True):  # doctest: +SKIP
    ...     print(row["ls.result"], row["ls.company.name"])
    """
    files = [name for name in _FILE_ONLY if options.get(name) not in (None, False)]
    if files:
        raise SettingsError(
            f"enrich_records takes records and yields them: {', '.join(f'{n}=' for n in files)} "
            f"{'is' if len(files) == 1 else 'are'} for a file (enrich_file takes "
            f"{'it' if len(files) == 1 else 'them'}); leave {'it' if len(files) == 1 else 'them'} out."
        )
    job = Job(mapping=mapping, **options)
    generator = Run(job).records(records)
    _LIVE.add(generator)
    return generator


def enrich_file(
    input: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    mapping: MappingSpec = None,
    **options: Unpack[EnrichOptions],
) -> Summary:
    """Do exactly what ``leadspace enrich INPUT -o OUTPUT`` does and return the run's summary.

    The summary has ``exit_code`` (the README's exit codes: a stop by 401, 427 or an interrupt is
    a code, not an exception: after Ctrl-C the output is written and ``exit_code`` is 130),
    ``by_result`` and the counts the CLI prints. Raises
    :class:`~leadspace_cli.errors.LeadspaceError` (exit code 2) for bad input, mapping or settings.
    """
    job = Job(input=os.fspath(input), output=os.fspath(output), mapping=mapping, **options)
    run = Run(job)
    # Ctrl-C (a notebook's "interrupt kernel") stops as the CLI's does: the answers on the wire are
    # awaited, every row is written, and the summary says 130.
    with run.signals():
        return run.execute()
