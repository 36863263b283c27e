"""HTML of the report's sections, one function per section; the report notebook only calls them.

Each function turns processed tables into plain data (rows of formatted strings) and hands it to a
Jinja2 template in ``templates/`` (:mod:`.render`, autoescaping): an indicator named
``<script>alert(1)</script>`` shows as text. Numbers go through :mod:`.fmt`, labels through :mod:`.labels`:
no identifier of the pipeline (a quantity, a method, a table or file name) reaches the page as it is.
"""
from __future__ import annotations

import re

import pandas as pd
from markupsafe import Markup

from .. import needs
from ..ingest.definitions import latest_of_each
from ..reconcile.status import STATUSES
from . import fmt, restated
from . import labels as lb
from . import vocabulary as vocab
from .findings import findings, printed_capaian
from .labels import t
from .readable import explain, readable_reconciliation, table_titles
from .render import render, sentence

__all__ = ["explain", "readable_reconciliation"]  # the notebook calls them through this module

#: the report's sections in order: (anchor, label key); the table of contents links to them
CONTENTS = [("ringkasan", "ringkasan"), ("indikator", "indikator"), ("anggaran", "anggaran"), ("tren", "tren"),
            ("rekonsiliasi", "rekonsiliasi"), ("sumber_daya", "sumber_daya"), ("glosarium", "glosarium"),
            ("provenans", "provenans")]
#: a table of at most this many rows is kept on one printed page
SHORT_TABLE = 12


def shown(kinds) -> list[tuple[str, str]]:
    """The sections of :data:`CONTENTS` the table kinds read allow (:data:`analysis.needs.SECTION_NEEDS`); what
    the others would show is named in the summary (:func:`analysis.needs.notes`)."""
    # the budget section's title promises efficiency only where efficiency is computed (from budgets or ratios)
    efficiency = needs.has("efisiensi", kinds) or needs.has("efisiensi_rasio", kinds)
    titles = {"anggaran": "anggaran" if efficiency else "anggaran_saja"}
    return [(a, titles.get(a, k)) for a, k in CONTENTS
            if any(needs.has(n, kinds) for n in needs.SECTION_NEEDS.get(a, ("",)))
            or (a == "anggaran" and needs.LINES in kinds)]  # a budget table with levels alone


def _rows(df) -> pd.DataFrame:
    """A processed table, or an empty one where the agency-year does not have it."""
    return df if df is not None else pd.DataFrame()


def _text(x) -> str:
    """A cell as text: missing values as the em dash, markup (Markup) kept, everything else ``str``."""
    if fmt.missing(x):
        return fmt.MISSING
    return x if isinstance(x, Markup) else str(x)


def _table(header: list[str], rows: list[list], cls: str = "", caption: str = "") -> dict:
    """A table as data for the ``table`` macro of ``macros.html`` (with its caption; short tables are kept
    whole when printed)."""
    return {"header": header, "rows": [[_text(c) for c in r] for r in rows], "cls": cls, "caption": caption,
            "short": len(rows) <= SHORT_TABLE}


def table(header: list[str], rows: list[list], cls: str = "", caption: str = "") -> str:
    """An HTML table; every cell is escaped unless it is :class:`~markupsafe.Markup`."""
    return render("table.html", tb=_table(header, rows, cls, caption))


def _tables(*tables: dict) -> str:
    return render("tables.html", tables=tables)


def section(key: str, lang: str, anchor: str | None = None) -> str:
    return render("section.html", anchor=anchor or key, title=t(key, lang))


def contents(lang: str, sections: list[tuple[str, str]] | None = None) -> str:
    """The table of contents: a link to each section."""
    items = [{"anchor": a, "title": t(k, lang)} for a, k in (sections or CONTENTS)]
    return render("toc.html", lang=lang, items=items)


def glossary(lang: str) -> str:
    """The SAKIP terms the report uses, explained."""
    return render("glossary.html", terms=[ida if lang == "id" else en for ida, en in lb.GLOSSARY])


def _value(row, what: str, lang: str) -> str:
    """Target or realisation of an IKU: a grade (with its score) or a number in the indicator's unit."""
    grade = row.get(f"{what}_predikat")
    if isinstance(grade, str) and grade:
        if what == "realisasi" and pd.notna(row.get("realisasi_komponen")):
            return f"{grade} ({fmt.angka(row['realisasi_komponen'], 1, lang)})"
        return grade
    return fmt.dalam_satuan(row.get(what), row.get("satuan"), lang)


def _gap_points(x, lang: str) -> str:
    """A gap in percentage points: two decimals, more when it is smaller than a hundredth (not a bare 0,00)."""
    if fmt.missing(x):
        return fmt.MISSING
    return fmt.poin(x, 4 if 0 < abs(x) < 0.005 else 2, lang)


def status_label(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


def header_block(meta: dict, agency: str, year: int, lang: str) -> str:
    return render("header.html", lang=lang, year=int(year), name=meta.get("nama_instansi", agency),
                  synthetic=meta.get("sintetis", "tidak") not in ("tidak", "no", "false", ""),
                  title=meta.get("judul_laporan", ""), date=meta.get("tanggal_laporan", ""))


def summary(iku, sasaran, budget, efficiency, rec, breaks, warnings, lang, gaps=None, komponen=None,
            not_computed=(), restated_findings=()) -> str:
    """What a reader must know first (:func:`findings`), then each IKU, then the notes on method, what this
    report's tables do not allow (``not_computed``: one sentence each) and the warnings. ``iku``, ``budget``,
    ``efficiency`` may be None (not computed)."""
    iku, budget, efficiency = _rows(iku), _rows(budget), _rows(efficiency)
    rows = []
    for _, r in iku.iterrows():
        cap = r["capaian_komponen"] if pd.notna(r["capaian_komponen"]) else r["capaian"]
        rows.append([r["nama"], _value(r, "target", lang), _value(r, "realisasi", lang), fmt.persen(cap, 2, lang),
                     printed_capaian(r, lang), vocab.category(r["kategori"], lang)])
    iku_table = _table([t("indikator_kolom", lang), t("target", lang), t("realisasi", lang), t("capaian", lang),
                        t("capaian_dilaporkan", lang), t("kategori", lang)], rows, "summary",
                       t("cap_ringkasan_iku", lang)) if rows else None
    notes = [Markup(t("metode_capaian", lang))] if len(iku) else []
    total = budget[budget["tingkat"] == "total"] if len(budget) else budget
    # the weighted absorption against the plain mean of the programmes' (none in a table with levels alone)
    if len(total) and not fmt.missing(total.iloc[0]["serapan"]) and not fmt.missing(total.iloc[0]["serapan_rata_rata"]):
        notes.append(sentence("metode_serapan", lang, rata=fmt.persen(total.iloc[0]["serapan_rata_rata"], 2, lang)))
    eff = efficiency[efficiency["lingkup"] == "semua"].set_index("metode") if len(efficiency) else efficiency
    if "selisih_rata_rata" in eff.index:
        notes.append(sentence("metode_efisiensi", lang,
                              rata=fmt.poin(eff.loc["selisih_rata_rata", "efisiensi"], 1, lang)))
    return render("summary.html", lang=lang, iku_table=iku_table,
                  findings=findings(iku, budget, efficiency, rec, breaks, gaps, lang, komponen, restated_findings),
                  method_notes=notes,
                  not_computed=list(not_computed), **_warnings(rec, breaks, warnings, lang))


def _warnings(rec, breaks, warnings, lang) -> dict:
    """What ``warnings.html`` lists: the reconciliation count, up to six distinct checks that did not
    match, every formula change, every cleaning note."""
    counts = rec["status"].value_counts()
    hitungan = ", ".join(f"{fmt.angka(int(counts.get(s, 0)), 0, lang)} {status_label(s, lang)}"
                         for s in STATUSES)
    checks, seen = [], set()
    for _, r in rec[rec["status"] != "match"].iterrows():
        key = (r["besaran"], _why(r, lang)[:60])
        if key in seen:
            continue
        seen.add(key)
        checks.append({"check": _text(r["check"]), "status": status_label(r["status"], lang),
                       "why": explain(_why(r, lang), lang)})
        if len(seen) >= 6:
            break
    # a formula change only: an indicator that appears or ends (muncul, hilang) has no old or new formula
    changed = breaks[breaks["jenis"] == "perubahan_rumus"] if "jenis" in breaks else breaks
    changes = [Markup(" ").join(filter(None, [
        sentence("peringatan_rumus", lang, kode=_text(b["kode_indikator"]), tahun=_text(b["tahun_pertama_baru"]),
                 lama=_text(b["definisi_lama"]), baru=_text(b["definisi_baru"])), restated.found_in_text(b, lang)]))
        for _, b in changed.iterrows()]
    return {"counts": sentence("ringkasan_rekonsiliasi", lang, hitungan=hitungan), "checks": checks,
            "formula_changes": changes, "notes": [_text(w) for w in warnings]}


def headline_warnings(rec, breaks, warnings, lang) -> str:
    return render("warnings.html", lang=lang, **_warnings(rec, breaks, warnings, lang))


def indicators(iku, sasaran, gaps, lang) -> str:
    rows = []
    for _, r in iku.iterrows():
        comp = (f"{fmt.angka(r['pembilang'], 0, lang)} / {fmt.angka(r['penyebut'], 0, lang)}"
                if pd.notna(r["pembilang"]) and pd.notna(r["penyebut"]) else fmt.MISSING)
        rows.append([r["kode_indikator"], r["nama"], vocab.polarity(r["polaritas"], lang), _value(r, "target", lang),
                     _value(r, "realisasi", lang), comp, fmt.persen(r["capaian"], 2, lang),
                     fmt.persen(r["capaian_komponen"], 2, lang), printed_capaian(r, lang),
                     vocab.category(r["kategori"], lang)])
    out = [_table(t("kolom_iku", lang).split("|"), rows, "wide", t("cap_iku", lang))]
    srows = [[("—" if pd.isna(s["sasaran_no"]) else int(s["sasaran_no"])),
              t("semua_sasaran", lang) if pd.isna(s["sasaran_no"]) else s["sasaran"], s["jumlah_iku"],
              fmt.persen(s["capaian"], 2, lang), fmt.persen(s["capaian_dari_dilaporkan"], 2, lang)]
             for _, s in sasaran.iterrows()]
    out.append(_table(["No", t("sasaran", lang), t("iku", lang), t("capaian_sasaran", lang),
                       t("rata_rata_tercetak", lang)], srows, "", t("cap_sasaran", lang)))
    if gaps is not None and len(gaps):
        units = dict(zip(iku["kode_indikator"], iku["satuan"], strict=True)) if "satuan" in iku else {}
        grows = [[g["kode_indikator"], vocab.target_type(g["jenis_target"], lang),
                  fmt.dalam_satuan(g["target"], units.get(g["kode_indikator"]), lang),
                  fmt.dalam_satuan(g["realisasi"], units.get(g["kode_indikator"]), lang),
                  _gap_points(g["selisih_pp"], lang),
                  fmt.angka(g["dibutuhkan_unit"], 0, lang), fmt.angka(g["pembilang"], 0, lang),
                  fmt.angka(g["kekurangan_unit"], 0, lang)] for _, g in gaps.iterrows()]
        out.append(_table([t("kode", lang), t("jenis_target", lang), t("target", lang), t("realisasi", lang),
                           t("selisih", lang), t("perlu", lang), t("capai", lang),
                           t("kekurangan_unit", lang)], grows, "", t("cap_gap", lang)))
    return _tables(*out)


def _group_label(r, lang: str) -> str:
    """A budget group as the data names it: its funding source, its sasaran, or the total of its source."""
    source = r["sumber_dana"] if isinstance(r["sumber_dana"], str) and r["sumber_dana"] else ""
    if r["tingkat"] == "total":
        return f"Total {source}".strip()
    if r["tingkat"] == "sasaran":
        if fmt.missing(r["sasaran_no"]):
            return t("sasaran_tidak_disebut", lang)
        return vocab.scope(f"sasaran {r['sasaran_no']}", r["atribusi"], lang)
    return source


def budget_section(budget, efficiency, keluaran, lang) -> str:
    """Budgets by programme and source, by group, efficiency and outputs; a budget without its realisation (the
    performance agreement alone) shows the budgets only, efficiency and outputs only where computed."""
    spent = bool(budget["realisasi"].notna().any())
    prog = budget[budget["tingkat"] == "program_sumber_dana"]
    rows = [[r["program_no"], r["nama"], r["sumber_dana"], fmt.rupiah(r["anggaran"], lang)]
            + ([fmt.rupiah(r["realisasi"], lang), fmt.persen(r["serapan"], 2, lang),
                vocab.category(r["kategori"], lang)] if spent else []) for _, r in prog.iterrows()]
    out = [_table(["No", t("program", lang), t("sumber_dana", lang), t("pagu", lang)]
                  + ([t("realisasi_anggaran", lang), t("serapan", lang), t("kategori", lang)] if spent else []),
                  rows, "wide", t("cap_program", lang))]
    grp = budget[budget["tingkat"].isin(["sumber_dana", "sasaran", "total"])]
    rows = []
    for _, r in grp.iterrows():
        rows.append([_group_label(r, lang), r["jumlah_program"], fmt.rupiah(r["anggaran"], lang)]
                    + ([fmt.rupiah(r["realisasi"], lang), fmt.persen(r["serapan"], 2, lang),
                        fmt.persen(r["serapan_rata_rata"], 2, lang)] if spent else []))
    out.append(_table([t("lingkup", lang), t("program", lang), t("pagu", lang)]
                      + ([t("realisasi_anggaran", lang), t("serapan_tertimbang", lang), t("serapan_rata_rata", lang)]
                         if spent else []), rows, "", t("cap_kelompok", lang)))
    out += _efficiency_and_outputs(efficiency, keluaran, lang)
    return _tables(*out)


def ratio_section(ratios, lang) -> str:
    """Efficiency printed as output/input ratios, a row per goal as the report prints it: the output achievement,
    then per input its achievement and IE recomputed (IE below 100 % is not efficient: the caption says so)."""
    if ratios is None or not len(ratios):
        return ""
    inputs = list(dict.fromkeys(ratios["masukan"]))
    header = [t("sasaran", lang), t("capaian_keluaran", lang)]
    for m in inputs:
        name = vocab.input_name(m, lang)
        header += [f"{t('capaian_masukan', lang)} ({name})", f"{t('efisiensi_ie', lang)} ({name})"]
    rows = []
    for no, g in ratios.groupby("sasaran_no", sort=True):
        by = g.set_index("masukan")
        row = [f"{no}. {g.iloc[0]['sasaran']}", fmt.persen(g.iloc[0]["capaian_keluaran"], 2, lang)]
        for m in inputs:
            row += ([fmt.persen(by.loc[m, "capaian_masukan"], 2, lang), fmt.persen(by.loc[m, "efisiensi"], 2, lang)]
                    if m in by.index else [None, None])
        rows.append(row)
    return _tables(_table(header, rows, "wide", t("cap_efisiensi_rasio", lang)))


def _efficiency_and_outputs(efficiency, keluaran, lang) -> list[dict]:
    out = []
    rows = [[vocab.scope(r["lingkup"], r["atribusi"], lang), vocab.method(r["metode"], lang),
             fmt.persen(r["capaian"], 2, lang), fmt.persen(r["serapan"], 2, lang),
             fmt.poin(r["efisiensi"], 1, lang) if r["satuan"] == "poin" else fmt.angka(r["efisiensi"], 2, lang),
             vocab.category(r["kategori"], lang), vocab.formula(r["metode"], r["rumus"], lang)]
            for _, r in _rows(efficiency).iterrows()]
    if rows:
        out.append(_table([t("lingkup", lang), t("metode", lang), t("capaian", lang), t("serapan", lang),
                           t("efisiensi", lang), t("kategori", lang), t("rumus", lang)], rows, "wide",
                          t("cap_efisiensi", lang)))
    if keluaran is not None and len(keluaran):
        rows = [[r["program_no"], r["keluaran"],
                 f"{fmt.angka(r['nilai'], 0, lang)}"
                 + (f" {t('dari', lang)} {fmt.angka(r['nilai_pembanding'], 0, lang)} {r['pembanding']}"
                    if pd.notna(r["nilai_pembanding"]) else ""),
                 fmt.persen(r["persen"], 1, lang), fmt.persen(r["serapan_program"], 2, lang)]
                for _, r in keluaran.iterrows()]
        out.append(_table(["No", t("keluaran", lang), t("nilai", lang), "%", t("serapan", lang)], rows, "",
                          t("cap_keluaran", lang)))
    return out


_NEEDED = re.compile(r"^\s*([a-z0-9_]+)\s*\((\d{4}),\s*definisi v(\d+)\)\s*$")


def _needed(text, code, definitions, lang: str) -> str:
    """What a decomposition still needs, in words: ``koperasi_rat_omzet_meningkat (2024, definisi v1)`` ->
    the numerator of definition v1 in 2024, by its own words."""
    if fmt.missing(text):
        return fmt.MISSING
    m = _NEEDED.match(str(text))
    if not m:
        return vocab.words(text)
    what = vocab.words(m.group(1))
    if definitions is not None and len(definitions):
        d = definitions[(definitions["kode_indikator"] == code) & (definitions["versi"].astype(str) == m.group(3))]
        if len(d) and isinstance(d.iloc[0]["pembilang"], str) and d.iloc[0]["pembilang"]:
            what = f"“{d.iloc[0]['pembilang']}”"
    return str(sentence("butuh_komponen", lang, komponen=what, tahun=m.group(2), versi=m.group(3)))


def trends_section(trends, breaks, decomposition, lang, definitions=None, restatements=None) -> str:
    """The series per indicator-year (with each figure's report where several reports are joined), the breaks,
    the restatements and the decompositions."""
    rows = []
    joined = restated.several_reports(trends)
    graded = set(trends.loc[trends["predikat"].apply(lambda p: isinstance(p, str)), "kode_indikator"])
    units = latest_of_each(definitions, "satuan")
    for _, r in trends.iterrows():
        score = r["kode_indikator"] in graded
        val = (f"{r['predikat']} ({fmt.angka(r['realisasi'], 2, lang)})" if isinstance(r["predikat"], str)
               else fmt.dalam_satuan(r["realisasi"], units.get(r["kode_indikator"]), lang))
        comp = r["sebanding_tahunan"]
        diff = fmt.selisih(r["perubahan_tahunan_pp"], units.get(r["kode_indikator"]), lang, graded=score)
        before = r.get("tahun_sebelumnya")
        if diff != fmt.MISSING and not fmt.missing(before) and int(before) != int(r["tahun"]) - 1:
            diff = f"{diff} ({t('dari_tahun', lang)} {int(before)})"  # a year without a value lies between
        rows.append([r["kode_indikator"], r["tahun"], r["versi"], val, diff,
                     fmt.perubahan_persen(r["perubahan_tahunan_persen"], 2, lang),
                     "" if comp is pd.NA or pd.isna(comp) else (t("ya", lang) if comp else t("tidak", lang))]
                    + ([restated.source(r["laporan_tahun"], r["baris_sumber"], lang)] if joined else []))
    series = _table([t("kode", lang), t("tahun", lang), t("versi", lang), t("realisasi", lang),
                     t("perubahan_pp", lang), t("perubahan_relatif", lang), t("sebanding", lang)]
                    + ([t("sumber_angka", lang)] if joined else []), rows, "wide", t("cap_tren", lang))
    notes = [{"code": _text(b["kode_indikator"]), "kind": b.get("jenis", "perubahan_rumus"),
              "last_year": _text(b.get("tahun_terakhir_lama")), "old_version": _text(b["versi_lama"]),
              "old_definition": _text(b["definisi_lama"]), "new_version": _text(b["versi_baru"]),
              "new_definition": _text(b["definisi_baru"]), "first_year": _text(b["tahun_pertama_baru"]),
              "sentence": _text(b["kalimat_sumber"]), "found": restated.found_in_text(b, lang)}
             for _, b in breaks.iterrows()]
    parts = []
    for _, d in decomposition.iterrows():
        score = d["kode_indikator"] in graded
        common = {"kode": _text(d["kode_indikator"]), "tahun": _text(d["tahun"]),
                  "total": fmt.poin(d["perubahan_pp"], 2, lang, skor=score)}
        if d["dapat_diurai"]:
            parts.append(sentence("dekomposisi_ada", lang, **common,
                                  rumus=fmt.poin(d["efek_rumus_pp"], 2, lang, skor=score),
                                  kinerja=fmt.poin(d["efek_kinerja_pp"], 2, lang, skor=score)))
        else:
            parts.append(sentence("dekomposisi_tidak", lang, **common,
                                  perlu=_needed(d["komponen_dibutuhkan"], d["kode_indikator"], definitions, lang)))
    return render("trends.html", lang=lang, series_table=series, breaks=notes, decomposition=parts,
                  joined=restated.joined_note(trends, restatements, lang),
                  restatements=restated.restatement_sentences(restatements, definitions, lang))


def _why(r, lang) -> str:
    text = r.get("penjelasan") if lang == "id" else r.get("explanation")
    return "" if text is None or (isinstance(text, float) and text != text) else str(text)


def resources_section(tables, lang) -> str:
    out = []
    peg = tables.get("pegawai")
    if peg is not None:
        by = peg.groupby("jenjang_pendidikan", sort=False)["jumlah"].sum()
        byj = peg.groupby("jabatan", sort=False)["jumlah"].sum()
        out.append(_table([t("jenjang", lang), t("jumlah", lang)], [[k, int(v)] for k, v in by.items()]
                          + [["Total", int(by.sum())]], "", t("cap_jenjang", lang)))
        out.append(_table([t("jabatan", lang), t("jumlah", lang)],
                          [[vocab.title_case(k), int(v)] for k, v in byj.items()], "", t("cap_jabatan", lang)))
    fm = tables.get("formasi_pegawai")
    if fm is not None:
        out.append(_table([t("jabatan", lang), t("formasi", lang), t("kebutuhan", lang), t("kekurangan", lang)],
                          [[r["jabatan"], r["formasi"], r["kebutuhan"], r["kekurangan"]] for _, r in fm.iterrows()]
                          + [["Total", int(fm["formasi"].sum()), int(fm["kebutuhan"].sum()),
                              int(fm["kekurangan"].sum())]], "", t("cap_formasi", lang)))
    ak = tables.get("aset_kondisi")
    if ak is not None and len(ak):
        by = ak.groupby("kondisi")["jumlah"].sum()
        out.append(_table([t("kondisi", lang), t("jumlah", lang)],
                          [[vocab.condition(k, lang), fmt.angka(int(v), 0, lang)] for k, v in by.items()], "",
                          t("cap_kondisi", lang)))
        dmg = ak[ak["kondisi"] != "Baik"].merge(tables["aset"][["aset_id", "nama_barang", "jumlah"]], on="aset_id",
                                                suffixes=("", "_total"))
        if len(dmg):
            out.append(_table([t("barang", lang), t("kondisi", lang), t("jumlah", lang)],
                              [[r["nama_barang"], vocab.condition(r["kondisi"], lang),
                                f"{fmt.angka(r['jumlah'], 0, lang)} / {fmt.angka(r['jumlah_total'], 0, lang)}"]
                               for _, r in dmg.iterrows()], "", t("cap_rusak", lang)))
    return _tables(*out)


def provenance_section(info, definitions, lang) -> str:
    meta = info.get("meta", {})
    titles = table_titles(info.get("tables_read", []))
    read = _table([t("judul_tabel", lang), t("bagian", lang), t("baris", lang), t("baris_data", lang)],
                  [[titles.get(r.get("tabel") or str(r.get("berkas", "")).removesuffix(".csv"), r.get("berkas")),
                    r["bagian"], r["baris_sumber"], r["baris"]] for r in info.get("tables_read", [])],
                  "wide", t("cap_dibaca", lang))
    rows = [[d["kode_indikator"], d["versi"],
             f"{d['berlaku_dari']}–{'' if pd.isna(d['berlaku_sampai']) else d['berlaku_sampai']}",
             f"{d['pembilang']} / {d['penyebut']}" if d["penyebut"] else d["pembilang"],
             vocab.polarity(d["polaritas"], lang), d["kalimat_sumber"]] for _, d in definitions.iterrows()]
    defs = _table([t("kode", lang), t("versi", lang), t("berlaku", lang), t("definisi", lang),
                   t("polaritas", lang), t("kalimat", lang)], rows, "wide", t("cap_definisi", lang)) if rows else \
        _table([t("cap_definisi", lang)], [[t("tanpa_definisi", lang)]], "", "")
    return render("provenance.html", lang=lang, agency=meta.get("nama_instansi", ""),
                  title=meta.get("judul_laporan", ""), sha256=meta.get("sha256_sumber", "")[:16], tables=[read, defs])
