"""Flattening answers into ls.* columns: the compiled walker against a plain reference."""

from __future__ import annotations

import json
from typing import Any

from leadspace_cli.api import fields, flatten
from leadspace_cli.sandbox.data import answer


def reference(ans: dict[str, Any]) -> list[str]:
    """The obvious implementation: walk each documented path from the root."""
    data = ans.get("data")
    out = [flatten.cell(ans.get("status"))]
    for path in fields.RESPONSE_PATHS:
        node: Any = data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        out.append(flatten.cell(node))
    extras: dict[str, Any] = {}
    if isinstance(data, dict):
        flatten._extras(data, flatten._TREE, "", extras)
    elif data is not None:
        extras["data"] = data
    extras.update({"^" + k: v for k, v in ans.items() if k not in ("status", "external_id", "data")})
    out.append(json.dumps(extras, ensure_ascii=False, sort_keys=True) if extras else "")
    return out


def test_walker_matches_the_reference_on_sandbox_answers() -> None:
    for i in range(200):
        body = {"person": {"first_name": f"A{i}", "last_name": "B", "email": f"a{i}@x{i % 7}.example"}}
        ans = {"status": "success", "external_id": str(i), "data": answer(body)}
        assert flatten.data_cells(ans) == reference(ans)


def test_undocumented_and_odd_shapes_go_to_extra() -> None:
    ans = {
        "status": "success",
        "data": {
            "enrichment_status": "Company Enriched",
            "new_field": {"a": 1},
            "company": {"name": "Acme", "size": "huge", "intent_modeling": [{"project_name": "M1"}]},
            "person": None,
        },
        "trace": "x",
    }
    cells = flatten.data_cells(ans)
    assert cells == reference(ans)
    extra = json.loads(cells[-1])
    assert extra == {
        "new_field": {"a": 1},
        "company.size": "huge",
        "company.intent_modeling": [{"project_name": "M1"}],
        "^trace": "x",
    }
    columns = dict(zip(flatten.COLUMNS[3:], cells, strict=True))
    assert columns["ls.company.name"] == "Acme"
    assert columns["ls.enrichment_status"] == "Company Enriched"


def test_cells_for_lists_numbers_and_nulls() -> None:
    assert flatten.cell(["a", "b"]) == "a; b"
    assert flatten.cell([{"x": 1}]) == '[{"x":1}]'
    assert flatten.cell(12) == "12"
    assert flatten.cell(True) == "true"
    assert flatten.cell(None) == ""
    ans = {"status": "success", "data": []}
    assert flatten.data_cells(ans) == reference(ans)
    assert len(flatten.data_cells(ans)) == len(flatten.COLUMNS) - len(flatten.STATUS_COLUMNS)
