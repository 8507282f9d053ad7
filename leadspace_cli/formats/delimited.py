"""CSV and TSV input: delimiter sniffing, header clean-up, runaway quotes, ragged rows and footers."""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any

from leadspace_cli.errors import InputError
from leadspace_cli.formats.rows import (
    _FOOTER,
    MAX_ROW,
    NO_RECORD,
    Row,
    Source,
    _as_written,
    _dedupe_header,
    _footer,
    _kept_columns,
    _ragged,
    group_skip,
    grouping,
    join_groups,
    renamed_of,
)
from leadspace_cli.formats.text import _SURROGATE, _Reading, _size

csv.field_size_limit(MAX_ROW)


class _RecordTooLongError(InputError):
    """A record (one row, its quoted line breaks included) ran past MAX_ROW characters."""

    def __init__(self, lines: int) -> None:
        super().__init__(f"a row runs past {_size(MAX_ROW)}: refused")
        self.lines = lines  # physical lines of the record, the one that ran over included


class _CappedLines:
    """The lines the csv module reads, at most MAX_ROW characters per record, never more in memory.

    The csv module limits one field (``field_size_limit``) but not a row: a line of many small
    fields (a gzip of millions of commas) would become a list of millions of strings. A record is
    counted from :meth:`start` on; past MAX_ROW, reading stops with :class:`_RecordTooLongError` and the
    caller skips the rest of that line (:meth:`skip_line`).
    """

    def __init__(self, text: io.TextIOWrapper, *first: str) -> None:
        self._text = text
        self._first = [line for line in first if line]  # lines read ahead, read again first
        self._used = 0
        self._lines = 0
        self.skipped = 0  # physical lines passed over, unseen by the csv module

    def start(self) -> None:
        self._used = self._lines = 0

    def __iter__(self) -> _CappedLines:
        return self

    def __next__(self) -> str:
        line = self._first.pop(0) if self._first else self._text.readline(MAX_ROW - self._used + 1)
        if not line:
            raise StopIteration
        self._used += len(line)
        self._lines += 1
        if self._used > MAX_ROW:
            self.skipped += 1
            raise _RecordTooLongError(self._lines) from None
        return line

    def skip_line(self) -> None:
        """Read past the rest of the line that ran over, a chunk at a time."""
        while (rest := self._text.readline(1 << 20)) and not rest.endswith("\n"):
            pass


def _too_long(width: int, line: int) -> Row:
    """A CSV row longer than MAX_ROW: not read, written back empty as ``invalid_input``."""
    return Row(
        [""] * width, problem=f"line {line} is longer than {_size(MAX_ROW)}: not read (no lead is that long)"
    )


RUNAWAY_LINES = 20  # a quoted field spanning this many lines is checked for swallowed rows
# A shorter one is a runaway when this many of its lines are rows of a file of four columns or more:
# each with exactly the header's delimiters, none followed by a space as a tool writes them (a 3-line
# address has a comma or two; a note's lines list "pricing, timeline, budget" with spaces).
RUNAWAY_ROWS = 3


def _runaway(row: list[str], sep: str, width: int) -> int:
    """Return how many lines that look like rows a quoted field of this row swallowed (0: none).

    An unclosed quote makes the csv module read on to the next quote, or to the end of the file:
    the lines it swallows are rows, with the header's count of delimiters. A real multi-line cell
    (an address, notes) holds a few lines of prose.
    """
    worst = 0
    for cell in row:
        if cell.count("\n") < RUNAWAY_ROWS:
            continue
        lines = cell.splitlines()
        if len(lines) < RUNAWAY_LINES:
            rows = sum(1 for line in lines if line.count(sep) == width - 1 and sep + " " not in line)
            rows = rows if width >= 4 else 0
            if rows >= RUNAWAY_ROWS and rows * 2 >= len(lines):
                worst = max(worst, rows)
            continue
        rowlike = sum(1 for line in lines if line.count(sep) >= max(1, width - 1))
        if rowlike * 2 >= len(lines) or len(lines) > 50 * RUNAWAY_LINES:
            worst = max(worst, rowlike, len(lines) if rowlike * 2 < len(lines) else 0)
    return worst


_DELIMITERS = (",", ";", "\t", "|")
_NOTE_LINES = 20  # rows of notes above a header (LinkedIn's: two)


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def _title(row: list[str]) -> bool:
    """Whether a first line is a report's title ("Leads export 2024-05-01"): one cell of words, the
    rest empty (Excel pads it with commas)."""
    return _filled(row) == 1 and bool(row[0].strip()) and " " in row[0].strip()


def _below_title(
    label: str,
    title: list[str],
    reader: Any,
    notes: list[str],
    names_field: Callable[[str], bool],
    what: str = "",
) -> tuple[list[str], Any]:
    """The header below a report's title (a date or filter line, a blank line between): the first of
    the next lines with two cells or more of which one names a request field, as a workbook's header
    is found; else the title is the header of a one-column file, as before."""
    held: list[tuple[list[str], int]] = []
    header_line = reader.line_num
    for row in itertools.islice(reader, _TITLE_LINES):
        above = held[-1][0] if held else title
        held.append((row, reader.line_num))
        if _filled(above) == 1 and _OTHER_BLOCK.fullmatch(above[0].strip()):
            continue  # a host's or panelists' block's header: the leads' block is further down
        if _filled(row) >= 2 and any(names_field(c) for c in row if c.strip()):
            shown = ", ".join(c.strip() for c in title if c.strip())
            shown = f"{shown[:40]}..." if len(shown) > 43 else shown
            notes.append(
                f"{label} opens with {what or 'a title'} ({shown!r}): the header is line {reader.line_num}."
            )
            return row, reader
    if what == "":
        found = _under_block(label, title, held, reader, notes, names_field)
        if found is not None:
            return found
    return title, _Replay(reader, held, header_line)


# A report of blocks (Zoom's attendee report: its host's, panelists' and attendees' blocks, each a
# one-cell title over a header of its own): the block of the leads, found under its title.
_LEAD_BLOCK = re.compile(
    r"(attendee|registrant|participant|absentee|lead|contact|visitor)s?( details?| list)?\s*:?", re.IGNORECASE
)
_OTHER_BLOCK = re.compile(r"(?i)(host|panelist|speaker|organi[sz]er|other)s?( details?| attended)\s*:?")
_BLOCK_LINES = 10_000  # lines read ahead for it (a webinar's panelists' block runs to hundreds)


class _Blocks:
    """The rows of a report of blocks, after the leads' block: skipped with the block they are in.
    A later block under the same header (absentees after attendees) is read as rows."""

    def __init__(self, header: list[str]) -> None:
        self.header = [c.strip() for c in header]
        self.block = ""  # the title of the block the rows are in ("": the leads' block)
        self.titled = False  # the last line was a block's title

    def skip(self, row: list[str], line: int) -> str | None:
        """Why this row is skipped (None: it is a lead of the leads' block, or of one like it)."""
        cells = [c.strip() for c in row]
        if _filled(row) == 1 and " " in cells[0]:  # a block's title: words ("Other Attended"), not a "Yes"
            self.block, self.titled = cells[0], True
        elif self.titled and cells[: len(self.header)] == self.header and not any(cells[len(self.header) :]):
            self.titled = False
            title = self.block[:40]
            if _LEAD_BLOCK.fullmatch(self.block):
                self.block = ""  # the same header again: its rows are leads too
            return f"line {line} is the header again, under {title!r}: not a lead (not sent, no credit)"
        else:
            self.titled = False
        if not self.block:
            return None
        title = self.block[:40]
        return f"line {line} is in another block of the report ({title!r}): not a lead (not sent, no credit)"


def _under_block(
    label: str,
    title: list[str],
    held: list[tuple[list[str], int]],
    reader: Any,
    notes: list[str],
    names_field: Callable[[str], bool],
) -> tuple[list[str], Any] | None:
    """The header of a report's block of leads ("Attendee Details" over its header), read ahead past
    the blocks above it (a host's, its panelists'); None: there is none (the lines read are in
    ``held``, to be read again)."""
    above = held[-1][0] if held else []
    for row in itertools.islice(reader, _BLOCK_LINES):
        held.append((row, reader.line_num))
        if (
            _filled(above) == 1
            and _LEAD_BLOCK.fullmatch(above[0].strip())
            and _filled(row) >= 2
            and any(names_field(c) for c in row if c.strip())
        ):
            shown = ", ".join(c.strip() for c in title if c.strip())[:40]
            notes.append(
                f"{label} is a report of blocks ({shown!r}): its header is line {reader.line_num}, "
                f"under {above[0].strip()!r}. The blocks above it (the report's summary, its hosts' or "
                "panelists') are not read, and the rows of any other block below are written back skipped."
            )
            return row, _BlockReader(reader, row)
        above = row
    return None


class _BlockReader:
    """A csv reader past the header of a report's block of leads; ``blocks`` tells its rows apart."""

    def __init__(self, reader: Any, header: list[str]) -> None:
        self._reader = reader
        self.blocks = _Blocks(header)

    @property
    def line_num(self) -> int:
        return int(self._reader.line_num)

    def __iter__(self) -> _BlockReader:
        return self

    def __next__(self) -> list[str]:
        row: list[str] = next(self._reader)
        return row


def _below_a_title(
    label: str, text: io.TextIOWrapper, first: str, names_field: Callable[[str], bool] | None
) -> tuple[list[str], str | None]:
    """Read ahead to the header under a report's title whose delimiter the title line cannot show
    ("Leads export" above "Vorname;Nachname;E-Mail"): return the lines read (to be read again) and
    the delimiter of the first of them with two cells or more, one naming a request field (None:
    there is none, and the title line's delimiter stands)."""
    if names_field is None or any(d in first for d in _DELIMITERS) or not _title([first.strip()]):
        return [], None
    ahead: list[str] = []
    for _ in range(_TITLE_LINES):
        if not (line := _header_line(label, text)):
            break
        ahead.append(line)
        cells = next(csv.reader([line], delimiter=(sep := _sniff(line))), [])
        if _filled(cells) >= 2 and any(names_field(c) for c in cells if c.strip()):
            return ahead, sep
    return ahead, None


_TITLE_LINES = 4  # a report's title, its date or filter line, a blank line, then the header


def _preamble(row: list[str], names_field: Callable[[str], bool]) -> bool:
    """Whether a first line of two cells naming no field is a report's preamble: a title with a
    comma in it ("Leads export from CRM, generated 2026-11-01"), a "Report:,Q4 Leads" line."""
    return _filled(row) == 2 and not any(names_field(c) for c in row if c.strip())


def _metadata(row: list[str], names_field: Callable[[str], bool]) -> bool:
    """Whether a first line is an accounting format's metadata, not a header: DATEV's
    ``"EXTF";700;21;Buchungsstapel;...`` (its format, version, category, dates and client numbers),
    cells of which half or more are numbers, none naming a field."""
    cells = [c.strip() for c in row if c.strip()]
    numbers = sum(1 for c in cells if c.replace(".", "").replace(",", "").isdigit())
    return len(cells) >= 4 and numbers * 2 >= len(cells) and not any(names_field(c) for c in cells)


def _sparse(row: list[str]) -> bool:
    """Whether a first line may be a two-line header's groups: labels over half its columns or fewer."""
    return len(row) >= 3 and bool(row[0].strip()) and _filled(row) <= len(row) // 2


def _under_groups(
    label: str, groups: list[str], reader: Any, notes: list[str], names_field: Callable[[str], bool]
) -> tuple[list[str], Any]:
    """The header of two lines, groups over names, read as one (rows.join_groups); else the first
    line is the header, as before."""
    header_line = reader.line_num
    names = next(reader, None)
    if names is None:
        return groups, _Replay(reader, [], header_line)
    joined = join_groups(groups, names, names_field)
    if joined is None:
        return groups, _Replay(reader, [(names, reader.line_num)], header_line)
    more = f" and {len(joined) - 4} more" if len(joined) > 4 else ""
    notes.append(
        f"{label}'s header is two lines (groups over names): read as "
        f"{', '.join(repr(c) for c in joined[:4])}{more}."
    )
    return joined, reader


class _Replay:
    """A csv reader with the rows read ahead put back first, each with its line number."""

    def __init__(self, reader: Any, held: list[tuple[list[str], int]], header_line: int) -> None:
        self._reader = reader
        self._held = held
        self.line_num: int = header_line

    def __iter__(self) -> _Replay:
        return self

    def __next__(self) -> list[str]:
        if self._held:
            held, self.line_num = self._held.pop(0)
            return held
        row: list[str] = next(self._reader)
        self.line_num = self._reader.line_num
        return row


def _header_line(label: str, text: io.TextIOWrapper) -> str:
    """Read a line above or of the header, refusing one past MAX_ROW (not a CSV header)."""
    line = text.readline(MAX_ROW + 1)
    if len(line) > MAX_ROW:
        raise InputError(
            f"{label}: its first line runs past {_size(MAX_ROW)} without a line break: not a CSV header."
        )
    return line


def _sniff(line: str) -> str:
    """Return the delimiter a header line uses: the candidate it holds most often, outside quotes.

    A comma wins a tie; a header with none of them is one column.
    """
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_source(
    reading: _Reading,
    text: io.TextIOWrapper,
    sep: str | None,
    keep_ls: bool = False,
    header_row: int | None = None,
    header_hint: Callable[[str], bool] | None = None,
) -> Source:
    """Read a CSV's header; ``sep`` None: Excel's ``sep=`` line, else sniffed from the header line.
    ``header_row``: the header's line number (the lines above it are a report's title, notes)."""
    label = reading.label
    notes: list[str] = []
    offset = 0  # lines before the header that the reader does not see
    for _ in range((header_row or 1) - 1):
        if not _header_line(label, text):
            raise InputError(f"--header-row {header_row}: {label} has fewer lines than that.")
        offset += 1
    if header_row is not None and header_row > 1:
        notes.append(
            f"{label}: the header is line {header_row} (--header-row); the lines above it are skipped."
        )
    lines = _CappedLines(text)
    excel_sep = False
    if sep is None:
        first = _header_line(label, text)
        blank = 0
        while first and not first.lstrip("\ufeff").strip(' \t\r\n,;|"') and blank < 1000:
            blank += 1  # blank lines above the header (as some exports start)
            first = _header_line(label, text)
        if blank:
            offset += blank
            notes.append(f"{label} starts with {blank} blank line{'s' if blank > 1 else ''}: skipped.")
        if not first:
            raise InputError(f"{label} is empty: it needs a header row and at least one row.")
        hint = first.lstrip("\ufeff").strip()
        if hint.lower().startswith("sep=") and len(hint) == 5:
            sep, offset, excel_sep = hint[4], offset + 1, True
            notes.append(f"{label} names its delimiter ({hint}, as Excel writes it): {sep!r}.")
        else:
            sep = _sniff(first)
            ahead, below = _below_a_title(label, text, first, header_hint if header_row is None else None)
            sep = below or sep
            lines = _CappedLines(text, first, *ahead)
            if sep != ",":
                shown = "tab" if sep == "\t" else repr(sep)
                notes.append(f"{label} is separated by {shown} (detected; pass --delimiter to override).")
    reader: Any = csv.reader(lines, delimiter=sep)  # or a _Replay of it
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{label} is empty: it needs a header row and at least one row.") from None
    except csv.Error as exc:
        raise InputError(f"{label}: cannot read the header: {exc}") from None
    except _RecordTooLongError:
        raise InputError(
            f"{label}: its header runs past {_size(MAX_ROW)} (a stray quote, or not a CSV file): refused."
        ) from None
    if not any(h.strip() for h in header):
        raise InputError(f"{label} has an empty first line: the first line must be the header.")
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0].lstrip("\ufeff")
    if header[0].strip().lower() == "notes:" and not any(h.strip() for h in header[1:]):
        # LinkedIn's Connections.csv opens with notes, a blank line, then the header. Without a blank
        # line in the next rows, "Notes:" is the header of a one-column file: the rows read go back.
        held: list[tuple[list[str], int]] = []
        header_line = reader.line_num
        for skipped in itertools.islice(reader, _NOTE_LINES):
            held.append((skipped, reader.line_num))
            if not any(cell.strip() for cell in skipped):
                break
        if held and not any(cell.strip() for cell in held[-1][0]):
            header = next(reader, [])
            notes.append(f"{label} opens with notes before its header (as LinkedIn's exports do): skipped.")
            if not any(h.strip() for h in header):
                raise InputError(f"{label}: no header row after its notes.")
        else:
            reader = _Replay(reader, held, header_line)
    elif (
        header_row is None and header_hint is not None and (_title(header) or _preamble(header, header_hint))
    ):
        header, reader = _below_title(label, header, reader, notes, header_hint)
    elif header_row is None and header_hint is not None and _metadata(header, header_hint):
        header, reader = _below_title(label, header, reader, notes, header_hint, "a line of metadata")
    if header_row is None and header_hint is not None and _sparse(header):  # under a title too
        header, reader = _under_groups(label, header, reader, notes, header_hint)
    if reading.check_text and _SURROGATE.search("".join(header)):
        raise reading.bad_text(1)
    columns, header_notes = _dedupe_header(header)
    all_columns = columns
    notes += header_notes
    written = _as_written(header, columns)
    width = len(columns)
    keep = _kept_columns(label, columns, keep_ls, notes)
    if len(keep) < width:
        pick: Callable[[list[str]], list[str]] | None = lambda row: [row[i] for i in keep]  # noqa: E731
        columns = [columns[i] for i in keep]
        written = [written[i] for i in keep] if written is not None else None
    else:
        pick = None

    def rows() -> Iterator[Row]:
        # A row of cells only is made as its tuple, without Row's keyword defaults: about half
        # the cost, on every row of a file (tests/formats/test_rows.py checks it equals Row(cells)).
        new, no_record = tuple.__new__, NO_RECORD
        blocks = reader.blocks if isinstance(reader, _BlockReader) else None
        end = reader.line_num + offset
        footer = False  # a report's footer began: its one-cell lines are all footer ("Lead Report")
        names = frozenset(c.strip().lower() for c in columns)
        try:
            while True:
                lines.start()
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except _RecordTooLongError as over:
                    start = end + 1
                    if over.lines > 1:  # a quoted field that runs on: the rows after it are unknown
                        raise InputError(
                            f"{label}, line {start}: a quoted field opened on this row runs on past "
                            f'{_size(MAX_ROW)}: a stray or unclosed " quote. Fix the quoting on line '
                            f"{start} and run again."
                        ) from None
                    lines.skip_line()
                    end = reader.line_num + offset + lines.skipped
                    yield _too_long(len(columns), start)
                    continue
                start, end = end + 1, reader.line_num + offset + lines.skipped
                if reading.check_text and (bad := _SURROGATE.search(joined := sep.join(row))):
                    raise reading.bad_text(start + joined.count("\n", 0, bad.start()))
                if end - start >= RUNAWAY_ROWS and (swallowed := _runaway(row, sep, width)):
                    raise InputError(
                        f"{label}, line {start}: a quoted field opened on this row runs on for "
                        f"{end - start + 1} lines and swallows {swallowed} lines that look like rows: "
                        f'a stray or unclosed " quote. Fix the quoting on line {start} and run again.'
                    )
                if not row:
                    continue  # a blank line is not a row
                if blocks is not None and (why := blocks.skip(row, start)) is not None:
                    # Every cell written back: a wider block's past the header's width after ls.*.
                    cells = (row + [""] * width)[:width]
                    yield Row(pick(cells) if pick is not None else cells, skip=why, extra=row[width:])
                    continue
                extra: list[str] = []
                if len(row) < width:
                    row = row + [""] * (width - len(row))
                elif len(row) > width:
                    extra = row[width:]
                    row = row[:width]
                if pick is not None:
                    row = pick(row)
                if any(cell.strip() for cell in extra):
                    yield _ragged(row, extra, start, width)
                elif width > 1 and (footer or _FOOTER.match(row[0])) and not any(c.strip() for c in row[1:]):
                    footer = True
                    yield _footer(row, start)
                elif width > 2 and grouping(row[0], names) and not any(c.strip() for c in row[1:]):
                    yield Row(row, skip=group_skip(row[0], start))
                else:
                    footer = False
                    yield new(Row, (row, no_record, None, None, (), None, None))
        except csv.Error as exc:
            raise InputError(
                f"{label}, line {reader.line_num + offset}: {exc} (a row may hold at most {_size(MAX_ROW)})"
            ) from None
        except (OSError, EOFError) as exc:
            raise InputError(f"Cannot read {label} past line {reader.line_num + offset}: {exc}") from None
        except UnicodeError as exc:  # a byte the encoding refuses (UnicodeDecodeError), or its codec's own
            reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise InputError(
                f"{label} is not valid text near line {reader.line_num + offset} ({reason}): "
                "pass --encoding, for example --encoding cp1252."
            ) from None

    source = Source(label, "table", columns, rows(), notes=notes, answered=len(keep) < width)
    source.renamed = renamed_of(header, all_columns)
    source.header = written
    source.delimiter = sep
    source.excel_like = excel_sep
    return source
