"""An answer's ``data`` -> ``ls.*`` columns, in the document's order.

The header is fixed by the document, not by the answers, so every run with the same options has the
same columns. Lists of strings are joined with ``LIST_SEPARATOR``; lists of objects (scores, the
family tree) become JSON text; anything the document does not list goes, as JSON, into ``ls.extra``,
so nothing the API returns is dropped.
"""

from __future__ import annotations

import json
from typing import Any

from leadspace_cli import fields

PREFIX = "ls."
LIST_SEPARATOR = "; "
STATUS_COLUMNS = ("ls.result", "ls.http_status", "ls.error")
ANSWER_STATUS = "ls.status"  # the answer's own "status" (success, failure)
EXTRA = "ls.extra"
DATA_COLUMNS: tuple[str, ...] = tuple(PREFIX + p for p in fields.RESPONSE_PATHS)
COLUMNS: tuple[str, ...] = (*STATUS_COLUMNS, ANSWER_STATUS, *DATA_COLUMNS, EXTRA)

_SPLIT = [tuple(p.split(".")) for p in fields.RESPONSE_PATHS]


def _tree() -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for parts in _SPLIT:
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = None
    return tree


_TREE = _tree()
_TOP_KNOWN = {"status", "external_id", "data"}


def cell(value: Any) -> str:
    """Return one response value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _extras(node: Any, tree: dict[str, Any], prefix: str, out: dict[str, Any]) -> None:
    for key, value in node.items():
        if key not in tree:
            out[prefix + key] = value
            continue
        sub = tree[key]
        if sub is None:
            continue  # a documented leaf: in its own column, whatever its shape
        if isinstance(value, dict):
            _extras(value, sub, prefix + key + ".", out)
        elif value is not None:
            out[prefix + key] = value  # a documented object that came as something else


def data_cells(answer: dict[str, Any]) -> list[str]:
    """Return the cells after the status columns: the answer's status, data fields and extras."""
    data = answer.get("data")
    values = [cell(answer.get("status"))]
    extras: dict[str, Any] = {}
    if isinstance(data, dict):
        for parts in _SPLIT:
            node: Any = data
            for part in parts:
                if not isinstance(node, dict):
                    node = None
                    break
                node = node.get(part)
            values.append(cell(node))
        _extras(data, _TREE, "", extras)
    else:
        values.extend("" for _ in _SPLIT)
        if data is not None:
            extras["data"] = data
    for key, value in answer.items():
        if key not in _TOP_KNOWN:
            extras["^" + key] = value
    values.append(json.dumps(extras, ensure_ascii=False, sort_keys=True) if extras else "")
    return values


EMPTY_DATA_CELLS: tuple[str, ...] = tuple("" for _ in range(len(COLUMNS) - len(STATUS_COLUMNS)))
