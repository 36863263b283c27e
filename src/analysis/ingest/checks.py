"""Checks that span tables: amounts that must add up across tables, components the definitions name."""
from __future__ import annotations

import pandas as pd

from ..errors import Collector
from .context import Context
from .definitions import valid_in


def check_component_references(t: dict[str, pd.DataFrame], ctx: Context) -> None:
    """A definition valid this year must name components that are stated (a typo would silently make the
    indicator unverifiable). An indicator with no components at all is allowed: it is reported as
    unverifiable, with a warning."""
    comps = t.get("komponen_iku")
    if comps is None:
        return
    col = Collector()
    defs = ctx.definitions
    for _, d in valid_in(defs, ctx.year).iterrows():
        have = set(comps.loc[comps["kode_indikator"] == d["kode_indikator"], "komponen"])
        if not have:
            continue
        for c in ("komponen_pembilang", "komponen_penyebut"):
            for name in filter(None, str(d[c] or "").split("+")):
                if name not in have:
                    col.add(f"{ctx.folder.parent.name}/definisi_indikator.csv", int(d["baris_raw"]), c, name,
                            f"a component stated in komponen_iku.csv for {d['kode_indikator']} "
                            f"({', '.join(sorted(have))})")
    col.raise_if_any()


def check_cross_table_totals(t: dict[str, pd.DataFrame], ctx: Context) -> None:
    """Totals that hold across tables: per-source programme amounts add up to the programme table,
    and programme amounts per source add up to the stated DAU/DAK totals."""
    col = Collector()
    prog, src, tot = t.get("anggaran_program"), t.get("anggaran_program_sumber_dana"), t.get("anggaran_sumber_dana")
    if prog is not None and src is not None:
        s = src.groupby("program_no")[["anggaran", "realisasi"]].sum()
        for _, r in prog.iterrows():
            if r["program_no"] in s.index:
                for c in ("anggaran", "realisasi"):
                    if int(s.loc[r["program_no"], c]) != int(r[c]):
                        col.add("anggaran_program_sumber_dana.csv", None, c, f"programme {r['program_no']}",
                                f"per-source amounts adding up to realisasi_anggaran.csv line {r['baris_raw']} "
                                f"({int(r[c]):,}); they add up to {int(s.loc[r['program_no'], c]):,}")
    if src is not None and tot is not None:
        by_sd = src.groupby("sumber_dana")[["anggaran", "realisasi"]].sum()
        for _, r in tot.iterrows():
            if r["sumber_dana"] in by_sd.index:
                for c in ("anggaran", "realisasi"):
                    if pd.notna(r[c]) and int(by_sd.loc[r["sumber_dana"], c]) != int(r[c]):
                        col.add("anggaran_sumber_dana.csv", int(r["baris_raw"]), c, str(r[c]),
                                f"the sum of programme {r['sumber_dana']} amounts "
                                f"({int(by_sd.loc[r['sumber_dana'], c]):,})")
    col.raise_if_any()
