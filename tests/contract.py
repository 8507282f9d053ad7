"""The package's import contract, read from the code: layers import only downwards, no cycles.

Every ``import`` and ``from ... import`` statement is read from the source (those inside functions
too: a lazy import is still a dependency), so nothing has to be run. A module's layer is the first
part of its path inside the package (``leadspace_cli.engine.store.answers`` is in ``engine``); a
module directly in the package (``errors.py``) is its own layer. ``check`` returns the faults as
sentences; an empty list means the contract holds.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Contract:
    """Who may import whom.

    ``layers``: from the top down; a layer may import the layers below it and itself. ``isolated``:
    a layer that may import only the modules listed for it (the sandbox: the API document's field
    list), though the layers above it may import it. ``root_may``: what the package's own
    ``__init__`` (the public API) may import; no module may import the root.
    """

    package: str
    layers: Sequence[str]
    isolated: Mapping[str, Sequence[str]]


def modules(root: Path, package: str) -> dict[str, Path]:
    """Return every module of the package by its dotted name."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join([package, *parts])] = path
    return found


def imports(name: str, path: Path, known: Iterable[str], *, typing_only: bool = True) -> set[str]:
    """Return the package's modules that one module imports, wherever the import statement stands.

    ``typing_only=False`` leaves out the imports under ``if TYPE_CHECKING:``: they name a type for
    the checker and run nothing, so they cannot close an import cycle (they still count for layers).
    """
    known = set(known)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()

    def resolve(target: str) -> str | None:
        """The module itself, else the longest known module it lies in (an attribute of a package)."""
        while target:
            if target in known:
                return target
            target = target.rpartition(".")[0]
        return None

    skipped: set[int] = set()
    if not typing_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Call) and _dynamic_import(node):
            hit = resolve(node.args[0].value)  # type: ignore[attr-defined]
            if hit:
                found.add(hit)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                hit = resolve(alias.name)
                if hit:
                    found.add(hit)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                hit = resolve(f"{module}.{alias.name}") or resolve(module)
                if hit:
                    found.add(hit)
    found.discard(name)
    return found


def _dynamic_import(node: ast.Call) -> bool:
    """``importlib.import_module("x.y")`` or ``__import__("x.y")`` with a literal name."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return (
        name in ("import_module", "__import__")
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def layer_of(module: str, package: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "<root>"


def check(root: Path, contract: Contract) -> list[str]:
    """Return every breach of the contract in the package at ``root``."""
    package = contract.package
    found = modules(root, package)
    graph = {name: imports(name, path, found) for name, path in found.items()}
    rank = {layer: i for i, layer in enumerate(contract.layers)}
    faults = []
    for name, targets in sorted(graph.items()):
        mine = layer_of(name, package)
        for target in sorted(targets):
            theirs = layer_of(target, package)
            if target == package:
                faults.append(f"{name} imports the package root (the public API imports it, not back)")
            elif mine in contract.isolated:
                if target not in contract.isolated[mine] and theirs != mine:
                    faults.append(
                        f"{name} imports {target}: {mine} may import only {contract.isolated[mine]}"
                    )
            elif name == package:
                continue  # the public API may gather from any layer
            elif theirs not in rank or mine not in rank:
                faults.append(f"{name} -> {target}: a layer the contract does not name")
            elif rank[theirs] < rank[mine]:
                faults.append(f"{name} ({mine}) imports upwards: {target} ({theirs})")
    runtime = {name: imports(name, path, found, typing_only=False) for name, path in found.items()}
    for group in cycles(runtime):
        path = shortest_cycle(runtime, group)
        tied = f" ({len(group)} modules tied: {', '.join(group)})" if len(group) > len(path) - 1 else ""
        faults.append(f"import cycle: {' -> '.join(path)}{tied}")
    return faults


def shortest_cycle(graph: Mapping[str, set[str]], group: list[str]) -> list[str]:
    """Return the shortest import path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return [*paths[node], start]
            if nxt in members and nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return [*group, start]


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Return each strongly connected group of more than one module, sorted (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups
