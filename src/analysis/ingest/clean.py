"""Cleaning one agency-year: every table of its manifest read, parsed and checked; one error lists every problem.

Returns tidy DataFrames whose columns are documented in ``data/processed/README.md``. Every row keeps
``baris_sumber`` (line in the source report) and ``baris_raw`` (line in the raw CSV). Figures the report
*derives* (percentages, totals, averages, changes) go to the long table of reported figures, which
:mod:`analysis.reconcile` compares with their recomputation.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import Collector, DataError, Problem, Warning_
from .cells import Cells
from .checks import check_component_references, check_cross_table_totals
from .cleaners import CLEANERS, YEAR_COLUMN
from .context import Context, load_context
from .figures import reported_figures_frame
from .plausibility import check_plausibility
from .programmes import attach_program_numbers, build_program
from .raw import RawTable, read_raw_csv
from .schemas import validate_all


@dataclass
class Cleaned:
    """The result of cleaning one agency-year."""

    agency: str
    year: int
    meta: dict
    tables: dict[str, pd.DataFrame]
    warnings: list[Warning_]
    read: list[dict]  # one row per raw table read: berkas, tabel, baris, kolom


def _read_table(ctx: Context, name: str, berkas: str) -> RawTable:
    required, optional, _ = CLEANERS[name]
    # year columns are named by the data (realisasi_2022 …): allowed by pattern where a table has them
    pattern = YEAR_COLUMN if name in ("realisasi_multi_tahun", "target_nasional") else None
    return read_raw_csv(ctx.folder / berkas, required, tuple(optional), pattern=pattern)


def clean_agency_year(agency: str, year, raw_root) -> Cleaned:
    """Read, parse and check every table of one agency-year; raise one :class:`DataError` for all problems."""
    ctx = load_context(agency, year, raw_root, set(CLEANERS))
    problems: list[Problem] = []
    tables: dict[str, list[pd.DataFrame]] = {}
    angka: list[dict] = []
    read = []
    for _, m in ctx.manifest.iterrows():
        name = m["tabel"]
        try:
            t = _read_table(ctx, name, m["berkas"])
        except DataError as e:
            problems.extend(e.problems)
            continue
        ctx.warnings.extend(t.warnings)
        col = Collector()
        cells = Cells(t, m["gaya_angka"], col)
        out, fig = CLEANERS[name][2](ctx, t, cells)
        problems.extend(col.problems)
        for k, df in out.items():
            tables.setdefault(k, []).append(df)
        angka.extend(fig)
        read.append({"berkas": m["berkas"], "tabel": name, "bagian": m["bagian"], "judul_tabel": m["judul_tabel"],
                     "baris_sumber": m["baris_sumber"], "gaya_angka": m["gaya_angka"], "baris": len(t.rows),
                     "kolom": len(t.columns)})
    if problems:
        raise DataError(problems)
    result = {k: pd.concat(v, ignore_index=True) if len(v) > 1 else v[0] for k, v in tables.items()}
    result["definisi_indikator"] = ctx.definitions
    result["reported_figures"] = reported_figures_frame(angka)
    result["program"] = build_program(result)
    attach_program_numbers(result, ctx)
    result = validate_all(result, ctx.folder)
    check_cross_table_totals(result, ctx)
    check_component_references(result, ctx)
    check_plausibility(result, ctx)
    return Cleaned(ctx.agency, ctx.year, ctx.meta, result, ctx.warnings, read)
