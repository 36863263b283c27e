"""An agency-year's results as an Excel workbook (``hasil.xlsx``, ``hasil.en.xlsx``): one sheet per processed table
a reader needs, in the report's language and words.

Sheets: an about sheet first (agency, year, source, build stamp, what each sheet holds, or why it is absent),
then IKU, goal achievement, budget, budget by level, efficiency, reconciliation (findings first, then the
matches), trends and formula changes, each present only when its processed table exists (every table kind is
optional). Headers are the report's own labels (:mod:`.labels`, values in words through :mod:`.vocabulary`),
never a column name of the pipeline.

Numbers stay numbers: a percentage is a fraction with a percent format (``0.9617`` shows ``96,17 %``), rupiah
whole with ``"Rp" #,##0``; a difference of percentages is a number of percentage points (``0.00``). Formats are
stored in Excel's US codes (``#,##0``, ``0.00%``): Excel and LibreOffice show them in the reader's locale
(``20.674.821.126``, ``96,17%`` in Indonesian). Text a spreadsheet could take for a formula
(:func:`analysis.spreadsheet.is_formula_like`) is written as text with Excel's quote prefix: shown and kept
exactly as printed, never run (also after editing the cell). Header row frozen, autofilter, column widths from
the content. The same tables and stamp give the same bytes: the document's creation date is the build date
(``SOURCE_DATE_EPOCH``), and xlsxwriter dates the parts of the file 1980-01-01.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import xlsxwriter

from .. import needs
from ..atomic import write_bytes
from ..ingest.units import unit_of
from ..spreadsheet import is_formula_like
from . import fmt
from . import vocabulary as vocab
from .budget_lines import _level
from .labels import t
from .readable import readable_reconciliation
from .reconciliation import _decimals, _ordered, _same_quantity, _unit
from .sections import _group_label, _why

#: the processed tables the workbook reads (any may be missing)
TABLES = ("iku", "capaian_sasaran", "budget", "anggaran_rinci", "efficiency", "reconciliation", "trends", "breaks",
          "definisi_indikator")
PERCENT, RUPIAH, YEAR, WHOLE, POINTS = "0.00%", '"Rp" #,##0', "0", "#,##0", "+0.00;-0.00;0.00"
#: a text column wider than this wraps; no column is wider than :data:`MAX_WIDTH`
WRAP_AT, MAX_WIDTH = 50, 60


def load(folder: Path | str) -> dict:
    """The tables of :data:`TABLES` written in ``folder`` (a processed agency-year) and its ``clean_info.json``."""
    folder = Path(folder)
    tables = {n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES if (folder / f"{n}.parquet").exists()}
    return {"tables": tables, "info": json.loads((folder / "clean_info.json").read_text(encoding="utf-8"))}


# ------------------------------------------------------------------------------------------- cell values
# a cell is None (empty), text, or (number, Excel number format)

def _pct(x):
    return None if fmt.missing(x) else (float(x) / 100, PERCENT)


def _num(x, code: str):
    return None if fmt.missing(x) else (float(x), code)


def _decimal_code(decimals: int, thousands: bool = True) -> str:
    base = "#,##0" if thousands else "0"
    return base + ("." + "0" * decimals if decimals > 0 else "")


def _plain(x):
    """A number as it is: whole without decimals, else two."""
    return None if fmt.missing(x) else (float(x), WHOLE if float(x).is_integer() else _decimal_code(2))


def _in_unit(x, satuan):
    """A target or realisation in its indicator's unit: a percentage, rupiah, or a plain number (a count, an
    index, a score)."""
    if fmt.missing(x):
        return None
    kind = unit_of(satuan if isinstance(satuan, str) and satuan else "%").kind
    return _pct(x) if kind == "persen" else _num(x, RUPIAH) if kind == "rupiah" else _plain(x)


def _year(x):
    return None if fmt.missing(x) else (int(x), YEAR)


def _str(x):
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

    def value(what):
        return lambda r: _in_unit(r[what], r["satuan"])

    return [Col(t("kode", lang), lambda r: _str(r["kode_indikator"])),
            Col(t("sasaran", lang), lambda r: _num(r["sasaran_no"], WHOLE)),
            Col(t("indikator_kolom", lang), lambda r: _str(r["nama"])),
            Col(t("polaritas", lang), lambda r: vocab.polarity(r["polaritas"], lang)),
            Col(t("satuan", lang), lambda r: _str(r["satuan"])),
            Col(t("target", lang), value("target")),
            Col(t("target_predikat", lang), lambda r: _str(r["target_predikat"]), True),
            Col(t("realisasi", lang), value("realisasi")),
            Col(t("realisasi_predikat", lang), lambda r: _str(r["realisasi_predikat"]), True),
            Col(t("pembilang", lang), lambda r: _plain(r["pembilang"])),
            Col(t("penyebut", lang), lambda r: _plain(r["penyebut"])),
            Col(t("realisasi_komponen", lang), value("realisasi_komponen")),
            Col(t("metode", lang), lambda r: _str(r.get("metode_capaian"))),
            Col(t("batas_capaian", lang), lambda r: _pct(r.get("batas_capaian")), True),
            Col(heads[6], lambda r: _pct(r["capaian"])),
            Col(heads[7], lambda r: _pct(r["capaian_komponen"])),
            Col(heads[8], lambda r: _pct(r["capaian_dilaporkan"])),
            Col(t("kategori", lang), lambda r: _str(vocab.category(r["kategori"], lang)))], iku


def _goals(tb, lang):
    overall = t("semua_sasaran", lang)
    return [Col("No", lambda r: _num(r["sasaran_no"], WHOLE)),
            Col(t("sasaran", lang), lambda r: overall if fmt.missing(r["sasaran_no"]) else _str(r["sasaran"])),
            Col(t("iku", lang), lambda r: _num(r["jumlah_iku"], WHOLE)),
            Col(t("capaian_sasaran", lang), lambda r: _pct(r["capaian"])),
            Col(t("rata_rata_tercetak", lang), lambda r: _pct(r["capaian_dari_dilaporkan"])),
            Col(t("batas_capaian", lang), lambda r: _pct(r.get("batas_atas")), True)], tb["capaian_sasaran"]


def _budget_name(r, lang):
    if r["tingkat"] in ("program", "program_sumber_dana", "rincian") and isinstance(r["nama"], str):
        return r["nama"]
    return _str(_group_label(r, lang))


def _budget(tb, lang):
    def level(r):
        s = vocab.budget_level(r["tingkat"], lang)
        return s[:1].upper() + s[1:]

    return [Col(t("tingkat", lang), level),
            Col("No", lambda r: _num(r["program_no"], WHOLE)),
            Col(t("nama", lang), lambda r: _budget_name(r, lang)),
            Col(t("sumber_dana", lang), lambda r: _str(r["sumber_dana"])),
            Col(t("sasaran", lang), lambda r: _num(r["sasaran_no"], WHOLE)),
            Col(t("pagu", lang), lambda r: _num(r["anggaran"], RUPIAH)),
            Col(t("realisasi_anggaran", lang), lambda r: _num(r["realisasi"], RUPIAH)),
            Col(t("serapan_tertimbang", lang), lambda r: _pct(r["serapan"])),
            Col(t("serapan_rata_rata", lang), lambda r: _pct(r["serapan_rata_rata"])),
            Col(t("program", lang), lambda r: _num(r["jumlah_program"], WHOLE)),
            Col(t("kategori", lang), lambda r: _str(vocab.category(r["kategori"], lang)))], tb["budget"]


def _lines(tb, lang):
    def share(r):
        ok = not fmt.missing(r["anggaran"]) and r["anggaran"] and not fmt.missing(r["realisasi"])
        return _pct(r["realisasi"] / r["anggaran"] * 100) if ok else None

    def label(r):  # the pipeline's sum of the top rows is no printed row
        return t("total_dihitung", lang) if r["tingkat"] == "total" and fmt.missing(r["baris_raw"]) else _str(
            r["uraian"])

    return [Col(t("rincian", lang), lambda r: _str(r["jalur"])),
            Col(t("tingkat", lang), lambda r: _level(r["tingkat"], lang)),
            Col(t("uraian", lang), label),
            Col(t("sumber_dana", lang), lambda r: _str(r["sumber_dana"])),
            Col(t("pagu", lang), lambda r: _num(r["anggaran"], RUPIAH)),
            Col(t("realisasi_anggaran", lang), lambda r: _num(r["realisasi"], RUPIAH)),
            Col(t("persen_dihitung", lang), share),
            Col(t("baris", lang), lambda r: _str(r["baris_sumber"]))], tb["anggaran_rinci"]


def _efficiency(tb, lang):
    def value(r):  # percentage points, or a ratio
        return _num(r["efisiensi"], POINTS if r["satuan"] == "poin" else _decimal_code(2))

    def unit(r):
        return {"poin": t("poin_persentase", lang), "rasio": t("rasio", lang)}.get(r["satuan"], _str(r["satuan"]))

    return [Col(t("lingkup", lang), lambda r: vocab.scope(r["lingkup"], r["atribusi"], lang)),
            Col(t("metode", lang), lambda r: vocab.method(r["metode"], lang)),
            Col(t("capaian", lang), lambda r: _pct(r["capaian"])),
            Col(t("serapan", lang), lambda r: _pct(r["serapan"])),
            Col(t("efisiensi", lang), value), Col(t("satuan", lang), unit),
            Col(t("kategori", lang), lambda r: _str(vocab.category(r["kategori"], lang))),
            Col(t("rumus", lang), lambda r: vocab.formula(r["metode"], r["rumus"], lang))], tb["efficiency"]


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

    return [Col(t("pemeriksaan", lang), lambda r: _str(r["check"])),
            Col(t("rekonsiliasi_tabel_laporan", lang), lambda r: _str(r["_title"])),
            Col(t("baris", lang), lambda r: _str(r["baris_sumber"])),
            Col(t("realisasi_dilaporkan_teks", lang), lambda r: _str(r["reported"])),
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

    def value(what):  # a graded indicator's realisation is its score
        return lambda r: _plain(r[what]) if isinstance(r["predikat"], str) else _in_unit(r[what], unit(r))

    def comparable(r):
        c = r["sebanding_tahunan"]
        return None if fmt.missing(c) else t("ya", lang) if c else t("tidak", lang)

    return [Col(t("kode", lang), lambda r: _str(r["kode_indikator"])),
            Col(t("indikator_kolom", lang), lambda r: _str(names.get(r["kode_indikator"])), True),
            Col(t("tahun", lang), lambda r: _year(r["tahun"])),
            Col(t("versi", lang), lambda r: _num(r["versi"], WHOLE)),
            Col(t("realisasi", lang), value("realisasi")),
            Col(t("predikat", lang), lambda r: _str(r["predikat"]), True),
            Col(t("perubahan_pp", lang), lambda r: _num(r["perubahan_tahunan_pp"], POINTS)),
            Col(t("perubahan_relatif", lang), lambda r: _pct(r["perubahan_tahunan_persen"])),
            Col(t("sebanding", lang), comparable),
            Col(t("target_jangka_menengah", lang), value("target"), True),
            Col(t("target_predikat", lang), lambda r: _str(r["target_predikat"]), True)], tb["trends"]


def _breaks(tb, lang):
    return [Col(t("kode", lang), lambda r: _str(r["kode_indikator"])),
            Col(t("jenis", lang), lambda r: vocab.break_kind(r["jenis"], lang)),
            Col(t("tahun_lama", lang), lambda r: _year(r["tahun_terakhir_lama"])),
            Col(t("tahun_baru", lang), lambda r: _year(r["tahun_pertama_baru"])),
            Col(t("versi_lama", lang), lambda r: _num(r["versi_lama"], WHOLE)),
            Col(t("versi_baru", lang), lambda r: _num(r["versi_baru"], WHOLE)),
            Col(t("yang_berubah", lang), lambda r: None if fmt.missing(r["yang_berubah"]) else vocab.changed_parts(
                r["yang_berubah"], lang)),
            Col(t("definisi_lama", lang), lambda r: _str(r["definisi_lama"])),
            Col(t("definisi_baru", lang), lambda r: _str(r["definisi_baru"])),
            Col(t("kalimat", lang), lambda r: _str(r["kalimat_sumber"]))], tb["breaks"]


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
          Sheet("xl_rekonsiliasi", "xl_isi_rekonsiliasi", "reconciliation", "", _reconciliation),
          Sheet("xl_tren", "xl_isi_tren", "trends", "tren", _trends),
          Sheet("xl_rumus", "xl_isi_rumus", "breaks", "", _breaks))


# ------------------------------------------------------------------------------------------- writing

class _Formats:
    """xlsxwriter formats, made once per workbook: by number format, wrapping and quote prefix."""

    def __init__(self, wb):
        self.wb, self.cache = wb, {}
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1,
                                     "bg_color": "#E8EEF4"})
        self.title = wb.add_format({"bold": True, "font_size": 13})
        self.bold = wb.add_format({"bold": True, "valign": "top"})

    def __call__(self, code: str | None = None, wrap: bool = False, quote: bool = False):
        key = (code, wrap, quote)
        if key not in self.cache:
            spec = {"valign": "top"}
            if code:
                spec["num_format"] = code
            if wrap:
                spec["text_wrap"] = True
            if quote:
                spec["quote_prefix"] = True
            self.cache[key] = self.wb.add_format(spec)
        return self.cache[key]


def _shown_width(cell) -> int:
    """About how many characters a cell shows."""
    if cell is None:
        return 0
    if isinstance(cell, str):
        return max(len(line) for line in cell.splitlines() or [""])
    value, code = cell
    first = code.split(";")[0]
    decimals = first.split(".")[1].count("0") if "." in first else 0
    shown = value * 100 if code.endswith("%") else value
    return len(f"{shown:,.{decimals}f}") + (3 if code == RUPIAH else 2 if "%" in code else 1)


def _write_cell(ws, formats, i: int, j: int, cell, wrap: bool) -> None:
    if cell is None:
        return
    if isinstance(cell, str):
        ws.write_string(i, j, cell, formats(None, wrap, is_formula_like(cell)))
    else:
        ws.write_number(i, j, cell[0], formats(cell[1]))


def _table_sheet(ws, formats, cols: list[Col], rows: pd.DataFrame) -> int:
    """One table on ``ws``: header row frozen, autofilter, widths from the content; returns the number of rows."""
    records = rows.to_dict("records")
    cells = [[c.cell(r) for r in records] for c in cols]
    keep = [j for j, c in enumerate(cols) if not c.optional or any(v is not None for v in cells[j])]
    for out, j in enumerate(keep):
        header = cols[j].header
        ws.write_string(0, out, header, formats.header)
        width = max([_shown_width(v) for v in cells[j]] + [min(len(header), 16),
                                                           max(len(w) for w in header.split())])
        wrap = width > WRAP_AT
        for i, v in enumerate(cells[j], 1):
            _write_cell(ws, formats, i, out, v, wrap)
        ws.set_column(out, out, min(width + 2, MAX_WIDTH))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(records), max(len(keep) - 1, 0))
    return len(records)


def _about(ws, formats, info: dict, year: int, lang: str, footer: str, contents: list[tuple[str, str, object]]):
    meta = info.get("meta", {})
    rows = [(t("indeks_instansi", lang), meta.get("nama_instansi", "")), (t("tahun", lang), int(year)),
            (t("laporan", lang), meta.get("judul_laporan", "")), (t("xl_sha", lang), meta.get("sha256_sumber", ""))]
    if meta.get("sintetis", "tidak") not in ("tidak", "no", "false", ""):
        rows.insert(0, (t("sintetis", lang), ""))
    if footer:
        rows.append((t("xl_dibuat", lang), footer))
    ws.write_string(0, 0, t("xl_judul", lang), formats.title)
    i = 2
    for label, value in rows:
        ws.write_string(i, 0, label, formats.bold)
        if isinstance(value, int):
            ws.write_number(i, 1, value, formats(YEAR))
        else:
            _write_cell(ws, formats, i, 1, _str(value), True)
        i += 1
    i += 1
    for j, h in enumerate((t("xl_lembar", lang), t("xl_isi", lang), t("baris_data", lang))):
        ws.write_string(i, j, h, formats.header)
    for name, about, n in contents:
        i += 1
        ws.write_string(i, 0, name, formats.bold)
        ws.write_string(i, 1, about, formats(None, True))
        if n is not None:
            ws.write_number(i, 2, n, formats(WHOLE))
    ws.merge_range(i + 2, 0, i + 2, 2, t("xl_angka", lang), formats(None, True))
    ws.set_row(i + 2, 60)
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 90)
    ws.set_column(2, 2, 12)


def workbook_bytes(data: dict, year: int, lang: str, footer: str = "", day: str = "") -> bytes:
    """The workbook of ``data`` (:func:`load`) in ``lang``; ``footer``: the build stamp as the report's footer says
    it, ``day``: the build date (ISO), the document's creation date (default 1 January of ``year``)."""
    tables = {**data["tables"], "_info": data["info"]}
    kinds = needs.kinds_read(data["info"])
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    created = datetime.fromisoformat(day or f"{int(year)}-01-01").replace(tzinfo=UTC)
    wb.set_properties({"title": t("xl_judul", lang), "created": created, "author": "lkj-analytics"})
    formats = _Formats(wb)
    about = wb.add_worksheet(t("xl_tentang", lang))
    contents = []
    for sheet in SHEETS:
        name = t(sheet.name, lang)
        if sheet.table in tables:
            cols, rows = sheet.build(tables, lang)
            n = _table_sheet(wb.add_worksheet(name), formats, cols, rows)
            contents.append((name, t(sheet.about, lang), n))
        else:
            why = (t(sheet.absent, lang) if sheet.absent.startswith("xl_")
                   else needs.note(sheet.absent, kinds, lang) if sheet.absent else "") or t("xl_tidak_dibuat", lang)
            contents.append((name, t("xl_tidak_ada", lang).format(alasan=why), None))
    _about(about, formats, data["info"], year, lang, footer, contents)
    wb.close()
    return buf.getvalue()


def write_workbook(path: Path | str, data: dict, year: int, lang: str, footer: str = "", day: str = "") -> Path:
    """:func:`workbook_bytes` written atomically to ``path``."""
    path = Path(path)
    write_bytes(path, workbook_bytes(data, year, lang, footer, day))
    return path
