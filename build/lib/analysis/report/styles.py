"""Table styles of the analyst notebooks: a DataFrame as a pandas Styler in the report's number style.

One job: notebook tables that read like the report — rupiah grouped (``Rp 20.674.821.126``), percentages with
two decimals (``96,17 %``), other numbers with the locale's separators (Indonesian for ``lang="id"``), missing
values as ``–``, every row shown (not pandas' first and last five)::

    from analysis.report import styles
    styles.table(ind.budget, lang, rupiah=["anggaran", "realisasi"], persen=["serapan", "serapan_rata_rata"])

Columns not named are formatted by their type: whole numbers without decimals, other floats with two.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from pandas.io.formats.style import Styler

from . import fmt

#: how a missing value shows in the notebooks
MISSING = "–"


def _or_missing(f):
    return lambda x: MISSING if fmt.missing(x) else f(x)


def _number(x, decimals: int, lang: str) -> str:
    """The report's style with a true minus sign."""
    s = fmt.angka(abs(x), decimals, lang)
    return ("−" + s) if x < 0 and any(ch in "123456789" for ch in s) else s


def table(df: pd.DataFrame, lang: str = "id", *, rupiah: Iterable[str] = (), persen: Iterable[str] = (),
          decimals: int = 2, index: bool = False) -> Styler:
    """``df`` styled for reading: ``rupiah`` columns as whole rupiah, ``persen`` columns with two decimals and
    ``%``, other numeric columns with the locale's separators (whole numbers without decimals, others with
    ``decimals``); missing as ``–``; the index hidden unless ``index``."""
    rupiah, persen = set(rupiah), set(persen)
    formats = {}
    for col in df.columns:
        s = df[col]
        if col in rupiah:
            formats[col] = _or_missing(lambda x: fmt.rupiah(x, lang))
        elif col in persen:
            formats[col] = _or_missing(lambda x: _number(x, 2, lang) + " %")
        elif pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
            continue
        elif pd.api.types.is_integer_dtype(s):
            formats[col] = _or_missing(lambda x: _number(x, 0, lang))
        else:
            whole = bool(s.notna().any()) and bool(s.dropna().map(lambda v: float(v).is_integer()).all())
            formats[col] = _or_missing(lambda x, d=0 if whole else decimals: _number(x, d, lang))
    styler = df.style.format(formats, na_rep=MISSING)
    styler = styler.set_properties(subset=list(formats), **{"text-align": "right", "white-space": "nowrap"})
    styler = styler.set_properties(subset=[c for c in df.columns if c not in formats], **{"text-align": "left"})
    return styler if index else styler.hide(axis="index")
