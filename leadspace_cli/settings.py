"""Settings, resolved in one place, and redaction of secrets."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

from leadspace_cli import fields
from leadspace_cli.errors import SettingsError

ENV_PREFIX = "LEADSPACE_"


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one run."""

    api_key: str | None
    base_url: str
    program_id: str | None = None
    secret: str | None = None
    ca_bundle: str | None = None
    token_issued: str | None = None

    @property
    def endpoint(self) -> str:
        """The enrichment URL."""
        return self.base_url + fields.ENDPOINT

    @property
    def uses_oauth(self) -> bool:
        """Whether OAuth 2.0 (program ID and secret) is used instead of a perpetual token."""
        return self.api_key is None and self.program_id is not None

    def secrets(self) -> list[str]:
        """Return every secret value, for redaction."""
        return [s for s in (self.api_key, self.secret) if s]

    def describe(self) -> dict[str, str | None]:
        """Return the settings for a report or diagnostics, secrets redacted."""
        return {
            "base_url": self.base_url,
            "api_key": mask(self.api_key),
            "program_id": self.program_id,
            "auth": "oauth" if self.uses_oauth else "token",
            "ca_bundle": self.ca_bundle,
        }


def load_environment(
    environ: Mapping[str, str] | None = None, dotenv_path: Path | None = None, *, dotenv: bool = True
) -> dict[str, str]:
    """Return the environment, with ``.env`` in the working folder beneath it when ``dotenv``.

    The environment wins over ``.env``. Values are taken literally: ``${VAR}`` in a ``.env`` is not
    expanded, so a ``.env`` cannot copy a secret from the environment into another setting.
    """
    merged: dict[str, str] = {}
    if dotenv:
        path = dotenv_path if dotenv_path is not None else Path.cwd() / ".env"
        if path.is_file():
            values = dotenv_values(path, interpolate=False)
            merged.update({k: v for k, v in values.items() if v is not None})
    merged.update(os.environ if environ is None else environ)
    return merged


def resolve(
    env: Mapping[str, str],
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    ca_bundle: str | None = None,
    require_credentials: bool = True,
) -> Settings:
    """Resolve the settings: a flag, then the environment (with ``.env`` beneath it), then default.

    ``env`` is what :func:`load_environment` returns. Raises SettingsError with the fix when a
    setting is missing or unsafe.
    """

    def pick(flag: str | None, name: str) -> str | None:
        if flag is not None and flag.strip():
            return flag.strip()
        value = env.get(ENV_PREFIX + name, "").strip()
        return value or None

    key = pick(api_key, "API_KEY")
    program_id = pick(None, "PROGRAM_ID")
    secret = pick(None, "SECRET")
    url = check_base_url(pick(base_url, "BASE_URL") or fields.DEFAULT_BASE_URL)
    bundle = ca_bundle or env.get("REQUESTS_CA_BUNDLE") or env.get("CURL_CA_BUNDLE") or None
    if bundle is not None and not Path(bundle).is_file():
        raise SettingsError(
            f"The CA bundle {bundle} does not exist: point REQUESTS_CA_BUNDLE or --ca-bundle at a PEM file."
        )
    if require_credentials and key is None:
        if program_id is None and secret is None:
            raise SettingsError(
                "No API key: set LEADSPACE_API_KEY in the environment or in a .env file in this "
                "folder (or try the tool with --sandbox)."
            )
        if program_id is None or secret is None:
            missing = "LEADSPACE_SECRET" if program_id else "LEADSPACE_PROGRAM_ID"
            raise SettingsError(f"OAuth needs both LEADSPACE_PROGRAM_ID and LEADSPACE_SECRET: set {missing}.")
    return Settings(
        api_key=key,
        base_url=url,
        program_id=program_id,
        secret=secret,
        ca_bundle=bundle,
        token_issued=pick(None, "TOKEN_ISSUED"),
    )


def is_loopback(host: str) -> bool:
    """Return whether a host name or address is on this machine's loopback."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """Return the base URL without a trailing slash; refuse plain http off loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"LEADSPACE_BASE_URL {url!r} is not a URL: use e.g. {fields.DEFAULT_BASE_URL}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise SettingsError(
            f"Refusing plain http:// for {parts.hostname}: the API key would travel unencrypted. "
            "Use https:// (plain http is allowed only for loopback addresses)."
        )
    return url.strip().rstrip("/")


def mask(secret: str | None) -> str | None:
    """Show only a secret's last four characters."""
    if not secret:
        return None
    return "…" + secret[-4:] if len(secret) > 8 else "****"


MIN_SECRET = 6


def redact(text: str, secrets: list[str]) -> str:
    """Replace every secret and every Bearer token in a text with a mask."""
    for s in sorted(secrets, key=len, reverse=True):
        # A secret of a few characters would mangle every word it occurs in; real keys are long.
        if len(s) >= MIN_SECRET:
            text = text.replace(s, "[REDACTED]")
    return re.sub(r"(?i)(bearer\s+)[^\s\"',;]+", r"\1[REDACTED]", text)
