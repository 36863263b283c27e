"""Cleaners of the performance tables: IKU achievement, the performance agreement, IKU components."""
from __future__ import annotations

import pandas as pd

from ..cells import Cells, leading_number
from ..context import Context
from ..figures import Subject, reported_figure
from ..raw import RawTable
from .budget import ROMAN


def _iku_rows(ctx: Context, t: RawTable, cells: Cells, tabel: str, angka: list, with_summary: bool):
    out = []
    for r in t.rows:
        if with_summary and r["no"].upper().startswith("CAPAIAN SASARAN"):
            v = cells.percent(r, "capaian")
            angka.append(reported_figure("capaian_rata_rata", Subject.all(), v, r["capaian"], tabel, r, ctx.year))
            continue
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        # the per-sasaran tables number their one row 1.; the sasaran is in the section heading
        sasaran_no = ROMAN.get(r["bagian"].split()[-1]) if "bagian" in r and r["bagian"].strip() else \
            leading_number(r["no"])
        ctx.check_sasaran(cells, r, "bagian" if "bagian" in r else "no", code, sasaran_no)
        rec = {"kode_indikator": code, "sasaran_no": sasaran_no, "sasaran": cells.text(r, "sasaran"),
               "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]}
        for what in ("target", "realisasi"):
            if graded:
                rec[what], rec[f"{what}_predikat"] = None, cells.grade(r, what)
            else:
                rec[what], rec[f"{what}_predikat"] = cells.percent(r, what, require_sign=True), None
        rec["capaian_dilaporkan"] = cells.percent(r, "capaian")
        out.append(rec)
        for besaran, v, teks in (("realisasi", rec["realisasi"], r["realisasi"]),
                                 ("capaian", rec["capaian_dilaporkan"], r["capaian"])):
            angka.append(reported_figure(besaran, Subject.indicator(code), v, teks, tabel, r, ctx.year))
    return out


def capaian_iku(ctx, t, cells):
    angka: list = []
    rows = _iku_rows(ctx, t, cells, t.name, angka, with_summary=True)
    df = pd.DataFrame(rows, columns=["kode_indikator", "sasaran_no", "sasaran", "target", "target_predikat",
                                     "realisasi", "realisasi_predikat", "capaian_dilaporkan", "baris_sumber",
                                     "baris_raw"])
    return {"capaian_iku": df}, angka


def capaian_per_sasaran(ctx, t, cells):
    angka: list = []
    _iku_rows(ctx, t, cells, t.name, angka, with_summary=False)
    return {}, angka


def formulir_pengukuran(ctx, t, cells):
    angka: list = []
    _iku_rows(ctx, t, cells, t.name, angka, with_summary=False)
    return {}, angka


def perjanjian_kinerja(ctx, t, cells):
    out = []
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        ctx.check_sasaran(cells, r, "no", code, leading_number(r["no"]))
        out.append({"kode_indikator": code, "sasaran_no": leading_number(r["no"]), "sasaran": cells.text(r, "sasaran"),
                    "target": None if graded else cells.percent(r, "target", require_sign=True),
                    "target_predikat": cells.grade(r, "target") if graded else None,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["kode_indikator", "sasaran_no", "sasaran", "target", "target_predikat",
                                    "baris_sumber", "baris_raw"])
    return {"perjanjian_kinerja": df}, []


def komponen_iku(ctx, t, cells):
    out = []
    codes = set(ctx.definitions["kode_indikator"])
    for r in t.rows:
        code = cells.choice(r, "kode_indikator", tuple(sorted(codes)))
        v = cells.percent(r, "nilai", maximum=None) if "%" in r["nilai"] else cells.number(r, "nilai")
        if v is not None and v < 0:
            cells.bad(r, "nilai", "a component value >= 0")
        out.append({"kode_indikator": code, "komponen": cells.text(r, "komponen"), "nilai": v,
                    "satuan": r["satuan"], "kalimat": r["kalimat"], "baris_sumber": r["baris_sumber"],
                    "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["kode_indikator", "komponen", "nilai", "satuan", "kalimat", "baris_sumber",
                                    "baris_raw"])
    # a component stated twice must be stated the same
    for (_code, _komponen), g in df.groupby(["kode_indikator", "komponen"]):
        if g["nilai"].nunique(dropna=True) > 1:
            first = g.iloc[0]
            for _, r in g.iloc[1:].iterrows():
                if r["nilai"] != first["nilai"]:
                    cells.col.add(t.label, int(r["baris_raw"]), "nilai", t.cell(int(r["baris_raw"]), "nilai"),
                                  f"{t.cell(int(first['baris_raw']), 'nilai')} as on line {int(first['baris_raw'])} "
                                  "(the same component)")
    return {"komponen_iku": df}, []


def merge_restatements(df: pd.DataFrame) -> pd.DataFrame:
    """One row per component: a restatement on another source line (checked to agree) is dropped."""
    return df.drop_duplicates(["kode_indikator", "komponen"], keep="first").reset_index(drop=True)
