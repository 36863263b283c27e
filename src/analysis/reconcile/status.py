"""The one status rule (match, rounding, method, mismatch, not_comparable, unverifiable), per figure or in bulk.

Precedence (the first that holds):

``not_comparable`` the figure compares years across a series break (the indicator's definition changed in
                  between): the comparison is invalid whatever its arithmetic; the explanation still says what
                  the arithmetic gives (:func:`across_break`);
``unverifiable``  the primary recomputation is missing (an input is not stated);
``match``         the primary recomputation, rounded as printed (:mod:`.rounding`), equals the figure —
                  unless rounding lifted it across a threshold (capaian 99,75 printed as 100), then
                  ``rounding``;
``rounding``      a recomputation from rounded inputs gives it, or the primary *truncated* does;
``method``        another method gives it;
``mismatch``      nothing reproduces it.

:func:`decide` is the arithmetic precedence on booleans and :func:`across_break` the series-break rule on top
of it; :func:`classify` applies both to one reported figure and its candidates (with the explanation the report
shows), :func:`classify_many` to arrays (the batch, whose figures are single-year: it passes no crossing flag,
so it never yields ``not_comparable`` unless a caller gives one).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .rounding import figure_decimals, printed_decimals, round_half_up, truncate

#: every status, in the order summaries list them
STATUSES = ("match", "rounding", "method", "mismatch", "not_comparable", "unverifiable")
#: the order of reconciliation tables: findings first (an invalid comparison right after a wrong figure), match last
STATUS_ORDER = {"mismatch": 0, "not_comparable": 1, "method": 2, "rounding": 3, "unverifiable": 4, "match": 5}
#: capaian printed at or above 100 only because rounding lifted it is a rounding, not a match
CAPAIAN_THRESHOLD = 100.0
_TOLERANCE = 1e-9
#: candidates that are another capaian method (:func:`analysis.reconcile.candidates.iku_candidates`)
METHOD_PREFIX = "metode_"
#: the primary capaian of an IKU whose report states no components: from its printed target and realisation
PRINTED_ONLY = "dari_target_dan_realisasi_tercetak"


def equal_as_printed(value, reported, decimals, truncated: bool = False):
    """``value`` rounded (or truncated) to ``decimals`` equals ``reported``; False where either is missing."""
    v = truncate(value, decimals) if truncated else round_half_up(value, decimals)
    with np.errstate(invalid="ignore"):
        return np.abs(v - np.asarray(reported, dtype="float64")) < _TOLERANCE


def crossed_threshold(primary, reported, threshold: float | None):
    """The primary is below ``threshold`` but the printed figure reaches it (rounding across the threshold)."""
    if threshold is None:
        return np.zeros(np.shape(reported), dtype=bool)
    p, rep = np.asarray(primary, dtype="float64"), np.asarray(reported, dtype="float64")
    with np.errstate(invalid="ignore"):
        return (p < threshold) & (rep >= threshold)


def decide(primary_missing, primary_equal, crossed, rounded_equal, truncated_equal, other_equal):
    """The precedence (module doc) on booleans, scalar or element-wise; returns status strings."""
    conds = [np.asarray(primary_missing, dtype=bool),
             np.asarray(primary_equal, dtype=bool) & ~np.asarray(crossed, dtype=bool),
             np.asarray(primary_equal, dtype=bool) | np.asarray(rounded_equal, dtype=bool)
             | np.asarray(truncated_equal, dtype=bool), np.asarray(other_equal, dtype=bool)]
    out = np.select(conds, ["unverifiable", "match", "rounding", "method"], "mismatch").astype(object)
    return out.item() if out.ndim == 0 else out


def across_break(status, crossing):
    """``not_comparable`` where the figure compares years across a series break (``crossing`` true), else the
    arithmetic ``status``; scalar or element-wise like :func:`decide`."""
    out = np.where(np.asarray(crossing, dtype=bool), "not_comparable", np.asarray(status, dtype=object))
    out = out.astype(object)
    return out.item() if out.ndim == 0 else out


def classify_many(reported, decimals, primary, from_rounded=None, alternative=None,
                  threshold: float | None = None, crossing=None) -> np.ndarray:
    """Status of each printed figure (numbers only), element-wise: ``primary`` is the standard recomputation,
    ``from_rounded`` the same from inputs rounded as printed, ``alternative`` another method; ``threshold``
    (e.g. :data:`CAPAIAN_THRESHOLD`) marks a match that only holds by rounding across it; ``crossing`` (booleans,
    optional) marks figures that compare years across a series break. Without it no figure is
    ``not_comparable``: the caller must know the breaks (the batch's figures are all of one year)."""
    rep = np.asarray(reported, dtype="float64")
    p = np.asarray(primary, dtype="float64")
    none = np.zeros(rep.shape, dtype=bool)

    def eq(v):
        return none if v is None else equal_as_printed(np.asarray(v, dtype="float64"), rep, decimals)

    status = decide(np.isnan(p), eq(p), crossed_threshold(p, rep, threshold), eq(from_rounded),
                    equal_as_printed(p, rep, decimals, truncated=True), eq(alternative))
    return status if crossing is None else across_break(status, crossing)


def _why(c) -> tuple[str, str]:
    return c["penjelasan"], c.get("penjelasan_id", c["penjelasan"])


#: what the arithmetic of a figure across a series break gives, by its arithmetic status (English, Indonesian)
_ARITHMETIC = {
    "match": ("the arithmetic reproduces it", "aritmetikanya cocok dengan hitung ulang"),
    "rounding": ("the arithmetic reproduces it only with rounding", "aritmetikanya cocok hanya karena pembulatan"),
    "method": ("the arithmetic reproduces it by another method", "aritmetikanya cocok dengan metode lain"),
    "mismatch": ("the arithmetic does not reproduce it", "aritmetikanya tidak cocok"),
    "unverifiable": ("the arithmetic cannot be checked", "aritmetikanya tidak dapat diperiksa"),
}


def classify(reported, cands, crossing: tuple[str, str] | None = None) -> tuple[str, float, tuple[str, str]]:
    """Status, primary recomputed value and explanation (English, Indonesian) for one reported figure.

    ``reported``: a row of ``reported_figures`` (``teks``, ``nilai``, ``besaran``); ``cands``: its
    candidates, a DataFrame or a list of records with the columns of :func:`analysis.reconcile.candidates.candidate`
    (``nilai``, ``teks``, ``utama``, ``dibulatkan``, ``penjelasan``, optionally ``penjelasan_id``);
    ``crossing``: the series break(s) the figure's years span (English, Indonesian), if any — then the status is
    ``not_comparable`` and the explanation says what the arithmetic gave."""
    status, pv, (why, why_id) = _arithmetic(reported, cands)
    if not crossing:
        return status, pv, (why, why_id)
    verdict, verdict_id = _ARITHMETIC[status]
    return across_break(status, True), pv, (
        f"{verdict}{': ' + why if why else ''}; but it compares years across a series break ({crossing[0]}): "
        "not comparable",
        f"{verdict_id}{': ' + why_id if why_id else ''}; tetapi membandingkan tahun yang melintasi perubahan rumus "
        f"({crossing[1]}): tidak sebanding")


def _arithmetic(reported, cands) -> tuple[str, float, tuple[str, str]]:
    """:func:`classify` without the series-break rule: what the figure's arithmetic gives."""
    cands = cands.to_dict("records") if isinstance(cands, pd.DataFrame) else list(cands)
    if not cands:
        return "unverifiable", np.nan, ("no recomputation: an input is missing",
                                        "tidak dapat dihitung ulang: ada masukan yang tidak tersedia")
    p = next((c for c in cands if c["utama"]), None)
    rep = reported["nilai"]
    textual = pd.isna(rep)
    # a value read with more decimals than the text seems to show ('1,060' in id style is 1.06, not 1060)
    d = printed_decimals(reported["teks"]) if textual else figure_decimals(reported["teks"], rep)

    def equal(c) -> bool:
        if textual:
            return not pd.isna(c["teks"]) and str(c["teks"]).strip().lower() == str(reported["teks"]).strip().lower()
        return bool(equal_as_printed(c["nilai"], rep, d))

    missing = p is None or (pd.isna(p["nilai"]) and pd.isna(p["teks"]))
    pv = np.nan if p is None else p["nilai"]
    rounded_inputs = [c for c in cands if c["dibulatkan"]]
    rounded_hit = next((c for c in rounded_inputs if equal(c)), None)
    other_hit = next((c for c in cands if not c["utama"] and not c["dibulatkan"] and equal(c)), None)
    primary_equal = not missing and equal(p)
    crossed = (reported["besaran"] == "capaian" and not textual
               and bool(crossed_threshold(pv, rep, CAPAIAN_THRESHOLD)))
    truncated = not missing and not textual and bool(equal_as_printed(pv, rep, d, truncated=True))
    status = decide(missing, primary_equal, crossed, rounded_hit is not None, truncated, other_hit is not None)

    if status == "unverifiable":
        if p is not None and isinstance(p.get("alasan"), tuple):  # the candidate says why it has no value
            return status, np.nan, p["alasan"]
        return status, np.nan, ("an input of the recomputation is missing (not stated in the report)",
                                "masukan perhitungan ulang tidak tersedia (tidak dinyatakan dalam laporan)")
    if status == "match":
        if isinstance(p.get("nama_metode"), tuple):  # several methods are in use: say which one this is
            return status, pv, (f"reproduced by {p['nama_metode'][0]}", f"cocok dengan {p['nama_metode'][1]}")
        return status, pv, ("", "")
    if status == "rounding":
        if primary_equal and p.get("metode") == PRINTED_ONLY:  # crossed the threshold, no components stated
            return status, pv, (
                f"printed {reported['teks']} only because it was rounded: from the printed target and realisation "
                f"the capaian is {pv:.2f} %: the target is not quite met",
                f"tercetak {reported['teks']} hanya karena dibulatkan: dari target dan realisasi yang tercetak "
                f"capaian {pv:.2f} %: target belum sepenuhnya tercapai")
        if primary_equal:  # crossed the threshold
            en, id_ = _why(rounded_inputs[0]) if rounded_inputs else ("", "")
            return status, pv, (
                f"printed {reported['teks']} only because the realisation was rounded first; from its components "
                f"the capaian is {pv:.2f} %: the target is not quite met" + (f" ({en})" if en else ""),
                f"tercetak {reported['teks']} hanya karena realisasi dibulatkan lebih dahulu; dari komponennya "
                f"capaian {pv:.2f} %: target belum sepenuhnya tercapai" + (f" ({id_})" if id_ else ""))
        if rounded_hit is not None:
            return status, pv, _why(rounded_hit)
        return status, pv, (f"the figure is truncated to {d} decimals, not rounded",
                            f"angka dipotong menjadi {d} desimal, bukan dibulatkan")
    if status == "method":
        methods = [c for c in cands if str(c.get("metode", "")).startswith(METHOD_PREFIX) and not c["utama"]
                   and not c["dibulatkan"] and equal(c)]
        if len(methods) > 1:  # the report does not say its method: name every one that reproduces the figure
            return status, pv, tuple("; or ".join(_why(c)[n] for c in methods) for n in (0, 1))
        return status, pv, _why(other_hit)
    shown = f"{pv:.2f}" if not pd.isna(pv) else str(p["teks"])
    en, id_ = _why(p)
    return status, pv, (f"no method reproduces it; recomputed {shown}" + (f" ({en})" if en else ""),
                        f"tidak ada metode yang menghasilkannya; hasil hitung ulang {shown}"
                        + (f" ({id_})" if id_ else ""))
