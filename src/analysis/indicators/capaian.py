"""IKU realisation and *capaian* (achievement), by each indicator's polarity.

Formulas (R = realisasi, T = target, both in the indicator's unit):

- positive (``positif``, higher is better): ``capaian = R / T × 100``.
- negative (``negatif``, lower is better), two conventions in use by Indonesian SAKIP systems:
  - ``2T-R`` (default): ``capaian = (2T − R) / T × 100``, floored at 0. Default because it is defined
    at R = 0 and mirrors the positive formula (missing the target by x % costs x points either way);
  - ``T/R``: ``capaian = T / R × 100`` (undefined at R = 0).
- graded (``predikat``, e.g. *Nilai SAKIP*): grades are ordinal ranks on a scale that is data
  (``data/reference/skala_predikat.csv``: D=1 … AA=7) and ``capaian = rank(R) / rank(T) × 100``;
  a score (81,1) is turned into its grade (A) by the scale's bands.

Edge cases (tested): missing R or T -> NaN; T = 0 with a positive indicator -> 100 when R >= 0 (nothing
was asked, nothing is missing; the ratio itself is undefined); T = 0 with ``2T-R`` -> 100 when R = 0,
else 0; R = 0 with ``T/R`` -> 100 when T = 0, else NaN (undefined). Capping is never silent: pass
``batas_atas`` to cap.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..reference import GradeScale, grade_scale

POLARITIES = ("positif", "negatif", "predikat")
NEGATIVE_CONVENTIONS = ("2T-R", "T/R")
DEFAULT_NEGATIVE = "2T-R"


def capaian(realisasi, target, polaritas="positif", konvensi_negatif: str | None = None,
            batas_atas: float | None = None):
    """Capaian (%) of realisation against target; vectorised over arrays/Series.

    ``polaritas`` and ``konvensi_negatif`` may be scalars or arrays of the same length. For graded
    indicators pass the grade *ranks* as ``realisasi`` and ``target`` (see :func:`grade_rank`).
    """
    r = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(realisasi)), errors="coerce"), dtype="float64")
    t = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(target)), errors="coerce"), dtype="float64")
    pol = np.broadcast_to(np.asarray(polaritas, dtype=object), r.shape)
    conv = np.broadcast_to(np.asarray(konvensi_negatif if konvensi_negatif is not None else DEFAULT_NEGATIVE,
                                      dtype=object), r.shape)
    conv = np.where(pd.isna(conv) | (conv == ""), DEFAULT_NEGATIVE, conv)
    bad = ~np.isin(pol, POLARITIES)
    if bad.any():
        raise ValueError(f"polaritas must be one of {POLARITIES}, got {sorted(set(pol[bad]))}")
    bad = ~np.isin(conv, NEGATIVE_CONVENTIONS)
    if bad.any():
        raise ValueError(f"konvensi_negatif must be one of {NEGATIVE_CONVENTIONS}, got {sorted(set(conv[bad]))}")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(t != 0, r / t * 100.0, np.where(r >= 0, 100.0, np.nan))
        neg_2t = np.where(t != 0, np.maximum((2 * t - r) / t * 100.0, 0.0), np.where(r == 0, 100.0, 0.0))
        neg_tr = np.where(r != 0, t / r * 100.0, np.where(t == 0, 100.0, np.nan))
    neg = np.where(conv == "T/R", neg_tr, neg_2t)
    out = np.where(pol == "negatif", neg, ratio)
    out = np.where(np.isnan(r) | np.isnan(t), np.nan, out)
    if batas_atas is not None:
        out = np.minimum(out, batas_atas)
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
