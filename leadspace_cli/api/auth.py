"""Authentication: the perpetual token, or Leadspace's OAuth 2.0 exchange.

The exchange is the help centre's "API v3 OAuth 2.0 Diagram": POST /oauth/authorize with the program
ID and secret for a token, PUT with the refresh token to renew it.
"""

from __future__ import annotations

import json
import re
import threading
import time
import zlib
from typing import Protocol

import requests

from leadspace_cli.api import fields
from leadspace_cli.api.redact import redact, register_secret
from leadspace_cli.errors import OAuthError

CONNECT_TIMEOUT = 10.0

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # an answer's text is shown


MAX_OAUTH_ANSWER = 8 * 1024 * 1024  # a token answer is a few hundred bytes; unpacked, never more than this


def _capped_body(resp: requests.Response, url: str) -> bytes:
    """Return a streamed answer's body, unpacked, refusing one over MAX_OAUTH_ANSWER unpacked.

    Unpacked here, a chunk at a time with a ceiling, rather than by requests: a 2 MB gzip body can
    unpack to gigabytes, and ``resp.json()`` would hold all of it at once.
    """
    too_big = OAuthError(
        f"The OAuth endpoint at {url} answered with more than {MAX_OAUTH_ANSWER // 2**20} MiB: refused (a "
        "token answer is a few hundred bytes). Check LEADSPACE_BASE_URL."
    )
    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_OAUTH_ANSWER:
        raise too_big
    coding = resp.headers.get("Content-Encoding", "").strip().lower()
    if coding in ("gzip", "x-gzip", "deflate"):
        unpack: zlib._Decompress | None = zlib.decompressobj(zlib.MAX_WBITS | (16 if "gzip" in coding else 0))
    elif coding in ("", "identity"):
        unpack = None
    else:
        raise OAuthError(
            f"The OAuth endpoint at {url} answered in an encoding leadspace did not ask for ({coding}). "
            "Check LEADSPACE_BASE_URL."
        )
    body = bytearray()
    try:
        while chunk := resp.raw.read(64 * 1024, decode_content=False):
            while chunk:
                if unpack is None:
                    body += chunk
                    chunk = b""
                else:
                    body += unpack.decompress(chunk, MAX_OAUTH_ANSWER + 1 - len(body))
                    chunk = unpack.unconsumed_tail
                if len(body) > MAX_OAUTH_ANSWER:
                    raise too_big
    except (zlib.error, requests.RequestException, OSError, ValueError) as exc:
        raise OAuthError(
            f"The OAuth endpoint at {url} sent an answer that cannot be read ({type(exc).__name__}). "
            "Check LEADSPACE_BASE_URL."
        ) from None
    return bytes(body)


class Auth(Protocol):
    """Gives the Authorization header, and renews it once after a 401 where it can."""

    def header(self) -> str: ...

    def renew(self, rejected: str) -> bool: ...


class TokenAuth:
    """The perpetual token."""

    def __init__(self, key: str) -> None:
        self._header = f"Bearer {key}"

    def header(self) -> str:
        return self._header

    def renew(self, rejected: str) -> bool:
        return False


class OAuth:
    """OAuth 2.0 as Leadspace does it: POST /oauth/authorize for a token, PUT to renew it.

    The token is kept in memory until shortly before ``expiration`` and renewed with the refresh
    token; a 401 renews it once before the credentials are declared bad.
    """

    EARLY = 300.0  # renew this many seconds before expiry

    def __init__(
        self, session: requests.Session, base_url: str, program_id: str, secret: str, timeout: float
    ) -> None:
        self._session = session
        self._url = base_url + fields.OAUTH_ENDPOINT
        self._program_id = program_id
        self._secret = secret
        self._timeout = timeout
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh: str | None = None
        self._expires = 0.0
        self._refusal = ""  # what the endpoint said when it last refused
        self.fetches = 0

    def _exchange(self, method: str, body: dict[str, str]) -> bool:
        try:
            resp = self._session.request(
                method,
                self._url,
                json=body,
                headers={"Accept-Encoding": "gzip, deflate"},
                timeout=(CONNECT_TIMEOUT, self._timeout),
                allow_redirects=False,
                stream=True,
            )
        except requests.RequestException as exc:
            raise OAuthError(f"Cannot reach {self._url} for an OAuth token: {type(exc).__name__}") from None
        self.fetches += 1
        with resp:
            if resp.status_code in (400, 401, 403):
                self._refusal = self._reason(resp)
                return False
            raw = _capped_body(resp, self._url)
        try:
            data = json.loads(raw)
            token, refresh, expiration = data["token"], data.get("refreshToken"), float(data["expiration"])
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise OAuthError(
                f"The OAuth endpoint answered HTTP {resp.status_code} without a token: check "
                "LEADSPACE_BASE_URL."
            ) from None
        self._token, self._refresh, self._expires = str(token), refresh, expiration
        register_secret(self._token)  # masked in every trace and message, like the key
        register_secret(str(refresh) if refresh else None)
        return True

    def _reason(self, resp: requests.Response) -> str:
        """Return what a refusal said (its error and description, its tracking id), secrets masked."""
        try:
            body = json.loads(_capped_body(resp, self._url))
        except (OAuthError, ValueError, RecursionError):
            body = None
        said = ""
        if isinstance(body, dict):
            parts = [body.get(k) for k in ("error", "error_description", "message", "details")]
            said = ": ".join(dict.fromkeys(str(p).strip() for p in parts if isinstance(p, str) and p.strip()))
            tracking = body.get("tracking_id") or body.get("trackingId")
            if isinstance(tracking, str | int) and tracking:
                said += f" (tracking id {tracking})"
        said = redact(" ".join(_CONTROL.sub(" ", said).split()), [self._secret])[:300]
        return f"HTTP {resp.status_code}" + (f": {said}" if said else ", no reason given")

    def _fetch(self) -> None:
        if self._refresh and self._exchange("PUT", {"user": self._program_id, "refreshToken": self._refresh}):
            return
        if not self._exchange(
            "POST", {"user": self._program_id, "pass": self._secret, "audience": "API_GATEWAY"}
        ):
            self._token = None
            raise OAuthError(
                f"The OAuth endpoint refused program ID {self._program_id} and its secret "
                f"({self._refusal}): check LEADSPACE_PROGRAM_ID and LEADSPACE_SECRET in the "
                "environment or in .env.",
            )

    def header(self) -> str:
        with self._lock:
            if self._token is None or time.time() >= self._expires - self.EARLY:
                self._fetch()
            return f"Bearer {self._token}"

    def renew(self, rejected: str) -> bool:
        with self._lock:
            if self._token is not None and rejected != f"Bearer {self._token}":
                return True  # another thread renewed it already
            try:
                self._fetch()
            except OAuthError:
                return False
            return True
