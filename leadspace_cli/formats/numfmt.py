"""A workbook cell's value as a request sends it (request rules 2): Excel's number formats, as far
as they matter to a lead.

What is rendered as Excel shows it: numbers to Excel's 15 significant digits (``68.665``, never
``68.66499999999999``), digit patterns (a zip code ``00000``, Zip+4 ``00000-0000``, a phone
``(###) ###-####``), elapsed times (``[h]:mm:ss``: ``255:10:10``) and Excel's ``_xHHHH_`` escapes.
What is not: dates and times are written as ISO dates (``2024-03-01``, ``2024-03-01 10:30:00``)
whatever their display format, and thousands separators, currency signs, percent signs and fixed
decimals are left out (``50000``, not ``50,000.00``): a lead's field is an identifier or a name,
and an API reads a plain number better than a locale's display of it. The output shows those as
Excel does (``numdisplay``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import re

BUILTIN = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "yyyy-mm-dd",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "yyyy-mm-dd h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
# 27-36 and 50-81: the East Asian locales' built-in date formats.
BUILTIN.update(dict.fromkeys((*range(27, 37), *range(50, 59)), "yyyy-mm-dd"))


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@functools.lru_cache(maxsize=1024)
def changed_in_rules_6(fmt: str) -> bool:
    """Whether request rules 6 send a number in this format otherwise than rules 5 did: a General
    with a colour or a locale (a date before), a digit pattern with literal digits (bare before)."""
    return kind(fmt, 6) != kind(fmt, 5)


def unescape(text: str) -> str:
    """Return text with Excel's ``_xHHHH_`` escapes decoded (``_x000D_`` is a carriage return)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literals, [Red]/[$-409], padding


def _codes(section: str) -> str:
    """Return a format section without its literals, colours and conditions: only its codes."""
    return _QUOTED.sub("", section)


_DATE_CODES = re.compile(r"[dmyhse]", re.IGNORECASE)
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.IGNORECASE)


def kind(fmt: str | None, rules: int = 6) -> str:
    """Return what a number format shows: "general", "date", "time", "datetime", "elapsed",
    "digits" (a pattern of 0 and # and literals, such as a zip code), "text" or "number".
    Request rules 5 and before read a General with a colour or a locale ("[BLUE]General") as a time."""
    if not fmt or fmt.lower() == "general":
        return "general"
    if fmt == "@":
        return "text"
    first = fmt.split(";", 1)[0]
    if _ELAPSED.search(first):
        return "elapsed"
    codes = _codes(first)
    if codes.strip().lower() == "general" and rules >= 6:
        # General with a colour, a locale or a literal ("[BLUE]General", "[$-407]General", '"$"General',
        # "General;[Red]-General": LibreOffice writes them): its "e" is no date code.
        return "general"
    if _DATE_CODES.search(codes.replace("E+", "").replace("E-", "").replace("e+", "").replace("e-", "")):
        low = codes.lower()
        has_date = bool(re.search(r"[dy]", low)) or bool(re.search(r"m", low) and not re.search(r"[hs]", low))
        has_time = bool(re.search(r"[hs]", low))
        if has_date and has_time:
            return "datetime"
        return "date" if has_date else "time"
    if _digits_sections(fmt, rules) is not None:
        return "digits"
    return "number"


def _digits_sections(fmt: str, rules: int = 6) -> list[tuple[str | None, str]] | None:
    """Return a digit pattern's sections as (condition, pattern), or None: only whole-number
    patterns of 0 and # with literals between them (no decimals, no thousands separator, no %).
    A digit other than 0 is a literal (a phone's country code, "\\+44\\ 0000\\ 000000", as Excel saves
    "+44 0000 000000"); request rules 5 and before read such a pattern as a plain number."""
    out: list[tuple[str | None, str]] = []
    for section in fmt.split(";")[:2]:
        cond = re.match(r"\s*\[([<>=]+\s*-?\d+)\]", section)
        body = section[cond.end() :] if cond else section
        codes = _codes(body)
        allowed = r"[0-9#\s()\-+/.]*" if rules >= 6 else r"[0#\s()\-+/.]*"
        if not codes or not re.fullmatch(allowed, codes) or ("0" not in codes and "#" not in codes):
            return None
        if "." in codes or "," in codes or "%" in codes:
            return None
        if len(re.sub(r"[^0#]", "", codes)) < 4 and "-" not in codes and "(" not in codes:
            return None  # "0" or "#": a plain number
        out.append((cond.group(1).replace(" ", "") if cond else None, body))
    return out


def _apply_digits(value: int, pattern: str) -> str:
    """Lay a whole number into a digit pattern, as Excel does: 0 a digit or a zero, # a digit."""
    tokens: list[tuple[str, str]] = []  # ("d", "0"|"#") or ("l", literal)
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == '"':
            end = pattern.find('"', i + 1)
            end = len(pattern) if end < 0 else end
            tokens.append(("l", pattern[i + 1 : end]))
            i = end + 1
            continue
        if ch == "\\" and i + 1 < len(pattern):
            tokens.append(("l", pattern[i + 1]))
            i += 2
            continue
        if ch in "_*" and i + 1 < len(pattern):
            tokens.append(("l", " " if ch == "_" else ""))
            i += 2
            continue
        if ch == "[":
            end = pattern.find("]", i)
            i = len(pattern) if end < 0 else end + 1
            continue
        tokens.append(("d", ch) if ch in "0#" else ("l", ch))
        i += 1
    places = [t for t in tokens if t[0] == "d"]
    digits = str(value)
    zeros = sum(1 for _, c in places if c == "0")
    if len(digits) < zeros:
        digits = digits.zfill(zeros)
    n = len(places)
    if len(digits) > n:  # the surplus digits go to the first placeholder
        head, digits = digits[: len(digits) - n + 1], digits[len(digits) - n + 1 :]
    else:
        head = ""
    out: list[str] = []
    pos = n - len(digits)  # placeholders before the first digit show nothing (#) or 0
    k = 0
    for kind_, ch in tokens:
        if kind_ == "l":
            out.append(ch)
            continue
        if k < pos:
            out.append("0" if ch == "0" else "")
        else:
            if k == pos and head:
                out.append(head[:-1])
            out.append(digits[k - pos])
        k += 1
    return "".join(out).strip()


def _condition(cond: str, value: float) -> bool:
    m = re.fullmatch(r"(<=|>=|<>|<|>|=)(-?\d+)", cond)
    if m is None:
        return True
    op, n = m.group(1), int(m.group(2))
    return {
        "<=": value <= n,
        ">=": value >= n,
        "<>": value != n,
        "<": value < n,
        ">": value > n,
        "=": value == n,
    }[op]


def general(value: float) -> str:
    """Return a number as Excel's General format keeps it: 15 significant digits, no float noise."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = format(value, ".15g")
    if "e" in text:
        exponent = int(text.split("e")[1])
        if -20 < exponent < 21:
            text = format(decimal.Decimal(text), "f")
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("e", "E")


EPOCH_1900 = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)


def serial_to_datetime(value: float, date1904: bool = False) -> dt.datetime | None:
    """Return the date a serial stands for, as Excel counts: 1900-02-29 exists in Excel's calendar
    (serial 60), so serials 1 to 59 count from 1899-12-31. None for a serial Excel cannot show."""
    if value < 0 or value >= 2958466:
        return None
    if date1904:
        base = EPOCH_1904
    elif value < 60:
        base = EPOCH_1900 + dt.timedelta(days=1)
    elif value < 61:
        return None  # 1900-02-29, which Python's calendar does not have
    else:
        base = EPOCH_1900
    # Excel rounds to the millisecond and shows whole seconds rounded.
    ms = round(value * 86_400_000)
    return base + dt.timedelta(milliseconds=ms)


def _round_seconds(moment: dt.datetime) -> dt.datetime:
    if moment.microsecond >= 500_000:
        moment += dt.timedelta(seconds=1)
    return moment.replace(microsecond=0)


def _elapsed(value: float, fmt: str) -> str:
    total = round(abs(value) * 86_400)
    sign = "-" if value < 0 and total else ""
    unit = _ELAPSED.search(fmt)
    assert unit is not None
    first = unit.group(1)[0].lower()
    codes = _codes(fmt.split(";", 1)[0]).lower()
    show_seconds = "s" in codes or first == "s"
    if first == "s":
        return f"{sign}{total}"
    if first == "m":
        minutes, seconds = divmod(total, 60)
        return f"{sign}{minutes}:{seconds:02d}" if show_seconds else f"{sign}{minutes}"
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if show_seconds:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{hours}:{minutes:02d}"


def number_text(value: float, fmt: str | None, date1904: bool = False, rules: int = 6) -> str:
    """Return a number cell's text: see the module's docstring for what is shown as Excel does."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""  # <v>NaN</v>: no number Excel writes, none to show or send
    what = kind(fmt, rules)
    if what in ("date", "datetime", "time"):
        moment = serial_to_datetime(value, date1904)
        if moment is None:
            if 60 <= value < 61 and not date1904:
                return "1900-02-29" if what == "date" else "1900-02-29 " + _time_of(value)
            return general(value)
        moment = _round_seconds(moment)
        if what == "time" and value < 1:
            return moment.time().isoformat()
        if what == "date" or moment.time() == dt.time(0):
            return moment.date().isoformat()
        return moment.isoformat(sep=" ")
    if what == "elapsed":
        assert fmt is not None
        if abs(value) * 86_400 >= 2**63:  # no time Excel can show: 10^14 years
            return general(value)
        return _elapsed(value, fmt)
    if what == "digits" and float(value).is_integer():
        assert fmt is not None
        sections = _digits_sections(fmt, rules)
        if sections:
            whole = int(value)
            if len(sections) == 2 and sections[0][0] is not None:
                pattern = sections[0][1] if _condition(sections[0][0], whole) else sections[1][1]
            elif whole < 0:
                return general(value)
            else:
                pattern = sections[0][1]
            return _apply_digits(abs(whole), pattern)
    return general(value)


def _time_of(value: float) -> str:
    seconds = round((value % 1) * 86_400)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def iso_text(value: str) -> str:
    """Return an ISO 8601 date cell (``t="d"``) as the tool writes dates: ``2024-03-01``,
    ``2024-03-01 10:30:00``."""
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text.rstrip("Z"))
    except ValueError:
        return text
    if moment.time() == dt.time(0) and moment.tzinfo is None:
        return moment.date().isoformat()
    return _round_seconds(moment).isoformat(sep=" ")


def iso_value(value: str) -> dt.datetime | None:
    """Return an ISO 8601 date cell's moment (naive), or None."""
    try:
        moment = dt.datetime.fromisoformat(value.strip().rstrip("Z"))
    except ValueError:
        return None
    return moment.replace(tzinfo=None)
