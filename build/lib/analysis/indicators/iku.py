"""The IKU table of one agency-year: target, realisation (as reported and from its components), capaian.

Input: the cleaned tables (:func:`analysis.clean.clean_agency_year`). Output ``iku`` columns:

===================== ==============================================================================
kode_indikator        indicator code (``definisi_indikator.csv``)
nama, sasaran_no      indicator name; the *sasaran* (goal) it measures
versi                 definition version valid in the report year
polaritas             positif / negatif / predikat; ``konvensi_negatif`` for negative ones
satuan                unit (``%``, ``predikat``)
target                target value (NaN for graded); ``target_predikat`` the target grade
realisasi             realisation as reported; ``realisasi_predikat`` the reported grade
pembilang, penyebut   numerator and denominator from the stated components (NaN when not stated)
realisasi_komponen    pembilang / penyebut × faktor (unrounded); for graded: the score (81,1)
predikat_komponen     grade of that score on the indicator's scale (81,1 -> A)
capaian_dilaporkan    capaian printed in the report
capaian               capaian recomputed from the *reported* realisation (by polarity)
capaian_komponen      capaian recomputed from the components (unrounded realisation)
kategori              category of ``capaian_komponen`` (or ``capaian``) on the agency's scale
target_atas           upper bound of a range target (``80–90 %``; NaN = a single target)
metode_capaian        the capaian method used (:mod:`.methods`: the definition's, else the polarity's default)
batas_capaian         the cap applied to capaian (the definition's ``batas_capaian``; NaN = none)
===================== ==============================================================================

Values are in the indicator's unit (``satuan``: %, a count, an index …), read as :mod:`analysis.ingest.units`
says.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import DEFAULT_CATEGORY_SCALE
from ..errors import Collector, Warning_
from ..ingest.definitions import definition_for
from ..reference import category_scale, grade_scale
from . import capaian as cp
from . import methods

IKU_COLUMNS = ["kode_indikator", "nama", "sasaran_no", "sasaran", "versi", "polaritas", "konvensi_negatif", "satuan",
               "target", "target_predikat", "realisasi", "realisasi_predikat", "pembilang", "penyebut",
               "realisasi_komponen", "predikat_komponen", "capaian_dilaporkan", "capaian", "capaian_komponen",
               "kategori", "target_atas", "metode_capaian", "batas_capaian"]


def build_iku(tables: dict[str, pd.DataFrame], year: int, skala_kategori: str = DEFAULT_CATEGORY_SCALE,
              konvensi_negatif: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[Warning_]]:
    """Recompute every IKU of the year, each by its definition's method and cap (:mod:`.methods`).

    ``konvensi_negatif`` overrides the method of negative indicators, per indicator."""
    defs = tables["definisi_indikator"]
    base = tables["capaian_iku"]
    comps = tables.get("komponen_iku", pd.DataFrame(columns=["kode_indikator", "komponen", "nilai"]))
    warnings: list[Warning_] = []
    col = Collector()
    rows = []
    for _, r in base.iterrows():
        code = r["kode_indikator"]
        d = definition_for(defs, code, year)
        if d is None:
            col.add("definisi_indikator.csv", None, "berlaku_dari", code, f"a definition of {code} valid in {year}")
            continue
        override = (konvensi_negatif or {}).get(code) if d["polaritas"] == "negatif" else None
        metode = override or d.get("metode_capaian") or methods.default_method(d["polaritas"],
                                                                             d["konvensi_negatif"] or None)
        conv = metode if metode in cp.NEGATIVE_CONVENTIONS else (d["konvensi_negatif"] or cp.DEFAULT_NEGATIVE)
        cap = d.get("batas_capaian", np.nan)
        upper = r.get("target_atas", np.nan)
        own = comps[comps["kode_indikator"] == code]
        values = dict(zip(own["komponen"], own["nilai"], strict=True))
        pemb = peny = real_k = np.nan
        if d["komponen_pembilang"]:
            try:
                pemb = cp.evaluate_components(d["komponen_pembilang"], values)
                peny = cp.evaluate_components(d["komponen_penyebut"], values) if d["komponen_penyebut"] else np.nan
                real_k = cp.realisasi_from_components(pemb, None if np.isnan(peny) else peny, d["faktor"])
            except KeyError as e:
                if len(own):
                    col.add("komponen_iku.csv", None, "komponen", e.args[0],
                            f"the component named in definisi_indikator.csv for {code} v{d['versi']} "
                            f"(has: {', '.join(sorted(values))})")
                else:
                    warnings.append(Warning_("komponen_iku.csv", f"no components for {code}: its realisation "
                                                                 "cannot be recomputed (reconciliation: unverifiable)"))
        if pd.notna(r["target"]) and r["target"] == 0:
            warnings.append(Warning_("capaian_iku.csv",
                                     f"target of {code} is 0: its capaian is undefined as a ratio and is taken as "
                                     "100 when the realisation meets it (see capaian.py)"))
        rec = {"kode_indikator": code, "nama": d["nama"], "sasaran_no": r["sasaran_no"], "sasaran": r["sasaran"],
               "versi": d["versi"], "polaritas": d["polaritas"],
               "konvensi_negatif": conv if d["polaritas"] == "negatif" else "", "satuan": d["satuan"],
               "target": r["target"], "target_predikat": r["target_predikat"], "realisasi": r["realisasi"],
               "realisasi_predikat": r["realisasi_predikat"], "pembilang": pemb, "penyebut": peny,
               "realisasi_komponen": real_k, "predikat_komponen": None, "capaian_dilaporkan": r["capaian_dilaporkan"],
               "target_atas": upper, "metode_capaian": metode, "batas_capaian": cap}
        if d["polaritas"] == "predikat":
            scale = grade_scale(d["skala_predikat"])
            if not np.isnan(real_k):
                rec["predikat_komponen"] = scale.grade_of(real_k)
            t_rank = cp.grade_rank([r["target_predikat"]], scale).iloc[0]
            rec["capaian"] = cp.capaian(cp.grade_rank([r["realisasi_predikat"]], scale).iloc[0], t_rank,
                                        batas_atas=cap)
            rec["capaian_komponen"] = (cp.capaian(scale.rank(rec["predikat_komponen"]), t_rank, batas_atas=cap)
                                       if rec["predikat_komponen"] else np.nan)
        else:
            how = {"polaritas": d["polaritas"], "konvensi_negatif": conv, "metode": metode, "batas_atas": cap,
                   "target_atas": upper}
            rec["capaian"] = cp.capaian(r["realisasi"], r["target"], **how)
            rec["capaian_komponen"] = cp.capaian(real_k, r["target"], **how)
        rows.append(rec)
    col.raise_if_any()
    df = pd.DataFrame(rows, columns=[c for c in IKU_COLUMNS if c != "kategori"])
    scale = category_scale(skala_kategori)
    best = df["capaian_komponen"].fillna(df["capaian"])
    df.insert(IKU_COLUMNS.index("kategori"), "kategori", [scale.category(v) for v in best])
    return df.astype({"target_atas": "float64", "batas_capaian": "float64"}), warnings


def capaian_sasaran(iku: pd.DataFrame, batas_atas: float | None = None) -> pd.DataFrame:
    """Goal-level achievement: mean IKU capaian per sasaran, and overall (``sasaran_no`` NA).

    Columns: sasaran_no, sasaran, jumlah_iku, capaian (from components where stated), capaian_dilaporkan_iku
    (mean of the capaian as printed), batas_atas (the cap applied, NA = none).
    """
    best = iku["capaian_komponen"].fillna(iku["capaian"])
    work = iku.assign(_c=best)
    rows = []
    for (no, name), g in work.groupby(["sasaran_no", "sasaran"], sort=True):
        rows.append({"sasaran_no": no, "sasaran": name, "jumlah_iku": len(g),
                     "capaian": cp.capaian_mean(g["_c"], batas_atas),
                     "capaian_dari_dilaporkan": cp.capaian_mean(g["capaian_dilaporkan"], batas_atas)})
    rows.append({"sasaran_no": pd.NA, "sasaran": "Semua sasaran", "jumlah_iku": len(work),
                 "capaian": cp.capaian_mean(work["_c"], batas_atas),
                 "capaian_dari_dilaporkan": cp.capaian_mean(work["capaian_dilaporkan"], batas_atas)})
    df = pd.DataFrame(rows)
    df["batas_atas"] = batas_atas if batas_atas is not None else np.nan
    return df.astype({"sasaran_no": "Int64"})
