"""One roll-up: read the selected agency-years, recompute and reconcile them together, compare them; every table
of the roll-up in one dict (``TABLES`` names them, ``write`` saves them as CSV and Parquet)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..reconcile.batch import recompute
from . import compare
from .assemble import batch_inputs, definitions_in_year
from .load import agency_years, load

#: the roll-up's tables, in the order the report shows them
TABLES = ("agency_years", "distributions", "variants", "formula_changes", "below_standard", "findings",
          "findings_per_agency", "efficiency", "efficiency_summary", "iku", "reconciliation")
#: checks of an agency-year's mean that need every one of its IKU recomputed
WHOLE = ("capaian_rata_rata", "efisiensi")
#: checks that need every programme
BUDGET_WHOLE = ("serapan_rata_rata", "efisiensi")
#: the raw budget tables whose rows the roll-up sums (a partial one lacks rows: no total absorption from it)
BUDGET_KINDS = {"realisasi_anggaran", "realisasi_anggaran_rinci", "anggaran_program"}


def meta(processed_root, items) -> pd.DataFrame:
    """Agency, tahun, name and whether it is synthetic, from each agency-year's ``clean_info.json``."""
    rows = []
    for agency, year in items:
        info = json.loads((Path(processed_root) / agency / str(year) / "clean_info.json").read_text(encoding="utf-8"))
        m = info.get("meta", {})
        partial = {t.get("tabel") for t in info.get("tables_read", []) if t.get("cakupan") == "sebagian"}
        rows.append({"agency": agency, "tahun": year, "nama_instansi": m.get("nama_instansi", agency),
                     "sintetis": str(m.get("sintetis", "tidak")).lower() not in ("tidak", "no", "false", ""),
                     "iku_sebagian": "capaian_iku" in partial, "anggaran_sebagian": bool(BUDGET_KINDS & partial)})
    return pd.DataFrame(rows, columns=["agency", "tahun", "nama_instansi", "sintetis", "iku_sebagian",
                                       "anggaran_sebagian"])


def selection(agencies=None, years=None) -> tuple[list[str] | None, list[int] | None]:
    """The notebook's ``agencies`` (``"a,b"``) and ``years`` (``"2022-2024"``, ``"2021,2024"``) parameters as
    lists (``None``: all)."""
    chosen = [a.strip() for a in str(agencies).split(",") if a.strip()] if agencies else None
    picked = None
    if years:
        picked = []
        for part in str(years).split(","):
            first, _, last = part.strip().partition("-")
            picked += list(range(int(first), int(last or first) + 1))
    return chosen, picked


def roll_up(processed_root, agencies=None, years=None, engine: str = "pyarrow") -> dict[str, pd.DataFrame]:
    """Every table of :data:`TABLES` for the agency-years under ``processed_root`` (``agencies``/``years``: only
    those). ``engine``: how the tables are read (:mod:`.load`)."""
    items = agency_years(processed_root, agencies, years)
    tables = load(processed_root, items, engine)
    iku_in, program, summary, keys = batch_inputs(tables)
    out = recompute(iku_in, program, summary)
    names = meta(processed_root, items)

    rec = out["reconciliation"].merge(keys, on="key").drop(columns="key")
    rec = rec[rec["reported"].notna()]  # a figure the agency-year does not print is not checked
    printed_only = iku_in.loc[~iku_in["komponen_tercetak"], ["agency", "tahun", "kode_indikator"]]
    skip = set(zip(printed_only["agency"], printed_only["tahun"], "realisasi " + printed_only["kode_indikator"],
                   strict=True))
    # an agency-year some of whose IKU are not recomputed here (graded, or without a definition) keeps its mean
    # and efficiency for its own report
    counted = iku_in.groupby(["agency", "tahun"]).size()
    printed = tables["capaian_iku"].groupby(["agency", "tahun"]).size()
    partial = set(printed.index[printed.ne(counted.reindex(printed.index).fillna(0))])
    # a table marked partial (manifest cakupan sebagian) lacks rows: its means cannot be recomputed
    partial |= _pairs(names[names["iku_sebagian"]])
    budget_partial = _pairs(names[names["anggaran_sebagian"]])
    keep = [(a, y, c) not in skip and not (c in WHOLE and (a, y) in partial)
            and not (c in BUDGET_WHOLE and (a, y) in budget_partial)
            for a, y, c in zip(rec["agency"], rec["tahun"], rec["check"], strict=True)]
    rec = rec[keep].reset_index(drop=True)

    iku = out["iku"].drop(columns="key")  # its rows carry agency and tahun already
    iku = compare.with_standard(iku, tables["target_nasional"])
    ay = out["agency_year"].merge(keys, on="key").drop(columns="key")
    ay = names.merge(ay, on=["agency", "tahun"], how="left")
    ay.loc[ay.set_index(["agency", "tahun"]).index.isin(partial), ["capaian_rata_rata", "efisiensi_tertimbang",
                                                                   "efisiensi_rata_rata"]] = float("nan")
    # a budget table marked partial lacks programmes: its sums are not the agency's absorption
    ay.loc[ay.set_index(["agency", "tahun"]).index.isin(budget_partial), ["anggaran", "realisasi", "serapan",
                                                                          "serapan_rata_rata", "efisiensi_tertimbang",
                                                                          "efisiensi_rata_rata"]] = float("nan")
    found = compare.findings(rec)
    eff = compare.efficiency(ay)
    defs = definitions_in_year(tables)
    return {
        "agency_years": ay, "distributions": compare.distributions(iku), "variants": compare.variants(defs),
        "formula_changes": compare.formula_changes(tables["definisi_indikator"]),
        "below_standard": compare.below_standard(iku), "findings": found,
        "findings_per_agency": compare.findings_per_agency(found, rec), "efficiency": eff,
        "efficiency_summary": compare.efficiency_summary(eff), "iku": iku, "reconciliation": rec,
    }


def _pairs(frame: pd.DataFrame) -> set[tuple[str, int]]:
    return set(zip(frame["agency"], frame["tahun"], strict=True))


def write(result: dict[str, pd.DataFrame], folder) -> list[Path]:
    """Each table as ``<name>.csv`` (spreadsheet-safe) and ``<name>.parquet`` in ``folder``, atomically."""
    from ..atomic import write_tables

    return write_tables(folder, {name: result[name] for name in TABLES})
