"""Indicator definitions as each report states them: the one rule for "stated differently", the check of a report's
statement against the declared definition, and the series breaks found in the reports' text (derived versions).

A report may print how it measures each indicator (the IKU table's *formulasi / cara pengukuran* column, usually
in Bab II). Transcribed as printed into the table kind ``formulasi_iku`` (its cleaner,
:mod:`analysis.ingest.cleaners.formulations`), each report's statements are compared

* **with the definition declared for the report's own year** in ``definisi_indikator.csv`` (:func:`differences`,
  used by the cleaner): a factor, unit or polarity the report states otherwise is a **problem**, because the
  declared one is what that report's values are read in (unit) and recomputed by (capaian by polarity, factor):
  going on would give figures the report itself contradicts. A numerator or denominator worded otherwise is a
  **warning** naming both cells: no figure is computed from that text (components are named in ``komponen_*``),
  and where another report states it otherwise the series gets a break (next point), so nothing is wrong silently;
* **between report years** (:func:`derive_versions`): where two reports of one agency state one indicator
  differently and the declared definitions put both report years in **one** version, that version is split at the
  later report's year into a *derived* version (``asal`` = ``laporan``) valid from that year, its stated fields as
  the later report prints them, naming the earlier report and its line (``laporan_sebelumnya``,
  ``baris_sebelumnya``, ``definisi_sebelumnya``) and what changed (``berubah``). Every reader of versions (the
  series' comparability, :func:`analysis.indicators.trends.detect_breaks`, the reconciliation's
  ``not_comparable``, restatements) then treats it as a break **found in the reports' text, not declared**. A
  change between two years the declared file already puts in different versions is a declared break: nothing
  is derived.

"Stated differently" means: text fields differ after :func:`analysis.ingest.cells.normalise_name` (case, spacing,
punctuation); ``satuan`` names another unit (:func:`analysis.ingest.units.unit_of`: ``%`` and ``persen`` are one);
``faktor`` is another number; ``polaritas`` another word. A field either side leaves empty is not compared, and
nothing else is read into the wording.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .cells import normalise_name
from .definitions import versions_in
from .units import unit_of

#: the fields a report may state, compared between reports and with the declared definition
STATED_FIELDS = ("pembilang", "penyebut", "faktor", "satuan", "polaritas")
#: the stated fields the computations read: a report contradicting its year's declared definition there is a problem
COMPUTED_FIELDS = ("faktor", "satuan", "polaritas")
#: the columns of a stated definition (processed table ``formulasi_iku``; ``laporan_tahun`` added across reports)
STATED_COLUMNS = ["kode_indikator", *STATED_FIELDS, "kalimat", "baris_sumber", "baris_raw"]
#: columns the processed definitions get: where a version comes from, and for a derived one what it differs from
DERIVED_COLUMNS = ["asal", "laporan_sebelumnya", "baris_sebelumnya", "definisi_sebelumnya", "berubah"]
#: ``asal``: declared in definisi_indikator.csv, or derived from the reports' text
DECLARED, FROM_REPORTS = "dinyatakan", "laporan"


def _empty(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
        or (isinstance(value, str) and not value.strip())


def comparable(field: str, value):
    """``value`` of ``field`` as the comparison sees it (None: not stated, never compared)."""
    if _empty(value):
        return None
    if field == "faktor":
        return round(float(value), 9)
    if field == "satuan":
        unit = unit_of(str(value))
        return unit.kind, unit.word
    if field == "polaritas":
        return str(value).strip().lower()
    return normalise_name(str(value)) or None


def differences(a, b) -> list[str]:
    """The fields of :data:`STATED_FIELDS` that both ``a`` and ``b`` (mappings) state, and state differently."""
    out = []
    for f in STATED_FIELDS:
        ka, kb = comparable(f, a.get(f)), comparable(f, b.get(f))
        if ka is not None and kb is not None and ka != kb:
            out.append(f)
    return out


def describe(d) -> str:
    """A definition in one line, as the breaks show it: ``pembilang / penyebut`` (the numerator alone without one)."""
    num, den = str(d.get("pembilang") or "").strip(), str(d.get("penyebut") or "").strip()
    if _empty(d.get("penyebut")):
        return num
    return f"{num} / {den}" if num else f"… / {den}"


@dataclass(frozen=True)
class Change:
    """Two consecutive reports stating one indicator differently within one declared version."""

    code: str
    year: int  # the later report's year: the derived version starts there
    earlier: dict
    later: dict
    fields: tuple[str, ...]


def changes_between_reports(definitions: pd.DataFrame, stated: pd.DataFrame | None) -> list[Change]:
    """Every change between consecutive reports stating an indicator (ordered by report year) that the declared
    ``definitions`` do not already put at a version boundary; only indicators declared in both years count."""
    if stated is None or not len(stated) or not len(definitions):
        return []
    out = []
    for code, g in stated.sort_values("laporan_tahun", kind="stable").groupby("kode_indikator", sort=True):
        rows = g.to_dict("records")
        for a, b in zip(rows, rows[1:], strict=False):
            fields = differences(a, b)
            if not fields:
                continue
            va, vb = versions_in(definitions, [(code, int(a["laporan_tahun"])), (code, int(b["laporan_tahun"]))])
            if va is not None and va == vb:  # one declared version for both years: the break is not declared
                out.append(Change(code, int(b["laporan_tahun"]), a, b, tuple(fields)))
    return out


def _as_stated(declared: dict, statement: dict) -> dict:
    """The declared row with every field ``statement`` states otherwise replaced by its printed value."""
    row = dict(declared)
    for f in differences(declared, statement):
        row[f] = float(statement[f]) if f == "faktor" else str(statement[f]).strip()
    return row


def derive_versions(definitions: pd.DataFrame, stated: pd.DataFrame | None) -> pd.DataFrame:
    """``definitions`` (declared) with each version split where the reports' statements change within it
    (:func:`changes_between_reports`), and the columns :data:`DERIVED_COLUMNS` (empty on declared rows).

    A derived version takes the next free version number of its indicator, the later report as its source
    (``laporan_tahun``, ``baris_sumber``, ``kalimat_sumber``) and its stated fields; components, names, sasaran
    and capaian method stay as declared."""
    defs = definitions.copy()
    defs["asal"] = DECLARED
    for c in DERIVED_COLUMNS[1:]:
        defs[c] = pd.NA if c == "laporan_sebelumnya" else ""
    found = changes_between_reports(definitions, stated)
    if not found:
        return _typed(defs, definitions)
    cuts: dict[str, list[Change]] = {}
    for ch in found:
        cuts.setdefault(ch.code, []).append(ch)
    top = {code: int(v.max()) for code, v in defs.groupby("kode_indikator")["versi"]}
    rows = []
    for d in defs.to_dict("records"):
        end = d["berlaku_sampai"] if not _empty(d["berlaku_sampai"]) else None
        mine = sorted((c for c in cuts.get(d["kode_indikator"], [])
                       if d["berlaku_dari"] < c.year and (end is None or c.year <= end)), key=lambda c: c.year)
        if not mine:
            rows.append(d)
            continue
        rows.append({**d, "berlaku_sampai": mine[0].year - 1})
        for i, c in enumerate(mine):
            top[c.code] += 1
            last = mine[i + 1].year - 1 if i + 1 < len(mine) else d["berlaku_sampai"]
            rows.append({**_as_stated(d, c.later), "versi": top[c.code], "berlaku_dari": c.year, "berlaku_sampai": last,
                         "laporan_tahun": int(c.later["laporan_tahun"]), "baris_sumber": str(c.later["baris_sumber"]),
                         "kalimat_sumber": str(c.later["kalimat"]), "asal": FROM_REPORTS,
                         "laporan_sebelumnya": int(c.earlier["laporan_tahun"]),
                         "baris_sebelumnya": str(c.earlier["baris_sumber"]),
                         "definisi_sebelumnya": describe(c.earlier), "berubah": ", ".join(c.fields)})
    out = pd.DataFrame(rows, columns=defs.columns)
    out = out.sort_values(["kode_indikator", "berlaku_dari"], kind="stable").reset_index(drop=True)
    return _typed(out, definitions)


def _typed(df: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """The declared columns keep their types; the derived ones are text, ``laporan_sebelumnya`` a nullable year."""
    types = {c: t for c, t in like.dtypes.items() if c in df.columns}
    df = df.astype(types) if len(df) else df
    text = {c: "object" for c in DERIVED_COLUMNS if c != "laporan_sebelumnya"}
    return df.astype({**text, "laporan_sebelumnya": "Int64"})


def stated_frame(rows: list[dict]) -> pd.DataFrame:
    """A report's statements as the processed table ``formulasi_iku`` (:data:`STATED_COLUMNS`)."""
    return pd.DataFrame(rows, columns=STATED_COLUMNS).astype({"faktor": "float64", "baris_raw": "int64"})
