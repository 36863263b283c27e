"""Importing a workbook into CSV files for review: each sheet its manifest lists becomes ``<tabel>.csv``, cells as
shown, with ``meta.csv``, ``manifest.csv`` and (when the workbook has them) the definitions.

The manifest's ``catatan`` of each table says where its rows came from (``diimpor dari lkj.xlsx, lembar
capaian_iku: baris CSV 2–4 = baris lembar 2–4``) and which cells were formulas; ``baris_sumber`` keeps its own
meaning (lines of the source report). Existing files are never replaced unless asked (``force``).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import DataError, Problem
from .cleaners import CLEANERS, NAMED_COLUMNS
from .context import MANIFEST_COLUMNS, MANIFEST_OPTIONAL
from .definitions import DEFINITION_COLUMNS, METHOD_COLUMNS
from .raw import RawTable, check_agency_year
from .workbook import open_workbook, read_sheet_table, split_ref
from .workbook_layout import parse_layout, read_layout_table


def _csv(columns: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    # a lone CR in a cell (a line break typed in Excel) is quoted only when every field is: bare, it splits the row
    cr = any("\r" in str(c) for r in rows for c in r)
    w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL if cr else csv.QUOTE_MINIMAL)
    w.writerow(columns)
    w.writerows(rows)
    return out.getvalue()


def _spans(lines: list[int]) -> str:
    """[2, 3, 4, 7] -> ``2–4, 7``."""
    parts, start = [], None
    for i, n in enumerate(lines):
        if start is None:
            start = n
        if i + 1 == len(lines) or lines[i + 1] != n + 1:
            parts.append(f"{start}–{n}" if n != start else str(n))
            start = None
    return ", ".join(parts)


def origin_note(book_name: str, t: RawTable) -> str:
    """Where the CSV's rows came from, in the manifest's language (Indonesian)."""
    lines = [r["_line"] for r in t.rows]
    note = (f"diimpor dari {book_name}, lembar {t.sheet}: baris CSV {_spans(list(range(2, len(lines) + 2)))} = "
            f"baris lembar {_spans(lines)}")
    if t.formulas:
        cells = [f"{t.sheet}!{t.letters.get(c, '')}{r} {f}" for (r, c), f in sorted(t.formulas.items())]
        note += f"; {len(cells)} sel berupa rumus (nilai tersimpan dipakai): " + ", ".join(cells[:5])
        note += " …" if len(cells) > 5 else ""
    return note


def import_workbook(path: Path | str, agency: str, year, output: Path | str, force: bool = False) -> list[Path]:
    """Write the tables of the workbook at ``path`` as CSV files into ``output``; the files written."""
    from ..atomic import write_text

    agency, year = check_agency_year(agency, year)
    path, output = Path(path), Path(output)
    book = open_workbook(path)
    manifest = read_sheet_table(book, "manifest", MANIFEST_COLUMNS, MANIFEST_OPTIONAL)
    files: dict[str, str] = {}
    rows, problems = [], []
    for m in manifest.rows:
        kind = m["tabel"]
        if kind not in CLEANERS:
            problems.append(Problem(book.label, m["_line"], "tabel", kind, "one of " + ", ".join(CLEANERS),
                                    cell=manifest.cell_ref(m["_line"], "tabel")))
            continue
        ref = split_ref(m["berkas"]) or (path.name, m["berkas"])
        if ref[0] != path.name:  # a CSV file or another workbook: not this import's to copy
            problems.append(Problem(book.label, m["_line"], "berkas", m["berkas"], f"a sheet of {path.name}",
                                    cell=manifest.cell_ref(m["_line"], "berkas")))
            continue
        required, optional, _ = CLEANERS[kind]
        pattern = NAMED_COLUMNS.get(kind)
        try:
            layout = parse_layout(m)
            t = (read_sheet_table(book, ref[1], required, optional, pattern, m["gaya_angka"], kind) if layout is None
                 else read_layout_table(book, ref[1], layout, required, optional, pattern, m["gaya_angka"], kind))
        except DataError as e:
            problems.extend(e.problems)
            continue
        except ValueError as e:
            problems.append(Problem(book.label, m["_line"], e.args[0], m.get(e.args[0]), e.args[1],
                                    cell=manifest.cell_ref(m["_line"], e.args[0])))
            continue
        files[f"{kind}.csv"] = _csv(t.columns, [[r.get(c, "") for c in t.columns] for r in t.rows])
        note = " ".join(filter(None, [m["catatan"], f"[{origin_note(path.name, t)}]"]))
        rows.append([f"{kind}.csv", kind, m["bagian"], m["judul_tabel"], m["baris_sumber"], m["gaya_angka"], note,
                     m["cakupan"]])
    for sheet, name, columns, optional in (("meta", "meta.csv", ["kunci", "nilai"], ()),
                                           ("definisi_indikator", "definisi_indikator.csv", DEFINITION_COLUMNS,
                                            METHOD_COLUMNS)):
        if sheet in book.sheets:
            try:
                t = read_sheet_table(book, sheet, columns, optional)
            except DataError as e:
                if sheet == "meta" or not _only_empty(e):
                    problems.extend(e.problems)
                continue
            files[name] = _csv(t.columns, [[r.get(c, "") for c in t.columns] for r in t.rows])
    if problems:
        raise DataError(problems)
    files["manifest.csv"] = _csv(MANIFEST_COLUMNS + ["cakupan"], rows)
    existing = [output / n for n in files if (output / n).exists()]
    if existing and not force:
        raise DataError([Problem(str(p), None, None, None, "a file that does not exist yet (files are never replaced "
                                 "unless --force: raw data is kept as it is)") for p in existing])
    written = []
    for name, text in files.items():
        write_text(output / name, text)
        written.append(output / name)
    return written


def _only_empty(e: DataError) -> bool:
    """The sheet has its header and no rows (an unused definitions sheet)."""
    return all("the table is empty" in p.expected for p in e.problems)

