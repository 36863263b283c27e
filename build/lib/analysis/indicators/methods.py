"""The capaian methods, named and documented in one place: each a function of realisation and target (in %).

R = realisasi, T = target, both in the indicator's unit; every function works element-wise on arrays.

============ ====================================== ============================================================
name         formula                                used by / edge cases
============ ====================================== ============================================================
``R/T``      R / T × 100                            positive indicators (higher is better; the default).
                                                    T = 0: 100 when R >= 0 (nothing was asked), else undefined.
``2T-R``     (2T − R) / T × 100, floored at 0       negative indicators (lower is better; the default): defined
                                                    at R = 0, missing by x % costs x points as for R/T.
                                                    T = 0: 100 when R = 0, else 0.
``T/R``      T / R × 100                            negative, other SAKIP apps (wp-eval-sakip, E-Sakip quarterly).
                                                    R = 0: 100 when T = 0, else undefined (never silently 0).
``(T-R)/T``  (T − R) / T × 100                      negative, some apps: the reduction relative to the target, not
                                                    an achievement (never a default). T = 0: undefined.
``predikat`` rank(R) / rank(T) × 100                graded indicators: ranks of a grade scale (D=1 … AA=7).
``rentang``  inside [L, U]: 100; outside: the       a range target ``80–90 %`` (L = target, U = target_atas).
             polarity's method against the nearer   Positive: below R / L × 100, above R / U × 100 (over 100);
             bound                                  negative: below (2L − R) / L (over 100), above
                                                    (2U − R) / U (under 100), or T/R against the bound.
cap          min(method, batas)                     ``batas_capaian`` of a definition, any value: Kemenkeu caps
                                                    at 120 (R = 4 of T = 3,25 is 123,08 → 120). Never silent.
============ ====================================== ============================================================

Missing R or T gives NaN for every method. The systems disagree on one input: a lower-is-better indicator with
T = 10, R = 8 gives 120 (``2T-R``), 125 (``T/R``), 20 (``(T-R)/T``) or 80 (``R/T``, no polarity).

A definition picks its method in ``metode_capaian`` (empty = the polarity's default, :func:`default_method`) and
its cap in ``batas_capaian``; the range rule applies whenever the target is a range.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


def _arrays(r, t):
    return np.asarray(r, dtype="float64"), np.asarray(t, dtype="float64")


def ratio(r, t):
    """R / T × 100; T = 0 -> 100 when R >= 0 (nothing asked, nothing missing), else NaN."""
    r, t = _arrays(r, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(t != 0, r / t * 100.0, np.where(r >= 0, 100.0, np.nan))


def two_t_minus_r(r, t):
    """(2T − R) / T × 100, floored at 0; T = 0 -> 100 when R = 0, else 0."""
    r, t = _arrays(r, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(t != 0, np.maximum((2 * t - r) / t * 100.0, 0.0), np.where(r == 0, 100.0, 0.0))


def inverse_ratio(r, t):
    """T / R × 100; R = 0 -> 100 when T = 0, else NaN (undefined)."""
    r, t = _arrays(r, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(r != 0, t / r * 100.0, np.where(t == 0, 100.0, np.nan))


def reduction(r, t):
    """(T − R) / T × 100; T = 0 -> NaN (undefined)."""
    r, t = _arrays(r, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(t != 0, (t - r) / t * 100.0, np.nan)


@dataclass(frozen=True)
class Method:
    """One capaian method: its name (as written in ``metode_capaian``), function and words for readers."""

    name: str
    fn: Callable
    formula: str
    en: str
    id: str


METHODS: dict[str, Method] = {m.name: m for m in (
    Method("R/T", ratio, "R / T × 100", "realisation / target (higher is better)",
           "realisasi / target (semakin tinggi semakin baik)"),
    Method("2T-R", two_t_minus_r, "(2T − R) / T × 100", "(2 × target − realisation) / target (lower is better)",
           "(2 × target − realisasi) / target (semakin rendah semakin baik)"),
    Method("T/R", inverse_ratio, "T / R × 100", "target / realisation (lower is better)",
           "target / realisasi (semakin rendah semakin baik)"),
    Method("(T-R)/T", reduction, "(T − R) / T × 100", "(target − realisation) / target: the reduction",
           "(target − realisasi) / target: besarnya penurunan"),
    Method("predikat", ratio, "rank(R) / rank(T) × 100", "rank of the grade achieved / rank of the target grade",
           "peringkat predikat realisasi / peringkat predikat target"),
)}
#: the range rule's name (applied whenever a target is a range; see :func:`in_range`)
RANGE = "rentang"
#: the methods a definition may pick, by polarity (the first is the default)
ALLOWED = {"positif": ("R/T",), "negatif": ("2T-R", "T/R", "(T-R)/T"), "predikat": ("predikat",)}
#: the methods the reconciliation tries on a numeric indicator whose report does not say which it used
NUMERIC = ("R/T", "2T-R", "T/R", "(T-R)/T")
#: caps seen in reports (Kemenkeu 120; "at most 100" in many regional apps), tried when a definition has none
COMMON_CAPS = (100.0, 120.0)


def default_method(polaritas: str, konvensi_negatif: str | None = None) -> str:
    """The polarity's method: R/T, the negative convention (2T-R unless stated), or predikat."""
    if polaritas == "negatif":
        return konvensi_negatif or "2T-R"
    return "predikat" if polaritas == "predikat" else "R/T"


def apply(name: str, r, t):
    """Capaian of ``r`` against ``t`` by the method ``name`` (KeyError naming an unknown one)."""
    return METHODS[name].fn(r, t)


def in_range(r, lower, upper, name: str):
    """The range rule: 100 inside [lower, upper]; outside, method ``name`` against the nearer bound."""
    r, lower = _arrays(r, lower)
    upper = np.asarray(upper, dtype="float64")
    below, above = apply(name, r, lower), apply(name, r, upper)
    out = np.where(r < lower, below, np.where(r > upper, above, 100.0))
    return np.where(np.isnan(r) | np.isnan(lower) | np.isnan(upper), np.nan, out)


def capped(values, cap):
    """``values`` capped at ``cap`` (a number, or an array with NaN = no cap); NaN stays NaN."""
    v = np.asarray(values, dtype="float64")
    c = np.broadcast_to(np.asarray(np.nan if cap is None else cap, dtype="float64"), v.shape)
    return np.where(np.isnan(c) | np.isnan(v), v, np.minimum(v, c))


def describe(name: str, cap=None, lang: str = "en") -> str:
    """``R / T × 100, capped at 120`` — a method (and its cap) as the reconciliation names it."""
    words = METHODS[name].formula
    if cap is not None and not np.isnan(cap):
        words += f", {'capped at' if lang == 'en' else 'dibatasi'} {cap:g}"
    return words
