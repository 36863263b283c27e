"""Several report years in words: where each trend figure comes from, and each past figure a later report
restates (both values, both sources, the difference, which one the trend uses)."""
from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from ..ingest.definitions import latest_of_each
from . import fmt
from .labels import t
from .render import sentence
from .vocabulary import changed_parts


def several_reports(trends: pd.DataFrame | None) -> bool:
    """The trend joins figures of more than one report (then each row shows its report)."""
    return trends is not None and "laporan_tahun" in trends and trends["laporan_tahun"].nunique() > 1


def source(report_year, line, lang: str) -> str:
    """``LKj 2015, baris 8``: the report and line a figure is printed on."""
    if fmt.missing(report_year):
        return fmt.MISSING
    if fmt.missing(line) or not str(line):
        return str(sentence("laporan_tahun", lang, tahun=int(report_year)))
    return str(sentence("laporan_baris", lang, tahun=int(report_year), baris=fmt.lines(line)))


def _value(v, grade, unit, lang: str) -> str:
    if isinstance(grade, str):
        return grade if fmt.missing(v) else f"{grade} ({fmt.angka(v, 2, lang)})"
    return fmt.dalam_satuan(v, unit, lang)


def _difference(d, unit, lang: str) -> str:
    if fmt.missing(d):
        return fmt.MISSING
    if not unit or str(unit).strip() == "%":
        return fmt.poin(d, 2, lang)
    return ("+" if d > 0 else "") + fmt.dalam_satuan(d, unit, lang)


def restatement_sentences(restatements: pd.DataFrame | None, definitions: pd.DataFrame | None,
                          lang: str) -> list[Markup]:
    """One sentence per restated figure: what the first report printed and where, what the later one prints
    and where, the difference, and which figure the trend uses."""
    if restatements is None or not len(restatements):
        return []
    units = latest_of_each(definitions, "satuan")
    out = []
    for _, r in restatements.iterrows():
        unit = units.get(r["kode_indikator"])
        s = sentence("temuan_ulang", lang, nama=str(r["nama"]), tahun=int(r["tahun"]),
                     pertama=source(r["laporan_pertama"], r["baris_pertama"], lang),
                     nilai_pertama=_value(r["nilai_pertama"], r["predikat_pertama"], unit, lang),
                     ulang=source(r["laporan_ulang"], r["baris_ulang"], lang),
                     nilai_ulang=_value(r["nilai_ulang"], r["predikat_ulang"], unit, lang),
                     selisih=_difference(r["selisih"], unit, lang), dipakai=int(r["laporan_dipakai"]))
        if bool(r["hanya_pembulatan"]):
            s += Markup(" ") + Markup(t("ulang_pembulatan", lang))
        if bool(r["rumus_berubah"]):
            s += Markup(" ") + sentence("ulang_rumus", lang, tahun=int(r["tahun"]), ulang=int(r["laporan_ulang"]))
        out.append(s)
    return out


def joined_note(trends: pd.DataFrame | None, restatements: pd.DataFrame | None, lang: str) -> Markup | None:
    """The one line saying which reports the trend joins, and that none restates a figure (when none does)."""
    if not several_reports(trends):
        return None
    years = sorted(int(y) for y in trends["laporan_tahun"].unique())
    listed = ", ".join(str(y) for y in years)
    key = "gabungan_ulang" if restatements is not None and len(restatements) else "gabungan_tanpa_ulang"
    return sentence(key, lang, laporan=listed)


def found_in_text(b, lang: str) -> Markup | None:
    """For a series break found in the reports' text (``asal`` ``laporan``): the sentence naming both reports,
    their lines and both wordings; None for a declared break."""
    if b.get("asal") != "laporan":
        return None
    return sentence("putus_dari_teks", lang, lama=source(b["laporan_lama"], b["baris_lama"], lang),
                    baru=source(b["laporan_baru"], b["baris_baru"], lang), definisi_lama=str(b["definisi_lama"]),
                    definisi_baru=str(b["definisi_baru"]), berubah=changed_parts(b["yang_berubah"], lang))
