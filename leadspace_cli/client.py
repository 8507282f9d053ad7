"""One call to the API: the session, authentication, and what each answer means.

The client never raises for what the network or the API does: :meth:`Client.call` returns an
:class:`Answer` whose ``outcome`` tells the pipeline how to react. Retries are not done here (nor by
urllib3's ``Retry``): every retry must pass through the rate limiter, so the pipeline makes them.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import enum
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
import requests.adapters

from leadspace_cli import __version__, fields
from leadspace_cli.settings import Settings, is_loopback, redact

log = logging.getLogger("leadspace.http")

MAX_BODY = 8 * 1024 * 1024  # an answer larger than this is not an answer
DEFAULT_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
RETRY_AFTER_CAP = 120.0


class Outcome(enum.Enum):
    """How the pipeline must react to an answer."""

    OK = "ok"  # 200 with data
    INVALID = "invalid"  # 400: final, never retried
    AUTH = "auth"  # 401: stop (after one token renewal with OAuth)
    CREDITS = "credits"  # 427: stop
    FATAL = "fatal"  # 405, 415, 404, redirects, TLS failures: stop, something is misconfigured
    THROTTLED = "throttled"  # 429: retry later, slow down
    RETRY = "retry"  # 5xx, timeouts, dropped connections: retry with backoff
    BAD_ANSWER = "bad_answer"  # 200 that is not a usable answer: may have been paid, not retried


@dataclass
class Answer:
    """What one call gave."""

    outcome: Outcome
    status: int | None = None
    text: str = ""  # the 200 answer as JSON text (for the store)
    payload: dict[str, Any] | None = None
    error: str = ""
    retry_after: float | None = None


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
        self.fetches = 0

    def _exchange(self, method: str, body: dict[str, str]) -> bool:
        try:
            resp = self._session.request(
                method, self._url, json=body, timeout=(CONNECT_TIMEOUT, self._timeout), allow_redirects=False
            )
        except requests.RequestException as exc:
            raise OAuthError(f"Cannot reach {self._url} for an OAuth token: {type(exc).__name__}") from None
        self.fetches += 1
        if resp.status_code in (400, 401, 403):
            return False
        try:
            data = resp.json()
            token, refresh, expiration = data["token"], data.get("refreshToken"), float(data["expiration"])
        except (ValueError, KeyError, TypeError):
            raise OAuthError(
                f"The OAuth endpoint answered HTTP {resp.status_code} without a token: check "
                "LEADSPACE_BASE_URL."
            ) from None
        self._token, self._refresh, self._expires = str(token), refresh, expiration
        return True

    def _fetch(self) -> None:
        if self._refresh and self._exchange("PUT", {"user": self._program_id, "refreshToken": self._refresh}):
            return
        if not self._exchange(
            "POST", {"user": self._program_id, "pass": self._secret, "audience": "API_GATEWAY"}
        ):
            self._token = None
            raise OAuthError(
                "The OAuth endpoint refused the program ID and secret: check LEADSPACE_PROGRAM_ID "
                "and LEADSPACE_SECRET.",
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


class OAuthError(Exception):
    """The OAuth exchange failed."""


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Parse Retry-After (seconds or an HTTP date) into seconds from now, capped."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    return min(max(seconds, 0.0), RETRY_AFTER_CAP)


def _error_detail(resp_text: str, status: int) -> str:
    """Return a short message from an error body: its details and tracking id, if JSON."""
    try:
        body = json.loads(resp_text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        detail = str(body.get("details") or body.get("error") or body.get("message") or "")
        tracking = body.get("tracking_id") or body.get("trackingId")
        text = f"HTTP {status}" + (f": {detail}" if detail else "")
        if tracking:
            text += f" (tracking id {tracking})"
        return text[:500]
    if resp_text.lstrip().startswith("<"):
        return f"HTTP {status} (an HTML error page, from a gateway or proxy)"
    snippet = " ".join(resp_text.split())[:160]
    return f"HTTP {status}" + (f": {snippet}" if snippet else "")


class Client:
    """Calls POST /enrichment/enrich/single with one pooled session."""

    def __init__(
        self,
        settings: Settings,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        pool_size: int = 32,
        session: requests.Session | None = None,
    ) -> None:
        self.settings = settings
        self.url = settings.endpoint
        self.timeout = timeout
        self._secrets = settings.secrets()
        self.session = session or requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=2, pool_maxsize=pool_size, max_retries=0)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.headers.update(
            {
                "User-Agent": f"leadspace-cli/{__version__}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            }
        )
        host = urlsplit(settings.base_url).hostname or ""
        if is_loopback(host):
            # A proxy set for the world must not carry calls to this machine's own sandbox.
            self.session.trust_env = False
        self.session.verify = settings.ca_bundle or True
        self.auth: Auth
        if settings.api_key is not None:
            self.auth = TokenAuth(settings.api_key)
        else:
            assert settings.program_id
            assert settings.secret
            self.auth = OAuth(self.session, settings.base_url, settings.program_id, settings.secret, timeout)

    def close(self) -> None:
        """Close the pooled connections."""
        self.session.close()

    def _redact(self, text: str) -> str:
        return redact(text, self._secrets)

    def call(self, body: dict[str, Any] | bytes, header: str | None = None) -> Answer:
        """Make one call and say what it means. Never raises for network or API behaviour."""
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        try:
            header = header or self.auth.header()
        except OAuthError as exc:
            return Answer(Outcome.AUTH, None, error=str(exc))
        log.debug(
            "POST %s Authorization: Bearer [REDACTED] body: %s",
            self.url,
            self._redact(data[:2000].decode(errors="replace")),
        )
        try:
            resp = self.session.post(
                self.url,
                data=data,
                headers={"Authorization": header},
                timeout=(CONNECT_TIMEOUT, self.timeout),
                allow_redirects=False,
                stream=True,
            )
        except requests.exceptions.SSLError as exc:
            return Answer(Outcome.FATAL, None, error=self._tls_message(exc))
        except requests.exceptions.Timeout:
            return Answer(Outcome.RETRY, None, error=f"no answer within {self.timeout:g}s (timeout)")
        except requests.exceptions.ConnectionError as exc:
            return Answer(Outcome.RETRY, None, error=self._redact(f"connection failed: {_reason(exc)}"))
        except requests.RequestException as exc:
            return Answer(Outcome.RETRY, None, error=self._redact(f"request failed: {type(exc).__name__}"))
        status = resp.status_code
        try:
            raw = resp.raw.read(MAX_BODY + 1, decode_content=True)
        except (requests.RequestException, OSError, ValueError) as exc:
            resp.close()
            return Answer(Outcome.RETRY, status, error=self._redact(f"answer cut off: {_reason(exc)}"))
        if len(raw) > MAX_BODY:
            resp.close()
            if status == 200:
                return Answer(
                    Outcome.BAD_ANSWER, status, error=f"answer larger than {MAX_BODY // 2**20} MiB; not kept"
                )
            raw = raw[:4096]
        text = raw.decode("utf-8", errors="replace")
        log.debug("HTTP %s %s", status, self._redact(text[:2000]))
        return self._meaning(status, text, resp.headers)

    def _meaning(self, status: int, text: str, headers: Any) -> Answer:
        if status == 200:
            try:
                payload = json.loads(text)
            except ValueError:
                return Answer(Outcome.BAD_ANSWER, status, error="HTTP 200 but the answer is not JSON")
            if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
                return Answer(Outcome.BAD_ANSWER, status, error="HTTP 200 but the answer has no data object")
            if self._secrets and any(s in text for s in self._secrets):
                return Answer(
                    Outcome.BAD_ANSWER, status, error="HTTP 200 but the answer echoes the API key; not kept"
                )
            return Answer(Outcome.OK, status, text=text, payload=payload)
        detail = self._redact(_error_detail(text, status))
        if status == 400:
            return Answer(Outcome.INVALID, status, error=detail)
        if status == 401:
            return Answer(Outcome.AUTH, status, error="HTTP 401: the API rejected the credentials")
        if status == 427:
            return Answer(Outcome.CREDITS, status, error="HTTP 427: insufficient credits")
        if status == 429:
            return Answer(
                Outcome.THROTTLED,
                status,
                error="HTTP 429: rate limit exceeded",
                retry_after=parse_retry_after(headers.get("Retry-After")),
            )
        if status in (408, 425) or 500 <= status <= 599:
            return Answer(
                Outcome.RETRY, status, error=detail, retry_after=parse_retry_after(headers.get("Retry-After"))
            )
        if 300 <= status < 400:
            where = urlsplit(headers.get("Location") or "").hostname or "another address"
            return Answer(
                Outcome.FATAL,
                status,
                error=(
                    f"HTTP {status}: the API redirected to {where}; the key is not sent after a redirect. "
                    "Check LEADSPACE_BASE_URL."
                ),
            )
        if status == 405:
            return Answer(
                Outcome.FATAL,
                status,
                error=(
                    "HTTP 405 (method not allowed): something between this tool and the API (a proxy?) "
                    "changed the request, or LEADSPACE_BASE_URL points elsewhere."
                ),
            )
        if status == 415:
            return Answer(
                Outcome.FATAL,
                status,
                error=(
                    "HTTP 415 (bad or missing headers): a proxy may be rewriting requests; if not, this "
                    "is a bug in leadspace: please report it."
                ),
            )
        if status == 404:
            return Answer(
                Outcome.FATAL,
                status,
                error=(f"HTTP 404: no enrichment endpoint at {self.url}; check LEADSPACE_BASE_URL."),
            )
        return Answer(Outcome.FATAL, status, error=detail)

    def _tls_message(self, exc: Exception) -> str:
        return self._redact(
            f"TLS verification failed for {self.settings.base_url} ({_reason(exc)}). Behind a "
            "corporate proxy, point REQUESTS_CA_BUNDLE (or --ca-bundle) at its CA certificate."
        )


def _reason(exc: BaseException) -> str:
    """Return the innermost, shortest useful description of a network error."""
    inner: BaseException = exc
    for _ in range(10):  # chains are short; a cycle must not hang us
        nxt = inner.__cause__ or inner.__context__
        if nxt is None:
            break
        inner = nxt
    text = str(inner) or type(inner).__name__
    return text.split(": ", 1)[-1][:200] if "object at 0x" in text else text[:200]
