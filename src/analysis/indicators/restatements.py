"""Several report years of one agency joined into one series, and the past figures a later report restates.

The joined series (:func:`join_series`): each indicator-year's value comes from **the report of that year**
where it prints one; a year no own report prints (before the first report in ``data/raw/``, or left out of it)
takes the value of the **latest** report that prints it. Every row names its report (``laporan_tahun``) and
line (``baris_sumber``).

A **restatement** (:func:`detect_restatements`) is a past figure that a later report prints differently from
the report that first printed it (the report of its own year, else the earliest one): listed with both values,
both sources and the difference, never resolved silently. Both figures are for the same year, so the same
definition version applies to them; where the later report's own year has another version (a series break,
:mod:`.trends`; not an indicator no longer defined then), the row says so (``rumus_berubah``): the later report
may have recomputed the old year by its new formula. ``hanya_pembulatan`` marks a difference that is only the
precision printed (90,7 for 90,67); ``laporan_dipakai`` is the report whose figure the joined series uses.
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from ..ingest.definitions import version_in
from ..reconcile.rounding import round_half_up

COLUMNS = ["kode_indikator", "nama", "tahun", "versi", "laporan_pertama", "nilai_pertama", "predikat_pertama",
           "tabel_pertama", "baris_pertama", "laporan_ulang", "nilai_ulang", "predikat_ulang", "tabel_ulang",
           "baris_ulang", "selisih", "hanya_pembulatan", "versi_laporan_ulang", "rumus_berubah", "laporan_dipakai"]


def join_series(series: pd.DataFrame, by_report: pd.DataFrame | None, definitions: pd.DataFrame,
                year: int) -> pd.DataFrame:
    """``series`` (this report's, :func:`.trends.build_series`) with every earlier report joined in, and the
    report and line of each value (columns ``laporan_tahun``, ``baris_sumber`` added)."""
    s = series.copy()
    s["laporan_tahun"] = int(year)
    s["baris_sumber"] = ""
    if by_report is None or not len(by_report):
        return s.astype({"laporan_tahun": "int64"})
    own = by_report[by_report["laporan_tahun"] == int(year)]
    lines = {(r.kode_indikator, int(r.tahun)): r.baris_sumber for r in own.itertuples()}
    s["baris_sumber"] = [lines.get((c, int(y)), "") for c, y in zip(s["kode_indikator"], s["tahun"], strict=True)]
    have = set(zip(s["kode_indikator"], s["tahun"].astype(int), strict=True))
    chosen = {}
    earlier = by_report[by_report["laporan_tahun"] < int(year)]
    for (code, y), g in earlier.groupby(["kode_indikator", "tahun"], sort=True):
        mine = g[g["laporan_tahun"] == y]
        if len(mine):  # the report of its own year
            chosen[(code, int(y))] = mine.iloc[0]
        elif (code, int(y)) not in have:  # else this report's, else the latest that prints it
            chosen[(code, int(y))] = g.sort_values("laporan_tahun").iloc[-1]
    if not chosen:
        return s.astype({"laporan_tahun": "int64"})
    keep = s[[(c, int(y)) not in chosen for c, y in zip(s["kode_indikator"], s["tahun"], strict=True)]]
    added = pd.DataFrame([{"kode_indikator": code, "tahun": y, "versi": version_in(definitions, code, y),
                           "realisasi": r["realisasi"], "realisasi_tepat": r["realisasi"],
                           "predikat": r["predikat"], "sumber": r["tabel"], "laporan_tahun": int(r["laporan_tahun"]),
                           "baris_sumber": r["baris_sumber"]} for (code, y), r in chosen.items()],
                         columns=s.columns)
    out = pd.concat([keep, added], ignore_index=True) if len(keep) else added
    return out.sort_values(["kode_indikator", "tahun"], kind="stable").reset_index(drop=True).astype(
        {"tahun": "int64", "versi": "Int64", "realisasi": "float64", "realisasi_tepat": "float64",
         "laporan_tahun": "int64"})


def _decimals(x: float) -> int:
    """Decimals of a value as it was printed (its shortest form: 90,67 -> 2)."""
    e = Decimal(repr(float(x))).normalize().as_tuple().exponent
    return max(0, -int(e))


def _only_rounding(a: float, b: float) -> bool:
    """The two values are one number printed with different precision (the finer rounds to the coarser)."""
    da, db = _decimals(a), _decimals(b)
    if da == db:
        return False
    fine, coarse, d = (a, b, db) if da > db else (b, a, da)
    return float(round_half_up(fine, d)) == coarse


def _differs(a: pd.Series, b: pd.Series) -> bool:
    if isinstance(a["predikat"], str) and isinstance(b["predikat"], str) and a["predikat"] != b["predikat"]:
        return True
    va, vb = a["realisasi"], b["realisasi"]
    return bool(pd.notna(va) and pd.notna(vb) and abs(float(va) - float(vb)) > 1e-9 * max(1.0, abs(float(va))))


def detect_restatements(by_report: pd.DataFrame | None, definitions: pd.DataFrame) -> pd.DataFrame:
    """Every past figure a later report prints differently (one row per later report); see ``COLUMNS``."""
    rows = []
    if by_report is None or not len(by_report):
        return pd.DataFrame(columns=COLUMNS)
    names = dict(zip(definitions["kode_indikator"], definitions["nama"], strict=False))
    for (code, y), g in by_report.groupby(["kode_indikator", "tahun"], sort=True):
        if g["laporan_tahun"].nunique() < 2:
            continue
        g = g.sort_values("laporan_tahun")
        own = g[g["laporan_tahun"] == y]
        first = own.iloc[0] if len(own) else g.iloc[0]
        used = int(y) if len(own) else int(g["laporan_tahun"].max())  # as join_series picks
        for _, later in g[g["laporan_tahun"] > first["laporan_tahun"]].iterrows():
            if not _differs(first, later):
                continue
            va, vb = first["realisasi"], later["realisasi"]
            numeric = pd.notna(va) and pd.notna(vb)
            v_year, v_later = version_in(definitions, code, int(y)), version_in(definitions, code,
                                                                                 int(later["laporan_tahun"]))
            rows.append({"kode_indikator": code, "nama": names.get(code, code), "tahun": int(y), "versi": v_year,
                         "laporan_pertama": int(first["laporan_tahun"]), "nilai_pertama": va,
                         "predikat_pertama": first["predikat"], "tabel_pertama": first["tabel"],
                         "baris_pertama": first["baris_sumber"], "laporan_ulang": int(later["laporan_tahun"]),
                         "nilai_ulang": vb, "predikat_ulang": later["predikat"], "tabel_ulang": later["tabel"],
                         "baris_ulang": later["baris_sumber"],
                         "selisih": float(vb) - float(va) if numeric else float("nan"),
                         "hanya_pembulatan": bool(numeric and _only_rounding(float(va), float(vb))),
                         "versi_laporan_ulang": v_later,
                         "rumus_berubah": None not in (v_year, v_later) and v_year != v_later,
                         "laporan_dipakai": used})
    return pd.DataFrame(rows, columns=COLUMNS).astype({"versi": "Int64", "versi_laporan_ulang": "Int64",
                                                       "nilai_pertama": "float64", "nilai_ulang": "float64",
                                                       "selisih": "float64"})
