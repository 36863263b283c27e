"""Numbers as the report's reader expects them, through Babel (CLDR locale data).

``lang="id"``: ``Rp 20.674.821.126``, ``5,87 %``, ``109,4``; ``lang="en"``: ``IDR 20,674,821,126``,
``5.87 %``. Missing values print as an em dash.
"""
from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALES = {"id": "id_ID", "en": "en_US"}
MISSING = "—"


def missing(x) -> bool:
    """None, NaN or pandas' NA (without importing pandas)."""
    try:
        # bool() inside the try: for pandas' NA ``x != x`` is NA itself, whose truth value raises
        return bool(x is None or (isinstance(x, float) and math.isnan(x)) or x != x)
    except TypeError:  # pandas NA
        return True


def angka(x, decimals: int = 0, lang: str = "id") -> str:
    """A plain number with the locale's separators: 20.674.821.126 / 1.234,56."""
    if missing(x):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(x, format=pattern, locale=LOCALES[lang], decimal_quantization=True)


def persen(x, decimals: int = 2, lang: str = "id") -> str:
    """A percentage of a number already in percent: 5.871 -> '5,87 %'."""
    return MISSING if missing(x) else f"{angka(x, decimals, lang)} %"


def poin(x, decimals: int = 2, lang: str = "id") -> str:
    """A difference of percentages, in percentage points, with its sign: '−23,46 poin persentase'."""
    if missing(x):
        return MISSING
    sign = "+" if x > 0 else ("−" if x < 0 else "")
    unit = "poin persentase" if lang == "id" else "percentage points"
    return f"{sign}{angka(abs(x), decimals, lang)} {unit}"


def perubahan_persen(x, decimals: int = 2, lang: str = "id") -> str:
    """A relative change, in percent, with its sign: '−80,29 %'."""
    if missing(x):
        return MISSING
    sign = "+" if x > 0 else ("−" if x < 0 else "")
    return f"{sign}{angka(abs(x), decimals, lang)} %"


def rupiah(x, lang: str = "id") -> str:
    """Rupiah without decimals: 'Rp 20.674.821.126' (en: 'IDR 20,674,821,126')."""
    if missing(x):
        return MISSING
    return ("Rp " if lang == "id" else "IDR ") + angka(round(x), 0, lang)
