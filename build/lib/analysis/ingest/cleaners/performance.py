"""Cleaners of the performance tables: IKU achievement, the performance agreement, IKU components.

Values are read in the indicator's unit (:mod:`analysis.ingest.units`: a ``%`` is accepted, never required;
``15 Nagari`` is 15 when the definition counts nagari; a target ``80–90 %`` is a range, ``target_atas`` its upper
bound). The sasaran a row is printed under is kept as printed (``sasaran_label``: ``1.``, ``III``, ``2.1.1``);
a plain number is checked against the definition's ``sasaran_no``, any other label takes the definition's.
Merged ``no``/``sasaran`` cells left empty on continuation rows are carried down.
"""
from __future__ import annotations

import pandas as pd

from ... import config
from ..cells import Cells
from ..context import Context
from ..figures import Subject, reported_figure
from ..raw import RawTable
from ..units import read_value
from .budget import ROMAN

IKU_COLUMNS = ["kode_indikator", "sasaran_no", "sasaran", "target", "target_predikat", "realisasi",
               "realisasi_predikat", "capaian_dilaporkan", "baris_sumber", "baris_raw", "target_atas",
               "sasaran_label"]
PK_COLUMNS = ["kode_indikator", "sasaran_no", "sasaran", "target", "target_predikat", "baris_sumber", "baris_raw",
              "target_atas", "sasaran_label"]


def sasaran_number(label: str | None) -> int | None:
    """The plain number of a printed sasaran label (``1.``, ``3``, ``III``, ``Sasaran Strategis II``), or None for
    any other label (``2.1.1``, ``6b-N``, empty)."""
    words = (label or "").split()
    token = words[-1].rstrip(".") if words else ""
    if token.isdigit():
        return int(token)
    return ROMAN.get(token.upper()) if len(words) <= 3 else None


def indicator_value(ctx: Context, cells: Cells, r: dict, c: str, code: str | None, allow_range: bool = True,
                    dash: str = "error") -> tuple[float | None, float | None]:
    """The cell ``c`` read in the unit of ``code``'s definition: (value, upper bound of a range or None)."""
    unit = ctx.unit(code)
    reading = cells._num(r, c, lambda s: read_value(s, unit, cells.style, allow_range), dash,
                         f"a value in the indicator's unit '{unit.satuan}'")
    if reading is None:
        return None, None
    for v in (reading.value, reading.upper):
        if unit.kind == "persen" and v is not None and abs(v) > config.MAX_PERCENT:
            cells.bad(r, c, f"a percentage of at most {config.MAX_PERCENT:g} (a misplaced separator?)")
            return None, None
    return reading.value, reading.upper


class SasaranRows:
    """The sasaran of each row of one IKU table: merged cells carried down, printed labels checked."""

    def __init__(self, ctx: Context, cells: Cells, column: str):
        self.ctx, self.cells, self.column = ctx, cells, column
        self.label, self.name = "", None
        self.seen: dict[str, tuple[int, str, int]] = {}

    def resolve(self, r: dict, code: str | None) -> tuple[int | None, str | None, str]:
        """(sasaran_no, sasaran name, label as printed) of row ``r`` printing indicator ``code``."""
        if r.get(self.column, "").strip():
            self.label = r[self.column].strip()
            self.name = None
        if r.get("sasaran", "").strip():
            self.name = r["sasaran"].strip()
        d = self.ctx.definition(code)
        number = sasaran_number(self.label)
        if number is not None:
            self.ctx.check_sasaran(self.cells, r, self.column, code, number)
        elif d is not None:
            number = int(d["sasaran_no"])
            self._check_label(r, code, number)
        name = self.name or (str(d["sasaran"]) if d is not None else None)
        if name is None:
            self.cells.bad(r, "sasaran", "a non-empty text (or an indicator of definisi_indikator.csv, whose "
                                         "sasaran is taken)")
        return number, name, self.label

    def _check_label(self, r: dict, code: str, number: int) -> None:
        # a label such as 2.1.1 must name one sasaran of the definitions throughout the table
        if not self.label:
            return
        first = self.seen.setdefault(self.label, (number, code, r["_line"]))
        if first[0] != number:
            self.cells.bad(r, self.column, f"one sasaran per printed label: '{self.label}' is sasaran {first[0]} "
                                           f"on line {first[2]} ({first[1]} in definisi_indikator.csv), but "
                                           f"{code}'s sasaran_no is {number}")


def _iku_rows(ctx: Context, t: RawTable, cells: Cells, tabel: str, angka: list, with_summary: bool):
    out = []
    # the per-sasaran tables number their one row 1.; the sasaran is in the section heading
    sasaran = SasaranRows(ctx, cells, "bagian" if "bagian" in t.columns else "no")
    for r in t.rows:
        if with_summary and r["no"].upper().startswith("CAPAIAN SASARAN"):
            v = cells.percent(r, "capaian")
            angka.append(reported_figure("capaian_rata_rata", Subject.all(), v, r["capaian"], tabel, r, ctx.year))
            continue
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        sasaran_no, name, label = sasaran.resolve(r, code)
        rec = {"kode_indikator": code, "sasaran_no": sasaran_no, "sasaran": name,
               "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"], "sasaran_label": label}
        for what in ("target", "realisasi"):
            if graded:
                rec[what], rec[f"{what}_predikat"] = None, cells.grade(r, what)
            else:
                value, upper = indicator_value(ctx, cells, r, what, code, allow_range=what == "target")
                rec[what], rec[f"{what}_predikat"] = value, None
                if what == "target":
                    rec["target_atas"] = upper
        rec["capaian_dilaporkan"] = cells.percent(r, "capaian")
        out.append(rec)
        for besaran, v, teks in (("realisasi", rec["realisasi"], r["realisasi"]),
                                 ("capaian", rec["capaian_dilaporkan"], r["capaian"])):
            angka.append(reported_figure(besaran, Subject.indicator(code), v, teks, tabel, r, ctx.year))
    return out


def capaian_iku(ctx, t, cells):
    angka: list = []
    rows = _iku_rows(ctx, t, cells, t.name, angka, with_summary=True)
    return {"capaian_iku": pd.DataFrame(rows, columns=IKU_COLUMNS)}, angka


def capaian_per_sasaran(ctx, t, cells):
    angka: list = []
    _iku_rows(ctx, t, cells, t.name, angka, with_summary=False)
    return {}, angka


def formulir_pengukuran(ctx, t, cells):
    angka: list = []
    _iku_rows(ctx, t, cells, t.name, angka, with_summary=False)
    return {}, angka


def perjanjian_kinerja(ctx, t, cells):
    out = []
    sasaran = SasaranRows(ctx, cells, "no")
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        sasaran_no, name, label = sasaran.resolve(r, code)
        target, upper = (None, None) if graded else indicator_value(ctx, cells, r, "target", code)
        out.append({"kode_indikator": code, "sasaran_no": sasaran_no, "sasaran": name, "target": target,
                    "target_predikat": cells.grade(r, "target") if graded else None,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"], "target_atas": upper,
                    "sasaran_label": label})
    return {"perjanjian_kinerja": pd.DataFrame(out, columns=PK_COLUMNS)}, []


def komponen_iku(ctx, t, cells):
    out = []
    codes = set(ctx.definitions["kode_indikator"])
    for r in t.rows:
        code = cells.choice(r, "kode_indikator", tuple(sorted(codes)))
        v = cells.percent(r, "nilai", maximum=None) if "%" in r["nilai"] else cells.number(r, "nilai")
        if v is not None and v < 0:
            cells.bad(r, "nilai", "a component value >= 0")
        out.append({"kode_indikator": code, "komponen": cells.text(r, "komponen"), "nilai": v,
                    "satuan": r["satuan"], "kalimat": r["kalimat"], "baris_sumber": r["baris_sumber"],
                    "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["kode_indikator", "komponen", "nilai", "satuan", "kalimat", "baris_sumber",
                                    "baris_raw"])
    # a component stated twice must be stated the same
    for (_code, _komponen), g in df.groupby(["kode_indikator", "komponen"]):
        if g["nilai"].nunique(dropna=True) > 1:
            first = g.iloc[0]
            for _, r in g.iloc[1:].iterrows():
                if r["nilai"] != first["nilai"]:
                    cells.col.add(t.label, int(r["baris_raw"]), "nilai", t.cell(int(r["baris_raw"]), "nilai"),
                                  f"{t.cell(int(first['baris_raw']), 'nilai')} as on line {int(first['baris_raw'])} "
                                  "(the same component)")
    return {"komponen_iku": df}, []


def merge_restatements(df: pd.DataFrame) -> pd.DataFrame:
    """One row per component: a restatement on another source line (checked to agree) is dropped."""
    return df.drop_duplicates(["kode_indikator", "komponen"], keep="first").reset_index(drop=True)
