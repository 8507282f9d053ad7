"""Which ls.* columns an output has, under which names, and a row's cells for them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leadspace_cli.api import flatten
from leadspace_cli.api.redact import redact_cells
from leadspace_cli.errors import OutputError, closest
from leadspace_cli.formats.values import excel_safe
from leadspace_cli.results import Result, RowResult


class LsColumns:
    """The ls.* columns written after the input's: which ones, under which names, how encoded.

    ``only`` selects columns (``ls.result`` and the like; the ``ls.`` may be left out), ``rename``
    gives output names; ``ls.result``, ``ls.http_status`` and ``ls.error`` are always written.
    """

    def __init__(
        self,
        only: list[str] | None = None,
        rename: Mapping[str, str] | None = None,
        *,
        excel_safe: bool = False,
    ) -> None:
        all_ls = list(flatten.COLUMNS)
        if only is not None:
            only = [c if c.startswith(flatten.PREFIX) else flatten.PREFIX + c for c in only]
            unknown = [c for c in only if c not in all_ls]
            if unknown:
                raise OutputError(
                    f"Unknown output column {unknown[0]!r}. Closest: {closest(unknown[0], all_ls)}. "
                    "`leadspace fields --response` lists them."
                )
            # The row's status is never dropped: it is what says whether the rest means anything.
            only = [*flatten.STATUS_COLUMNS, *(c for c in only if c not in flatten.STATUS_COLUMNS)]
        self.names = only or all_ls
        self._pick = [all_ls.index(c) for c in only] if only else None
        rename = dict(rename or {})
        unknown = [c for c in rename if c not in all_ls]
        if unknown:
            raise OutputError(
                f"The mapping's [output] table renames {unknown[0]!r}, which is no output column. "
                f"Closest: {closest(unknown[0], all_ls)}."
            )
        self.header = [rename.get(c, c) for c in self.names]
        self.excel_safe = excel_safe

    def selected(self, ls: dict[str, Any]) -> dict[str, Any]:
        """A JSON line's ``ls`` object with only the answer's parts the selection names
        (``ls.company.name`` keeps ``data.company.name``), as a CSV keeps only those columns."""
        if self._pick is None:
            return ls
        picked: dict[str, Any] = {k: ls[k] for k in ("result", "http_status", "error")}
        for name in self.names:
            path = name.removeprefix(flatten.PREFIX)
            if name in (flatten.ANSWER_STATUS, flatten.EXTRA):
                if path in ls:
                    picked[path] = ls[path]
                continue
            node: Any = ls.get("data")
            parts = path.split(".")
            for part in parts:
                node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                continue
            into = picked.setdefault("data", {})
            for part in parts[:-1]:
                into = into.setdefault(part, {})
            into[parts[-1]] = node
        return picked

    def cells(self, result: RowResult, answer: dict[str, Any] | None) -> list[str]:
        """Return a row's ls.* cells, in header order."""
        status = "" if result.http_status is None else str(result.http_status)
        tail = flatten.data_cells(answer) if answer is not None else flatten.EMPTY_DATA_CELLS
        cells = redact_cells([result.result.value, status, result.error, *tail])
        if self.excel_safe:
            cells = [excel_safe(c) for c in cells]
        if self._pick is not None:
            return [cells[i] for i in self._pick]
        return cells

    def record(self, row: Mapping[str, Any], result: RowResult) -> dict[str, Any]:
        """Return an input record with its ls.* keys (the Python API's rows)."""
        answer = result.answer() if result.result is Result.OK else None
        out = {k: v for k, v in row.items() if not k.startswith(flatten.PREFIX)}
        out.update(zip(self.header, self.cells(result, answer), strict=True))
        return out
