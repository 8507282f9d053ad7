"""Open an input by its name and content: the one door to every reader."""

from __future__ import annotations

import codecs
import contextlib
import io
import zlib
from collections.abc import Callable

from leadspace_cli.errors import InputError
from leadspace_cli.formats.delimited import _csv_source
from leadspace_cli.formats.jsonl import _jsonl_source
from leadspace_cli.formats.rows import Source, format_of
from leadspace_cli.formats.text import (
    _check_content,
    _open_binary,
    _Reading,
    detect_encoding,
    is_stream,
    release_stream,
    stream_of,
)
from leadspace_cli.formats.values import record_columns
from leadspace_cli.formats.xlsx import _xlsx_source


def open_source(
    path: str,
    *,
    input_format: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    prescan: bool = False,
    keep_ls: bool = False,
    sheet: str | None = None,
    include_hidden: bool = False,
    header_row: int | None = None,
    header_hint: Callable[[str], bool] | None = None,
) -> Source:
    """Open an input file (or ``-`` for stdin) and read its header.

    With ``prescan`` a file is read through once first, in constant memory, so that what would
    stop the run midway (a runaway quoted field, a row over 16 MiB, a bad byte) stops it before any
    call, JSON Lines columns are the union of every line's keys, and the rows are counted.
    Of a workbook, the first visible worksheet is read (``sheet`` picks any); rows its filter hides
    are skipped unless ``include_hidden`` (rows hidden by hand are read); its header is row
    ``header_row``, else the first row with two text cells of which one passes ``header_hint``.
    Raises InputError, with the fix, for an empty file, a missing header or unreadable text.
    """
    fmt = format_of(path, input_format)
    sep = delimiter or ("\t" if fmt == "tsv" else None)  # None: Excel's sep= line, else sniffed
    if sep is not None:
        sep = "\t" if sep in ("\\t", "tab") else sep
        if fmt != "jsonl" and len(sep) != 1:
            raise InputError(f"--delimiter must be one character, not {sep!r}.")
    notes: list[str] = []
    checked = True
    stream = is_stream(path)  # stdin, or a pipe by its name: read once, as it comes
    if not stream:
        wide = encoding is not None and _wide(encoding)
        found_fmt = _check_content(path, fmt, wide)
        if found_fmt != fmt and input_format is None:
            notes.append(f"{path} is an Excel workbook, whatever its name says: read as one.")
            fmt = found_fmt
    elif fmt != "xlsx" and input_format is None and _stdin_is_zip(path):
        # A workbook piped in (`cat leads.xlsx | leadspace enrich -`) was read as text and refused
        # with a hint to pass --encoding cp1252.
        notes.append(f"{_label(path)} is an Excel workbook: read as one (--input-format xlsx says so).")
        fmt = "xlsx"
    named = not stream and path.lower().removesuffix(".gz").endswith((".csv", ".tsv"))  # a CSV's "{" header
    if fmt == "csv" and input_format is None and not named and _starts_with(path, stream, b"{"):
        # JSON Lines piped in (`jq -c ... | leadspace enrich -`), or gzipped under a name that does not
        # say so (`n.gz`), was read as CSV, its keys as columns.
        notes.append(f"{_label(path)} is JSON Lines: read as such (--input-format jsonl says so).")
        fmt = "jsonl"
    if fmt == "xlsx":
        source = _xlsx_source(
            path,
            sheet,
            keep_ls,
            include_hidden=include_hidden,
            header_row=header_row,
            header_hint=header_hint,
        )
        source.notes = notes + source.notes
        return source
    if sheet is not None:
        raise InputError(f"--sheet {sheet!r}: {path} is not an Excel workbook, so it has no sheets.")
    if header_row is not None and fmt == "jsonl":
        raise InputError(f"--header-row: {path} is JSON Lines, whose keys are its columns: leave it out.")
    if encoding is None:
        encoding, note, checked = detect_encoding(path)
        if note:
            notes.append(note)
    else:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"Unknown encoding {encoding!r}: try utf-8, cp1252 or latin-1.") from None
        if not getattr(info, "_is_text_encoding", True):  # base64, zlib: bytes to bytes, not text
            raise InputError(f"{encoding!r} is not a text encoding: try utf-8, cp1252 or latin-1.")
        checked = False
        if _eight_bit(path, encoding):  # decoded as UTF-16, 8-bit text is letters of other scripts
            raise InputError(
                f"{path} is not {encoding} text: it has no zero bytes, as UTF-16 and UTF-32 text always "
                "has, and reads as UTF-8. Leave --encoding out (or pass --encoding utf-8)."
            )
    total: int | None = None
    columns: list[str] | None = None
    if prescan and not stream:
        scan = _open(
            path,
            fmt,
            encoding,
            sep,
            check_text=not checked,
            keep_ls=keep_ls,
            header_row=header_row,
            header_hint=header_hint,
        )
        try:
            if fmt == "jsonl":
                found: dict[str, None] = dict.fromkeys(scan.columns)
                total = 0
                for total, row in enumerate(scan.rows, start=1):  # noqa: B007 - the count is the total
                    found.update(dict.fromkeys(record_columns(row.record)))  # a bad line's is empty
                columns = list(found)
            else:
                total = sum(1 for _ in scan.rows)
        finally:
            scan.close()
    source = _open(
        path,
        fmt,
        encoding,
        sep,
        check_text=not checked,
        columns=columns,
        keep_ls=keep_ls,
        header_row=header_row,
        header_hint=header_hint,
    )
    source.notes = notes + source.notes
    source.total = total
    return source


def _open(
    path: str,
    fmt: str,
    encoding: str,
    sep: str | None,
    *,
    check_text: bool,
    columns: list[str] | None = None,
    keep_ls: bool = False,
    header_row: int | None = None,
    header_hint: Callable[[str], bool] | None = None,
) -> Source:
    binary = _open_binary(path)
    errors = "surrogateescape" if check_text else "strict"
    text = io.TextIOWrapper(binary, encoding=encoding, errors=errors, newline="")
    label = _label(path)
    reading = _Reading(label, encoding, check_text)
    try:
        if fmt == "jsonl":
            source = _jsonl_source(reading, text, columns, keep_ls)
        else:
            source = _csv_source(reading, text, sep, keep_ls, header_row, header_hint)
    except UnicodeError as exc:  # a byte the encoding refuses, or a UTF-16 file without its BOM
        text.close()
        where = f"{exc.reason} at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise InputError(
            f"{label} is not valid {encoding} text ({where}): pass another --encoding, for example "
            "--encoding utf-8 or --encoding cp1252 (utf-16-le or utf-16-be for UTF-16 without a BOM)."
        ) from None
    except (OSError, EOFError) as exc:
        text.close()
        raise InputError(f"Cannot read {label}: {exc}") from None
    except InputError:
        text.close()
        raise
    source.encoding = encoding

    def close() -> None:
        text.close()
        release_stream(path)

    source._close = close
    # Excel's own CSV: a BOM (CSV UTF-8, Unicode Text), a code page (CSV), or a sep= line.
    source.excel_like = source.excel_like or not encoding.startswith("utf-8") or _utf8_bom(path)
    return source


def _wide(encoding: str) -> bool:
    """Whether an encoding is UTF-16 or UTF-32 (an unknown one is not: it is refused later)."""
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _eight_bit(path: str, encoding: str) -> bool:
    """Whether a file read as UTF-16 or UTF-32 is 8-bit text that reads as UTF-8 (a wrong --encoding)."""
    if is_stream(path) or not _wide(encoding):
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return False
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut at the end of what was read
    return True


def _utf8_bom(path: str) -> bool:
    if is_stream(path):
        peek = getattr(stream_of(path), "peek", None)
        return peek is not None and peek(3)[:3] == codecs.BOM_UTF8
    try:
        with _open_binary(path) as fh:
            return fh.read(3) == codecs.BOM_UTF8
    except (OSError, EOFError, InputError):
        return False


def _label(path: str) -> str:
    return "stdin" if path == "-" else path


def _stdin_is_zip(path: str) -> bool:
    """Whether stdin's (or a pipe's) first bytes are a zip file's (an .xlsx workbook's), as far as a
    peek sees."""
    peek = getattr(stream_of(path), "peek", None)
    return peek is not None and peek(4)[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _starts_with(path: str, stream: bool, start: bytes) -> bool:
    """Whether an input's first bytes, unpacked if gzipped (past a UTF-8 BOM and blanks), are
    ``start``: as far as a peek sees, of stdin or a pipe."""
    if not stream:
        try:
            with _open_binary(path) as fh:
                head = fh.read(64)
        except (OSError, EOFError, InputError):
            return False
    else:
        peek = getattr(stream_of(path), "peek", None)
        if peek is None:
            return False
        head = peek(4096)[:4096]
        if head.startswith(b"\x1f\x8b"):
            with contextlib.suppress(zlib.error):
                head = zlib.decompressobj(wbits=31).decompress(head, 64)
    return head[:64].removeprefix(codecs.BOM_UTF8).lstrip().startswith(start)
