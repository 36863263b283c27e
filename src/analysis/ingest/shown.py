"""A workbook cell's number as the user saw it: its value rendered by its Excel number format, in a number style.

Excel keeps ``0.0457`` and shows ``4.57%`` (format ``0.00%``); it keeps ``96.16999999999999`` and shows ``96.17``
(format ``0.00``). The pipeline reads what was shown, as it reads a printed table, so a binary float artefact
never reaches a figure: the value is taken at Excel's own precision (15 significant digits), scaled (``%``,
trailing ``,``), rounded half away from zero to the format's decimals with :mod:`decimal` (Excel's display
rule), and written with the separators of the table's number style (``id``: ``4,57%``, ``12.151.893.026``;
``en``: ``4.57%``, ``12,151,893,026``); the manifest's ``gaya_angka`` declares the style, as for a CSV table.

Supported: ``General``, ``0``, ``0.00``, ``#,##0``, ``0.0#``, ``%``, thousands scaling (``#,##0,``), quoted
literals and ``\\x``, ``[$Rp-421]`` currency tags, ``_x`` spacing, ``*x`` fill, colours and up to four sections
(positive;negative;zero;text). A format this does not know (fractions, scientific) is shown as ``General``
would, and :func:`render` says so (the caller warns). Dates are shown as ``YYYY-MM-DD``.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

#: Excel stores doubles but shows at most 15 significant digits: the value as Excel knows it
EXCEL_DIGITS = 15
_SEPARATORS = {"id": (",", "."), "en": (".", ",")}  # style -> (decimal mark, group separator)
_DATE = re.compile(r"[yYdD]|(?<![#0?])[mM]|[hHsS]")
_UNSUPPORTED = re.compile(r"[eE][+-]|\?/|#/|0/")


def excel_decimal(value: float) -> Decimal:
    """The number Excel shows for ``value`` before any format: 15 significant digits, exactly."""
    return Decimal(format(float(value), f".{EXCEL_DIGITS}g"))


def _sections(fmt: str) -> list[str]:
    out, cur, quoted, escaped = [], [], False, False
    for ch in fmt:
        if escaped:
            cur.append(ch)
            escaped = False
        elif ch == "\\":
            cur.append(ch)
            escaped = True
        elif ch == '"':
            quoted = not quoted
            cur.append(ch)
        elif ch == ";" and not quoted:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _tokens(section: str) -> list[tuple[str, str]]:
    """A section as (kind, text) tokens: ``lit`` (literal text) or ``num`` (a placeholder character)."""
    out, i = [], 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            out.append(("lit", section[i + 1:j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            out.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2  # a fill character repeats to the cell's width: nothing to show in a value
        elif ch == "[":
            j = section.find("]", i)
            j = len(section) if j < 0 else j
            tag = section[i + 1:j]
            if tag.startswith("$"):  # [$Rp-421]: a currency symbol and a locale
                out.append(("lit", tag[1:].split("-")[0]))
            i = j + 1  # colours, conditions
        elif ch in "0#?.,%":
            out.append(("num", ch))
            i += 1
        elif ch == "@":
            out.append(("text", ch))
            i += 1
        else:
            out.append(("lit", ch))
            i += 1
    return out


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def _number(value: Decimal, tokens: list[tuple[str, str]], style: str) -> str:
    mark, sep = _SEPARATORS[style]
    places = [i for i, (k, t) in enumerate(tokens) if k == "num" and t in "0#?"]
    first, last = places[0], places[-1]
    dot = next((i for i, (k, t) in enumerate(tokens) if k == "num" and t == "." and first < i), None)
    percent = sum(1 for k, t in tokens if k == "num" and t == "%")
    trailing = 0  # commas right after the last digit placeholder scale by 1000 each
    j = last + 1
    while j < len(tokens) and tokens[j] == ("num", ","):
        trailing += 1
        j += 1
    int_part = [t for i, (k, t) in enumerate(tokens) if k == "num" and t in "0#?" and i < (dot or last + 1)]
    dec_part = [t for i, (k, t) in enumerate(tokens) if k == "num" and t in "0#?" and dot is not None and i > dot]
    grouped = any(k == "num" and t == "," and first < i < (dot if dot is not None else last) for i, (k, t)
                  in enumerate(tokens))
    v = value.scaleb(2 * percent - 3 * trailing)
    v = v.quantize(Decimal(1).scaleb(-len(dec_part)), rounding=ROUND_HALF_UP)
    text = f"{abs(v):f}"
    whole, _, frac = text.partition(".")
    pattern = "".join(dec_part)
    required = len(pattern) - len(pattern.lstrip("0"))  # 0.0# : one decimal always, the second when not 0
    frac = frac[:required] + frac[required:].rstrip("0")
    min_int = int_part.count("0")
    whole = whole.lstrip("0").rjust(min_int, "0")
    if grouped:
        whole = _group(whole, sep) if whole else whole
    digits = whole + (mark + frac if dot is not None else "")
    out, placed = [], False
    for i, (k, t) in enumerate(tokens):
        if k == "lit":
            out.append(t)
        elif k == "num" and t == "%":
            out.append("%")
        elif i == first and not placed:
            out.append(digits)
            placed = True
    return "".join(out)


def general(value, style: str) -> str:
    """A number as Excel's ``General`` shows it: up to 15 significant digits, no grouping, no trailing zeros."""
    mark, _ = _SEPARATORS[style]
    d = excel_decimal(value)
    text = f"{d.normalize():f}" if d != d.to_integral_value() else f"{d.to_integral_value():f}"
    return text.replace(".", mark)


def render(value, number_format: str | None, style: str) -> tuple[str, bool]:
    """``value`` (a workbook number, bool or date) as shown under ``number_format`` in ``style``; and whether
    the format was understood (False: shown as ``General`` would, the caller warns)."""
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), True
    if isinstance(value, (datetime, date)):
        return (value.date() if isinstance(value, datetime) else value).isoformat(), True
    if isinstance(value, time):
        return value.isoformat(), True
    fmt = (number_format or "General").strip()
    if fmt.lower() in ("general", "@", ""):
        return general(value, style), True
    sections = _sections(fmt)
    x = excel_decimal(value)
    if x < 0 and len(sections) > 1:
        section, x, sign = sections[1], -x, ""
    elif x == 0 and len(sections) > 2:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if x < 0 else ""
        x = abs(x)
    tokens = _tokens(section)
    if _UNSUPPORTED.search(section):
        return general(value, style), False
    if _DATE.search("".join(t for k, t in tokens if k == "lit" and len(t) == 1)) and not any(
            k == "num" and t in "0#?" for k, t in tokens):
        return general(value, style), False
    if not any(k == "num" and t in "0#?" for k, t in tokens):
        return "".join(t for k, t in tokens if k == "lit") or general(value, style), True
    shown = _number(x, tokens, style)
    # a value that rounds to zero is shown without its minus sign, as Excel does
    return ("" if not re.search(r"[1-9]", shown) else sign) + shown, True
