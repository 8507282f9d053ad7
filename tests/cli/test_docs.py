"""Docs that cannot drift: every command, flag and exit code named anywhere exists and is documented."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from leadspace_cli.cli.core import app
from leadspace_cli.errors import ExitCode
from tests.conftest import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")
PRODUCT_COMMANDS = {
    "enrich",
    "sandbox",
    "fields",
    "lookup",
    "report",
    "mapping init",
    "mapping check",
    "cache info",
    "cache clear",
    "auth check",
}


def commands() -> Iterator[tuple[str, Any]]:
    """Every command of the app, by its full name (click's objects, as typer builds them)."""

    def walk(group: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        for name, cmd in group.commands.items():
            full = f"{prefix} {name}".strip()
            if hasattr(cmd, "commands"):
                yield from walk(cmd, full)
            else:
                yield full, cmd

    yield from walk(typer.main.get_command(app), "")


COMMANDS = dict(commands())


def all_flags() -> set[str]:
    flags = {"--help", "--version"}
    for cmd in COMMANDS.values():
        for param in cmd.params:
            flags.update(o for o in [*param.opts, *param.secondary_opts] if o.startswith("--"))
    return flags


def test_the_product_commands_exist() -> None:
    assert set(COMMANDS) >= PRODUCT_COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_with_an_example_and_is_in_the_readme(name: str) -> None:
    cmd = COMMANDS[name]
    assert cmd.help, name
    assert "Example: leadspace " + name.split()[0] in cmd.help
    assert f"leadspace {name}" in README
    result = invoke(*name.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


FLAG = re.compile(r"(?<![\w(-])--[a-z][a-z0-9-]+(?![\w-]*\s*:)")  # not CSS: --ink: ..., var(--ink)


def test_every_flag_the_readme_names_exists() -> None:
    named = set(FLAG.findall(README.split("## Development", 1)[0]))
    assert named, "the README names flags"
    missing = named - all_flags()
    assert not missing, f"the README names flags no command has: {sorted(missing)}"


def test_every_flag_a_message_names_exists() -> None:
    named: dict[str, str] = {}
    for path in (ROOT / "leadspace_cli").rglob("*.py"):
        for flag in FLAG.findall(path.read_text(encoding="utf-8")):
            named.setdefault(flag, path.name)
    assert "--mapping" in named  # the scan finds the messages
    missing = {f: where for f, where in named.items() if f not in all_flags()}
    assert not missing, f"messages name flags no command has: {missing}"


def test_the_flag_check_can_fail() -> None:
    assert "--api-key" not in all_flags()  # an old message pointed at it
    assert FLAG.findall("pass --api-key or --mapping FILE") == ["--api-key", "--mapping"]


@pytest.mark.parametrize("code", list(ExitCode))
def test_readme_documents_exit_code(code: ExitCode) -> None:
    assert re.search(rf"^\| {int(code)} \|", README, re.M), code


def test_readme_first_screen_commands_are_the_real_ones() -> None:
    first_screen = "\n".join(README.splitlines()[:30])
    assert "pip install . && leadspace enrich samples/leads.csv -o out.csv --sandbox" in first_screen
    assert "pip install -e '.[test]' && python -m pytest -q" in first_screen
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python -m pytest -q" in ci
