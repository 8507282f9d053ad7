"""The entry point: a Ctrl-C while the command line loads is exit 130, not a traceback."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

from leadspace_cli import __main__ as launch
from leadspace_cli.errors import ExitCode


def test_ctrl_c_while_loading_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = builtins.__import__

    def interrupted(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "leadspace_cli.cli":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "leadspace_cli.cli", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as got:
        launch.main()
    assert got.value.code == ExitCode.INTERRUPTED == launch.INTERRUPTED
    assert "Interrupted while starting" in capsys.readouterr().err
