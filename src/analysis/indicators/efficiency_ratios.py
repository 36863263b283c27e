"""Efficiency as output/input ratios (IE) per sasaran and input, from a table that prints them (``efisiensi_rasio``).

IE = capaian keluaran / capaian masukan × 100: above 100 % the goal achieved more than its input's share
(efficient), below 100 % less. TE = IE − 100 is the same figure as a difference. The inputs are the table's
(``dana``: the budget, ``sdm``: staff days, …); the printed IE is reconciled in
:func:`analysis.reconcile.budget_candidates.ratio_table_candidates`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: columns of the ``efficiency_ratios`` product
COLUMNS = ["sasaran_no", "sasaran", "masukan", "capaian_masukan", "capaian_keluaran", "efisiensi", "kategori",
           "baris_sumber"]


def efficiency_ratios(ratios: pd.DataFrame | None) -> pd.DataFrame:
    """Per sasaran and input: the two achievements as printed, IE recomputed (%), and its category (``Efisien``
    when IE ≥ 100 %, ``Tidak Efisien`` below, as :func:`~analysis.indicators.budget.build_efficiency` names a
    ratio's; empty when an achievement is missing). Columns :data:`COLUMNS`."""
    if ratios is None or not len(ratios):
        return pd.DataFrame(columns=COLUMNS)
    out = ratios.copy()
    inp = pd.to_numeric(out["capaian_masukan"], errors="coerce").astype("float64")
    outp = pd.to_numeric(out["capaian_keluaran"], errors="coerce").astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["efisiensi"] = np.where(inp > 0, outp / inp * 100.0, np.nan)
    out["kategori"] = np.select([out["efisiensi"] >= 100, out["efisiensi"] < 100], ["Efisien", "Tidak Efisien"], "")
    return out[COLUMNS].sort_values(["sasaran_no", "masukan"], kind="stable").reset_index(drop=True)
