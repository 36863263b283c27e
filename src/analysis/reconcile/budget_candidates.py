"""Candidates for the budget and efficiency figures: absorption, totals, rows of a budget table with levels, and
efficiency under each method reports use (difference in points, ratio IE = capaian / serapan, TE = IE − 1,
saving 100 − serapan).

A parent row of a budget table with levels is recomputed from its own amounts (printed, or the sum of its
children's, labelled computed); the plain mean of its children's printed percentages is the alternative a
report often prints. In a table the manifest marks ``sebagian`` a figure that needs the sum of its rows has no
recomputation: it is ``unverifiable``, with that reason.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..indicators.budget import serapan as serapan_fn
from ..indicators.efficiency_ratios import efficiency_ratios
from ..ingest.figures import Subject
from ..reference import category_scale
from .candidate import candidate

#: why a figure of a partial table is not recomputed (English, Indonesian)
PARTIAL = ("only part of the table was transcribed (marked partial): rows it does not show would be missing from the "
           "sum", "hanya sebagian tabel yang ditranskripsi (ditandai sebagian): baris yang tidak dimuat akan hilang "
                  "dari jumlahnya")


def budget_candidates(tables, sasaran, budget, efficiency, year, skala_kategori) -> list[dict]:
    """Every budget and efficiency candidate (see module doc)."""
    c = _absorption(tables, budget, year, skala_kategori)
    c += _efficiency(efficiency, year)
    c += line_candidates(tables, year)
    c += ratio_table_candidates(tables.get("efisiensi_rasio"), year, from_iku="capaian_iku" in tables)
    if "anggaran_program" not in tables:
        c += _sentence_absorption(tables.get("anggaran_sumber_dana"), year)
    return c


def _sentence_absorption(sentences, year) -> list[dict]:
    """With no budget table, a sentence's absorption from its own amounts ("realisasi Rp1.405… dari anggaran
    Rp1.455… (96,56 %)"); a source stated in several sentences is left alone (which amounts would be its own?)."""
    if sentences is None or not len(sentences):
        return []
    once = sentences.groupby("sumber_dana").filter(lambda g: len(g) == 1)
    return [candidate(("serapan", Subject.funding_source(r["sumber_dana"]), pd.NA, year), "kalimat",
                      serapan_fn(r["realisasi"], r["anggaran"])[0], utama=True,
                      penjelasan=("spending / budget × 100, both printed in the same sentence",
                                  "realisasi / anggaran × 100, keduanya tercetak dalam kalimat yang sama"))
            for _, r in once.iterrows()]


def ratio_table_candidates(ratios, year, from_iku: bool = False) -> list[dict]:
    """An efficiency table printed as ratios (``efisiensi_rasio``): per sasaran and input, IE in percent =
    capaian keluaran / capaian masukan × 100 (primary), TE = IE − 1 and IE as a bare ratio; the means row: the
    plain mean of the rows' IE (primary) or the IE of the mean achievements. A goal's achievement as the table
    prints it is what a sentence's capaian of that goal is compared with, unless the IKU give one
    (``from_iku``: it is then an alternative)."""
    c, na = [], pd.NA
    if ratios is None or not len(ratios):
        return c
    r = efficiency_ratios(ratios)  # IE in percent, by the one formula; here as a ratio
    r["ie"] = r["efisiensi"] / 100
    for _, x in r.iterrows():
        k = ("efisiensi_rasio", Subject.sasaran(x["sasaran_no"], x["masukan"]), na, year)
        shown = f"{x['capaian_keluaran']:.2f} / {x['capaian_masukan']:.2f}"
        c.append(candidate(k, "rasio_ie_persen", x["ie"] * 100, utama=True, penjelasan=(
            f"IE = output achievement / {x['masukan']} input achievement × 100 = {shown} × 100",
            f"IE = capaian keluaran / capaian masukan {x['masukan']} × 100 = {shown} × 100")))
        c.append(candidate(k, "rasio_te_persen", (x["ie"] - 1) * 100, penjelasan=(
            f"TE = (IE − 1) × 100 = ({shown} − 1) × 100 (efficient when ≥ 0)",
            f"TE = (IE − 1) × 100 = ({shown} − 1) × 100 (efisien bila ≥ 0)")))
        c.append(candidate(k, "rasio_ie", x["ie"], penjelasan=(f"IE as a bare ratio = {shown}",
                                                               f"IE sebagai rasio = {shown}")))
    for _, x in r.drop_duplicates("sasaran_no").iterrows():  # the goal's achievement, as the ratio table prints it
        c.append(candidate(("capaian_sasaran", Subject.sasaran(x["sasaran_no"]), na, year), "tabel_efisiensi_rasio",
                           x["capaian_keluaran"], utama=not from_iku, penjelasan=(
                               f"the efficiency table prints this goal's output achievement as "
                               f"{x['capaian_keluaran']:.2f}", f"tabel efisiensi mencetak capaian keluaran sasaran ini "
                               f"{x['capaian_keluaran']:.2f}")))
    for masukan, g in r.groupby("masukan", sort=False):
        k = ("efisiensi_rasio_rata_rata", Subject.all(masukan), na, year)
        c.append(candidate(k, "rata_rata_biasa", g["ie"].mean() * 100, utama=True, penjelasan=(
            f"plain mean of the {len(g)} goals' IE (%)", f"rata-rata biasa IE (%) dari {len(g)} sasaran")))
        c.append(candidate(k, "ie_dari_rata_rata", g["capaian_keluaran"].mean() / g["capaian_masukan"].mean() * 100,
                           penjelasan=("IE of the mean achievements (mean output / mean input × 100)",
                                       "IE dari rata-rata capaian (rata-rata keluaran / rata-rata masukan × 100)")))
    return c


def _absorption(tables, budget, year, skala_kategori) -> list[dict]:
    c, na = [], pd.NA
    for _, b in budget.iterrows():
        t = b["tingkat"]
        if t == "program":
            subj = Subject.programme(b["program_no"])
        elif t == "program_sumber_dana":
            subj = Subject.programme(b["program_no"], b["sumber_dana"])
        elif t in ("sumber_dana", "total") and "anggaran_program" in tables:
            subj = Subject.funding_source(b["sumber_dana"])
        else:  # rows of a budget table with levels: line_candidates
            continue
        c.append(candidate(("serapan", subj, na, year), "tertimbang", b["serapan"], utama=True,
                           penjelasan="realisasi / anggaran × 100"))
        if t != "program":
            c.append(candidate(("anggaran_total", subj, na, year), "jumlah", b["anggaran"], utama=True))
            c.append(candidate(("realisasi_total", subj, na, year), "jumlah", b["realisasi"], utama=True))
        if t == "program_sumber_dana":
            c.append(candidate(("kategori_serapan", subj, na, year), "skala_kategori",
                               teks=category_scale(skala_kategori).category(b["serapan"]), utama=True,
                               penjelasan=(f"category of {b['serapan']:.2f} % on the scale {skala_kategori}",
                                           f"kategori {b['serapan']:.2f} % pada skala {skala_kategori}")))
    progs = budget[budget["tingkat"] == "program"]
    pk = tables.get("pk_program")
    if pk is not None and len(pk):  # the performance agreement's grand total, over the sources it names
        sources = "+".join(sorted(set(pk["sumber_anggaran"].dropna())))
        c.append(candidate(("anggaran_total", Subject.funding_source(sources), na, year), "jumlah",
                           progs["anggaran"].sum(), utama=True))
    totals = budget[budget["tingkat"] == "total"]
    if len(totals) and len(progs):
        total = totals.iloc[0]
        k = ("serapan_rata_rata", Subject.all(), na, year)
        c.append(candidate(k, "tertimbang", total["serapan"], utama=True, penjelasan="Σ realisasi / Σ anggaran × 100"))
        c.append(candidate(k, "rata_rata_biasa", total["serapan_rata_rata"],
                           penjelasan=("plain (unweighted) mean of the programme percentages, not weighted by budget "
                                       f"(weighted: {total['serapan']:.2f} %)",
                                       "rata-rata biasa persentase program, tidak ditimbang dengan anggaran "
                                       f"(tertimbang: {total['serapan']:.2f} %)")))
    return c


def ratio_candidates(k, capaian, serapan, which: tuple[str, str] = ("weighted", "tertimbang")) -> list[dict]:
    """Efficiency as the ratio IE = capaian / serapan (as a ratio and in percent), TE = IE − 1, and the saving
    100 − serapan: alternatives for a printed efficiency, each explanation naming its method."""
    if pd.isna(capaian) or pd.isna(serapan) or not serapan:
        return []
    ie = capaian / serapan
    en, id_ = which
    shown = f"{capaian:.2f} / {serapan:.2f}"
    return [
        candidate(k, f"rasio_ie_{id_}", ie, penjelasan=(
            f"ratio IE = capaian / {en} absorption = {shown} = {ie:.3f} (efficient when ≥ 1)",
            f"rasio IE = capaian / serapan {id_} = {shown} = {ie:.3f} (efisien bila ≥ 1)")),
        candidate(k, f"rasio_ie_persen_{id_}", ie * 100, penjelasan=(
            f"ratio IE in percent = capaian / {en} absorption × 100 = {ie * 100:.2f} %",
            f"rasio IE dalam persen = capaian / serapan {id_} × 100 = {ie * 100:.2f} %")),
        candidate(k, f"rasio_te_{id_}", ie - 1, penjelasan=(
            f"TE = IE − 1 = {shown} − 1 = {ie - 1:.3f} (efficient when ≥ 0)",
            f"TE = IE − 1 = {shown} − 1 = {ie - 1:.3f} (efisien bila ≥ 0)")),
        candidate(k, f"rasio_te_persen_{id_}", (ie - 1) * 100, penjelasan=(
            f"TE in percent = (IE − 1) × 100 = {(ie - 1) * 100:.2f} %",
            f"TE dalam persen = (IE − 1) × 100 = {(ie - 1) * 100:.2f} %")),
        candidate(k, f"sisa_anggaran_{id_}", 100 - serapan, penjelasan=(
            f"saving = 100 − {en} absorption = {100 - serapan:.2f}",
            f"penghematan = 100 − serapan {id_} = {100 - serapan:.2f}")),
    ]


def _efficiency(efficiency, year) -> list[dict]:
    c, na = [], pd.NA
    if efficiency is None or not len(efficiency):
        return c
    idx = efficiency.set_index(["lingkup", "atribusi", "metode"])
    eff = idx["efisiensi"]
    k = ("efisiensi", Subject.all(), na, year)
    c.append(candidate(k, "selisih_tertimbang", eff.get(("semua", "", "selisih_tertimbang")), utama=True,
                       penjelasan="capaian − weighted absorption"))
    c.append(candidate(k, "selisih_rata_rata", eff.get(("semua", "", "selisih_rata_rata")),
                       penjelasan=("capaian − plain mean of programme absorption (the report's method); "
                                   "a difference of two percentages is in percentage points, printed as '%'",
                                   "capaian − rata-rata biasa serapan program (cara laporan); selisih dua persentase "
                                   "adalah poin persentase, dicetak dengan '%'")))
    c += _ratios(idx, k, "semua", "")
    for lingkup in sorted({scope for scope, _, _ in eff.index if scope.startswith("sasaran")}):
        k = ("efisiensi", Subject.parse(lingkup), na, year)
        c.append(candidate(k, "selisih_tertimbang", eff.get((lingkup, "narasi", "selisih_tertimbang"), np.nan),
                           utama=True,
                           penjelasan="sasaran capaian − weighted absorption of the programmes the narrative "
                                      "attributes"))
        for m in ("selisih_tertimbang", "selisih_rata_rata"):
            if (lingkup, "tabel_efisiensi", m) in eff.index:
                c.append(candidate(k, f"tabel_efisiensi_{m}", eff[(lingkup, "tabel_efisiensi", m)],
                                   penjelasan=("programmes attributed to sasaran as in the efficiency table",
                                               "program dikelompokkan ke sasaran seperti pada tabel efisiensi")))
        c.append(candidate(k, "efisiensi_keseluruhan", eff.get(("semua", "", "selisih_rata_rata")),
                           penjelasan=("the overall efficiency is printed for this sasaran; its own is "
                                       f"{eff.get((lingkup, 'narasi', 'selisih_tertimbang'), np.nan):.1f} points",
                                       "efisiensi keseluruhan dicetak untuk sasaran ini; efisiensinya sendiri "
                                       f"{eff.get((lingkup, 'narasi', 'selisih_tertimbang'), np.nan):.1f} poin")))
        c += _ratios(idx, k, lingkup, "narasi")
    return c


def _ratios(idx: pd.DataFrame, k, lingkup: str, atribusi: str) -> list[dict]:
    """The ratio methods on the weighted and on the plain-mean absorption of one scope."""
    out = []
    for metode, which in (("selisih_tertimbang", ("weighted", "tertimbang")),
                          ("selisih_rata_rata", ("plain-mean", "rata-rata biasa"))):
        if (lingkup, atribusi, metode) in idx.index:
            row = idx.loc[(lingkup, atribusi, metode)]
            out += ratio_candidates(k, row["capaian"], row["serapan"], which)
    return out


def _printed_percentages(tables) -> dict[str, float]:
    rf = tables.get("reported_figures")
    if rf is None:
        return {}
    rows = rf[(rf["besaran"] == "serapan") & rf["subjek"].astype(str).str.startswith("rincian ")]
    return {s.split(" ", 1)[1]: v for s, v in zip(rows["subjek"], rows["nilai"], strict=True) if pd.notna(v)}


def line_candidates(tables, year) -> list[dict]:
    """Candidates for the rows of a budget table with levels (``anggaran_rinci``): each row's absorption, a
    parent's printed amounts as the sum of its children, and the plain means of children's percentages."""
    lines = tables.get("anggaran_rinci")
    if lines is None or not len(lines):
        return []
    c, na = [], pd.NA
    printed = _printed_percentages(tables)
    rows = lines.to_dict("records")
    kids: dict[str, list[dict]] = {}
    for r in rows:
        if r["jalur"] != "total":
            kids.setdefault(r["induk"] if isinstance(r["induk"], str) else "total", []).append(r)
    own = {r["jalur"]: serapan_fn([r["realisasi"]], [r["anggaran"]])[0] for r in rows}

    def leaves(path):
        out = []
        for k in kids.get(path, []):
            out += leaves(k["jalur"]) if k["jalur"] in kids else [k]
        return out

    for r in rows:
        path, subj = r["jalur"], Subject.budget_line(r["jalur"])
        partial = r["cakupan"] == "sebagian"
        children = kids.get(path, [])
        computed = r["asal"] != "tercetak"
        k = ("serapan", subj, na, year)
        reason = PARTIAL if partial and computed else None
        how = "realisasi / anggaran × 100" + (" (amounts computed from its rows)" if computed and children else "")
        c.append(candidate(k, "tertimbang", own[path], utama=True, alasan=reason,
                           penjelasan=(how, how.replace("amounts computed from its rows", "jumlah dihitung dari "
                                                                                           "barisnya"))))
        if children and not partial:
            c += _means(k, path, children, leaves(path), printed, own)
        for col in ("anggaran", "realisasi"):
            if not children:
                continue
            values = [x[col] for x in children]
            known = not partial and all(pd.notna(v) for v in values)
            c.append(candidate((f"{col}_rincian", subj, na, year), "jumlah_anak",
                               float(sum(values)) if known else np.nan, utama=True,
                               alasan=PARTIAL if partial else None,
                               penjelasan=(f"the sum of its {len(children)} rows", f"jumlah {len(children)} barisnya")))
    return c


def _means(k, path, children, leaves, printed, own) -> list[dict]:
    """Plain (unweighted) means of the children's and of the lowest rows' percentages, printed and recomputed."""
    out = []
    weighted = own[path]
    for rows, who, who_id in ((children, "its rows", "barisnya"), (leaves, "its lowest-level rows",
                                                                   "baris terbawahnya")):
        label = rows[0]["tingkat"].replace("_", " ") if len({r["tingkat"] for r in rows}) == 1 else None
        named = f"{len(rows)} {label} rows" if label else f"{len(rows)} {who}"
        named_id = f"{len(rows)} baris {label}" if label else f"{len(rows)} {who_id}"
        values = [printed.get(r["jalur"]) for r in rows]
        if all(v is not None for v in values):
            shown = ", ".join(f"{v:g}" for v in values)
            out.append(candidate(k, "rata_rata_biasa_tercetak", float(np.mean(values)), penjelasan=(
                f"plain (unweighted) mean of the printed percentages of its {named} ({shown}), not weighted by "
                f"budget (weighted: {weighted:.2f} %)",
                f"rata-rata biasa persentase tercetak {named_id} ({shown}), tidak ditimbang dengan anggaran "
                f"(tertimbang: {weighted:.2f} %)")))
        recomputed = [own[r["jalur"]] for r in rows]
        if all(pd.notna(v) for v in recomputed):
            out.append(candidate(k, "rata_rata_biasa", float(np.mean(recomputed)), penjelasan=(
                f"plain (unweighted) mean of the recomputed percentages of its {named}, not weighted by budget "
                f"(weighted: {weighted:.2f} %)",
                f"rata-rata biasa persentase hitung ulang {named_id}, tidak ditimbang dengan anggaran "
                f"(tertimbang: {weighted:.2f} %)")))
    return out
