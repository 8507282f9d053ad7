"""East Asian code pages: a CSV that Excel or an Outlook in Japanese, Chinese or Korean wrote in its
Windows code page (Shift_JIS, Big5, GBK, EUC-KR), told apart by charset-normalizer and then checked
by what it reads: the letters of the script its code page writes."""

from __future__ import annotations

import unicodedata

import charset_normalizer

# charset-normalizer's names for a text's code page: the Windows one read for it (a superset: cp932
# has the NEC and IBM characters Shift_JIS lacks, cp950 Big5's, gb18030 GBK's), and its name.
_CODE_PAGES = {
    **dict.fromkeys(
        ("cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213"), ("cp932", "Japanese (Shift_JIS)")
    ),
    **dict.fromkeys(("euc_jp", "euc_jis_2004", "euc_jisx0213"), ("euc_jp", "Japanese (EUC-JP)")),
    **dict.fromkeys(("big5", "big5hkscs", "cp950"), ("cp950", "Traditional Chinese (Big5)")),
    **dict.fromkeys(("gb2312", "gbk", "gb18030", "hz"), ("gb18030", "Simplified Chinese (GBK)")),
    **dict.fromkeys(("euc_kr", "cp949", "johab"), ("cp949", "Korean (EUC-KR)")),
}
_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "FULLWIDTH", "HALFWIDTH", "IDEOGRAPHIC")
SAMPLE = 1 << 16  # the bytes charset-normalizer looks at


def east_asian(sample: bytes) -> tuple[str, str] | None:
    """Return the (encoding, name) of the East Asian code page a text that is not UTF-8 is in, or None.

    Only where charset-normalizer names one, and where that code page reads the non-ASCII letters as
    Chinese characters, kana or Hangul (four in five or more): a Western text in Windows-1252 is none.
    """
    if sum(b >= 0x80 for b in sample[:SAMPLE]) < 8:
        return None
    best = charset_normalizer.from_bytes(sample[:SAMPLE]).best()
    found = _CODE_PAGES.get(best.encoding) if best is not None else None
    if found is None:
        return None
    text = sample[:SAMPLE].decode(found[0], errors="ignore")
    wide = [c for c in text if not c.isascii() and not c.isspace()]
    ours = sum(unicodedata.name(c, "").startswith(_SCRIPTS) for c in wide)
    return found if wide and ours >= 0.8 * len(wide) else None
