"""The indicator values each report of an agency prints (this year's and every earlier report's), with their source.

An agency-year's trends join its agency's earlier reports (:mod:`analysis.indicators.restatements`). Those are
read here from their **raw** tables through the same cleaning as their own builds, never from their processed
outputs: agency-years build in parallel and in any order, so no build may depend on another one's results (the
fingerprint includes the earlier years' raw files, :mod:`analysis.build.fingerprint`). An earlier report whose
tables have problems is left out with a warning (its own build lists the problems).

Output columns (``realisation_by_report``): kode_indikator, tahun (the year the figure is for), laporan_tahun
(the report that prints it), realisasi (graded: the score, where printed), predikat, tabel (the raw table kind),
baris_sumber (its line in that report's ``sumber.txt``). One row per indicator, year and report.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError, Warning_
from .raw import earlier_years

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


def values_by_report(agency: str, year: int, raw_root: Path | str, tables: dict[str, pd.DataFrame]
                     ) -> tuple[pd.DataFrame, list[int], list[Warning_]]:
    """This report's values (from its cleaned ``tables``) and every earlier report's (cleaned from raw); the
    earlier years read; a warning for each earlier report that could not be read."""
    from .clean import clean_agency_year  # the cleaning of one agency-year, reused for the earlier ones

    parts, read, warnings = [printed_values(tables, year)], [], []
    for y in earlier_years(agency, year, raw_root):
        try:
            other = clean_agency_year(agency, y, raw_root)
        except DataError as e:
            warnings.append(Warning_(f"{agency}/{y}", f"the {y} report's tables have {len(e.problems)} problem(s), "
                                     "which its own build lists: its figures are not joined into the trends"))
            continue
        parts.append(printed_values(other.tables, y))
        read.append(y)
    df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return df.sort_values(["kode_indikator", "tahun", "laporan_tahun"], kind="stable").reset_index(drop=True), \
        read, warnings
