"""Text cells a spreadsheet would run as a formula, neutralised for the CSV copies (CSV injection).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``, ``@SUM(…)``). Following the OWASP
guidance on CSV injection, such a text cell gets a single quote in front (``'=HYPERLINK(…)``), which a spreadsheet
shows as text. Only text is touched: numbers stay numbers (a negative number is not a formula), and text that
merely looks numeric (``-80,29%`` as printed) is text and gets the quote too. The Parquet files keep the exact
text; the CSV is the spreadsheet-facing copy.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: the first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def is_formula_like(value) -> bool:
    """``value`` is text that a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise_text(value):
    """``value`` with a leading quote if it is text that begins like a formula; anything else unchanged."""
    return QUOTE + value if is_formula_like(value) else value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its text columns (object, string, categorical) neutralised cell by cell (a copy when any
    cell changes); numeric, boolean and date columns, and non-text values in object columns, are left as they are."""
    import pandas as pd

    out = df
    for i in range(df.shape[1]):
        s = df.iloc[:, i]
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        elif not (pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype)):
            continue
        if isinstance(s.dtype, pd.StringDtype):  # text only: one vectorised test (a cell-by-cell map was 5 x slower)
            mask = s.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
        else:  # object: numbers and None may sit among the text
            mask = s.map(is_formula_like).astype(bool)
        if not mask.any():
            continue
        s = s.copy()
        s[mask] = QUOTE + s[mask].astype(str)
        if out is df:
            out = df.copy()
        out.isetitem(i, s)  # by position: a table may repeat a column name
    return out
