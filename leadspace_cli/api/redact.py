"""Secrets never shown: masking and redaction of the key, the OAuth secret and tokens."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, quote_plus


def redact_url(url: str | None) -> str | None:
    """Return a URL with any password in it masked (proxies carry them), with a scheme or without.

    ``alice:hunter2@proxy:3128`` is how many set HTTPS_PROXY: the URL is taken apart as the HTTP
    library takes it, and the password replaced.
    """
    if not url:
        return url
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url

    try:
        text = url.strip()
        auth = parse_url(text if "://" in text else "http://" + text).auth  # user:pass@host:port
    except (LocationParseError, ValueError):
        auth = None
    if auth and ":" in auth:
        user = auth.split(":", 1)[0]
        head, sep, tail = url.rpartition("@")  # the password may hold '@' or '/': cut at the last '@'
        scheme = head.split("://", 1)[0] + "://" if "://" in head else ""
        return f"{scheme}{user}:****{sep}{tail}"
    if "@" in url and ":" in url.rpartition("@")[0]:  # unparsable, yet it may hold a password
        return "****@" + url.rpartition("@")[2]
    return url


def mask(secret: str | None) -> str | None:
    """Show only a secret's last four characters."""
    if not secret:
        return None
    return "…" + secret[-4:] if len(secret) > 8 else "****"


MIN_SECRET = 6


_SEEN: set[str] = set()  # secrets met while running (OAuth tokens): masked wherever text is shown


_CORES: set[str] = set()  # a part of each secret that every spelling keeps (for a quick look first)


def register_secret(secret: str | None) -> None:
    """Add a secret (the key, the OAuth secret, a token found at run time) to what is masked in cells."""
    if secret and len(secret.strip()) >= MIN_SECRET:
        _SEEN.add(secret.strip())
        runs = re.findall(r"[A-Za-z0-9]+", secret)
        core = max(runs, key=len) if runs else ""
        _CORES.add(core if len(core) >= 4 else "")  # "": no quick look, every cell is searched


def _forms(secret: str) -> set[str]:
    """Return the ways a secret can appear in a text: as is, URL-encoded (either case of hex),
    JSON-escaped (with or without ``\\/`` for ``/``, non-ASCII escaped or not)."""
    forms = {secret, json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    for encoded in (quote(secret, safe=""), quote_plus(secret)):
        forms |= {encoded, re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), encoded)}
    forms |= {f.replace("/", "\\/") for f in forms}
    return forms


def holds_secret(text: str, secrets: list[str]) -> bool:
    """Return whether a text holds a secret in any of its spellings."""
    return redact(text, secrets) != text


def redact_cells(cells: list[str]) -> list[str]:
    """Mask every registered secret in every cell (an answer echoing the key, an error's text).

    Output rows are written at 10,000 a second from the store, so a row is searched only when a
    part of a secret that every spelling keeps is in it.
    """
    if not _SEEN:
        return cells
    joined = "\x00".join(cells)
    if not any(core in joined for core in _CORES):
        return cells
    return [redact(cell, []) if cell else cell for cell in cells]


def redact(text: str, secrets: list[str]) -> str:
    """Replace every secret (in any of its spellings) and every Bearer token in a text with a mask."""
    stripped = {s.strip() for s in [*secrets, *_SEEN]}
    found = {form for s in stripped if len(s) >= MIN_SECRET for form in _forms(s)}
    # A secret of a few characters would mangle every word it occurs in; real keys are long.
    for form in sorted(found, key=len, reverse=True):
        text = text.replace(form, "[REDACTED]")
    return re.sub(r"(?i)(bearer\s+)[^\s\"',;]+", r"\1[REDACTED]", text)
