"""Enrich CSV and JSONL files of leads and accounts through Leadspace's Single Enrichment API.

The Python API, for notebooks, scripts and schedulers (typer and rich are not needed)::

    import leadspace_cli

    for row in leadspace_cli.enrich_records(records, sandbox=True):
        print(row["ls.result"], row["ls.company.name"])

    summary = leadspace_cli.enrich_file("leads.csv", "out.csv")
    print(summary.exit_code, summary.by_result)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from leadspace_cli.errors import (
    APIStopped,
    CredentialsRejected,
    CreditsExhausted,
    ExitCode,
    InputError,
    Interrupted,
    LeadspaceError,
    MappingError,
    OAuthError,
    OutputError,
    RunStopped,
    SettingsError,
    StoreError,
)
from leadspace_cli.version import __version__

if TYPE_CHECKING:
    from leadspace_cli.api.connection import Settings
    from leadspace_cli.app.job import EnrichOptions, Job
    from leadspace_cli.app.library import enrich_file, enrich_records
    from leadspace_cli.app.settings import load_environment, resolve
    from leadspace_cli.app.summary import Summary

# The engine (requests, openpyxl, ...) is imported when first used, not when the package is: the
# command line's --version and --help, and a script that only catches these errors, start fast.
_LAZY = {
    "Settings": "leadspace_cli.api.connection",
    "EnrichOptions": "leadspace_cli.app.job",
    "Job": "leadspace_cli.app.job",
    "enrich_file": "leadspace_cli.app.library",
    "enrich_records": "leadspace_cli.app.library",
    "load_environment": "leadspace_cli.app.settings",
    "resolve": "leadspace_cli.app.settings",
    "Summary": "leadspace_cli.app.summary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'leadspace_cli' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "APIStopped",
    "CredentialsRejected",
    "CreditsExhausted",
    "EnrichOptions",
    "ExitCode",
    "InputError",
    "Interrupted",
    "Job",
    "LeadspaceError",
    "MappingError",
    "OAuthError",
    "OutputError",
    "RunStopped",
    "Settings",
    "SettingsError",
    "StoreError",
    "Summary",
    "__version__",
    "enrich_file",
    "enrich_records",
    "load_environment",
    "resolve",
]
