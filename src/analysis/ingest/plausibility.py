"""Plausibility of one agency-year's cleaned tables: amounts, absorption, counts and years against their bounds.

The bounds are data (``data/reference/batas_wajar.csv``, :mod:`analysis.bounds`). A cell beyond an error bound
stops the run like any other input problem, named by file, line, column and the cell as printed; one beyond a
warn bound becomes a warning of the agency-year, which the report shows. Run on the validated tables, so every
value here parsed and every row keeps its raw line (``baris_raw``).

Checked here (each a relation within the raw rows; figures the pipeline recomputes are checked by
:mod:`analysis.indicators.plausibility`):

- ``rupiah``: budget and spending amounts are not negative;
- ``serapan`` / ``serapan_total``: realisation against budget in every printed row (programme, programme ×
  funding source, funding source), and the agency's total (the TOTAL row, the ``Total APBD`` sentence);
- ``keluaran`` / ``keluaran_target``: an output count against its comparator (``nilai`` of ``nilai_pembanding``);
  a comparator whose text starts with "target" may be exceeded (the row says so), any other may not;
- ``tahun``: no realisation column, SAKIP score or narrative figure of a year after the report's.
  (Targets of later years are medium-term targets, which a report legitimately prints.)
"""
from __future__ import annotations

import re

import pandas as pd

from ..bounds import Findings, judge, number
from ..errors import DataError
from .cells import is_total_label
from .context import Context
from .raw import read_raw_csv

#: cleaned table -> the raw table kind it comes from; the amounts it holds
AMOUNT_TABLES = {"anggaran_program": ("realisasi_anggaran", ("anggaran", "realisasi")),
                 "anggaran_program_sumber_dana": ("anggaran_program_sumber_dana", ("anggaran", "realisasi")),
                 "anggaran_sumber_dana": ("anggaran_sumber_dana", ("anggaran", "realisasi")),
                 "efisiensi_dilaporkan": ("efisiensi", ("anggaran", "realisasi")),
                 "pk_program": ("pk_program", ("anggaran",))}
#: a comparator that is a target, which a count may exceed
TARGET_COMPARATOR = re.compile(r"^\s*target\b", re.IGNORECASE)
_ANY_COLUMN = re.compile(r".+")


class _Raw:
    """The agency-year's raw files by table kind, re-read for the cells as printed (a few kilobytes each)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.files = {r["tabel"]: r["berkas"] for _, r in ctx.manifest.iterrows()}
        self._rows: dict[str, dict[int, dict]] = {}

    def label(self, kind: str) -> str:
        return f"{self.ctx.agency}/{self.ctx.year}/{self.files.get(kind, kind + '.csv')}"

    def rows(self, kind: str) -> dict[int, dict]:
        if kind not in self._rows:
            sheet = next((t for t in self.ctx.sheets_read if t.name == kind), None)  # a workbook's: read already
            try:
                t = sheet or read_raw_csv(self.ctx.folder / self.files[kind], [], pattern=_ANY_COLUMN)
                self._rows[kind] = {r["_line"]: r for r in t.rows}
            except (KeyError, DataError):  # read once already; should it fail now, show the parsed value
                self._rows[kind] = {}
        return self._rows[kind]

    def cell(self, kind: str, line, column: str, fallback) -> str:
        """The cell as printed, or the parsed value when the file cannot be read again."""
        row = self.rows(kind).get(int(line)) if pd.notna(line) else None
        return row[column] if row is not None and column in row else str(fallback)


def _amounts(t: dict[str, pd.DataFrame], raw: _Raw, found: Findings) -> None:
    for name, (kind, columns) in AMOUNT_TABLES.items():
        df = t.get(name)
        for _, r in (df.iterrows() if df is not None else ()):
            for c in columns:
                b = judge("rupiah", r[c]) if pd.notna(r[c]) else None
                if b is not None:
                    found.add(b, raw.label(kind), int(r["baris_raw"]), c, raw.cell(kind, r["baris_raw"], c, r[c]),
                              f"an amount {b.expected()} — {b.reason_en}")


def _serapan(a, r) -> float:
    if a > 0:
        return r / a * 100.0
    return float("inf") if r > 0 else float("nan")


def _absorption_row(raw: _Raw, found: Findings, kind: str, quantity: str, subject: str, line, anggaran, realisasi,
                    printed_anggaran: str | None = None) -> None:
    if pd.isna(anggaran) or pd.isna(realisasi):
        return
    s = _serapan(float(anggaran), float(realisasi))
    b = judge(quantity, s)
    if b is None:
        return
    label = raw.label(kind)
    budget = printed_anggaran or raw.cell(kind, line, "anggaran", anggaran)
    found.add(b, label, None if line is None else int(line), "realisasi",
              raw.cell(kind, line, "realisasi", realisasi) if line is not None else number(realisasi),
              f"a serapan of {subject} {b.expected()}, not {number(s)} % (realisation against the budget "
              f"'{budget}') — {b.reason_en}")


def _absorption(t: dict[str, pd.DataFrame], raw: _Raw, found: Findings) -> None:
    prog = t.get("anggaran_program")
    if prog is not None and len(prog):
        for _, r in prog.iterrows():
            _absorption_row(raw, found, "realisasi_anggaran", "serapan", f"programme {r['program_no']}",
                            r["baris_raw"], r["anggaran"], r["realisasi"])
        # the TOTAL row equals the sum of the rows (checked when cleaning): the agency's overall absorption
        total = next((line for line, row in raw.rows("realisasi_anggaran").items()
                      if is_total_label(row.get("no"))), None)
        _absorption_row(raw, found, "realisasi_anggaran", "serapan_total", "the whole agency (TOTAL)", total,
                        prog["anggaran"].sum(), prog["realisasi"].sum())
    for name, kind in (("anggaran_program_sumber_dana", "anggaran_program_sumber_dana"),
                       ("efisiensi_dilaporkan", "efisiensi")):
        df = t.get(name)
        for _, r in (df.iterrows() if df is not None else ()):
            what = f"programme {r['program_no']}" if "program_no" in df and pd.notna(r["program_no"]) else "programme"
            if name == "anggaran_program_sumber_dana":
                what += f" ({r['sumber_dana']})"
            _absorption_row(raw, found, kind, "serapan", what, r["baris_raw"], r["anggaran"], r["realisasi"])
    src = t.get("anggaran_sumber_dana")
    for _, r in (src.iterrows() if src is not None else ()):
        overall = r["sumber_dana"] == "APBD"
        _absorption_row(raw, found, "anggaran_sumber_dana", "serapan_total" if overall else "serapan",
                        "the whole agency (Total APBD)" if overall else f"the {r['sumber_dana']} funds",
                        r["baris_raw"], r["anggaran"], r["realisasi"])


def _outputs(t: dict[str, pd.DataFrame], raw: _Raw, found: Findings) -> None:
    out = t.get("output_program")
    for _, r in (out.iterrows() if out is not None else ()):
        if pd.isna(r["nilai"]) or pd.isna(r["nilai_pembanding"]):
            continue
        pct = _serapan(float(r["nilai_pembanding"]), float(r["nilai"]))
        comparator = str(r["pembanding"] or "")
        b = judge("keluaran_target" if TARGET_COMPARATOR.match(comparator) else "keluaran", pct)
        if b is not None:
            line = int(r["baris_raw"])
            printed = raw.cell("output_program", line, "nilai", r["nilai"])
            found.add(b, raw.label("output_program"), line, "nilai", printed,
                      f"a count '{r['keluaran']}' {b.expected()} of its comparator nilai_pembanding "
                      f"'{raw.cell('output_program', line, 'nilai_pembanding', r['nilai_pembanding'])}' "
                      f"({comparator or 'pembanding empty'}), not {number(pct)} % — {b.reason_en}")


def _years(t: dict[str, pd.DataFrame], raw: _Raw, found: Findings, year: int) -> None:
    def late(kind: str, line: int | None, column: str, value, y) -> None:
        b = judge("tahun", int(y) - year) if pd.notna(y) else None
        if b is not None:
            found.add(b, raw.label(kind), line, column, value,
                      f"a year up to the report's own ({year}), not {int(y)} — {b.reason_en}")

    real = t.get("realisasi_tahunan")
    if real is not None:  # a year column: named once, on the header line
        for y in sorted(real["tahun"].dropna().unique()):
            late("realisasi_multi_tahun", 1, f"realisasi_{int(y)}", f"realisasi_{int(y)}", y)
    sakip = t.get("nilai_sakip")
    for _, r in (sakip.iterrows() if sakip is not None else ()):
        late("nilai_sakip", int(r["baris_raw"]), "tahun", raw.cell("nilai_sakip", r["baris_raw"], "tahun", r["tahun"]),
             r["tahun"])
    figs = t.get("reported_figures")
    if figs is None:
        return
    # the name its figures carry: a CSV file's stem, a workbook sheet's table kind
    stems = {k: k if "#" in v else v.removesuffix(".csv") for k, v in raw.files.items()}
    national = figs[(figs["tabel"] == stems.get("target_nasional")) & (figs["besaran"] == "realisasi")]
    for y in sorted(national["tahun"].dropna().unique()):
        late("target_nasional", 1, f"realisasi_{int(y)}", f"realisasi_{int(y)}", y)
    narrative = figs[figs["tabel"] == stems.get("pernyataan_narasi")]
    for _, r in narrative.iterrows():
        for column, y in (("tahun", r["tahun"]), ("dari_tahun", r["tahun_dasar"])):
            late("pernyataan_narasi", int(r["baris_raw"]), column,
                 raw.cell("pernyataan_narasi", r["baris_raw"], column, y), y)


def check_plausibility(tables: dict[str, pd.DataFrame], ctx: Context) -> None:
    """Judge the cleaned tables against their bounds: warnings go to ``ctx.warnings``, errors raise one
    :class:`~analysis.errors.DataError` listing all of them."""
    raw, found = _Raw(ctx), Findings()
    _amounts(tables, raw, found)
    _absorption(tables, raw, found)
    _outputs(tables, raw, found)
    _years(tables, raw, found, ctx.year)
    try:
        found.raise_if_any()
    except DataError as e:
        raise DataError(ctx.located(e.problems)) from None
    ctx.warnings.extend(found.warnings)
