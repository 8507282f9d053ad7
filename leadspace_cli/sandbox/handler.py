"""One HTTP exchange with the sandbox: routing, the enrichment call, OAuth, faults on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadspace_cli.sandbox.config import STATS_PATH

if TYPE_CHECKING:
    from leadspace_cli.sandbox.server import _Server

import contextlib
import datetime as dt
import json
import re
import socket
import time
import uuid
from http.server import BaseHTTPRequestHandler
from typing import Any

from leadspace_cli.api import fields
from leadspace_cli.sandbox import data as sandbox_data
from leadspace_cli.sandbox.rules import has_minimum_input


def error_body(status: int, error: str, details: str = "") -> dict[str, Any]:
    """Return an error body as the API gives one: error, tracking id and timestamp."""
    return {
        "error": error,
        "tracking_id": str(uuid.uuid4()),
        "request_timestamp": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "details": details,
        "status": status,
    }


_GATEWAY_PAGE = (
    "<html><head><title>{status} {reason}</title></head><body><center><h1>{status} {reason}"
    "</h1></center><hr><center>awselb/2.0</center></body></html>"
)


_TAG = re.compile(rb'"external_id"\s*:\s*"([^":]{1,40}):')


def _tag_of(raw: bytes) -> str:
    """Return a benchmark's run tag: the external_id's text before its first ":" ("" if none)."""
    found = _TAG.search(raw)
    return found.group(1).decode("utf-8", "replace") if found else ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    server_version = "LeadspaceSandbox/1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: tests and benchmarks read the stats instead

    # Each connection is tracked, idle or busy, so that a "refuse" outage closes the idle ones.

    def setup(self) -> None:
        super().setup()
        self.server.sandbox._connection_opened(self.connection)

    def finish(self) -> None:
        self.server.sandbox._connection_closed(self.connection)
        super().finish()

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        finally:
            self.server.sandbox._connection_idle(self.connection)

    def parse_request(self) -> bool:
        if not self.server.sandbox._connection_busy(self.connection):
            self.close_connection = True  # closed by an outage as this request came in: unread
            return False
        return super().parse_request()

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if body:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), headers=headers)

    def _read_body(self) -> bytes | None:
        """Read the body its Content-Length announces, or refuse it (answered here; None).

        Never reads more than ``max_body``: a larger length gets 413, an invalid one 400 and a
        chunked body 411, each without reading a byte of it, and the connection is closed (what
        follows in the stream cannot be trusted to start a request). No Content-Length: no body.
        """
        sb = self.server.sandbox
        values = self.headers.get_all("Content-Length") or []
        problem: tuple[int, str] | None = None
        if self.headers.get("Transfer-Encoding"):
            problem = (411, "Length Required: send the body with a Content-Length")
        elif len(set(values)) > 1 or not all(re.fullmatch(r"[0-9]{1,12}", v.strip()) for v in values):
            problem = (400, "Invalid Content-Length")
        elif values and int(values[0]) > sb.config.max_body:
            problem = (413, f"Payload Too Large: at most {sb.config.max_body} bytes")
        if problem is not None:
            with sb._lock:
                sb.stats.too_large += 1
            self.close_connection = True
            status, detail = problem
            self._send_json(status, error_body(status, detail.split(":")[0], detail), {"Connection": "close"})
            return None
        length = int(values[0]) if values else 0
        return self.rfile.read(length) if length > 0 else b""

    def _drop(self) -> None:
        """Close the connection without an answer, as a failing network would."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _route(self, method: str) -> None:
        sb = self.server.sandbox
        path = self.path.split("?", 1)[0]
        if path == STATS_PATH and method == "GET":
            summary = sb.stats.summary()
            if "times=1" in self.path:
                with sb._lock:
                    summary["accepted_times"] = list(sb.stats.accepted_times)
                    summary["refused_times"] = list(sb.stats.refused_times)
                    summary["background_refused_times"] = list(sb.stats.background_refused_times)
                    summary["accepted_by_tag"] = {k: list(v) for k, v in sb.stats.accepted_by_tag.items()}
            self._send_json(200, summary)
            return
        if path == fields.OAUTH_ENDPOINT:
            self._oauth(method)
            return
        if path != fields.ENDPOINT:
            if self._read_body() is not None:
                self._send_json(404, error_body(404, "Not Found", f"No resource at {path}"))
            return
        raw = self._read_body()
        if raw is None:
            return
        if method != "POST":
            sb._record(405, None, False)
            self._send(405, headers={"Allow": "POST"})
            return
        with sb._lock:
            sb._in_flight += 1
            sb.stats.max_in_flight = max(sb.stats.max_in_flight, sb._in_flight)
        try:
            self._enrich(raw)
        finally:
            with sb._lock:
                sb._in_flight -= 1

    def _enrich(self, raw: bytes) -> None:
        sb = self.server.sandbox
        if sb.config.outage_mode == "drop" and sb.in_outage():
            with sb._lock:
                sb.stats.dropped += 1
            self._drop()
            return
        program = sb._authorized(self.headers.get("Authorization"))
        if program is None:
            sb._record(401, None, False)
            self._send_json(401, {"message": fields.UNAUTHORIZED_MESSAGE})
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            sb._record(415, None, False)
            self._send(415)
            return
        sb._arrive()
        tag = _tag_of(raw)
        if not sb._admit(program, tag=tag) or sb._roll(sb.config.throttle_rate):
            sb._record(429, None, False)
            self._send(429, headers={"Retry-After": sb.config.retry_after})
            return
        delay = sb._latency()
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        if not isinstance(body, dict):
            time.sleep(delay)
            sb._record(400, None, False)
            self._send_json(400, error_body(400, "Bad Request", "JSON format is invalid"))
            return
        if not has_minimum_input(body):
            time.sleep(delay)
            sb._record(400, body, False)
            self._send_json(400, error_body(400, "Bad Request", fields.MINIMUM_INPUT_MESSAGE))
            return
        if sb._roll(sb.config.drop_rate):
            time.sleep(delay)
            with sb._lock:
                sb.stats.dropped += 1
            self._drop()
            return
        if sb._roll(sb.config.fail_rate):
            time.sleep(delay)
            self._server_error()
            return
        if not sb._spend_credit():
            sb._record(427, body, False)
            self._send_json(427, error_body(427, "Insufficient credits", fields.CREDITS_MESSAGE))
            return
        time.sleep(delay)
        sb._record(200, body, True, program)
        answer = {
            "status": "success",
            "external_id": body.get("external_id", ""),
            "data": (sandbox_data.hostile if sb.config.hostile else dict)(sandbox_data.answer(body)),
        }
        if sb._roll(sb.config.cut_rate):
            with sb._lock:
                sb.stats.cut += 1
            self._send_cut(json.dumps(answer, ensure_ascii=False).encode())
            return
        self._send_json(200, answer)

    def _send_cut(self, body: bytes) -> None:
        """Announce the whole answer, send half of it, and close the connection."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
        self._drop()

    def _server_error(self) -> None:
        sb = self.server.sandbox
        with sb._lock:
            status = sb._rng.choice((500, 500, 502, 503, 504))
            shape = sb._rng.random()
        sb._record(status, None, False)
        reason = self.responses.get(status, ("Server Error",))[0]
        if shape < 0.2:
            self._send(status)  # "The body of the response may or may not exist."
        elif shape < 0.4 and status in (502, 503, 504):
            page = _GATEWAY_PAGE.format(status=status, reason=reason).encode()
            self._send(status, page, "text/html")
        else:
            self._send_json(status, error_body(status, reason, "Internal error, please retry"))

    def _oauth(self, method: str) -> None:
        sb = self.server.sandbox
        raw = self._read_body()
        if raw is None:
            return
        if method not in ("POST", "PUT"):
            self._send(405, headers={"Allow": "POST, PUT"})
            return
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        if not isinstance(body, dict):
            self._send_json(400, error_body(400, "Bad Request", "JSON format is invalid"))
            return
        cfg = sb.config
        user = body.get("user")
        if cfg.program_id is None or user != cfg.program_id:
            self._send_json(401, {"message": fields.UNAUTHORIZED_MESSAGE})
            return
        if method == "POST":
            ok = body.get("pass") == cfg.secret and body.get("audience") == "API_GATEWAY"
        else:
            with sb._lock:
                ok = sb._refresh.pop(str(body.get("refreshToken")), None) == user
        if not ok:
            self._send_json(401, {"message": fields.UNAUTHORIZED_MESSAGE})
            return
        self._send_json(200, sb._issue_token(str(user)))

    def do_POST(self) -> None:
        self._route("POST")

    def do_GET(self) -> None:
        self._route("GET")

    def do_PUT(self) -> None:
        self._route("PUT")

    def do_DELETE(self) -> None:
        self._route("DELETE")

    def do_PATCH(self) -> None:
        self._route("PATCH")
