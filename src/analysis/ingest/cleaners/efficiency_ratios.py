"""The efficiency table printed as output/input ratios (``efisiensi_rasio``): one row per sasaran, one pair of
columns per input the table names.

Central agencies print efficiency as *IE* = capaian keluaran / capaian masukan (BPKP 2021, Tabel 3.23:
``6=5/3`` for the budget, ``7=5/4`` for staff days). The inputs are named by the data: a column
``capaian_input_<name>`` (the input's achievement, %) and its ``efisiensi_<name>`` (the printed ratio, %),
for any ``<name>`` (``dana``, ``sdm``, …). A row whose ``no`` starts with ``RATA`` prints the means.
"""
from __future__ import annotations

import re

import pandas as pd

from ..cells import leading_number
from ..figures import Subject, reported_figure

#: the columns named by the data: an input's achievement and its printed efficiency
INPUT_COLUMN = re.compile(r"^(capaian_input|efisiensi)_([a-z][a-z0-9]*)$")
COLUMNS = ["sasaran_no", "sasaran", "masukan", "capaian_masukan", "capaian_keluaran", "baris_sumber", "baris_raw"]


def inputs(columns: list[str]) -> list[str]:
    """The inputs a table names, in column order (each needs both its columns; :func:`efisiensi_rasio` says so)."""
    out = []
    for c in columns:
        m = INPUT_COLUMN.match(c)
        if m and m.group(2) not in out:
            out.append(m.group(2))
    return out


def efisiensi_rasio(ctx, t, cells):
    """Per sasaran and input: the input's and the output's achievement as printed, and the printed ratio as a
    reported figure (``efisiensi_rasio`` of ``sasaran N <input>``; the means row: ``efisiensi_rasio_rata_rata`` of
    ``semua <input>``)."""
    names = inputs(t.columns)
    rows, angka = [], []
    before = len(cells.col.problems)
    if not names:
        cells.col.add(t.label, 1, None, ", ".join(t.columns),
                      "at least one input: columns capaian_input_<name> and efisiensi_<name> (e.g. _dana)")
    for name in names:
        for c in (f"capaian_input_{name}", f"efisiensi_{name}"):
            if c not in t.columns:
                cells.col.add(t.label, 1, c, None, f"a column named '{c}' (the input '{name}' needs both columns)")
    if len(cells.col.problems) > before:  # the columns do not say which inputs the table has
        return {"efisiensi_rasio": pd.DataFrame(columns=COLUMNS)}, angka
    for r in t.rows:
        if r["no"].replace(" ", "").upper().startswith("RATA"):
            for name in names:
                angka.append(reported_figure("efisiensi_rasio_rata_rata", Subject.all(name), cells.percent(
                    r, f"efisiensi_{name}", maximum=None), r[f"efisiensi_{name}"], t.name, r, ctx.year))
            continue
        no = leading_number(r["no"])
        if no is None:
            cells.bad(r, "no", "a sasaran number like '1.' (or RATA-RATA for the means row)")
            continue
        output = cells.percent(r, "capaian_output", maximum=None)
        for name in names:
            rows.append({"sasaran_no": no, "sasaran": cells.text(r, "sasaran"), "masukan": name,
                         "capaian_masukan": cells.percent(r, f"capaian_input_{name}", maximum=None),
                         "capaian_keluaran": output, "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
            angka.append(reported_figure("efisiensi_rasio", Subject.sasaran(no, name),
                                         cells.percent(r, f"efisiensi_{name}", maximum=None),
                                         r[f"efisiensi_{name}"], t.name, r, ctx.year))
    return {"efisiensi_rasio": pd.DataFrame(rows, columns=COLUMNS)}, angka
