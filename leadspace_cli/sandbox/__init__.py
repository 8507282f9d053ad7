"""The stand-in Leadspace API: faithful to the document, local, deterministic."""

from leadspace_cli.sandbox.config import DEFAULT_KEY, SandboxConfig, Stats
from leadspace_cli.sandbox.server import Sandbox

__all__ = ["DEFAULT_KEY", "Sandbox", "SandboxConfig", "Stats"]
