"""Cleaners of the budget tables: programme budgets and spending, by funding source, efficiency as printed,
programme outputs."""
from __future__ import annotations

import pandas as pd

from ..cells import check_total, is_total_label, leading_number, normalise_name, strip_number
from ..figures import Subject, reported_figure
from ..numbers import format_integer

#: other printed names of one funding source; any other name is the source's own (BLUD, PNBP, Hibah …)
SOURCE_ALIASES = {"DAK Non Fisik": "DAK"}
#: funding sources LKj often print: a data-entry sheet suggests them, any other name is accepted all the same
COMMON_SOURCES = ("APBD", "APBN", "DAU", "DAK", "DAK Non Fisik", "DBH", "BLUD", "PNBP")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def funding_source(cells, row: dict, c: str) -> str | None:
    """A funding source as the data names it (aliases of :data:`SOURCE_ALIASES` read as their source)."""
    name = cells.text(row, c)
    return None if name is None else SOURCE_ALIASES.get(name, name)


def pk_program(ctx, t, cells):
    out, total_row = [], None
    for r in t.rows:
        if is_total_label(r["program"]):
            total_row = r
            continue
        if r["mata_uang"] and r["mata_uang"] not in ("Rp.", "Rp"):
            cells.bad(r, "mata_uang", "Rp. or Rp (rupiah)")
        no = leading_number(r["program"])
        if no is None:
            cells.bad(r, "program", "a numbered programme like '1. Program …'")
        out.append({"program_no": no, "program": strip_number(r["program"]),
                    "anggaran": cells.rupiah(r, "anggaran"),
                    "sumber_anggaran": funding_source(cells, r, "keterangan"),
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    total = check_total(cells, total_row, "anggaran", [o["anggaran"] for o in out], "the programme budgets",
                        cells.rupiah, ctx.is_partial(t.path.name))
    sources = "+".join(sorted({o["sumber_anggaran"] for o in out if o["sumber_anggaran"]}))
    angka = [] if total is None else [reported_figure("anggaran_total", Subject.funding_source(sources),
                                                      total, total_row["anggaran"], t.name, total_row,
                                                      ctx.year)]
    df = pd.DataFrame(out, columns=["program_no", "program", "anggaran", "sumber_anggaran", "baris_sumber",
                                    "baris_raw"])
    return {"pk_program": df}, angka


def realisasi_anggaran(ctx, t, cells):
    out, angka, total_row = [], [], None
    source, partial = ctx.funding_source(), ctx.is_partial(t.path.name)
    for r in t.rows:
        if is_total_label(r["no"]):
            total_row = r
            continue
        no = leading_number(r["no"])
        if no is None:
            cells.bad(r, "no", "a programme number like '1.'")
        rec = {"program_no": no, "program": cells.text(r, "program"), "anggaran": cells.rupiah(r, "anggaran"),
               "realisasi": cells.rupiah(r, "realisasi"), "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]}
        if rec["anggaran"] == 0 and rec["realisasi"]:
            cells.bad(r, "anggaran", "a budget above zero when money was spent")
        out.append(rec)
        angka.append(reported_figure("serapan", Subject.programme(no), cells.percent(r, "persen"), r["persen"], t.name,
                                     r, ctx.year))
    for column in ("anggaran", "realisasi"):
        total = check_total(cells, total_row, column, [o[column] for o in out], f"programme {column}", cells.rupiah,
                            partial)
        if total is not None:
            angka.append(reported_figure(f"{column}_total", Subject.funding_source(source), total, total_row[column],
                                         t.name, total_row, ctx.year))
    if total_row is not None:
        angka.append(reported_figure("serapan", Subject.funding_source(source), cells.percent(total_row, "persen"),
                                     total_row["persen"], t.name, total_row, ctx.year))
    df = pd.DataFrame(out, columns=["program_no", "program", "anggaran", "realisasi", "baris_sumber", "baris_raw"])
    return {"anggaran_program": df}, angka


def efisiensi(ctx, t, cells):
    """The efficiency table as printed: merged cells (NO, SASARAN, CAPAIAN, EFISIENSI) filled down."""
    out, angka, sasaran_no = [], [], None
    for r in t.rows:
        if r["no"].replace(" ", "").upper().startswith("RATA-RATA"):
            for besaran, c in (("serapan_rata_rata", "persen"), ("capaian_rata_rata", "capaian_kinerja"),
                               ("efisiensi", "tingkat_efisiensi")):
                angka.append(reported_figure(besaran, Subject.all(), cells.number(r, c), r[c], t.name, r, ctx.year))
            continue
        if r["no"]:
            sasaran_no = leading_number(r["no"])
            if ctx.sasaran_numbers() and sasaran_no not in ctx.sasaran_numbers():
                cells.bad(r, "no", f"a sasaran number of definisi_indikator.csv ({ctx.sasaran_list()})")
            for besaran, c in (("capaian_sasaran", "capaian_kinerja"), ("efisiensi", "tingkat_efisiensi")):
                angka.append(reported_figure(besaran, Subject.sasaran(sasaran_no), cells.number(r, c), r[c], t.name, r,
                                             ctx.year))
        elif sasaran_no is None:
            cells.bad(r, "no", "a sasaran number on the first row (merged cells are filled downwards)")
        rec = {"sasaran_no": sasaran_no, "program": strip_number(cells.text(r, "program") or ""),
               "anggaran": cells.rupiah(r, "anggaran"), "realisasi": cells.rupiah(r, "realisasi"),
               "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]}
        out.append(rec)
        # numbered later, by name, from the budget table (attach_program_numbers)
        angka.append(reported_figure("serapan", Subject.programme_by_name(normalise_name(rec["program"])),
                                     cells.percent(r, "persen"), r["persen"], t.name, r, ctx.year))
    df = pd.DataFrame(out, columns=["sasaran_no", "program", "anggaran", "realisasi", "baris_sumber", "baris_raw"])
    return {"efisiensi_dilaporkan": df}, angka


def anggaran_program_sumber_dana(ctx, t, cells):
    out, angka = [], []
    for r in t.rows:
        no = cells.integer(r, "program_no", minimum=1)
        sd = funding_source(cells, r, "sumber_dana")
        sas = cells.choice(r, "sasaran_didukung", ROMAN, required=False)
        if sas is not None and ctx.sasaran_numbers() and sas not in ctx.sasaran_numbers():
            cells.bad(r, "sasaran_didukung", f"a sasaran of definisi_indikator.csv ({ctx.sasaran_list()})")
        out.append({"program_no": no, "program": cells.text(r, "program"), "sumber_dana": sd,
                    "anggaran": cells.rupiah(r, "anggaran"), "realisasi": cells.rupiah(r, "realisasi"),
                    "sasaran_no": sas, "kategori_dilaporkan": r["kategori"] or None,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        subject = Subject.programme(no, sd)
        angka.append(reported_figure("serapan", subject, cells.percent(r, "persen"), r["persen"], t.name, r, ctx.year))
        if r["kategori"]:
            angka.append(reported_figure("kategori_serapan", subject, None, r["kategori"], t.name, r, ctx.year))
    df = pd.DataFrame(out, columns=["program_no", "program", "sumber_dana", "anggaran", "realisasi", "sasaran_no",
                                    "kategori_dilaporkan", "baris_sumber", "baris_raw"])
    return {"anggaran_program_sumber_dana": df}, angka


def anggaran_sumber_dana(ctx, t, cells):
    """Budget sentences per funding source; a sentence that names no source is about the agency's budget (meta.csv
    ``sumber_dana``, :meth:`~analysis.ingest.context.Context.funding_source`)."""
    out, angka = [], []
    totals = set()  # the sources printed as "Total <source>": the sum of the other sources of their part
    for r in t.rows:
        sd = funding_source(cells, r, "sumber_dana") if r["sumber_dana"].strip() else ctx.funding_source()
        if sd and sd.lower().startswith("total "):
            sd = SOURCE_ALIASES.get(sd[6:].strip(), sd[6:].strip())
            totals.add((r["bagian"], sd))
        rec = {"bagian": cells.text(r, "bagian"), "sumber_dana": sd, "anggaran": cells.rupiah(r, "anggaran"),
               "realisasi": cells.rupiah(r, "realisasi", dash="missing"), "baris_sumber": r["baris_sumber"],
               "baris_raw": r["_line"]}
        out.append(rec)
        subject = Subject.funding_source(sd)
        angka.append(reported_figure("anggaran_total", subject, rec["anggaran"], r["anggaran"], t.name, r, ctx.year))
        if r["realisasi"]:
            angka.append(reported_figure("realisasi_total", subject, rec["realisasi"], r["realisasi"], t.name, r,
                                         ctx.year))
        if r["persen"]:
            angka.append(reported_figure("serapan", subject, cells.percent(r, "persen", dash="missing"), r["persen"],
                                         t.name, r, ctx.year))
    df = pd.DataFrame(out, columns=["bagian", "sumber_dana", "anggaran", "realisasi", "baris_sumber", "baris_raw"])
    df = df.astype({"realisasi": "Int64"})
    # the sources of a part add up to its "Total …" row (DAU + DAK = total APBD in the seed)
    for bagian, g in df.groupby("bagian"):
        is_total = g["sumber_dana"].map(lambda sd, b=bagian: (b, sd) in totals)
        parts, tot = g[~is_total], g[is_total]
        if len(tot) != 1 or ctx.is_partial(t.path.name):
            continue
        for column in ("anggaran", "realisasi"):
            if len(tot) and len(parts) and tot[column].notna().all() and parts[column].notna().all():
                if int(parts[column].sum()) != int(tot[column].iloc[0]):
                    line = int(tot["baris_raw"].iloc[0])
                    cells.col.add(t.label, line, column, t.cell(line, column),
                                  f"{' + '.join(parts['sumber_dana'])} = "
                                  f"{format_integer(int(parts[column].sum()), cells.style_of(column))} "
                                  "(a total that does not add up)")
    return {"anggaran_sumber_dana": df}, angka


def formulir_anggaran(ctx, t, cells):
    angka = []
    for r in t.rows:
        besaran = "realisasi_total" if "realisasi" in r["uraian"].lower() else "anggaran_total"
        angka.append(reported_figure(besaran, Subject.funding_source(ctx.funding_source()), cells.rupiah(r, "nilai"),
                                     r["nilai"],
                                     t.name, r, ctx.year))
    return {}, angka


def output_program(ctx, t, cells):
    out = []
    for r in t.rows:
        out.append({"program_no": cells.integer(r, "program_no", minimum=1), "keluaran": cells.text(r, "keluaran"),
                    "nilai": cells.integer(r, "nilai"), "pembanding": r["pembanding"] or None,
                    "nilai_pembanding": cells.integer(r, "nilai_pembanding", dash="missing")
                    if r["nilai_pembanding"] else None,
                    "satuan": cells.text(r, "satuan"), "kalimat": r["kalimat"],
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "satuan",
                                    "kalimat", "baris_sumber", "baris_raw"]).astype({"nilai_pembanding": "Int64"})
    return {"output_program": df}, []
