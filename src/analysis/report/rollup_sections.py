"""HTML of the national roll-up's sections (``notebooks/05-rollup.ipynb`` only calls them), from the roll-up's
tables (:mod:`analysis.rollup.rollup`): labels from :mod:`.labels`, numbers through :mod:`.fmt`, names as the
agencies print them; no identifier reaches the page.
"""
from __future__ import annotations

from ..ingest.stated import DECLARED
from . import fmt
from .labels import t
from .render import render
from .sections import contents, section, table

#: the roll-up's sections: (anchor, label key)
CONTENTS = [("ringkasan", "ru_ringkasan"), ("indikator", "ru_indikator"), ("serapan", "ru_serapan_capaian"),
            ("efisiensi", "ru_efisiensi"), ("rekonsiliasi", "ru_rekonsiliasi"), ("definisi", "ru_varian"),
            ("perubahan", "ru_perubahan"), ("nasional", "ru_nasional"), ("metode", "ru_metode")]
#: a table longer than this shows its first rows and says where the rest is
MAX_ROWS = 40
#: what changed in a definition, in words (the definition's columns)
PARTS = {"komponen_pembilang": "ru_bagian_pembilang", "komponen_penyebut": "ru_bagian_penyebut",
         # the words alone (a break found in the reports' text): the same part, as the reader sees it
         "pembilang": "ru_bagian_pembilang", "penyebut": "ru_bagian_penyebut",
         "faktor": "ru_bagian_faktor", "satuan": "ru_bagian_satuan", "polaritas": "ru_bagian_polaritas",
         "konvensi_negatif": "ru_bagian_konvensi", "metode_capaian": "ru_bagian_konvensi"}
METHODS = {"selisih_tertimbang": "ru_selisih_tertimbang", "selisih_rata_rata": "ru_selisih_rata_rata",
           "rasio": "ru_rasio"}


def _names(r: dict) -> dict[str, str]:
    ay = r["agency_years"]
    return dict(zip(ay["agency"], ay["nama_instansi"], strict=True))


def _limited(rows: list[list], lang: str) -> tuple[list[list], str]:
    """At most :data:`MAX_ROWS` rows, and the sentence saying how many more the CSV holds."""
    if len(rows) <= MAX_ROWS:
        return rows, ""
    return rows[:MAX_ROWS], t("ru_baris_lain", lang).format(n=fmt.angka(len(rows) - MAX_ROWS, 0, lang))


def _table(header, rows, lang, caption, empty: str) -> str:
    """The table, or when it has no row the sentence ``empty`` saying why (``""``: nothing at all)."""
    rows, more = _limited(rows, lang)
    if not rows:
        return render("rollup_points.html", items=[], paragraphs=[empty]) if empty else ""
    return table(header, rows, caption=caption) + (render("rollup_points.html", items=[], paragraphs=[more])
                                                   if more else "")


def _years(values) -> str:
    ys = sorted({int(y) for y in values})
    return "" if not ys else (str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}")


def head(r: dict, lang: str) -> str:
    ay = r["agency_years"]
    scope = t("ru_cakupan", lang).format(instansi=fmt.angka(ay["agency"].nunique(), 0, lang),
                                         tahun_ay=fmt.angka(len(ay), 0, lang), tahun=_years(ay["tahun"]))
    return (render("rollup_head.html", lang=lang, synthetic=bool(ay["sintetis"].any()), scope=scope)
            + contents(lang, CONTENTS))


def summary(r: dict, lang: str) -> str:
    f, rec = r["findings"], r["reconciliation"]
    a = lambda x: fmt.angka(x, 0, lang)  # noqa: E731
    items = [t("ru_temuan_angka", lang).format(n=a(len(f)), m=a(len(rec)), a=a(f["agency"].nunique())),
             t("ru_temuan_varian", lang).format(n=a(r["variants"]["kode_indikator"].nunique())),
             t("ru_temuan_rumus", lang).format(n=a(len(r["formula_changes"])),
                                               a=a(r["formula_changes"]["agency"].nunique())),
             t("ru_temuan_standar", lang).format(n=a(len(r["below_standard"])))]
    return section("ru_ringkasan", lang, "ringkasan") + render("rollup_points.html", items=items, paragraphs=[])


def _spread(q1, median, q3, lang, unit) -> str:
    one = (lambda x: fmt.persen(x, 2, lang)) if unit == "%" else (lambda x: fmt.dalam_satuan(x, unit, lang))
    return f"{one(median)} ({one(q1)} – {one(q3)})"


def indicators(r: dict, lang: str) -> str:
    d = r["distributions"]
    rows = [[x["nama"], x["rumus"], x["tahun"], fmt.angka(x["instansi"], 0, lang),
             _spread(x["realisasi_q1"], x["realisasi_median"], x["realisasi_q3"], lang, x["satuan"]),
             _spread(x["capaian_q1"], x["capaian_median"], x["capaian_q3"], lang, "%"),
             fmt.dalam_satuan(x["standar_nasional"], x["satuan"], lang),
             f"{fmt.angka(x['di_bawah_standar'], 0, lang)} / {fmt.angka(x['dengan_standar'], 0, lang)}"]
            for _, x in d.sort_values(["nama", "rumus", "tahun"]).iterrows()]
    header = [t("indikator_kolom", lang), t("ru_rumus", lang), t("tahun", lang), t("ru_instansi", lang),
              f"{t('realisasi', lang)}: {t('ru_median', lang)}", f"{t('capaian', lang)}: {t('ru_median', lang)}",
              t("ru_standar", lang), t("ru_di_bawah", lang)]
    return section("ru_indikator", lang, "indikator") + _table(header, rows, lang, t("ru_cap_indikator", lang),
                                                               t("ru_kosong_indikator", lang))


def absorption(r: dict, lang: str) -> str:
    ay = r["agency_years"].dropna(subset=["serapan", "capaian_rata_rata"])
    ay = ay.sort_values(["efisiensi_tertimbang", "nama_instansi"], ascending=[False, True])
    rows = [[x["nama_instansi"], x["tahun"], fmt.persen(x["capaian_rata_rata"], 2, lang),
             fmt.persen(x["serapan"], 2, lang), fmt.poin(x["efisiensi_tertimbang"], 2, lang)]
            for _, x in ay.iterrows()]
    header = [t("ru_instansi_kolom", lang), t("tahun", lang), t("capaian", lang), t("serapan_tertimbang", lang),
              t("ru_selisih_tertimbang", lang)]
    return section("ru_serapan_capaian", lang, "serapan") + _table(header, rows, lang, t("ru_cap_serapan", lang),
                                                                   t("ru_kosong_serapan", lang))


def efficiency(r: dict, lang: str) -> str:
    e = r["efficiency_summary"]

    def one(x, v):
        return fmt.angka(v, 3, lang) if x["metode"] == "rasio" else fmt.poin(v, 2, lang)
    rows = [[t(METHODS[x["metode"]], lang), x["tahun"], fmt.angka(x["instansi"], 0, lang),
             f"{one(x, x['median'])} ({one(x, x['q1'])} – {one(x, x['q3'])})"] for _, x in e.iterrows()]
    header = [t("metode", lang), t("tahun", lang), t("ru_instansi", lang), f"{t('efisiensi', lang)}: "
              f"{t('ru_median', lang)}"]
    return section("ru_efisiensi", lang, "efisiensi") + _table(header, rows, lang, t("ru_cap_efisiensi", lang),
                                                               t("ru_kosong_efisiensi", lang))


def _figure(check: str, kind: str, lang: str, names: dict[str, str]) -> str:
    """A finding's figure in words: its kind, and the indicator's name or the programme's number."""
    label = t(f"ru_jenis_{kind}", lang)
    subject = check.split(" ", 1)[1] if kind in ("realisasi", "capaian") else ""
    if kind == "serapan":
        return f"{label} {check.rsplit(' ', 1)[1]}"
    return f"{label}: {names.get(subject, subject)}" if subject else label


def reconciliation(r: dict, lang: str) -> str:
    names = _names(r)
    iku_names = dict(zip(r["iku"]["kode_indikator"], r["iku"]["nama"], strict=True))
    per = r["findings_per_agency"]
    per = per[per["tidak_cocok"] > 0]
    kinds = [k for k in ("realisasi", "capaian", "serapan", "capaian_rata_rata", "serapan_rata_rata", "efisiensi")
             if k in per.columns]
    rows = [[names.get(x["agency"], x["agency"]), fmt.angka(x["diperiksa"], 0, lang),
             fmt.angka(x["tidak_cocok"], 0, lang), *[fmt.angka(x[k], 0, lang) for k in kinds]]
            for _, x in per.iterrows()]
    header = [t("ru_instansi_kolom", lang), t("ru_diperiksa", lang), t("ru_tidak_cocok", lang),
              *[t(f"ru_jenis_{k}", lang) for k in kinds]]
    f = r["findings"]
    detail = [[names.get(x["agency"], x["agency"]), x["tahun"], _figure(x["check"], x["kind"], lang, iku_names),
               fmt.angka(x["reported"], 2, lang), fmt.angka(x["recomputed"], 2, lang)] for _, x in f.iterrows()]
    dheader = [t("ru_instansi_kolom", lang), t("tahun", lang), t("ru_angka", lang), t("ru_tercetak", lang),
               t("ru_dihitung", lang)]
    none = t("ru_kosong_rekonsiliasi", lang).format(n=fmt.angka(len(r["reconciliation"]), 0, lang))
    return (section("ru_rekonsiliasi", lang, "rekonsiliasi")
            + _table(header, rows, lang, t("ru_cap_per_instansi", lang), none)
            + _table(dheader, detail, lang, t("ru_cap_temuan", lang), ""))


def variants(r: dict, lang: str) -> str:
    v = r["variants"]
    names = _names(r)
    rows = [[x["nama"], f"{x['pembilang']} / {x['penyebut']}" if x["penyebut"] else x["pembilang"],
             fmt.angka(x["instansi"], 0, lang),
             ", ".join(names.get(a, a) for a in x["daftar_instansi"].split(", ")[:5])
             + (" …" if x["instansi"] > 5 else "")] for _, x in v.iterrows()]
    header = [t("indikator_kolom", lang), t("ru_rumus", lang), t("ru_instansi", lang), t("ru_instansi_kolom", lang)]
    return section("ru_varian", lang, "definisi") + _table(header, rows, lang, t("ru_cap_varian", lang),
                                                             t("ru_kosong_varian", lang))


def formula_changes(r: dict, lang: str) -> str:
    c = r["formula_changes"]
    names = _names(r)
    rows = [[names.get(x["agency"], x["agency"]), x["nama"], x["tahun_pertama_baru"],
             ", ".join(dict.fromkeys(t(PARTS[p], lang) for p in x["yang_berubah"].split(", ") if p in PARTS)),
             x["rumus_lama"], x["rumus_baru"], t(f"ru_asal_{x.get('asal', DECLARED)}", lang)] for _, x in c.iterrows()]
    header = [t("ru_instansi_kolom", lang), t("indikator_kolom", lang), t("ru_mulai", lang),
              t("ru_yang_berubah", lang), t("ru_rumus_lama", lang), t("ru_rumus_baru", lang), t("ru_asal", lang)]
    return section("ru_perubahan", lang, "perubahan") + _table(header, rows, lang, t("ru_cap_perubahan", lang),
                                                                 t("ru_kosong_perubahan", lang))


def national(r: dict, lang: str) -> str:
    b = r["below_standard"].sort_values(["kekurangan_unit", "agency"], ascending=[False, True], na_position="last")
    names = _names(r)
    rows = [[names.get(x["agency"], x["agency"]), x["tahun"], x["nama"], fmt.persen(x["realisasi"], 2, lang),
             fmt.persen(x["target_nasional"], 2, lang), fmt.poin(x["selisih_pp"], 2, lang),
             fmt.angka(x["kekurangan_unit"], 0, lang)] for _, x in b.iterrows()]
    header = [t("ru_instansi_kolom", lang), t("tahun", lang), t("indikator_kolom", lang), t("realisasi", lang),
              t("ru_standar", lang), t("ru_selisih", lang), t("ru_kurang_unit", lang)]
    return section("ru_nasional", lang, "nasional") + _table(header, rows, lang, t("ru_cap_nasional", lang),
                                                               t("ru_kosong_nasional", lang))


def method(lang: str) -> str:
    return section("ru_metode", lang, "metode") + render("rollup_points.html", items=[],
                                                         paragraphs=[t("ru_metode_teks", lang)])


def latest_year(r: dict) -> int | None:
    years = r["agency_years"]["tahun"]
    return int(years.max()) if len(years) else None

