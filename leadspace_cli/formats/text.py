"""Bytes to text: gzip by its magic, BOMs, encodings, and the content that does not match the name."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from leadspace_cli.errors import InputError
from leadspace_cli.formats.eastasian import east_asian
from leadspace_cli.formats.mixed import MIN_UTF8, MIXED, foreign_lines
from leadspace_cli.formats.rows import MAX_ROW

GZIP_MAGIC = b"\x1f\x8b"


ENCODING_SAMPLE = MAX_ROW  # of a compressed input, the part read ahead to judge its encoding


# Inputs that can be read only once, as stdin: a named pipe, `<(zcat leads.csv.gz)` (/dev/fd/63), or
# /dev/stdin. Each is opened once, on first sight, and read as a stream from then on.
_STREAMS: dict[str, IO[bytes]] = {}


def is_stream(path: str) -> bool:
    """Whether an input can be read only once (stdin, a pipe named by its path): it is then read as a
    stream, never opened again to sniff or to check it."""
    if path == "-":
        return True
    known = _STREAMS.get(path)
    if known is not None and not known.closed:
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)):
        return False
    try:
        _STREAMS[path] = open(path, "rb")  # noqa: SIM115 - read to its end by the run, then closed
    except OSError as exc:
        raise InputError(f"Cannot open {path}: {exc.strerror}") from None
    return True


def release_stream(path: str) -> None:
    """Close a pipe named by its path once its reader is done (a later run opens it anew)."""
    stream = _STREAMS.pop(path, None)
    if stream is not None:
        stream.close()


def stream_of(path: str) -> IO[bytes]:
    """The bytes of an input that can be read only once (see :func:`is_stream`)."""
    return sys.stdin.buffer if path == "-" else _STREAMS[path]


_SURROGATE = re.compile("[\udc80-\udcff]")  # a byte that did not decode (surrogateescape)


def _is_gzip(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == GZIP_MAGIC
    except OSError:
        return False


def _open_binary(path: str) -> IO[bytes]:
    """Open an input's bytes; gzip is recognised by its first bytes, whatever the name."""
    if is_stream(path):
        stdin = stream_of(path)
        peek = getattr(stdin, "peek", None)
        if peek is not None and peek(2)[:2] == GZIP_MAGIC:
            return gzip.GzipFile(fileobj=stdin, mode="rb")  # type: ignore[return-value]
        return stdin
    try:
        if _is_gzip(path):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        if path.lower().endswith(".gz") and os.path.isfile(path):
            raise InputError(
                f"Cannot read {path}: it is named .gz but is not gzip-compressed. Rename it without .gz "
                "if it is plain text, or compress it again."
            )
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"No such input file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder: give a CSV, TSV, JSONL or XLSX file.") from None
    except OSError as exc:
        raise InputError(f"Cannot open {path}: {exc.strerror}") from None


def _decodes(path: str, encoding: str, limit: int | None = None) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    stream = _open_binary(path)
    read = 0
    try:
        while chunk := stream.read(1 << 20):
            decoder.decode(chunk)
            read += len(chunk)
            if limit is not None and read >= limit:
                return True
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except (OSError, EOFError) as exc:
        raise InputError(f"Cannot read {path}: {exc}") from None
    finally:
        stream.close()
    return True


def utf16_without_bom(start: bytes) -> str | None:
    """Return utf-16-le or utf-16-be where the bytes are UTF-16 text without a byte-order mark: a zero
    byte beside nearly every character (the letters of a CSV header are ASCII), on one side only."""
    pairs = len(start) // 2
    if pairs < 4:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if start[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if start[i] == 0)
    if odd >= pairs * 0.7 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.7 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def _check_content(path: str, fmt: str, wide: bool = False) -> str:
    """Return the format the file's bytes say (a workbook named .csv is read as one); refuse a file
    whose bytes are not text nor a workbook leadspace reads (a PDF, an .xls, an .ods, an encrypted
    workbook), naming what it is and how to save a copy that can be read: never its bytes. ``wide``:
    the user named a UTF-16 or UTF-32 encoding, whose zero bytes are text."""
    try:
        with _open_binary(path) as fh:
            start = fh.read(4096)
    except (OSError, EOFError):
        return fmt  # reading proper says what is wrong
    if start.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = zip_kind(path)
        if kind == "xlsx":
            return "xlsx"
        raise InputError(_ZIP_KINDS[kind].format(path=path))
    if start.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if _cfb_encrypted(path):
            raise InputError(
                f"{path} is a password-protected (encrypted) Excel workbook: leadspace cannot read it. "
                "Open it in Excel with its password, remove the password (File > Info > Protect Workbook "
                "> Encrypt with Password, clear it), save it as .xlsx, and run on that copy."
            )
        raise InputError(
            f"{path} is an old Excel (.xls) workbook, which leadspace does not read: in Excel, save it "
            "as .xlsx (Excel Workbook) or CSV UTF-8, and run again."
        )
    if start.startswith(b"%PDF"):
        raise InputError(f"{path} is a PDF, not a workbook, CSV or JSON Lines text.")
    if fmt == "xlsx" and not start:
        raise InputError(
            f"{path} is empty (0 bytes): it is no workbook. Save the workbook again, or give another file."
        )
    if fmt == "xlsx":
        looks = "text" if b"\x00" not in start else "not text"
        raise InputError(
            f"{path} is named like an Excel workbook, but it is not one (its content is {looks}). If it "
            "is CSV, rename it .csv or pass --input-format csv; else open it in Excel and save it as "
            ".xlsx."
        )
    if what := next((k for magic, k in _MAGIC if start.startswith(magic)), None):
        raise InputError(f"{path} is {what}, not CSV or JSON Lines text: give the export's CSV file.")
    controls = sum(1 for b in start if b < 9 or 13 < b < 32)
    # Random bytes: one in twenty a control byte, and no UTF-8 (text with a few control characters in
    # its cells, or a short file, is read as text).
    if (
        len(start) >= 512
        and controls * 20 > len(start)
        and not any(start.startswith(b) for b, _, _ in _BOMS)
        and not _utf8(start)
    ):
        raise InputError(
            f"{path} does not look like text (control bytes near its start): give a CSV, TSV or JSON "
            "Lines file, or pass --encoding utf-16-le (or utf-16-be) if it is UTF-16 text without a "
            "byte-order mark."
        )
    if wide or utf16_without_bom(start) is not None:
        return fmt  # UTF-16 or UTF-32 text: its zero bytes are half its letters
    nuls = start.count(b"\x00")
    if nuls >= 32 and nuls > len(start) // 10 and not any(start.startswith(b) for b, _, _ in _BOMS):
        # A stray NUL in a cell is data; a tenth of the bytes is a binary file (or UTF-16 sans BOM).
        raise InputError(
            f"{path} does not look like text (many NUL bytes near its start): give a CSV, TSV or JSON "
            "Lines file, or pass --encoding utf-16-le (or utf-16-be) if it is UTF-16 text without a "
            "byte-order mark."
        )
    return fmt


def _utf8(start: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(start, final=False)
    except UnicodeDecodeError:
        return False
    return True


# Files saved under a CSV's name by mistake: an image, an archive, a program.
_MAGIC = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


_SAVE_AS_XLSX = "and run on that copy."
_ZIP_KINDS = {
    "ods": (
        "{path} is an OpenDocument spreadsheet (.ods, as LibreOffice writes), which leadspace does not "
        "read: open it in LibreOffice Calc and save it as Excel 2007-365 (.xlsx) or as CSV (File > Save "
        "As), " + _SAVE_AS_XLSX
    ),
    "ods-encrypted": (
        "{path} is a password-protected OpenDocument spreadsheet (.ods): leadspace cannot read it. Open "
        "it in LibreOffice Calc with its password and save it as Excel 2007-365 (.xlsx) without a "
        "password (untick 'Save with password'), " + _SAVE_AS_XLSX
    ),
    "numbers": (
        "{path} is an Apple Numbers document, which leadspace does not read: in Numbers, choose File > "
        "Export To > Excel (or CSV), " + _SAVE_AS_XLSX
    ),
    "xlsb": (
        "{path} is an Excel Binary Workbook (.xlsb), which leadspace does not read: in Excel, save it "
        "as Excel Workbook (.xlsx) or CSV UTF-8 (File > Save As), " + _SAVE_AS_XLSX
    ),
    "office": (
        "{path} is a Word or PowerPoint document, not a spreadsheet: give a CSV, TSV, JSON Lines or "
        "Excel (.xlsx) file."
    ),
    "damaged": (
        "{path} is a damaged or truncated zip archive (a workbook cut short while it was copied or "
        "downloaded?): its end is missing. Copy or download it again; if it opens in Excel, save it "
        "again as .xlsx."
    ),
    "zip": (
        "{path} is a zip archive, not CSV text or an Excel workbook: unzip it, and run on the file inside."
    ),
}


def zip_kind(path: str) -> str:
    """Return what a zip file holds: xlsx, ods, ods-encrypted, numbers, xlsb, office, damaged or zip."""
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            lower = {n.lower() for n in names}
            if "mimetype" in lower:
                with z.open("mimetype") as fh:
                    mime = fh.read(200)
                if b"opendocument.spreadsheet" in mime:
                    try:
                        with z.open("META-INF/manifest.xml") as fh:
                            encrypted = b"encryption-data" in fh.read(1 << 20)
                    except KeyError:
                        encrypted = False
                    return "ods-encrypted" if encrypted else "ods"
            if any(n.startswith("index/") and n.endswith(".iwa") for n in lower) or "index.zip" in lower:
                return "numbers"
            if any(n.endswith("/workbook.bin") for n in lower):
                return "xlsb"
            if any(n.endswith("/workbook.xml") for n in lower):
                return "xlsx"
            if any(n.startswith(("word/", "ppt/")) for n in lower):
                return "office"
            return "zip"
    except (zipfile.BadZipFile, EOFError):
        return "damaged"
    except OSError:
        return "zip"


_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def _cfb_encrypted(path: str) -> bool:
    """Whether an OLE compound file holds an encrypted Office document (an EncryptionInfo stream:
    Excel's 'Encrypt with Password' wraps the .xlsx so)."""
    try:
        with open(path, "rb") as fh:
            tail = b""
            while chunk := fh.read(1 << 20):
                if _ENCRYPTION_INFO in tail + chunk:
                    return True
                tail = chunk[-len(_ENCRYPTION_INFO) :]
    except OSError:
        return False
    return False


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _unicode_bom(path: str) -> tuple[str, str] | None:
    """Return the encoding a UTF-16 or UTF-32 byte-order mark names, or None."""
    if is_stream(path):
        peek = getattr(stream_of(path), "peek", None)
        start = peek(4)[:4] if peek is not None else b""
    else:
        try:
            with _open_binary(path) as fh:
                start = fh.read(4)
        except (OSError, EOFError):
            return None
    return next(((enc, name) for bom, enc, name in _BOMS if start.startswith(bom)), None)


def detect_encoding(path: str) -> tuple[str, str | None, bool]:
    """Return the encoding of a file, a note when it is not UTF-8, and whether all of it was checked.

    A plain file is read through once per candidate (UTF-8, then Windows-1252), so that a stray byte
    at the end is found before any call; Latin-1, which decodes any byte, is the last resort. Of a
    compressed file only the first 16 MiB are judged (its size is unknown until it is unpacked);
    stdin cannot be read twice and is taken as UTF-8. What was not checked is checked row by row.
    """
    unicode = _unicode_bom(path)
    if unicode is not None:
        encoding, name = unicode
        note = f"{path} is {name} text (by its byte-order mark, as Excel's Unicode Text is)."
        return encoding, note, False  # each row is checked as it is read
    if is_stream(path):
        return _stream_encoding(path)
    try:
        with _open_binary(path) as fh:
            wide = utf16_without_bom(fh.read(4096))
    except (OSError, EOFError):
        wide = None
    if wide is not None:
        order = "little" if wide.endswith("le") else "big"
        note = f"{path} is UTF-16 text ({order}-endian) without a byte-order mark: reading it so."
        return wide, note, False
    limit = ENCODING_SAMPLE if _is_gzip(path) else None
    if _decodes(path, "utf-8", limit):
        return "utf-8-sig", None, limit is None
    good, bad, first = foreign_lines(lambda: _open_binary(path), limit)
    if good >= MIN_UTF8 and good >= bad:
        return (
            MIXED,
            f"{path} is UTF-8 but for a few lines in Windows-1252 (line {first} first): each line is "
            "read as it was written. If accents look wrong, pass --encoding (for example --encoding "
            "utf-8 or cp1252).",
            limit is None,
        )
    try:
        with _open_binary(path) as fh:
            sample = fh.read(SCRIPT_SAMPLE)
    except (OSError, EOFError) as exc:
        raise InputError(f"Cannot read {path}: {exc}") from None
    for encoding, name in [*_other_scripts(sample), *filter(None, [east_asian(sample)])]:
        if _decodes(path, encoding, limit):
            return (
                encoding,
                f"{path} is not UTF-8; its letters read as {name}: reading it so. If they look wrong, "
                "pass --encoding (for example --encoding cp1252, cp1251, cp932 or cp950).",
                limit is None,
            )
    if _reads_better("mac_roman", sample):
        return (
            "mac_roman",
            f'{path} is not UTF-8; its accents read as Mac Roman (Excel\'s "CSV (Macintosh)"): reading it '
            "so. If they look wrong, pass --encoding (for example --encoding cp1252 or latin-1).",
            limit is None,
        )
    for encoding, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        if encoding == "latin-1" or _decodes(path, encoding, limit):
            return (
                encoding,
                f"{path} is not UTF-8; reading it as {name}. If accents look wrong, pass --encoding "
                "(for example --encoding cp1252, latin-1 or mac-roman).",
                limit is None,
            )
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


SCRIPT_SAMPLE = 1 << 20  # the bytes of a text that is not UTF-8 looked at to tell its script


def _stream_encoding(path: str) -> tuple[str, str | None, bool]:
    """The encoding of stdin or a pipe, by what a peek at its first bytes sees (it cannot be read
    twice; a peek sees 8 KiB or more): UTF-8 unless they are not (an Excel CSV in Windows-1252
    piped in), judged as a file is."""
    label = "stdin" if path == "-" else path
    peek = getattr(stream_of(path), "peek", None)
    head: bytes = peek(1 << 16)[: 1 << 16] if peek is not None else b""
    try:
        head.decode("utf-8")
        return "utf-8-sig", None, False
    except UnicodeDecodeError as exc:
        if head.startswith(GZIP_MAGIC) or exc.start >= len(head) - 3:  # packed, or a character cut
            return "utf-8-sig", None, False
    good, bad, first = foreign_lines(lambda: io.BytesIO(head), None)
    if good >= MIN_UTF8 and good >= bad:
        return MIXED, f"{label} is UTF-8 but for a few lines in Windows-1252 (line {first} first).", False
    scripts = [*_other_scripts(head), *filter(None, [east_asian(head)])]
    named = [(e, n) for e, n in scripts if _decodes_bytes(head, e)]
    encoding, name = (named or [("cp1252", "Windows-1252")])[0]
    if not named and _reads_better("mac_roman", head):
        encoding, name = "mac_roman", "Mac Roman"
    elif not _decodes_bytes(head, encoding):
        encoding, name = "latin-1", "Latin-1"
    return (
        encoding,
        f"{label} is not UTF-8; reading it as {name} (by its first bytes). If accents look wrong, pass "
        "--encoding (for example --encoding cp1252, latin-1 or mac-roman).",
        False,
    )


def _decodes_bytes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _accents(text: str) -> tuple[int, int]:
    """Count how a decoding reads a text's accented letters: lower-case letters inside words
    ("Müller", "Société") for it; capitals or signs inside words ("MŸller", "SÂo"), control characters
    and undecodable bytes against it."""
    good = bad = 0
    for word in _WORD.findall(text):
        for i, c in enumerate(word):
            if not c.isascii():
                if c.islower() or (i == 0 and c.isupper()):
                    good += 1
                else:
                    bad += 1
    signs = len(_SIGN_IN_WORD.findall(text))  # "S„o": a sign where a letter belongs
    return good, bad + signs + sum(1 for c in text if "\x80" <= c <= "\x9f" or c == "\ufffd")


_SIGN_IN_WORD = re.compile(r"(?<=[a-zA-Z])[^\x00-\x7f\w\s](?=[a-zA-Z])")


def _reads_better(encoding: str, sample: bytes) -> bool:
    """Whether ``encoding`` reads a Western text's accents as letters (almost all) where Windows-1252
    reads some of them as signs or nothing. Windows-1252's quotes, dashes and bullet (0x91-0x97:
    "O’Brien", which Mac Roman reads as "OíBrien") are left out: they tell nothing either way."""
    sample = sample.translate(None, bytes(range(0x91, 0x98)))
    good, bad = _accents(sample.decode(encoding, errors="replace"))
    theirs, wrong = _accents(sample.decode("cp1252", errors="replace"))
    return good >= 2 and bad * 10 <= good and wrong > bad and good - bad > theirs - wrong


_WORD = re.compile(r"[^\W\d_]+")
# The code pages of the other scripts whose files are met beside Western European ones: tried only
# when Windows-1252 reads the text as words made wholly of accented letters, which no Western
# language writes ("Ëåùíéäáò" is Greek "Λεωνιδας" in ISO-8859-7 or Windows-1253).
_SCRIPTS = (
    ("cp1253", "GREEK", "Greek (Windows-1253)", "αεηιουωάέήίόύώϊϋΐΰ"),
    ("iso-8859-7", "GREEK", "Greek (ISO-8859-7)", "αεηιουωάέήίόύώϊϋΐΰ"),
    ("cp1251", "CYRILLIC", "Cyrillic (Windows-1251)", "аеёиоуыэюяіїєў"),
    ("koi8-r", "CYRILLIC", "Cyrillic (KOI8-R)", "аеёиоуыэюяіїєў"),
)


def _other_scripts(sample: bytes) -> list[tuple[str, str]]:
    """Return the (encoding, name) of another script's code page a non-UTF-8 text reads as, or [].

    Read as Windows-1252, Western text mixes accented letters with plain ones (``Müller``, ``été``);
    Greek or Cyrillic in its own code page becomes words of accented letters only. Then each code
    page is judged by what it reads: letters of its script, words in one case or capitalised, and a
    share of vowels that a language has (a wrong code page turns vowels into rare consonants). The
    code pages that pass are returned, best first, when they are all of one script; else none.
    """
    western = sample.decode("cp1252", errors="replace")
    words = [w for w in _WORD.findall(western) if not w.isascii()]
    foreign = [w for w in words if len(w) >= 2 and not any(c.isascii() for c in w)]
    if len(foreign) < 3 or len(foreign) * 2 < len(words):
        return []
    found: list[tuple[str, str, str]] = []  # (script, encoding, name)
    for encoding, script, name, vowels in _SCRIPTS:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters_words = [w for w in _WORD.findall(text) if not w.isascii()]
        letters = [c for w in letters_words for c in w if not c.isascii()]
        ours = [c.lower() for c in letters if unicodedata.name(c, "").startswith(script)]
        if not letters or len(ours) < 0.95 * len(letters):
            continue
        cased = sum(1 for w in letters_words if w.islower() or w.isupper() or w.istitle())
        share = sum(1 for c in ours if c in vowels) / len(ours)
        if cased < 0.8 * len(letters_words) or not 0.3 <= share <= 0.65:
            continue
        found.append((script, encoding, name))
    if len({script for script, _, _ in found}) != 1:
        return []
    return [(encoding, name) for _, encoding, name in found]


def _named(encoding: str) -> str:
    """An encoding as people know it: Python's "utf-8-sig" (UTF-8, a BOM or not) is UTF-8."""
    return "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8-sig", "utf-8", "utf8") else encoding


@dataclass(frozen=True)
class _Reading:
    label: str
    encoding: str
    check_text: bool  # bytes not checked ahead: look for ones that did not decode, row by row

    def bad_text(self, line: int) -> InputError:
        return InputError(
            f"{self.label}, line {line}: a byte that is not valid {_named(self.encoding)} text. Pass "
            "--encoding (for example --encoding cp1252 for Windows' Western code page), or fix that line."
        )


def _lines(reading: _Reading, text: io.TextIOWrapper) -> Iterator[tuple[int, str]]:
    """Yield (line number, line); a line over MAX_ROW characters comes back cut, marked by _LONG."""
    number = 0
    while True:
        line = text.readline(MAX_ROW)
        if not line:
            return
        number += 1
        if len(line) >= MAX_ROW and not line.endswith("\n"):
            while (rest := text.readline(MAX_ROW)) and not rest.endswith("\n"):
                pass
            yield number, _LONG
            continue
        if reading.check_text and _SURROGATE.search(line):
            raise reading.bad_text(number)
        yield number, line


_LONG = "\x00long"  # stands for a line over MAX_ROW


def _size(chars: int) -> str:
    return f"{chars // 2**20} MiB" if chars >= 2**20 else f"{chars:,} characters"


def is_workbook(path: str) -> bool:
    """Whether a file is an Excel workbook (a zip holding a workbook part), whatever its name."""
    return zip_kind(path) == "xlsx"
