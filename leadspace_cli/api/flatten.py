"""An answer's ``data`` -> ``ls.*`` columns, in the document's order.

The header is fixed by the document, not by the answers, so every run with the same options has the
same columns. Lists of strings are joined with ``LIST_SEPARATOR``; lists of objects (scores, the
family tree) become JSON text; anything the document does not list goes, as JSON, into ``ls.extra``,
so nothing the API returns is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from leadspace_cli.api import fields
from leadspace_cli.formats.values import cell_text

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
    """Return one response value as a CSV cell: lists of strings joined, objects as JSON."""
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return cell_text(value)


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


def _compile_walker() -> Callable[[dict[str, Any]], tuple[list[str], bool]]:
    """Build the per-answer walker once, as straight-line code.

    Flattening runs for every row (10,000 a second when a rerun is served from the store), and a
    generic walk from the root for each of the ~70 paths costs several times more than code that
    fetches each nested object once. Like ``dataclasses``, we generate that code from the field
    list. The walker returns the cells and whether the answer holds anything undocumented (a key
    the document does not list, or an object that came as something else): only then is the
    slower :func:`_extras` walk needed.
    """
    names: dict[tuple[str, ...], str] = {(): "d0"}
    known: dict[str, frozenset[str]] = {}
    lines = ["def walk(d0):", "    odd = not d0.keys() <= K_d0"]
    tree_nodes: list[tuple[tuple[str, ...], dict[str, Any]]] = [((), _TREE)]
    known["K_d0"] = frozenset(_TREE)
    while tree_nodes:
        path, node = tree_nodes.pop(0)
        for key, sub in node.items():
            if sub is None:
                continue
            child = (*path, key)
            name = f"d{len(names)}"
            names[child] = name
            known[f"K_{name}"] = frozenset(sub)
            lines += [
                f"    {name} = {names[path]}.get({key!r})",
                f"    if {name}.__class__ is not dict:",
                f"        odd = odd or {name} is not None",
                f"        {name} = EMPTY",
                f"    elif not {name}.keys() <= K_{name}:",
                "        odd = True",
            ]
            tree_nodes.append((child, sub))
    cells = [
        f"(v if (v := {names[parts[:-1]]}.get({parts[-1]!r})).__class__ is str else cell(v))"
        for parts in _SPLIT
    ]
    lines.append("    return [" + ", ".join(cells) + "], odd")
    namespace: dict[str, Any] = {"EMPTY": {}, "cell": cell, **known}
    exec(compile("\n".join(lines), "<leadspace flatten>", "exec"), namespace)  # noqa: S102 - our own code
    walker: Callable[[dict[str, Any]], tuple[list[str], bool]] = namespace["walk"]
    return walker


_walk = _compile_walker()


def data_cells(answer: dict[str, Any]) -> list[str]:
    """Return the cells after the status columns: the answer's status, data fields and extras."""
    data = answer.get("data")
    status = answer.get("status")
    extras: dict[str, Any] = {}
    if isinstance(data, dict):
        values, odd = _walk(data)
        if odd:
            _extras(data, _TREE, "", extras)
    else:
        values = ["" for _ in _SPLIT]
        if data is not None:
            extras["data"] = data
    if len(answer) > 3 or not answer.keys() <= _TOP_KNOWN:
        for key, value in answer.items():
            if key not in _TOP_KNOWN:
                extras["^" + key] = value
    values.insert(0, status if status.__class__ is str else cell(status))
    values.append(json.dumps(extras, ensure_ascii=False, sort_keys=True) if extras else "")
    return values


EMPTY_DATA_CELLS: tuple[str, ...] = tuple("" for _ in range(len(COLUMNS) - len(STATUS_COLUMNS)))
