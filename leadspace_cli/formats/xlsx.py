"""Excel workbooks: a sheet read as Excel shows it (from the workbook's XML) and written (XlsxWriter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import IO, Any

from leadspace_cli.errors import InputError
from leadspace_cli.formats import numdisplay, numfmt
from leadspace_cli.formats.rows import (
    _FOOTER,
    Row,
    Source,
    _as_written,
    _dedupe_header,
    _kept_columns,
    footer_skip,
    group_skip,
    grouping,
    join_groups,
    renamed_of,
)
from leadspace_cli.formats.text import is_stream, release_stream, stream_of
from leadspace_cli.formats.workbook import CellError, SheetInfo, SheetScan, Workbook, _damaged, _state


def cell_text(value: Any, number_format: str | None = None, date1904: bool = False) -> str:
    """Return a cell's text as Excel shows it (``$ 2,000``, ``12%``; dates ISO): what the output
    carries and a mapping sees. A request sends :func:`request_text`."""
    if isinstance(value, str):
        return numdisplay.shown_string(value, number_format)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return numdisplay.shown_text(value, number_format, date1904)
    return request_text(value, number_format, date1904)


def request_text(value: Any, number_format: str | None = None, date1904: bool = False, rules: int = 6) -> str:
    """Return a cell's text as a request sends it (request rules 2): a number as Excel's General
    format shows it (``2000``, ``0.125``), never its display's separators, currency or percent sign;
    digit patterns (a zip code ``02139``), elapsed times and dates as :func:`cell_text` shows them.
    ``rules`` 5 and before: a General with a colour or a locale sent as a date (see numfmt.kind)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        return numfmt.number_text(value, number_format, date1904, rules)
    return str(value)


HEADER_SEARCH = 30  # the rows looked at for the header


def _texts(cells: list[tuple[Any, str | None, bool]], date1904: bool) -> list[str]:
    return [cell_text(v, f, date1904) for v, f, _ in cells]


def _numbers(cells: list[tuple[Any, str | None, bool]]) -> bool:
    return any(isinstance(v, (int, float)) and not isinstance(v, bool) for v, _, _ in cells)


def _count_text(cells: list[tuple[Any, str | None, bool]]) -> int:
    return sum(1 for v, _, _ in cells if isinstance(v, str) and not isinstance(v, CellError) and v.strip())


def _pick_header(
    rows: list[tuple[int, list[tuple[Any, str | None, bool]]]],
    header_hint: Callable[[str], bool] | None,
) -> int:
    """Return the index (in ``rows``) of the header: the first row with at least two text cells of
    which one names a field (``header_hint``); else the first with two text cells; else the first.
    A row holding numbers is passed over for an earlier one of text alone with as many text cells
    (a registry's header above a data row "1, url, ..., Surname": the data row names a field, the
    header does not); a header's own numbers (the years "2023", "2024") keep it the header above a
    shorter title. Below two rows or more as wide, a row of which one cell names a field is a row of
    the table, and the first of them its header. A formula's error value (``#VALUE!``) is not text
    that names a column."""
    texty = [i for i, (_, cells) in enumerate(rows) if _count_text(cells) >= 2]
    if header_hint is not None:
        for i in texty:
            cells = rows[i][1]
            if any(isinstance(v, str) and v.strip() and header_hint(v.strip()) for v, _, _ in cells):
                wide = _count_text(cells)
                if _numbers(cells):
                    earlier = [
                        j
                        for j in texty
                        if j < i and not _numbers(rows[j][1]) and _count_text(rows[j][1]) >= wide
                    ]
                    if earlier:
                        return earlier[0]
                # One cell naming a field, below two rows or more as wide: a table's row (a directory's
                # "Web" department) under its header and rows, not a header under a title or a
                # template's instruction rows ("Required", "Text (max 40)"), which names several.
                named = sum(
                    1 for v, _, _ in cells if isinstance(v, str) and v.strip() and header_hint(v.strip())
                )
                full = [j for j in texty if j < i and _count_text(rows[j][1]) >= wide]
                if named == 1 and len(full) >= 2:
                    return full[0]
                return i
    return texty[0] if texty else 0


def _table(scan: SheetScan, header_hint: Callable[[str], bool] | None) -> bool:
    """Whether a sheet's first rows hold a table: a row of two cells or more, or a one-column list
    under a header that names a field (a list of company names)."""
    rows = [[v for v, _, _ in cells if v not in (None, "")] for _, cells in scan.first_rows]
    if any(len(r) >= 2 for r in rows):
        return True
    named = header_hint is not None and any(
        isinstance(r[0], str) and header_hint(r[0].strip()) for r in rows if r
    )
    return named and scan.rows >= 2


def _xlsx_source(
    path: str,
    sheet: str | None,
    keep_ls: bool,
    *,
    include_hidden: bool = False,
    header_row: int | None = None,
    header_hint: Callable[[str], bool] | None = None,
) -> Source:
    """Open a sheet of a workbook: its header row, then its rows, typed cells kept (see the README)."""
    spool: IO[bytes] | None = None
    label = path
    if is_stream(path):
        import shutil
        import tempfile

        label = "stdin" if path == "-" else path
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the source
        shutil.copyfileobj(stream_of(path), spool)
        release_stream(path)
        spool.seek(0)
    try:
        book = Workbook(path if spool is None else spool, label)
    except BaseException:
        if spool is not None:
            spool.close()
        raise

    def close() -> None:
        book.close()
        if spool is not None:
            spool.close()

    try:
        source = _sheet_source(book, label, sheet, keep_ls, include_hidden, header_row, header_hint)
    except InputError:
        close()
        raise
    except Exception as exc:
        close()
        raise _damaged(label, exc) from None
    source._close = close
    return source


def _sheet_source(
    book: Workbook,
    label: str,
    sheet: str | None,
    keep_ls: bool,
    include_hidden: bool,
    header_row: int | None,
    header_hint: Callable[[str], bool] | None,
) -> Source:
    info = book.sheet(sheet, include_hidden)
    notes: list[str] = []
    listed = ", ".join(f"{s.name!r}{_state(s)}" for s in book.sheets)
    keep_first = max(HEADER_SEARCH, header_row or 0)
    scan = book.scan(info, keep_first)
    passed: list[str] = []
    if sheet is None and not _table(scan, header_hint):
        # A cover sheet (empty, or a title and lines of text in one column) before the data: the
        # first visible worksheet after it that holds a table is read, and the note says so.
        for other in book.sheets[book.sheets.index(info) + 1 :]:
            if other.state != "visible" or other.kind != "worksheet" or other.part is None:
                continue
            found = book.scan(other, keep_first)
            if _table(found, header_hint):
                passed, info, scan = [info.name], other, found
                break
    if sheet is None and len(book.sheets) > 1:
        which = "the first visible worksheet"
        if passed:
            which = f"the first visible worksheet with a table ({passed[0]!r} holds none)"
        notes.append(
            f"{label} has {len(book.sheets)} sheets ({listed}); reading {which}, {info.name!r} "
            "(--sheet picks another)."
        )
    date1904 = book.date1904
    if not scan.first_rows:
        raise InputError(
            f"{label}, sheet {info.name!r}, is empty: it needs a header row and rows. Its sheets: {listed}. "
            "Pass another with --sheet."
        )
    if header_row is not None:
        at = next((i for i, (n, _) in enumerate(scan.first_rows) if n == header_row), None)
        if at is None:
            raise InputError(
                f"--header-row {header_row}: row {header_row} of {label}, sheet {info.name!r}, is empty or "
                "past its rows. Give the number of the row that holds the column names, as Excel shows it."
            )
    else:
        at = _pick_header(scan.first_rows, header_hint)
    header_number, header_cells = scan.first_rows[at]
    if at > 0:
        above = scan.first_rows[0][0]
        notes.append(
            f"{label}: the header is row {header_number} (rows {above} to {header_number - 1}, a title "
            f"above the table, are not read; --header-row N picks another row)."
        )
    header = _texts(header_cells, date1904)
    while header and not header[-1].strip():
        header.pop()
    # A header of two rows, groups over names (a merged "Contact" over First, Last, Email).
    below = scan.first_rows[at + 1] if at + 1 < len(scan.first_rows) else None
    if header_row is None and header_hint is not None and below is not None and below[0] == header_number + 1:
        under_names = _texts(below[1], date1904)
        spans = [(left, right) for top, left, right in scan.spans if top == header_number]
        if spans:  # merged labels: each over the columns its merge covers, and no further
            under = [
                (i < len(header) and bool(header[i].strip())) or any(lo <= i <= hi for lo, hi in spans)
                for i in range(len(under_names))
            ]
            groups = [*header, *[""] * (len(under_names) - len(header))]
            joined = join_groups(groups, under_names, header_hint, under)
        else:
            joined = join_groups(header, under_names, header_hint)
        if joined is not None:
            while joined and not joined[-1].strip():
                joined.pop()
            notes.append(
                f"{label}: the header is rows {header_number} and {below[0]} (groups over names), read as "
                f"{', '.join(repr(c) for c in joined[:4])}{' and more' if len(joined) > 4 else ''}."
            )
            header, header_number, at = joined, below[0], at + 1
    if not header:
        why = (
            "its cells are formulas with no saved value (the program that wrote it did not calculate "
            "them): open it in Excel or LibreOffice and save it"
            if scan.formulas_unsaved
            else "pass the header's row with --header-row N"
        )
        raise InputError(f"{label}, sheet {info.name!r}: its header row {header_number} is empty: {why}.")
    columns, header_notes = _dedupe_header(header)
    all_columns = columns
    notes += header_notes
    written = _as_written(header, columns)
    width = len(columns)
    keep = _kept_columns(label, columns, keep_ls, notes)
    for col, count in sorted(scan.formulas_unsaved.items()):
        name = repr(columns[col]) if col < width else f"{_letters(col)} (no header)"
        notes.append(
            f"{label}: column {name} has {count} formula cell{'s' if count > 1 else ''} with no saved value "
            "(the program that wrote the workbook did not calculate it): read as empty. Open the workbook "
            "in Excel or LibreOffice and save it, to have the values."
        )
    hidden_columns = [columns[i] for i in sorted(scan.hidden_columns) if i < width and i in keep]
    if len(keep) < width:
        columns = [columns[i] for i in keep]
        written = [written[i] for i in keep] if written is not None else None

    skip = _skipped_rows(scan, label, header_number, include_hidden, notes)
    total = max(0, scan.rows - at - 1)
    names = frozenset(c.strip().lower() for c in columns)
    rows = _sheet_rows(book, info, header_number, scan.merges, width, keep, skip, names)
    source = Source(label, "table", columns, rows, notes=notes, total=total, answered=len(keep) < width)
    source.renamed = renamed_of(header, all_columns)
    source.header = written
    source.sheet = info.name
    source.date1904 = date1904
    source.hidden_columns = hidden_columns
    if any(
        len([c for c in cells[width:] if c[0] not in (None, "")]) for _, cells in scan.first_rows[at + 1 :]
    ):
        notes.append(
            f"{label}: some rows have cells to the right of the header's {width} columns (notes): they are "
            "kept, written after the ls.* columns, and the rows are enriched."
        )
    return source


def _skipped_rows(
    scan: SheetScan, label: str, header_number: int, include_hidden: bool, notes: list[str]
) -> dict[int, str]:
    """The rows written back as skipped, never sent (a table's Total rows, rows a filter hides), by
    number, with why; notes on them and on rows hidden by hand (those are enriched)."""
    skip: dict[int, str] = {}
    for name, (_top, _, bottom, _), totals in scan.tables:
        for number in range(bottom - totals + 1, bottom + 1):
            if totals > 0 and number > header_number:
                skip[number] = f"the Total row of the table {name!r}: not a lead (not sent, no credit)"
    if skip:
        notes.append(
            f"{label}: {len(skip)} Total row{'s' if len(skip) > 1 else ''} of a table: written back as "
            "skipped, not sent."
        )
    # Rows a filter hides are not the person's selection: skipped, as Excel leaves them out of a
    # copy. Rows hidden by hand (or in a collapsed group) are part of the table, as Excel copies
    # them: enriched, and said so.
    hidden = sorted(n for n in scan.hidden_rows if n > header_number and n not in skip)
    filtered = [n for n in hidden if scan.by_filter(n)]
    by_hand = [n for n in hidden if not scan.by_filter(n)]
    if filtered and not include_hidden:
        for number in filtered:
            skip[number] = (
                f"row {number} is hidden by the sheet's filter: not sent (--include-hidden sends hidden rows)"
            )
        many = len(filtered) > 1
        notes.append(
            f"{label}: {len(filtered)} row{'s are' if many else ' is'} hidden by the sheet's filter: "
            f"{'they are' if many else 'it is'} written back as skipped and not sent (--include-hidden "
            "sends them)."
        )
    if by_hand:
        many = len(by_hand) > 1
        them = "them" if many else "it"
        shown = ", ".join(str(n) for n in by_hand[:5]) + (", ..." if len(by_hand) > 5 else "")
        notes.append(
            f"{label}: {len(by_hand)} row{'s' if many else ''} ({shown}) {'are' if many else 'is'} hidden "
            f"by hand, not by a filter: enriched like the others. To leave {them} out, filter {them} out "
            f"in Excel (Data > Filter), or delete {them}."
        )
    return skip


def _sheet_rows(
    book: Workbook,
    info: SheetInfo,
    header_number: int,
    merged: list[tuple[int, int, int, int]],
    width: int,
    keep: list[int],
    skip: dict[int, str],
    names: frozenset[str] = frozenset(),
) -> Iterator[Row]:
    """The rows under the header, as Excel shows them: a merged cell's value in each of its rows, empty
    rows left out, cells past the header kept apart, a report's footer and the skipped rows marked."""
    date1904 = book.date1904
    merges: dict[int, list[tuple[int, int, int]]] = {}
    for top, left, bottom, _right in merged:
        if top >= header_number:
            merges.setdefault(top, []).append((left, top, bottom))
    pad: tuple[Any, str | None] = (None, None)
    fills: list[tuple[int, int, tuple[Any, str | None]]] = []  # (column, last row, cell)
    footer = False
    for number, _hidden, raw, _ in book._cells(info):
        if number <= header_number:
            continue
        cells: list[tuple[Any, str | None]] = [(v, f) for v, f, _ in raw]
        if fills:
            fills[:] = [fill for fill in fills if fill[1] >= number]
            for col, _last, value in fills:
                if col >= len(cells):
                    cells.extend([pad] * (col + 1 - len(cells)))
                if cells[col][0] is None:
                    cells[col] = value
        for left, _top, bottom in merges.get(number, ()):
            if left < len(cells) and cells[left][0] is not None:
                fills.append((left, bottom, cells[left]))
        if not any(v is not None and v != "" for v, _ in cells):
            continue  # an empty (perhaps formatted) row is not a row
        if len(cells) < width:
            cells = cells + [pad] * (width - len(cells))
        extra = [cell_text(v, f, date1904) for v, f in cells[width:]]
        typed = [cells[i] for i in keep]
        texts = [cell_text(v, f, date1904) for v, f in typed]
        while extra and not extra[-1].strip():
            extra.pop()
        # What is left of extra is a note typed beside the table: written after the ls.* columns.
        skipped = None
        if number in skip:
            skipped = skip[number]
        elif width > 1 and (footer or _FOOTER.match(texts[0])) and not any(c.strip() for c in texts[1:]):
            footer = True  # a report's footer began: its one-cell rows are all footer
            skipped = footer_skip(texts[0], number, "row")
        elif width > 2 and grouping(texts[0], names) and not any(c.strip() for c in texts[1:]):
            skipped = group_skip(texts[0], number, "row")
        else:
            footer = False
        yield Row(texts, skip=skipped, extra=extra or (), typed=typed)


def _letters(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out
