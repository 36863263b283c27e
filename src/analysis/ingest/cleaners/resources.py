"""Cleaners of the resource tables: staff by education and rank, positions, assets and their condition."""
from __future__ import annotations

import re

import pandas as pd

from ..cells import check_total, is_total_label, leading_number
from ..figures import Subject, reported_figure

KONDISI = ("Baik", "Rusak Ringan", "Rusak Berat", "Rusak")
JABATAN_PEGAWAI = ["eselon_ii", "eselon_iii", "eselon_iv", "fungsional", "pelaksana", "pppk"]


def pegawai(ctx, t, cells):
    """Staff by education and rank; merged cells (No, Jenjang, Jumlah Personil) filled down; '-' is 0."""
    out, total_row = [], None
    jenjang, personil, groups = None, None, {}
    for r in t.rows:
        if is_total_label(r["no"]):
            total_row = r
            continue
        if r["jenjang_pendidikan"]:
            jenjang = r["jenjang_pendidikan"]
            personil = cells.integer(r, "jumlah_personil")
            groups[jenjang] = (personil, r)
        elif jenjang is None:
            cells.bad(r, "jenjang_pendidikan", "an education level on the first row (merged cells fill downwards)")
        counts = {j: cells.integer(r, j, dash="zero") for j in JABATAN_PEGAWAI}
        jumlah = cells.integer(r, "jumlah", dash="zero")
        if None not in counts.values() and jumlah is not None and sum(counts.values()) != jumlah:
            cells.bad(r, "jumlah", f"the row's sum {sum(counts.values())} (a total that does not add up)")
        for j, n in counts.items():
            out.append({"jenjang_pendidikan": jenjang, "pangkat_golongan": cells.text(r, "pangkat_golongan"),
                        "jabatan": j, "jumlah": n, "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    df = pd.DataFrame(out, columns=["jenjang_pendidikan", "pangkat_golongan", "jabatan", "jumlah", "baris_sumber",
                                    "baris_raw"])
    if df["jumlah"].notna().all():
        for jenjang, (personil, r) in groups.items():
            s = int(df.loc[df["jenjang_pendidikan"] == jenjang, "jumlah"].sum())
            if personil is not None and s != personil:
                cells.bad(r, "jumlah_personil", f"the sum of its rows {s} (a total that does not add up)")
        if total_row is None:
            cells.col.add(t.label, None, "no", None, "a 'Jumlah' total row")
        else:
            for j in JABATAN_PEGAWAI + ["jumlah", "jumlah_personil"]:
                tv = cells.integer(total_row, j, dash="zero")
                s = int(df["jumlah"].sum()) if j in ("jumlah", "jumlah_personil") else \
                    int(df.loc[df["jabatan"] == j, "jumlah"].sum())
                if tv is not None and tv != s:
                    cells.bad(total_row, j, f"the column's sum {s} (a total that does not add up)")
    angka = [] if total_row is None else [reported_figure("jumlah_pegawai", Subject.all(),
                                                          cells.integer(total_row, "jumlah"), total_row["jumlah"],
                                                          t.name, total_row, ctx.year)]
    return {"pegawai": df}, angka


def formasi_pegawai(ctx, t, cells):
    out, total_row = [], None
    for r in t.rows:
        if is_total_label(r["no"]):
            total_row = r
            continue
        f, k = cells.integer(r, "formasi", dash="zero"), cells.integer(r, "kebutuhan", dash="zero")
        out.append({"no": leading_number(r["no"]), "jabatan": cells.text(r, "jabatan"), "formasi": f, "kebutuhan": k,
                    "kekurangan": None if f is None or k is None else k - f,
                    "baris_sumber": r["baris_sumber"], "baris_raw": r["_line"]})
    for c in ("formasi", "kebutuhan"):
        check_total(cells, total_row, c, [o[c] for o in out], f"positions ({c})",
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
        items.append({"aset_id": item, "kelompok": kelompok, "no": leading_number(r["no"]),
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
                    cells.bad(r, "kondisi",
                              "a condition (" + ", ".join(KONDISI) + ") or counts like '88 Baik, 10 Rusak Berat'")
                    parts = []
                    break
                parts.append((int(m.group("n")), m.group("k")))
            if parts and jumlah is not None and sum(n for n, _ in parts) != jumlah:
                cells.bad(r, "kondisi", f"condition counts adding up to jumlah {jumlah} (they add up to "
                           f"{sum(n for n, _ in parts)})")
        for n, k in parts:
            kondisi.append({"aset_id": item, "kondisi": k, "jumlah": n, "baris_raw": r["_line"]})
    df = pd.DataFrame(items, columns=["aset_id", "kelompok", "no", "nama_barang", "merk", "satuan", "jumlah",
                                      "baris_sumber", "baris_raw"]).astype({"no": "Int64"})
    dk = pd.DataFrame(kondisi, columns=["aset_id", "kondisi", "jumlah", "baris_raw"])
    return {"aset": df, "aset_kondisi": dk}, []
