"""The command line: typer and rich only, over the app layer.

``main`` is the ``leadspace`` entry point; each command lives in the module of its group and is
registered on the one Typer ``app`` when that module is imported here.
"""

from __future__ import annotations

from leadspace_cli.cli import auth, cache, enrich, mapping  # noqa: F401  (registers the commands)
from leadspace_cli.cli.core import app


def main() -> None:
    """Run the command line."""
    app()


__all__ = ["app", "main"]
