"""Numbers as the report's reader expects them, through Babel (CLDR locale data), one style per language.

``lang="id"``: ``Rp 20.674.821.126``, ``5,87 %``, ``109,4``; ``lang="en"``: ``IDR 20,674,821,126``,
``5.87 %``. Between a number and its unit a non-breaking space (:data:`NBSP`), so that ``5,87 %`` never
splits over two lines; negative numbers carry the minus sign U+2212 (:data:`MINUS`), and a number that
rounds to zero carries no sign (never ``−0,00``). Missing values print as an em dash.

Every number the report shows goes through this module, sentences included; :func:`teks` reformats the
numbers written into a text by Python (the reconciliation's explanations) in the report's language.
"""
from __future__ import annotations

import functools
import math
import re

from babel import Locale
from babel.numbers import format_decimal, parse_pattern

from ..ingest.units import unit_of

LOCALES = {"id": "id_ID", "en": "en_US"}
MISSING = "—"
NBSP = "\u00a0"
MINUS = "\u2212"


def missing(x) -> bool:
    """None, NaN or pandas' NA (without importing pandas)."""
    try:
        # bool() inside the try: for pandas' NA ``x != x`` is NA itself, whose truth value raises
        return bool(x is None or (isinstance(x, float) and math.isnan(x)) or x != x)
    except TypeError:  # pandas NA
        return True


@functools.cache
def _pattern(decimals: int, lang: str):
    """The parsed pattern and the locale of :func:`_plain`: ``format_decimal`` parses both on every call, which
    was three quarters of its time (a report formats about a thousand numbers)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return parse_pattern(pattern), Locale.parse(LOCALES[lang])


def _plain(x, decimals: int, lang: str) -> str:
    # what format_decimal(abs(x), format=pattern, locale=..., decimal_quantization=True) does, without re-parsing
    pattern, locale = _pattern(decimals, lang)
    return pattern.apply(abs(x), locale, decimal_quantization=True, group_separator=True, numbering_system="latn")


def _is_zero(text: str) -> bool:
    return not any(ch in "123456789" for ch in text)


def _signed(x, decimals: int, lang: str, plus: bool) -> str:
    """``x`` with the locale's separators, the proper minus, ``+`` if ``plus``; no sign on a rounded zero."""
    body = _plain(x, decimals, lang)
    if _is_zero(body):
        return body
    return (MINUS if x < 0 else ("+" if plus else "")) + body


def _places(x) -> int:
    """Decimals that show a value that is not whole: two, or three significant digits below 0,1 (an index of
    inequality 0,0189 or a target 0,025 must not read 0,02)."""
    a = abs(float(x))
    return 2 if a >= 0.1 or a == 0 else max(2, 2 - math.floor(math.log10(a)))


def _signed_shown(x, lang: str) -> str:
    """A whole number as it is; otherwise :func:`_places` decimals, the ones beyond two only where not zero."""
    if float(x).is_integer():
        return _signed(x, 0, lang, plus=False)
    places = _places(x)
    body = format_decimal(abs(x), format="#,##0.00" + "#" * (places - 2), locale=LOCALES[lang],
                          decimal_quantization=True)
    return body if _is_zero(body) else (MINUS if x < 0 else "") + body


def angka(x, decimals: int = 0, lang: str = "id") -> str:
    """A plain number with the locale's separators: 20.674.821.126 / 1.234,56 / −3,2."""
    if missing(x):
        return MISSING
    return _signed(x, decimals, lang, plus=False)


def dengan_satuan(number: str, unit: str) -> str:
    """A formatted number and its unit, joined by a non-breaking space."""
    return number if number == MISSING or not unit else f"{number}{NBSP}{unit}"


def persen(x, decimals: int = 2, lang: str = "id") -> str:
    """A percentage of a number already in percent: 5.871 -> '5,87 %' (non-breaking space)."""
    return MISSING if missing(x) else dengan_satuan(angka(x, decimals, lang), "%")


def dalam_satuan(x, satuan: str | None, lang: str = "id") -> str:
    """A target or realisation in its indicator's unit (definition ``satuan``): ``62,50 %``, ``15 Nagari``,
    ``3,25`` (an index, a score or a ratio is a plain number), ``Rp 1.250.000``. Without a unit: a percentage."""
    if missing(x):
        return MISSING
    unit = unit_of(satuan if satuan and not missing(satuan) else "%")
    if unit.kind == "persen":
        return persen(x, 2, lang)
    if unit.kind == "rupiah":
        return rupiah(x, lang)
    number = MISSING if missing(x) else _signed_shown(x, lang)
    # a count shows its word as the definition writes it ("15 Nagari"); "jumlah"/"unit" alone say nothing more
    word = str(satuan).strip() if unit.kind == "jumlah" and unit.word else ""
    return dengan_satuan(number, word)


def poin(x, decimals: int = 2, lang: str = "id", skor: bool = False) -> str:
    """A difference with its sign: of percentages in percentage points ('−23,46 poin persentase'), of scores
    (``skor=True``, e.g. the SAKIP score) in points ('+3,25 poin')."""
    if missing(x):
        return MISSING
    if skor:
        unit = "poin" if lang == "id" else "points"
    else:
        unit = "poin persentase" if lang == "id" else "percentage points"
    return dengan_satuan(_signed(x, decimals, lang, plus=True), unit)


def selisih(x, satuan: str | None, lang: str = "id", graded: bool = False) -> str:
    """A difference of two values of one indicator, in the indicator's unit: of percentages in percentage
    points, of grades' scores, indices, scores and ratios in points, of counts in the count's word, of rupiah
    in rupiah; small differences with three significant digits (−0,0018 poin, not 0,00)."""
    if missing(x):
        return MISSING
    unit = unit_of(satuan if satuan and not missing(satuan) else "%")
    if unit.kind == "rupiah":
        return (MINUS if round(x) < 0 else "+" if round(x) > 0 else "") + rupiah(abs(x), lang)
    if unit.kind == "jumlah" and not graded:
        return dengan_satuan(_signed(x, 0 if float(x).is_integer() else 2, lang, plus=True),
                             str(satuan).strip() if unit.word else "")
    if unit.kind == "persen" and not graded:
        return poin(x, 2, lang)
    word = "poin" if lang == "id" else "points"
    body = _signed_shown(x, lang) if not float(x).is_integer() else _signed(x, 2, lang, plus=False)
    return dengan_satuan(body if body.startswith(MINUS) or _is_zero(body) else "+" + body, word)


def perubahan_persen(x, decimals: int = 2, lang: str = "id") -> str:
    """A relative change, in percent, with its sign: '−80,29 %'."""
    if missing(x):
        return MISSING
    return dengan_satuan(_signed(x, decimals, lang, plus=True), "%")


def rupiah(x, lang: str = "id") -> str:
    """Rupiah without decimals: 'Rp 20.674.821.126' (en: 'IDR 20,674,821,126'), non-breaking space."""
    if missing(x):
        return MISSING
    return ("Rp" if lang == "id" else "IDR") + NBSP + angka(round(x), 0, lang)


_PY_NUMBER = re.compile(r"(?<![\w.,])(-?)(\d+)\.(\d+)(?![\w.])")
_UNIT_SPACE = re.compile(r"(\d) (%|poin persentase|percentage points|poin|points)(?!\w)")


def _decimals(digits: str) -> int:
    """How many of a Python-written fraction's decimals to keep: two, or three significant digits when the
    number is small (0.0798002 -> 4: 0,0798), never more than written."""
    lead = len(digits) - len(digits.lstrip("0"))
    return min(len(digits), max(2, lead + 3) if lead else 2)


def _fraction_decimals(whole: str, digits: str) -> int:
    """As :func:`_decimals`, but a fraction below 1 written with three decimals keeps them (a ratio rounded to
    0.733 before × 100 must not read 0,73)."""
    return len(digits) if whole.lstrip("-") == "0" and len(digits) == 3 else _decimals(digits)


def teks(text: str, lang: str = "id") -> str:
    """A text with numbers written by Python (``96.17``, ``-1.5``, ``0.0798002``) in the report's style:
    separators of ``lang``, sensible precision, the proper minus, a non-breaking space before units."""
    if not text:
        return text

    def one(m):
        value = float(f"{m.group(1)}{m.group(2)}.{m.group(3)}")
        return angka(value, _fraction_decimals(m.group(2), m.group(3)), lang)

    return _UNIT_SPACE.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", _PY_NUMBER.sub(one, text))


def lines(refs):
    """Source line references as a reader reads them: ``7;8`` -> ``7–8``, ``20;21;25`` -> ``20–21, 25``; a
    reference that is not line numbers (``3-7``, a sheet cell) is shown as written, a missing one left as it is."""
    if missing(refs):
        return refs
    text = str(refs).strip()
    parts = [p.strip() for p in text.split(";")]
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return text
    numbers, spans = sorted({int(p) for p in parts}), []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in spans)
