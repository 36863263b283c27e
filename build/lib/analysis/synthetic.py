"""Synthetic agency-years, for tests and benchmarks only — every one is marked ``sintetis = ya`` in its
``meta.csv`` and its report carries a SYNTHETIC banner.

A synthetic agency-year has the shape a real one would (cells printed in Indonesian style, TOTAL rows
that add up, versioned definitions) and, unlike the seed, a **negative-polarity** indicator, so that
data-only support for other indicator sets is exercised.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

from babel.numbers import format_decimal

from .config import DEFAULT_EFFICIENCY_SCALE, DEFAULT_GRADE_SCALE

DEFINITION_HEADER = ["kode_indikator", "versi", "berlaku_dari", "berlaku_sampai", "nama", "nama_lain", "sasaran_no",
                     "sasaran", "pembilang", "penyebut", "komponen_pembilang", "komponen_penyebut", "faktor", "satuan",
                     "polaritas", "konvensi_negatif", "skala_predikat", "laporan_tahun", "baris_sumber",
                     "kalimat_sumber"]


def _id(x, decimals=0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(x, format=pattern, locale="id_ID")


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def make_agency_year(raw_root: Path | str, agency: str, year: int, seed: int = 0, programmes: int = 6,
                     indicator_name: str = "Persentase Koperasi Sehat") -> Path:
    """Write a complete synthetic agency-year under ``raw_root/agency/year`` and return its folder.

    ``indicator_name`` lets a test plant a hostile name (``<script>…``) to check escaping.
    """
    rnd = random.Random(f"{agency}-{year}-{seed}")
    root = Path(raw_root) / agency
    folder = root / str(year)
    first = year - 2
    since = 2000  # the synthetic definitions never change, whichever years of the agency are generated
    _write(root / "definisi_indikator.csv", DEFINITION_HEADER, [
        ["SEHAT", 1, since, "", indicator_name, "", 1, "Meningkatnya kualitas koperasi",
         "Jumlah koperasi sehat", "Jumlah koperasi aktif", "koperasi_sehat", "koperasi_aktif", 100, "%", "positif",
         "", "",
         year, "", "(sintetis) jumlah koperasi sehat dibagi jumlah koperasi aktif"],
        ["TIDAKAKTIF", 1, since, "", "Persentase Koperasi Tidak Aktif", "", 2, "Menurunnya koperasi tidak aktif",
         "Jumlah koperasi tidak aktif", "Jumlah koperasi terdaftar", "koperasi_tidak_aktif", "koperasi_terdaftar", 100,
         "%", "negatif", "2T-R", "", year, "", "(sintetis) makin kecil makin baik"],
        ["SAKIP", 1, since, "", "Nilai SAKIP", "", 3, "Meningkatnya akuntabilitas kinerja",
         "Nilai evaluasi SAKIP", "", "nilai_sakip", "", 1, "predikat", "predikat", "", DEFAULT_GRADE_SCALE, year, "",
         "(sintetis) nilai evaluasi SAKIP"],
    ])
    aktif = rnd.randint(800, 5000)
    sehat = rnd.randint(int(aktif * 0.03), int(aktif * 0.2))
    terdaftar = aktif + rnd.randint(200, 2000)
    tidak = terdaftar - aktif
    score = round(rnd.uniform(62, 92), 1)
    from .reference import grade_scale
    grade = grade_scale().grade_of(score)
    real = {"SEHAT": sehat / aktif * 100, "TIDAKAKTIF": tidak / terdaftar * 100}
    target = {"SEHAT": round(real["SEHAT"] * rnd.uniform(0.8, 1.2), 2),
              "TIDAKAKTIF": round(real["TIDAKAKTIF"] * rnd.uniform(0.8, 1.2), 2)}
    cap = {"SEHAT": round(real["SEHAT"], 2) / target["SEHAT"] * 100,
           "TIDAKAKTIF": (2 * target["TIDAKAKTIF"] - round(real["TIDAKAKTIF"], 2)) / target["TIDAKAKTIF"] * 100,
           "SAKIP": 100.0}
    names = {"SEHAT": indicator_name, "TIDAKAKTIF": "Persentase Koperasi Tidak Aktif", "SAKIP": "Nilai SAKIP"}
    sas = {"SEHAT": (1, "Meningkatnya kualitas koperasi"), "TIDAKAKTIF": (2, "Menurunnya koperasi tidak aktif"),
           "SAKIP": (3, "Meningkatnya akuntabilitas kinerja")}
    rows = []
    for code in ("SEHAT", "TIDAKAKTIF"):
        rows.append(["", f"{sas[code][0]}.", sas[code][1], names[code], f"{_id(target[code], 2)} %",
                     f"{_id(real[code], 2)} %", _id(cap[code])])
    rows.append(["", "3.", sas["SAKIP"][1], names["SAKIP"], grade, grade, "100"])
    rows.append(["", "CAPAIAN SASARAN KINERJA", "", "", "", "", _id(sum(cap.values()) / 3)])
    _write(folder / "capaian_iku.csv", ["baris_sumber", "no", "sasaran", "indikator", "target", "realisasi", "capaian"],
           rows)
    _write(folder / "komponen_iku.csv", ["baris_sumber", "kode_indikator", "komponen", "nilai", "satuan", "kalimat"], [
        ["", "SEHAT", "koperasi_sehat", _id(sehat), "unit", "(sintetis)"],
        ["", "SEHAT", "koperasi_aktif", _id(aktif), "unit", "(sintetis)"],
        ["", "TIDAKAKTIF", "koperasi_tidak_aktif", _id(tidak), "unit", "(sintetis)"],
        ["", "TIDAKAKTIF", "koperasi_terdaftar", _id(terdaftar), "unit", "(sintetis)"],
        ["", "SAKIP", "nilai_sakip", f"{_id(score, 1)}%", "nilai", "(sintetis)"],
    ])
    hist = {code: [round(real[code] * rnd.uniform(0.7, 1.3), 2) for _ in range(2)] for code in real}
    rows = []
    for code in ("SEHAT", "TIDAKAKTIF"):
        rows.append(["", f"{sas[code][0]}.", sas[code][1], names[code]] + [f"{_id(v, 2)}%" for v in hist[code]]
                    + [f"{_id(real[code], 2)}%", f"{_id(target[code], 2)}%"])
    scores = [round(rnd.uniform(60, 90), 2) for _ in range(2)] + [score]
    grades = [grade_scale().grade_of(s) for s in scores]
    rows.append(["", "3.", sas["SAKIP"][1], names["SAKIP"]] + grades + [grade])
    _write(folder / "realisasi_multi_tahun.csv", ["baris_sumber", "no", "sasaran", "indikator",
                                                  f"realisasi_{first}", f"realisasi_{first + 1}", f"realisasi_{year}",
                                                  f"target_{year}"], rows)
    _write(folder / "nilai_sakip.csv", ["baris_sumber", "kode_indikator", "tahun", "predikat", "nilai", "kalimat"],
           [["", "SAKIP", str(y), g, f"{_id(s, 2)}%", "(sintetis)"]
            for y, g, s in zip(range(first, year + 1), grades, scores, strict=True)])
    budgets = [rnd.randint(100, 5000) * 1_000_000 + rnd.randint(0, 999_999) for _ in range(programmes)]
    spent = [int(b * rnd.uniform(0.8, 1.0)) for b in budgets]
    rows = [["", f"{i + 1}.", f"Program Sintetis {i + 1}", _id(b), _id(s), _id(s / b * 100, 2)]
            for i, (b, s) in enumerate(zip(budgets, spent, strict=True))]
    rows.append(["", "TOTAL", "", _id(sum(budgets)), _id(sum(spent)), _id(sum(spent) / sum(budgets) * 100, 2)])
    _write(folder / "realisasi_anggaran.csv",
           ["baris_sumber", "no", "program", "anggaran", "realisasi", "persen"], rows)
    rows = []
    for i, (b, s) in enumerate(zip(budgets, spent, strict=True)):
        sasaran = ["I", "II", "III"][i % 3]
        rows.append(["", i + 1, f"Program Sintetis {i + 1}", "DAU", f"Rp. {_id(b)},-", f"Rp. {_id(s)},-",
                     f"({_id(s / b * 100, 2)}%)", "", sasaran, "(sintetis)"])
    _write(folder / "anggaran_program_sumber_dana.csv", ["baris_sumber", "program_no", "program", "sumber_dana",
                                                         "anggaran", "realisasi", "persen", "kategori",
                                                         "sasaran_didukung", "kalimat"], rows)
    _write(folder / "meta.csv", ["kunci", "nilai"], [
        ["nama_instansi", f"Dinas Sintetis {agency}"], ["provinsi", "Sintetis"], ["tahun", str(year)],
        ["judul_laporan", f"Laporan Kinerja Sintetis Tahun {year}"], ["tanggal_laporan", "-"],
        ["berkas_sumber", "(tidak ada: data sintetis)"], ["sha256_sumber", ""], ["skala_kategori", "lima_tingkat"],
        ["skala_efisiensi", DEFAULT_EFFICIENCY_SCALE], ["sintetis", "ya"]])
    manifest = [["capaian_iku.csv", "capaian_iku"], ["komponen_iku.csv", "komponen_iku"],
                ["realisasi_multi_tahun.csv", "realisasi_multi_tahun"], ["nilai_sakip.csv", "nilai_sakip"],
                ["realisasi_anggaran.csv", "realisasi_anggaran"],
                ["anggaran_program_sumber_dana.csv", "anggaran_program_sumber_dana"]]
    _write(folder / "manifest.csv",
           ["berkas", "tabel", "bagian", "judul_tabel", "baris_sumber", "gaya_angka", "catatan"],
           [[f, t, "(sintetis)", "(sintetis)", "", "id", "DATA SINTETIS"] for f, t in manifest])
    return folder
