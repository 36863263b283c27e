"""Reading workbook sheets (``.xlsx``, ``.xls``) as the cells the user saw: the same :class:`RawTable` a CSV gives.

- a number is its value as its number format shows it, in the table's number style (:mod:`.shown`); text stays
  text, an empty cell is empty;
- a merged range keeps its value in its first cell and leaves the others empty, as a transcribed CSV does
  (a sasaran spanning rows is empty on its continuation rows);
- a formula gives the value Excel cached when the workbook was last saved; its text is kept for provenance
  (:attr:`RawTable.formulas`, shown in messages); a formula without a cached value (a workbook written by a
  program and never opened in Excel) is a problem naming sheet and cell;
- ``_line`` is the sheet's row number, and :func:`locate` turns the problems of a table into ``Sheet!E7``.

Engines, chosen by measurement (README "Design choices"): openpyxl reads ``.xlsx`` (formats, merged ranges and
formula text, which calamine does not give), python-calamine reads the cached values of formulas and ``.xls``
files (whose number formats it cannot give: numbers of an ``.xls`` are shown as ``General`` would, with a
warning to save the file as ``.xlsx``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import MAX_TABLE_BYTES
from ..errors import Collector, DataError, Problem, Warning_
from .numbers import column_style
from .raw import NO_LINKS, RawTable, check_header
from .shown import general, render

#: the sheets of a data-entry workbook that are not tables
CONTROL_SHEETS = ("petunjuk", "meta", "manifest", "definisi_indikator", "daftar")
#: what a formula without a cached value is expected to have
NOT_COMPUTED = "a value Excel computed"
_REF = re.compile(r"^(?P<book>[^#/\\]+\.(?:xlsx|xlsm|xls))#(?P<sheet>.+)$", re.I)


def letter(index: int) -> str:
    """1 -> ``A``, 28 -> ``AB``."""
    out = ""
    while index:
        index, r = divmod(index - 1, 26)
        out = chr(65 + r) + out
    return out


def split_ref(berkas: str) -> tuple[str, str] | None:
    """``lkj.xlsx#capaian_iku`` -> (``lkj.xlsx``, ``capaian_iku``); None when ``berkas`` names no sheet."""
    m = _REF.match(berkas or "")
    return (m.group("book"), m.group("sheet")) if m else None


@dataclass
class Sheet:
    """One sheet's cells: ``values[(row, col)]`` as stored (number, text, date), 1-based; formats and formulas."""

    name: str
    values: dict[tuple[int, int], object]
    formats: dict[tuple[int, int], str]
    formulas: dict[tuple[int, int], str]
    max_row: int
    max_col: int


@dataclass
class Workbook:
    """A workbook of an agency-year folder, each sheet read once; ``label`` is ``agency/year/book.xlsx``."""

    path: Path
    label: str
    sheets: dict[str, Sheet] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    #: False for .xls: number formats unknown, numbers shown as General would
    formats_known: bool = True
    problems: list[Problem] = field(default_factory=list)

    def text(self, sheet: Sheet, row: int, col: int, style: str, warnings: list[Warning_]) -> str:
        """The cell as the user saw it, in number ``style``; a formula with no cached value is a problem."""
        v = sheet.values.get((row, col))
        formula = sheet.formulas.get((row, col))
        if formula and (v is None or v == ""):
            self.problems.append(Problem(self.label, row, None, formula, f"{NOT_COMPUTED}: this formula "
                                         "has none stored (the workbook was written by a program and never opened "
                                         "and saved in Excel or LibreOffice; do that, or type the value)",
                                         cell=f"{sheet.name}!{letter(col)}{row}"))
            return ""
        if v is None:
            return ""
        if isinstance(v, str):
            return v
        if not self.formats_known and isinstance(v, (int, float)) and not isinstance(v, bool):
            return general(v, style)
        text, understood = render(v, sheet.formats.get((row, col)), style)
        if not understood:
            warnings.append(Warning_(f"{self.label}, cell {sheet.name}!{letter(col)}{row}",
                                     f"number format {sheet.formats.get((row, col))!r} is not one this reads "
                                     f"(fractions, scientific): read as General shows it, {text!r}"))
        return text


def _stored(v):
    return None if v == "" else (int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else v)


def _calamine_values(wb, name: str) -> dict[tuple[int, int], object]:
    rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return {(r, c): _stored(v) for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1) if v != ""}


def _load_xlsx(book: Workbook) -> None:
    import openpyxl
    from openpyxl.cell.cell import MergedCell

    wb = openpyxl.load_workbook(book.path, data_only=False)  # not read-only: merged ranges need the full sheet
    book.names = list(wb.sheetnames)
    values_of = None
    for ws in wb.worksheets:
        values, formats, formulas = {}, {}, {}
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None or isinstance(c, MergedCell):
                    continue
                if c.data_type == "f":
                    formulas[(c.row, c.column)] = str(v if isinstance(v, str) else getattr(v, "text", v))
                    continue
                values[(c.row, c.column)] = v
                if c.number_format and c.number_format != "General":
                    formats[(c.row, c.column)] = c.number_format
        if formulas:  # openpyxl gives a formula or its cached value, never both: calamine gives the values
            if values_of is None:
                from python_calamine import load_workbook

                values_of = load_workbook(str(book.path))
            cached = _calamine_values(values_of, ws.title)
            for rc in formulas:
                values[rc] = cached.get(rc)
                cell = ws.cell(*rc)
                if cell.number_format and cell.number_format != "General":
                    formats[rc] = cell.number_format
        book.sheets[ws.title] = Sheet(ws.title, values, formats, formulas, ws.max_row, ws.max_column)
    wb.close()


def _load_xls(book: Workbook) -> None:
    from python_calamine import load_workbook

    wb = load_workbook(str(book.path))
    book.names = list(wb.sheet_names)
    book.formats_known = False
    for name in book.names:
        values = _calamine_values(wb, name)
        rows = max((r for r, _ in values), default=0)
        cols = max((c for _, c in values), default=0)
        book.sheets[name] = Sheet(name, values, {}, {}, rows, cols)


def open_workbook(path: Path | str) -> Workbook:
    """Read every sheet of the workbook at ``path`` (a link, a missing, huge or unreadable file is one problem)."""
    path = Path(path)
    label = "/".join(path.parts[-3:])
    if path.is_symlink():
        raise DataError([Problem(label, None, None, None, f"a regular file, not a symbolic link ({NO_LINKS})")])
    if not path.is_file():
        raise DataError([Problem(label, None, None, None, "the workbook to exist (manifest names it)")])
    if path.stat().st_size > 4 * MAX_TABLE_BYTES:
        raise DataError([Problem(label, None, None, f"{path.stat().st_size:,} bytes",
                                 f"a workbook under {4 * MAX_TABLE_BYTES // 1024 // 1024} MB")])
    book = Workbook(path, label)
    try:
        (_load_xls if path.suffix.lower() == ".xls" else _load_xlsx)(book)
    except Exception as e:  # a corrupt, encrypted or mislabelled file: every engine raises its own kind
        raise DataError([Problem(label, None, None, None, f"a workbook Excel can open ({type(e).__name__}: "
                                 f"{str(e)[:120]})")]) from None
    return book


def sheet_of(book: Workbook, name: str) -> Sheet:
    """The sheet ``name`` of ``book``; a missing one is a problem naming the sheets there are."""
    if name not in book.sheets:
        raise DataError([Problem(book.label, None, None, name, "a sheet of this workbook: " + ", ".join(book.names))])
    return book.sheets[name]


def read_sheet_table(book: Workbook, name: str, columns, optional=(), pattern=None, style: str = "id",
                     table: str | None = None, strict: bool = True, allow_empty: bool = False) -> RawTable:
    """A sheet laid out as a raw CSV (the data-entry template's): the column names in row 1, one table row per
    sheet row below it; checked like a CSV (header, cells outside the header, an empty table). ``style``: the
    table's ``gaya_angka`` (numbers are shown in each column's style). Problems of single cells (a formula
    never computed) raise too, unless not ``strict``: then they are in ``problems`` of the table."""
    sheet = sheet_of(book, name)
    start = len(book.problems)
    warnings: list[Warning_] = [] if book.formats_known else [Warning_(book.label, XLS_NOTE)]
    t = RawTable(table or name, book.path, [], [], warnings, sheet=name)
    col = Collector()
    header = [book.text(sheet, 1, c, column_style(style), warnings).strip() for c in range(1, sheet.max_col + 1)]
    while header and not header[-1]:
        header.pop()
    t.columns = header
    t.letters = {h: letter(i) for i, h in enumerate(header, 1) if h}
    if not any(header):
        col.add(t.label, 1, None, "", "a header row in row 1: " + ", ".join(columns))
    else:
        check_header(t.label, 1, header, columns, optional, pattern, col)
        for i, h in enumerate(header, 1):
            if not h:
                col.add(t.label, 1, None, "", f"a column name in cell {letter(i)}1 (or no column there)")
    raise_located(col.problems + book.problems[start:], [t])
    t.rows = rows_of(book, sheet, t, {h: i for i, h in enumerate(header, 1)}, range(2, sheet.max_row + 1), style,
                     col, extra_from=len(header) + 1)
    if not t.rows and not col.problems and not allow_empty:
        col.add(t.label, 2, None, "", "at least one data row (the table is empty)")
    return finish(t, col, book.problems[start:], optional, strict)


def finish(t: RawTable, col: Collector, cell_problems: list[Problem], optional, strict: bool) -> RawTable:
    """Raise the table's problems (its cells' too when ``strict``); else keep its cells' in ``t.problems``."""
    raise_located(col.problems + (cell_problems if strict else []), [t])
    t.problems = list(cell_problems)
    for c in optional:
        for r in t.rows:
            r.setdefault(c, "")
    return t


#: why numbers of an .xls file are read as General shows them
XLS_NOTE = ("an .xls workbook: its number formats cannot be read here, so numbers are read as Excel's General "
            "format shows them (save it as .xlsx to have them exactly as shown)")


def rows_of(book: Workbook, sheet: Sheet, t: RawTable, columns: dict[str, int], lines, style: str, col: Collector,
            extra_from: int | None = None, stop=None) -> list[dict]:
    """The rows ``lines`` of ``sheet`` as raw rows of ``columns`` (name -> column number); an empty row is
    skipped, ``stop(row)`` ends the table before that row; a filled cell right of the header
    (from column ``extra_from``) is a problem."""
    out = []
    names = {i: c for c, i in columns.items()}
    styles = {c: column_style(style, c) for c in columns}  # gaya_angka: id, or id;persen=en
    for r in lines:
        row = {c: book.text(sheet, r, i, styles[c], t.warnings).strip() for c, i in columns.items()}
        if stop is not None and stop(r, row):
            break
        t.formulas.update({(r, names[cc]): f for (rr, cc), f in sheet.formulas.items() if rr == r and cc in names})
        if extra_from is not None:
            for c in range(extra_from, sheet.max_col + 1):
                extra = book.text(sheet, r, c, column_style(style), t.warnings).strip()
                if extra:
                    col.problems.append(Problem(book.label, r, None, extra, "a cell under a column name of row 1 "
                                                "(merged or shifted cells?)", cell=f"{sheet.name}!{letter(c)}{r}"))
        if not any(row.values()):
            continue
        row["_line"] = r
        out.append(row)
    return out


def locate(problems: list[Problem], tables: list[RawTable]) -> list[Problem]:
    """Problems named after a workbook table (``book.xlsx#Sheet``, a line and a column) placed in their cell:
    file ``agency/year/book.xlsx``, cell ``Sheet!E7`` (with the cell's formula, when it has one). A cell whose
    formula was never computed is named once, for that (not again for being empty)."""
    by_label = {t.label: t for t in tables if t.sheet}
    out = []
    for p in problems:
        t = by_label.get(p.file)
        if t is None or p.cell is not None:
            out.append(p)
            continue
        out.append(Problem(t.file_label, p.row, p.column, p.value, p.expected, cell=t.cell_ref(p.row, p.column)))
    uncomputed = {(p.file, p.cell) for p in out if p.cell and p.expected.startswith(NOT_COMPUTED)}
    return [p for p in out if p.expected.startswith(NOT_COMPUTED)
            or (p.file, (p.cell or "").split(" (")[0]) not in uncomputed]


def raise_located(problems: list[Problem], tables: list[RawTable]) -> None:
    if problems:
        raise DataError(locate(problems, tables))
