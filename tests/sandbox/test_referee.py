"""The sandbox as an independent referee: its own rules, and seeded bugs in the tool that it catches.

Every promise about credits is checked against the sandbox's bill. The sandbox imports nothing of
the tool but the document's field list, and writes its minimum-input rule and its canonical body
again from the document (``leadspace_cli/sandbox/rules.py``). The mutation tests below seed a bug in
the tool's rule or in the store's canonical form, run a real ``enrich`` against the sandbox, and
check that the sandbox's bill disagrees with what the tool reports. Were the referee to follow the
tool's rules again, each of them would fail: the bug would be in the tool and its stand-in together.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadspace_cli.api import client as client_mod
from leadspace_cli.engine import pipeline as enrich_mod
from leadspace_cli.engine import store as store_mod
from leadspace_cli.mapping import body as mapping
from leadspace_cli.sandbox import Sandbox, rules
from tests.conftest import KEY, invoke, read_csv, write_csv

# The minimum-input rule: the tool's and the referee's, on the same cases.

PERSON = {"first_name": "Ada", "last_name": "Lovelace"}
# (body, what the document says: enough for the API?)
CASES: list[tuple[dict[str, Any], bool]] = [
    ({"company": {"name": "Acme"}}, True),  # account enrichment
    ({"company": {"name": "Acme"}, "person": {"first_name": "Ada"}}, True),  # an account, whatever else
    ({"company": {"name": "Acme"}, "external_id": "L1"}, True),
    ({"person": {**PERSON, "email": "ada@acme.example"}}, True),
    ({"person": PERSON, "company": {"website": "acme.example"}}, True),
    ({"person": PERSON, "company": {"name": "Acme"}}, True),
    ({"person": PERSON}, False),  # a person needs a company name, an e-mail address or a website
    ({"person": {"first_name": "Ada", "email": "ada@acme.example"}}, False),  # no last name
    ({"person": {"last_name": "Lovelace", "email": "ada@acme.example"}}, False),  # no first name
    ({"person": {"email": "ada@acme.example"}}, False),  # an e-mail address alone is not enough
    ({"company": {"website": "acme.example"}}, False),  # an account needs its name, not its website
    ({"company": {"lsid": "LS123"}}, False),  # the LSID is optional, not a minimum field
    ({"person": PERSON, "company": {"lsid": "LS123"}}, False),
    ({"person": {**PERSON, "person_phone": "+1 555", "person_country": "US"}}, False),
    ({"company": {"name": ""}}, False),  # empty: absent
    ({"company": {"name": "   "}}, False),  # whitespace only: absent
    ({"company": {"name": "\t\n"}}, False),
    ({"company": {"name": "\u00a0\u3000"}}, False),  # no-break and ideographic spaces are whitespace
    ({"company": {"name": "\u200b"}}, True),  # a zero-width space is not whitespace in Unicode
    ({"person": {**PERSON, "email": "  "}}, False),
    ({"person": {"first_name": " ", "last_name": "Lovelace", "email": "a@b.example"}}, False),
    ({"company": {"name": 42}}, False),  # the document's fields are strings
    ({"company": {"name": None}}, False),
    ({"company": {"name": ["Acme"]}}, False),
    ({"company": ["Acme"]}, False),
    ({"person": "Ada Lovelace", "company": {"name": "Acme"}}, True),
    ({"person": {**PERSON, "email": 7}}, False),
    ({"name": "Acme", "email": "ada@acme.example"}, False),  # not where the document puts them
    ({"custom_fields": [{"name": "CUSTOM_FIELD", "value": "x"}]}, False),
    ({"external_id": "L1"}, False),
    ({}, False),
]
# Where the tool's rule deliberately differs from the document's (with why). None today: the tool
# sends exactly what the API would accept. A tool that refused more (to save credits on rows it
# judges too thin) would list those cases here; one that accepted less must not exist.
DELIBERATE_DIFFERENCES: dict[str, str] = {}


@pytest.mark.parametrize(("body", "enough"), CASES, ids=[json.dumps(b) for b, _ in CASES])
def test_the_tool_and_the_referee_agree_on_the_minimum_input(body: dict[str, Any], enough: bool) -> None:
    assert rules.has_minimum_input(body) is enough
    if json.dumps(body) not in DELIBERATE_DIFFERENCES:
        assert (mapping.missing_input(body) is None) is enough


_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.sampled_from(["", " ", "\t", "\u00a0", "\u200b", "Ada", "a@b.example", "acme.example"]),
    st.text(max_size=3),
)
_PERSON_KEYS = ["first_name", "last_name", "email", "title", "person_phone"]
_COMPANY_KEYS = ["name", "website", "lsid"]


@pytest.mark.slow  # 400 bodies: about 1.5 s warm, over the quick loop's 2 s on a cold start
@settings(max_examples=400, deadline=None)
@given(
    person=st.one_of(st.none(), st.text(max_size=2), st.dictionaries(st.sampled_from(_PERSON_KEYS), _VALUES)),
    company=st.one_of(st.none(), st.dictionaries(st.sampled_from(_COMPANY_KEYS), _VALUES)),
)
def test_the_rules_agree_on_any_body(person: Any, company: Any) -> None:
    body = {k: v for k, v in (("person", person), ("company", company)) if v is not None}
    assert (mapping.missing_input(body) is None) is rules.has_minimum_input(body), body


def test_the_referees_canonical_body_normalises_nothing() -> None:
    body = {
        "person": {**PERSON, "email": "ada@acme.example"},
        "company": {"name": "Acme"},
        "external_id": "1",
    }
    assert rules.canonical(body) == rules.canonical({**body, "external_id": "2"})  # not used to match
    assert rules.canonical(body) == rules.canonical(dict(reversed(list(body.items()))))  # key order
    for other in (
        {**body, "company": {"name": "ACME"}},  # letter case
        {**body, "company": {"name": "Acme "}},  # spacing
        {**body, "person": {**PERSON, "email": "Ada@acme.example"}},
        {**body, "person": {**PERSON, "email": "ada@acme.example", "title": "CTO"}},  # a field more
        {**body, "company": {"name": "Acme", "website": ""}},  # an empty field is still sent
    ):
        assert rules.canonical(other) != rules.canonical(body), other


# Seeded bugs in the tool, caught by the referee.


def _leads(path: Path, rows: list[list[str]]) -> Path:
    return write_csv(path, ["Lead ID", "First Name", "Last Name", "Email", "Company", "Title"], rows)


def _body(row: list[str]) -> dict[str, Any]:
    """The body the tool sends for a row of ``_leads`` (lower-case e-mail addresses in these tests)."""
    names = ("external_id", "person.first_name", "person.last_name", "person.email", "company.name")
    body: dict[str, Any] = {}
    for path, value in zip((*names, "person.title"), row, strict=True):
        if value:
            *parents, leaf = path.split(".")
            node = body
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
    return body


def _report(name: str) -> dict[str, Any]:
    return dict(json.loads(Path(name).read_text()))


def test_a_tool_rule_that_accepts_too_little_is_answered_400(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"L{i}", f"Ada{i}", "Lovelace", f"ada{i}@acme.example", "Acme", ""] for i in range(4)]
    thin = [[f"T{i}", f"Bob{i}", "", f"bob{i}@acme.example", "", ""] for i in range(3)]  # no last name
    path = _leads(tmp_path / "in.csv", rows + thin)
    # The tool's own rule: the thin rows are not sent, and the referee never sees them.
    assert invoke("enrich", str(path), "-o", "a.csv", "--report", "a.json").exit_code == 0
    assert use_sandbox.stats.by_status[400] == 0
    assert _report("a.json")["calls"] == 4

    real = mapping.missing_input

    def lenient(body: mapping.Body) -> str | None:  # the seeded bug: a last name is not needed
        person = body.get("person") or {}
        return None if person.get("first_name") and person.get("email") else real(body)

    monkeypatch.setattr(mapping, "missing_input", lenient)
    monkeypatch.setattr(enrich_mod, "missing_input", lenient)
    assert invoke("enrich", str(path), "-o", "b.csv", "--report", "b.json").exit_code == 0
    report = _report("b.json")
    # The tool judged the thin rows enough and sent them; the referee, by the document, refused them.
    assert report["calls"] == 3  # the four good rows come from the store
    assert use_sandbox.stats.by_status[400] == 3
    assert report["credits"] == 0
    assert all(use_sandbox.stats.billed_for(_body(r)) == 0 for r in thin)
    out = read_csv("b.csv")
    assert [(r["ls.result"], r["ls.http_status"]) for r in out[4:]] == [("invalid_input", "400")] * 3


def _lower(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lower(v) for k, v in value.items()}
    return value.lower() if isinstance(value, str) else value


def _merging(kind: str) -> Callable[[dict[str, Any]], str]:
    real = store_mod.canonical

    def lowered(body: dict[str, Any]) -> str:  # "Acme" and "ACME" made one question
        return real(_lower(body))

    def no_title(body: dict[str, Any]) -> str:  # the job title forgotten
        person = {k: v for k, v in (body.get("person") or {}).items() if k != "title"}
        return real({**body, "person": person})

    return {"lower": lowered, "no_title": no_title}[kind]


@pytest.mark.parametrize("kind", ["lower", "no_title"])
def test_a_canonical_form_that_merges_two_questions_is_caught(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    if kind == "lower":
        first = ["L1", "Ada", "Lovelace", "ada@acme.example", "Acme Corp", "CTO"]
        second = ["L2", "Ada", "Lovelace", "ada@acme.example", "ACME CORP", "CTO"]
    else:
        first = ["L1", "Ada", "Lovelace", "ada@acme.example", "Acme Corp", "CTO"]
        second = ["L2", "Ada", "Lovelace", "ada@acme.example", "Acme Corp", "VP Sales"]
    path = _leads(tmp_path / "in.csv", [first, second])
    monkeypatch.setattr(store_mod, "canonical", _merging(kind))
    assert invoke("enrich", str(path), "-o", "out.csv", "--report", "r.json").exit_code == 0
    report = _report("r.json")
    # The tool answered both rows for one credit, believing them one question...
    assert [r["ls.result"] for r in read_csv("out.csv")] == ["ok", "ok"]
    assert report["credits"] == 1
    # ...but by the document they are two: the referee billed the first and never saw the second.
    assert use_sandbox.stats.billed_for(_body(first)) == 1
    assert use_sandbox.stats.billed_for(_body(second)) == 0


@pytest.mark.slow
def test_a_canonical_form_that_splits_one_question_is_caught(
    use_sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"L{i}", f"Ada{i}", "Lovelace", f"ada{i}@acme.example", "Acme", ""] for i in range(5)]
    again = [[f"M{i}", *r[1:]] for i, r in enumerate(rows)]  # the same questions, other record ids
    a, b = _leads(tmp_path / "a.csv", rows), _leads(tmp_path / "b.csv", again)
    # The tool's own canonical form: the second file is answered from the store.
    assert invoke("enrich", str(a), "-o", "a.csv").exit_code == 0
    assert invoke("enrich", str(b), "-o", "b.csv", "--report", "b.json").exit_code == 0
    assert _report("b.json")["reused"] == 5
    assert use_sandbox.stats.billed_twice() == 0

    def with_id(body: dict[str, Any]) -> str:  # the seeded bug: external_id counted in the question
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    monkeypatch.setattr(store_mod, "canonical", with_id)
    c = _leads(tmp_path / "c.csv", [[f"N{i}", *r[1:]] for i, r in enumerate(rows)])
    assert invoke("enrich", str(a), "-o", "a2.csv").exit_code == 0  # stored under the new keys
    assert invoke("enrich", str(c), "-o", "c.csv", "--report", "c.json").exit_code == 0
    # The tool saw five new questions and bought them; the referee billed the same five again.
    assert _report("c.json")["reused"] == 0
    assert _report("c.json")["credits"] == 5
    assert use_sandbox.stats.billed_twice() == 5
    assert all(use_sandbox.stats.billed_for(_body(r)) == 3 for r in rows)


# Outages: a refused connection sends nothing, a dropped one may have been billed.


def _outage_run(sb: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("LEADSPACE_API_KEY", KEY)
    rows = [[f"L{i}", f"Ada{i}", "Lovelace", f"ada{i}@acme.example", "Acme", ""] for i in range(10)]
    path = _leads(tmp_path / "in.csv", rows)
    result = invoke(
        "enrich", str(path), "-o", "out.csv", "--base-url", sb.url, "--rate", "100", "--report", "r.json"
    )
    assert result.exit_code == 0, result.stderr
    assert [r["ls.result"] for r in read_csv("out.csv")] == ["ok"] * 10
    return _report("r.json")


@pytest.mark.slow
def test_refused_connections_are_not_counted_as_maybe_billed(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=100, outage_mode="refuse", outage_start=0.0, outage_seconds=1.5)
    report = _outage_run(sb, tmp_path, monkeypatch)
    assert report["calls"] > 10  # the first calls were refused, and retried
    assert sb.stats.calls == 10  # nothing of the refused calls reached the referee
    assert sb.stats.dropped == 0
    assert report["unknown_outcome"] == 0  # and the tool knows: nothing sent, nothing billed
    assert report["credits"] == sb.stats.billed_to("default") == 10


@pytest.mark.slow
def test_the_referee_catches_a_tool_that_counts_refused_connections_as_maybe_billed(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=100, outage_mode="refuse", outage_start=0.0, outage_seconds=1.5)
    monkeypatch.setattr(client_mod, "_never_connected", lambda exc: False)  # the seeded bug
    report = _outage_run(sb, tmp_path, monkeypatch)
    assert report["unknown_outcome"] > 0  # the tool fears it paid for calls...
    assert sb.stats.calls == report["credits"] == 10  # ...the referee never received
    assert sb.stats.dropped == 0


@pytest.mark.slow
def test_a_dropped_connection_is_maybe_billed(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(rate=100, outage_mode="drop", outage_start=0.0, outage_seconds=1.5)
    report = _outage_run(sb, tmp_path, monkeypatch)
    assert sb.stats.dropped > 0  # read, then the connection closed unanswered: it may have cost
    assert report["unknown_outcome"] == sb.stats.dropped
