"""The programme master table, and programme numbers for tables that name programmes without them."""
from __future__ import annotations

import pandas as pd

from ..errors import Collector
from .cells import normalise_name
from .context import Context
from .figures import Subject


def build_program(t: dict[str, pd.DataFrame], source: str = "APBD") -> pd.DataFrame:
    """The programme master: number, name, sasaran it supports (as the narrative says), funding (``source`` for a
    programme of the budget table that the performance agreement does not list: the agency's source)."""
    cols = ["program_no", "program", "sasaran_no", "sumber_anggaran", "anggaran_pk"]
    base = t.get("anggaran_program")
    pk = t.get("pk_program")
    src = t.get("anggaran_program_sumber_dana")
    rows = {}
    if pk is not None:
        for _, r in pk.iterrows():
            rows[r["program_no"]] = {"program_no": r["program_no"], "program": r["program"], "sasaran_no": None,
                                     "sumber_anggaran": r["sumber_anggaran"], "anggaran_pk": r["anggaran"]}
    if base is not None:
        for _, r in base.iterrows():
            d = rows.setdefault(r["program_no"], {"program_no": r["program_no"], "sumber_anggaran": source,
                                                  "anggaran_pk": None, "sasaran_no": None})
            d["program"] = r["program"]
    if src is not None:
        for no, g in src.groupby("program_no"):
            if no in rows and g["sasaran_no"].notna().any():
                rows[no]["sasaran_no"] = int(g["sasaran_no"].dropna().iloc[0])
    df = pd.DataFrame(list(rows.values()), columns=cols).sort_values("program_no", kind="stable")
    return df.astype({"program_no": "int64", "sasaran_no": "Int64", "anggaran_pk": "Int64"}).reset_index(drop=True)


def _numbers_by_name(t: dict[str, pd.DataFrame]) -> dict[str, int]:
    names = {}
    for name in ("pk_program", "anggaran_program"):  # the budget table's name wins, as in build_program
        df = t.get(name)
        if df is not None:
            for no, n in zip(df["program_no"], df["program"], strict=True):
                if pd.notna(no) and isinstance(n, str):
                    names[int(no)] = n
    return {normalise_name(n): no for no, n in names.items()}


def check_programme_names(t: dict[str, pd.DataFrame], ctx: Context, col: Collector) -> None:
    """Every programme of the efficiency table is named as in the budget tables (it has no number of its own)."""
    eff = t.get("efisiensi_dilaporkan")
    if eff is None:
        return
    by_name = _numbers_by_name(t)
    for _, r in eff.iterrows():
        if r["program"] and normalise_name(r["program"]) not in by_name:
            col.add(ctx.table_label("efisiensi"), int(r["baris_raw"]), "program", r["program"],
                    f"a programme named as in {ctx.table_label('realisasi_anggaran')}")


def attach_program_numbers(t: dict[str, pd.DataFrame], ctx: Context) -> None:
    """The efficiency table names programmes without their budget-table numbers: number them by name
    (:func:`check_programme_names` has checked every name)."""
    eff = t.get("efisiensi_dilaporkan")
    if eff is None:
        return
    by_name = {normalise_name(n): int(no)
               for no, n in zip(t["program"]["program_no"], t["program"]["program"], strict=True)}
    numbers_ = [by_name[normalise_name(p)] for p in eff["program"]]
    eff.insert(1, "program_no", pd.array(numbers_, dtype="int64"))
    a = t["reported_figures"]
    subjects = a["subjek"].map(Subject.parse)
    named = subjects.map(lambda s: s.kind == "programme_by_name").astype(bool)
    a.loc[named, "subjek"] = [str(Subject.programme(by_name[s.key])) for s in subjects[named]]
