"""A number laid out by its Excel number format, as a person sees the cell (US English Excel).

``#,##0.00`` shows 50000 as ``50,000.00``, ``0%`` shows 0.125 as ``13%``, ``$ #,##0`` shows
2000 as ``$ 2,000``, ``#,##0.00 [$EUR]`` shows ``10,000.00 EUR``, ``0.00E+00`` shows ``1.23E+04``,
``# ?/?`` shows ``12345 2/3``; sections (positive; negative; zero; text), ``[conditions]``,
``[Colours]``, literals, ``_)`` padding as a space. The value is first taken to Excel's 15
significant digits, then rounded half away from zero, as Excel rounds what it shows. This is the
text the output carries for a workbook's cell; a request sends the plain number
(``numfmt.number_text``), which an API reads whatever the locale. Dates and times stay ISO dates.

A format is parsed once into a :class:`_Plan` per section (cached): a workbook holds a few formats
and millions of cells.
"""

from __future__ import annotations

import decimal
import fractions
import functools
import re
from dataclasses import dataclass

from leadspace_cli.formats import numfmt

_TOKEN = re.compile(
    r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]|[Ee][+-]|general|[0#?.,%/@;]|.', re.IGNORECASE | re.DOTALL
)
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+)\]")

Token = tuple[str, str]  # (kind, text): lit, ph (0 # ?), dot, comma, pct, exp (+ -), slash, general, at


def _tokens(section: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(section):
        t = m.group()
        low = t.lower()
        if t.startswith('"'):
            out.append(("lit", t[1:-1] if t.endswith('"') and len(t) > 1 else t[1:]))
        elif t[0] in "\\_*" and len(t) == 2:
            if t[0] != "*":  # a fill to the cell's width shows nothing in text; _x keeps a space
                out.append(("lit", t[1] if t[0] == "\\" else " "))
        elif t.startswith("["):
            if t.startswith("[$"):
                symbol = t[2:-1].split("-", 1)[0]  # [$€-407] is €, [$-409] a locale alone
                if symbol:
                    out.append(("lit", symbol))
        elif low in ("e+", "e-"):
            out.append(("exp", t[1]))
        elif low == "general":
            out.append(("general", t))
        else:
            kind = {"0": "ph", "#": "ph", "?": "ph", ".": "dot", ",": "comma", "%": "pct", "/": "slash"}
            out.append((kind.get(t, "at" if t == "@" else "lit"), t))
    return out


def _split(fmt: str) -> list[str]:
    """Split a format at its ``;`` outside quotes, brackets and escapes."""
    out: list[str] = []
    start = 0
    for m in _TOKEN.finditer(fmt):
        if m.group() == ";":
            out.append(fmt[start : m.start()])
            start = m.end()
    out.append(fmt[start:])
    return out


@dataclass(frozen=True)
class _Plan:
    """One section of a number format, parsed."""

    condition: tuple[str, float] | None
    literal: str | None  # a section without a placeholder: its text alone
    general: tuple[Token, ...] | None  # a section showing General among literals ("$"General)
    percents: int
    scale: int  # commas after the last placeholder: divide by 1,000 each
    grouped: bool  # a comma between the integer placeholders: thousands separators
    int_part: tuple[Token, ...]
    frac_part: tuple[Token, ...] | None  # None: no decimal point
    exp_sign: str | None  # scientific: "+" or "-"
    exp_part: tuple[Token, ...]
    fraction: bool  # ``# ?/?``
    tokens: tuple[Token, ...]


def _plan(section: str) -> _Plan:
    m = _CONDITION.search(section)
    condition = (m.group(1), float(m.group(2))) if m else None
    tokens = _tokens(section)
    if any(k == "at" for k, _ in tokens) and not any(k == "ph" for k, _ in tokens):
        tokens = [("general", "General")]  # a text format (@, [Blue]@): a number shows as General
    tokens = [t for t in tokens if t[0] != "at"]
    kinds = {k for k, _ in tokens}
    percents = sum(1 for k, _ in tokens if k == "pct")
    empty: tuple[Token, ...] = ()
    if "ph" not in kinds:
        literal = "".join(t for k, t in tokens if k != "general") if "general" not in kinds else None
        general = tuple(tokens) if "general" in kinds else None
        return _Plan(condition, literal, general, 0, 0, False, empty, None, None, empty, False, tuple(tokens))
    exp_at = next((i for i, (k, _) in enumerate(tokens) if k == "exp"), None)
    body, exp_part = (tokens, []) if exp_at is None else (tokens[:exp_at], tokens[exp_at + 1 :])
    last_ph = max(i for i, (k, _) in enumerate(body) if k == "ph")
    scale = sum(1 for k, _ in body[last_ph:] if k == "comma") if exp_at is None else 0
    dot = next((i for i, (k, _) in enumerate(body) if k == "dot"), None)
    int_part, frac_part = (body, None) if dot is None else (body[:dot], body[dot + 1 :])
    int_ph = [i for i, (k, _) in enumerate(int_part) if k == "ph"]
    grouped = any(k == "comma" and int_ph and int_ph[0] < i < int_ph[-1] for i, (k, _) in enumerate(int_part))

    def plain(part: list[Token]) -> tuple[Token, ...]:
        # Commas were read above; a %, a second point or a slash is shown where it stands.
        return tuple(("lit", t) if k in ("pct", "dot", "slash") else (k, t) for k, t in part if k != "comma")

    return _Plan(
        condition,
        None,
        None,
        percents,
        scale,
        grouped,
        plain(int_part),
        None if frac_part is None else plain(frac_part),
        tokens[exp_at][1] if exp_at is not None else None,
        plain(exp_part),
        "slash" in kinds and exp_at is None,
        tuple(tokens),
    )


@functools.lru_cache(maxsize=512)
def _sections(fmt: str) -> tuple[tuple[_Plan, ...], str]:
    """Return a format's number sections, parsed, and what :func:`numfmt.kind` says of it."""
    sections = _split(fmt)
    if len(sections) > 1 and any(t[0] == "at" for t in _tokens(sections[-1])):
        sections = sections[:-1]  # the text section
    what = numfmt.kind(fmt, 5)
    if what in ("date", "datetime", "time") and any(
        m.group().lower() == "general" for m in _TOKEN.finditer(fmt)
    ):
        what = "number"  # "$"General: shown with its literal, as a number (a request sends it bare)
    return tuple(_plan(s) for s in sections[:3]), what


def _holds(cond: tuple[str, float], value: float) -> bool:
    op, n = cond
    if op == "<":
        return value < n
    if op == "<=":
        return value <= n
    if op == ">":
        return value > n
    if op == ">=":
        return value >= n
    return value == n if op == "=" else value != n


def _pick(value: float, plans: tuple[_Plan, ...]) -> tuple[_Plan, bool] | None:
    """Return the section that shows ``value`` and whether it shows the minus sign itself."""
    if plans[0].condition is not None or (len(plans) > 1 and plans[1].condition is not None):
        for plan in plans[:2]:
            if plan.condition is not None and _holds(plan.condition, value):
                return plan, True
        rest = [p for p in plans if p.condition is None]
        return (rest[0], True) if rest else None
    if value < 0 and len(plans) >= 2:
        return plans[1], False
    if value == 0 and len(plans) >= 3:
        return plans[2], False
    return plans[0], True


def _round(d: decimal.Decimal, places: int) -> decimal.Decimal:
    return d.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def _lits(tokens: tuple[Token, ...] | list[Token]) -> str:
    return "".join(t for k, t in tokens if k == "lit")


def _lay_integer(digits: str, tokens: tuple[Token, ...], grouped: bool) -> str:
    """Lay the integer digits into the placeholders, right to left, as Excel does: a 0 shows a
    zero where there is no digit, a ? a space, a # nothing; digits beyond them go to the first."""
    places = [i for i, (k, _) in enumerate(tokens) if k == "ph"]
    if not places:
        return _lits(tokens)
    if grouped:  # the placeholders as one run, literals before and after it
        first, last = places[0], places[-1]
        zeros = sum(1 for i in places if tokens[i][1] == "0")
        body = digits.zfill(zeros)
        body = f"{int(body):,}" if body else ""
        return _lits(tokens[:first]) + body + _lits(tokens[first : last + 1]) + _lits(tokens[last + 1 :])
    n = len(places)
    extra = ""
    if len(digits) > n:
        extra, digits = digits[: len(digits) - n], digits[len(digits) - n :]
    pad = n - len(digits)
    out: list[str] = []
    k = 0
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
        elif kind == "ph":
            if k == 0:
                out.append(extra)
            out.append(digits[k - pad] if k >= pad else {"0": "0", "?": " "}.get(text, ""))
            k += 1
    return "".join(out)


def _lay_decimals(digits: str, tokens: tuple[Token, ...]) -> str:
    """Lay the decimals left to right: a # shows nothing for a trailing zero, a ? a space."""
    significant = len(digits.rstrip("0"))
    out: list[str] = []
    k = 0
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
        elif kind == "ph":
            if k < significant or text == "0":
                out.append(digits[k] if k < len(digits) else "0")
            elif text == "?":
                out.append(" ")
            k += 1
    return "".join(out)


def _scientific(d: decimal.Decimal, plan: _Plan) -> str:
    int_ph = [t for k, t in plan.int_part if k == "ph"]
    n_int = max(1, len(int_ph))
    places = sum(1 for k, _ in plan.frac_part or () if k == "ph")
    step = n_int if "#" in int_ph and n_int > 1 else 1  # ##0.0E+0: exponents in threes
    exponent = 0 if d == 0 else d.adjusted()
    exponent = exponent - exponent % step if step > 1 else exponent - (n_int - 1)
    mantissa = _round(d.scaleb(-exponent), places)
    if d != 0 and mantissa >= decimal.Decimal(10) ** max(step, n_int):  # 9.99 rounded up to 10.0
        exponent += step
        mantissa = _round(d.scaleb(-exponent), places)
    whole, _, decimals = f"{mantissa:f}".partition(".")
    text = _lay_integer(whole.lstrip("0"), plan.int_part, False)
    if plan.frac_part is not None:
        text += "." + _lay_decimals(decimals, plan.frac_part)
    zeros = max(1, sum(1 for k, _ in plan.exp_part if k == "ph"))
    sign = "-" if exponent < 0 else ("+" if plan.exp_sign == "+" else "")
    return text + "E" + sign + str(abs(exponent)).zfill(zeros) + _lits(plan.exp_part)


def _fraction(d: decimal.Decimal, tokens: tuple[Token, ...]) -> str | None:
    """``# ?/?``, ``# ??/??``, ``?/8``: a whole part (when the format has one) and a fraction."""
    slash = next(i for i, (k, _) in enumerate(tokens) if k == "slash")
    before, after = tokens[:slash], tokens[slash + 1 :]
    j = len(before)
    while j > 0 and before[j - 1][0] == "ph":  # the numerator: the placeholders just before the slash
        j -= 1
    numerator, whole_part = before[j:], before[:j]
    if not numerator:
        return None
    has_whole = any(k == "ph" for k, _ in whole_part)
    fixed = "".join(t for k, t in after if k == "lit" and t.isdigit())
    den_places = [t for k, t in after if k == "ph"]
    value = fractions.Fraction(d)
    whole = int(value) if has_whole else 0
    rest = value - whole
    if fixed:
        den = int(fixed)
        num = int(_round(decimal.Decimal(rest.numerator) / rest.denominator * den, 0))
    else:
        approx = rest.limit_denominator(10 ** max(1, len(den_places)) - 1)
        num, den = approx.numerator, approx.denominator
    if has_whole and num == den:
        whole, num = whole + 1, 0
    text = ""
    if has_whole:
        text = _lay_integer(str(whole) if whole else "", whole_part, False) if whole or not num else ""
        text = text or _lits(whole_part)
        if num == 0:
            return text.rstrip() or "0"
    num_text = str(num).rjust(len(numerator)) if any(t == "?" for _, t in numerator) else str(num)
    den_text = str(den).ljust(len(den_places)) if "?" in den_places and not fixed else str(den)
    tail = "".join(t for k, t in after if k == "lit" and not t.isdigit())
    return (text + num_text + "/" + den_text + tail).rstrip()


def _number(value: float, plan: _Plan, signed: bool) -> str:
    minus = "-" if signed and value < 0 else ""
    if plan.literal is not None:
        return minus + plan.literal if plan.literal else ""
    if plan.general is not None:
        shown = numfmt.general(abs(value))
        return minus + "".join(shown if k == "general" else t for k, t in plan.general if k != "ph")
    d = decimal.Decimal(format(abs(value), ".15g"))  # what Excel holds for display
    if plan.percents:
        d = d.scaleb(2 * plan.percents)
    if plan.fraction:
        text = _fraction(d, plan.tokens)
        if text is not None:
            return (minus if d else "") + text
    if plan.scale:
        d = d.scaleb(-3 * plan.scale)
    if plan.exp_sign is not None:
        return (minus if d else "") + _scientific(d, plan)
    places = sum(1 for k, _ in plan.frac_part or () if k == "ph")
    whole, _, decimals = f"{_round(d, places):f}".partition(".")
    text = _lay_integer(whole.lstrip("0"), plan.int_part, plan.grouped)
    if plan.frac_part is not None:
        text += "." + _lay_decimals(decimals, plan.frac_part)
    return minus + text


def shown_text(value: float, fmt: str | None, date1904: bool = False) -> str:
    """Return a number cell's text as Excel shows it; dates, times, digit patterns and General as
    :func:`numfmt.number_text` gives them."""
    if not fmt or fmt == "General":
        return numfmt.number_text(value, fmt, date1904)
    try:
        plans, what = _sections(fmt)
    except (ArithmeticError, ValueError, IndexError):  # a format Excel would not have saved
        return numfmt.number_text(value, fmt, date1904)
    if what != "number" and not (what == "digits" and not float(value).is_integer()):
        return numfmt.number_text(value, fmt, date1904)
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    try:
        picked = _pick(value, plans)
        return numfmt.general(value) if picked is None else _number(value, *picked)
    except (ArithmeticError, ValueError, IndexError):
        return numfmt.general(value)


def shown_string(text: str, fmt: str | None) -> str:
    """Return a text cell as its format's text section shows it (``"Re: "@``), else as it is."""
    if not fmt or "@" not in fmt:
        return text
    sections = _split(fmt)
    section = sections[3] if len(sections) >= 4 else sections[-1]
    tokens = _tokens(section)
    if not any(k == "at" for k, _ in tokens):
        return text
    return "".join(text if k == "at" else t if k == "lit" else "" if k == "general" else t for k, t in tokens)
