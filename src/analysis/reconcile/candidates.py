"""Candidates: the recomputations of every kind of figure a report prints, keyed like the figures themselves.

For each figure (``besaran``, :class:`~analysis.ingest.figures.Subject`, ``tahun_dasar``, ``tahun``) one
*primary* recomputation (``utama``: the most precise inputs, the standard method) and alternatives that are
either the same method on inputs rounded as printed (``dibulatkan``) or another method. Columns of
:func:`candidates`: besaran, subjek (a Subject), tahun_dasar, tahun, metode, nilai, teks (textual figures:
grades, categories), utama, dibulatkan, penjelasan (English), penjelasan_id (Indonesian).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import DEFAULT_CATEGORY_SCALE
from ..indicators.capaian import capaian as capaian_fn
from ..indicators.methods import COMMON_CAPS, METHODS, NUMERIC, default_method, describe
from ..ingest.figures import Subject
from ..ingest.units import unit_of
from .budget_candidates import budget_candidates
from .candidate import candidate
from .rounding import round_half_up
from .status import METHOD_PREFIX, PRINTED_ONLY


def _in_points(satuan) -> bool:
    """Whether an indicator's differences are points: an index, a score, a ratio or a count (not a percentage,
    a grade or rupiah)."""
    if not isinstance(satuan, str) or not satuan.strip():
        return False
    return unit_of(satuan).kind in ("indeks", "nilai", "rasio", "jumlah")


def primary_as_printed(cands: list[dict], printed) -> list[dict]:
    """The candidates of a change figure as its print says: printed without '%' in an indicator measured in
    points (an index, a score, a count), a change is the difference — the point difference becomes the primary
    recomputation and the relative change an alternative; printed with '%', nothing changes."""
    if "%" in str(printed) or not any(c["metode"] == "poin" for c in cands):
        return cands
    role = {"persen": (False, False), "persen_dibulatkan": (False, False), "poin": (True, False),
            "poin_dibulatkan": (False, True)}
    return [dict(c, utama=role[c["metode"]][0], dibulatkan=role[c["metode"]][1]) if c["metode"] in role else c
            for c in cands]


def iku_candidates(iku: pd.DataFrame, year) -> list[dict]:
    """The IKU part: each realisation from its components; each capaian from its components (primary) or, where
    the report states none, from the printed target and realisation by the indicator's method (:mod:`.methods`);
    then the other methods and caps, whose names the reconciliation gives when only they reproduce a figure, and
    the ratio rounded before × 100 (a recomputation from rounded inputs)."""
    c = []
    na = pd.NA
    for _, i in iku.iterrows():
        code = i["kode_indikator"]
        k = ("realisasi", Subject.indicator(code), na, year)
        if i["polaritas"] == "predikat":
            c.append(candidate(k, "skor_ke_predikat", teks=i["predikat_komponen"], utama=True,
                           penjelasan=(f"grade of the score {i['realisasi_komponen']:g} on the scale",
                                       f"predikat dari nilai {i['realisasi_komponen']:g} pada skala")))
        else:
            c.append(candidate(k, "komponen", i["realisasi_komponen"], utama=True,
                           penjelasan=f"{i['pembilang']:g} / {i['penyebut']:g} × 100"
                           if pd.notna(i["pembilang"]) else ""))
        k = ("capaian", Subject.indicator(code), na, year)
        if pd.notna(i["capaian_komponen"]):
            c.append(candidate(k, "komponen", i["capaian_komponen"], utama=True))
            c.append(candidate(k, "dari_realisasi_dibulatkan", i["capaian"], dibulatkan=True,
                           penjelasan=(f"capaian computed from the realisation as printed ({i['realisasi']:g} "
                                       f"/ {i['target']:g}) instead of from its components",
                                       f"capaian dihitung dari realisasi yang tercetak ({i['realisasi']:g} / "
                                       f"{i['target']:g}), bukan dari komponennya")
                           if pd.notna(i["realisasi"]) else ("capaian computed from the printed grade",
                                                             "capaian dihitung dari predikat tercetak")))
            realisasi = i["realisasi_komponen"]
        else:
            own, cap = _own(i), _cap(i)
            c.append(candidate(k, PRINTED_ONLY, i["capaian"], utama=True,
                               penjelasan=(f"from the printed target and realisation by {describe(own, cap)}",
                                           "dari target dan realisasi yang tercetak dengan "
                                           f"{describe(own, cap, 'id')}")))
            realisasi = i["realisasi"]
        if i["polaritas"] != "predikat":
            c += _other_methods(k, i, realisasi)
    return c


def _own(i) -> str:
    """The IKU's capaian method (its definition's, else the polarity's default)."""
    named = i.get("metode_capaian")
    return named if isinstance(named, str) and named else default_method(i["polaritas"],
                                                                         i.get("konvensi_negatif") or None)


def _cap(i) -> float | None:
    cap = i.get("batas_capaian", np.nan)
    return None if pd.isna(cap) else float(cap)


def _other_methods(k, i, realisasi) -> list[dict]:
    """The capaian of one IKU by every other method and cap, and from the ratio rounded before × 100."""
    if pd.isna(realisasi) or pd.isna(i["target"]):
        return []
    own, cap, upper = _own(i), _cap(i), i.get("target_atas", np.nan)

    def by(metode, batas, r=realisasi):
        return capaian_fn(r, i["target"], i["polaritas"], None, batas, metode, upper)

    def named(metode, batas):
        if metode != own:
            m = METHODS[metode]
            return (f"the method {describe(metode, batas)} ({m.en}) instead of the indicator's {describe(own, cap)}",
                    f"metode {describe(metode, batas, 'id')} ({m.id}), bukan metode indikator "
                    f"{describe(own, cap, 'id')}")
        if batas is not None:
            return (f"the indicator's method {describe(own)} capped at {batas:g} (a cap its definition does not "
                    "state: batas_capaian)",
                    f"metode indikator {describe(own, None, 'id')} dibatasi {batas:g} (batas yang tidak dinyatakan "
                    "definisinya: batas_capaian)")
        return (f"the indicator's method {describe(own)} without its cap of {cap:g}",
                f"metode indikator {describe(own, None, 'id')} tanpa batas {cap:g}")

    out = [candidate(k, f"{METHOD_PREFIX}{m}", by(m, cap), penjelasan=named(m, cap))
           for m in NUMERIC if m != own]
    if cap is None:
        out += [candidate(k, f"{METHOD_PREFIX}{own}_batas_{b:g}", by(own, b), penjelasan=named(own, b))
                for b in COMMON_CAPS if by(own, None) > b]
    else:
        out.append(candidate(k, f"{METHOD_PREFIX}{own}_tanpa_batas", by(own, None), penjelasan=named(own, None)))
    if own in ("R/T", "T/R") and pd.isna(upper) and i["realisasi"] and i["target"]:
        ratio = i["realisasi"] / i["target"] if own == "R/T" else i["target"] / i["realisasi"]
        for d in (3, 2):
            v = float(round_half_up(ratio, d))
            value = v * 100 if cap is None else min(v * 100, cap)
            out.append(candidate(k, f"rasio_dibulatkan_{d}", value, dibulatkan=True,
                                 penjelasan=(f"the ratio rounded to {d} decimals ({v:g}) before × 100",
                                             f"rasio dibulatkan menjadi {d} desimal ({v:g}) sebelum × 100")))
    return out


#: why a mean of capaian is not recomputed from a partial KPI table (English, Indonesian)
PARTIAL_IKU = ("only part of the KPI table was transcribed (marked partial): the KPIs it does not show would be "
               "missing from the mean",
               "hanya sebagian tabel IKU yang ditranskripsi (ditandai sebagian): IKU yang tidak dimuat tidak ikut "
               "dalam rata-rata")


def _partial_means(sasaran, year) -> list[dict]:
    """A printed mean of capaian (overall, per sasaran) that a partial KPI table cannot recompute: unverifiable,
    never a mismatch against the mean of the few rows transcribed."""
    out = [candidate(("capaian_rata_rata", Subject.all(), pd.NA, year), "rata_rata_komponen", utama=True,
                     alasan=PARTIAL_IKU)]
    return out + [candidate(("capaian_sasaran", Subject.sasaran(n), pd.NA, year), "rata_rata_sasaran", utama=True,
                            alasan=PARTIAL_IKU) for n in sasaran["sasaran_no"].dropna()]


def _means(iku, sasaran, year) -> list[dict]:
    """The printed means of capaian (overall, per sasaran): from the KPI table and the ways reports get them."""
    c = []
    na = pd.NA
    overall = sasaran[sasaran["sasaran_no"].isna()].iloc[0]
    k = ("capaian_rata_rata", Subject.all(), na, year)
    c.append(candidate(k, "rata_rata_komponen", overall["capaian"], utama=True))
    c.append(candidate(k, "rata_rata_dibulatkan", overall["capaian_dari_dilaporkan"], dibulatkan=True,
                   penjelasan=("mean of the capaian as printed (rounded)",
                               "rata-rata capaian yang tercetak (dibulatkan)")))
    c.append(candidate(k, "rata_rata_dibatasi_100",
                       iku["capaian_komponen"].fillna(iku["capaian"]).clip(upper=100).mean(),
                   penjelasan=("mean of capaian capped at 100", "rata-rata capaian yang dibatasi 100")))
    for _, s in sasaran[sasaran["sasaran_no"].notna()].iterrows():
        k = ("capaian_sasaran", Subject.sasaran(s["sasaran_no"]), na, year)
        c.append(candidate(k, "rata_rata_sasaran", s["capaian"], utama=True))
        c.append(candidate(k, "rata_rata_semua_sasaran", overall["capaian"],
                       penjelasan=(f"the overall mean of all IKU capaian ({overall['capaian']:.0f}) is printed as this "
                                   "sasaran's capaian",
                                   f"rata-rata capaian seluruh IKU ({overall['capaian']:.0f}) dicetak sebagai capaian "
                                   "sasaran ini")))
    return c


def candidates(tables, iku, sasaran, budget, efficiency, series, year,
               skala_kategori: str = DEFAULT_CATEGORY_SCALE, partial_iku: bool = False) -> pd.DataFrame:
    """Recomputations of every kind of reported figure (see module doc); ``partial_iku``: the KPI table is
    ``sebagian`` (its means are not recomputed)."""
    c = iku_candidates(iku, year)
    na = pd.NA
    c += _partial_means(sasaran, year) if partial_iku else _means(iku, sasaran, year)
    c += budget_candidates(tables, sasaran, budget, efficiency, year, skala_kategori)
    # year-to-year changes (perubahan) and the report's "tingkat kemajuan"
    s = series.set_index(["kode_indikator", "tahun"])
    # an index, a score, a ratio or a count changes by points, not percentage points (a grade's score keeps the
    # percentage wording: its changes are printed with '%')
    in_points = set(iku.loc[iku["satuan"].map(_in_points), "kode_indikator"]) if "satuan" in iku else set()
    for code in series["kode_indikator"].unique():
        years = sorted(series.loc[series["kode_indikator"] == code, "tahun"])
        pairs = [(a, b) for a in years for b in years if a < b]
        for a, b in pairs:
            va, vb = s.loc[(code, a), "realisasi_tepat"], s.loc[(code, b), "realisasi_tepat"]
            ra, rb = s.loc[(code, a), "realisasi"], s.loc[(code, b), "realisasi"]
            for besaran in ("perubahan", "kemajuan"):
                k = (besaran, Subject.indicator(code), a, b)
                pct = (vb - va) / va * 100 if va else np.nan
                c.append(candidate(k, "persen", pct, utama=True,
                                   penjelasan=("relative change (b − a) / a × 100",
                                               "perubahan relatif (b − a) / a × 100")))
                c.append(candidate(k, "persen_dibulatkan", (rb - ra) / ra * 100 if ra else np.nan, dibulatkan=True,
                               penjelasan=("relative change from the realisations as printed (rounded)",
                                           "perubahan relatif dari realisasi yang tercetak (dibulatkan)")))
                if code in in_points:
                    c.append(candidate(k, "poin", vb - va,
                                       penjelasan=(f"a difference in points ({vb:g} − {va:g})",
                                                   f"selisih dalam poin ({vb:g} − {va:g})"),
                                       nama_metode=(f"the difference in points ({vb:g} − {va:g})",
                                                    f"selisih dalam poin ({vb:g} − {va:g})")))
                    c.append(candidate(k, "poin_dibulatkan", rb - ra,
                                       penjelasan=(f"a difference in points of the printed values ({rb:g} − {ra:g})",
                                                   f"selisih poin dari nilai tercetak ({rb:g} − {ra:g})")))
                    continue
                c.append(candidate(k, "poin_persentase", vb - va,
                               penjelasan=(f"a difference in percentage points ({vb:g} − {va:g}), printed with '%'",
                                           f"selisih dalam poin persentase ({vb:g} − {va:g}), dicetak dengan '%'")))
                c.append(candidate(k, "poin_persentase_dibulatkan", rb - ra,
                               penjelasan=("a difference in percentage points of the printed values "
                                           f"({rb:g} − {ra:g}), printed with '%'",
                                           f"selisih poin persentase dari nilai tercetak ({rb:g} − {ra:g}), dicetak "
                                           "dengan '%'")))
    # counts
    if "pegawai" in tables:
        c.append(candidate(("jumlah_pegawai", Subject.all(), na, year), "jumlah", tables["pegawai"]["jumlah"].sum(),
                           utama=True))
    if "anggaran_program" in tables:
        c.append(candidate(("jumlah_program", Subject.all(), na, year), "jumlah", len(tables["anggaran_program"]),
                           utama=True))
    df = pd.DataFrame(c)
    return df.astype({"tahun_dasar": "Int64", "tahun": "Int64", "nilai": "float64"})
