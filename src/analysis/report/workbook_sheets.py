"""What each sheet of the results workbook holds: its processed table, and its columns in the reader's words.

A sheet is a :class:`Sheet`: the processed table it shows, the output of :mod:`analysis.needs` whose note says why
it is absent, and its columns (:class:`Col`: the report's label as header, a function giving the cell of a row).
A cell is empty (None), text, or a number with its Excel number format (US codes: ``0.00%``, ``"Rp" #,##0``):
a percentage is a fraction (``96.17`` -> ``0.9617`` shown ``96,17 %``), rupiah whole, a difference of
percentages a number of percentage points. Values in words come from :mod:`.vocabulary`, as in the report.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..ingest.units import unit_of
from . import fmt, restated
from . import vocabulary as vocab
from .budget_lines import _level
from .labels import t
from .readable import readable_reconciliation
from .reconciliation import _decimals, _ordered, _same_quantity, _unit
from .sections import _group_label, _why

#: the processed tables the workbook reads (any may be missing)
TABLES = ("iku", "capaian_sasaran", "budget", "anggaran_rinci", "efficiency", "efficiency_ratios", "reconciliation",
          "trends", "restatements", "breaks", "definisi_indikator")
#: Excel number formats: a percentage (of a fraction), rupiah, a year, a whole number, percentage points (signed)
PERCENT, RUPIAH, YEAR, WHOLE, POINTS = "0.00%", '"Rp" #,##0', "0", "#,##0", "+0.00;-0.00;0.00"


# ------------------------------------------------------------------------------------------- cell values
# a cell is None (empty), text, or (number, Excel number format)

def _pct(x, code: str = PERCENT):
    return None if fmt.missing(x) else (float(x) / 100, code)


def _num(x, code: str):
    return None if fmt.missing(x) else (float(x), code)


def _decimal_code(decimals: int, thousands: bool = True) -> str:
    base = "#,##0" if thousands else "0"
    return base + ("." + "0" * decimals if decimals > 0 else "")


def _plain(x):
    """A number as it is: whole without decimals, else two."""
    return None if fmt.missing(x) else (float(x), WHOLE if float(x).is_integer() else _decimal_code(2))


def _in_unit(x, satuan, percent: str = PERCENT):
    """A target or realisation in its indicator's unit: a percentage (in format ``percent``), rupiah, or a plain
    number (a count, an index, a score)."""
    if fmt.missing(x):
        return None
    kind = unit_of(satuan if isinstance(satuan, str) and satuan else "%").kind
    return _pct(x, percent) if kind == "persen" else _num(x, RUPIAH) if kind == "rupiah" else _plain(x)


def _year(x):
    return None if fmt.missing(x) else (int(x), YEAR)


def text_cell(x):
    """Text as it is; empty for a missing value or an empty text."""
    return None if fmt.missing(x) or x == "" else str(x)


@dataclass(frozen=True)
class Col:
    """A column of a sheet: its header and the cell of a row; ``optional``: left out when empty in every row."""

    header: str
    cell: Callable[[dict], object]
    optional: bool = False


# ------------------------------------------------------------------------------------------- the sheets

def _iku(tb, lang):
    iku = tb["iku"]
    heads = t("kolom_iku", lang).split("|")  # the report's IKU table headers

    def value(what, percent=PERCENT):
        return lambda r: _in_unit(r[what], r["satuan"], percent)

    return [Col(t("kode", lang), lambda r: text_cell(r["kode_indikator"])),
            Col(f"{t('sasaran', lang)} No", lambda r: _num(r["sasaran_no"], WHOLE)),
            Col(t("indikator_kolom", lang), lambda r: text_cell(r["nama"])),
            Col(t("polaritas", lang), lambda r: vocab.polarity(r["polaritas"], lang)),
            Col(t("satuan", lang), lambda r: text_cell(r["satuan"])),
            Col(t("target", lang), value("target")),
            Col(t("target_atas", lang), lambda r: _in_unit(r.get("target_atas"), r["satuan"]), True),
            Col(t("target_predikat", lang), lambda r: text_cell(r["target_predikat"]), True),
            Col(t("realisasi", lang), value("realisasi")),
            Col(t("realisasi_predikat", lang), lambda r: text_cell(r["realisasi_predikat"]), True),
            Col(t("pembilang", lang), lambda r: _plain(r["pembilang"])),
            Col(t("penyebut", lang), lambda r: _plain(r["penyebut"])),
            # unrounded: four decimals show why a capaian from components differs (0,0798 % printed 0,08 %)
            Col(t("realisasi_komponen", lang), value("realisasi_komponen", "0.0000%")),
            Col(t("metode", lang), lambda r: text_cell(r.get("metode_capaian"))),
            Col(t("batas_capaian", lang), lambda r: _pct(r.get("batas_capaian")), True),
            Col(heads[6], lambda r: _pct(r["capaian"])),
            Col(heads[7], lambda r: _pct(r["capaian_komponen"])),
            Col(heads[8], lambda r: _pct(r["capaian_dilaporkan"])),
            Col(t("kategori", lang), lambda r: text_cell(vocab.category(r["kategori"], lang)))], iku


def _goals(tb, lang):
    overall = t("semua_sasaran", lang)
    return [Col("No", lambda r: _num(r["sasaran_no"], WHOLE)),
            Col(t("sasaran", lang), lambda r: overall if fmt.missing(r["sasaran_no"]) else text_cell(r["sasaran"])),
            Col(t("iku", lang), lambda r: _num(r["jumlah_iku"], WHOLE)),
            Col(t("capaian_sasaran", lang), lambda r: _pct(r["capaian"])),
            Col(t("rata_rata_tercetak", lang), lambda r: _pct(r["capaian_dari_dilaporkan"])),
            Col(t("batas_capaian", lang), lambda r: _pct(r.get("batas_atas")), True)], tb["capaian_sasaran"]


def _budget_name(r, lang):
    if r["tingkat"] in ("program", "program_sumber_dana", "rincian") and isinstance(r["nama"], str):
        return r["nama"]
    return text_cell(_group_label(r, lang))


def _budget(tb, lang):
    def level(r):
        s = vocab.budget_level(r["tingkat"], lang)
        return s[:1].upper() + s[1:]

    return [Col(t("tingkat", lang), level),
            Col("No", lambda r: _num(r["program_no"], WHOLE)),
            Col(t("nama", lang), lambda r: _budget_name(r, lang)),
            Col(t("sumber_dana", lang), lambda r: text_cell(r["sumber_dana"])),
            Col(f"{t('sasaran', lang)} No", lambda r: _num(r["sasaran_no"], WHOLE)),
            Col(t("pagu", lang), lambda r: _num(r["anggaran"], RUPIAH)),
            Col(t("realisasi_anggaran", lang), lambda r: _num(r["realisasi"], RUPIAH)),
            Col(t("serapan_tertimbang", lang), lambda r: _pct(r["serapan"])),
            Col(t("serapan_rata_rata", lang), lambda r: _pct(r["serapan_rata_rata"])),
            Col(t("program", lang), lambda r: _num(r["jumlah_program"], WHOLE)),
            Col(t("kategori", lang), lambda r: text_cell(vocab.category(r["kategori"], lang)))], tb["budget"]


def _lines(tb, lang):
    def share(r):
        ok = not fmt.missing(r["anggaran"]) and r["anggaran"] and not fmt.missing(r["realisasi"])
        return _pct(r["realisasi"] / r["anggaran"] * 100) if ok else None

    def label(r):  # the pipeline's sum of the top rows is no printed row
        return t("total_dihitung", lang) if r["tingkat"] == "total" and fmt.missing(r["baris_raw"]) else text_cell(
            r["uraian"])

    return [Col(t("rincian", lang), lambda r: text_cell(r["jalur"])),
            Col(t("tingkat", lang), lambda r: _level(r["tingkat"], lang)),
            Col(t("uraian", lang), label),
            Col(t("sumber_dana", lang), lambda r: text_cell(r["sumber_dana"])),
            Col(t("pagu", lang), lambda r: _num(r["anggaran"], RUPIAH)),
            Col(t("realisasi_anggaran", lang), lambda r: _num(r["realisasi"], RUPIAH)),
            Col(t("persen_dihitung", lang), share),
            Col(t("baris", lang), lambda r: text_cell(r["baris_sumber"]))], tb["anggaran_rinci"]


def _efficiency(tb, lang):
    def value(r):  # percentage points, or a ratio
        return _num(r["efisiensi"], POINTS if r["satuan"] == "poin" else _decimal_code(2))

    def unit(r):
        return {"poin": t("poin_persentase", lang), "rasio": t("rasio", lang)}.get(r["satuan"], text_cell(r["satuan"]))

    return [Col(t("lingkup", lang), lambda r: vocab.scope(r["lingkup"], r["atribusi"], lang)),
            Col(t("metode", lang), lambda r: vocab.method(r["metode"], lang)),
            Col(t("capaian", lang), lambda r: _pct(r["capaian"])),
            Col(t("serapan", lang), lambda r: _pct(r["serapan"])),
            Col(t("efisiensi", lang), value), Col(t("satuan", lang), unit),
            Col(t("kategori", lang), lambda r: text_cell(vocab.category(r["kategori"], lang))),
            Col(t("rumus", lang), lambda r: vocab.formula(r["metode"], r["rumus"], lang))], tb["efficiency"]


def _ratios(tb, lang):
    return [Col(t("sasaran", lang), lambda r: f"{int(r['sasaran_no'])}. {r['sasaran']}"),
            Col(t("masukan", lang), lambda r: vocab.input_name(r["masukan"], lang)),
            Col(t("capaian_masukan", lang), lambda r: _pct(r["capaian_masukan"])),
            Col(t("capaian_keluaran", lang), lambda r: _pct(r["capaian_keluaran"])),
            Col(t("efisiensi_ie", lang), lambda r: _pct(r["efisiensi"])),
            Col(t("kategori", lang), lambda r: text_cell(vocab.category(r["kategori"], lang))),
            Col(t("baris", lang), lambda r: text_cell(r["baris_sumber"]))], tb["efficiency_ratios"]


def _restatements(tb, lang):
    units = _units(tb)
    return [Col(t("kode", lang), lambda r: text_cell(r["kode_indikator"])),
            Col(t("tahun", lang), lambda r: _year(r["tahun"])),
            Col(t("xl_laporan_pertama", lang), lambda r: _year(r["laporan_pertama"])),
            Col(t("xl_nilai_pertama", lang), lambda r: _in_unit(r["nilai_pertama"], units.get(r["kode_indikator"]))),
            Col(t("xl_laporan_ulang", lang), lambda r: _year(r["laporan_ulang"])),
            Col(t("xl_nilai_ulang", lang), lambda r: _in_unit(r["nilai_ulang"], units.get(r["kode_indikator"]))),
            Col(t("xl_laporan_dipakai", lang), lambda r: _year(r["laporan_dipakai"]))], tb["restatements"]


def _figure(x, r, decimals: int):
    """A reconciled figure in its printed unit: a percentage, rupiah, or a number at ``decimals`` places."""
    if fmt.missing(x):
        return None
    unit = _unit(r["reported"])
    if unit == "rp":
        return float(x), RUPIAH
    if unit == "%":
        return float(x) / 100, _decimal_code(decimals, False) + "%"
    return float(x), _decimal_code(decimals)


def _reconciliation(tb, lang):
    iku, budget, info = tb.get("iku"), tb.get("budget"), tb["_info"]
    rec = readable_reconciliation(tb["reconciliation"], lang, iku, budget, info.get("tables_read", []),
                                  tb.get("anggaran_rinci"))
    rec = _ordered(rec)  # findings first (mismatch, not comparable, …), then the matches; by source line

    def recomputed(r):  # beside the printed figure only when it is the same quantity (as the report shows it)
        if not _same_quantity(r) or fmt.missing(r["recomputed"]):
            return None
        whole = float(r["recomputed"]).is_integer()
        return _figure(r["recomputed"], r, _decimals(r) if whole else _decimals(r) + 2)

    def why(r):
        text = _why(r, lang)
        if not _same_quantity(r) and not fmt.missing(r["recomputed"]):
            shown = fmt.persen(r["recomputed"], 2, lang) if _unit(r["reported"]) == "%" else fmt.angka(
                r["recomputed"], 2, lang)
            text = (text if not text or text.endswith(".") else text + ".") + " " + t(
                "rekonsiliasi_standar", lang).format(nilai=shown)
        return text.strip() or None

    return [Col(t("pemeriksaan", lang), lambda r: text_cell(r["check"])),
            Col(t("rekonsiliasi_tabel_laporan", lang), lambda r: text_cell(r["_title"])),
            Col(t("baris", lang), lambda r: text_cell(r["baris_sumber"])),
            Col(t("realisasi_dilaporkan_teks", lang), lambda r: text_cell(r["reported"])),
            Col(t("nilai_dilaporkan", lang), lambda r: _figure(r["reported_value"], r, _decimals(r))),
            Col(t("dihitung", lang), recomputed),
            Col(t("status", lang), lambda r: t(f"status_{r['status']}", lang)),
            Col(t("penjelasan", lang), why)], rec


def _units(tb) -> dict:
    """(indicator, definition version) -> its unit."""
    d = tb.get("definisi_indikator")
    if d is None or "satuan" not in d:
        return {}
    return {(k, int(v)): s for k, v, s in zip(d["kode_indikator"], d["versi"], d["satuan"], strict=True)}


def _trends(tb, lang):
    units = _units(tb)
    names = dict(zip(tb["iku"]["kode_indikator"], tb["iku"]["nama"], strict=True)) if "iku" in tb else {}

    def unit(r):
        return units.get((r["kode_indikator"], int(r["versi"]))) if not fmt.missing(r["versi"]) else None

    def value(what):  # a graded indicator's realisation is its score; a table without targets has no target column
        return lambda r: _plain(r.get(what)) if isinstance(r["predikat"], str) else _in_unit(r.get(what), unit(r))

    def comparable(r):
        c = r["sebanding_tahunan"]
        return None if fmt.missing(c) else t("ya", lang) if c else t("tidak", lang)

    return [Col(t("kode", lang), lambda r: text_cell(r["kode_indikator"])),
            Col(t("indikator_kolom", lang), lambda r: text_cell(names.get(r["kode_indikator"])), True),
            Col(t("tahun", lang), lambda r: _year(r["tahun"])),
            Col(t("versi", lang), lambda r: _num(r["versi"], WHOLE)),
            Col(t("realisasi", lang), value("realisasi")),
            Col(t("predikat", lang), lambda r: text_cell(r["predikat"]), True),
            Col(t("perubahan_pp", lang), lambda r: _num(r["perubahan_tahunan_pp"], POINTS)),
            Col(t("perubahan_relatif", lang), lambda r: _pct(r["perubahan_tahunan_persen"])),
            Col(t("sebanding", lang), comparable),
            Col(t("target_jangka_menengah", lang), value("target"), True),
            Col(t("target_predikat", lang), lambda r: text_cell(r.get("target_predikat")), True)], tb["trends"]


def _breaks(tb, lang):
    return [Col(t("kode", lang), lambda r: text_cell(r["kode_indikator"])),
            Col(t("jenis", lang), lambda r: vocab.break_kind(r["jenis"], lang)),
            Col(t("tahun_lama", lang), lambda r: _year(r["tahun_terakhir_lama"])),
            Col(t("tahun_baru", lang), lambda r: _year(r["tahun_pertama_baru"])),
            Col(t("versi_lama", lang), lambda r: _num(r["versi_lama"], WHOLE)),
            Col(t("versi_baru", lang), lambda r: _num(r["versi_baru"], WHOLE)),
            Col(t("yang_berubah", lang), lambda r: None if fmt.missing(r["yang_berubah"]) else vocab.changed_parts(
                r["yang_berubah"], lang)),
            Col(t("definisi_lama", lang), lambda r: text_cell(r["definisi_lama"])),
            Col(t("definisi_baru", lang), lambda r: text_cell(r["definisi_baru"])),
            Col(t("kalimat", lang), lambda r: text_cell(r["kalimat_sumber"])),
            Col(t("asal_putus", lang), lambda r: _break_origin(r, lang))], tb["breaks"]


def _break_origin(r, lang: str) -> str:
    """Declared in definisi_indikator.csv, or found in the reports' text with both reports and lines."""
    if r.get("asal") != "laporan":
        return t("asal_dinyatakan", lang)
    return (f"{t('asal_laporan', lang)}: {restated.source(r['laporan_lama'], r['baris_lama'], lang)}; "
            f"{restated.source(r['laporan_baru'], r['baris_baru'], lang)}")


@dataclass(frozen=True)
class Sheet:
    """A sheet: its name and description (label keys), its processed table, the output whose note says why it is
    absent (:mod:`analysis.needs`; or a label key), and its columns and rows."""

    name: str
    about: str
    table: str
    absent: str
    build: Callable


#: the sheets after the about sheet, in order
SHEETS = (Sheet("xl_iku", "xl_isi_iku", "iku", "capaian", _iku),
          Sheet("xl_sasaran", "xl_isi_sasaran", "capaian_sasaran", "capaian", _goals),
          Sheet("xl_anggaran", "xl_isi_anggaran", "budget", "anggaran", _budget),
          Sheet("xl_rincian", "xl_isi_rincian", "anggaran_rinci", "xl_tanpa_rincian", _lines),
          Sheet("xl_efisiensi", "xl_isi_efisiensi", "efficiency", "efisiensi", _efficiency),
          Sheet("xl_efisiensi_rasio", "xl_isi_efisiensi_rasio", "efficiency_ratios", "xl_tanpa_rasio", _ratios),
          Sheet("xl_rekonsiliasi", "xl_isi_rekonsiliasi", "reconciliation", "", _reconciliation),
          Sheet("xl_tren", "xl_isi_tren", "trends", "tren", _trends),
          Sheet("xl_ulang", "xl_isi_ulang", "restatements", "xl_tanpa_ulang", _restatements),
          Sheet("xl_rumus", "xl_isi_rumus", "breaks", "", _breaks))
