"""The comparisons of the roll-up, from the recomputed figures of many agency-years: distributions per shared
definition, absorption against capaian, efficiency by method, findings per agency, formula changes across
agencies, and agencies below the national standard with the gap in units.

An indicator is compared only within one definition *variant* (:mod:`.assemble`): two agencies that print the
same code with different formulas appear in :func:`variants`, never in one distribution.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..indicators.trends import units_to_target
from ..ingest.stated import DECLARED
from .assemble import VARIANT_COLUMNS, formula_words

#: the figures a finding is about, by the start of its check (the batch's check names)
KINDS = {"realisasi ": "realisasi", "capaian ": "capaian", "serapan program ": "serapan",
         "capaian_rata_rata": "capaian_rata_rata", "serapan_rata_rata": "serapan_rata_rata", "efisiensi": "efisiensi"}


def kind_of(checks: pd.Series) -> pd.Series:
    out = pd.Series("", index=checks.index, dtype="object")
    for prefix, kind in reversed(KINDS.items()):
        out[checks.str.startswith(prefix)] = kind
    return out


def findings(rec: pd.DataFrame) -> pd.DataFrame:
    """The printed figures no recomputation reproduces (status ``mismatch``): agency, tahun, check, kind,
    reported, recomputed."""
    f = rec[rec["status"] == "mismatch"]
    f = f.assign(kind=kind_of(f["check"]))
    return f[["agency", "tahun", "check", "kind", "reported", "recomputed"]].sort_values(
        ["agency", "tahun", "check"]).reset_index(drop=True)


def findings_per_agency(found: pd.DataFrame, checked: pd.DataFrame) -> pd.DataFrame:
    """Per agency: figures checked, figures that do not reproduce, and how many of each kind."""
    n = checked.groupby("agency").size().rename("diperiksa").to_frame()
    kinds = pd.crosstab(found["agency"], found["kind"]) if len(found) else pd.DataFrame(index=n.index)
    out = n.join(kinds, how="outer").fillna(0)
    out["tidak_cocok"] = out.drop(columns="diperiksa").sum(axis=1)
    out = out.astype("int64").rename_axis("agency").reset_index()
    return out.sort_values(["tidak_cocok", "agency"], ascending=[False, True]).reset_index(drop=True)


def distributions(iku: pd.DataFrame, min_agencies: int = 2) -> pd.DataFrame:
    """Per indicator variant and year shared by at least ``min_agencies`` agencies: how many, the quartiles of
    realisation and capaian, the national standard (the one most agencies print) and how many are below it."""
    g = iku.groupby(["kode_indikator", "variant", "tahun"])
    out = g.agg(nama=("nama", "first"), rumus=("rumus", "first"), satuan=("satuan", "first"),
                polaritas=("polaritas", "first"),
                instansi=("agency", "nunique"),
                realisasi_q1=("realisasi", lambda s: s.quantile(0.25)), realisasi_median=("realisasi", "median"),
                realisasi_q3=("realisasi", lambda s: s.quantile(0.75)),
                capaian_q1=("capaian", lambda s: s.quantile(0.25)), capaian_median=("capaian", "median"),
                capaian_q3=("capaian", lambda s: s.quantile(0.75)),
                standar_nasional=("target_nasional", lambda s: s.mode().iloc[0] if s.notna().any() else np.nan),
                dengan_standar=("target_nasional", "count"), di_bawah_standar=("di_bawah_standar", "sum"))
    return out[out["instansi"] >= min_agencies].reset_index()


def variants(definitions: pd.DataFrame) -> pd.DataFrame:
    """Codes defined differently by different agencies (in the same years): per code and variant, the agencies
    and the formula. These are listed, never pooled."""
    d = definitions.drop_duplicates(["agency", "kode_indikator", "variant"])
    many = d.groupby("kode_indikator")["variant"].nunique()
    d = d[d["kode_indikator"].isin(many[many > 1].index)]
    out = d.groupby(["kode_indikator", "variant"]).agg(
        nama=("nama", "first"), pembilang=("pembilang", "first"), penyebut=("penyebut", "first"),
        satuan=("satuan", "first"), instansi=("agency", "nunique"),
        daftar_instansi=("agency", lambda s: ", ".join(sorted(set(s)))))
    return out.reset_index().sort_values(["kode_indikator", "instansi"], ascending=[True, False]).reset_index(
        drop=True)


def formula_changes(all_definitions: pd.DataFrame) -> pd.DataFrame:
    """Who changed which definition when: each version after the first of an agency's definition (read from its
    latest year), with what changed and where the change comes from (``asal``: ``dinyatakan``, declared in the
    agency's definitions, or ``laporan``, found in its reports' text, :mod:`analysis.ingest.stated`)."""
    latest = all_definitions[all_definitions["tahun"] == all_definitions.groupby("agency")["tahun"].transform("max")]
    latest = latest.drop_duplicates(["agency", "kode_indikator", "versi"])
    # versions in the order of their years (a version derived from the reports' text takes the next free number,
    # so it may come before a declared later one: ingest/stated.py)
    latest = latest.assign(_n=latest.groupby(["agency", "kode_indikator"])["berlaku_dari"].rank(method="first"))
    pair = latest[latest["_n"] > 1].merge(latest.assign(_n=latest["_n"] + 1), on=["agency", "kode_indikator", "_n"],
                                          suffixes=("", "_lama"))
    # the definition columns; the words only where none of them changed (a break found in the reports' wording)
    what = pd.Series([[] for _ in range(len(pair))], index=pair.index, dtype="object")
    for columns in ([c for c in VARIANT_COLUMNS if c != "kode_indikator"], ["pembilang", "penyebut"]):
        none_yet = what.map(len) == 0
        for c in columns:
            diff = pair[c].astype("string").fillna("") != pair[f"{c}_lama"].astype("string").fillna("")
            what = what.where(~(diff & none_yet), what.map(lambda w, c=c: [*w, c]))
    out = pd.DataFrame({"agency": pair["agency"], "kode_indikator": pair["kode_indikator"], "nama": pair["nama"],
                        "versi_lama": pair["versi_lama"], "versi_baru": pair["versi"],
                        "tahun_pertama_baru": pair["berlaku_dari"].astype("int64"),
                        "yang_berubah": what.map(lambda w: ", ".join(w)),
                        "rumus_lama": formula_words(pair, "_lama"), "rumus_baru": formula_words(pair),
                        # declared in definisi_indikator.csv, or found in the reports' text (tables written before
                        # that distinction have no asal: declared)
                        "asal": pair["asal"].fillna(DECLARED) if "asal" in pair else DECLARED})
    return out.sort_values(["tahun_pertama_baru", "kode_indikator", "agency"]).reset_index(drop=True)


def below_standard(iku: pd.DataFrame) -> pd.DataFrame:
    """Agency-years whose recomputed realisation falls short of the national standard they print, with the gap
    in percentage points and in units (:func:`analysis.indicators.trends.units_to_target`)."""
    b = iku[iku["di_bawah_standar"]].copy()
    need, short = units_to_target(b["target_nasional"], b["pembilang"], b["penyebut"], b["polaritas"] == "negatif")
    known = b["penyebut"].notna().to_numpy()
    b["selisih_pp"] = b["realisasi"] - b["target_nasional"]
    b["dibutuhkan_unit"] = np.where(known, need, np.nan)
    b["kekurangan_unit"] = np.where(known, short, np.nan)
    return b[["agency", "tahun", "kode_indikator", "variant", "nama", "polaritas", "realisasi", "target_nasional",
              "selisih_pp", "pembilang", "penyebut", "dibutuhkan_unit", "kekurangan_unit"]].sort_values(
        ["kode_indikator", "tahun", "kekurangan_unit"], ascending=[True, True, False]).reset_index(drop=True)


def with_standard(iku: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    """The IKU with the national standard its agency-year prints (``target_nasional``) and whether the recomputed
    realisation is below it (above it, for a lower-is-better indicator)."""
    nat = national.drop_duplicates(["agency", "tahun", "kode_indikator"]).rename(columns={"target": "target_nasional"})
    out = iku.merge(nat[["agency", "tahun", "kode_indikator", "target_nasional"]],
                    on=["agency", "tahun", "kode_indikator"], how="left")
    negative = out["polaritas"] == "negatif"
    out["di_bawah_standar"] = (out["target_nasional"].notna()
                               & np.where(negative, out["realisasi"] > out["target_nasional"],
                                          out["realisasi"] < out["target_nasional"]))
    return out


def efficiency(ay: pd.DataFrame) -> pd.DataFrame:
    """Per agency-year, efficiency by each method the LKj use: capaian − weighted absorption (points), capaian −
    plain-mean absorption (points, as many reports print it), capaian / weighted absorption (ratio IE)."""
    e = ay[ay["serapan"].notna() & ay["capaian_rata_rata"].notna()]
    with np.errstate(divide="ignore", invalid="ignore"):
        rasio = e["capaian_rata_rata"] / e["serapan"]
    parts = [("selisih_tertimbang", e["efisiensi_tertimbang"]), ("selisih_rata_rata", e["efisiensi_rata_rata"]),
             ("rasio", rasio)]
    return pd.concat([pd.DataFrame({"agency": e["agency"], "tahun": e["tahun"], "metode": m, "efisiensi": v})
                      for m, v in parts], ignore_index=True)


def efficiency_summary(eff: pd.DataFrame) -> pd.DataFrame:
    """Quartiles of each efficiency method per year, across agencies."""
    g = eff.groupby(["metode", "tahun"])["efisiensi"]
    return pd.DataFrame({"instansi": g.count(), "q1": g.quantile(0.25), "median": g.median(),
                         "q3": g.quantile(0.75)}).reset_index()

