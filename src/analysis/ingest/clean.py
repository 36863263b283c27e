"""Cleaning one agency-year: every table of its manifest read, parsed and checked; one error lists every problem.

Returns tidy DataFrames whose columns are documented in ``data/processed/README.md``. Every row keeps
``baris_sumber`` (line in the source report) and ``baris_raw`` (line in the raw CSV). Figures the report
*derives* (percentages, totals, averages, changes) go to the long table of reported figures, which
:mod:`analysis.reconcile` compares with their recomputation.

One run collects the problems of every stage — meta.csv and provenance, the manifest, the definitions, every
cell, every row key, the checks across tables — and raises them together. Only the schemas of the processed
tables wait for a clean input (they would repeat each bad cell); the message says so.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import Collector, DataError, Warning_
from .cells import Cells
from .checks import Read, check_component_references, check_cross_table_totals
from .cleaners import CLEANERS, KEYS, NAMED_COLUMNS
from .cleaners.performance import merge_restatements
from .context import Context, load_context
from .figures import reported_figures_frame
from .keys import check_key
from .plausibility import check_plausibility
from .programmes import attach_program_numbers, build_program, check_programme_names
from .provenance import check_line_refs
from .raw import RawTable, read_raw_csv
from .schemas import validate_all
from .workbook import read_sheet_table, split_ref
from .workbook_layout import parse_layout, read_layout_table

#: what the schemas of the processed tables need before they can be checked
SCHEMAS_WAIT = "the processed tables' schemas (types, ranges), which run once these problems are fixed"


@dataclass
class Cleaned:
    """The result of cleaning one agency-year."""

    agency: str
    year: int
    meta: dict
    tables: dict[str, pd.DataFrame]
    warnings: list[Warning_]
    read: list[dict]  # one row per raw table read: berkas, tabel, baris, kolom


def _read_table(ctx: Context, name: str, m) -> RawTable:
    """The raw table a manifest row names: a CSV file, a sheet of a workbook, or a sheet in the agency's layout."""
    required, optional, _ = CLEANERS[name]
    # columns named by the data (realisasi_2022, capaian_input_dana …): allowed by pattern where a kind has them
    pattern = NAMED_COLUMNS.get(name)
    ref = split_ref(m["berkas"])
    if ref is None:
        return read_raw_csv(ctx.folder / m["berkas"], required, tuple(optional), pattern=pattern)
    book = ctx.workbook(ref[0])
    style = m["gaya_angka"]  # numbers are shown in each column's style
    layout = parse_layout(m)
    if layout is None:
        t = read_sheet_table(book, ref[1], required, tuple(optional), pattern, style, table=name, strict=False)
    else:
        t = read_layout_table(book, ref[1], layout, required, tuple(optional), pattern, style, table=name,
                              strict=False)
    ctx.sheets_read.append(t)
    return t


def _clean_table(ctx: Context, name: str, t: RawTable, style: str, col: Collector):
    """One table's cells parsed, its source lines and row key checked; its tidy tables and reported figures."""
    check_line_refs(t, ctx.source, col)
    cells = Cells(t, style, col)
    out, fig = CLEANERS[name][2](ctx, t, cells)
    key = KEYS[name]
    records = fig if key.frame is None else out[key.frame].to_dict("records")
    check_key(key, records, t, col)
    return out, fig


def clean_agency_year(agency: str, year, raw_root) -> Cleaned:
    """Read, parse and check every table of one agency-year; raise one :class:`DataError` for all problems."""
    ctx, problems, skipped = load_context(agency, year, raw_root, set(CLEANERS))
    col = Collector(list(problems))
    tables: dict[str, list[pd.DataFrame]] = {}
    angka: list[dict] = []
    read, raw_read = [], {}
    for _, m in ctx.manifest.iterrows():
        name = m["tabel"]
        try:
            t = _read_table(ctx, name, m)
        except DataError as e:
            col.problems.extend(e.problems)
            continue
        ctx.warnings.extend(t.warnings)
        col.problems.extend(t.problems)  # a formula never computed: listed with the table's other cells
        out, fig = _clean_table(ctx, name, t, m["gaya_angka"], col)
        for k, df in out.items():
            tables.setdefault(k, []).append(df)
        angka.extend(fig)
        raw_read[name] = (t, m["gaya_angka"])
        read.append({"berkas": m["berkas"], "tabel": name, "bagian": m["bagian"], "judul_tabel": m["judul_tabel"],
                     "baris_sumber": m["baris_sumber"], "gaya_angka": m["gaya_angka"], "cakupan": m["cakupan"],
                     "baris": len(t.rows),
                     "kolom": len(t.columns)})
    result = {k: pd.concat(v, ignore_index=True) if len(v) > 1 else v[0] for k, v in tables.items()}
    _check_across(result, ctx, raw_read, col)
    if col.problems:
        raise DataError(ctx.located(col.problems), "; ".join(filter(None, [skipped, SCHEMAS_WAIT])))
    if "komponen_iku" in result:
        result["komponen_iku"] = merge_restatements(result["komponen_iku"])
    result["definisi_indikator"] = ctx.definitions
    result["reported_figures"] = reported_figures_frame(angka)
    result["program"] = build_program(result, ctx.funding_source())
    attach_program_numbers(result, ctx)
    result = validate_all(result, ctx.folder)
    # bounds need typed, validated tables: the run's last check (data/reference/batas_wajar.csv)
    check_plausibility(result, ctx)
    return Cleaned(ctx.agency, ctx.year, ctx.meta, result, ctx.warnings, read)


def _check_across(result: dict[str, pd.DataFrame], ctx: Context, read: Read, col: Collector) -> None:
    check_programme_names(result, ctx, col)
    check_cross_table_totals(result, ctx, read, col)
    check_component_references(result, ctx, col)
