"""An agency-year's results written as an Excel workbook (``hasil.xlsx``, ``hasil.en.xlsx``), laid out and formatted.

Sheets: an about sheet first (agency, year, source, build stamp, what each sheet holds, or why it is absent),
then the sheets of :data:`.workbook_sheets.SHEETS` (IKU, goal achievement, budget, budget by level, efficiency,
reconciliation: findings first, then the matches; trends, formula changes), each present only when its
processed table exists (every table kind is optional). Headers are the report's own labels, never a column
name of the pipeline.

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
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import xlsxwriter

from .. import needs
from ..atomic import write_bytes
from ..spreadsheet import is_formula_like
from .labels import t
from .workbook_sheets import RUPIAH, SHEETS, TABLES, WHOLE, YEAR, Col, text_cell

#: a text column wider than this wraps; no column is wider than MAX_WIDTH
WRAP_AT, MAX_WIDTH = 50, 60


def load(folder: Path | str) -> dict:
    """The tables of :data:`TABLES` written in ``folder`` (a processed agency-year) and its ``clean_info.json``."""
    folder = Path(folder)
    tables = {n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES if (folder / f"{n}.parquet").exists()}
    return {"tables": tables, "info": json.loads((folder / "clean_info.json").read_text(encoding="utf-8"))}


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
    # rows as dicts, column by column (DataFrame.to_dict goes row by row: several times slower)
    names = list(rows.columns)
    columns = [rows.iloc[:, j].tolist() for j in range(len(names))]
    records = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
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
            _write_cell(ws, formats, i, 1, text_cell(value), True)
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
