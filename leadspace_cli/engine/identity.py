"""Whose answers: a store partition per program and endpoint, and the canonical request.

A key and a program ID are one customer. When a run knows both, the link between the key's
one-way hash and the program is recorded (:class:`IdentityLinks`, kept in the user's state folder
with the ledger); from then on every run that knows either one uses the program's identity (store,
ledger, claims, pace), and looks up what was stored under the linked keys too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit


def account_id(secret: str) -> str:
    """Return a stable, one-way id of the credentials, for keys and reports."""
    return hashlib.sha256(("leadspace-account\n" + secret).encode()).hexdigest()[:24]


def canonical(body: dict[str, Any]) -> str:
    """Return a request as canonical JSON, without external_id (it is not used to match)."""
    rest = {k: v for k, v in body.items() if k != "external_id"}
    return json.dumps(rest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]", "localhost.localdomain")


def normalize_endpoint(base_url: str) -> str:
    """Return the base URL as one spelling: scheme and host lower-case, no default port or slash.

    The loopback names (localhost, 127.0.0.1, ::1) are one host.
    """
    parts = urlsplit(base_url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host in _LOOPBACK_NAMES or host.startswith("127."):
        host = "loopback"
    port = parts.port
    if port is not None and port != {"https": 443, "http": 80}.get(scheme):
        host = f"{host}:{port}"
    return f"{scheme}://{host}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class Identity:
    """Whose answers a run reads and writes: one partition of the store.

    ``legacy`` lists the (endpoint, account) pairs that leadspace 0.1 built its keys from for the
    same credentials, so that its answers are found and migrated.
    """

    partition: str
    label: str
    legacy: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()  # other partitions of the same customer (its keys' before a link)


class IdentityLinks(Protocol):
    """Where the links between keys (hashed) and programs are kept."""

    def link(self, account: str, endpoint: str, program: str) -> None: ...

    def program_of(self, account: str, endpoint: str) -> str | None: ...

    def accounts_of(self, program: str, endpoint: str) -> list[str]: ...


def identity_for(
    base_url: str,
    *,
    api_key: str | None,
    program_id: str | None,
    sandbox: bool = False,
    links: IdentityLinks | None = None,
) -> Identity | None:
    """Return the store identity of a run's credentials, or None when there are none to key it by.

    With ``links``: a key and a program ID given together are linked; a key alone whose program
    is known takes the program's identity; the program's identity lists its keys' partitions.
    """
    from leadspace_cli.api import fields

    old_endpoint = f"sandbox{fields.ENDPOINT}" if sandbox else base_url.rstrip("/") + fields.ENDPOINT
    legacy = tuple((old_endpoint, account_id(secret)) for secret in (api_key, program_id) if secret)
    if sandbox:
        return Identity("sandbox", "the embedded sandbox", legacy)
    endpoint = normalize_endpoint(base_url)
    account = account_id(api_key) if api_key else None
    if links is not None and account is not None:
        if program_id:
            links.link(account, endpoint, program_id)
        else:
            program_id = links.program_of(account, endpoint)
    if program_id:
        accounts = links.accounts_of(program_id, endpoint) if links is not None else []
        if account is not None and account not in accounts:
            accounts.append(account)
        aliases = tuple(f"key:{a}@{endpoint}" for a in accounts)
        return Identity(
            f"program:{program_id}@{endpoint}", f"program {program_id} at {endpoint}", legacy, aliases
        )
    if account is not None:
        return Identity(f"key:{account}@{endpoint}", f"key …{account[-6:]} (hashed) at {endpoint}", legacy)
    return None


def rowid_of(key: bytes) -> int:
    """Return the store's row id of an answer's 16-byte key: its first 8 bytes (no index holds it twice)."""
    return int.from_bytes(key[:8], "big", signed=True)
