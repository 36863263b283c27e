"""Checks that span tables: amounts that must add up across tables, components the definitions name.

They run even when some cells of the tables are bad (those rows are left out of a sum rather than counted as
zero), so one run lists the cross-table problems with the cell problems. Messages name the agency-year, show
the cells as printed and the expected amount in the style of the table they blame.
"""
from __future__ import annotations

import pandas as pd

from ..errors import Collector
from .context import Context
from .definitions import valid_in
from .numbers import column_style, format_integer
from .raw import RawTable

#: the raw tables read, by table kind, with their number style (``gaya_angka``)
Read = dict[str, tuple[RawTable, str]]


def check_component_references(t: dict[str, pd.DataFrame], ctx: Context, col: Collector) -> None:
    """A definition valid this year must name components that are stated (a typo would silently make the
    indicator unverifiable). An indicator with no components at all is allowed: it is reported as
    unverifiable, with a warning."""
    comps = t.get("komponen_iku")
    if comps is None:
        return
    for _, d in valid_in(ctx.definitions, ctx.year).iterrows():
        have = set(comps.loc[comps["kode_indikator"] == d["kode_indikator"], "komponen"].dropna())
        if not have:
            continue
        for c in ("komponen_pembilang", "komponen_penyebut"):
            for name in filter(None, str(d[c] or "").split("+")):
                if name not in have:
                    col.add(f"{ctx.agency}/definisi_indikator.csv", int(d["baris_raw"]), c, name,
                            f"a component stated in {ctx.table_label('komponen_iku')} for {d['kode_indikator']} "
                            f"({', '.join(sorted(have))})")


def _style(spec: str, column: str) -> str:
    try:
        return column_style(spec, column)
    except ValueError:  # reported with the manifest
        return "id"


def _complete(df: pd.DataFrame, columns) -> pd.DataFrame:
    """Rows whose key and amounts were all read (a bad cell is reported where it is, not as a wrong sum)."""
    return df.dropna(subset=list(columns))


def check_cross_table_totals(t: dict[str, pd.DataFrame], ctx: Context, read: Read, col: Collector) -> None:
    """Totals that hold across tables: per-source programme amounts add up to the programme table,
    and programme amounts per source add up to the stated DAU/DAK totals."""
    prog, src, tot = t.get("anggaran_program"), t.get("anggaran_program_sumber_dana"), t.get("anggaran_sumber_dana")
    if prog is not None and src is not None and "anggaran_program_sumber_dana" in read:
        raw, spec = read["anggaran_program_sumber_dana"]
        budget_file = read["realisasi_anggaran"][0].label if "realisasi_anggaran" in read else "realisasi_anggaran.csv"
        for c in ("anggaran", "realisasi"):
            style = _style(spec, c)
            groups = {no: g for no, g in src.groupby("program_no")}
            for _, r in _complete(prog, ["program_no", c]).iterrows():
                g = groups.get(r["program_no"])
                if g is None or g[c].isna().any():
                    continue
                total = int(g[c].sum())
                if total != int(r[c]):
                    lines = [int(x) for x in g["baris_raw"]]
                    where = f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"
                    col.add(raw.label, lines[0], c, " + ".join(raw.cell(x, c) for x in lines),
                            f"per-source amounts of programme {int(r['program_no'])} ({where}) adding up to "
                            f"{format_integer(int(r[c]), style)} as in "
                            f"{budget_file} line {int(r['baris_raw'])}; "
                            f"they add up to {format_integer(total, style)}")
    if src is not None and tot is not None and "anggaran_sumber_dana" in read:
        raw, spec = read["anggaran_sumber_dana"]
        for c in ("anggaran", "realisasi"):
            style = _style(spec, c)
            sums = {sd: g[c] for sd, g in src.groupby("sumber_dana")}
            for _, r in _complete(tot, ["sumber_dana", c]).iterrows():
                parts = sums.get(r["sumber_dana"])
                if parts is None or parts.isna().any():
                    continue
                if int(parts.sum()) != int(r[c]):
                    col.add(raw.label, int(r["baris_raw"]), c, raw.cell(int(r["baris_raw"]), c),
                            f"the sum of the programme {r['sumber_dana']} amounts in "
                            f"{ctx.table_label('anggaran_program_sumber_dana')} "
                            f"({format_integer(int(parts.sum()), style)})")
