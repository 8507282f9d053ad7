"""Where the calls go and with what: the resolved settings of the API, and the URL rules."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from leadspace_cli.api import fields
from leadspace_cli.api.redact import mask, redact_url
from leadspace_cli.errors import SettingsError


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one run."""

    api_key: str | None = field(repr=False)  # secrets stay out of repr(), tracebacks and logs
    base_url: str
    program_id: str | None = None
    secret: str | None = field(default=None, repr=False)
    ca_bundle: str | None = None
    token_issued: str | None = None
    proxy: str | None = field(default=None, repr=False)  # HTTPS_PROXY (HTTP_PROXY for http), unless NO_PROXY
    base_url_from: str = "default"  # where the base URL came from: flag, environment, .env, default

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

    @property
    def custom_base_url(self) -> bool:
        """Whether the calls go somewhere else than Leadspace's own API."""
        return self.base_url != fields.DEFAULT_BASE_URL

    def describe(self) -> dict[str, str | None]:
        """Return the settings for a report or diagnostics, secrets redacted."""
        return {
            "base_url": self.base_url,
            "api_key": mask(self.api_key),
            "program_id": self.program_id,
            "auth": "oauth" if self.uses_oauth else "token",
            "ca_bundle": self.ca_bundle,
            "proxy": redact_url(self.proxy),
            "base_url_from": self.base_url_from,
        }


def _proxy_for(url: str, env: Mapping[str, str]) -> str | None:
    """Return the proxy for the API from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, honouring NO_PROXY."""
    host = urlsplit(url).hostname or ""
    if is_loopback(host):
        return None  # a proxy set for the world must not carry calls to this machine
    lower = {k.lower(): v for k, v in env.items()}
    no_proxy = lower.get("no_proxy", "")
    import requests.utils  # on use: a quick --help and --version

    if no_proxy and requests.utils.should_bypass_proxies(url, no_proxy=no_proxy):
        return None
    scheme = urlsplit(url).scheme
    proxy = lower.get(f"{scheme}_proxy") or lower.get("all_proxy")
    return proxy.strip() or None if proxy else None


def is_loopback(host: str) -> bool:
    """Return whether a host name or address is on this machine's loopback.

    Of the names only ``localhost`` itself counts: ``anything.localhost`` is loopback only where the
    resolver says so (RFC 6761 asks, not all resolvers obey), and ``/etc/hosts`` can send any name
    elsewhere; the key travels in clear over plain http, so a name is not taken on trust.
    """
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """Return the base URL without a trailing slash; refuse plain http off loopback.

    The URL is judged with the parser the HTTP library uses (urllib3's), and refused when Python's
    own parser reads another host from it: ``http://evil.example\\@127.0.0.1`` must not pass as
    loopback and then be sent to evil.example.
    """
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url

    text = url.strip()
    parts = urlsplit(text)
    try:
        sent = parse_url(text)
    except LocationParseError:
        sent = None
    if parts.scheme not in ("http", "https") or not parts.hostname or sent is None or not sent.host:
        raise SettingsError(f"LEADSPACE_BASE_URL {url!r} is not a URL: use e.g. {fields.DEFAULT_BASE_URL}")
    if "?" in text or "#" in text:
        raise SettingsError(
            f"LEADSPACE_BASE_URL {url!r} holds a query or a fragment ('?' or '#'), which would change "
            f"the address the calls go to: give the API's address alone, e.g. {fields.DEFAULT_BASE_URL}"
        )
    if "\\" in text or "@" in parts.netloc or sent.host.strip("[]").lower() != parts.hostname.lower():
        raise SettingsError(
            f"LEADSPACE_BASE_URL {url!r} is ambiguous (a backslash or a user name before the host): give "
            f"the API's address alone, e.g. {fields.DEFAULT_BASE_URL}"
        )
    if parts.scheme == "http" and not is_loopback(sent.host):
        raise SettingsError(
            f"Refusing plain http:// for {sent.host}: the API key would travel unencrypted. "
            "Use https:// (plain http is allowed only for loopback addresses)."
        )
    return text.rstrip("/")
