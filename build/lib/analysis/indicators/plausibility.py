"""Plausibility of the recomputed figures (IKU and sasaran capaian, group absorption, efficiency) against bounds.

The bounds are data (``data/reference/batas_wajar.csv``, :mod:`analysis.bounds`). A figure beyond its error
bound stops the run before anything is written, naming the cells that produced it as they read in their table's
number style (``koperasi_aktif '3.645' read in style en as 3,645``) and asking whether ``gaya_angka`` is right;
one beyond a warn bound becomes a warning of the agency-year. Figures that are one printed row (a programme's
absorption, an output rate) are checked on the cells themselves by :mod:`analysis.ingest.plausibility`.

- ``capaian``: every IKU, from its components and from its reported realisation; each sasaran with more than one
  IKU and the overall figure (the headline), naming the IKU capaian they average;
- ``serapan`` / ``serapan_total``: absorption per funding source and sasaran, and the agency's total;
- ``efisiensi_selisih``: capaian − weighted absorption (the headline's method), overall and per sasaran.
"""
from __future__ import annotations

import pandas as pd
from babel.numbers import format_decimal

from ..bounds import Findings, judge, number
from ..errors import Warning_
from ..ingest.units import unit_of


class _Sources:
    """Where the recomputed figures come from: each table kind's file and number style (``tables_read``)."""

    def __init__(self, manifest: pd.DataFrame | None, where: str):
        self.where = where
        rows = [] if manifest is None or not len(manifest) else manifest.to_dict("records")
        self.files = {r["tabel"]: r["berkas"] for r in rows}
        # the table's default style (a per-column spec such as id;persen=en names the exceptions)
        self.styles = {r["tabel"]: str(r.get("gaya_angka") or "id").split(";")[0] for r in rows}

    def label(self, kind: str) -> str:
        return f"{self.where}/{self.files.get(kind, kind + '.csv')}"

    def file(self, kind: str) -> str:
        return self.files.get(kind, kind + ".csv")

    def cell(self, kind: str, value) -> str:
        """``value`` written in the table's number style: the cell as it reads ('3.645' in style en)."""
        return format_decimal(value, format="#,##0.######", locale=self.styles.get(kind, "id"))

    def as_read(self, kind: str, value, unit: str = "") -> str:
        """The cell as it reads, and what it was read as where the style makes a difference."""
        cell, read = self.cell(kind, value), number(value, 6)
        style = self.styles.get(kind, "id")
        return f"'{cell}{unit}'" if cell == read else f"'{cell}{unit}' read in style {style} as {read}{unit}"

    def hint(self, kind: str) -> str:
        return f"is gaya_angka '{self.styles.get(kind, 'id')}' of {self.file(kind)} in manifest.csv right?"


def _lines(lines) -> str:
    lines = sorted({int(x) for x in lines})
    return f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines))


def _component_rows(tables: dict[str, pd.DataFrame], row: pd.Series) -> pd.DataFrame:
    """The komponen_iku rows the valid definition of the IKU names."""
    defs, comps = tables["definisi_indikator"], tables.get("komponen_iku")
    d = defs[(defs["kode_indikator"] == row["kode_indikator"]) & (defs["versi"] == row["versi"])]
    if comps is None or not len(d):
        return pd.DataFrame(columns=["komponen", "nilai", "baris_raw"])
    names = [n for c in ("komponen_pembilang", "komponen_penyebut") for n in str(d.iloc[0][c] or "").split("+") if n]
    own = comps[(comps["kode_indikator"] == row["kode_indikator"]) & comps["komponen"].isin(names)]
    return own.sort_values("baris_raw")


def _unit(row: pd.Series) -> str:
    """What follows a target or realisation in a message: its indicator's unit (`` %``, `` Nagari``, none for an
    index or a score)."""
    unit = unit_of(row.get("satuan") or "%")
    return " %" if unit.kind == "persen" else (f" {unit.satuan}" if unit.kind == "jumlah" and unit.word else "")


def _target(src: _Sources, row: pd.Series, line) -> str:
    where = f"{src.file('capaian_iku')} {_lines([line])}" if pd.notna(line) else src.file("capaian_iku")
    if pd.notna(row["target"]):
        return f"against the target {src.as_read('capaian_iku', row['target'], _unit(row))} ({where})"
    return f"against the target grade {row['target_predikat']} ({where})"


def _iku(tables, iku: pd.DataFrame, src: _Sources, found: Findings) -> None:
    base = tables.get("capaian_iku")
    lines = {} if base is None else dict(zip(base["kode_indikator"], base["baris_raw"], strict=True))
    for _, r in iku.iterrows():
        code, line = r["kode_indikator"], lines.get(r["kode_indikator"])
        b = judge("capaian", r["capaian_komponen"])
        if b is not None:
            own = _component_rows(tables, r)
            cells = ", ".join(f"{c['komponen']} {src.as_read('komponen_iku', c['nilai'])}" for _, c in own.iterrows())
            hint = f" — {src.hint('komponen_iku')}" if b.level == "error" else ""
            found.add(b, src.label("komponen_iku"), int(own["baris_raw"].min()) if len(own) else None, "nilai", None,
                      f"a capaian of {code} {b.expected()}, not {number(r['capaian_komponen'])} % — recomputed "
                      f"from {_lines(own['baris_raw'])} ({cells}) {_target(src, r, line)}{hint} — {b.reason_en}")
        b = judge("capaian", r["capaian"])
        if b is not None:
            graded = r["polaritas"] == "predikat"
            value = r["realisasi_predikat"] if graded else src.cell("capaian_iku", r["realisasi"])
            real = (f"grade {value}" if graded
                    else f"the realisation {src.as_read('capaian_iku', r['realisasi'], _unit(r))}")
            hint = f" — {src.hint('capaian_iku')}" if b.level == "error" and not graded else ""
            found.add(b, src.label("capaian_iku"), None if line is None else int(line), "realisasi", value,
                      f"a capaian of {code} {b.expected()}, not {number(r['capaian'])} % — from {real} "
                      f"{_target(src, r, line)}{hint} — {b.reason_en}")


def _sasaran(iku: pd.DataFrame, sasaran: pd.DataFrame, src: _Sources, found: Findings) -> None:
    best = iku["capaian_komponen"].fillna(iku["capaian"])
    for _, s in sasaran.iterrows():
        overall = pd.isna(s["sasaran_no"])
        members = iku if overall else iku[iku["sasaran_no"] == s["sasaran_no"]]
        b = judge("capaian", s["capaian"])
        if b is None or len(members) < 2:  # one IKU: its own finding already names its cells
            continue
        what = "all sasaran (the headline capaian)" if overall else f"sasaran {int(s['sasaran_no'])}"
        parts = ", ".join(f"{m['kode_indikator']} {number(best[i])} %" for i, m in members.iterrows())
        hint = " — see the IKU capaian named above" if b.level == "error" else ""
        found.add(b, f"{src.where} (recomputed capaian_sasaran)", None, "capaian", None,
                  f"a capaian of {what} {b.expected()}, not {number(s['capaian'])} % — the mean of {parts}{hint}"
                  f" — {b.reason_en}")


def _budget(budget: pd.DataFrame, src: _Sources, found: Findings) -> None:
    groups = budget[budget["tingkat"].isin(["sumber_dana", "sasaran", "total"])]
    for _, g in groups.iterrows():
        total = g["tingkat"] == "total"
        b = judge("serapan_total" if total else "serapan", g["serapan"])
        if b is None:
            continue
        if total:
            what = "the whole agency"
        elif g["tingkat"] == "sasaran":
            what = f"sasaran {g['sasaran_no']} (programmes as attributed by {g['atribusi']})"
        else:
            what = f"the {g['sumber_dana']} funds"
        kind = "anggaran_program_sumber_dana" if g["tingkat"] == "sumber_dana" else "realisasi_anggaran"
        found.add(b, src.label(kind), None, "realisasi", None,
                  f"a serapan of {what} {b.expected()}, not {number(g['serapan'])} % — Σ realisasi "
                  f"{number(g['realisasi'])} of Σ anggaran {number(g['anggaran'])} over {g['jumlah_program']} "
                  f"programme(s) — {b.reason_en}")


def _efficiency(efficiency: pd.DataFrame, src: _Sources, found: Findings) -> None:
    # the headline's method, one attribution: the other methods and attributions restate the same finding
    rows = efficiency[(efficiency["metode"] == "selisih_tertimbang") & efficiency["atribusi"].isin(["", "narasi"])]
    for _, e in rows.iterrows():
        b = judge("efisiensi_selisih", e["efisiensi"])
        if b is not None:
            found.add(b, f"{src.where} (recomputed efficiency)", None, "efisiensi", None,
                      f"an efficiency of {e['lingkup']} {b.expected()}, not {number(e['efisiensi'])} points — "
                      f"capaian {number(e['capaian'])} % − serapan {number(e['serapan'])} % — {b.reason_en}")


def check_recomputed(tables: dict[str, pd.DataFrame], iku: pd.DataFrame, sasaran: pd.DataFrame,
                     budget: pd.DataFrame, efficiency: pd.DataFrame, manifest: pd.DataFrame | None,
                     where: str) -> list[Warning_]:
    """Judge the recomputed figures of one agency-year (``where``: ``agency/year``); return the warnings, raise
    one :class:`~analysis.errors.DataError` listing every figure beyond its error bound."""
    src, found = _Sources(manifest, where), Findings()
    _iku(tables, iku, src, found)
    _sasaran(iku, sasaran, src, found)
    _budget(budget, src, found)
    _efficiency(efficiency, src, found)
    found.raise_if_any()
    return found.warnings
