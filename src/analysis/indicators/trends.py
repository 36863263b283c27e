"""Versioned indicator definitions, series breaks and honest multi-year figures.

A *break* is a year where an indicator's definition changes: numerator, denominator, unit or polarity
(``jenis = perubahan_rumus``), or where the indicator appears (``muncul``) or disappears (``hilang``)
within the years observed. A break is *declared* (a later version in ``definisi_indikator.csv``) or *found in
the reports' text* (two reports state the definition differently, :mod:`analysis.ingest.stated`; ``asal``).
Two realisations are *comparable* (``sebanding``) only when the same
definition version produced both.

Change figures are always labelled: ``_pp`` columns are **percentage points** (b − a) and ``_persen``
columns are **percent** ((b − a) / a × 100). A change that crosses a break is still computed (the report
prints it) but carries ``sebanding = False``; charts never join points of different versions.
"""
from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd

from ..ingest.definitions import versions_in
from ..ingest.stated import DECLARED, FROM_REPORTS, describe

DEFINITION_FIELDS = {"komponen_pembilang": "pembilang", "pembilang": "pembilang", "komponen_penyebut": "penyebut",
                     "penyebut": "penyebut", "satuan": "satuan", "polaritas": "polaritas", "faktor": "faktor"}
#: ``asal``: ``dinyatakan`` (declared in definisi_indikator.csv) or ``laporan`` (found in the reports' text,
#: :mod:`analysis.ingest.stated`); ``laporan_*``/``baris_*``: the reports stating the old and the new definition
#: and their lines in each report's sumber.txt
BREAK_COLUMNS = ["kode_indikator", "jenis", "tahun_terakhir_lama", "tahun_pertama_baru", "versi_lama", "versi_baru",
                 "yang_berubah", "definisi_lama", "definisi_baru", "kalimat_sumber", "asal", "laporan_lama",
                 "baris_lama", "laporan_baru", "baris_baru"]


def _source(d: pd.Series | None) -> tuple:
    """(report year, line) of the report stating definition ``d`` (missing when unknown)."""
    if d is None or pd.isna(d.get("laporan_tahun", pd.NA)):
        return pd.NA, ""
    return int(d["laporan_tahun"]), str(d.get("baris_sumber") or "")


def _from_reports(d: pd.Series) -> bool:
    return d.get("asal", DECLARED) == FROM_REPORTS


def _change(a: pd.Series, b: pd.Series) -> dict:
    """What changed from version ``a`` to ``b``, its sources, and where the break was found."""
    if _from_reports(b):  # derived: as the two reports state it (ingest.stated)
        old = (int(b["laporan_sebelumnya"]), str(b["baris_sebelumnya"]))
        changed = [s.strip() for s in str(b["berubah"]).split(",") if s.strip()]
        return {"yang_berubah": changed, "definisi_lama": str(b["definisi_sebelumnya"]), "asal": FROM_REPORTS,
                "laporan_lama": old[0], "baris_lama": old[1]}
    changed = sorted({label for f, label in DEFINITION_FIELDS.items()
                      if str(a.get(f, "") or "") != str(b.get(f, "") or "")})
    old = _source(a)
    return {"yang_berubah": changed, "definisi_lama": describe(a), "asal": DECLARED, "laporan_lama": old[0],
            "baris_lama": old[1]}


def detect_breaks(definitions: pd.DataFrame, years: list[int] | None = None) -> pd.DataFrame:
    """Every break of every indicator (one row each); see ``BREAK_COLUMNS``.

    ``years``: the years observed; with it, an indicator whose first version starts after the first
    observed year *appears*, and one whose last version ends before the last observed year *disappears*.
    A version derived from the reports' text (``asal`` ``laporan``) is a break with the fields its reports state
    differently, whatever the declared rows say.
    """
    rows = []
    for code, g in definitions.sort_values(["kode_indikator", "berlaku_dari"]).groupby("kode_indikator", sort=True):
        versions = list(g.itertuples(index=False))
        vs = [pd.Series(v._asdict()) for v in versions]
        for a, b in pairwise(vs):
            ch = _change(a, b)
            end = a["berlaku_sampai"] if pd.notna(a["berlaku_sampai"]) else b["berlaku_dari"] - 1
            gap = b["berlaku_dari"] - end > 1
            if ch["yang_berubah"] or gap:
                new = _source(b)
                rows.append({"kode_indikator": code, "jenis": "perubahan_rumus" if ch["yang_berubah"] else "celah",
                             "tahun_terakhir_lama": int(end), "tahun_pertama_baru": int(b["berlaku_dari"]),
                             "versi_lama": int(a["versi"]), "versi_baru": int(b["versi"]),
                             **ch, "yang_berubah": ", ".join(ch["yang_berubah"]) or "tidak ada definisi di antaranya",
                             "definisi_baru": describe(b), "kalimat_sumber": b["kalimat_sumber"],
                             "laporan_baru": new[0], "baris_baru": new[1]})
        if years:
            first, last = vs[0], vs[-1]
            if first["berlaku_dari"] > min(years):
                new = _source(first)
                rows.append({"kode_indikator": code, "jenis": "muncul",
                             "tahun_terakhir_lama": int(first["berlaku_dari"]) - 1,
                             "tahun_pertama_baru": int(first["berlaku_dari"]), "versi_lama": pd.NA,
                             "versi_baru": int(first["versi"]), "yang_berubah": "indikator baru",
                             "definisi_lama": "", "definisi_baru": describe(first),
                             "kalimat_sumber": first["kalimat_sumber"], "asal": DECLARED, "laporan_lama": pd.NA,
                             "baris_lama": "", "laporan_baru": new[0], "baris_baru": new[1]})
            if pd.notna(last["berlaku_sampai"]) and last["berlaku_sampai"] < max(years):
                old = _source(last)
                rows.append({"kode_indikator": code, "jenis": "hilang",
                             "tahun_terakhir_lama": int(last["berlaku_sampai"]),
                             "tahun_pertama_baru": int(last["berlaku_sampai"]) + 1, "versi_lama": int(last["versi"]),
                             "versi_baru": pd.NA, "yang_berubah": "indikator dihentikan",
                             "definisi_lama": describe(last), "definisi_baru": "",
                             "kalimat_sumber": last["kalimat_sumber"], "asal": DECLARED, "laporan_lama": old[0],
                             "baris_lama": old[1], "laporan_baru": pd.NA, "baris_baru": ""})
    return pd.DataFrame(rows, columns=BREAK_COLUMNS).astype({"versi_lama": "Int64", "versi_baru": "Int64",
                                                             "laporan_lama": "Int64", "laporan_baru": "Int64"})


def build_series(tables: dict[str, pd.DataFrame], iku: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each indicator-year: realisation as reported, the most precise value known, the definition version.

    Columns: kode_indikator, tahun, versi, realisasi (as reported; graded: the score), realisasi_tepat
    (from components in the report year, else = realisasi), predikat, sumber.
    """
    defs = tables["definisi_indikator"]
    rt = tables.get("realisasi_tahunan", pd.DataFrame(columns=["kode_indikator", "tahun", "realisasi",
                                                               "realisasi_predikat"]))
    sk = tables.get("nilai_sakip", pd.DataFrame(columns=["kode_indikator", "tahun", "predikat", "nilai"]))
    rows = {}
    for _, r in rt.iterrows():
        rows[(r["kode_indikator"], int(r["tahun"]))] = {"realisasi": r["realisasi"],
                                                         "predikat": r["realisasi_predikat"],
                                                         "sumber": "realisasi_multi_tahun"}
    for _, r in iku.iterrows():
        rows.setdefault((r["kode_indikator"], year), {"realisasi": r["realisasi"], "predikat": r["realisasi_predikat"],
                                                      "sumber": "capaian_iku"})
    for _, r in sk.iterrows():  # graded indicators: the score is the number to compare
        d = rows.setdefault((r["kode_indikator"], int(r["tahun"])), {"predikat": r["predikat"]})
        d.update({"realisasi": r["nilai"], "sumber": "nilai_sakip"})
    out = []
    precise = dict(zip(iku["kode_indikator"], iku["realisasi_komponen"], strict=True))
    keys = sorted(rows)
    for (code, y), versi in zip(keys, versions_in(defs, keys), strict=True):
        d = rows[(code, y)]
        real = d.get("realisasi")
        tepat = precise.get(code) if y == year and pd.notna(precise.get(code, np.nan)) else real
        out.append({"kode_indikator": code, "tahun": y, "versi": versi, "realisasi": real,
                    "realisasi_tepat": tepat, "predikat": d.get("predikat"), "sumber": d.get("sumber")})
    return pd.DataFrame(out, columns=["kode_indikator", "tahun", "versi", "realisasi", "realisasi_tepat", "predikat",
                                      "sumber"]).astype({"versi": "Int64", "realisasi": "float64",
                                                         "realisasi_tepat": "float64"})


def change(a: float, b: float) -> tuple[float, float]:
    """(percentage points, percent) from a to b. Percent is NaN when a is 0 or missing."""
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return float("nan"), float("nan")
    pp = b - a
    pct = (b - a) / a * 100.0 if a != 0 else float("nan")
    return pp, pct


def _same_version(a, b) -> bool:
    """Comparable only when one known definition version produced both (a year no version covers is not)."""
    return bool(pd.notna(a["versi"]) and pd.notna(b["versi"]) and a["versi"] == b["versi"])


def build_trends(series: pd.DataFrame, targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each indicator-year with its definition version and labelled change figures.

    Columns: kode_indikator, tahun, versi, realisasi, realisasi_tepat, predikat, target (the year's
    target where stated), tahun_sebelumnya, perubahan_tahunan_pp, perubahan_tahunan_persen,
    sebanding_tahunan, tahun_awal, perubahan_sejak_awal_pp, perubahan_sejak_awal_persen,
    sebanding_sejak_awal. Changes use ``realisasi_tepat`` (the most precise value).
    """
    rows = []
    for _code, g in series.sort_values("tahun").groupby("kode_indikator", sort=True):
        g = g.reset_index(drop=True)
        first = g.iloc[0]
        for i, r in g.iterrows():
            rec = r.to_dict()
            prev = g.iloc[i - 1] if i > 0 else None
            pp, pct = change(prev["realisasi_tepat"], r["realisasi_tepat"]) if prev is not None else (np.nan, np.nan)
            rec.update({"tahun_sebelumnya": prev["tahun"] if prev is not None else pd.NA,
                        "perubahan_tahunan_pp": pp, "perubahan_tahunan_persen": pct,
                        "sebanding_tahunan": _same_version(prev, r) if prev is not None else pd.NA})
            pp0, pct0 = change(first["realisasi_tepat"], r["realisasi_tepat"]) if i > 0 else (np.nan, np.nan)
            rec.update({"tahun_awal": first["tahun"] if i > 0 else pd.NA, "perubahan_sejak_awal_pp": pp0,
                        "perubahan_sejak_awal_persen": pct0,
                        "sebanding_sejak_awal": _same_version(first, r) if i > 0 else pd.NA})
            rows.append(rec)
    df = pd.DataFrame(rows)
    if targets is not None and len(targets):
        t = targets[targets["jenis_target"] != "nasional"].drop_duplicates(["kode_indikator", "tahun"])
        df = df.merge(t[["kode_indikator", "tahun", "target", "target_predikat"]], on=["kode_indikator", "tahun"],
                      how="left")
    return df.astype({"tahun_sebelumnya": "Int64", "tahun_awal": "Int64", "sebanding_tahunan": "boolean",
                      "sebanding_sejak_awal": "boolean"})


def gap_to_targets(iku: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Distance to the national and medium-term targets, in units a manager can act on.

    For a ratio indicator with a known denominator N and numerator n: the target T % needs
    ``ceil(T × N / 100)`` units; ``kekurangan_unit`` is how many more are needed (0 when met). For a
    negative (lower-is-better) indicator ``dibutuhkan_unit`` is the most allowed, ``floor(T × N / 100)``,
    and ``kekurangan_unit`` how many must go.
    Columns: kode_indikator, jenis_target, tahun, target, realisasi, selisih_pp, penyebut, pembilang,
    dibutuhkan_unit, kekurangan_unit.
    """
    rows = []
    for _, t in targets.iterrows():
        i = iku[iku["kode_indikator"] == t["kode_indikator"]]
        if not len(i) or pd.isna(t["target"]):
            continue
        i = i.iloc[0]
        real = i["realisasi_komponen"] if pd.notna(i["realisasi_komponen"]) else i["realisasi"]
        negative = i["polaritas"] == "negatif"
        need = kurang = np.nan
        if pd.notna(i["penyebut"]):
            need, short = units_to_target(t["target"], i["pembilang"], i["penyebut"], negative)
            need, kurang = int(need), (float(short) if short > 0 else 0)  # as max(0, …) gives it
        rows.append({"kode_indikator": t["kode_indikator"], "jenis_target": t["jenis_target"], "tahun": t["tahun"],
                     "target": t["target"], "realisasi": real, "selisih_pp": real - t["target"],
                     "penyebut": i["penyebut"], "pembilang": i["pembilang"], "dibutuhkan_unit": need,
                     "kekurangan_unit": kurang})
    return pd.DataFrame(rows, columns=["kode_indikator", "jenis_target", "tahun", "target", "realisasi", "selisih_pp",
                                       "penyebut", "pembilang", "dibutuhkan_unit", "kekurangan_unit"])


def units_to_target(target, pembilang, penyebut, negative):
    """Units a target of ``target`` % needs with the denominator ``penyebut``, and how many are missing (or, for a
    negative indicator, must go); element-wise. ``(dibutuhkan_unit, kekurangan_unit)``, both ≥ 0.

    Positive: ``ceil(T × N / 100)`` units are needed, ``max(0, need − n)`` are missing. Negative (lower is better):
    at most ``floor(T × N / 100)`` are allowed, ``max(0, n − allowed)`` must go.
    """
    exact = np.asarray(target, dtype="float64") * np.asarray(penyebut, dtype="float64") / 100
    n = np.asarray(pembilang, dtype="float64")
    negative = np.asarray(negative, dtype=bool)
    need = np.where(negative, np.floor(exact + 1e-9), np.ceil(exact - 1e-9))
    short = np.maximum(0, np.where(negative, n - need, need - n))
    return need, short


def decompose(breaks: pd.DataFrame, series: pd.DataFrame, definitions: pd.DataFrame,
              komponen: pd.DataFrame, year: int) -> pd.DataFrame:
    """Split a change across a formula break into a formula effect and a performance effect.

    With year y the first year of the new definition and both formulas computable in y:
    ``new(y) − old(y−1) = [new(y) − old(y)] (formula effect) + [old(y) − old(y−1)] (performance)``.
    When the old formula's components for y are not stated, the row says which are needed
    (``komponen_dibutuhkan``) and the effects are NaN.
    Columns: kode_indikator, tahun, perubahan_pp, efek_rumus_pp, efek_kinerja_pp, dapat_diurai,
    komponen_dibutuhkan.
    """
    from .capaian import evaluate_components, realisasi_from_components
    rows = []
    for _, b in breaks[breaks["jenis"] == "perubahan_rumus"].iterrows():
        code, y = b["kode_indikator"], int(b["tahun_pertama_baru"])
        s = series[series["kode_indikator"] == code].set_index("tahun")
        if y not in s.index or (y - 1) not in s.index:
            continue
        new_y, old_prev = s.loc[y, "realisasi_tepat"], s.loc[y - 1, "realisasi_tepat"]
        old_def = definitions[(definitions["kode_indikator"] == code)
                              & (definitions["versi"] == b["versi_lama"])].iloc[0]
        own = komponen[komponen["kode_indikator"] == code]
        values = dict(zip(own["komponen"], own["nilai"], strict=True)) if y == year else {}
        needed = [n for e in (old_def["komponen_pembilang"], old_def["komponen_penyebut"]) if e
                  for n in e.split("+") if n not in values]
        old_y = np.nan
        if not needed and old_def["komponen_pembilang"]:
            num = evaluate_components(old_def["komponen_pembilang"], values)
            den = evaluate_components(old_def["komponen_penyebut"], values) if old_def["komponen_penyebut"] else None
            old_y = realisasi_from_components(num, den, old_def["faktor"])
        rows.append({"kode_indikator": code, "tahun": y, "perubahan_pp": new_y - old_prev,
                     "efek_rumus_pp": new_y - old_y, "efek_kinerja_pp": old_y - old_prev,
                     "dapat_diurai": not needed,
                     "komponen_dibutuhkan": ", ".join(f"{n} ({y}, definisi v{b['versi_lama']})" for n in needed)})
    return pd.DataFrame(rows, columns=["kode_indikator", "tahun", "perubahan_pp", "efek_rumus_pp", "efek_kinerja_pp",
                                       "dapat_diurai", "komponen_dibutuhkan"])


def series_and_breaks(tables: dict[str, pd.DataFrame], iku: pd.DataFrame, year: int
                      ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The indicator series (:func:`build_series`) and the breaks within the years it covers
    (:func:`detect_breaks`): the reconciliation and the trends both start from this pair."""
    series = build_series(tables, iku, year)
    breaks = detect_breaks(tables["definisi_indikator"], sorted(series["tahun"].unique().tolist()))
    return series, breaks
