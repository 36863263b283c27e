"""Cleaner of a budget table with levels (Program › Kegiatan › Sub Kegiatan, or whatever levels it prints).

The levels sit in one column (``uraian``), recognised by their label ("Program …", "1.Sub Kegiatan …") or
given in a ``tingkat`` column; numbering may restart under each parent, so a row is placed by order: under
the nearest row above it of a higher level. Each row gets a position path (``jalur`` 1, 1.2, 1.2.3) that
identifies it whatever its printed number. Amounts a parent does not print are computed from its children
and labelled ``dihitung``; a TOTAL row is optional (computed when not printed). In a table the manifest marks
``sebagian`` nothing is computed from the rows: the rows it lacks would be missing from any sum.
"""
from __future__ import annotations

import re

import pandas as pd

from ..cells import is_total_label
from ..figures import Subject, reported_figure

#: levels recognised by their label, highest first (the words after the printed numbering)
LABEL_LEVELS = (("program", re.compile(r"^program\b", re.I)),
                ("kegiatan", re.compile(r"^kegiatan\b", re.I)),
                ("sub_kegiatan", re.compile(r"^sub[\s-]*kegiatan\b", re.I)))
_DEPTH = {name: i for i, (name, _) in enumerate(LABEL_LEVELS, start=1)}
#: printed numbering before a label: "1.", "1.2.", "a)", "IV." (with or without a space after it)
_NUMBERING = re.compile(r"^\s*(\d+(?:\.\d+)*|[a-z]|[IVX]+)\s*[.)]\s*(?=\S)")

COLUMNS = ["jalur", "induk", "tingkat", "kedalaman", "nomor", "uraian", "sumber_dana", "anggaran", "realisasi",
           "asal", "cakupan", "baris_sumber", "baris_raw"]


def split_label(text: str) -> tuple[str | None, str]:
    """``'1.Sub Kegiatan X'`` -> (``'1'``, ``'Sub Kegiatan X'``): the printed numbering and the label after it."""
    m = _NUMBERING.match(text or "")
    return (m.group(1), text[m.end():].strip()) if m else (None, (text or "").strip())


def level_of_label(text: str) -> str | None:
    """The level a label names (``program``, ``kegiatan``, ``sub_kegiatan``, ``total``), or None."""
    _, label = split_label(text)
    if is_total_label(label, whole=False):
        return "total"
    for name, pattern in reversed(LABEL_LEVELS):  # "Sub Kegiatan" before "Kegiatan"
        if pattern.match(label):
            return name
    return None


def _depths(levels: list[str]) -> dict[str, int]:
    """Depth of each level: the known ranking when every level is a known one, else the order in which the levels
    first appear (a table starts with its top level)."""
    if all(v in _DEPTH for v in levels):
        return dict(_DEPTH)
    order: dict[str, int] = {}
    for v in levels:
        order.setdefault(v, len(order) + 1)
    return order


def place(levels: list[str]) -> tuple[list[int | None], list[str]]:
    """Parent index and position path of each row, given each row's level (rows in printed order)."""
    depth = _depths(levels)
    parents: list[int | None] = []
    paths: list[str] = []
    stack: list[int] = []
    counts: dict[int | None, int] = {}
    for i, lv in enumerate(levels):
        while stack and depth[levels[stack[-1]]] >= depth[lv]:
            stack.pop()
        parent = stack[-1] if stack else None
        counts[parent] = counts.get(parent, 0) + 1
        parents.append(parent)
        paths.append(f"{paths[parent]}.{counts[parent]}" if parent is not None else str(counts[parent]))
        stack.append(i)
    return parents, paths


def fill_sums(rows: list[dict], parents: list[int | None], partial: bool) -> None:
    """Amounts a parent does not print: the sum of its children (children first), labelled ``dihitung``; none in
    a partial table, nor where a child's amount is unknown."""
    children: dict[int, list[int]] = {}
    for i, p in enumerate(parents):
        if p is not None:
            children.setdefault(p, []).append(i)

    def fill(i: int) -> None:
        kids = children.get(i, [])
        for k in kids:
            fill(k)
        computed = False
        for c in ("anggaran", "realisasi"):
            if rows[i][c] is None and kids and not partial and all(rows[k][c] is not None for k in kids):
                rows[i][c] = sum(rows[k][c] for k in kids)
                computed = True
        printed = rows[i]["_printed"]
        rows[i]["asal"] = ("tercetak" if printed == 2 else "dihitung" if computed and printed == 0
                           else "sebagian_dihitung" if computed else "tidak_diketahui" if printed == 0
                           else "tercetak_sebagian")

    for i, p in enumerate(parents):
        if p is None:
            fill(i)


def realisasi_anggaran_rinci(ctx, t, cells):
    partial = ctx.is_partial(t.path.name)
    default_source = ctx.funding_source()
    has_level = "tingkat" in t.columns
    body, total_row, levels = [], None, []
    for r in t.rows:
        label = cells.text(r, "uraian")
        level = (r.get("tingkat") or "").strip() if has_level else ""
        named = level_of_label(label or "")
        if named == "total" or is_total_label(level):
            total_row = r
            continue
        if not level:
            level = named
        elif level_of_label(level) in _DEPTH:
            level = level_of_label(level)
        if level is None:
            if label:
                cells.bad(r, "uraian", "a label starting with Program, Kegiatan or Sub Kegiatan (after its "
                                       "numbering), or the row's level in a tingkat column")
            continue
        levels.append(level)
        body.append(r)
    parents, paths = place(levels)
    rows = []
    for r, level, parent, path in zip(body, levels, parents, paths, strict=True):
        number, _ = split_label(r["uraian"])
        own = (r.get("sumber_dana") or "").strip()
        rec = {"jalur": path, "induk": paths[parent] if parent is not None else None, "tingkat": level,
               "kedalaman": len(path.split(".")), "nomor": number, "uraian": r["uraian"],
               "sumber_dana": own or (rows[parent]["sumber_dana"] if parent is not None else default_source),
               "anggaran": cells.rupiah(r, "anggaran", dash="missing"),
               "realisasi": cells.rupiah(r, "realisasi", dash="missing"),
               "cakupan": "sebagian" if partial else "lengkap", "baris_sumber": r["baris_sumber"],
               "baris_raw": r["_line"]}
        rec["_printed"] = sum(bool(r[c].strip()) for c in ("anggaran", "realisasi"))
        rows.append(rec)
    for i, rec in enumerate(rows):
        leaf = i not in parents
        if leaf and not partial and rec["_printed"] < 2 and not any(p.row == rec["baris_raw"]
                                                                     for p in cells.col.problems):
            cells.bad(body[i], "anggaran" if body[i]["anggaran"].strip() == "" else "realisasi",
                      "an amount: a row without sub-rows prints its amounts (or mark the table 'sebagian' in "
                      "manifest.csv when its sub-rows are not transcribed)")
    total = {"jalur": "total", "induk": None, "tingkat": "total", "kedalaman": 0, "nomor": None, "uraian": "TOTAL",
             "sumber_dana": default_source, "anggaran": None, "realisasi": None,
             "cakupan": "sebagian" if partial else "lengkap", "baris_sumber": None, "baris_raw": None,
             "_printed": 0}
    if total_row is not None:
        total.update(uraian=total_row["uraian"], baris_sumber=total_row["baris_sumber"],
                     baris_raw=total_row["_line"], anggaran=cells.rupiah(total_row, "anggaran", dash="missing"),
                     realisasi=cells.rupiah(total_row, "realisasi", dash="missing"),
                     _printed=sum(bool(total_row[c].strip()) for c in ("anggaran", "realisasi")))
    rows.append(total)
    fill_sums(rows, _with_total(parents), partial)
    with_children = {x["induk"] for x in rows} | {"total"}
    angka = []
    for rec, r in [*zip(rows, body, strict=False), (rows[-1], total_row)]:
        if r is None:
            continue
        subject = Subject.budget_line(rec["jalur"])
        if r["persen"].strip():
            angka.append(reported_figure("serapan", subject, cells.percent(r, "persen"), r["persen"], t.name, r,
                                         ctx.year))
        for c in ("anggaran", "realisasi"):
            if rec["jalur"] in with_children and r[c].strip():
                angka.append(reported_figure(f"{c}_rincian", subject, rec[c], r[c], t.name, r, ctx.year))
    df = pd.DataFrame([{k: v for k, v in rec.items() if not k.startswith("_")} for rec in rows], columns=COLUMNS)
    df = df.astype({"anggaran": "Int64", "realisasi": "Int64", "baris_raw": "Int64", "kedalaman": "int64"})
    return {"anggaran_rinci": df}, angka


def _with_total(parents: list[int | None]) -> list[int | None]:
    """The parents with the total row (appended last) as the parent of the top-level rows."""
    n = len(parents)
    return [n if p is None else p for p in parents] + [None]
