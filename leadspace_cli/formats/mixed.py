"""UTF-8 with a few lines in Windows-1252: files joined from two exports, each read as its own.

A UTF-8 export with rows appended from a Windows tool ("René" as one byte, 0xE9) is not UTF-8, and
read whole as Windows-1252 every UTF-8 accent of the other rows turns into two letters ("JosÃ©"),
sent and written back so. Read through :data:`MIXED`, each byte sequence that is valid UTF-8 is
UTF-8 and each byte that is not is Windows-1252 (Latin-1 for the five bytes Windows-1252 leaves
undefined): both kinds of rows read as they were written.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import IO, Any

MIXED = "leadspace-utf8-cp1252"
_ERRORS = "leadspace-cp1252"


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 refused as Windows-1252, byte by byte (Latin-1 where it has none)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    text = "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in bad
    )
    return text, exc.end


class _Decoder(codecs.IncrementalDecoder):
    """UTF-8, with the bytes it refuses read as Windows-1252 (whatever ``errors`` was asked)."""

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors=_ERRORS)

    def decode(self, data: bytes, final: bool = False) -> str:  # type: ignore[override]
        return self._utf8.decode(data, final)

    def reset(self) -> None:
        self._utf8.reset()

    def getstate(self) -> tuple[bytes, int]:
        state: tuple[bytes, int] = self._utf8.getstate()
        return state

    def setstate(self, state: tuple[bytes, int]) -> None:
        self._utf8.setstate(state)


def _decode(data: Any, errors: str = "strict", /) -> tuple[str, int]:  # any buffer, as codecs pass
    return codecs.utf_8_decode(data, _ERRORS, True)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("-", "_") != MIXED.replace("-", "_"):
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        name=MIXED,
        encode=utf8.encode,
        decode=_decode,
        incrementalencoder=utf8.incrementalencoder,
        incrementaldecoder=_Decoder,
        streamreader=utf8.streamreader,
        streamwriter=utf8.streamwriter,
    )


codecs.register_error(_ERRORS, _as_cp1252)
codecs.register(_search)


def foreign_lines(open_binary: Callable[[], IO[bytes]], limit: int | None) -> tuple[int, int, int]:
    """Read a file that is not UTF-8 through: return its characters that UTF-8 reads beyond ASCII,
    the bytes it refuses, and the line of the first refused one. It stops early once the refused
    bytes are past what a few lines hold and UTF-8 read almost nothing (a file wholly in a code page)."""
    good = bad = first = lines = read = 0
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    with open_binary() as stream:
        while chunk := stream.read(1 << 20):
            read += len(chunk)
            text = decoder.decode(chunk)
            refused = 0
            if (hit := _REFUSED.search(text)) is not None:
                refused = len(_REFUSED.findall(text))
                first = first or lines + text.count("\n", 0, hit.start()) + 1
            good += len(_BEYOND_ASCII.findall(text)) - refused
            bad += refused
            lines += text.count("\n")
            if (limit is not None and read >= limit) or (bad > 1000 and good < MIN_UTF8):
                break
    return good, bad, first


_REFUSED = re.compile("[\udc80-\udcff]")  # a byte UTF-8 refused (surrogateescape)
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


# From this many characters UTF-8 reads beyond ASCII, and no fewer than the bytes it refuses, a file
# that is not UTF-8 is UTF-8 with lines of Windows-1252: one is enough (a valid multi-byte sequence,
# which Windows-1252 or another code page's text almost never holds by chance; with three, a file of
# one "ü" in UTF-8 and one "é" in Windows-1252 was read whole as Windows-1252, its "ü" as "Ã¼").
MIN_UTF8 = 1
