"""Raw tables (cells as printed) -> tidy, typed, validated tables.

One function per raw table, named after it. Each parses every cell with the column's explicit number
style (``manifest.csv``: ``gaya_angka``), collects *every* problem of the table before stopping, and
returns tidy DataFrames whose columns are documented in ``data/processed/README.md``. Every row keeps
``baris_sumber`` (line in the source report) and ``baris_raw`` (line in the raw CSV), so any processed
number can be traced back to the raw cell it came from.

Figures that the report *derives* (percentages, totals, averages, deltas) are not thrown away: they go
to the long table ``angka_dilaporkan`` (reported figures), which :mod:`analysis.rekonsiliasi`
compares with their recomputation.

Totals that must hold in the source (TOTAL rows, staff counts, asset conditions, DAU + DAK) are checked
here and stop the run when they don't add up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import numbers
from .errors import Collector, DataError, Problem, Warning_
from .raw import RawTable, agency_year_dir, read_raw_csv
from .referensi import grade_scale

SUMBER_DANA = {"DAU": "DAU", "DAK": "DAK", "DAK Non Fisik": "DAK", "APBN": "APBN"}
KONDISI = ("Baik", "Rusak Ringan", "Rusak Berat", "Rusak")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
JABATAN_PEGAWAI = ["eselon_ii", "eselon_iii", "eselon_iv", "fungsional", "pelaksana", "pppk"]
ANGKA_COLUMNS = ["besaran", "subjek", "tahun_dasar", "tahun", "nilai", "teks", "tabel", "baris_sumber", "baris_raw"]


# --------------------------------------------------------------------------------------------------
# cell parsing with problem collection


@dataclass
class Cells:
    """Parses the cells of one raw table; a bad cell records a problem and yields ``None``."""

    table: RawTable
    style: str
    col: Collector

    def _bad(self, row: dict, c: str, expected: str) -> None:
        self.col.add(self.table.label, row["_line"], c, row.get(c), expected)

    def text(self, row: dict, c: str, required: bool = True) -> str | None:
        v = row.get(c, "").strip()
        if not v:
            if required:
                self._bad(row, c, "a non-empty text")
            return None
        return v

    def _num(self, row, c, parse, dash: str, what: str):
        v = row.get(c, "").strip()
        if numbers.is_dash(v):
            if dash == "zero":
                return 0
            if dash == "missing":
                return None
            self._bad(row, c, f"{what} ('-' is not allowed here)")
            return None
        if not v:
            if dash == "missing":
                return None
            self._bad(row, c, f"{what} (the cell is empty)")
            return None
        try:
            return parse(v)
        except ValueError as e:
            self._bad(row, c, str(e))
            return None

    def integer(self, row, c, dash="error", minimum: int | None = 0):
        v = self._num(row, c, lambda s: numbers.parse_integer(s, self.style), dash, "a whole number")
        if v is not None and minimum is not None and v < minimum:
            self._bad(row, c, f"a whole number >= {minimum}")
            return None
        return v

    def rupiah(self, row, c, dash="error"):
        return self._num(row, c, lambda s: numbers.parse_rupiah(s, self.style), dash, "an amount in rupiah")

    def percent(self, row, c, dash="error", require_sign=False, maximum: float | None = 1000.0,
                minimum: float | None = None):
        v = self._num(row, c, lambda s: numbers.parse_percent(s, self.style, require_sign), dash, "a percentage")
        if v is not None and maximum is not None and abs(v) > maximum:
            self._bad(row, c, f"a percentage of at most {maximum:g} (a misplaced separator?)")
            return None
        if v is not None and minimum is not None and v < minimum:
            self._bad(row, c, f"a percentage of at least {minimum:g}")
            return None
        return v

    def number(self, row, c, dash="error"):
        return self._num(row, c, lambda s: numbers.parse_number(s, self.style), dash, "a number")

    def grade(self, row, c, scale_name: str = "permenpanrb_88_2021"):
        v = row.get(c, "").strip()
        scale = grade_scale(scale_name)
        if v not in scale.grades:
            self._bad(row, c, "a grade of the scale " + "/".join(scale.grades))
            return None
        return v

    def year(self, row, c, required=True):
        v = row.get(c, "").strip()
        if not v and not required:
            return None
        if not re.fullmatch(r"(19|20)\d\d", v):
            self._bad(row, c, "a four-digit year like 2024")
            return None
        return int(v)

    def choice(self, row, c, options: dict | tuple, required=True):
        v = row.get(c, "").strip()
        if not v and not required:
            return None
        if v not in options:
            self._bad(row, c, "one of " + ", ".join(options))
            return None
        return options[v] if isinstance(options, dict) else v


def _leading_number(text: str | None) -> int | None:
    m = re.match(r"^\s*(\d+)\s*\.?\s*", text or "")
    return int(m.group(1)) if m else None


def _strip_number(text: str) -> str:
    return re.sub(r"^\s*\d+\s*\.\s*", "", text).strip()


def normalise_name(text: str) -> str:
    """Programme/indicator names as printed differ in case, numbering and the word 'Program'."""
    s = _strip_number(text or "").lower()
    s = re.sub(r"^program\s+", "", s)
    s = re.sub(r"[^a-z0-9/]+", " ", s)
    return " ".join(s.split())


def _angka(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=ANGKA_COLUMNS)
    return df.astype({"besaran": "str", "subjek": "str", "tahun_dasar": "Int64", "tahun": "Int64",
                      "nilai": "float64", "teks": "str", "tabel": "str", "baris_sumber": "str", "baris_raw": "Int64"})


# --------------------------------------------------------------------------------------------------
# the agency-year's context: manifest, definitions


@dataclass
class Context:
    agency: str
    year: int
    folder: Path
    meta: dict
    manifest: pd.DataFrame
    definitions: pd.DataFrame
    warnings: list[Warning_] = field(default_factory=list)

    def style(self, table: str) -> str:
        row = self.manifest.loc[self.manifest["tabel"] == table]
        return row["gaya_angka"].iloc[0] if len(row) else "id"

    def indicator_code(self, cells: Cells, row: dict, c: str) -> str | None:
        """Map a printed indicator name (any known spelling) to its code (KB, UKNK, ...)."""
        name = cells.text(row, c)
        if name is None:
            return None
        key = normalise_name(name)
        for _, d in self.definitions.drop_duplicates("kode_indikator").iterrows():
            names = [d["nama"]] + [n for n in str(d["nama_lain"] or "").split("|") if n]
            if key in {normalise_name(n) for n in names} or key == d["kode_indikator"].lower():
                return d["kode_indikator"]
        cells._bad(row, c, "an indicator named in definisi_indikator.csv (nama or nama_lain)")
        return None

    def is_graded(self, code: str) -> bool:
        d = self.definitions.loc[self.definitions["kode_indikator"] == code]
        return bool(len(d)) and (d["polaritas"] == "predikat").any()


MANIFEST_COLUMNS = ["berkas", "tabel", "bagian", "judul_tabel", "baris_sumber", "gaya_angka", "catatan"]
DEFINITION_COLUMNS = ["kode_indikator", "versi", "berlaku_dari", "berlaku_sampai", "nama", "nama_lain", "sasaran_no",
                      "sasaran", "pembilang", "penyebut", "komponen_pembilang", "komponen_penyebut", "faktor", "satuan",
                      "polaritas", "konvensi_negatif", "skala_predikat", "laporan_tahun", "baris_sumber",
                      "kalimat_sumber"]
POLARITAS = ("positif", "negatif", "predikat")
KONVENSI_NEGATIF = ("", "2T-R", "T/R")


def read_meta(folder: Path) -> dict:
    t = read_raw_csv(folder / "meta.csv", ["kunci", "nilai"])
    return {r["kunci"]: r["nilai"] for r in t.rows}


def read_manifest(folder: Path, known_tables: set[str]) -> tuple[pd.DataFrame, list[Warning_]]:
    t = read_raw_csv(folder / "manifest.csv", MANIFEST_COLUMNS)
    col = Collector()
    cells = Cells(t, "id", col)
    for r in t.rows:
        cells.choice(r, "tabel", tuple(sorted(known_tables)))
        cells.choice(r, "gaya_angka", ("id", "en"))
        berkas = cells.text(r, "berkas")
        if berkas and (not re.fullmatch(r"[a-z0-9_]+\.csv", berkas) or not (folder / berkas).is_file()):
            cells._bad(r, "berkas", "the name of a CSV file in this folder")
    seen = {}
    for r in t.rows:
        if r["tabel"] in seen:
            col.add(t.label, r["_line"], "tabel", r["tabel"], f"each table once (also on line {seen[r['tabel']]})")
        seen[r["tabel"]] = r["_line"]
    col.raise_if_any()
    return pd.DataFrame([{k: v for k, v in r.items()} for r in t.rows]), t.warnings


def read_definitions(path: Path) -> pd.DataFrame:
    """Versioned indicator definitions (agency level: ``data/raw/<agency>/definisi_indikator.csv``).

    Checks: known polarity and convention; a version's years are ordered; versions of one indicator
    never overlap; a component formula names components (``a+b``), not free text.
    """
    t = read_raw_csv(path, DEFINITION_COLUMNS)
    col = Collector()
    cells = Cells(t, "id", col)
    out = []
    for r in t.rows:
        d = {
            "kode_indikator": cells.text(r, "kode_indikator"),
            "versi": cells.integer(r, "versi", minimum=1),
            "berlaku_dari": cells.year(r, "berlaku_dari"),
            "berlaku_sampai": cells.year(r, "berlaku_sampai", required=False),
            "nama": cells.text(r, "nama"),
            "nama_lain": r["nama_lain"],
            "sasaran_no": cells.integer(r, "sasaran_no", minimum=1),
            "sasaran": cells.text(r, "sasaran"),
            "pembilang": cells.text(r, "pembilang"),
            "penyebut": r["penyebut"],
            "komponen_pembilang": r["komponen_pembilang"],
            "komponen_penyebut": r["komponen_penyebut"],
            "faktor": cells.number(r, "faktor"),
            "satuan": cells.text(r, "satuan"),
            "polaritas": cells.choice(r, "polaritas", POLARITAS),
            "konvensi_negatif": cells.choice(r, "konvensi_negatif", KONVENSI_NEGATIF, required=False) or "",
            "skala_predikat": r["skala_predikat"],
            "laporan_tahun": cells.year(r, "laporan_tahun"),
            "baris_sumber": r["baris_sumber"],
            "kalimat_sumber": cells.text(r, "kalimat_sumber"),
            "baris_raw": r["_line"],
        }
        for c in ("komponen_pembilang", "komponen_penyebut"):
            if r[c] and not re.fullmatch(r"[a-z0-9_]+(\+[a-z0-9_]+)*", r[c]):
                cells._bad(r, c, "component names joined by '+', like koperasi_a+koperasi_b")
        if d["polaritas"] == "predikat" and not r["skala_predikat"]:
            cells._bad(r, "skala_predikat", "a grade scale for a graded indicator")
        if d["berlaku_dari"] and d["berlaku_sampai"] and d["berlaku_sampai"] < d["berlaku_dari"]:
            cells._bad(r, "berlaku_sampai", f"a year not before berlaku_dari ({d['berlaku_dari']})")
        out.append(d)
    col.raise_if_any()
    # versions of one indicator must not overlap
    by_code: dict[str, list[dict]] = {}
    for d in out:
        by_code.setdefault(d["kode_indikator"], []).append(d)
    for code, versions in by_code.items():
        versions.sort(key=lambda d: d["berlaku_dari"])
        for a, b in zip(versions, versions[1:]):
            end = a["berlaku_sampai"] if a["berlaku_sampai"] is not None else 9999
            if b["berlaku_dari"] <= end:
                col.add(t.label, b["baris_raw"], "berlaku_dari", b["berlaku_dari"],
                        f"a year after the previous version of {code} ends ({'open-ended' if end == 9999 else end}); "
                        "definitions valid for overlapping years")
        if len({d["versi"] for d in versions}) != len(versions):
            col.add(t.label, versions[0]["baris_raw"], "versi", code, "distinct version numbers per indicator")
    col.raise_if_any()
    df = pd.DataFrame(out)
    return df.astype({"versi": "int64", "berlaku_dari": "int64", "berlaku_sampai": "Int64", "sasaran_no": "int64",
                      "faktor": "float64", "laporan_tahun": "int64", "baris_raw": "int64"})


def load_context(agency: str, year, raw_root) -> Context:
    folder = agency_year_dir(agency, year, raw_root)
    meta = read_meta(folder)
    manifest, warnings = read_manifest(folder, set(CLEANERS))
    definitions = read_definitions(folder.parent / "definisi_indikator.csv")
    return Context(agency, int(year), folder, meta, manifest, definitions, list(warnings))


# --------------------------------------------------------------------------------------------------
# one cleaner per raw table: (ctx, raw table, cells) -> dict of tidy tables (+ reported figures)


def _iku_rows(ctx: Context, t: RawTable, cells: Cells, tabel: str, angka: list, with_summary: bool):
    out = []
    for r in t.rows:
        if with_summary and r["no"].upper().startswith("CAPAIAN SASARAN"):
            v = cells.percent(r, "capaian")
            angka.append(dict(besaran="capaian_rata_rata", subjek="semua", tahun=ctx.year, nilai=v,
                              teks=r["capaian"], tabel=tabel, baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
            continue
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        rec = {"kode_indikator": code, "sasaran_no": _leading_number(r["no"]), "sasaran": cells.text(r, "sasaran"),
               "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]}
        for what in ("target", "realisasi"):
            if graded:
                rec[what], rec[f"{what}_predikat"] = None, cells.grade(r, what)
            else:
                rec[what], rec[f"{what}_predikat"] = cells.percent(r, what, require_sign=True), None
        rec["capaian_dilaporkan"] = cells.percent(r, "capaian")
        out.append(rec)
        for besaran, v, teks in (("realisasi", rec["realisasi"], r["realisasi"]),
                                 ("capaian", rec["capaian_dilaporkan"], r["capaian"])):
            angka.append(dict(besaran=besaran, subjek=code, tahun=ctx.year, nilai=v, teks=teks, tabel=tabel,
                              baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
    return out


def capaian_iku(ctx, t, cells):
    angka: list = []
    rows = _iku_rows(ctx, t, cells, t.name, angka, with_summary=True)
    df = pd.DataFrame(rows, columns=["kode_indikator", "sasaran_no", "sasaran", "target", "target_predikat", "realisasi",
                                     "realisasi_predikat", "capaian_dilaporkan", "baris_sumber", "baris_raw"])
    dupes = df["kode_indikator"][df["kode_indikator"].duplicated()].dropna()
    for code in dupes:
        line = int(df.loc[df["kode_indikator"] == code, "baris_raw"].iloc[-1])
        cells.col.add(t.label, line, "indikator", code, "each indicator once (duplicated indicator)")
    return {"capaian_iku": df}, angka


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
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        out.append({"kode_indikator": code, "sasaran_no": _leading_number(r["no"]), "sasaran": cells.text(r, "sasaran"),
                    "target": None if graded else cells.percent(r, "target", require_sign=True),
                    "target_predikat": cells.grade(r, "target") if graded else None,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["kode_indikator", "sasaran_no", "sasaran", "target", "target_predikat",
                                    "baris_sumber", "baris_raw"])
    return {"perjanjian_kinerja": df}, []


def _check_total(cells: Cells, total_row: dict | None, column: str, parts: list, what: str, parser) -> int | None:
    """The TOTAL row must equal the sum of the rows above it."""
    if total_row is None:
        cells.col.add(cells.table.label, None, column, None, f"a TOTAL row for {what}")
        return None
    total = parser(total_row, column)
    if total is None or any(p is None for p in parts):
        return total
    if sum(parts) != total:
        cells._bad(total_row, column, f"the sum of the rows above ({sum(parts):,}) — a total that does not add up"
                   .replace(",", "."))
    return total


def pk_program(ctx, t, cells):
    out, total_row = [], None
    for r in t.rows:
        if r["program"].strip().upper() == "TOTAL":
            total_row = r
            continue
        if r["mata_uang"] and r["mata_uang"] not in ("Rp.", "Rp"):
            cells._bad(r, "mata_uang", "Rp. or Rp (rupiah)")
        no = _leading_number(r["program"])
        if no is None:
            cells._bad(r, "program", "a numbered programme like '1. Program …'")
        out.append({"program_no": no, "program": _strip_number(r["program"]),
                    "anggaran": cells.rupiah(r, "anggaran"),
                    "sumber_anggaran": cells.choice(r, "keterangan", ("APBD", "APBN")),
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    total = _check_total(cells, total_row, "anggaran", [o["anggaran"] for o in out], "the programme budgets",
                         cells.rupiah)
    angka = [] if total is None else [dict(besaran="anggaran_total", subjek="APBD+APBN", tahun=ctx.year, nilai=total,
                                           teks=total_row["anggaran"], tabel=t.name,
                                           baris_sumber=total_row["baris_sumber"], baris_raw=total_row["_line"])]
    df = pd.DataFrame(out, columns=["program_no", "program", "anggaran", "sumber_anggaran", "baris_sumber", "baris_raw"])
    return {"pk_program": df}, angka


def realisasi_anggaran(ctx, t, cells):
    out, angka, total_row = [], [], None
    for r in t.rows:
        if r["no"].strip().upper() == "TOTAL":
            total_row = r
            continue
        no = _leading_number(r["no"])
        if no is None:
            cells._bad(r, "no", "a programme number like '1.'")
        rec = {"program_no": no, "program": cells.text(r, "program"), "anggaran": cells.rupiah(r, "anggaran"),
               "realisasi": cells.rupiah(r, "realisasi"), "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]}
        if rec["anggaran"] == 0 and rec["realisasi"]:
            cells._bad(r, "anggaran", "a budget above zero when money was spent")
        out.append(rec)
        angka.append(dict(besaran="serapan", subjek=f"program {no}", tahun=ctx.year, nilai=cells.percent(r, "persen"),
                          teks=r["persen"], tabel=t.name, baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
    for column in ("anggaran", "realisasi"):
        total = _check_total(cells, total_row, column, [o[column] for o in out], f"programme {column}", cells.rupiah)
        if total is not None:
            angka.append(dict(besaran=f"{column}_total", subjek="APBD", tahun=ctx.year, nilai=total,
                              teks=total_row[column], tabel=t.name, baris_sumber=total_row["baris_sumber"],
                              baris_raw=total_row["_line"]))
    if total_row is not None:
        angka.append(dict(besaran="serapan", subjek="APBD", tahun=ctx.year, nilai=cells.percent(total_row, "persen"),
                          teks=total_row["persen"], tabel=t.name, baris_sumber=total_row["baris_sumber"],
                          baris_raw=total_row["_line"]))
    df = pd.DataFrame(out, columns=["program_no", "program", "anggaran", "realisasi", "baris_sumber", "baris_raw"])
    return {"anggaran_program": df}, angka


def efisiensi(ctx, t, cells):
    """The efficiency table as printed: merged cells (NO, SASARAN, CAPAIAN, EFISIENSI) filled down."""
    out, angka, sasaran_no = [], [], None
    for r in t.rows:
        if r["no"].replace(" ", "").upper().startswith("RATA-RATA"):
            for besaran, c in (("serapan_rata_rata", "persen"), ("capaian_rata_rata", "capaian_kinerja"),
                               ("efisiensi", "tingkat_efisiensi")):
                angka.append(dict(besaran=besaran, subjek="semua", tahun=ctx.year, nilai=cells.number(r, c),
                                  teks=r[c], tabel=t.name, baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
            continue
        if r["no"]:
            sasaran_no = _leading_number(r["no"])
            for besaran, c in (("capaian_sasaran", "capaian_kinerja"), ("efisiensi", "tingkat_efisiensi")):
                angka.append(dict(besaran=besaran, subjek=f"sasaran {sasaran_no}", tahun=ctx.year,
                                  nilai=cells.number(r, c), teks=r[c], tabel=t.name, baris_sumber=r["baris_sumber"],
                                  baris_raw=r["_line"]))
        elif sasaran_no is None:
            cells._bad(r, "no", "a sasaran number on the first row (merged cells are filled downwards)")
        rec = {"sasaran_no": sasaran_no, "program": _strip_number(cells.text(r, "program") or ""),
               "anggaran": cells.rupiah(r, "anggaran"), "realisasi": cells.rupiah(r, "realisasi"),
               "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]}
        out.append(rec)
        angka.append(dict(besaran="serapan", subjek=f"program:{normalise_name(rec['program'])}", tahun=ctx.year,
                          nilai=cells.percent(r, "persen"), teks=r["persen"], tabel=t.name,
                          baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
    df = pd.DataFrame(out, columns=["sasaran_no", "program", "anggaran", "realisasi", "baris_sumber", "baris_raw"])
    return {"efisiensi_dilaporkan": df}, angka


def anggaran_program_sumber_dana(ctx, t, cells):
    out, angka = [], []
    for r in t.rows:
        no = cells.integer(r, "program_no", minimum=1)
        sd = cells.choice(r, "sumber_dana", SUMBER_DANA)
        sas = cells.choice(r, "sasaran_didukung", ROMAN, required=False)
        out.append({"program_no": no, "program": cells.text(r, "program"), "sumber_dana": sd,
                    "anggaran": cells.rupiah(r, "anggaran"), "realisasi": cells.rupiah(r, "realisasi"),
                    "sasaran_no": sas, "kategori_dilaporkan": r["kategori"] or None,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        base = dict(subjek=f"program {no} {sd}", tahun=ctx.year, tabel=t.name, baris_sumber=r["baris_sumber"],
                    baris_raw=r["_line"])
        angka.append(dict(base, besaran="serapan", nilai=cells.percent(r, "persen"), teks=r["persen"]))
        if r["kategori"]:
            angka.append(dict(base, besaran="kategori_serapan", nilai=None, teks=r["kategori"]))
    df = pd.DataFrame(out, columns=["program_no", "program", "sumber_dana", "anggaran", "realisasi", "sasaran_no",
                                    "kategori_dilaporkan", "baris_sumber", "baris_raw"])
    dup = df.duplicated(["program_no", "sumber_dana"], keep="first")
    for _, r in df[dup].iterrows():
        cells.col.add(t.label, int(r["baris_raw"]), "sumber_dana", r["sumber_dana"],
                      f"one row per programme and funding source (programme {r['program_no']} repeats)")
    return {"anggaran_program_sumber_dana": df}, angka


def anggaran_sumber_dana(ctx, t, cells):
    out, angka = [], []
    sd_map = dict(SUMBER_DANA, **{"Total APBD": "APBD"})
    for r in t.rows:
        sd = cells.choice(r, "sumber_dana", sd_map)
        rec = {"bagian": cells.text(r, "bagian"), "sumber_dana": sd, "anggaran": cells.rupiah(r, "anggaran"),
               "realisasi": cells.rupiah(r, "realisasi", dash="missing"), "baris_sumber": r["baris_sumber"],
               "baris_raw": r["_line"]}
        out.append(rec)
        base = dict(subjek=sd, tahun=ctx.year, tabel=t.name, baris_sumber=r["baris_sumber"], baris_raw=r["_line"])
        angka.append(dict(base, besaran="anggaran_total", nilai=rec["anggaran"], teks=r["anggaran"]))
        if r["realisasi"]:
            angka.append(dict(base, besaran="realisasi_total", nilai=rec["realisasi"], teks=r["realisasi"]))
        if r["persen"]:
            angka.append(dict(base, besaran="serapan", nilai=cells.percent(r, "persen", dash="missing"),
                              teks=r["persen"]))
    df = pd.DataFrame(out, columns=["bagian", "sumber_dana", "anggaran", "realisasi", "baris_sumber", "baris_raw"])
    df = df.astype({"realisasi": "Int64"})
    # DAU + DAK = total APBD, in each part of the report that states them
    for bagian, g in df.groupby("bagian"):
        parts = g[g["sumber_dana"].isin(["DAU", "DAK"])]
        tot = g[g["sumber_dana"] == "APBD"]
        for column in ("anggaran", "realisasi"):
            if len(tot) and len(parts) and tot[column].notna().all() and parts[column].notna().all():
                if int(parts[column].sum()) != int(tot[column].iloc[0]):
                    cells.col.add(t.label, int(tot["baris_raw"].iloc[0]), column, str(tot[column].iloc[0]),
                                  f"DAU + DAK = {int(parts[column].sum()):,} (a total that does not add up)")
    return {"anggaran_sumber_dana": df}, angka


def formulir_anggaran(ctx, t, cells):
    angka = []
    for r in t.rows:
        besaran = "realisasi_total" if "realisasi" in r["uraian"].lower() else "anggaran_total"
        angka.append(dict(besaran=besaran, subjek="APBD", tahun=ctx.year, nilai=cells.rupiah(r, "nilai"),
                          teks=r["nilai"], tabel=t.name, baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
    return {}, angka


def output_program(ctx, t, cells):
    out = []
    for r in t.rows:
        out.append({"program_no": cells.integer(r, "program_no", minimum=1), "keluaran": cells.text(r, "keluaran"),
                    "nilai": cells.integer(r, "nilai"), "pembanding": r["pembanding"] or None,
                    "nilai_pembanding": cells.integer(r, "nilai_pembanding", dash="missing")
                    if r["nilai_pembanding"] else None,
                    "satuan": cells.text(r, "satuan"), "kalimat": r["kalimat"],
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "satuan",
                                    "kalimat", "baris_sumber", "baris_raw"]).astype({"nilai_pembanding": "Int64"})
    return {"output_program": df}, []


def komponen_iku(ctx, t, cells):
    out = []
    codes = set(ctx.definitions["kode_indikator"])
    for r in t.rows:
        code = cells.choice(r, "kode_indikator", tuple(sorted(codes)))
        v = cells.percent(r, "nilai", maximum=None) if "%" in r["nilai"] else cells.number(r, "nilai")
        if v is not None and v < 0:
            cells._bad(r, "nilai", "a component value >= 0")
        out.append({"kode_indikator": code, "komponen": cells.text(r, "komponen"), "nilai": v,
                    "satuan": r["satuan"], "kalimat": r["kalimat"], "baris_sumber": r["baris_sumber"],
                    "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["kode_indikator", "komponen", "nilai", "satuan", "kalimat", "baris_sumber",
                                    "baris_raw"])
    # a component stated twice must be stated the same
    for (code, k), g in df.groupby(["kode_indikator", "komponen"]):
        if g["nilai"].nunique(dropna=True) > 1:
            first = g.iloc[0]
            for _, r in g.iloc[1:].iterrows():
                if r["nilai"] != first["nilai"]:
                    cells.col.add(t.label, int(r["baris_raw"]), "nilai", r["nilai"],
                                  f"{first['nilai']:g} as on line {int(first['baris_raw'])} (the same component)")
    return {"komponen_iku": df.drop_duplicates(["kode_indikator", "komponen"], keep="first")}, []


def realisasi_multi_tahun(ctx, t, cells):
    years = sorted(int(c.split("_")[1]) for c in t.columns if re.fullmatch(r"realisasi_\d{4}", c))
    target_cols = [c for c in t.columns if re.fullmatch(r"target_\d{4}", c)]
    real, targets, angka = [], [], []
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        graded = code is not None and ctx.is_graded(code)
        for y in years:
            c = f"realisasi_{y}"
            real.append({"kode_indikator": code, "tahun": y,
                         "realisasi": None if graded else cells.percent(r, c, require_sign=True),
                         "realisasi_predikat": cells.grade(r, c) if graded else None,
                         "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        for c in target_cols:
            targets.append({"kode_indikator": code, "tahun": int(c.split("_")[1]), "jenis_target": "jangka_menengah",
                            "target": None if graded else cells.percent(r, c, require_sign=True),
                            "target_predikat": cells.grade(r, c) if graded else None,
                            "tabel": t.name, "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        if r.get("tingkat_kemajuan"):
            angka.append(dict(besaran="kemajuan", subjek=code, tahun_dasar=years[0] if years else None,
                              tahun=years[-1] if years else None, nilai=cells.percent(r, "tingkat_kemajuan"),
                              teks=r["tingkat_kemajuan"], tabel=t.name, baris_sumber=r["baris_sumber"],
                              baris_raw=r["_line"]))
    cols_r = ["kode_indikator", "tahun", "realisasi", "realisasi_predikat", "baris_sumber", "baris_raw"]
    return {"realisasi_tahunan": pd.DataFrame(real, columns=cols_r),
            "target_tahunan": pd.DataFrame(targets, columns=TARGET_COLUMNS)}, angka


TARGET_COLUMNS = ["kode_indikator", "tahun", "jenis_target", "target", "target_predikat", "tabel", "baris_sumber",
                  "baris_raw"]


def target_nasional(ctx, t, cells):
    targets, angka = [], []
    rcols = [c for c in t.columns if re.fullmatch(r"realisasi_\d{4}", c)]
    for r in t.rows:
        code = ctx.indicator_code(cells, r, "indikator")
        targets.append({"kode_indikator": code, "tahun": ctx.year, "jenis_target": "nasional",
                        "target": cells.percent(r, "target_nasional"), "target_predikat": None, "tabel": t.name,
                        "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
        for c in rcols:
            angka.append(dict(besaran="realisasi", subjek=code, tahun=int(c.split("_")[1]),
                              nilai=cells.percent(r, c), teks=r[c], tabel=t.name, baris_sumber=r["baris_sumber"],
                              baris_raw=r["_line"]))
    return {"target_nasional": pd.DataFrame(targets, columns=TARGET_COLUMNS)}, angka


def nilai_sakip(ctx, t, cells):
    out = []
    for r in t.rows:
        out.append({"kode_indikator": cells.choice(r, "kode_indikator", tuple(sorted(set(ctx.definitions["kode_indikator"])))),
                    "tahun": cells.year(r, "tahun"), "predikat": cells.grade(r, "predikat"),
                    "nilai": cells.percent(r, "nilai", minimum=0, maximum=100),
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    return {"nilai_sakip": pd.DataFrame(out, columns=["kode_indikator", "tahun", "predikat", "nilai", "baris_sumber",
                                                      "baris_raw"])}, []


def pernyataan_narasi(ctx, t, cells):
    angka = []
    for r in t.rows:
        jenis = cells.text(r, "jenis")
        v = cells.percent(r, "nilai") if "%" in r["nilai"] else cells.number(r, "nilai")
        arah = cells.choice(r, "arah", ("menurun", "meningkat", "tetap"), required=False)
        if v is not None and arah == "menurun":
            v = -v
        subjek = r["kode_indikator"] or "semua"
        besaran = {"capaian_sasaran": "capaian_rata_rata", "tingkat_efisiensi": "efisiensi"}.get(jenis, jenis)
        angka.append(dict(besaran=besaran, subjek=subjek, tahun_dasar=cells.year(r, "dari_tahun", required=False),
                          tahun=cells.year(r, "tahun"), nilai=v, teks=r["nilai"], tabel=t.name,
                          baris_sumber=r["baris_sumber"], baris_raw=r["_line"]))
    return {}, angka


def pegawai(ctx, t, cells):
    """Staff by education and rank; merged cells (No, Jenjang, Jumlah Personil) filled down; '-' is 0."""
    out, total_row = [], None
    jenjang, personil, groups = None, None, {}
    for r in t.rows:
        if r["no"].strip().lower() == "jumlah":
            total_row = r
            continue
        if r["jenjang_pendidikan"]:
            jenjang = r["jenjang_pendidikan"]
            personil = cells.integer(r, "jumlah_personil")
            groups[jenjang] = (personil, r)
        elif jenjang is None:
            cells._bad(r, "jenjang_pendidikan", "an education level on the first row (merged cells fill downwards)")
        counts = {j: cells.integer(r, j, dash="zero") for j in JABATAN_PEGAWAI}
        jumlah = cells.integer(r, "jumlah", dash="zero")
        if None not in counts.values() and jumlah is not None and sum(counts.values()) != jumlah:
            cells._bad(r, "jumlah", f"the row's sum {sum(counts.values())} (a total that does not add up)")
        for j, n in counts.items():
            out.append({"jenjang_pendidikan": jenjang, "pangkat_golongan": cells.text(r, "pangkat_golongan"),
                        "jabatan": j, "jumlah": n, "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["jenjang_pendidikan", "pangkat_golongan", "jabatan", "jumlah", "baris_sumber",
                                    "baris_raw"])
    if df["jumlah"].notna().all():
        for jenjang, (personil, r) in groups.items():
            s = int(df.loc[df["jenjang_pendidikan"] == jenjang, "jumlah"].sum())
            if personil is not None and s != personil:
                cells._bad(r, "jumlah_personil", f"the sum of its rows {s} (a total that does not add up)")
        if total_row is None:
            cells.col.add(t.label, None, "no", None, "a 'Jumlah' total row")
        else:
            for j in JABATAN_PEGAWAI + ["jumlah", "jumlah_personil"]:
                tv = cells.integer(total_row, j, dash="zero")
                s = int(df["jumlah"].sum()) if j in ("jumlah", "jumlah_personil") else \
                    int(df.loc[df["jabatan"] == j, "jumlah"].sum())
                if tv is not None and tv != s:
                    cells._bad(total_row, j, f"the column's sum {s} (a total that does not add up)")
    angka = [] if total_row is None else [dict(besaran="jumlah_pegawai", subjek="semua", tahun=ctx.year,
                                               nilai=cells.integer(total_row, "jumlah"), teks=total_row["jumlah"],
                                               tabel=t.name, baris_sumber=total_row["baris_sumber"],
                                               baris_raw=total_row["_line"])]
    return {"pegawai": df}, angka


def formasi_pegawai(ctx, t, cells):
    out, total_row = [], None
    for r in t.rows:
        if r["no"].strip().lower() == "jumlah":
            total_row = r
            continue
        f, k = cells.integer(r, "formasi", dash="zero"), cells.integer(r, "kebutuhan", dash="zero")
        out.append({"no": _leading_number(r["no"]), "jabatan": cells.text(r, "jabatan"), "formasi": f, "kebutuhan": k,
                    "kekurangan": None if f is None or k is None else k - f,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    for c in ("formasi", "kebutuhan"):
        _check_total(cells, total_row, c, [o[c] for o in out], f"positions ({c})",
                     lambda row, col: cells.integer(row, col, dash="zero"))
    df = pd.DataFrame(out, columns=["no", "jabatan", "formasi", "kebutuhan", "kekurangan", "baris_sumber", "baris_raw"])
    return {"formasi_pegawai": df.astype({"no": "Int64"})}, []


_KONDISI_PART = re.compile(r"^(?P<n>\d+)\s+(?P<k>.+)$")


def aset(ctx, t, cells):
    """Assets; group rows ('A. Bangunan Kantor') become ``kelompok``; the condition text is split into counts."""
    items, kondisi, kelompok = [], [], None
    for r in t.rows:
        others = [r[c] for c in ("nama_barang", "merk", "satuan", "jumlah", "kondisi")]
        if re.match(r"^[A-Z]\.\s+\S", r["no"]) and not any(others):
            kelompok = re.sub(r"^[A-Z]\.\s+", "", r["no"])
            continue
        jumlah = cells.integer(r, "jumlah")
        item = len(items) + 1
        items.append({"aset_id": item, "kelompok": kelompok, "no": _leading_number(r["no"]),
                      "nama_barang": cells.text(r, "nama_barang"), "merk": r["merk"] or None,
                      "satuan": r["satuan"] or None, "jumlah": jumlah, "baris_sumber": r["baris_sumber"],
                      "baris_raw": r["_line"]})
        text = r["kondisi"].strip()
        if text in KONDISI:
            parts = [(jumlah, text)]
        else:
            parts = []
            for p in [p.strip() for p in text.split(",")]:
                m = _KONDISI_PART.match(p)
                if not m or m.group("k") not in KONDISI:
                    cells._bad(r, "kondisi", "a condition (" + ", ".join(KONDISI) + ") or counts like '88 Baik, 10 Rusak Berat'")
                    parts = []
                    break
                parts.append((int(m.group("n")), m.group("k")))
            if parts and jumlah is not None and sum(n for n, _ in parts) != jumlah:
                cells._bad(r, "kondisi", f"condition counts adding up to jumlah {jumlah} (they add up to "
                           f"{sum(n for n, _ in parts)})")
        for n, k in parts:
            kondisi.append({"aset_id": item, "kondisi": k, "jumlah": n, "baris_raw": r["_line"]})
    df = pd.DataFrame(items, columns=["aset_id", "kelompok", "no", "nama_barang", "merk", "satuan", "jumlah",
                                      "baris_sumber", "baris_raw"]).astype({"no": "Int64"})
    dk = pd.DataFrame(kondisi, columns=["aset_id", "kondisi", "jumlah", "baris_raw"])
    return {"aset": df, "aset_kondisi": dk}, []


#: raw table name -> (required columns, optional columns, cleaner)
CLEANERS = {
    "perjanjian_kinerja": (["baris_sumber", "no", "sasaran", "indikator", "target"], [], perjanjian_kinerja),
    "pk_program": (["baris_sumber", "program", "mata_uang", "anggaran", "keterangan"], [], pk_program),
    "capaian_iku": (["baris_sumber", "no", "sasaran", "indikator", "target", "realisasi", "capaian"], [], capaian_iku),
    "capaian_per_sasaran": (["baris_sumber", "bagian", "no", "sasaran", "indikator", "target", "realisasi", "capaian"],
                            [], capaian_per_sasaran),
    "formulir_pengukuran": (["baris_sumber", "no", "sasaran", "indikator", "target", "realisasi", "capaian"], [],
                            formulir_pengukuran),
    "formulir_anggaran": (["baris_sumber", "uraian", "nilai"], [], formulir_anggaran),
    "efisiensi": (["baris_sumber", "no", "sasaran", "program", "anggaran", "realisasi", "persen", "capaian_kinerja",
                   "tingkat_efisiensi"], [], efisiensi),
    "realisasi_anggaran": (["baris_sumber", "no", "program", "anggaran", "realisasi", "persen"], [], realisasi_anggaran),
    "anggaran_program_sumber_dana": (["baris_sumber", "program_no", "program", "sumber_dana", "anggaran", "realisasi",
                                      "persen", "kategori", "sasaran_didukung", "kalimat"], [],
                                     anggaran_program_sumber_dana),
    "anggaran_sumber_dana": (["baris_sumber", "bagian", "sumber_dana", "anggaran", "realisasi", "persen", "kalimat"], [],
                             anggaran_sumber_dana),
    "output_program": (["baris_sumber", "program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "satuan",
                        "kalimat"], [], output_program),
    "komponen_iku": (["baris_sumber", "kode_indikator", "komponen", "nilai", "satuan", "kalimat"], [], komponen_iku),
    "realisasi_multi_tahun": (["baris_sumber", "no", "sasaran", "indikator"], ["tingkat_kemajuan"],
                              realisasi_multi_tahun),
    "target_nasional": (["baris_sumber", "no", "sasaran", "indikator", "target_nasional"], [], target_nasional),
    "nilai_sakip": (["baris_sumber", "kode_indikator", "tahun", "predikat", "nilai", "kalimat"], [], nilai_sakip),
    "pernyataan_narasi": (["baris_sumber", "jenis", "kode_indikator", "dari_tahun", "tahun", "arah", "nilai", "kalimat"],
                          [], pernyataan_narasi),
    "pegawai": (["baris_sumber", "no", "jenjang_pendidikan", "jumlah_personil", "pangkat_golongan"] + JABATAN_PEGAWAI
                + ["jumlah"], [], pegawai),
    "formasi_pegawai": (["baris_sumber", "no", "jabatan", "formasi", "kebutuhan"], [], formasi_pegawai),
    "aset": (["baris_sumber", "no", "nama_barang", "merk", "satuan", "jumlah", "kondisi"], [], aset),
}
#: Columns whose names carry a year (realisasi_2022 …): allowed by pattern.
YEAR_COLUMN = re.compile(r"^(realisasi|target)_\d{4}$")


@dataclass
class Cleaned:
    """The result of cleaning one agency-year."""

    agency: str
    year: int
    meta: dict
    tables: dict[str, pd.DataFrame]
    warnings: list[Warning_]
    read: list[dict]  # one row per raw table read: berkas, tabel, baris, kolom


def _read_table(ctx: Context, name: str, berkas: str) -> RawTable:
    required, optional, _ = CLEANERS[name]
    # year columns are named by the data (realisasi_2022 …): allowed by pattern where a table has them
    pattern = YEAR_COLUMN if name in ("realisasi_multi_tahun", "target_nasional") else None
    return read_raw_csv(ctx.folder / berkas, required, tuple(optional), pattern=pattern)


def clean_agency_year(agency: str, year, raw_root) -> Cleaned:
    """Read, parse and check every table of one agency-year; raise one :class:`DataError` for all problems."""
    ctx = load_context(agency, year, raw_root)
    problems: list[Problem] = []
    tables: dict[str, list[pd.DataFrame]] = {}
    angka: list[dict] = []
    read = []
    for _, m in ctx.manifest.iterrows():
        name = m["tabel"]
        try:
            t = _read_table(ctx, name, m["berkas"])
        except DataError as e:
            problems.extend(e.problems)
            continue
        ctx.warnings.extend(t.warnings)
        col = Collector()
        cells = Cells(t, m["gaya_angka"], col)
        out, fig = CLEANERS[name][2](ctx, t, cells)
        problems.extend(col.problems)
        for k, df in out.items():
            tables.setdefault(k, []).append(df)
        angka.extend(fig)
        read.append({"berkas": m["berkas"], "tabel": name, "bagian": m["bagian"], "judul_tabel": m["judul_tabel"],
                     "baris_sumber": m["baris_sumber"], "gaya_angka": m["gaya_angka"], "baris": len(t.rows),
                     "kolom": len(t.columns)})
    if problems:
        raise DataError(problems)
    result = {k: pd.concat(v, ignore_index=True) if len(v) > 1 else v[0] for k, v in tables.items()}
    result["definisi_indikator"] = ctx.definitions
    result["angka_dilaporkan"] = _angka(angka)
    result["program"] = build_program(result)
    attach_program_numbers(result, ctx)
    from .schemas import validate_all
    result = validate_all(result, ctx.folder)
    check_cross_table_totals(result, ctx)
    check_component_references(result, ctx)
    return Cleaned(ctx.agency, ctx.year, ctx.meta, result, ctx.warnings, read)


def build_program(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The programme master: number, name, sasaran it supports (as the narrative says), funding."""
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
            d = rows.setdefault(r["program_no"], {"program_no": r["program_no"], "sumber_anggaran": "APBD",
                                                  "anggaran_pk": None, "sasaran_no": None})
            d["program"] = r["program"]
    if src is not None:
        for no, g in src.groupby("program_no"):
            if no in rows and g["sasaran_no"].notna().any():
                rows[no]["sasaran_no"] = int(g["sasaran_no"].dropna().iloc[0])
    df = pd.DataFrame(list(rows.values()), columns=cols).sort_values("program_no", kind="stable")
    return df.astype({"program_no": "int64", "sasaran_no": "Int64", "anggaran_pk": "Int64"}).reset_index(drop=True)


def attach_program_numbers(t: dict[str, pd.DataFrame], ctx: Context) -> None:
    """The efficiency table names programmes without their budget-table numbers: match them by name."""
    eff = t.get("efisiensi_dilaporkan")
    if eff is None:
        return
    by_name = {normalise_name(n): int(no) for no, n in zip(t["program"]["program_no"], t["program"]["program"])}
    col = Collector()
    numbers_ = []
    for _, r in eff.iterrows():
        no = by_name.get(normalise_name(r["program"]))
        if no is None:
            col.add("efisiensi.csv", int(r["baris_raw"]), "program", r["program"],
                    "a programme named as in realisasi_anggaran.csv")
        numbers_.append(no)
    col.raise_if_any()
    eff.insert(1, "program_no", pd.array(numbers_, dtype="int64"))
    a = t["angka_dilaporkan"]
    names = a["subjek"].str.startswith("program:")
    a.loc[names, "subjek"] = a.loc[names, "subjek"].map(lambda s: f"program {by_name[s.split(':', 1)[1]]}")


def check_component_references(t: dict[str, pd.DataFrame], ctx: Context) -> None:
    """A definition valid this year must name components that are stated (a typo would silently make the
    indicator unverifiable). An indicator with no components at all is allowed: it is reported as
    unverifiable, with a warning."""
    comps = t.get("komponen_iku")
    if comps is None:
        return
    col = Collector()
    defs = ctx.definitions
    valid = defs[(defs["berlaku_dari"] <= ctx.year) & (defs["berlaku_sampai"].isna() | (defs["berlaku_sampai"] >= ctx.year))]
    for _, d in valid.iterrows():
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
