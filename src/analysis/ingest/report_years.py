"""The indicator values each report of an agency prints (this year's and every earlier report's), with their source.

An agency-year's trends join its agency's earlier reports (:mod:`analysis.indicators.restatements`). Those are
read here from their **raw** tables through the same cleaning as their own builds, never from their processed
outputs: agency-years build in parallel and in any order, so no build may depend on another one's results (the
fingerprint includes the earlier years' raw files, :mod:`analysis.build.fingerprint`). An earlier report whose
tables have problems is left out with a warning (its own build lists the problems).

Output columns (``realisation_by_report``): kode_indikator, tahun (the year the figure is for), laporan_tahun
(the report that prints it), realisasi (graded: the score, where printed), predikat, tabel (the raw table kind),
baris_sumber (its line in that report's ``sumber.txt``). One row per indicator, year and report.

Each report's definitions as it states them (table kind ``formulasi_iku``) are gathered the same way
(:func:`stated_by_report`): :func:`analysis.ingest.stated.derive_versions` finds the series breaks in them.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..errors import DataError, Warning_
from .raw import earlier_years
from .stated import STATED_COLUMNS

COLUMNS = ["kode_indikator", "tahun", "laporan_tahun", "realisasi", "predikat", "tabel", "baris_sumber"]


def printed_values(tables: dict[str, pd.DataFrame], report_year: int) -> pd.DataFrame:
    """Each indicator-year one report prints, by the precedence of the trends' series
    (:func:`analysis.indicators.trends.build_series`): the multi-year table, else the IKU table of the year;
    a SAKIP score table gives the score beside the grade."""
    rows: dict[tuple[str, int], dict] = {}
    for _, r in tables.get("realisasi_tahunan", pd.DataFrame(columns=["kode_indikator"])).iterrows():
        rows[(r["kode_indikator"], int(r["tahun"]))] = {"realisasi": r["realisasi"],
                                                         "predikat": r["realisasi_predikat"],
                                                         "tabel": "realisasi_multi_tahun",
                                                         "baris_sumber": r["baris_sumber"]}
    for _, r in tables.get("capaian_iku", pd.DataFrame(columns=["kode_indikator"])).iterrows():
        rows.setdefault((r["kode_indikator"], int(report_year)),
                        {"realisasi": r["realisasi"], "predikat": r["realisasi_predikat"], "tabel": "capaian_iku",
                         "baris_sumber": r["baris_sumber"]})
    for _, r in tables.get("nilai_sakip", pd.DataFrame(columns=["kode_indikator"])).iterrows():
        d = rows.setdefault((r["kode_indikator"], int(r["tahun"])), {"predikat": r["predikat"]})
        d.update({"realisasi": r["nilai"], "tabel": "nilai_sakip", "baris_sumber": r["baris_sumber"]})
    out = [{"kode_indikator": code, "tahun": y, "laporan_tahun": int(report_year), **d}
           for (code, y), d in sorted(rows.items())]
    df = pd.DataFrame(out, columns=COLUMNS)
    df["predikat"] = df["predikat"].where(df["predikat"].map(lambda p: isinstance(p, str)), None).astype("object")
    df["baris_sumber"] = df["baris_sumber"].map(lambda b: "" if b is None or b != b else str(b))
    return df.astype({"tahun": "int64", "laporan_tahun": "int64", "realisasi": "float64"})


def stated_by_report(tables_by_year: dict[int, dict[str, pd.DataFrame]]) -> pd.DataFrame:
    """Every report's ``formulasi_iku`` (its definitions as printed), with ``laporan_tahun``; ordered by report."""
    parts = [t["formulasi_iku"].assign(laporan_tahun=int(y)) for y, t in sorted(tables_by_year.items())
             if "formulasi_iku" in t]
    if not parts:
        return pd.DataFrame(columns=[*STATED_COLUMNS, "laporan_tahun"]).astype({"laporan_tahun": "int64"})
    return pd.concat(parts, ignore_index=True).astype({"laporan_tahun": "int64"})


class Reports(NamedTuple):
    """What one agency-year's build reads of its agency's reports (this one and the earlier ones)."""

    values: pd.DataFrame  # realisation_by_report
    read: list[int]  # the earlier report years read
    warnings: list[Warning_]  # one for each earlier report that could not be read
    stated: pd.DataFrame  # every report's definitions as printed (stated_by_report)


def values_by_report(agency: str, year: int, raw_root: Path | str, tables: dict[str, pd.DataFrame]) -> Reports:
    """This report's values (from its cleaned ``tables``) and every earlier report's (cleaned from raw), and the
    definitions each states."""
    from .clean import clean_agency_year  # the cleaning of one agency-year, reused for the earlier ones

    parts, read, warnings = [printed_values(tables, year)], [], []
    cleaned = {int(year): tables}
    for y in earlier_years(agency, year, raw_root):
        try:
            other = clean_agency_year(agency, y, raw_root)
        except DataError as e:
            warnings.append(Warning_(f"{agency}/{y}", f"the {y} report's tables have {len(e.problems)} problem(s), "
                                     "which its own build lists: its figures and definitions are not joined"))
            continue
        parts.append(printed_values(other.tables, y))
        cleaned[int(y)] = other.tables
        read.append(y)
    df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    df = df.sort_values(["kode_indikator", "tahun", "laporan_tahun"], kind="stable").reset_index(drop=True)
    return Reports(df, read, warnings, stated_by_report(cleaned))
