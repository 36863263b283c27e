"""Versioned indicator definitions: reading ``definisi_indikator.csv`` and the one rule for "valid in a year"."""
from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pandas as pd

from ..errors import Collector
from ..indicators.capaian import NEGATIVE_CONVENTIONS, POLARITIES
from ..indicators.methods import ALLOWED, METHODS
from .cells import Cells, normalise_name
from .raw import RawTable, read_raw_csv

DEFINITION_COLUMNS = ["kode_indikator", "versi", "berlaku_dari", "berlaku_sampai", "nama", "nama_lain", "sasaran_no",
                      "sasaran", "pembilang", "penyebut", "komponen_pembilang", "komponen_penyebut", "faktor", "satuan",
                      "polaritas", "konvensi_negatif", "skala_predikat", "laporan_tahun", "baris_sumber",
                      "kalimat_sumber"]
#: optional, at the end: the capaian method (empty = the polarity's default) and its cap (empty = none)
METHOD_COLUMNS = ["metode_capaian", "batas_capaian"]


def read_definitions(path: Path | RawTable, col: Collector | None = None) -> pd.DataFrame:
    """Versioned indicator definitions (agency level: ``data/raw/<agency>/definisi_indikator.csv``).

    Checks: known polarity and convention; a capaian method (``metode_capaian``) the polarity allows and
    a positive cap (``batas_capaian``), see :mod:`analysis.indicators.methods`; a version's years are ordered;
    versions of one indicator never overlap; a component formula names components (``a+b``), not free text;
    a name (``nama``, ``nama_lain`` or the code) belongs to one indicator only.

    With ``col`` the problems are collected there and the rows without problems returned (so the tables can
    still be checked); without, any problem raises.
    """
    own = col is None
    col = col or Collector()
    # a RawTable: the definitions were read already (a workbook's definisi_indikator sheet). A header alone: the
    # report prints no indicator (an efficiency or budget page); an IKU table then names indicators no definition
    # has, and its cleaner says so
    t = path if isinstance(path, RawTable) else read_raw_csv(path, DEFINITION_COLUMNS, tuple(METHOD_COLUMNS),
                                                              allow_empty=True)
    cells = Cells(t, "id", col)
    out = []
    for r in t.rows:
        before = len(col.problems)
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
            "polaritas": cells.choice(r, "polaritas", POLARITIES),
            "konvensi_negatif": cells.choice(r, "konvensi_negatif", ("",) + NEGATIVE_CONVENTIONS, required=False) or "",
            "skala_predikat": r["skala_predikat"],
            "laporan_tahun": cells.year(r, "laporan_tahun"),
            "baris_sumber": r["baris_sumber"],
            "kalimat_sumber": cells.text(r, "kalimat_sumber"),
            "baris_raw": r["_line"],
            **_method(cells, r),
        }
        for c in ("komponen_pembilang", "komponen_penyebut"):
            if r[c] and not re.fullmatch(r"[a-z0-9_]+(\+[a-z0-9_]+)*", r[c]):
                cells.bad(r, c, "component names joined by '+', like koperasi_a+koperasi_b")
        allowed = ALLOWED.get(d["polaritas"], ())
        if d["metode_capaian"] and d["polaritas"] and d["metode_capaian"] not in allowed:
            cells.bad(r, "metode_capaian", f"a capaian method of a {d['polaritas']} indicator ({', '.join(allowed)}; "
                                           "empty = the default)")
        elif d["metode_capaian"] and d["konvensi_negatif"] and d["metode_capaian"] != d["konvensi_negatif"]:
            cells.bad(r, "metode_capaian", f"the method konvensi_negatif names ({d['konvensi_negatif']}), or one "
                                           "of the two left empty")
        if d["polaritas"] == "predikat" and not r["skala_predikat"]:
            cells.bad(r, "skala_predikat", "a grade scale for a graded indicator")
        if d["berlaku_dari"] and d["berlaku_sampai"] and d["berlaku_sampai"] < d["berlaku_dari"]:
            cells.bad(r, "berlaku_sampai", f"a year not before berlaku_dari ({d['berlaku_dari']})")
        if len(col.problems) == before:
            out.append(d)
    if own:
        col.raise_if_any()
    # versions of one indicator must not overlap
    by_code: dict[str, list[dict]] = {}
    for d in out:
        by_code.setdefault(d["kode_indikator"], []).append(d)
    for code, versions in by_code.items():
        versions.sort(key=lambda d: d["berlaku_dari"])
        for a, b in pairwise(versions):
            end = a["berlaku_sampai"] if a["berlaku_sampai"] is not None else 9999
            if b["berlaku_dari"] <= end:
                col.add(t.label, b["baris_raw"], "berlaku_dari", b["berlaku_dari"],
                        f"a year after the previous version of {code} ends ({'open-ended' if end == 9999 else end}); "
                        "definitions valid for overlapping years")
        if len({d["versi"] for d in versions}) != len(versions):
            col.add(t.label, versions[0]["baris_raw"], "versi", code, "distinct version numbers per indicator")
    df = pd.DataFrame(out, columns=DEFINITION_COLUMNS + ["baris_raw"] + METHOD_COLUMNS)
    for codes in name_index(df).values():
        if len(codes) > 1:
            (first, (line_a, col_a, _)), *others = sorted(codes.items(), key=lambda kv: kv[1][0])
            for code, (line, c, printed) in others:
                col.add(t.label, line, c, printed, f"a name of one indicator: it is also {first}'s {col_a} on line "
                        f"{line_a} (a table printing it would match both {first} and {code})")
    if own:
        col.raise_if_any()
    return df.astype({"versi": "int64", "berlaku_dari": "int64", "berlaku_sampai": "Int64", "sasaran_no": "int64",
                      "faktor": "float64", "laporan_tahun": "int64", "baris_raw": "int64",
                      "batas_capaian": "float64"})


def _method(cells: Cells, r: dict) -> dict:
    """``metode_capaian`` (a method of :mod:`analysis.indicators.methods`, or empty) and ``batas_capaian``
    (> 0, or NaN)."""
    name = r.get("metode_capaian", "").strip()
    if name and name not in METHODS:
        cells.bad(r, "metode_capaian", "one of " + ", ".join(METHODS) + " (empty = the polarity's default)")
        name = ""
    cap = float("nan")
    if r.get("batas_capaian", "").strip():
        cap = cells.number(r, "batas_capaian")
        if cap is not None and cap <= 0:
            cells.bad(r, "batas_capaian", "a cap above 0 (120 caps capaian at 120 %; empty = none)")
        cap = float("nan") if cap is None else cap
    return {"metode_capaian": name, "batas_capaian": cap}


def name_index(definitions: pd.DataFrame) -> dict[str, dict[str, tuple[int, str, str]]]:
    """Every name an indicator is printed under (``nama``, each ``nama_lain``, the code), normalised, -> the codes
    it names, each with the first definition line, column and name as printed that gives it. More than one code
    is ambiguous."""
    index: dict[str, dict[str, tuple[int, str, str]]] = {}
    for _, d in definitions.iterrows():
        names = [("nama", d["nama"]), ("kode_indikator", d["kode_indikator"])]
        names += [("nama_lain", n) for n in str(d["nama_lain"] or "").split("|") if n.strip()]
        for column, name in names:
            key = normalise_name(str(name or ""))
            if key:
                index.setdefault(key, {}).setdefault(d["kode_indikator"], (int(d["baris_raw"]), column, str(name)))
    return index


def valid_in(definitions: pd.DataFrame, year) -> pd.DataFrame:
    """The definitions valid in ``year`` (``berlaku_dari`` <= year <= ``berlaku_sampai``, open-ended when empty);
    ``year`` is one year, or a Series of one year per row.

    The one home of this rule: the IKU, the component checks and the series all ask it.
    """
    d = definitions
    return d[(d["berlaku_dari"] <= year) & (d["berlaku_sampai"].isna() | (d["berlaku_sampai"] >= year))]


def definition_for(definitions: pd.DataFrame, code: str, year: int) -> pd.Series | None:
    """The version of ``code``'s definition valid in ``year`` (None when none is)."""
    d = valid_in(definitions[definitions["kode_indikator"] == code], year)
    return d.iloc[0] if len(d) else None


def versions_in(definitions: pd.DataFrame, pairs: list[tuple[str, int]]) -> list[int | None]:
    """The version of the definition valid in each (code, year) of ``pairs`` (None where none is): what
    :func:`definition_for` gives, for many pairs in one pass (one filter per pair was most of a series' time)."""
    if not pairs or not len(definitions):
        return [None] * len(pairs)
    want = pd.DataFrame(pairs, columns=["kode_indikator", "_tahun"]).assign(_i=range(len(pairs)))
    cols = definitions[["kode_indikator", "versi", "berlaku_dari", "berlaku_sampai"]]
    both = want.merge(cols.assign(_pos=range(len(cols))), on="kode_indikator", how="inner")
    # the first valid version in the definitions' order, as definition_for takes it
    first = valid_in(both, both["_tahun"]).sort_values(["_i", "_pos"]).drop_duplicates("_i")
    found = dict(zip(first["_i"], first["versi"], strict=True))
    return [int(found[i]) if i in found else None for i in range(len(pairs))]



def version_in(definitions: pd.DataFrame, code: str, year) -> int | None:
    """The version of ``code``'s definition valid in ``year`` (None when none is): :func:`versions_in` of one."""
    return versions_in(definitions, [(code, int(year))])[0]


def latest_of_each(definitions: pd.DataFrame | None, column: str) -> dict:
    """``column`` of each indicator's latest definition (the version valid from the latest year), by code; {} when
    there are no definitions or no such column. How an indicator is named and measured where no IKU row of the
    report year says it (a figure joined from an earlier report)."""
    if definitions is None or not len(definitions) or column not in definitions:
        return {}
    order = [c for c in ("kode_indikator", "berlaku_dari") if c in definitions]  # without years: as listed
    latest = definitions.sort_values(order, kind="stable").groupby("kode_indikator").last()
    return latest[column].dropna().to_dict()
