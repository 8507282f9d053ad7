"""What the credits bought: breakdowns of an enriched file, read from the file alone (the page: report_page).

Rows by result; matches by enrichment status; company match confidence; e-mail verification; company
size and revenue ranges in their natural order; top industries and countries; the fill rate of every
answer field, person and company apart, worst first. The page is one self-contained HTML file (inline
CSS and SVG, no scripts, fonts or images) that reads on a laptop and prints on A4. Every text that
came from the file (answers are data from a source the user does not control) is escaped.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from leadspace_cli.api import flatten
from leadspace_cli.errors import InputError, closest
from leadspace_cli.formats.sources import open_source
from leadspace_cli.results import Result

TOP = 10  # industries and countries shown; the rest are summed as "other"

# Known values in their natural order (the value lists of api/fields.py); anything else follows by count.
_ORDER: dict[str, tuple[str, ...]] = {
    "ls.enrichment_status": (
        "Person & Company Enriched",
        "Company Enriched",
        "Person Enriched",
        "Not Enriched",
    ),
    "ls.company.matching_confidence.level": ("High", "Medium", "Low", "Very Low"),
    "ls.person.original_email_verification_status": ("Valid", "Catch-All", "Unknown", "Invalid"),
    "ls.person.verification_status": ("Verified", "Moved", "Not Verified"),
}

CHARTS: tuple[tuple[str, str, str], ...] = (
    # (key, column, title); key names the chart in the page
    ("enrichment", "ls.enrichment_status", "Matches by enrichment status"),
    ("confidence", "ls.company.matching_confidence.level", "Company match confidence"),
    ("email", "ls.person.original_email_verification_status", "E-mail verification"),
    ("person", "ls.person.verification_status", "Person verification"),
    ("size", "ls.company.size.range", "Company size (employees)"),
    ("revenue", "ls.company.revenue.range", "Company revenue"),
    ("industry", "ls.company.industry", f"Top {TOP} industries"),
    ("country", "ls.company.address.country", f"Top {TOP} countries"),
)
_RANGES = ("ls.company.size.range", "ls.company.revenue.range")
_TOPPED = ("ls.company.industry", "ls.company.address.country")


@dataclass
class Breakdown:
    """One chart: the values of a column over the ok rows, in display order."""

    key: str
    column: str
    title: str
    counts: list[tuple[str, int]]
    total: int  # the ok rows: shares are of these

    def share(self, n: int) -> float:
        """Return n as a share of the ok rows."""
        return n / self.total if self.total else 0.0


@dataclass
class Fill:
    """How often an answer field is filled, over the ok rows."""

    group: str  # "person", "company" or "other"
    column: str
    filled: int
    total: int

    @property
    def share(self) -> float:
        """The share of ok rows where the field is filled."""
        return self.filled / self.total if self.total else 0.0


@dataclass
class OutputReport:
    """Everything the report shows, counted from one enriched file."""

    path: str
    rows: int
    by_result: Counter[str]
    by_status: Counter[str]
    charts: list[Breakdown]
    fills: list[Fill]
    missing: list[str] = field(default_factory=list)  # status columns the file lacks (renamed?)
    result_column: str = "ls.result"  # where the results were read (a renamed column, by its values)
    sheet: str | None = None  # of a workbook whose first sheet holds no answers: the sheet that did

    @property
    def ok(self) -> int:
        """Rows with an answer."""
        return self.by_result.get(Result.OK.value, 0)

    @property
    def matched(self) -> int:
        """Ok rows that came back enriched (anything but "Not Enriched")."""
        chart = next((c for c in self.charts if c.key == "enrichment"), None)
        if chart is None:
            return 0
        return sum(n for label, n in chart.counts if label and label.lower() != "not enriched")

    @property
    def match_rate(self) -> float:
        """Share of ok rows that came back enriched."""
        return self.matched / self.ok if self.ok else 0.0

    @property
    def match_text(self) -> str:
        """The match rate as said: unknown, not 0%, where the file has no enrichment status column."""
        if "ls.enrichment_status" in self.missing:
            return "match rate unknown (no ls.enrichment_status column)"
        return f"match rate {self.match_rate:.0%}"

    def results(self) -> list[tuple[str, int]]:
        """Return the rows by result, in the documented order, then anything else."""
        known = [(r.value, self.by_result.get(r.value, 0)) for r in Result]
        return known + sorted((k, n) for k, n in self.by_result.items() if k not in {r.value for r in Result})


def _range_key(label: str) -> tuple[int, float, str]:
    match = re.search(r"([\d][\d,.]*)\s*([kmbt]?)", label.lower())
    if match is None:
        return (1, 0.0, label)
    number = float(match.group(1).replace(",", "") or 0)
    number *= {"": 1, "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}[match.group(2)]
    return (0, number, label)


def _ordered(column: str, counts: Counter[str]) -> list[tuple[str, int]]:
    counts = Counter({k: n for k, n in counts.items() if k})
    if column in _RANGES:
        return sorted(counts.items(), key=lambda kv: _range_key(kv[0]))
    if column in _TOPPED:
        top = counts.most_common(TOP)
        rest = sum(counts.values()) - sum(n for _, n in top)
        return top + ([("other", rest)] if rest else [])
    known = _ORDER.get(column, ())
    first = [(k, counts[k]) for k in known if counts.get(k)]
    return first + sorted(((k, n) for k, n in counts.items() if k not in known), key=lambda kv: -kv[1])


def _group(column: str) -> str:
    if column.startswith("ls.person."):
        return "person"
    if column.startswith("ls.company."):
        return "company"
    return "other"


TERMINAL_CUT = 200  # characters of a value shown in the terminal
PAGE_CUT = 1000  # and in the page; counted values are kept at this length
_RESULTS = frozenset(r.value for r in Result)
SAMPLE_ROWS = 200  # rows read ahead to find a renamed result column by its values
_TOTAL = re.compile(r"\s*(grand )?totals?\b", re.IGNORECASE)  # a footer's first cell ("Total", 49)
NO_RESULT = "no result"  # a row no run answered (appended by hand) or whose result was cleared


def cut(text: str, limit: int) -> str:
    """Return text cut to ``limit`` characters, marked with its full length when cut."""
    if len(text) <= limit:
        return text
    return text[:limit] + f"… ({len(text):,} characters)"


def _uncut(text: str) -> int:
    """Return a value's full length from its cut text (the marker), or its own length."""
    m = re.search(r"… \(([\d,]+) characters\)$", text)
    return int(m.group(1).replace(",", "")) if m else len(text)


def for_terminal(report: OutputReport, limit: int = TERMINAL_CUT) -> OutputReport:
    """Return the report with every value cut to ``limit`` characters (the page keeps PAGE_CUT)."""

    def short(label: str) -> str:
        full = _uncut(label)
        if full == len(label) and len(label) <= limit:
            return label
        return label[:limit] + f"… ({full:,} characters)"

    charts = [
        Breakdown(c.key, c.column, c.title, [(short(label), n) for label, n in c.counts], c.total)
        for c in report.charts
    ]
    by_result = Counter({short(k): n for k, n in report.by_result.items()})
    by_status = Counter({short(k): n for k, n in report.by_status.items()})
    return OutputReport(
        report.path,
        report.rows,
        by_result,
        by_status,
        charts,
        report.fills,
        report.missing,
        report.result_column,
    )


def _flat(value: object) -> str:
    """A flattened JSON Lines value as the CSV holds it: null is empty, 200.0 is 200."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _result(value: str) -> str:
    """A result as a run writes it: ``OK`` or `` ok `` (a spreadsheet's upper-casing, padding) is ok."""
    return folded if (folded := value.strip().lower()) in _RESULTS else value


# Results only a leadspace run writes: ok and failed are also other tools' statuses (an email
# verifier's, a CRM sync's).
_OWN_RESULTS = frozenset(_RESULTS - {Result.OK.value, Result.FAILED.value})


def _result_columns(columns: list[str], sample: list[Sequence[str]]) -> list[tuple[str, set[str]]]:
    """Return the columns whose values are all results (ok, invalid_input, ...), with their values:
    a renamed ls.result, or another tool's status of the same words."""
    found = []
    for i, c in enumerate(columns):
        seen = {_result(row[i]) for row in sample if i < len(row) and row[i]}
        if seen and seen <= _RESULTS:
            found.append((c, seen))
    return found


def _renamed_result(path: str, found: list[tuple[str, set[str]]], answered: bool) -> str | None:
    """The one column of results a report reads, or None; two, or one of ok and failed alone in a
    file with no ls.* column (another tool's status), are refused: --result-column says which."""
    if len(found) > 1:
        named = " and ".join(repr(c) for c, _ in found)
        raise InputError(
            f"{path}: {named} {'both' if len(found) == 2 else 'all'} hold results (ok, failed, ...): name "
            "the one leadspace wrote with "
            f"--result-column (for example --result-column {found[0][0]!r})."
        )
    if found and not answered and not found[0][1] & _OWN_RESULTS:
        column = found[0][0]
        raise InputError(
            f"{path} has no ls.* column, and {column!r} holds only {' and '.join(sorted(found[0][1]))}, as "
            "another tool's status may: if it is the result column of a leadspace run, name it with "
            f"--result-column {column!r}; else give a file that `leadspace enrich` wrote."
        )
    return found[0][0] if found else None


def _check_named(path: str, column: str, seen: set[str]) -> None:
    """Refuse a --result-column none of whose values is a result (a company's name)."""
    if seen and not seen & _RESULTS:
        shown = ", ".join(repr(v) for v in sorted(seen)[:3])
        raise InputError(
            f"--result-column {column!r}: none of its values in {path}'s first rows is a result (ok, "
            f"invalid_input, failed, not_sent, skipped); it holds {shown}. Name the column of results."
        )


def _nearest(name: str, choices: list[str]) -> str:
    """Say which of the file's columns (or keys) come closest to a name it lacks, else what it has."""
    near = closest(name, choices)
    if not near.startswith("none close"):
        return f"Closest: {near}."
    shown = ", ".join(repr(c) for c in choices[:12])
    return f"It has: {shown}{', ...' if len(choices) > 12 else '.'}"


def _key(renamed: Callable[[str, str], str] | None, column: str) -> str:
    """The key a flat line holds ``column`` under: its [output] name, if the mapping renamed it."""
    return renamed(column, column) if renamed else column


def _json_result(path: str, sample: list[Mapping[str, Any]], named: str | None) -> tuple[str, ...] | None:
    """Return where a JSON Lines file holds each line's result: ``("ls", "result")`` as a run writes
    it, ``("ls.result",)`` flattened, else a key (or an object's key) whose values are all results
    (a renamed one), or the key named with --result-column (``outcome`` or ``enrichment.result``)."""

    def results(values: list[object]) -> bool:
        seen = {_result(_flat(v)) for v in values if v not in (None, "")}
        return bool(seen) and seen <= _RESULTS

    if named is not None:
        head, _, tail = named.partition(".")
        if any(named in r for r in sample):
            return (named,)
        if tail and any(isinstance(r.get(head), dict) and tail in r[head] for r in sample):
            return (head, tail)
        keys = {k for r in sample for k in r} | {
            f"{k}.{j}" for r in sample for k, v in r.items() if isinstance(v, dict) for j in v
        }
        raise InputError(f"{path} has no key {named!r} (--result-column). {_nearest(named, sorted(keys))}")
    if any(isinstance(r.get("ls"), dict) and "result" in r["ls"] for r in sample):
        return ("ls", "result")
    if any("ls.result" in r for r in sample):
        return ("ls.result",)
    found: list[tuple[str, ...]] = []
    for k in dict.fromkeys(k for r in sample for k in r):
        objects = [r[k] for r in sample if isinstance(r.get(k), dict)]
        if objects:
            for j in dict.fromkeys(j for o in objects for j in o):
                if results([o.get(j) for o in objects]):
                    found.append((k, j))
        elif results([r.get(k) for r in sample]):
            found.append((k,))

    def seen(where: tuple[str, ...]) -> set[str]:
        if len(where) == 1:
            return {_result(_flat(r.get(where[0]))) for r in sample if r.get(where[0]) not in (None, "")}
        inner = [r[where[0]].get(where[1]) for r in sample if isinstance(r.get(where[0]), dict)]
        return {_result(_flat(v)) for v in inner if v not in (None, "")}

    answered = any(k == "ls" or k.startswith("ls.") for r in sample for k in r)
    chosen = _renamed_result(path, [(".".join(w), seen(w)) for w in found], answered)
    return next((w for w in found if ".".join(w) == chosen), None)


def _other_sheets(notes: list[str], sheet: str | None) -> str:
    """Of a workbook of several sheets read at its first: say --sheet reads another."""
    listed = next((n for n in notes if " sheets (" in n and "--sheet" in n), None) if sheet is None else None
    return (
        f" (The sheet read was the first: {listed.split(';')[0]}; --sheet NAME reads another.)"
        if listed
        else ""
    )


_DATA = "ls.data."  # pandas' json_normalize of the JSON Lines output: ls.data.company.name
_KNOWN = frozenset(flatten.COLUMNS)


def _undata(column: str, columns: list[str]) -> str:
    """The output's own name of an answer column json_normalize named from the ls object
    (``ls.data.company.name`` is ``ls.company.name``), where the file has no column of that name."""
    if column.startswith(_DATA) and (own := "ls." + column[len(_DATA) :]) in _KNOWN and own not in columns:
        return own
    return column


def _header_hint(name: str) -> bool:
    """Whether a cell names an output's column (an ls.* answer, a request field): how the header is
    told from a title above it, as `enrich` tells its input's."""
    from leadspace_cli.mapping.judge import names_a_field  # detection's tables: only for a title

    return name.startswith(flatten.PREFIX) or names_a_field(name)


def build_report(
    path: str,
    result_column: str | None = None,
    renamed: dict[str, str] | None = None,
    sheet: str | None = None,
) -> OutputReport:
    """Count what an enriched file holds (see _build); of a workbook whose first sheet holds no answers
    (a summary before the table), the first sheet that does."""
    try:
        return _build(path, result_column, renamed, sheet)
    except InputError as exc:
        said = str(exc)
        if (
            sheet is not None
            or "--sheet" not in said
            or not ("was never enriched" in said or "no ls.*" in said)
        ):
            raise
        from leadspace_cli.formats.workbook import Workbook

        book = Workbook(path, path)
        try:
            names = [s.name for s in book.sheets if s.state == "visible" and s.kind == "worksheet"]
        finally:
            book.close()
        for name in names[1:]:
            try:
                report = _build(path, result_column, renamed, name)
            except InputError:
                continue
            report.sheet = name
            return report
        raise


def _build(
    path: str, result_column: str | None, renamed: dict[str, str] | None, sheet: str | None
) -> OutputReport:
    """Count what an enriched CSV, TSV or JSONL file holds: streaming, in constant memory.

    A renamed ``ls.result`` column is found by its values (every one a result: ok, invalid_input,
    failed, not_sent, skipped), or named with ``result_column``; ``renamed`` (a mapping's [output]
    table: ls.* column -> its name in the file) reads every renamed answer column. A file no run
    enriched is refused.
    """
    back = {name: column for column, name in (renamed or {}).items()}
    never = (
        f"{path} was never enriched: it has no ls.* column and no column of results. Give a file that "
        "`leadspace enrich` wrote, or name its result column with --result-column."
    )
    with open_source(path, keep_ls=True, sheet=sheet, header_hint=_header_hint) as source:
        by_result: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        rows = 0
        if source.kind == "table":
            columns = [back.get(c, c) if back.get(c, c) not in source.columns else c for c in source.columns]
            columns = [_undata(c, columns) for c in columns]
            index = {c: i for i, c in enumerate(columns)}
            result_column = back.get(result_column, result_column) if result_column else None
            if result_column is not None and result_column not in index:
                raise InputError(
                    f"{path} has no column {result_column!r} (--result-column). "
                    + _nearest(result_column, columns)
                )
            rest = source.rows
            sample = list(itertools.islice(rest, SAMPLE_ROWS))
            source.rows = itertools.chain(sample, rest)
            answered = any(c.startswith(flatten.PREFIX) for c in columns)
            if result_column is None and "ls.result" not in index:
                found = _result_columns(columns, [row.cells for row in sample if not row.skip])
                try:
                    result_column = _renamed_result(path, found, answered)
                except InputError as exc:  # a summary sheet's "Result" before the answers' sheet
                    raise InputError(str(exc) + _other_sheets(source.notes, sheet)) from None
                if result_column is None and not answered:
                    raise InputError(never + _other_sheets(source.notes, sheet))
            elif result_column is not None:
                i = index[result_column]
                _check_named(path, result_column, {_result(r.cells[i]) for r in sample if r.cells[i].strip()})
            if result_column is not None:
                index["ls.result"] = index[result_column]
            missing = [c for c in ("ls.result", "ls.http_status", "ls.enrichment_status") if c not in index]
            data_cols = [c for c in columns if c in flatten.DATA_COLUMNS]
            fill_idx = [index[c] for c in data_cols]
            filled = [0] * len(data_cols)
            chart_cols = [(c, index[c]) for _, c, _ in CHARTS if c in index]
            values: dict[str, Counter[str]] = {c: Counter() for c, _ in chart_cols}
            r_i, s_i = index.get("ls.result"), index.get("ls.http_status")
            ok_value = Result.OK.value
            for row in source.rows:
                cells = row.cells
                if (
                    row.skip
                    or not any(cells)
                    or (r_i is not None and not cells[r_i] and _TOTAL.match(cells[0]))
                ):
                    continue  # a report's footer (Total), a line Excel left of cleared cells: no lead
                rows += 1
                result = _result(cells[r_i]) if r_i is not None else ok_value
                by_result[(cut(result, PAGE_CUT) or NO_RESULT) if r_i is not None else "?"] += 1
                if s_i is not None:
                    by_status[cut(cells[s_i], PAGE_CUT) or "none"] += 1
                if result != ok_value:
                    continue
                for j, i in enumerate(fill_idx):
                    if cells[i]:
                        filled[j] += 1
                for c, i in chart_cols:
                    values[c][cut(cells[i], PAGE_CUT)] += 1
        else:
            missing = []
            data_cols = list(flatten.DATA_COLUMNS)
            filled = [0] * len(data_cols)
            position = {c: i for i, c in enumerate(flatten.COLUMNS[len(flatten.STATUS_COLUMNS) :])}
            chart_pos = [(c, position[c]) for _, c, _ in CHARTS]
            values = {c: Counter() for c, _ in chart_pos}
            offset = 1  # data_cells starts with the answer's own status
            flat_columns = flatten.COLUMNS[len(flatten.STATUS_COLUMNS) :]
            rest = source.rows
            sample = list(itertools.islice(rest, SAMPLE_ROWS))
            source.rows = itertools.chain(sample, rest)
            where = _json_result(path, [row.record for row in sample], result_column)
            if where is None:
                raise InputError(
                    f"{path} was never enriched: no line has an ls object, ls.* keys or a key of results. "
                    "Give a file that `leadspace enrich` wrote, or name its result key with --result-column."
                )
            result_column = ".".join(where)
            key = renamed.get if renamed else None
            for row in source.rows:
                rows += 1
                record = row.record
                nested = record.get(where[0]) if len(where) == 2 else None
                if isinstance(nested, dict) and where[1] in nested:
                    ls, flat = nested, False
                elif len(where) == 1 and where[0] in record:
                    # A flat line (pandas' to_json of the CSV), or a top-level key of results.
                    ls, flat = {"http_status": _flat(record.get(_key(key, "ls.http_status")))}, True
                    ls["result"] = record[where[0]]
                else:
                    by_result[NO_RESULT] += 1
                    continue
                result = _result(_flat(ls.get(where[-1] if not flat else "result")))
                by_result[cut(result, PAGE_CUT)] += 1
                by_status[cut(_flat(ls.get("http_status")) or "none", PAGE_CUT)] += 1
                if result != Result.OK.value:
                    continue
                if flat:
                    cells = [_flat(record.get(_key(key, c), record.get(_DATA + c[3:]))) for c in flat_columns]
                else:
                    cells = flatten.data_cells({"status": ls.get("status"), "data": ls.get("data")})
                for j in range(len(data_cols)):
                    if cells[j + offset]:
                        filled[j] += 1
                for c, i in chart_pos:
                    values[c][cut(cells[i], PAGE_CUT)] += 1
    ok = by_result.get(Result.OK.value, 0)
    charts = [
        Breakdown(key, column, title, _ordered(column, values[column]), ok)
        for key, column, title in CHARTS
        if column in values
    ]
    fills = [Fill(_group(c), c, n, ok) for c, n in zip(data_cols, filled, strict=True)]
    fills.sort(key=lambda f: ({"person": 0, "company": 1}.get(f.group, 2), f.share, f.column))
    return OutputReport(
        path, rows, by_result, by_status, charts, fills, missing, result_column or "ls.result"
    )
