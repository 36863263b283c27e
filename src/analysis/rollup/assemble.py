"""The processed tables of many agency-years -> the inputs of the vectorised recomputation
(:func:`analysis.reconcile.batch.recompute`), each IKU with the definition valid in its year and that
definition's *variant*.

A variant is what makes two agencies' figures comparable: the same code with the same components, factor,
unit, polarity and method. Two agencies printing ``KAKTIF`` over different denominators have two variants and
are never pooled. Printed figures come from ``reported_figures`` (with the text as printed, for the decimals);
the first printing of each figure is checked (the agency's own report checks every printing). Graded IKU
(``predikat``) are left to the agency's own report.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from ..ingest.definitions import valid_in
from ..reconcile.rounding import printed_decimals

#: what two definitions must share to be compared (the name may be spelt differently)
VARIANT_COLUMNS = ["kode_indikator", "komponen_pembilang", "komponen_penyebut", "faktor", "satuan", "polaritas",
                   "konvensi_negatif", "metode_capaian"]


def variant_ids(definitions: pd.DataFrame) -> pd.Series:
    """A short id of each definition's variant (the same for the same formula, whatever agency or version)."""
    text = definitions[VARIANT_COLUMNS].astype("string").fillna("").agg("|".join, axis=1)
    return text.map(lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest()[:8])


def definitions_in_year(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each agency-year's definitions valid in its year, with ``variant``."""
    d = tables["definisi_indikator"]
    d = valid_in(d, d["tahun"]).copy()
    d["variant"] = variant_ids(d)
    return d.reset_index(drop=True)


def _printed(figures: pd.DataFrame, besaran: str, table: str | None = None) -> pd.DataFrame:
    """The first printing of each figure ``besaran`` per agency-year and subject (those of ``table`` first)."""
    f = figures[figures["besaran"] == besaran]
    if table is not None:
        f = f.assign(_order=(f["tabel"] != table).astype(int)).sort_values(["_order"], kind="stable")
    f = f.drop_duplicates(["agency", "tahun", "subjek"])
    return f.assign(decimals=[printed_decimals(t) for t in f["teks"]])[["agency", "tahun", "subjek", "nilai",
                                                                        "decimals"]]


def batch_inputs(tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(iku, program, summary, keys)`` for :func:`analysis.reconcile.batch.recompute`; ``keys`` maps the
    integer ``key`` to ``agency`` and ``tahun``. IKU rows carry ``variant``, ``nama``, ``satuan`` and
    ``komponen_tercetak`` (the components were printed: the realisation itself is checked)."""
    ci = tables["capaian_iku"]
    programmes = budget_programmes(tables)
    keys = (pd.concat([ci[["agency", "tahun"]], programmes[["agency", "tahun"]],
                       tables["reported_figures"][["agency", "tahun"]]])
            .drop_duplicates().sort_values(["agency", "tahun"]).reset_index(drop=True))
    keys["key"] = np.arange(len(keys))
    defs = definitions_in_year(tables)
    iku = ci.rename(columns={"capaian_dilaporkan": "_capaian_tabel"}).merge(
        defs, on=["agency", "tahun", "kode_indikator"], how="inner")
    iku = iku[iku["polaritas"] != "predikat"].reset_index(drop=True)
    values = tables["komponen_iku"].set_index(["agency", "tahun", "kode_indikator", "komponen"])["nilai"]
    iku["rumus"] = formula_words(iku)  # before the numbers take the place of the words
    iku["pembilang"] = _sum_components(iku, values, "komponen_pembilang")
    iku["penyebut"] = _sum_components(iku, values, "komponen_penyebut")
    iku["komponen_tercetak"] = iku["pembilang"].notna() & (iku["penyebut"].notna()
                                                          | iku["komponen_penyebut"].fillna("").eq(""))
    # printed-only: the printed realisation is the recomputation's input (its capaian is still checked)
    iku.loc[~iku["komponen_tercetak"], "pembilang"] = iku["realisasi"]
    iku.loc[~iku["komponen_tercetak"], "penyebut"] = np.nan
    figures = tables["reported_figures"]
    for besaran in ("realisasi", "capaian"):
        p = _printed(figures, besaran, "capaian_iku").rename(columns={
            "subjek": "kode_indikator", "nilai": f"{besaran}_dilaporkan", "decimals": f"desimal_{besaran}"})
        iku = iku.merge(p, on=["agency", "tahun", "kode_indikator"], how="left")
    # a capaian printed in the IKU table only (no reported figure): the table's value, as its decimals allow
    iku["capaian_dilaporkan"] = iku["capaian_dilaporkan"].fillna(iku.pop("_capaian_tabel"))
    iku = iku.merge(keys, on=["agency", "tahun"])
    iku["konvensi_negatif"] = iku["konvensi_negatif"].replace("", np.nan).fillna("2T-R")

    prog = programmes.merge(keys, on=["agency", "tahun"])
    served = _printed(figures, "serapan", "realisasi_anggaran")
    served = served[served["subjek"].str.fullmatch(r"program \d+")]
    served = served.assign(program_no=served["subjek"].str.split(" ").str[1].astype("int64"))
    prog = prog.merge(served.rename(columns={"nilai": "persen_dilaporkan", "decimals": "desimal_persen"})
                      .drop(columns="subjek"), on=["agency", "tahun", "program_no"], how="left")

    summary = keys.copy()
    for besaran in ("capaian_rata_rata", "serapan_rata_rata", "efisiensi"):
        p = _printed(figures, besaran)
        p = p[p["subjek"] == "semua"][["agency", "tahun", "nilai"]].rename(columns={"nilai": f"{besaran}_dilaporkan"})
        summary = summary.merge(p, on=["agency", "tahun"], how="left")
    return iku, prog, summary, keys


def budget_programmes(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each agency-year's programmes (agency, tahun, program_no, anggaran, realisasi): its programme table, else the
    top level of a budget printed by levels (numbered in the order printed). Never both for one agency-year: the
    programme table is the one the report's programme figures refer to."""
    prog = tables["anggaran_program"][["agency", "tahun", "program_no", "anggaran", "realisasi"]]
    levels = tables.get("anggaran_rinci")
    if levels is None or not len(levels):
        return prog
    top = levels[levels["kedalaman"] == 1]
    have = pd.MultiIndex.from_frame(prog[["agency", "tahun"]])
    top = top[~pd.MultiIndex.from_frame(top[["agency", "tahun"]]).isin(have)]
    top = top.assign(program_no=top.groupby(["agency", "tahun"]).cumcount().add(1).astype("int64"))
    return pd.concat([prog, top[prog.columns]], ignore_index=True)


def formula_words(d: pd.DataFrame, suffix: str = "") -> pd.Series:
    """A definition's formula in its own words (numerator / denominator, as the report states them)."""
    num, den = d[f"pembilang{suffix}"].fillna(""), d[f"penyebut{suffix}"].fillna("")
    return num.where(den == "", num + " / " + den)


def _sum_components(iku: pd.DataFrame, values: pd.Series, column: str) -> pd.Series:
    """The sum of the components a definition names (``a+b``), NaN when one is not printed or none is named."""
    out = np.full(len(iku), np.nan)
    lookup = values.to_dict()
    for i, (agency, year, code, names) in enumerate(zip(iku["agency"], iku["tahun"], iku["kode_indikator"],
                                                       iku[column].fillna(""), strict=True)):
        if names:
            parts = [lookup.get((agency, year, code, n)) for n in names.split("+")]
            if all(p is not None for p in parts):
                out[i] = float(sum(parts))
    return pd.Series(out, index=iku.index)
