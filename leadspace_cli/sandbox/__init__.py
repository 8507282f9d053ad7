"""The stand-in Leadspace API: faithful to the document, local, deterministic."""

from leadspace_cli.sandbox.server import DEFAULT_KEY, Sandbox, SandboxConfig, Stats

__all__ = ["DEFAULT_KEY", "Sandbox", "SandboxConfig", "Stats"]
