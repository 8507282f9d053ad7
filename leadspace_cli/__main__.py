"""The ``leadspace`` command's entry point: Ctrl-C while the program loads exits 130, quietly.

Loading the command line (typer, rich, the commands) takes a moment; a Ctrl-C in it printed a
KeyboardInterrupt traceback instead of the exit code users script against.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130  # ExitCode.INTERRUPTED, without loading the package's errors first


def main() -> None:
    """Load the command line, then run it."""
    try:
        from leadspace_cli.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted while starting: nothing was done.\n")
        raise SystemExit(INTERRUPTED) from None
    run()


if __name__ == "__main__":
    main()
