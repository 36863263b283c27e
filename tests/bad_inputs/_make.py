"""Regenerates the bad-input corpus from the seed's raw tables: ``python tests/bad_inputs/_make.py``.

Each case is one malformed copy of one raw file, plus a row of ``cases.csv`` saying which file it replaces,
whether the run must fail or succeed with a warning, and the column and value the message must name.
The 50 MB file and the hostile path parameter are made by the test itself (never committed).
"""
import csv
from pathlib import Path

HERE = Path(__file__).parent
SEED = HERE.parents[1] / "data" / "raw" / "kalbar-diskumkm"


def text(rel):
    return (SEED / rel).read_text(encoding="utf-8")


CASES = []


def case(name, rel, expect, column, value, step, why, new_text=None, new_bytes=None):
    out = HERE / f"{name}{Path(rel).suffix}"
    if new_bytes is not None:
        out.write_bytes(new_bytes)
    else:
        out.write_text(new_text, encoding="utf-8", newline="")
    CASES.append({"case": name, "file": out.name, "replaces": rel, "expect": expect, "column": column,
                  "value": value, "step": step, "why": why})


def edit(rel, old, new, count=1):
    t = text(rel)
    assert old in t, (rel, old)
    return t.replace(old, new, count)


RA, PK, CI, AS, KI, PG, ASET, APS = ("2024/realisasi_anggaran.csv", "2024/perjanjian_kinerja.csv",
                                     "2024/capaian_iku.csv", "2024/anggaran_sumber_dana.csv", "2024/komponen_iku.csv",
                                     "2024/pegawai.csv", "2024/aset.csv", "2024/anggaran_program_sumber_dana.csv")
DEF = "definisi_indikator.csv"

case("separators_swapped", RA, "fail", "anggaran", "12,151,893,026", "clean",
     "English thousands separators in an Indonesian-style table (copied from a spreadsheet set to en-US)",
     edit(RA, "12.151.893.026,11.477", '"12,151,893,026",11.477'))
case("decimal_comma_as_point", RA, "fail", "persen", "94.45", "clean",
     "decimal point instead of comma in an Indonesian-style percentage",
     edit(RA, '"94,45"', "94.45"))
case("letter_o_for_zero", RA, "fail", "anggaran", "12.151.893.O26", "clean", "OCR read 0 as the letter O",
     edit(RA, "12.151.893.026", "12.151.893.O26"))
case("letter_l_for_one", RA, "fail", "realisasi", "l98.957.100", "clean", "OCR read 1 as the letter l",
     edit(RA, "198.957.100", "l98.957.100"))
case("stray_double_percent", PK, "fail", "target", "4,57%%", "clean", "a stray %% typed twice",
     edit(PK, '"4,57 %"', '"4,57%%"'))
case("percent_missing_sign", PK, "fail", "target", "4,57", "clean", "the % sign dropped from a target",
     edit(PK, '"4,57 %"', '"4,57"'))
case("merged_cells_shift", RA, "fail", None, None, "clean",
     "merged cells exported as one: a row with one cell too few",
     edit(RA, "652,2.,Pelayanan Izin Usaha Simpan Pinjam,", "652,2. Pelayanan Izin Usaha Simpan Pinjam,"))
case("unquoted_decimal_comma", RA, "fail", None, None, "clean",
     "a decimal comma left unquoted splits the cell in two",
     edit(RA, '"92,03"', "92,03"))
case("empty_table", RA, "fail", None, "", "clean", "header only: the rows were not pasted",
     text(RA).splitlines()[0] + "\n")
case("empty_file", RA, "fail", None, "", "clean", "a zero-byte file", "")
case("duplicated_indicator", CI, "fail", "indikator", "KB", "clean", "the same indicator pasted twice",
     edit(CI, "458,2.",
          "457,1.,Meningkatnya Kualitas Koperasi,Prosentase Koperasi Berkualitas,\"4,57 %\",\"5,87 %\",128\n458,2."))
case("target_zero", CI, "warn", None, "target of KB is 0", "indicators", "a target of zero (legitimately odd)",
     edit(CI, '"4,57 %","5,87 %",128', '"0,00 %","5,87 %",128'))
case("percentage_over_1000", RA, "fail", "persen", "9.445", "clean", "a percentage with a thousands dot: 9.445 %",
     edit(RA, '"94,45"', '"9.445"'))
case("total_does_not_add_up", RA, "fail", "anggaran", "20.674.821.127", "clean", "a total typed wrong",
     edit(RA, "TOTAL,,20.674.821.126", "TOTAL,,20.674.821.127"))
case("total_row_missing", RA, "fail", "anggaran", None, "clean", "the TOTAL row left out",
     "\n".join(ln for ln in text(RA).splitlines() if ",TOTAL," not in ln) + "\n")
case("dau_dak_do_not_add_up", AS, "fail", "anggaran", "20674821126", "clean",
     "the DAU and DAK stated in the sentences do not add up to the stated total",
     edit(AS, '"Rp.6.782.338.000,-"', '"Rp.6.782.338.001,-"'))
case("unknown_funding_source", APS, "fail", "sumber_dana", "Hibah", "clean",
     "a funding source the project does not know",
     edit(APS, ",DAK Non Fisik,", ",Hibah,"))
case("unknown_grade", CI, "fail", "target", "A+", "clean", "a grade outside the scale",
     edit(CI, "Perangkat Daerah,A,A,100", "Perangkat Daerah,A+,A,100"))
case("lowercase_grade", CI, "fail", "realisasi", "bb", "clean", "a grade typed in lower case",
     edit(CI, "Perangkat Daerah,A,A,100", "Perangkat Daerah,A,bb,100"))
case("unknown_indicator", CI, "fail", "indikator", "Prosentase Koperasi Sehat", "clean",
     "an indicator name not in the definitions",
     edit(CI, "Kualitas Koperasi,Prosentase Koperasi Berkualitas", "Kualitas Koperasi,Prosentase Koperasi Sehat"))
case("overlapping_definitions", DEF, "fail", "berlaku_dari", "2024", "clean",
     "two versions of one indicator valid in the same year", edit(DEF, "KB,1,2022,2023", "KB,1,2022,2024"))
case("definition_years_reversed", DEF, "fail", "berlaku_sampai", "2021", "clean", "a version ending before it starts",
     edit(DEF, "KB,1,2022,2023", "KB,1,2022,2021"))
case("unknown_polarity", DEF, "fail", "polaritas", "naik", "clean", "a polarity outside positif/negatif/predikat",
     edit(DEF, ",%,positif,,,2024", ",%,naik,,,2024"))
case("formula_missing_component", DEF, "fail", "komponen_pembilang", "koperasi_sehat_total", "clean",
     "a formula referencing a component that is not stated",
     edit(DEF, "koperasi_sehat_cukup_sehat_provinsi+koperasi_sehat_cukup_sehat_kabkota", "koperasi_sehat_total"))
case("component_stated_twice_differently", KI, "fail", "nilai", "215", "clean",
     "the same component stated with two values",
     edit(KI, "608,KB,koperasi_sehat_cukup_sehat,214", "608,KB,koperasi_sehat_cukup_sehat,215"))
case("text_in_number", KI, "fail", "nilai", "sekitar 3.645", "clean", "a number with a word in it",
     edit(KI, "koperasi_aktif,3.645", "koperasi_aktif,sekitar 3.645"))
case("negative_amount", RA, "fail", "realisasi", "-198.957.100", "clean", "a negative spending amount",
     edit(RA, "198.957.100", "-198.957.100"))
case("fraction_of_rupiah", RA, "fail", "anggaran", "216.181.400,50", "clean", "rupiah with decimals",
     edit(RA, "216.181.400", '"216.181.400,50"'))
case("staff_total_does_not_add_up", PG, "fail", "jumlah", "51", "clean", "a staff total that does not add up",
     edit(PG, "Jumlah,,50,,1,3,-,21,20,5,50", "Jumlah,,50,,1,3,-,21,20,5,51"))
case("asset_condition_does_not_add_up", ASET, "fail", "kondisi", "88 Baik, 11 Rusak Berat", "clean",
     "condition counts that do not add up to the quantity",
     edit(ASET, "88 Baik, 10 Rusak Berat", "88 Baik, 11 Rusak Berat"))
case("unknown_asset_condition", ASET, "fail", "kondisi", "1 Baik, 1 Hilang", "clean", "a condition outside the list",
     edit(ASET, "1 Baik, 1 Rusak Berat", "1 Baik, 1 Hilang"))
case("missing_column", RA, "fail", "persen", None, "clean", "a column deleted",
     "\n".join(",".join(ln.split(",")[:5]) if i == 0 else ln for i, ln in enumerate(text(RA).splitlines())) + "\n")
case("unknown_column", RA, "fail", "catatan", "catatan", "clean", "an extra column added",
     text(RA).replace("persen\n", "persen,catatan\n", 1).replace("\n651,", "\n651,", 1))
case("duplicate_header", RA, "fail", "anggaran", "anggaran", "clean", "a column name typed twice",
     text(RA).replace("realisasi,persen", "anggaran,persen", 1))
case("year_with_letter_o", "2024/nilai_sakip.csv", "fail", "tahun", "2O23", "clean", "a year typed with the letter O",
     edit("2024/nilai_sakip.csv", ",SAKIP,2023,", ",SAKIP,2O23,"))
case("roman_numeral_wrong", APS, "fail", "sasaran_didukung", "Empat", "clean", "a sasaran written as a word",
     edit(APS, ",Sangat Berhasil,III,", ",Sangat Berhasil,Empat,"))
case("programme_name_unmatched", "2024/efisiensi.csv", "fail", "program", "Pengembangan UMKM Baru", "clean",
     "a programme in the efficiency table that is not in the budget table",
     edit("2024/efisiensi.csv", "2. Pengembangan UMKM,", "2. Pengembangan UMKM Baru,"))
case("non_utf8_encoding", ASET, "fail", None, None, "clean", "saved as Windows-1252 by a spreadsheet",
     new_bytes=text(ASET).replace("Kursi Susun", "Kursi Susun – lipat").encode("cp1252"))
case("utf8_bom", RA, "warn", None, "byte-order mark", "clean", "saved with a UTF-8 BOM (Excel)",
     new_bytes=b"\xef\xbb\xbf" + text(RA).encode("utf-8"))
case("windows_line_ends", RA, "warn", None, "CRLF", "clean", "Windows line ends",
     new_bytes=text(RA).replace("\n", "\r\n").encode("utf-8"))

# plausibility bounds (data/reference/batas_wajar.csv)
OP, RMT = "2024/output_program.csv", "2024/realisasi_multi_tahun.csv"
case("count_above_population", OP, "fail", "nilai", "560", "clean",
     "a count above the population it counts: 560 cooperatives examined of 366 active (a 0 typed twice)",
     edit(OP, "koperasi diperiksa,56,", "koperasi diperiksa,560,"))
case("output_over_twice_target", OP, "warn", None, "215,45 %", "clean",
     "an output more than twice its target: 1.088 small businesses against a target of 505 (possible, but rare)",
     edit(OP, "usaha kecil diberdayakan,88,", "usaha kecil diberdayakan,1.088,"))
case("realisation_year_after_report", RMT, "fail", "realisasi_2025", "realisasi_2025", "clean",
     "a realisasi_2025 column in the 2024 report (a column pasted from the next year's table)",
     edit(RMT, "realisasi_2024,", "realisasi_2024,realisasi_2025,")
     .replace('"5,87%","4,57%"', '"5,87%","6,00%","4,57%"')
     .replace('"0,08%","0,08%",0%', '"0,08%","0,08%","0,08%",0%').replace("BB,BB,A,A", "BB,BB,A,A,A"))

with open(HERE / "cases.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(CASES[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(CASES)
print(len(CASES), "cases")
