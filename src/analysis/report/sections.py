"""HTML of the report's sections, one function per section; the report notebook only calls them.

Each function turns processed tables into plain data (rows of formatted strings) and hands it to a
Jinja2 template in ``templates/`` (:mod:`.render`, autoescaping): an indicator named
``<script>alert(1)</script>`` shows as text. Numbers go through :mod:`.fmt`, labels through :mod:`.labels`.
"""
from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from ..reconcile.rounding import printed_decimals
from ..reconcile.status import STATUS_ORDER, STATUSES, equal_as_printed
from . import fmt
from .labels import t
from .render import render, sentence


def _text(x) -> str:
    """A cell as text: missing values as the em dash, markup (Markup) kept, everything else ``str``."""
    if fmt.missing(x):
        return fmt.MISSING
    return x if isinstance(x, Markup) else str(x)


def _table(header: list[str], rows: list[list], cls: str = "") -> dict:
    """A table as data for the ``table`` macro of ``macros.html``."""
    return {"header": header, "rows": [[_text(c) for c in r] for r in rows], "cls": cls}


def table(header: list[str], rows: list[list], cls: str = "") -> str:
    """An HTML table; every cell is escaped unless it is :class:`~markupsafe.Markup`."""
    return render("table.html", tb=_table(header, rows, cls))


def _tables(*tables: dict) -> str:
    return render("tables.html", tables=tables)


def section(key: str, lang: str, anchor: str | None = None) -> str:
    return render("section.html", anchor=anchor or key, title=t(key, lang))


def _value(row, what: str, lang: str) -> str:
    """Target or realisation of an IKU: a grade (with its score) or a percentage."""
    grade = row.get(f"{what}_predikat")
    if isinstance(grade, str) and grade:
        if what == "realisasi" and pd.notna(row.get("realisasi_komponen")):
            return f"{grade} ({fmt.angka(row['realisasi_komponen'], 1, lang)})"
        return grade
    return fmt.persen(row.get(what), 2, lang)


def status_label(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


def header_block(meta: dict, agency: str, year: int, lang: str) -> str:
    return render("header.html", lang=lang, year=int(year), name=meta.get("nama_instansi", agency),
                  synthetic=meta.get("sintetis", "tidak") not in ("tidak", "no", "false", ""),
                  title=meta.get("judul_laporan", ""), date=meta.get("tanggal_laporan", ""))


def summary(iku, sasaran, budget, efficiency, rec, breaks, warnings, lang) -> str:
    """What a manager reads in a minute: each IKU, goal achievement, absorption, efficiency, warnings."""
    rows = []
    for _, r in iku.iterrows():
        cap = r["capaian_komponen"] if pd.notna(r["capaian_komponen"]) else r["capaian"]
        rows.append([r["nama"], _value(r, "target", lang), _value(r, "realisasi", lang), fmt.persen(cap, 2, lang),
                     fmt.persen(r["capaian_dilaporkan"], 0, lang), r["kategori"]])
    iku_table = _table([t("indikator_kolom", lang), t("target", lang), t("realisasi", lang), t("capaian", lang),
                        t("capaian_dilaporkan", lang), t("kategori", lang)], rows, "summary")
    overall = sasaran[sasaran["sasaran_no"].isna()].iloc[0]
    total = budget[budget["tingkat"] == "total"].iloc[0]
    eff = efficiency[(efficiency["lingkup"] == "semua")].set_index("metode")
    facts = [
        sentence("fakta_capaian", lang, capaian=fmt.persen(overall["capaian"], 2, lang)),
        sentence("fakta_serapan", lang, serapan=fmt.persen(total["serapan"], 2, lang),
                 realisasi=fmt.rupiah(total["realisasi"], lang), anggaran=fmt.rupiah(total["anggaran"], lang),
                 rata=fmt.persen(total["serapan_rata_rata"], 2, lang)),
        sentence("fakta_efisiensi", lang, tertimbang=fmt.poin(eff.loc["selisih_tertimbang", "efisiensi"], 1, lang),
                 rata=fmt.poin(eff.loc["selisih_rata_rata", "efisiensi"], 1, lang),
                 kategori=_text(eff.loc["selisih_tertimbang", "kategori"])),
    ]
    return render("summary.html", lang=lang, iku_table=iku_table, facts=facts,
                  **_warnings(rec, breaks, warnings, lang))


def _warnings(rec, breaks, warnings, lang) -> dict:
    """What ``warnings.html`` lists: the reconciliation count, up to six distinct checks that did not
    match, every formula change, every cleaning note."""
    counts = rec["status"].value_counts()
    hitungan = ", ".join(f"{int(counts.get(s, 0))} {status_label(s, lang)}"
                         for s in STATUSES)
    checks, seen = [], set()
    for _, r in rec[rec["status"] != "match"].iterrows():
        key = (r["besaran"], _why(r, lang)[:60])
        if key in seen:
            continue
        seen.add(key)
        checks.append({"check": _text(r["check"]), "status": status_label(r["status"], lang), "why": _why(r, lang)})
        if len(seen) >= 6:
            break
    changes = [sentence("peringatan_rumus", lang, kode=_text(b["kode_indikator"]), tahun=_text(b["tahun_pertama_baru"]),
                        lama=_text(b["definisi_lama"]), baru=_text(b["definisi_baru"])) for _, b in breaks.iterrows()]
    return {"counts": sentence("ringkasan_rekonsiliasi", lang, hitungan=hitungan), "checks": checks,
            "formula_changes": changes, "notes": [_text(w) for w in warnings]}


def headline_warnings(rec, breaks, warnings, lang) -> str:
    return render("warnings.html", lang=lang, **_warnings(rec, breaks, warnings, lang))


def indicators(iku, sasaran, gaps, lang) -> str:
    rows = []
    for _, r in iku.iterrows():
        comp = (f"{fmt.angka(r['pembilang'], 0, lang)} / {fmt.angka(r['penyebut'], 0, lang)}"
                if pd.notna(r["pembilang"]) and pd.notna(r["penyebut"]) else fmt.MISSING)
        rows.append([r["kode_indikator"], r["nama"], r["polaritas"], _value(r, "target", lang),
                     _value(r, "realisasi", lang), comp, fmt.persen(r["capaian"], 2, lang),
                     fmt.persen(r["capaian_komponen"], 2, lang), fmt.persen(r["capaian_dilaporkan"], 0, lang),
                     r["kategori"]])
    out = [_table(t("kolom_iku", lang).split("|"), rows, "wide")]
    srows = [[("—" if pd.isna(s["sasaran_no"]) else int(s["sasaran_no"])), s["sasaran"], s["jumlah_iku"],
              fmt.persen(s["capaian"], 2, lang), fmt.persen(s["capaian_dari_dilaporkan"], 2, lang)]
             for _, s in sasaran.iterrows()]
    out.append(_table(["No", t("sasaran", lang), "IKU", t("capaian_sasaran", lang),
                       t("rata_rata_tercetak", lang)], srows))
    if len(gaps):
        grows = [[g["kode_indikator"], g["jenis_target"].replace("_", " "), fmt.persen(g["target"], 2, lang),
                  fmt.persen(g["realisasi"], 2, lang), fmt.poin(g["selisih_pp"], 2, lang),
                  fmt.angka(g["dibutuhkan_unit"], 0, lang), fmt.angka(g["pembilang"], 0, lang),
                  fmt.angka(g["kekurangan_unit"], 0, lang)] for _, g in gaps.iterrows()]
        out.append(_table([t("kode", lang), "Target", t("target", lang), t("realisasi", lang),
                           t("selisih", lang), t("perlu", lang), t("capai", lang),
                           t("kekurangan_unit", lang)], grows))
    return _tables(*out)


def budget_section(budget, efficiency, keluaran, lang) -> str:
    prog = budget[budget["tingkat"] == "program_sumber_dana"]
    rows = [[r["program_no"], r["nama"], r["sumber_dana"], fmt.rupiah(r["anggaran"], lang),
             fmt.rupiah(r["realisasi"], lang), fmt.persen(r["serapan"], 2, lang), r["kategori"]]
            for _, r in prog.iterrows()]
    out = [_table(["No", t("program", lang), t("sumber_dana", lang), t("pagu", lang), t("realisasi_anggaran", lang),
                   t("serapan", lang), t("kategori", lang)], rows, "wide")]
    grp = budget[budget["tingkat"].isin(["sumber_dana", "sasaran", "total"])]
    rows = []
    for _, r in grp.iterrows():
        what = {"sumber_dana": r["sumber_dana"], "total": "Total APBD",
                "sasaran": f"{t('sasaran', lang)} {r['sasaran_no']} ({r['atribusi'].replace('_', ' ')})"}[r["tingkat"]]
        rows.append([what, r["jumlah_program"], fmt.rupiah(r["anggaran"], lang), fmt.rupiah(r["realisasi"], lang),
                     fmt.persen(r["serapan"], 2, lang), fmt.persen(r["serapan_rata_rata"], 2, lang)])
    out.append(_table(["", t("program", lang), t("pagu", lang), t("realisasi_anggaran", lang),
                       t("serapan_tertimbang", lang), t("serapan_rata_rata", lang)], rows))
    rows = [[r["lingkup"] + (f" ({r['atribusi'].replace('_', ' ')})" if r["atribusi"] else ""),
             r["metode"].replace("_", " "),
             fmt.persen(r["capaian"], 2, lang), fmt.persen(r["serapan"], 2, lang),
             fmt.poin(r["efisiensi"], 1, lang) if r["satuan"] == "poin" else fmt.angka(r["efisiensi"], 2, lang),
             r["kategori"], r["rumus"]] for _, r in efficiency.iterrows()]
    out.append(_table(["", t("metode", lang), t("capaian", lang), t("serapan", lang), t("efisiensi", lang),
                       t("kategori", lang), t("rumus", lang)], rows, "wide"))
    if len(keluaran):
        rows = [[r["program_no"], r["keluaran"],
                 f"{fmt.angka(r['nilai'], 0, lang)}"
                 + (f" {t('dari', lang)} {fmt.angka(r['nilai_pembanding'], 0, lang)} {r['pembanding']}"
                    if pd.notna(r["nilai_pembanding"]) else ""),
                 fmt.persen(r["persen"], 1, lang), fmt.persen(r["serapan_program"], 2, lang)]
                for _, r in keluaran.iterrows()]
        out.append(_table(["No", t("keluaran", lang), t("nilai", lang), "%", t("serapan", lang)], rows))
    return _tables(*out)


def trends_section(trends, breaks, decomposition, lang) -> str:
    rows = []
    for _, r in trends.iterrows():
        val = (f"{r['predikat']} ({fmt.angka(r['realisasi'], 2, lang)})" if isinstance(r["predikat"], str)
               else fmt.persen(r["realisasi"], 2, lang))
        comp = r["sebanding_tahunan"]
        rows.append([r["kode_indikator"], r["tahun"], r["versi"], val,
                     fmt.poin(r["perubahan_tahunan_pp"], 2, lang),
                     fmt.perubahan_persen(r["perubahan_tahunan_persen"], 2, lang),
                     "" if comp is pd.NA or pd.isna(comp) else (t("ya", lang) if comp else t("tidak", lang))])
    series = _table([t("kode", lang), t("tahun", lang), t("versi", lang), t("realisasi", lang),
                     t("perubahan_tahunan", lang) + " (pp)", t("perubahan_tahunan", lang) + " (%)",
                     t("sebanding", lang)],
                    rows, "wide")
    notes = [{"code": _text(b["kode_indikator"]), "old_version": _text(b["versi_lama"]),
              "old_definition": _text(b["definisi_lama"]), "new_version": _text(b["versi_baru"]),
              "new_definition": _text(b["definisi_baru"]), "first_year": _text(b["tahun_pertama_baru"]),
              "sentence": _text(b["kalimat_sumber"])} for _, b in breaks.iterrows()]
    parts = []
    for _, d in decomposition.iterrows():
        common = {"kode": _text(d["kode_indikator"]), "tahun": _text(d["tahun"]),
                  "total": fmt.poin(d["perubahan_pp"], 2, lang)}
        if d["dapat_diurai"]:
            parts.append(sentence("dekomposisi_ada", lang, **common, rumus=fmt.poin(d["efek_rumus_pp"], 2, lang),
                                  kinerja=fmt.poin(d["efek_kinerja_pp"], 2, lang)))
        else:
            parts.append(sentence("dekomposisi_tidak", lang, **common, perlu=_text(d["komponen_dibutuhkan"])))
    return render("trends.html", lang=lang, series_table=series, breaks=notes, decomposition=parts)


def _why(r, lang) -> str:
    text = r.get("penjelasan") if lang == "id" else r.get("explanation")
    return "" if text is None or (isinstance(text, float) and text != text) else str(text)


def _unit(printed) -> str:
    """The unit a figure is printed in: ``"%"``, ``"rp"`` (rupiah) or ``""``."""
    text = str(printed).lower()
    return "%" if "%" in text else ("rp" if "rp" in text else "")


def _number(x, decimals: int, unit: str, lang: str, plus: bool = False) -> str:
    """``x`` in the report's number style: locale separators, ``decimals`` places, a true minus sign (``−``),
    ``+`` for a positive change when ``plus``; rupiah whole; ``unit`` ``%`` as `` %``."""
    if fmt.missing(x):
        return fmt.MISSING
    if unit == "rp":
        return ("−" if round(x) < 0 else "") + fmt.rupiah(abs(x), lang)
    body = fmt.angka(abs(x), decimals, lang)
    zero = not any(ch in "123456789" for ch in body)  # −0,00 prints as 0,00
    sign = "" if zero else ("−" if x < 0 else ("+" if plus and x > 0 else ""))
    return f"{sign}{body}" + (" %" if unit == "%" else "")


def _decimals(r) -> int:
    return printed_decimals(r["reported"])


def _change(r) -> bool:
    """A change figure (relative or in points): its sign is part of it, ``+`` included."""
    return r.get("besaran") in ("perubahan", "kemajuan")


def _printed(r, lang) -> str:
    """The printed figure as read (its sign included), in the report's style at the printed precision;
    a textual figure (a grade, a category) as printed."""
    v = r.get("reported_value")
    if fmt.missing(v):
        return _text(r["reported"])
    return _number(v, 0 if abs(v) >= 100_000 else _decimals(r), _unit(r["reported"]), lang, plus=_change(r))


def _same_quantity(r) -> bool:
    """Whether the row's ``recomputed`` (the primary, standard recomputation) is the quantity the report printed.

    ``method``: the printed figure is another quantity (a difference in percentage points printed as a change
    in %, a plain mean printed for a weighted one, the overall figure printed for a sasaran), which only the
    method the explanation names reproduces; ``not_comparable``: the same when the standard recomputation does
    not reproduce the figure. Every other status compares the same quantity (a wrong figure is still the same
    quantity)."""
    if r["status"] == "method":
        return False
    if r["status"] == "not_comparable":
        v, rep, d = r["recomputed"], r.get("reported_value"), _decimals(r)
        if fmt.missing(v) or fmt.missing(rep):
            return False
        return bool(equal_as_printed(v, rep, d) or equal_as_printed(v, rep, d, truncated=True))
    return True


def _recomputed_value(r, lang, decimals: int | None = None) -> str:
    """The standard recomputation in the printed figure's unit: two decimals more than printed (``decimals`` if
    given), as printed when it is a whole number (a count), whole rupiah for amounts."""
    v = r["recomputed"]
    if fmt.missing(v):
        return fmt.MISSING
    d = _decimals(r) + 2 if decimals is None else decimals
    if abs(v) >= 100_000 or float(v).is_integer():
        d = 0 if abs(v) >= 100_000 else _decimals(r)
    return _number(v, d, _unit(r["reported"]), lang, plus=_change(r))


def _recomputed(r, lang) -> str:
    """The recomputed value beside the printed one — only when it is the same quantity; else the em dash."""
    return _recomputed_value(r, lang) if _same_quantity(r) else fmt.MISSING


def _explained(r, lang):
    """The explanation; where the printed figure is another quantity than the standard recomputation, that
    recomputation is named after it, apart from the side-by-side columns."""
    why = _why(r, lang)
    if _same_quantity(r) or fmt.missing(r["recomputed"]):
        return why
    return Markup("{} <span class=\"recon-standard\">{}</span>").format(
        why, sentence("rekonsiliasi_standar", lang, nilai=_recomputed_value(r, lang, 2)))


def _titles(rec) -> pd.Series:
    """Each row's table as the report titles it (its section), else the title of another row from the same
    file, else the file name."""
    sec = rec["section"] if "section" in rec else pd.Series("", index=rec.index)
    sec = sec.fillna("").astype(str).str.strip()
    known = {tb: s for tb, s in zip(rec["tabel"], sec, strict=True) if s}
    return pd.Series([s or known.get(tb, tb) for tb, s in zip(rec["tabel"], sec, strict=True)], index=rec.index)


def _first_line(x) -> float:
    digits = "".join(ch if ch.isdigit() else " " for ch in str(x)).split()
    return float(digits[0]) if digits else float("inf")


def _ordered(rec):
    """Non-match rows first (findings first, as :data:`STATUS_ORDER`), then by table title and source line."""
    rec = rec.assign(_title=_titles(rec), _o=rec["status"].map(STATUS_ORDER).fillna(len(STATUS_ORDER)),
                     _line=rec["baris_sumber"].map(_first_line))
    return rec.sort_values(["_o", "_line"], kind="stable")


def reconciliation_section(rec, lang) -> str:
    """Findings first, each with its printed and recomputed value of the same quantity; the matches as a
    count per table of the report (their full list is :func:`reconciliation_appendix`)."""
    rec = _ordered(rec)
    found, matched = rec[rec["status"] != "match"], rec[rec["status"] == "match"]
    rows = [{"check": _text(r["check"]), "title": _text(r["_title"]), "line": _text(r["baris_sumber"]),
             "printed": _printed(r, lang),
             "recomputed": _recomputed(r, lang), "status": status_label(r["status"], lang),
             "why": _explained(r, lang)} for _, r in found.iterrows()]
    by_title = matched.groupby("_title", sort=False).agg(n=("status", "size"), line=("_line", "min"))
    by_title = by_title.sort_values("line", kind="stable")
    counts = _table([t("rekonsiliasi_tabel_laporan", lang), t("rekonsiliasi_jumlah_cocok", lang)],
                    [[title, int(n)] for title, n in by_title["n"].items()]
                    + ([["Total", len(matched)]] if len(by_title) > 1 else []), "recon-counts")
    return render("reconciliation.html", part="section", lang=lang, n_found=len(found), n_match=len(matched),
                  findings=rows, counts=counts if len(matched) else None)


def reconciliation_appendix(rec, lang) -> str:
    """The full list of matching figures, grouped by table of the report, at the end of the report: collapsed
    (``<details>``) on screen, open in print (the PDF's appendix). Empty when nothing matched."""
    rec = _ordered(rec)
    matched = rec[rec["status"] == "match"]
    if not len(matched):
        return ""
    order = matched.groupby("_title", sort=False)["_line"].min().sort_values(kind="stable").index
    groups = [{"title": title, "rows": [{"check": _text(r["check"]), "line": _text(r["baris_sumber"]),
                                         "printed": _printed(r, lang), "recomputed": _recomputed(r, lang)}
                                        for _, r in matched[matched["_title"] == title]
                                        .sort_values("_line", kind="stable").iterrows()]}
              for title in order]
    return render("reconciliation.html", part="appendix", lang=lang, n_match=len(matched), groups=groups)


def resources_section(tables, lang) -> str:
    out = []
    peg = tables.get("pegawai")
    if peg is not None:
        by = peg.groupby("jenjang_pendidikan", sort=False)["jumlah"].sum()
        byj = peg.groupby("jabatan", sort=False)["jumlah"].sum()
        out.append(_table([t("jenjang", lang), t("jumlah", lang)], [[k, int(v)] for k, v in by.items()]
                          + [["Total", int(by.sum())]]))
        out.append(_table([t("jabatan", lang), t("jumlah", lang)],
                          [[k.replace("_", " ").title(), int(v)] for k, v in byj.items()]))
    fm = tables.get("formasi_pegawai")
    if fm is not None:
        out.append(_table([t("jabatan", lang), t("formasi", lang), t("kebutuhan", lang), t("kekurangan", lang)],
                          [[r["jabatan"], r["formasi"], r["kebutuhan"], r["kekurangan"]] for _, r in fm.iterrows()]
                          + [["Total", int(fm["formasi"].sum()), int(fm["kebutuhan"].sum()),
                              int(fm["kekurangan"].sum())]]))
    ak = tables.get("aset_kondisi")
    if ak is not None and len(ak):
        by = ak.groupby("kondisi")["jumlah"].sum()
        out.append(_table([t("kondisi", lang), t("jumlah", lang)], [[k, int(v)] for k, v in by.items()]))
        dmg = ak[ak["kondisi"] != "Baik"].merge(tables["aset"][["aset_id", "nama_barang", "jumlah"]], on="aset_id",
                                                suffixes=("", "_total"))
        if len(dmg):
            out.append(_table([t("barang", lang), t("kondisi", lang), t("jumlah", lang)],
                              [[r["nama_barang"], r["kondisi"], f"{r['jumlah']} / {r['jumlah_total']}"]
                               for _, r in dmg.iterrows()]))
    return _tables(*out)


def provenance_section(info, definitions, lang) -> str:
    meta = info.get("meta", {})
    read = _table([t("berkas", lang), t("bagian", lang), t("baris", lang), t("baris_data", lang)],
                  [[r["berkas"], r["bagian"], r["baris_sumber"], r["baris"]] for r in info.get("tables_read", [])],
                  "wide")
    rows = [[d["kode_indikator"], d["versi"],
             f"{d['berlaku_dari']}–{'' if pd.isna(d['berlaku_sampai']) else d['berlaku_sampai']}",
             f"{d['pembilang']} / {d['penyebut']}" if d["penyebut"] else d["pembilang"], d["polaritas"],
             d["kalimat_sumber"]] for _, d in definitions.iterrows()]
    defs = _table([t("kode", lang), t("versi", lang), t("berlaku", lang), t("definisi", lang),
                   t("polaritas", lang), t("kalimat", lang)], rows, "wide")
    return render("provenance.html", lang=lang, agency=meta.get("nama_instansi", ""),
                  title=meta.get("judul_laporan", ""), source_file=meta.get("berkas_sumber", ""),
                  sha256=meta.get("sha256_sumber", "")[:16], tables=[read, defs])
