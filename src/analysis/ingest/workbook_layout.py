"""A workbook sheet in the agency's own layout, read through a mapping in the manifest row that names it.

A *Formulir Pengukuran Kinerja* as agencies keep it has title rows, a two-row merged header, a numbering row
(1 2 3 …) and a signature block under the table. Instead of retyping it, the manifest row says where the table
is (optional manifest columns, all empty for a CSV or a template sheet):

``peta_kolom``     the table kind's columns and their letters: ``no=A;sasaran=B;indikator=C;target=D`` (a
                   required column left out is a problem; ``baris_sumber`` may be left out: the cells are the
                   source, each traced to its sheet row)
``baris_awal``     the first data row (under the header and the numbering row)
``baris_akhir``    the last data row; or empty, and then
``penanda_akhir``  text that starts the first row *after* the table (``Kepala Dinas``, ``Pontianak,``), or
                   empty: the table ends at its first row whose mapped cells are all empty.

Cells are read as :mod:`analysis.ingest.workbook` reads them (as shown, merged ranges empty on their
continuation rows), so the table kind's cleaner sees the same rows as from a transcribed CSV.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Collector
from .raw import RawTable
from .workbook import Workbook, finish, letter, raise_located, rows_of, sheet_of

#: the optional manifest columns of a layout
LAYOUT_COLUMNS = ["peta_kolom", "baris_awal", "baris_akhir", "penanda_akhir"]
_PAIR = re.compile(r"^\s*([a-z0-9_]+)\s*=\s*([A-Za-z]{1,3})\s*$")


@dataclass(frozen=True)
class Layout:
    columns: dict[str, int]  # table column -> sheet column number
    first: int
    last: int | None
    marker: str


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_layout(row: dict) -> Layout | None:
    """The layout a manifest row declares; None when its layout columns are empty. Raises ValueError naming the
    column and what it expects (``(column, message)`` in ``args``)."""
    spec = {c: str(row.get(c) or "").strip() for c in LAYOUT_COLUMNS}
    if not any(spec.values()):
        return None
    if not spec["peta_kolom"]:
        raise ValueError("peta_kolom", "the columns and their letters, like no=A;sasaran=B;indikator=C, when "
                                       "baris_awal, baris_akhir or penanda_akhir is given")
    columns = {}
    for part in filter(None, (p.strip() for p in spec["peta_kolom"].split(";"))):
        m = _PAIR.match(part)
        if not m or m.group(1) in columns:
            raise ValueError("peta_kolom", f"column=letter pairs separated by ';', each column once (like "
                                           f"no=A;target=D), not {part!r}")
        columns[m.group(1)] = _column_number(m.group(2))
    if not spec["baris_awal"].isdigit() or int(spec["baris_awal"]) < 1:
        raise ValueError("baris_awal", "the number of the sheet's first data row, like 8")
    first = int(spec["baris_awal"])
    last = None
    if spec["baris_akhir"]:
        if not spec["baris_akhir"].isdigit() or int(spec["baris_akhir"]) < first:
            raise ValueError("baris_akhir", f"the number of the last data row, not before baris_awal ({first})")
        last = int(spec["baris_akhir"])
    return Layout(columns, first, last, spec["penanda_akhir"])


def read_layout_table(book: Workbook, name: str, layout: Layout, columns, optional=(), pattern=None,
                      style: str = "id", table: str | None = None, strict: bool = True) -> RawTable:
    """The table of sheet ``name`` where ``layout`` says it is, as the raw rows of its table kind (``strict``: as
    :func:`analysis.ingest.workbook.read_sheet_table`)."""
    sheet = sheet_of(book, name)
    start = len(book.problems)
    t = RawTable(table or name, book.path, list(layout.columns), [], sheet=name,
                 letters={c: letter(i) for c, i in layout.columns.items()})
    col = Collector()
    known = list(columns) + list(optional)
    for c in layout.columns:
        if c not in known and not (pattern is not None and pattern.match(c)):
            col.add(t.label, None, "peta_kolom", c, "a column of this table kind: " + ", ".join(known))
    mapped = dict(layout.columns)
    if "baris_sumber" in columns and "baris_sumber" not in mapped:
        t.columns.insert(0, "baris_sumber")  # the sheet is the source: each row is traced to its sheet row
    for c in columns:
        if c not in mapped and c != "baris_sumber":
            col.add(t.label, None, "peta_kolom", None, f"a letter for column '{c}' (it is missing)")
    raise_located(col.problems, [t])
    last = layout.last or sheet.max_row
    marker = layout.marker.casefold()

    def stop(r, row) -> bool:
        if layout.last is not None:
            return False
        if marker:
            return any(str(v).casefold().startswith(marker) for v in row.values())
        return not any(row.values())

    t.rows = rows_of(book, sheet, t, mapped, range(layout.first, last + 1), style, col, stop=stop)
    for r in t.rows:
        r.setdefault("baris_sumber", "")
    if not t.rows and not col.problems:
        col.add(t.label, layout.first, None, "", "at least one data row from baris_awal")
    return finish(t, col, book.problems[start:], optional, strict)
