"""Parsing numbers as Indonesian reports print them, one explicit style per column.

A table declares its style in ``manifest.csv`` (``gaya_angka``): one style for every column (``id``), or a
default and the columns that differ (``id;persen=en``: amounts ``749.930.215`` beside percentages ``93.6``);
:func:`parse_style_spec` reads it, :func:`column_style` gives one column's.

Styles
------
``id``  Indonesian: ``.`` groups thousands, ``,`` is the decimal mark: ``12.151.893.026``, ``4,57``.
``en``  English: ``,`` groups thousands, ``.`` is the decimal mark: ``20,674,821,126``, ``93.6``.

The style is never guessed from the text: ``93.6`` is 93,6 in an English column and an error in an
Indonesian one (where ``93.600`` would be ninety-three thousand six hundred). Grouping is checked
strictly by Babel (CLDR locale data), so ``1.23,4`` and ``12.151.893.O26`` are rejected.

Accepted look-alikes: U+2212 (the typographic minus a word processor prints) is a minus sign, and a no-break
space (U+00A0, U+202F) is a space where the printed style has one (``4,57 %``, ``Rp. 12.151…``). Any other
character outside the style is an error, shown escaped in the message (``'\\u201380,29%'``, an en dash).

A number of more than :data:`MAX_DIGITS` significant digits is refused: no LKj prints one, and beyond that
neither a float nor a 64-bit integer column holds it exactly.

Every parser raises :class:`ValueError` whose message says what was expected; the caller adds
file, row and column.
"""
from __future__ import annotations

import decimal
import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

STYLES = {"id": "id", "en": "en"}
_ALLOWED = re.compile(r"^-?[0-9.,]+$")
_RUPIAH = re.compile(r"^(?:Rp\.?\s*)?(?P<num>.*?)(?:,-)?$")
_PERCENT = re.compile(r"^\(?\s*(?P<num>[^%()]*?)\s*%?\s*\)?$")
DASHES = {"-", "–", "—"}
#: the most significant digits a printed number may have (999.999.999.999.999.999 fits an int64 exactly)
MAX_DIGITS = 18
#: look-alikes read as the character they imitate (documented in data/raw/README.md)
_LOOK_ALIKES = str.maketrans({"\u2212": "-", "\u00a0": " ", "\u202f": " "})


class TooManyDigits(ValueError):
    """A number longer than :data:`MAX_DIGITS` significant digits: its own message, whatever the cell's kind."""


def parse_style_spec(spec: str) -> tuple[str, dict[str, str]]:
    """``gaya_angka`` as declared: ``id`` or ``id;persen=en;realisasi=id`` -> (default style, {column: style}).

    Raises :class:`ValueError` saying what was expected: a style is declared, never guessed."""
    parts = [p.strip() for p in str(spec or "").split(";")]
    default, columns = parts[0], {}
    if default not in STYLES:
        raise ValueError("a number style id or en, optionally followed by columns that differ: id;persen=en")
    for p in parts[1:]:
        column, _, style = (x.strip() for x in p.partition("="))
        if not column or style not in STYLES or column in columns:
            raise ValueError(f"column=style pairs after the default style, each column once (like id;persen=en), "
                             f"not {p!r}")
        columns[column] = style
    return default, columns


def column_style(spec: str, column: str | None = None) -> str:
    """The style of ``column`` under the declared ``spec`` (its default when the column is not named)."""
    default, columns = parse_style_spec(spec)
    return columns.get(column, default)


def normalise_look_alikes(text: str) -> str:
    """U+2212 -> '-', no-break spaces -> ' ' (the only look-alikes accepted)."""
    return text.translate(_LOOK_ALIKES)


def _style_example(style: str) -> str:
    return "1.234,5" if style == "id" else "1,234.5"


def parse_exact(text: str, style: str = "id") -> Decimal:
    """Parse a plain number in the column's ``style`` (``id`` or ``en``) exactly, as a :class:`~decimal.Decimal`."""
    if style not in STYLES:
        raise ValueError(f"a known number style (id, en), not {style!r}")
    s = normalise_look_alikes(text).strip()
    # Babel accepts a dangling separator ("0,", ",5"); a printed number starts and ends with a digit
    if not s or not _ALLOWED.match(s) or not s[-1].isdigit() or not s.lstrip("-")[:1].isdigit():
        raise ValueError(f"a number in {style} style like {_style_example(style)}")
    digits = len(re.sub(r"[^0-9]", "", s).lstrip("0"))
    if digits > MAX_DIGITS:
        raise TooManyDigits(f"a number of at most {MAX_DIGITS} significant digits (this one has {digits}: "
                         "no report prints one, it cannot be held exactly)")
    try:
        return parse_decimal(s, locale=STYLES[style], strict=True)
    except (NumberFormatError, decimal.DecimalException):
        raise ValueError(f"a number in {style} style like {_style_example(style)}") from None


def parse_number(text: str, style: str = "id") -> float:
    """Parse a plain number in the column's ``style`` (``id`` or ``en``)."""
    return float(parse_exact(text, style))


def parse_integer(text: str, style: str = "id") -> int:
    """A whole number (counts, rupiah): ``3.645`` -> 3645, exact (never through a float)."""
    value = parse_exact(text, style)
    if value != value.to_integral_value():
        raise ValueError(f"a whole number in {style} style like {'3.645' if style == 'id' else '3,645'}")
    return int(value)


def format_integer(value: int, style: str = "id") -> str:
    """A whole number in the table's style, for messages: 20674821127 -> ``20.674.821.127`` (id)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if style == "id" else text


def parse_rupiah(text: str, style: str = "id") -> int:
    """Rupiah as printed: ``Rp.12.151.893.026,-``, ``Rp 20,674,821,126``, ``12.151.893.026`` -> int."""
    m = _RUPIAH.match(normalise_look_alikes(text).strip())
    num = m.group("num") if m else ""
    if num.startswith("-"):
        raise ValueError("a non-negative amount in rupiah")
    try:
        if num != num.rstrip():  # the text is stripped: this is a space before ",-" ("0 ,-")
            raise ValueError(num)
        value = parse_integer(num, style)
    except TooManyDigits:
        raise
    except ValueError:
        example = f"{style} style, like " + ("Rp.12.151.893.026,-" if style == "id" else "Rp 20,674,821,126")
        raise ValueError(f"an amount in rupiah in {example}") from None
    if value < 0:
        raise ValueError("a non-negative amount in rupiah")
    return value


def parse_percent(text: str, style: str = "id", require_sign: bool = False) -> float:
    """A percentage as printed: ``4,57 %``, ``5,87%``, ``(94,45%)``, ``94,45`` -> the number of percent.

    Exactly one ``%`` is allowed (``4,57%%`` is an error). With ``require_sign`` the ``%`` must be there.
    """
    s = normalise_look_alikes(text).strip()
    example = f"{style} style, like " + ("4,57 %" if style == "id" else "4.57 %")
    if s.count("%") > 1 or (require_sign and "%" not in s):
        raise ValueError(f"a percentage in {example}")
    m = _PERCENT.match(s)
    if not m or (s.startswith("(") != s.endswith(")")):
        raise ValueError(f"a percentage in {example}")
    try:
        return parse_number(m.group("num"), style)
    except TooManyDigits:
        raise
    except ValueError:
        raise ValueError(f"a percentage in {example}") from None


def is_dash(text: str) -> bool:
    """``-`` in a table cell: zero or missing, as the column's meaning says."""
    return text.strip() in DASHES

