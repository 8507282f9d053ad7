"""Trust boundaries (issue 23, items 6, 8, 10, 13): a poison answer, hostile files, the cache folder."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

from leadspace_cli.engine.store import FILENAME, Store
from leadspace_cli.sandbox import Sandbox
from tests.conftest import invoke, make_leads, read_csv, read_jsonl

DEEP = 985  # as found: deep enough to exhaust the recursion limit a few frames into a run


def _deep(levels: int) -> str:
    return "[" * levels + '"bottom"' + "]" * levels


def _poison_the_store(cache: Path, levels: int = DEEP) -> int:
    """Replace every stored answer with itself plus a ``deep`` field nested ``levels`` deep."""
    store = Store(cache / FILENAME, max_age=0)
    try:
        rows = store._db.execute("SELECT id, data FROM answer").fetchall()
        for rowid, data in rows:
            request, text, _ = store._unpack(data)
            answer = json.loads(text)
            answer["data"]["deep"] = "@@DEEP@@"
            poisoned = json.dumps(answer).replace('"@@DEEP@@"', _deep(levels))
            store._db.execute(
                "UPDATE answer SET data = ?, sig = NULL WHERE id = ?",
                (store._pack(request, poisoned, None), rowid),
            )
    finally:
        store.close()
    return len(rows)


def test_a_poison_answer_nested_985_deep_is_reused_ok_with_a_note(
    use_sandbox: Sandbox, tmp_path: Path
) -> None:
    path = make_leads(tmp_path / "in.csv", 3)
    assert invoke("enrich", str(path), "-o", "first.csv").exit_code == 0
    assert _poison_the_store(tmp_path / "cache") == 3
    calls = use_sandbox.stats.calls
    for out in ("again.csv", "again.jsonl"):
        result = invoke("enrich", str(path), "-o", out)
        assert result.exit_code == 0, result.stderr
    assert use_sandbox.stats.calls == calls  # served from the store, never bought again
    rows = read_csv("again.csv")
    assert [r["ls.result"] for r in rows] == ["ok"] * 3
    assert all("deeper than 64 levels" in r["ls.error"] for r in rows)
    assert all(r["ls.status"] and r["ls.enrichment_status"] for r in rows)  # the rest is there
    extra = json.loads(rows[0]["ls.extra"])["deep"]
    depth = 0
    while isinstance(extra, list):
        extra, depth = extra[0], depth + 1
    assert isinstance(extra, str)  # kept as JSON text
    assert extra.startswith("[[[")
    assert extra.endswith("]]]")
    assert depth + 2 == 64  # below the answer and its data, lists to level 64; the 65th is text
    assert extra.count("[") == DEEP - depth
    lines = read_jsonl("again.jsonl")
    assert [line["ls"]["result"] for line in lines] == ["ok"] * 3
    assert "deeper than 64" in lines[0]["ls"]["error"]


class _DeepAPI(http.server.BaseHTTPRequestHandler):
    """An API that answers every call with a 200 whose data holds a field nested DEEP levels."""

    calls = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).calls += 1
        body = (
            '{"status": "success", "data": {"enrichment_status": "matched", "deep": ' + _deep(DEEP) + "}}"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_poison_answer_from_the_api_is_paid_once_stored_and_ok(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _DeepAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("LEADSPACE_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("LEADSPACE_API_KEY", "deep-key-1234")
        path = make_leads(tmp_path / "in.csv", 4)
        for out in ("first.csv", "again.csv"):
            result = invoke("enrich", str(path), "-o", out)
            assert result.exit_code == 0, result.stderr
            rows = read_csv(out)
            assert [r["ls.result"] for r in rows] == ["ok"] * 4
            assert all("deeper than 64 levels" in r["ls.error"] for r in rows)
            assert all(r["ls.enrichment_status"] == "matched" for r in rows)
            assert "bottom" in rows[0]["ls.extra"]
        assert _DeepAPI.calls == 4  # paid once, stored, reused
    finally:
        server.shutdown()
        server.server_close()
