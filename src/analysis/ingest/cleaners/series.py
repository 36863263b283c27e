"""Cleaners of the tables over years: realisations and targets by year, national targets, SAKIP scores,
narrative statements. IKU values are read in the indicator's unit (a single value: ranges are read in the
tables of the year, :mod:`.performance`)."""
from __future__ import annotations

import re

import pandas as pd

from .. import numbers
from ..figures import Subject, reported_figure
from .performance import indicator_value

#: the printed direction of a change between years (pernyataan_narasi ``arah``)
DIRECTIONS = ("menurun", "meningkat", "tetap")


def realisasi_multi_tahun(ctx, t, cells):
    years = sorted(int(c.split("_")[1]) for c in t.columns if re.fullmatch(r"realisasi_\d{4}", c))
    target_cols = [c for c in t.columns if re.fullmatch(r"target_\d{4}", c)]
    real, targets, angka = [], [], []
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        # a year this row prints no value for ('-' or empty: "tidak tersedia data", an indicator not yet
        # measured) has no realisation; it is left out, never read as zero
        printed = [y for y in years if not _no_value(r.get(f"realisasi_{y}", ""))]
        for y in printed:
            c = f"realisasi_{y}"
            real.append({"kode_indikator": code, "tahun": y,
                         "realisasi": None if graded else indicator_value(ctx, cells, r, c, code, False)[0],
                         "realisasi_predikat": cells.grade(r, c) if graded else None,
                         "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        for c in target_cols:
            targets.append({"kode_indikator": code, "tahun": int(c.split("_")[1]), "jenis_target": "jangka_menengah",
                            "target": None if graded else indicator_value(ctx, cells, r, c, code, False)[0],
                            "target_predikat": cells.grade(r, c) if graded else None,
                            "tabel": t.name, "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        if r.get("tingkat_kemajuan"):
            angka.append(reported_figure("kemajuan", Subject.indicator(code), cells.percent(r, "tingkat_kemajuan"),
                                         r["tingkat_kemajuan"], t.name, r, tahun=printed[-1] if printed else None,
                                         tahun_dasar=printed[0] if printed else None))
    cols_r = ["kode_indikator", "tahun", "realisasi", "realisasi_predikat", "baris_sumber", "baris_raw"]
    return {"realisasi_tahunan": pd.DataFrame(real, columns=cols_r),
            "target_tahunan": pd.DataFrame(targets, columns=TARGET_COLUMNS)}, angka


def _no_value(cell: str) -> bool:
    """A year cell of a multi-year table that prints no value: empty or a dash."""
    return not cell.strip() or numbers.is_dash(cell)


TARGET_COLUMNS = ["kode_indikator", "tahun", "jenis_target", "target", "target_predikat", "tabel", "baris_sumber",
                  "baris_raw"]


def target_nasional(ctx, t, cells):
    targets, angka = [], []
    rcols = [c for c in t.columns if re.fullmatch(r"realisasi_\d{4}", c)]
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        targets.append({"kode_indikator": code, "tahun": ctx.year, "jenis_target": "nasional",
                        "target": indicator_value(ctx, cells, r, "target_nasional", code, False)[0],
                        "target_predikat": None, "tabel": t.name,
                        "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        for c in rcols:
            angka.append(reported_figure("realisasi", Subject.indicator(code),
                                         indicator_value(ctx, cells, r, c, code, False)[0], r[c], t.name, r,
                                         int(c.split("_")[1])))
    return {"target_nasional": pd.DataFrame(targets, columns=TARGET_COLUMNS)}, angka


def nilai_sakip(ctx, t, cells):
    out = []
    for r in t.rows:
        out.append({"kode_indikator": cells.choice(r, "kode_indikator",
                                                   tuple(sorted(set(ctx.definitions["kode_indikator"])))),
                    "tahun": cells.year(r, "tahun"), "predikat": cells.grade(r, "predikat"),
                    "nilai": cells.percent(r, "nilai", minimum=0, maximum=100),
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    return {"nilai_sakip": pd.DataFrame(out, columns=["kode_indikator", "tahun", "predikat", "nilai", "baris_sumber",
                                                      "baris_raw"])}, []


def _statement_subject(cells, r) -> Subject:
    """What a sentence's figure is about: the optional ``subjek`` column (``sasaran 6``, ``semua dana``: one input of
    an efficiency ratio), else the indicator code, else the whole agency."""
    text = r.get("subjek", "").strip()
    if text:
        s = Subject.parse(text)
        if s.kind in ("sasaran", "all"):
            return s
        cells.bad(r, "subjek", "a goal ('sasaran 6'), an input of the efficiency ratios ('semua dana', "
                  "'sasaran 6 sdm') or empty (the indicator of kode_indikator, else the whole report)")
    return Subject.indicator(r["kode_indikator"]) if r["kode_indikator"] else Subject.all()


def pernyataan_narasi(ctx, t, cells):
    angka = []
    for r in t.rows:
        jenis = cells.text(r, "jenis")
        v = cells.percent(r, "nilai") if "%" in r["nilai"] else cells.number(r, "nilai")
        arah = cells.choice(r, "arah", DIRECTIONS, required=False)
        if v is not None and arah == "menurun":
            v = -v
        subject = _statement_subject(cells, r)
        besaran = jenis if subject.kind != "all" or subject.funding else \
            {"capaian_sasaran": "capaian_rata_rata", "tingkat_efisiensi": "efisiensi"}.get(jenis, jenis)
        tahun_dasar = cells.year(r, "dari_tahun", required=False)
        angka.append(reported_figure(besaran, subject, v, r["nilai"], t.name, r, cells.year(r, "tahun"), tahun_dasar))
    return {}, angka
