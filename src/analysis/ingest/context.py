"""The context of one agency-year: its meta data, its manifest of tables and the agency's indicator definitions.

Reading it collects problems instead of stopping at the first file: a bad meta.csv, manifest row or
definition is listed with the problems of the tables (:func:`load_context`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Collector, DataError, Problem, Warning_
from .cells import Cells, normalise_name
from .definitions import DEFINITION_COLUMNS, METHOD_COLUMNS, name_index, read_definitions, valid_in
from .layout import stray_folders, unlisted_tables
from .numbers import parse_style_spec
from .provenance import Source, check_line_refs, check_meta, parse_line_refs
from .raw import WORKBOOK_SUFFIXES, RawTable, agency_year_dir, read_raw_csv
from .units import Unit, unit_of
from .workbook import Workbook, locate, open_workbook, read_sheet_table, split_ref
from .workbook_layout import LAYOUT_COLUMNS, parse_layout


@dataclass
class Context:
    agency: str
    year: int
    folder: Path
    meta: dict
    manifest: pd.DataFrame
    definitions: pd.DataFrame
    warnings: list[Warning_] = field(default_factory=list)
    source: Source = field(default_factory=lambda: Source("the source", None))
    #: False when definisi_indikator.csv had problems (its good rows are still used)
    definitions_ok: bool = True
    #: the workbooks of the folder read so far, by file name (each read once per run)
    books: dict[str, Workbook] = field(default_factory=dict)
    #: the raw tables read from workbooks: where problems named after them are placed in cells
    sheets_read: list[RawTable] = field(default_factory=list)

    def workbook(self, name: str) -> Workbook:
        """The folder's workbook ``name``, read once."""
        if name not in self.books:
            self.books[name] = open_workbook(self.folder / name)
        return self.books[name]

    def located(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` with those of workbook tables placed in their cells (``Sheet!E7``)."""
        return locate(problems, self.sheets_read)

    def __post_init__(self):
        self._names = name_index(self.definitions)
        # code -> its definition this year: asked for every row of every IKU table (a frame filter each time
        # was a sixth of the cleaning step)
        self._by_code: dict[str, pd.Series | None] = {}
        self._sasaran: frozenset[int] | None = None

    def label(self, file: str) -> str:
        """``file`` of this agency-year as messages name it: ``kalbar-diskumkm/2024/efisiensi.csv``."""
        return f"{self.agency}/{self.year}/{file}"

    def table_label(self, kind: str) -> str:
        """The table of ``kind`` as messages name it: its manifest file (``efisiensi.csv``, ``lkj.xlsx#efisiensi``),
        ``<kind>.csv`` when the manifest does not list it."""
        m = self.manifest.loc[self.manifest["tabel"] == kind, "berkas"]
        return self.label(m.iloc[0] if len(m) else f"{kind}.csv")

    def indicator_code(self, cells: Cells, row: dict, c: str) -> str | None:
        """Map a printed indicator name (any known spelling, or the code) to its code (KB, UKNK, ...).

        A name two definitions share is refused, naming both: it must never silently take one's row."""
        name = cells.text(row, c)
        if name is None:
            return None
        found = self._names.get(normalise_name(name), {})
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            both = " and ".join(f"{code} (definisi_indikator.csv line {line}, {col})"
                                for code, (line, col, _) in found.items())
            cells.bad(row, c, f"a name of one indicator, but it matches {len(found)} definitions: {both}")
            return None
        note = "" if self.definitions_ok else " (definisi_indikator.csv has problems, listed too)"
        cells.bad(row, c, "an indicator named in definisi_indikator.csv (nama or nama_lain)" + note)
        return None

    def is_graded(self, code: str) -> bool:
        d = self.definitions.loc[self.definitions["kode_indikator"] == code]
        return bool(len(d)) and (d["polaritas"] == "predikat").any()

    def _definition(self, code: str) -> pd.Series | None:
        if code not in self._by_code:
            d = self.definitions[self.definitions["kode_indikator"] == code]
            now = valid_in(d, self.year)
            d = now if len(now) else d
            self._by_code[code] = d.iloc[0] if len(d) else None
        return self._by_code[code]

    def definition(self, code: str | None) -> pd.Series | None:
        """The definition of ``code`` valid this year (else its first version; None when unknown)."""
        return None if code is None else self._definition(code)

    def unit(self, code: str | None) -> Unit:
        """The unit of ``code``'s values (its definition's ``satuan``); a percentage when the code is unknown."""
        d = self.definition(code)
        return unit_of(d["satuan"]) if d is not None else unit_of("%")

    def check_sasaran(self, cells: Cells, row: dict, c: str, code: str | None, number: int | None) -> None:
        """The sasaran a table prints an indicator under is the one its definition names."""
        d = None if code is None or number is None else self._definition(code)
        if d is not None and int(d["sasaran_no"]) != number:
            cells.bad(row, c, f"sasaran {int(d['sasaran_no'])}: the sasaran_no of {code} in definisi_indikator.csv "
                              f"(line {int(d['baris_raw'])}); this row puts it under sasaran {number}")

    def sasaran_numbers(self) -> set[int]:
        """The sasaran numbers of the definitions valid this year (empty when none could be read)."""
        if self._sasaran is None:
            self._sasaran = frozenset(int(n) for n in valid_in(self.definitions, self.year)["sasaran_no"])
        return set(self._sasaran)

    def sasaran_list(self) -> str:
        return ", ".join(str(n) for n in sorted(self.sasaran_numbers()))

    def is_partial(self, berkas: str) -> bool:
        """The manifest marks the table as part of what the report prints (``cakupan`` ``sebagian``): sums over
        its rows are never compared with a printed total."""
        m = self.manifest
        if "cakupan" not in m.columns:
            return False
        return bool((m.loc[m["berkas"] == berkas, "cakupan"] == "sebagian").any())

    def funding_source(self) -> str:
        """The funding source of the agency's budget tables when a table does not name one: meta.csv
        ``sumber_dana`` (APBN for a central agency), else APBD for a regional agency (one with ``provinsi``),
        else :data:`UNNAMED_SOURCE`."""
        named = str(self.meta.get("sumber_dana") or "").strip()
        if named:
            return named
        return "APBD" if str(self.meta.get("provinsi") or "").strip() else UNNAMED_SOURCE


#: the funding source of a budget that neither the table nor meta.csv names
UNNAMED_SOURCE = "anggaran"


MANIFEST_COLUMNS = ["berkas", "tabel", "bagian", "judul_tabel", "baris_sumber", "gaya_angka", "catatan"]
#: optional manifest columns: coverage, then where a table is in a sheet laid out the agency's way
MANIFEST_OPTIONAL = ("cakupan", *LAYOUT_COLUMNS)
#: optional last column: ``lengkap`` (default) or ``sebagian`` (the table shows only part of its rows)
COVERAGE = {"": "lengkap", "lengkap": "lengkap", "sebagian": "sebagian"}


def read_meta(folder: Path) -> dict:
    """meta.csv as a dict (each key once: a repeated key is a problem, never 'the last one wins')."""
    t = read_raw_csv(folder / "meta.csv", ["kunci", "nilai"])
    col = Collector()
    meta, _ = check_meta(t, int(folder.name) if folder.name.isdigit() else None, col)
    col.raise_if_any()
    return meta


def folder_workbook(folder: Path) -> Path | None:
    """The workbook whose ``meta``, ``manifest`` and ``definisi_indikator`` sheets stand in for missing CSV files:
    ``lkj.xlsx``, else the folder's only workbook (None when there is none or several)."""
    books = sorted(p for p in folder.iterdir() if p.suffix.lower() in WORKBOOK_SUFFIXES
                   and not p.name.startswith((".", "~$")) and p.is_file())
    named = [p for p in books if p.name == "lkj.xlsx"]
    return named[0] if named else (books[0] if len(books) == 1 else None)


def control_table(folder: Path, csv_name: str, sheet: str, columns, optional=(), books=None,
                  allow_empty: bool = False) -> RawTable:
    """``csv_name`` of ``folder``; when there is none, the sheet ``sheet`` of the folder's workbook."""
    if (folder / csv_name).exists() or (folder / csv_name).is_symlink():
        return read_raw_csv(folder / csv_name, columns, optional, allow_empty=allow_empty)
    book_path = folder_workbook(folder)
    label = f"{folder.parent.name}/{folder.name}/{csv_name}"
    if book_path is None:
        raise DataError([Problem(label, None, None, None, f"the file {csv_name}, or a workbook lkj.xlsx with a sheet "
                                 f"'{sheet}' (python -m analysis template writes one)")])
    books = {} if books is None else books
    if book_path.name not in books:  # read once for its meta, manifest and definitions sheets and its tables
        books[book_path.name] = open_workbook(book_path)
    return read_sheet_table(books[book_path.name], sheet, columns, optional, allow_empty=allow_empty)


def read_manifest(folder: Path, known_tables: set[str], col: Collector | None = None, books=None
                  ) -> tuple[pd.DataFrame, list[Warning_], RawTable]:
    """The manifest's rows that name a known table kind, a CSV file or workbook sheet of the folder and a style;
    every other row is a problem (collected in ``col``, or raised when none is given). The manifest is
    ``manifest.csv``, else the ``manifest`` sheet of the folder's workbook, whose ``berkas`` may name a sheet of
    that workbook alone (``capaian_iku``)."""
    own = col is None
    col = col or Collector()
    t = control_table(folder, "manifest.csv", "manifest", MANIFEST_COLUMNS, MANIFEST_OPTIONAL, books)
    cells = Cells(t, "id", col)
    if t.sheet:  # a sheet of the workbook itself
        for r in t.rows:
            if r["berkas"] and not r["berkas"].lower().endswith(".csv") and "#" not in r["berkas"]:
                r["berkas"] = f"{t.path.name}#{r['berkas']}"
    good, seen = [], {}
    for r in t.rows:
        before = len(col.problems)
        cells.choice(r, "tabel", tuple(sorted(known_tables)))
        try:
            parse_style_spec(r["gaya_angka"])
        except ValueError as e:
            cells.bad(r, "gaya_angka", str(e))
        r["cakupan"] = cells.choice(r, "cakupan", COVERAGE, required=False) or "lengkap"
        berkas = cells.text(r, "berkas")
        ref = split_ref(berkas or "")
        file = ref[0] if ref else berkas
        # a link is listed here and refused when read (read_raw_csv names it)
        if berkas and ((not ref and not re.fullmatch(r"[a-z0-9_]+\.csv", berkas))
                       or not ((folder / file).is_file() or (folder / file).is_symlink())):
            cells.bad(r, "berkas", "the name of a CSV file in this folder, or a workbook of this folder and one of "
                                   "its sheets (lkj.xlsx#capaian_iku)")
        try:
            layout = parse_layout(r)
            if layout is not None and not ref:
                cells.bad(r, "peta_kolom", "no layout for a CSV file (peta_kolom, baris_awal, baris_akhir and "
                                           "penanda_akhir are for a workbook sheet)")
        except ValueError as e:
            cells.bad(r, e.args[0], e.args[1])
        if r["tabel"] in seen:
            col.add(t.label, r["_line"], "tabel", r["tabel"], f"each table once (also on line {seen[r['tabel']]})")
        seen.setdefault(r["tabel"], r["_line"])
        if len(col.problems) == before:
            good.append(r)
    if own:
        col.raise_if_any()
    for r in good:
        for c in LAYOUT_COLUMNS:
            r.setdefault(c, "")
    return pd.DataFrame(good, columns=MANIFEST_COLUMNS + list(MANIFEST_OPTIONAL) + ["_line"]), t.warnings, t


def _check_definition_lines(definitions: pd.DataFrame, year: int, source: Source, label: str, col: Collector) -> None:
    """A definition stated in this year's report cites lines of this year's source."""
    if source.lines is None:
        return
    for _, d in definitions[definitions["laporan_tahun"] == year].iterrows():
        text = str(d["baris_sumber"] or "").strip()
        try:
            bad = bool(text) and max(hi for _, hi in parse_line_refs(text)) > source.lines
        except ValueError as e:
            col.add(label, int(d["baris_raw"]), "baris_sumber", text, str(e))
            continue
        if bad:
            col.add(label, int(d["baris_raw"]), "baris_sumber", text,
                    f"line numbers within {year}/{source.name} (it has {source.lines} lines)")


def load_context(agency: str, year, raw_root, table_kinds: set[str]) -> tuple[Context, list[Problem], str | None]:
    """The context of one agency-year, the problems of its meta.csv, manifest.csv and definitions, and what could
    not be checked because of them (None: nothing). ``table_kinds``: the kinds its manifest may name.

    Only a folder that cannot be read at all raises at once: nothing else can be checked then."""
    folder = agency_year_dir(agency, year, raw_root)
    year = int(year)
    col = Collector()
    warnings: list[Warning_] = stray_folders(Path(raw_root), agency)
    meta, source, skipped = {}, Source("the source", None), None
    books: dict[str, Workbook] = {}
    sheets: list[RawTable] = []
    try:
        t = control_table(folder, "meta.csv", "meta", ["kunci", "nilai"], books=books)
        sheets.append(t)
        warnings += t.warnings
        meta, source = check_meta(t, year, col)
    except DataError as e:
        col.problems.extend(e.problems)
    manifest = pd.DataFrame(columns=MANIFEST_COLUMNS + list(MANIFEST_OPTIONAL) + ["_line"])
    try:
        manifest, w, mt = read_manifest(folder, table_kinds, col, books)
        sheets.append(mt)
        warnings += w
        check_line_refs(mt, source, col)
        warnings += unlisted_tables(folder, {r["berkas"].split("#")[0] for r in mt.rows}, set(books))
    except DataError as e:
        col.problems.extend(e.problems)
        skipped = "the tables, because the manifest could not be read"
    dcol = Collector()
    try:
        dt = _definitions_table(folder, books, warnings)
        sheets.append(dt)
        definitions = read_definitions(dt, dcol)
    except DataError as e:
        dcol.problems.extend(e.problems)
        definitions = pd.DataFrame(columns=DEFINITION_COLUMNS + ["baris_raw"] + METHOD_COLUMNS)
    col.problems.extend(dcol.problems)
    _check_definition_lines(definitions, year, source, f"{agency}/definisi_indikator.csv", col)
    ctx = Context(agency, year, folder, meta, manifest, definitions, warnings, source,
                  definitions_ok=not dcol.problems, books=books, sheets_read=[t for t in sheets if t.sheet])
    return ctx, ctx.located(col.problems), skipped


def _definitions_table(folder: Path, books: dict, warnings: list[Warning_]) -> RawTable:
    """The agency's ``definisi_indikator.csv`` (shared by its years); without one, the ``definisi_indikator``
    sheet of the agency-year's workbook."""
    path = folder.parent / "definisi_indikator.csv"
    if path.exists() or path.is_symlink() or folder_workbook(folder) is None:
        # a header alone: the report prints no indicator (an efficiency or budget page)
        return read_raw_csv(path, DEFINITION_COLUMNS, tuple(METHOD_COLUMNS), allow_empty=True)
    t = control_table(folder, "definisi_indikator.csv", "definisi_indikator", DEFINITION_COLUMNS,
                      tuple(METHOD_COLUMNS), books, allow_empty=True)
    warnings.extend(t.warnings)
    return t
