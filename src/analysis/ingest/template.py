"""Writing the data-entry workbook of an agency-year (``lkj.xlsx``): one sheet per table kind, the columns the
cleaners expect, drop-downs for coded columns, every cell text; optionally filled from the folder's CSV files.

Sheets: ``petunjuk`` (every sheet and column explained, in Indonesian: ``data/reference/petunjuk_templat.csv``),
``meta``, ``manifest``, ``definisi_indikator`` and one sheet per table kind, named after it. The columns come from
the cleaner registry (:data:`analysis.ingest.cleaners.CLEANERS`), the manifest's and the definitions' own lists;
drop-down values from where the project defines them (table kinds, polarities, methods, grade scales, units,
funding sources, asset conditions). Every column is formatted as text (``@``): a cell keeps what was typed
(``4,57 %``, ``201-233``, ``0,08``) instead of becoming Excel's number or date.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..config import REFERENCE_ROOT
from ..errors import DataError, Problem
from ..indicators.capaian import NEGATIVE_CONVENTIONS, POLARITIES
from ..indicators.methods import METHODS
from ..reference import grade_scale, scale_names
from .cleaners import CLEANERS, NAMED_COLUMNS, YEAR_COLUMN
from .cleaners.budget import COMMON_SOURCES, ROMAN
from .cleaners.efficiency_ratios import INPUT_COLUMN
from .cleaners.resources import KONDISI
from .cleaners.series import DIRECTIONS
from .definitions import DEFINITION_COLUMNS, METHOD_COLUMNS
from .provenance import META_SCALES, REQUIRED_META
from .raw import agency_year_dir, check_agency_year, read_raw_csv
from .units import UNIT_WORDS
from .workbook_layout import LAYOUT_COLUMNS

TEMPLATE_NAME = "lkj.xlsx"
MANIFEST_SHEET_COLUMNS = ["berkas", "tabel", "bagian", "judul_tabel", "baris_sumber", "gaya_angka", "catatan",
                          "cakupan", *LAYOUT_COLUMNS]
META_KEYS = ["nama_instansi", "singkatan", "provinsi", "tahun", "judul_laporan", "tanggal_laporan", *REQUIRED_META[1:],
             *META_SCALES, "sumber_dana", "sintetis"]
#: rows a drop-down covers
ROWS = 1000
#: the hidden sheet of drop-down values
LISTS_SHEET = "daftar"


def drop_downs() -> dict[str, tuple[tuple[str, ...], bool]]:
    """column -> (values, strict): strict lists refuse anything else, the others only suggest."""
    grades = grade_scale().grades
    return {
        "tabel": (tuple(CLEANERS), True),
        "gaya_angka": (("id", "en"), False),  # id;persen=en is allowed too
        "cakupan": (("lengkap", "sebagian"), True),
        "polaritas": (POLARITIES, True),
        "konvensi_negatif": (NEGATIVE_CONVENTIONS, True),
        "metode_capaian": (tuple(METHODS), True),
        "skala_predikat": (scale_names("skala_predikat.csv"), True),
        "predikat": (grades, True),
        "satuan": (UNIT_WORDS, False),
        "sumber_dana": (COMMON_SOURCES, False),
        "kondisi": (KONDISI, False),  # "2 Baik, 1 Rusak Ringan" too
        "arah": (DIRECTIONS, True),
        "sasaran_didukung": (tuple(ROMAN), True),
        "kunci": (tuple(META_KEYS), False),
    }


def explanations() -> tuple[dict[str, str], dict[str, str]]:
    """(sheet -> explanation, column -> explanation), from ``data/reference/petunjuk_templat.csv``."""
    sheets, columns = {}, {}
    with open(REFERENCE_ROOT / "petunjuk_templat.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            (sheets if r["jenis"] == "lembar" else columns)[r["nama"]] = r["penjelasan"]
    return sheets, columns


def column_help(column: str, columns: dict[str, str]) -> str:
    if column in columns:
        return columns[column]
    if YEAR_COLUMN.match(column):
        return columns[column.split("_")[0] + "_TTTT"].replace("TTTT", column.split("_")[1])
    if m := INPUT_COLUMN.match(column):  # an input of an efficiency ratio table (capaian_input_dana …)
        return columns[f"{m.group(1)}_NAMA"].replace("NAMA", m.group(2), 1)
    return ""


def blank_columns(kind: str, year: int) -> list[str]:
    """The columns of an empty sheet of ``kind``: required, year columns where the kind has them, optional."""
    required, optional, _ = CLEANERS[kind]
    years = {"realisasi_multi_tahun": [f"realisasi_{year - 2}", f"realisasi_{year - 1}", f"realisasi_{year}",
                                       f"target_{year}"],
             "target_nasional": [f"realisasi_{year}"],
             # one input as an example: each input the table prints has its pair (capaian_input_sdm …)
             "efisiensi_rasio": ["capaian_input_dana", "efisiensi_dana"]}.get(kind, [])
    if kind == "target_nasional":  # the year column stands before target_nasional, as printed
        return required[:-1] + years + required[-1:] + list(optional)
    return required + years + list(optional)


def _csv_rows(path: Path, columns, optional=(), pattern=None) -> tuple[list[str], list[list[str]]]:
    t = read_raw_csv(path, columns, tuple(optional), pattern=pattern)
    return t.columns, [[r.get(c, "") for c in t.columns] for r in t.rows]


def _from_raw(folder: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    """sheet -> (header, rows) from the agency-year's CSV files, cells as printed."""
    from .context import MANIFEST_COLUMNS, MANIFEST_OPTIONAL

    sheets = {"meta": _csv_rows(folder / "meta.csv", ["kunci", "nilai"])}
    header, rows = _csv_rows(folder / "manifest.csv", MANIFEST_COLUMNS, MANIFEST_OPTIONAL)
    manifest = []
    for r in rows:
        m = dict(zip(header, r, strict=True))
        kind, berkas = m["tabel"], m["berkas"]
        if kind not in CLEANERS:
            raise DataError([Problem(f"{folder.parent.name}/{folder.name}/manifest.csv", None, "tabel", kind,
                                     "a known table kind (fix the manifest before making its workbook)")])
        required, optional, _ = CLEANERS[kind]
        pattern = NAMED_COLUMNS.get(kind)
        sheets[kind] = _csv_rows(folder / berkas, required, optional, pattern)
        m["berkas"] = kind
        manifest.append([m.get(c, "") for c in MANIFEST_SHEET_COLUMNS])
    sheets["manifest"] = (MANIFEST_SHEET_COLUMNS, manifest)
    definitions = folder.parent / "definisi_indikator.csv"
    if definitions.exists():
        sheets["definisi_indikator"] = _csv_rows(definitions, DEFINITION_COLUMNS, METHOD_COLUMNS)
    return sheets


def _blank(year: int) -> dict[str, tuple[list[str], list[list[str]]]]:
    sheets = {"meta": (["kunci", "nilai"], [[k, str(year) if k == "tahun" else ""] for k in META_KEYS]),
              "manifest": (MANIFEST_SHEET_COLUMNS, [[k, k, "", "", "", "id", "", "", *[""] * len(LAYOUT_COLUMNS)]
                                                    for k in CLEANERS]),
              "definisi_indikator": (DEFINITION_COLUMNS + METHOD_COLUMNS, [])}
    for kind in CLEANERS:
        sheets[kind] = (blank_columns(kind, year), [])
    return sheets


def build_workbook(sheets: dict[str, tuple[list[str], list[list[str]]]]) -> bytes:
    """The workbook's bytes: ``petunjuk`` first, then the control sheets, then the tables; every cell text."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                      "strings_to_urls": False})
    text = wb.add_format({"num_format": "@"})
    head = wb.add_format({"num_format": "@", "bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = wb.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
    sheet_help, col_help = explanations()
    order = ["meta", "manifest", "definisi_indikator"] + [k for k in sheets if k in CLEANERS]
    ws = wb.add_worksheet("petunjuk")
    ws.set_column(0, 1, 24, wrap)
    ws.set_column(2, 2, 100, wrap)
    ws.write_row(0, 0, ["lembar", "kolom", "penjelasan"], head)
    ws.write_row(1, 0, ["", "", "Isi setiap tabel seperti tercetak di laporan (angka sebagai teks: 4,57 %, "
                        "Rp.12.151.893.026,-). Sel gabungan: isi hanya baris pertamanya, kosongkan baris "
                        "lanjutan. Hapus baris manifest untuk tabel yang tidak ada di laporan."], wrap)
    line = 2
    for name in ["petunjuk", *order]:
        if name not in sheets and name != "petunjuk":
            continue
        ws.write_row(line, 0, [name, "", sheet_help.get(name, "")], wrap)
        line += 1
        for c in (sheets[name][0] if name != "petunjuk" else []):
            ws.write_row(line, 0, [name, c, column_help(c, col_help)], wrap)
            line += 1
    ws.freeze_panes(1, 0)
    lists = drop_downs()
    ranges = _lists_sheet(wb, lists, text)
    for name in order:
        if name not in sheets:
            continue
        header, rows = sheets[name]
        ws = wb.add_worksheet(name)
        ws.set_column(0, max(len(header) - 1, 0), 18, text)
        ws.write_row(0, 0, header, head)
        for i, row in enumerate(rows, 1):
            for j, v in enumerate(row):
                if v != "":
                    ws.write_string(i, j, v, text)
        for j, c in enumerate(header):
            if c in lists:
                values, strict = lists[c]
                ws.data_validation(1, j, ROWS, j, {
                    "validate": "list", "source": ranges[c], "ignore_blank": True,
                    "error_type": "stop" if strict else "information",
                    "input_title": c[:32], "input_message": column_help(c, col_help)[:255]})
        ws.freeze_panes(1, 0)
    wb.close()
    return buffer.getvalue()


def _lists_sheet(wb, lists: dict, fmt) -> dict[str, str]:
    """A hidden sheet ``daftar`` holding the drop-down values (a list typed into a validation is limited to 255
    characters); column -> its range there."""
    ws = wb.add_worksheet(LISTS_SHEET)
    ranges = {}
    for j, (c, (values, _)) in enumerate(lists.items()):
        ws.write_string(0, j, c, fmt)
        for i, v in enumerate(values, 1):
            ws.write_string(i, j, v, fmt)
        col = xl_col(j)
        ranges[c] = f"={LISTS_SHEET}!${col}$2:${col}${len(values) + 1}"
    ws.hide()
    return ranges


def xl_col(index: int) -> str:
    """0 -> ``A`` (xlsxwriter counts columns from 0)."""
    from .workbook import letter

    return letter(index + 1)


def write_template(agency: str, year, raw_root, output: Path | str | None = None, from_raw: bool = False,
                   force: bool = False) -> Path:
    """Write the data-entry workbook of ``agency``/``year`` (``<raw_root>/<agency>/<year>/lkj.xlsx`` or
    ``output``); filled from that folder's CSV files with ``from_raw``. An existing file is kept unless
    ``force``."""
    from ..atomic import write_bytes

    agency, year = check_agency_year(agency, year)
    folder = Path(raw_root) / agency / str(year)
    path = Path(output) if output else folder / TEMPLATE_NAME
    if path.exists() and not force:
        raise DataError([Problem(str(path), None, None, None, "a file that does not exist yet (it is kept; use "
                                 "--force to replace it, or --output to write elsewhere)")])
    sheets = _from_raw(agency_year_dir(agency, year, raw_root)) if from_raw else _blank(year)
    write_bytes(path, build_workbook(sheets))
    return path
