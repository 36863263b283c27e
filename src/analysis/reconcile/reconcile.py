"""Reconciliation: every figure the report states against its recomputation from the raw components.

For each reported figure (``reported_figures``) the candidates (:func:`candidates`) are recomputations:
one *primary* (the most precise inputs, the standard method) and alternatives that are either the same
method on inputs rounded as printed (``dibulatkan``) or another method (``metode``). The status:

``match``        the primary recomputation, rounded to the printed precision, equals the printed figure;
``rounding``     only a recomputation from rounded inputs (or truncation) gives it — or the figure matches
                 but only because an input was rounded across a threshold (capaian 100 from 0,0798 / 0,08);
``method``       only another method gives it; ``explanation`` names it (plain vs weighted mean,
                 percentage points vs percent, a programme attributed to another sasaran, ...);
``mismatch``     nothing reproduces it;
``unverifiable`` an input of the recomputation is missing.

Columns of the result: check, section, tabel, baris_sumber, besaran, subjek, tahun_dasar, tahun,
reported, reported_value, recomputed, difference, status, explanation (English), penjelasan (the same in
Indonesian), lintas_rumus.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from ..config import DEFAULT_CATEGORY_SCALE
from ..indicators.capaian import capaian as capaian_fn
from ..reference import category_scale

STATUSES = ("match", "rounding", "method", "mismatch", "unverifiable")
STATUS_ORDER = {"mismatch": 0, "method": 1, "rounding": 2, "unverifiable": 3, "match": 4}
KEY = ["besaran", "subjek", "tahun_dasar", "tahun"]


def printed_decimals(text: str) -> int:
    """Decimals as printed: '5,87 %' -> 2, '128' -> 0, '12.151.893.026' -> 0, '93.6' (en) -> 1."""
    t = re.sub(r"[^0-9.,]", "", str(text))
    if re.search(r",\d{1,2}$", t) and not re.search(r",\d{3}$", t):
        return len(t.rsplit(",", 1)[1])
    if re.search(r"\.\d{1,2}$", t) and "," not in t and t.count(".") == 1:
        return len(t.rsplit(".", 1)[1])
    return 0


def rounded(value: float, decimals: int, mode=ROUND_HALF_UP) -> float:
    if value is None or pd.isna(value):
        return float("nan")
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(q, rounding=mode))


def _cand(key, metode, nilai=np.nan, teks=None, utama=False, dibulatkan=False, penjelasan: tuple | str = ""):
    """One recomputation; ``penjelasan`` is (English, Indonesian)."""
    besaran, subjek, tahun_dasar, tahun = key
    en, id_ = (penjelasan, penjelasan) if isinstance(penjelasan, str) else penjelasan
    return {"besaran": besaran, "subjek": subjek, "tahun_dasar": tahun_dasar, "tahun": tahun, "metode": metode,
            "nilai": nilai, "teks": teks, "utama": utama, "dibulatkan": dibulatkan, "penjelasan": en,
            "penjelasan_id": id_}


def candidates(tables, iku, sasaran, budget, efficiency, series, breaks, year,
               skala_kategori: str = DEFAULT_CATEGORY_SCALE) -> pd.DataFrame:
    """Recomputations of every kind of reported figure (see module doc)."""
    c = []
    na = pd.NA
    for _, i in iku.iterrows():
        code = i["kode_indikator"]
        k = ("realisasi", code, na, year)
        if i["polaritas"] == "predikat":
            c.append(_cand(k, "skor_ke_predikat", teks=i["predikat_komponen"], utama=True,
                           penjelasan=(f"grade of the score {i['realisasi_komponen']:g} on the scale",
                                       f"predikat dari nilai {i['realisasi_komponen']:g} pada skala")))
        else:
            c.append(_cand(k, "komponen", i["realisasi_komponen"], utama=True,
                           penjelasan=f"{i['pembilang']:g} / {i['penyebut']:g} × 100" if pd.notna(i["pembilang"]) else ""))
        k = ("capaian", code, na, year)
        c.append(_cand(k, "komponen", i["capaian_komponen"], utama=True))
        c.append(_cand(k, "dari_realisasi_dibulatkan", i["capaian"], dibulatkan=True,
                       penjelasan=(f"capaian computed from the realisation as printed ({i['realisasi']:g} "
                                   f"/ {i['target']:g}) instead of from its components",
                                   f"capaian dihitung dari realisasi yang tercetak ({i['realisasi']:g} / "
                                   f"{i['target']:g}), bukan dari komponennya")
                       if pd.notna(i["realisasi"]) else ("capaian computed from the printed grade",
                                                         "capaian dihitung dari predikat tercetak")))
        if i["polaritas"] == "negatif":
            other = "T/R" if i["konvensi_negatif"] != "T/R" else "2T-R"
            c.append(_cand(k, f"negatif_{other}", capaian_fn(i["realisasi_komponen"], i["target"], "negatif", other),
                           penjelasan=(f"negative-indicator convention {other} instead of {i['konvensi_negatif']}",
                                       f"konvensi indikator negatif {other}, bukan {i['konvensi_negatif']}")))
    overall = sasaran[sasaran["sasaran_no"].isna()].iloc[0]
    k = ("capaian_rata_rata", "semua", na, year)
    c.append(_cand(k, "rata_rata_komponen", overall["capaian"], utama=True))
    c.append(_cand(k, "rata_rata_dibulatkan", overall["capaian_dari_dilaporkan"], dibulatkan=True,
                   penjelasan=("mean of the capaian as printed (rounded)", "rata-rata capaian yang tercetak (dibulatkan)")))
    c.append(_cand(k, "rata_rata_dibatasi_100", iku["capaian_komponen"].fillna(iku["capaian"]).clip(upper=100).mean(),
                   penjelasan=("mean of capaian capped at 100", "rata-rata capaian yang dibatasi 100")))
    for _, s in sasaran[sasaran["sasaran_no"].notna()].iterrows():
        k = ("capaian_sasaran", f"sasaran {int(s['sasaran_no'])}", na, year)
        c.append(_cand(k, "rata_rata_sasaran", s["capaian"], utama=True))
        c.append(_cand(k, "rata_rata_semua_sasaran", overall["capaian"],
                       penjelasan=(f"the overall mean of all IKU capaian ({overall['capaian']:.0f}) is printed as this "
                                   "sasaran's capaian",
                                   f"rata-rata capaian seluruh IKU ({overall['capaian']:.0f}) dicetak sebagai capaian "
                                   "sasaran ini")))
    # absorption
    for _, b in budget.iterrows():
        t = b["tingkat"]
        if t == "program":
            keys = [f"program {b['program_no']}"]
        elif t == "program_sumber_dana":
            keys = [f"program {b['program_no']} {b['sumber_dana']}"]
        elif t in ("sumber_dana", "total"):
            keys = [b["sumber_dana"]]
        else:
            continue
        for subj in keys:
            c.append(_cand(("serapan", subj, na, year), "tertimbang", b["serapan"], utama=True,
                           penjelasan="realisasi / anggaran × 100"))
            if t != "program":
                c.append(_cand(("anggaran_total", subj, na, year), "jumlah", b["anggaran"], utama=True))
                c.append(_cand(("realisasi_total", subj, na, year), "jumlah", b["realisasi"], utama=True))
            if t == "program_sumber_dana":
                c.append(_cand(("kategori_serapan", subj, na, year), "skala_kategori",
                               teks=category_scale(skala_kategori).category(b["serapan"]), utama=True,
                               penjelasan=(f"category of {b['serapan']:.2f} % on the scale {skala_kategori}",
                                           f"kategori {b['serapan']:.2f} % pada skala {skala_kategori}")))
    progs = budget[budget["tingkat"] == "program"]
    c.append(_cand(("anggaran_total", "APBD+APBN", na, year), "jumlah", progs["anggaran"].sum(), utama=True))
    total = budget[budget["tingkat"] == "total"].iloc[0]
    k = ("serapan_rata_rata", "semua", na, year)
    c.append(_cand(k, "tertimbang", total["serapan"], utama=True, penjelasan="Σ realisasi / Σ anggaran × 100"))
    c.append(_cand(k, "rata_rata_biasa", total["serapan_rata_rata"],
                   penjelasan=("plain (unweighted) mean of the programme percentages, not weighted by budget "
                               f"(weighted: {total['serapan']:.2f} %)",
                               "rata-rata biasa persentase program, tidak ditimbang dengan anggaran "
                               f"(tertimbang: {total['serapan']:.2f} %)")))
    # efficiency
    eff = efficiency.set_index(["lingkup", "atribusi", "metode"])["efisiensi"]
    k = ("efisiensi", "semua", na, year)
    c.append(_cand(k, "selisih_tertimbang", eff.get(("semua", "", "selisih_tertimbang")), utama=True,
                   penjelasan="capaian − weighted absorption"))
    c.append(_cand(k, "selisih_rata_rata", eff.get(("semua", "", "selisih_rata_rata")),
                   penjelasan=("capaian − plain mean of programme absorption (the report's method); "
                               "a difference of two percentages is in percentage points, printed as '%'",
                               "capaian − rata-rata biasa serapan program (cara laporan); selisih dua persentase "
                               "adalah poin persentase, dicetak dengan '%'")))
    for lingkup in sorted({l for l, a, m in eff.index if l.startswith("sasaran")}):
        k = ("efisiensi", lingkup, na, year)
        c.append(_cand(k, "selisih_tertimbang", eff.get((lingkup, "narasi", "selisih_tertimbang"), np.nan), utama=True,
                       penjelasan="sasaran capaian − weighted absorption of the programmes the narrative attributes"))
        for m in ("selisih_tertimbang", "selisih_rata_rata"):
            if (lingkup, "tabel_efisiensi", m) in eff.index:
                c.append(_cand(k, f"tabel_efisiensi_{m}", eff[(lingkup, "tabel_efisiensi", m)],
                               penjelasan=("programmes attributed to sasaran as in the efficiency table",
                                           "program dikelompokkan ke sasaran seperti pada tabel efisiensi")))
        c.append(_cand(k, "efisiensi_keseluruhan", eff.get(("semua", "", "selisih_rata_rata")),
                       penjelasan=("the overall efficiency is printed for this sasaran; its own is "
                                   f"{eff.get((lingkup, 'narasi', 'selisih_tertimbang'), np.nan):.1f} points",
                                   "efisiensi keseluruhan dicetak untuk sasaran ini; efisiensinya sendiri "
                                   f"{eff.get((lingkup, 'narasi', 'selisih_tertimbang'), np.nan):.1f} poin")))
    # year-to-year changes (perubahan) and the report's "tingkat kemajuan"
    s = series.set_index(["kode_indikator", "tahun"])
    for code in series["kode_indikator"].unique():
        years = sorted(series.loc[series["kode_indikator"] == code, "tahun"])
        pairs = [(a, b) for a in years for b in years if a < b]
        for a, b in pairs:
            va, vb = s.loc[(code, a), "realisasi_tepat"], s.loc[(code, b), "realisasi_tepat"]
            ra, rb = s.loc[(code, a), "realisasi"], s.loc[(code, b), "realisasi"]
            for besaran in ("perubahan", "kemajuan"):
                k = (besaran, code, a, b)
                pct = (vb - va) / va * 100 if va else np.nan
                c.append(_cand(k, "persen", pct, utama=True, penjelasan=("relative change (b − a) / a × 100", "perubahan relatif (b − a) / a × 100")))
                c.append(_cand(k, "persen_dibulatkan", (rb - ra) / ra * 100 if ra else np.nan, dibulatkan=True,
                               penjelasan=("relative change from the realisations as printed (rounded)",
                                           "perubahan relatif dari realisasi yang tercetak (dibulatkan)")))
                c.append(_cand(k, "poin_persentase", vb - va,
                               penjelasan=(f"a difference in percentage points ({vb:g} − {va:g}), printed with '%'",
                                           f"selisih dalam poin persentase ({vb:g} − {va:g}), dicetak dengan '%'")))
                c.append(_cand(k, "poin_persentase_dibulatkan", rb - ra,
                               penjelasan=(f"a difference in percentage points of the printed values ({rb:g} − {ra:g}), "
                                           "printed with '%'",
                                           f"selisih poin persentase dari nilai tercetak ({rb:g} − {ra:g}), dicetak "
                                           "dengan '%'")))
    # counts
    if "pegawai" in tables:
        c.append(_cand(("jumlah_pegawai", "semua", na, year), "jumlah", tables["pegawai"]["jumlah"].sum(), utama=True))
    if "anggaran_program" in tables:
        c.append(_cand(("jumlah_program", "semua", na, year), "jumlah", len(tables["anggaran_program"]), utama=True))
    df = pd.DataFrame(c)
    return df.astype({"tahun_dasar": "Int64", "tahun": "Int64", "nilai": "float64"})


def _norm_key(values) -> tuple:
    """A grouping key where every missing value (None, NaN, pd.NA) is the same."""
    return tuple(None if pd.isna(v) else (int(v) if isinstance(v, (np.integer,)) else v) for v in values)


def _crossing(breaks: list[dict], code: str, a, b) -> str:
    if pd.isna(a) or pd.isna(b):
        return ""
    return "; ".join(f"definition v{r['versi_lama']} → v{r['versi_baru']} from {r['tahun_pertama_baru']}"
                     for r in breaks if r["kode_indikator"] == code and a < r["tahun_pertama_baru"] <= b)


def classify(reported, cands) -> tuple[str, float, tuple[str, str]]:
    """Status, primary recomputed value and explanation (English, Indonesian) for one reported figure.

    ``reported``: a row of ``reported_figures`` (``teks``, ``nilai``, ``besaran``); ``cands``: its
    candidates, a DataFrame or a list of records with the columns of :func:`_cand`."""
    cands = cands.to_dict("records") if isinstance(cands, pd.DataFrame) else list(cands)
    if not cands:
        return "unverifiable", np.nan, ("no recomputation: an input is missing",
                                        "tidak dapat dihitung ulang: ada masukan yang tidak tersedia")
    p = next((c for c in cands if c["utama"]), None)
    rep = reported["nilai"]
    textual = pd.isna(rep)
    d = printed_decimals(reported["teks"])

    def equal(c) -> bool:
        if textual:
            return not pd.isna(c["teks"]) and str(c["teks"]).strip().lower() == str(reported["teks"]).strip().lower()
        return not pd.isna(c["nilai"]) and abs(rounded(c["nilai"], d) - rep) < 1e-9

    def why(c):
        return c["penjelasan"], c.get("penjelasan_id", c["penjelasan"])

    if p is None or (pd.isna(p["nilai"]) and pd.isna(p["teks"])):
        return "unverifiable", np.nan, ("an input of the recomputation is missing (not stated in the report)",
                                        "masukan perhitungan ulang tidak tersedia (tidak dinyatakan dalam laporan)")
    pv = p["nilai"]
    rounded_inputs = [c for c in cands if c["dibulatkan"]]
    if equal(p):
        if reported["besaran"] == "capaian" and not pd.isna(pv) and pv < 100 <= rep:
            en, id_ = why(rounded_inputs[0]) if rounded_inputs else ("", "")
            return "rounding", pv, (
                f"printed {reported['teks']} only because the realisation was rounded first; from its components "
                f"the capaian is {pv:.2f} %: the target is not quite met" + (f" ({en})" if en else ""),
                f"tercetak {reported['teks']} hanya karena realisasi dibulatkan lebih dahulu; dari komponennya "
                f"capaian {pv:.2f} %: target belum sepenuhnya tercapai" + (f" ({id_})" if id_ else ""))
        return "match", pv, ("", "")
    for c in rounded_inputs:
        if equal(c):
            return "rounding", pv, why(c)
    if not textual and not pd.isna(pv) and abs(rounded(pv, d, ROUND_DOWN) - rep) < 1e-9:
        return "rounding", pv, (f"the figure is truncated to {d} decimals, not rounded",
                                f"angka dipotong menjadi {d} desimal, bukan dibulatkan")
    for c in cands:
        if not c["utama"] and not c["dibulatkan"] and equal(c):
            return "method", pv, why(c)
    shown = f"{pv:.2f}" if not pd.isna(pv) else str(p["teks"])
    en, id_ = why(p)
    return "mismatch", pv, (f"no method reproduces it; recomputed {shown}" + (f" ({en})" if en else ""),
                            f"tidak ada metode yang menghasilkannya; hasil hitung ulang {shown}"
                            + (f" ({id_})" if id_ else ""))


def reconcile(tables, cands: pd.DataFrame, breaks: pd.DataFrame, manifest: pd.DataFrame | None = None
              ) -> pd.DataFrame:
    """One row per reported figure, with its status (see module doc); non-``match`` rows first."""
    sections = dict(zip(manifest["tabel"], manifest["bagian"])) if manifest is not None else {}
    # plain records: about a hundred figures, each looked up and classified on its own
    groups: dict[tuple, list[dict]] = {}
    for c in cands.to_dict("records"):
        groups.setdefault(_norm_key(c[k] for k in KEY), []).append(c)
    brk = breaks.to_dict("records")
    rows = []
    for r in tables["reported_figures"].to_dict("records"):
        status, value, (why, why_id) = classify(r, groups.get(_norm_key(r[k] for k in KEY), []))
        cross = _crossing(brk, r["subjek"], r["tahun_dasar"], r["tahun"]) if r["besaran"] in (
            "perubahan", "kemajuan") else ""
        if cross:
            why = (why + "; " if why else "") + f"crosses a series break ({cross}): not comparable"
            why_id = (why_id + "; " if why_id else "") + f"melintasi perubahan rumus ({cross}): tidak sebanding"
        d = printed_decimals(r["teks"])
        diff = r["nilai"] - rounded(value, d) if not pd.isna(r["nilai"]) and not pd.isna(value) else np.nan
        label = f"{r['besaran']} {r['subjek']}" + (f" {r['tahun_dasar']}→{r['tahun']}" if not pd.isna(r["tahun_dasar"])
                                                    else f" {r['tahun']}")
        rows.append({"check": label, "section": sections.get(r["tabel"], ""), "tabel": r["tabel"],
                     "baris_sumber": r["baris_sumber"], "besaran": r["besaran"], "subjek": r["subjek"],
                     "tahun_dasar": r["tahun_dasar"], "tahun": r["tahun"], "reported": r["teks"],
                     "reported_value": r["nilai"], "recomputed": value, "difference": diff, "status": status,
                     "explanation": why, "penjelasan": why_id, "lintas_rumus": bool(cross)})
    df = pd.DataFrame(rows)
    df["_o"] = df["status"].map(STATUS_ORDER)
    df = df.sort_values(["_o", "tabel", "baris_sumber"], kind="stable").drop(columns="_o").reset_index(drop=True)
    return df.astype({"tahun_dasar": "Int64", "tahun": "Int64"})


def attribution_checks(tables) -> pd.DataFrame:
    """Programmes the efficiency table places under another sasaran than the narrative does."""
    eff, prog = tables.get("efisiensi_dilaporkan"), tables.get("program")
    if eff is None or prog is None:
        return pd.DataFrame()
    m = eff.merge(prog[["program_no", "sasaran_no"]], on="program_no", suffixes=("_tabel", "_narasi"))
    rows = []
    for _, r in m.iterrows():
        same = pd.isna(r["sasaran_no_narasi"]) or r["sasaran_no_tabel"] == r["sasaran_no_narasi"]
        rows.append({"check": f"atribusi program {r['program_no']}", "section": "", "tabel": "efisiensi",
                     "baris_sumber": r["baris_sumber"], "besaran": "atribusi_sasaran",
                     "subjek": f"program {r['program_no']}", "tahun_dasar": pd.NA, "tahun": pd.NA,
                     "reported": f"sasaran {r['sasaran_no_tabel']}", "reported_value": np.nan,
                     "recomputed": np.nan, "difference": np.nan,
                     "status": "match" if same else "method",
                     "explanation": "" if same else (
                         f"programme attributed to another sasaran: the efficiency table lists it under sasaran "
                         f"{r['sasaran_no_tabel']}, the narrative says it supports sasaran {r['sasaran_no_narasi']}"),
                     "penjelasan": "" if same else (
                         f"program dikelompokkan ke sasaran lain: tabel efisiensi mencantumkannya pada sasaran "
                         f"{r['sasaran_no_tabel']}, narasi menyebut program ini menunjang sasaran {r['sasaran_no_narasi']}"),
                     "lintas_rumus": False})
    return pd.DataFrame(rows)
