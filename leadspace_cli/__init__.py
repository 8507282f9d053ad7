"""Enrich CSV and JSONL files of leads and accounts through Leadspace's Single Enrichment API.

The Python API, for notebooks, scripts and schedulers (typer and rich are not needed)::

    import leadspace_cli

    for row in leadspace_cli.enrich_records(records, sandbox=True):
        print(row["ls.result"], row["ls.company.name"])

    summary = leadspace_cli.enrich_file("leads.csv", "out.csv")
    print(summary.exit_code, summary.by_result)
"""

__version__ = "0.2.0"

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
from leadspace_cli.report import Summary
from leadspace_cli.run import EnrichOptions, Job, enrich_file, enrich_records
from leadspace_cli.settings import Settings, load_environment, resolve

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
