"""Budget absorption (*serapan*) and the efficiency figure.

Formulas
--------
- serapan of one programme (or programme × funding source) = realisasi / anggaran × 100.
- serapan of a group (funding source, sasaran, total), two ways:
  - ``serapan`` (weighted by budget) = Σ realisasi / Σ anggaran × 100 — the money actually spent;
  - ``serapan_rata_rata`` (plain mean) = mean of the programmes' percentages — what the LKj prints
    as "RATA - RATA" (97 in the 2024 Kalbar report, where the weighted figure is 96,17).
- efficiency, three methods (``metode``):
  - ``selisih_rata_rata``: capaian − plain-mean serapan (the report: 109 − 97 = 12), in percentage points;
  - ``selisih_tertimbang``: capaian − weighted serapan, in percentage points;
  - ``rasio``: capaian / weighted serapan (IE ≥ 1 is efficient), a ratio.
  Categories come from ``data/reference/skala_efisiensi.csv`` (for the differences).

Programmes are attributed to a *sasaran* two ways (``atribusi``): as the narrative says
(``narasi``, :func:`analysis.clean.build_program`) and as the efficiency table prints them
(``tabel_efisiensi``). The 2024 report differs: its efficiency table lists programme 1 under
sasaran I, while the narrative says it supports sasaran III.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import DEFAULT_CATEGORY_SCALE, DEFAULT_EFFICIENCY_SCALE
from ..reference import category_scale, efficiency_scale

BUDGET_COLUMNS = ["tingkat", "atribusi", "program_no", "sumber_dana", "sasaran_no", "nama", "anggaran", "realisasi",
                  "serapan", "serapan_rata_rata", "jumlah_program", "kategori"]


def serapan(realisasi, anggaran):
    """realisasi / anggaran × 100, NaN where the budget is 0 or an amount is missing (vectorised)."""
    r = pd.to_numeric(pd.Series(realisasi), errors="coerce").astype("float64")
    a = pd.to_numeric(pd.Series(anggaran), errors="coerce").astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(a > 0, r.to_numpy() / a.to_numpy() * 100.0, np.nan)
    return out


def _group(df: pd.DataFrame, by: list[str], tingkat: str, atribusi: str = "") -> pd.DataFrame:
    """Weighted and plain-mean absorption of the groups of ``df`` (rows with unknown realisation are
    kept in ``anggaran`` but left out of both absorption figures)."""
    known = df[df["realisasi"].notna()]
    g_all = df.groupby(by, dropna=False)
    g = known.groupby(by, dropna=False)
    out = pd.DataFrame({"anggaran": g_all["anggaran"].sum(), "jumlah_program": g_all["program_no"].nunique()})
    out["realisasi"] = g["realisasi"].sum()
    out["_anggaran_known"] = g["anggaran"].sum()
    out["serapan"] = serapan(out["realisasi"], out["_anggaran_known"])
    out["serapan_rata_rata"] = g["serapan"].mean()
    out = out.drop(columns="_anggaran_known").reset_index()
    out["tingkat"] = tingkat
    out["atribusi"] = atribusi
    return out


def build_budget(tables: dict[str, pd.DataFrame], skala_kategori: str = DEFAULT_CATEGORY_SCALE) -> pd.DataFrame:
    """Absorption per programme, per programme × source, per source (as the data names them), per sasaran,
    overall; and per row of a budget table with levels (``rincian``).

    Columns: see ``BUDGET_COLUMNS`` and ``data/processed/README.md``.
    """
    if "anggaran_program" not in tables:
        out = budget_lines(tables)
    else:
        out = _programme_budget(tables)
        if "anggaran_rinci" in tables:
            out = pd.concat([out, budget_lines(tables, with_total=False)], ignore_index=True)
    scale = category_scale(skala_kategori)
    out["kategori"] = [scale.category(v) for v in out["serapan"]]
    out = out[BUDGET_COLUMNS].astype({"program_no": "Int64", "sasaran_no": "Int64", "jumlah_program": "int64"})
    return out.reset_index(drop=True)


def budget_lines(tables: dict[str, pd.DataFrame], with_total: bool = True) -> pd.DataFrame:
    """The rows of a budget table with levels (``tingkat`` ``rincian``, amounts printed or computed) and its total
    (``total``); empty when there is none."""
    lines = tables.get("anggaran_rinci")
    if lines is None or not len(lines):
        return pd.DataFrame(columns=BUDGET_COLUMNS)
    df = pd.DataFrame({"tingkat": np.where(lines["jalur"] == "total", "total", "rincian"), "atribusi": "",
                       "program_no": pd.NA, "sumber_dana": lines["sumber_dana"], "sasaran_no": pd.NA,
                       "nama": lines["uraian"], "anggaran": lines["anggaran"].astype("float64"),
                       "realisasi": lines["realisasi"].astype("float64"), "serapan_rata_rata": np.nan,
                       "jumlah_program": 0})
    df["serapan"] = serapan(df["realisasi"], df["anggaran"])
    return df if with_total else df[df["tingkat"] != "total"]


def _programme_budget(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    prog = tables["program"]
    ap = tables["anggaran_program"].merge(prog[["program_no", "sasaran_no"]], on="program_no", how="left")
    # the budget table's own source: its programmes' (APBD in a regional agency, APBN in a central one)
    main = prog.loc[prog["program_no"].isin(ap["program_no"]), "sumber_anggaran"]
    main = main.mode().iloc[0] if len(main) else "APBD"
    # programmes funded outside the APBD table (APBN in the performance agreement): budget known, spending not
    outside = prog[~prog["program_no"].isin(ap["program_no"]) & prog["anggaran_pk"].notna()]
    per_prog = pd.concat([
        ap.assign(sumber_anggaran=main),
        pd.DataFrame({"program_no": outside["program_no"], "program": outside["program"],
                      "anggaran": outside["anggaran_pk"].astype("float64"), "realisasi": np.nan,
                      "sasaran_no": outside["sasaran_no"], "sumber_anggaran": outside["sumber_anggaran"]}),
    ], ignore_index=True)
    per_prog["anggaran"] = per_prog["anggaran"].astype("float64")
    per_prog["realisasi"] = per_prog["realisasi"].astype("float64")
    per_prog["serapan"] = serapan(per_prog["realisasi"], per_prog["anggaran"])

    src = tables.get("anggaran_program_sumber_dana")
    if src is not None and len(src):
        by_src = src[["program_no", "sumber_dana", "anggaran", "realisasi"]].astype({"anggaran": "float64",
                                                                                     "realisasi": "float64"})
    else:  # no split stated: the whole programme budget is of the table's source
        by_src = ap[["program_no", "anggaran", "realisasi"]].assign(sumber_dana=main).astype(
            {"anggaran": "float64", "realisasi": "float64"})
    apbn = outside.assign(sumber_dana=outside["sumber_anggaran"])
    by_src = pd.concat([by_src, pd.DataFrame({"program_no": apbn["program_no"], "sumber_dana": apbn["sumber_dana"],
                                              "anggaran": apbn["anggaran_pk"].astype("float64"),
                                              "realisasi": np.nan})], ignore_index=True)
    by_src["serapan"] = serapan(by_src["realisasi"], by_src["anggaran"])
    by_src = by_src.merge(prog[["program_no", "program", "sasaran_no"]], on="program_no", how="left")

    parts = [
        per_prog.assign(tingkat="program", atribusi="", jumlah_program=1, serapan_rata_rata=np.nan,
                        nama=per_prog["program"], sumber_dana=per_prog["sumber_anggaran"]),
        by_src.assign(tingkat="program_sumber_dana", atribusi="", jumlah_program=1, serapan_rata_rata=np.nan,
                      nama=by_src["program"]),
        _group(by_src, ["sumber_dana"], "sumber_dana"),
    ]
    apbd = per_prog[per_prog["sumber_anggaran"] == main]
    parts.append(_group(apbd, ["sasaran_no"], "sasaran", "narasi"))
    eff = tables.get("efisiensi_dilaporkan")
    if eff is not None and len(eff):
        att = apbd.drop(columns="sasaran_no").merge(eff[["program_no", "sasaran_no"]], on="program_no", how="inner")
        parts.append(_group(att, ["sasaran_no"], "sasaran", "tabel_efisiensi"))
    parts.append(_group(apbd.assign(sumber_dana=main), ["sumber_dana"], "total"))
    return pd.concat(parts, ignore_index=True)


def build_efficiency(budget: pd.DataFrame, sasaran: pd.DataFrame, skala_efisiensi: str = DEFAULT_EFFICIENCY_SCALE
                     ) -> pd.DataFrame:
    """Efficiency overall and per sasaran (each attribution), by the three methods.

    Columns: lingkup (``semua`` / ``sasaran N``), atribusi, metode, capaian, serapan, efisiensi, satuan
    (``poin`` = percentage points, ``rasio``), kategori, rumus.
    """
    scale = efficiency_scale(skala_efisiensi)
    rows = []

    def add(lingkup, atribusi, cap, b):
        for metode, ser, val, unit, rumus in (
            ("selisih_rata_rata", b["serapan_rata_rata"], cap - b["serapan_rata_rata"], "poin",
             "capaian − rata-rata persentase serapan program"),
            ("selisih_tertimbang", b["serapan"], cap - b["serapan"], "poin",
             "capaian − Σ realisasi / Σ anggaran × 100"),
            ("rasio", b["serapan"], cap / b["serapan"] if b["serapan"] else np.nan, "rasio",
             "capaian / serapan tertimbang (efisien bila ≥ 1)"),
        ):
            kat = scale.category(val) if unit == "poin" else (None if pd.isna(val) else
                                                              ("Efisien" if val >= 1 else "Tidak Efisien"))
            rows.append({"lingkup": lingkup, "atribusi": atribusi, "metode": metode, "capaian": cap, "serapan": ser,
                         "efisiensi": val, "satuan": unit, "kategori": kat, "rumus": rumus})

    overall = sasaran[sasaran["sasaran_no"].isna()].iloc[0]["capaian"]
    total = budget[budget["tingkat"] == "total"].iloc[0]
    add("semua", "", overall, total)
    for _, b in budget[budget["tingkat"] == "sasaran"].iterrows():
        s = sasaran[sasaran["sasaran_no"] == b["sasaran_no"]]
        if len(s):
            add(f"sasaran {int(b['sasaran_no'])}", b["atribusi"], s.iloc[0]["capaian"], b)
    return pd.DataFrame(rows)


def output_rates(tables: dict[str, pd.DataFrame], budget: pd.DataFrame) -> pd.DataFrame:
    """Programme outputs as rates (73 of 85 assessed = 85,88 %) beside the programme's absorption.

    Columns: program_no, keluaran, nilai, pembanding, nilai_pembanding, persen (NaN without a
    comparator), satuan, serapan_program, baris_sumber.
    """
    out = tables.get("output_program")
    if out is None or not len(out):
        return pd.DataFrame(columns=["program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "persen",
                                     "satuan", "serapan_program", "baris_sumber"])
    prog = budget[budget["tingkat"] == "program"][["program_no", "serapan"]].rename(
        columns={"serapan": "serapan_program"})
    df = out.merge(prog, on="program_no", how="left")
    df["persen"] = serapan(df["nilai"], df["nilai_pembanding"])
    return df[["program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "persen", "satuan",
               "serapan_program", "baris_sumber"]]
