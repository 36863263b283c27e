"""Many agency-years at once, vectorised: IKU capaian, absorption, efficiency and the reconciliation of
the core reported figures, for thousands of agency-years in one process.

The formulas are the same functions the per-agency pipeline uses (:func:`analysis.indicators.capaian.capaian`,
:func:`analysis.indicators.budget.serapan`), and so are the rounding (:mod:`.rounding`) and the status rule
(:mod:`.status`); only the grouping is done across agency-years. The reconciliation
here covers the figures every LKj prints — IKU realisation (from components) and capaian, programme
absorption, the mean capaian, the mean absorption and the efficiency — with the same statuses as
:mod:`.reconcile` (which also handles the narrative figures one agency-year at a time). These figures are all of
one year, so none compares years across a series break and none is ``not_comparable``; the inputs have no
series-break column (:func:`.status.classify_many` takes a ``crossing`` flag for a caller that has one).

Inputs (one row per item, ``key`` identifies the agency-year):

- ``iku``: key, kode_indikator, polaritas, konvensi_negatif, target, pembilang, penyebut, faktor,
  realisasi_dilaporkan, capaian_dilaporkan; optional: ``desimal_realisasi`` and ``desimal_capaian`` (decimals as
  printed; default 2 and 0), ``metode_capaian`` (empty = the polarity's default), ``batas_capaian`` (a cap: the
  capped figure counts as another method, never as a mismatch), ``target_atas`` (a range target). Without a
  denominator (``penyebut`` empty) the realisation is the numerator itself, as for a count or a score.
- ``program``: key, program_no, anggaran, realisasi, persen_dilaporkan; optional ``desimal_persen`` (default 2)
- ``summary``: key, capaian_rata_rata_dilaporkan, serapan_rata_rata_dilaporkan, efisiensi_dilaporkan

An agency-year with IKU but no programme (or the reverse) has its summary figures recomputed from what it has.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..indicators.budget import serapan
from ..indicators.capaian import capaian
from .rounding import round_half_up
from .status import CAPAIAN_THRESHOLD, classify_many, equal_as_printed


def recompute(iku: pd.DataFrame, program: pd.DataFrame, summary: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Recompute and reconcile; returns ``iku``, ``agency_year`` and ``reconciliation`` frames."""
    iku = iku.copy()
    den = iku["penyebut"].to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        # no denominator: a count or a score is its own realisation (realisasi_from_components)
        iku["realisasi"] = np.where(den > 0, iku["pembilang"] / den * iku["faktor"],
                                    np.where(np.isnan(den), iku["pembilang"], np.nan))
    dec_r = _column(iku, "desimal_realisasi", 2)
    dec_c = _column(iku, "desimal_capaian", 0)
    how = {"metode": _column(iku, "metode_capaian", None), "target_atas": _column(iku, "target_atas", None)}
    ratio_method = _ratio_method(iku, how["metode"])
    args = (iku["target"].to_numpy(), iku["polaritas"].to_numpy(), iku["konvensi_negatif"].to_numpy())
    iku["capaian"] = capaian(iku["realisasi"].to_numpy(), *args, **how)
    from_rounded = capaian(round_half_up(iku["realisasi"], dec_r), *args, **how)
    # other rounded inputs, as the per-agency candidates know them: the realisation as printed (a capaian
    # from a wrong printed realisation is no second finding), and the ratio rounded before × 100 (11 / 15 ->
    # 0,733 -> 73,30)
    from_printed = capaian(iku["realisasi_dilaporkan"].to_numpy(dtype="float64"), *args, **how)
    chosen = from_rounded
    others = [from_printed]
    if ratio_method.any():  # as reconcile.candidates does: R/T or T/R, the ratio rounded to 3 or 2 decimals
        ratio = np.asarray(iku["capaian"], dtype="float64") / 100
        others += [np.where(ratio_method, round_half_up(ratio, d) * 100, np.nan) for d in (2, 3)]
    for other in others:
        chosen = np.where(equal_as_printed(other, iku["capaian_dilaporkan"], dec_c), other, chosen)
    iku["capaian_dari_dibulatkan"] = chosen
    cap = _column(iku, "batas_capaian", None)
    # a cap is the report's stated method (Kemenkeu's 120 %): the capped figure reproduces, the uncapped is primary
    capped = None if cap is None else capaian(iku["realisasi"].to_numpy(), *args, batas_atas=cap, **how)
    program = program.copy()
    program["serapan"] = serapan(program["realisasi"], program["anggaran"])

    g = program.groupby("key", sort=True)
    keys = pd.Index(np.union1d(iku["key"].unique(), program["key"].unique()), name="key")
    ay = pd.DataFrame({"anggaran": g["anggaran"].sum(), "realisasi": g["realisasi"].sum(),
                       "serapan_rata_rata": g["serapan"].mean()}).reindex(keys)
    ay["serapan"] = serapan(ay["realisasi"], ay["anggaran"])
    ay["capaian_rata_rata"] = iku.groupby("key", sort=True)["capaian"].mean()
    ay["efisiensi_tertimbang"] = ay["capaian_rata_rata"] - ay["serapan"]
    ay["efisiensi_rata_rata"] = ay["capaian_rata_rata"] - ay["serapan_rata_rata"]
    ay = ay.reset_index()

    parts = [
        pd.DataFrame({"key": iku["key"], "check": "realisasi " + iku["kode_indikator"],
                      "reported": iku["realisasi_dilaporkan"], "recomputed": iku["realisasi"],
                      "status": classify_many(iku["realisasi_dilaporkan"], dec_r, iku["realisasi"])}),
        pd.DataFrame({"key": iku["key"], "check": "capaian " + iku["kode_indikator"],
                      "reported": iku["capaian_dilaporkan"], "recomputed": iku["capaian"],
                      "status": classify_many(iku["capaian_dilaporkan"], dec_c, iku["capaian"],
                                              iku["capaian_dari_dibulatkan"], capped,
                                              threshold=CAPAIAN_THRESHOLD)}),
        pd.DataFrame({"key": program["key"], "check": "serapan program " + program["program_no"].astype(str),
                      "reported": program["persen_dilaporkan"], "recomputed": program["serapan"],
                      "status": classify_many(program["persen_dilaporkan"], _column(program, "desimal_persen", 2),
                                              program["serapan"])}),
    ]
    r = summary.merge(ay, on="key", how="left")
    parts += [
        pd.DataFrame({"key": r["key"], "check": "capaian_rata_rata", "reported": r["capaian_rata_rata_dilaporkan"],
                      "recomputed": r["capaian_rata_rata"],
                      "status": classify_many(r["capaian_rata_rata_dilaporkan"], 0, r["capaian_rata_rata"])}),
        pd.DataFrame({"key": r["key"], "check": "serapan_rata_rata", "reported": r["serapan_rata_rata_dilaporkan"],
                      "recomputed": r["serapan"],
                      "status": classify_many(r["serapan_rata_rata_dilaporkan"], 0, r["serapan"], None,
                                       r["serapan_rata_rata"])}),
        pd.DataFrame({"key": r["key"], "check": "efisiensi", "reported": r["efisiensi_dilaporkan"],
                      "recomputed": r["efisiensi_tertimbang"],
                      "status": classify_many(r["efisiensi_dilaporkan"], 0, r["efisiensi_tertimbang"],
                                              # the report subtracts the two rounded figures (109 − 97)
                                              round_half_up(r["capaian_rata_rata"], 0)
                                              - round_half_up(r["serapan_rata_rata"], 0),
                                              r["efisiensi_rata_rata"])}),
    ]
    rec = pd.concat(parts, ignore_index=True)
    return {"iku": iku, "agency_year": ay, "reconciliation": rec}


def _ratio_method(iku: pd.DataFrame, chosen) -> np.ndarray:
    """Rows whose capaian is a plain ratio × 100 (R/T, or T/R), by their method or their polarity's default
    (not a range target: its rule is not a ratio)."""
    pol = iku["polaritas"].to_numpy()
    conv = iku["konvensi_negatif"].fillna("2T-R").to_numpy()
    default = np.where(pol == "positif", "R/T", np.where(pol == "negatif", conv, ""))
    named = pd.Series(chosen if chosen is not None else [None] * len(iku), dtype="object").fillna("").to_numpy()
    method = np.where(named != "", named, default)
    plain = iku["target_atas"].isna().to_numpy() if "target_atas" in iku.columns else True
    return np.isin(method, ["R/T", "T/R"]) & plain


def _column(df: pd.DataFrame, name: str, default):
    """An optional input column as an array, or ``default`` (``None``: the column is absent)."""
    if name not in df.columns:
        return default
    values = df[name]
    return values.fillna(default).to_numpy() if default is not None else values.to_numpy()


def synthetic(n: int, programmes: int = 8, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``n`` synthetic agency-years (SYNTHETIC: for benchmarks and tests only), three IKU each (positive,
    negative, and one whose printed capaian was computed from a rounded realisation) and ``programmes``
    programmes, with the report's figures printed the way the seed prints them."""
    rng = np.random.default_rng(seed)
    keys = np.repeat(np.arange(n), 3)
    pol = np.tile(["positif", "negatif", "positif"], n)
    den = rng.integers(500, 30000, 3 * n).astype("float64")
    num = np.floor(den * rng.uniform(0.0005, 0.3, 3 * n))
    real = num / den * 100
    target = round_half_up(real * rng.uniform(0.8, 1.2, 3 * n), 2)
    printed_real = round_half_up(real, 2)
    cap_printed = round_half_up(capaian(printed_real, target, pol, np.full(3 * n, "2T-R", dtype=object)), 0)
    iku = pd.DataFrame({"key": keys, "kode_indikator": np.tile(["A", "B", "C"], n), "polaritas": pol,
                        "konvensi_negatif": "2T-R", "target": target, "pembilang": num, "penyebut": den,
                        "faktor": 100.0, "realisasi_dilaporkan": printed_real, "capaian_dilaporkan": cap_printed})
    pk = np.repeat(np.arange(n), programmes)
    budget = rng.integers(10_000_000, 5_000_000_000, n * programmes).astype("float64")
    spent = np.floor(budget * rng.uniform(0.8, 1.0, n * programmes))
    pct = spent / budget * 100
    program = pd.DataFrame({"key": pk, "program_no": np.tile(np.arange(1, programmes + 1), n), "anggaran": budget,
                            "realisasi": spent, "persen_dilaporkan": round_half_up(pct, 2)})
    cap_mean = pd.Series(capaian(real, target, pol, np.full(3 * n, "2T-R", dtype=object))).groupby(keys).mean()
    plain = pd.Series(pct).groupby(pk).mean()
    summary = pd.DataFrame({"key": np.arange(n), "capaian_rata_rata_dilaporkan": round_half_up(cap_mean, 0),
                              "serapan_rata_rata_dilaporkan": round_half_up(plain, 0),  # the report's plain mean
                              "efisiensi_dilaporkan": round_half_up(cap_mean, 0) - round_half_up(plain, 0)})
    return iku, program, summary
