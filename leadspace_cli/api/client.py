"""One call to the API: the session, authentication, and what each answer means.

The client never raises for what the network or the API does: :meth:`Client.call` returns an
:class:`Answer` whose ``outcome`` tells the pipeline how to react. Retries are not done here (nor by
urllib3's ``Retry``): every retry must pass through the rate limiter, so the pipeline makes them.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import enum
import http.client
import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.adapters
import urllib3.exceptions

from leadspace_cli.api.auth import CONNECT_TIMEOUT, Auth, OAuth, TokenAuth
from leadspace_cli.api.connection import Settings
from leadspace_cli.api.redact import holds_secret, redact, register_secret
from leadspace_cli.errors import ExitCode, OAuthError
from leadspace_cli.results import loads_answer
from leadspace_cli.version import __version__

log = logging.getLogger("leadspace.http")

MAX_BODY = 8 * 1024 * 1024  # an answer larger than this is not an answer
DEFAULT_TIMEOUT = 30.0


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
    unknown: bool = False  # the request went out but no whole answer came back: maybe billed


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Parse Retry-After (seconds or an HTTP date) into seconds from now (never negative).

    The wait is capped where it is waited (``RetryPolicy.retry_after_cap``), not here.
    """
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
    return max(seconds, 0.0) if seconds == seconds else None  # NaN is no answer


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


# What each status means, in one place: (outcome, message; "" keeps the API's own detail).
# 200 and 3xx are judged in code (the answer's body, the redirect's target); other 5xx retry.
STATUS_TABLE: dict[int, tuple[Outcome, str]] = {
    400: (Outcome.INVALID, ""),
    401: (Outcome.AUTH, "HTTP 401: the API rejected the credentials"),
    404: (Outcome.FATAL, "HTTP 404: no enrichment endpoint at {url}; check LEADSPACE_BASE_URL."),
    405: (
        Outcome.FATAL,
        "HTTP 405 (method not allowed): something between this tool and the API (a proxy?) changed "
        "the request, or LEADSPACE_BASE_URL points elsewhere.",
    ),
    408: (Outcome.RETRY, ""),
    415: (
        Outcome.FATAL,
        "HTTP 415 (bad or missing headers): a proxy may be rewriting requests; if not, this is a bug "
        "in leadspace: please report it.",
    ),
    425: (Outcome.RETRY, ""),
    427: (Outcome.CREDITS, "HTTP 427: insufficient credits"),
    429: (Outcome.THROTTLED, "HTTP 429: rate limit exceeded"),
}


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
        for secret in self._secrets:
            register_secret(secret)  # masked in every output cell too (redact_cells)
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
        # The settings were resolved in their documented order (flag, environment, .env): requests
        # must not merge the environment over them (REQUESTS_CA_BUNDLE beating --ca-bundle), nor
        # swap the Bearer header for a ~/.netrc password.
        self.session.trust_env = False
        self.session.verify = settings.ca_bundle or True
        if settings.proxy:
            self.session.proxies = {"https": settings.proxy, "http": settings.proxy}
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

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            self._redact(data.decode(errors="replace"))[:2000],
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
        except requests.exceptions.ConnectTimeout:
            return Answer(Outcome.RETRY, None, error=f"no connection within {CONNECT_TIMEOUT:g}s")
        except requests.exceptions.Timeout:
            # The request was sent: the API may have answered, and billed, after we stopped waiting.
            return Answer(
                Outcome.RETRY, None, error=f"no answer within {self.timeout:g}s (timeout)", unknown=True
            )
        except requests.exceptions.ConnectionError as exc:
            never = _never_connected(exc)
            return Answer(
                Outcome.RETRY, None, error=self._redact(_lost_connection(exc, never)), unknown=not never
            )
        except requests.RequestException as exc:
            return Answer(Outcome.RETRY, None, error=self._redact(f"request failed: {type(exc).__name__}"))
        status = resp.status_code
        try:
            raw = resp.raw.read(MAX_BODY + 1, decode_content=True)
        except (
            requests.RequestException,
            urllib3.exceptions.HTTPError,  # ProtocolError: fewer bytes than announced, then closed
            http.client.HTTPException,
            OSError,
            ValueError,
        ) as exc:
            resp.close()
            # The API answered (and, for a 200, billed) but the answer did not arrive whole: an
            # unknown outcome, retried like a dropped connection and counted against the cap.
            return Answer(
                Outcome.RETRY,
                None,
                error=self._redact(f"HTTP {status} answer cut off: {_reason(exc)}"),
                unknown=True,
            )
        if len(raw) > MAX_BODY:
            resp.close()
            if status == 200:
                return Answer(
                    Outcome.BAD_ANSWER, status, error=f"answer larger than {MAX_BODY // 2**20} MiB; not kept"
                )
            raw = raw[:4096]
        text = raw.decode("utf-8", errors="replace")
        log.debug("HTTP %s %s", status, self._redact(text)[:2000])
        return self._meaning(status, text, resp.headers)

    def _meaning(self, status: int, text: str, headers: Any) -> Answer:
        if status == 200:
            try:
                payload = loads_answer(text)  # however deep: parts past 64 levels kept as text
            except ValueError:
                return Answer(Outcome.BAD_ANSWER, status, error="HTTP 200 but the answer is not JSON")
            if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
                return Answer(Outcome.BAD_ANSWER, status, error="HTTP 200 but the answer has no data object")
            if self._secrets and holds_secret(text, self._secrets):
                return Answer(
                    Outcome.BAD_ANSWER, status, error="HTTP 200 but the answer echoes the API key; not kept"
                )
            return Answer(Outcome.OK, status, text=text, payload=payload)
        detail = self._redact(_error_detail(text, status))
        retry_after = parse_retry_after(headers.get("Retry-After"))
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
        known = STATUS_TABLE.get(status)
        if known is not None:
            outcome, message = known
            return Answer(
                outcome,
                status,
                error=message.format(detail=detail, url=self.url) if message else detail,
                retry_after=retry_after if outcome in (Outcome.THROTTLED, Outcome.RETRY) else None,
            )
        if 500 <= status <= 599:
            return Answer(Outcome.RETRY, status, error=detail, retry_after=retry_after)
        return Answer(Outcome.FATAL, status, error=detail)

    def _tls_message(self, exc: Exception) -> str:
        return self._redact(
            f"TLS verification failed for {self.settings.base_url} ({_reason(exc)}). Behind a "
            "corporate proxy, point REQUESTS_CA_BUNDLE (or --ca-bundle) at its CA certificate."
        )


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """Yield an error and those it wraps (causes, contexts, urllib3's reasons and arguments)."""
    stack: list[BaseException] = [exc]
    for _ in range(20):  # chains are short; a cycle must not hang us
        if not stack:
            break
        e = stack.pop()
        yield e
        links = (e.__cause__, e.__context__, getattr(e, "reason", None), *e.args)
        stack.extend(x for x in links if isinstance(x, BaseException))


def _never_connected(exc: BaseException) -> bool:
    """Return whether a connection error came before the request was sent (refused, no such host)."""
    return any(
        isinstance(e, urllib3.exceptions.NewConnectionError | ConnectionRefusedError) for e in _chain(exc)
    )


def _lost_connection(exc: BaseException, never_connected: bool) -> str:
    """Name a connection error for what it is: no connection at all (nothing was sent), or one the
    server closed (dropped) or reset after the request went out, which may have been billed. A
    timeout is not one of these: it is "no answer within ... (timeout)"."""
    if never_connected:
        return f"could not connect: {_reason(exc)}"
    # The error itself is met before what it was raised while handling (a send's broken pipe that
    # urllib3 passes over to read the answer): the first known one says what happened.
    for e in _chain(exc):
        # RemoteDisconnected is a ConnectionResetError, but the server closed the connection.
        if isinstance(e, http.client.RemoteDisconnected | BrokenPipeError):
            return "connection dropped by the server without an answer (maybe billed)"
        if isinstance(e, ConnectionResetError | ConnectionAbortedError):
            return "connection reset without an answer (maybe billed)"
    return f"connection lost without an answer (maybe billed): {_reason(exc)}"


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


_EXIT_CODES: dict[Outcome, ExitCode] = {
    Outcome.OK: ExitCode.OK,
    Outcome.INVALID: ExitCode.USAGE,
    Outcome.AUTH: ExitCode.AUTH,
    Outcome.CREDITS: ExitCode.CREDITS,
    Outcome.FATAL: ExitCode.STOPPED,
    Outcome.THROTTLED: ExitCode.STOPPED,
    Outcome.RETRY: ExitCode.STOPPED,
    Outcome.BAD_ANSWER: ExitCode.STOPPED,
}


def exit_code(outcome: Outcome) -> ExitCode:
    """Return the exit code of a command that ends on this outcome (lookup, auth check, a stop)."""
    return _EXIT_CODES[outcome]
