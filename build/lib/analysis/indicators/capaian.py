"""IKU realisation and *capaian* (achievement), by each indicator's polarity and capaian method.

The methods (``R/T``, ``2T-R``, ``T/R``, ``(T-R)/T``, ``predikat``, the range rule, the cap) and their edge
cases are documented in one place, :mod:`analysis.indicators.methods`; :func:`capaian` picks one per row:

- positive (``positif``, higher is better): ``R/T``;
- negative (``negatif``, lower is better): ``konvensi_negatif`` ``2T-R`` (default) or ``T/R``, or any negative
  method named in ``metode``;
- graded (``predikat``, e.g. *Nilai SAKIP*): grades are ordinal ranks on a scale that is data
  (``data/reference/skala_predikat.csv``: D=1 … AA=7) and ``capaian = rank(R) / rank(T) × 100``;
  a score (81,1) is turned into its grade (A) by the scale's bands;
- a range target (``target_atas`` given): the range rule; a cap (``batas_atas``): never silent.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..reference import GradeScale, grade_scale
from . import methods

POLARITIES = ("positif", "negatif", "predikat")
NEGATIVE_CONVENTIONS = ("2T-R", "T/R")
DEFAULT_NEGATIVE = "2T-R"


def _column(values, shape, dtype):
    return np.broadcast_to(np.asarray(values, dtype=dtype), shape)


def capaian(realisasi, target, polaritas="positif", konvensi_negatif: str | None = None,
            batas_atas=None, metode=None, target_atas=None):
    """Capaian (%) of realisation against target; vectorised over arrays/Series.

    ``polaritas``, ``konvensi_negatif``, ``metode`` (a method of :mod:`.methods`; empty = the polarity's
    default), ``batas_atas`` (a cap; NaN = none) and ``target_atas`` (the upper bound of a range target; NaN =
    not a range) may be scalars or arrays of the same length. For graded indicators pass the grade *ranks* as
    ``realisasi`` and ``target`` (see :func:`grade_rank`).
    """
    r = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(realisasi)), errors="coerce"), dtype="float64")
    t = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(target)), errors="coerce"), dtype="float64")
    pol = _column(polaritas, r.shape, object)
    conv = _column(konvensi_negatif if konvensi_negatif is not None else DEFAULT_NEGATIVE, r.shape, object)
    conv = np.where(pd.isna(conv) | (conv == ""), DEFAULT_NEGATIVE, conv)
    bad = ~np.isin(pol, POLARITIES)
    if bad.any():
        raise ValueError(f"polaritas must be one of {POLARITIES}, got {sorted(set(pol[bad]))}")
    bad = ~np.isin(conv, NEGATIVE_CONVENTIONS)
    if bad.any():
        raise ValueError(f"konvensi_negatif must be one of {NEGATIVE_CONVENTIONS}, got {sorted(set(conv[bad]))}")
    chosen = _column("" if metode is None else metode, r.shape, object)
    default = np.where(pol == "negatif", conv, np.where(pol == "predikat", "predikat", "R/T"))
    meth = np.where(pd.isna(chosen) | (chosen == ""), default, chosen).astype(object)
    bad = ~np.isin(meth, list(methods.METHODS))
    if bad.any():
        raise ValueError(f"metode must be one of {list(methods.METHODS)}, got {sorted(set(meth[bad]))}")
    upper = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(np.nan if target_atas is None else target_atas)),
                                     errors="coerce"), dtype="float64")
    upper = np.broadcast_to(upper, r.shape)
    out = np.full(r.shape, np.nan)
    for name in set(meth):
        m = meth == name
        plain = methods.apply(name, r[m], t[m])
        out[m] = np.where(np.isnan(upper[m]), plain, methods.in_range(r[m], t[m], upper[m], name))
    out = np.where(np.isnan(r) | np.isnan(t), np.nan, out)
    if batas_atas is not None:
        cap = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(batas_atas)), errors="coerce"), dtype="float64")
        out = methods.capped(out, np.broadcast_to(cap, r.shape))
    if np.ndim(realisasi) == 0 and np.ndim(target) == 0:
        return float(out[0])
    if isinstance(realisasi, pd.Series):
        return pd.Series(out, index=realisasi.index)
    return out


def grade_rank(grades, scale: GradeScale | None = None) -> pd.Series:
    """Ordinal rank of each grade (D=1 … AA=7); NaN for missing; ValueError naming an unknown grade."""
    scale = scale or grade_scale()
    s = pd.Series(grades, dtype="object")
    unknown = s.dropna()[~s.dropna().isin(scale.grades)]
    if len(unknown):
        raise ValueError(f"unknown grade {unknown.iloc[0]!r}: expected one of {'/'.join(scale.grades)}")
    return s.map(lambda g: scale.rank(g) if isinstance(g, str) else np.nan).astype("float64")


def evaluate_components(expression: str, komponen: dict[str, float]) -> float:
    """Value of ``a+b+c`` from named components; KeyError naming the first missing one."""
    total = 0.0
    for name in expression.split("+"):
        if name not in komponen:
            raise KeyError(name)
        total += komponen[name]
    return total


def realisasi_from_components(pembilang: float, penyebut: float | None, faktor: float = 100.0) -> float:
    """Realisation = numerator / denominator × factor (214 / 3.645 × 100 = 5,87 %); a score has no denominator."""
    if penyebut is None or (isinstance(penyebut, float) and np.isnan(penyebut)):
        return float(pembilang)
    if penyebut == 0:
        return float("nan")
    return float(pembilang) / float(penyebut) * faktor


def capaian_mean(values, batas_atas: float | None = None) -> float:
    """Goal-level or overall achievement: the plain mean of IKU capaian (the report's method).

    With ``batas_atas`` each capaian is capped first (e.g. 100 or 120) — never by default.
    """
    v = pd.Series(values, dtype="float64")
    if batas_atas is not None:
        v = v.clip(upper=batas_atas)
    return float(v.mean()) if v.notna().any() else float("nan")
