"""Regenerates the bad-input corpus from the seed's raw tables: ``python tests/bad_inputs/_make.py``.

Each case is one or more malformed copies of raw files, plus a row of ``cases.csv`` saying which files they
replace (``;``-separated, paired with ``file``), whether the run must fail, succeed with a warning, or succeed
(``ok``), and what the outcome must show:

- ``column``, ``value``, ``line``: a problem naming them (``value`` as printed: in the value or the expectation);
- ``in_file``: the file that problem names (default: the first replaced file); for ``ok`` cases, the processed
  table holding the fragments;
- ``fragment``: text the message (``warn``: warnings.csv; ``ok``: ``in_file``) must contain, ``' | '``-separated;
- ``setup``: a change the test makes itself because it is not a file (``symlink_year``, ``symlink_file``,
  ``stray_folders``, ``extra_csv``).

The 50 MB file and the hostile path parameter are made by the test itself (never committed).
"""
import csv
import io
from pathlib import Path

HERE = Path(__file__).parent
SEED = HERE.parents[1] / "data" / "raw" / "kalbar-diskumkm"


def text(rel):
    return (SEED / rel).read_text(encoding="utf-8")


CASES = []


def case(name, rel, expect, column, value, step, why, new_text=None, new_bytes=None, line=None, fragment=None,
         in_file=None, setup=None, more=()):
    """One case; ``more``: further (rel, new_text) replacements of the same case."""
    files = []
    if rel:
        out = HERE / f"{name}{Path(rel).suffix}"
        if new_bytes is not None:
            out.write_bytes(new_bytes)
        else:
            out.write_text(new_text, encoding="utf-8", newline="")
        files.append((out.name, rel))
    for i, (other, other_text) in enumerate(more, start=2):
        out = HERE / f"{name}__{i}{Path(other).suffix}"
        out.write_text(other_text, encoding="utf-8", newline="")
        files.append((out.name, other))
    CASES.append({"case": name, "file": ";".join(f for f, _ in files), "replaces": ";".join(r for _, r in files),
                  "expect": expect, "column": column, "value": value, "step": step, "why": why,
                  "line": line, "fragment": fragment, "in_file": in_file, "setup": setup})


def line_of(new_text, needle, nth=1):
    """The 1-based line of ``new_text`` holding ``needle`` (its ``nth`` occurrence)."""
    hits = [i for i, ln in enumerate(new_text.splitlines(), start=1) if needle in ln]
    assert len(hits) >= nth, needle
    return hits[nth - 1]


def pasted_twice(rel, startswith):
    """``rel`` with the row starting ``startswith`` pasted again under itself; the two rows' lines."""
    lines = text(rel).splitlines(keepends=True)
    i = next(i for i, ln in enumerate(lines) if ln.startswith(startswith))
    return "".join(lines[: i + 1] + [lines[i]] + lines[i + 1:]), i + 1, i + 2


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
# reversed by issue 11: the unit comes from the definition (KB is a percentage), a % sign is accepted, never required
case("percent_missing_sign", PK, "ok", None, None, "clean",
     "the % sign left out of a percentage target: read as 4,57 % (the unit is the definition's satuan)",
     edit(PK, '"4,57 %"', '"4,57"'), in_file="perjanjian_kinerja.csv", fragment="Kualitas Koperasi,4.57,,416")
case("unit_word_unknown", CI, "fail", "target", "4,57 koperasi", "clean",
     "a unit word that is not the indicator's unit (KB is a percentage)",
     edit(CI, '"4,57 %","5,87 %",128', '"4,57 koperasi","5,87 %",128'), line=2,
     fragment="the indicator's unit '%' (definisi_indikator.csv satuan) | 'koperasi' is not that unit")
case("range_target_accepted", PK, "ok", None, None, "clean",
     "a target range 4,57–5 %: the lower bound in target, the upper in target_atas",
     edit(PK, '"4,57 %"', '"4,57–5 %"'), in_file="perjanjian_kinerja.csv", fragment="4.57,,416,2,5.0,1.")
case("range_target_reversed", PK, "fail", "target", "5–4,57 %", "clean", "a target range typed upper bound first",
     edit(PK, '"4,57 %"', '"5–4,57 %"'), line=2, fragment="a range from the lower to the upper bound")
t = text(DEF).replace("kalimat_sumber\n", "kalimat_sumber,metode_capaian,batas_capaian\n", 1)
t = "\n".join(ln + (",T/R,120" if ln.startswith("UKNK,") else ",," if i else "") for i, ln in
               enumerate(t.rstrip("\n").split("\n"))) + "\n"
case("capaian_method_wrong_polarity", DEF, "fail", "metode_capaian", "T/R", "clean",
     "a lower-is-better method picked for a higher-is-better indicator", t, in_file=DEF,
     fragment="a capaian method of a positif indicator (R/T")
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
# reversed by issue 11: a TOTAL row is optional (many reports print none); the total is computed
case("total_row_missing", RA, "ok", None, None, "clean",
     "the TOTAL row left out: accepted, the budget's total is computed from the programmes",
     "\n".join(ln for ln in text(RA).splitlines() if ",TOTAL," not in ln) + "\n", in_file="budget.csv",
     fragment="total,,,APBD,,,20674821126.0,19882262551.0")
case("dau_dak_do_not_add_up", AS, "fail", "anggaran", "Rp.20.674.821.126,-", "clean",
     "the DAU and DAK stated in the sentences do not add up to the stated total",
     edit(AS, '"Rp.6.782.338.000,-"', '"Rp.6.782.338.001,-"'))
# issue 11: funding sources are any name the data gives; the case now fails on the sums, not on the name
case("funding_source_named_by_data", APS, "fail", "anggaran", "Rp.6.782.338.000,-", "clean",
     "a programme's DAK renamed Hibah: the name is accepted, but the stated DAK total no longer has its sum",
     edit(APS, ",DAK Non Fisik,", ",Hibah,"), in_file="anggaran_sumber_dana.csv")
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

# ---------------------------------------------------------------- issue 12: keys, provenance, one list, messages
EF, OP, MT, META, SRC, RMT = ("2024/efisiensi.csv", "2024/output_program.csv", "2024/realisasi_multi_tahun.csv",
                              "2024/meta.csv", "2024/sumber.txt", "2024/realisasi_multi_tahun.csv")
t, a, b = pasted_twice(EF, "502,")
case("duplicated_efficiency_row", EF, "fail", "program", "3. Pengawasan Dan Pemeriksaan Koperasi", "clean",
     "a programme row pasted twice in the efficiency table (its budget would count twice for the sasaran)", t,
     line=b, fragment=f"line {a} has the same key | a duplicated row would count twice")
t, a, b = pasted_twice(ASET, "300,20,")
case("duplicated_asset_row", ASET, "fail", "no", "20 / Kursi Susun", "clean", "an asset row pasted twice", t,
     line=b, fragment=f"each asset of a group once: line {a} has the same key (20 / Kursi Susun")
t, a, b = pasted_twice(OP, "568,3,")
case("duplicated_output_row", OP, "fail", "program_no", "3 / koperasi diperiksa", "clean",
     "a programme output pasted twice (it would be summed)", t, line=b,
     fragment=f"each programme output once: line {a} has the same key")
t = text(DEF).rstrip("\n").split("\n")
uknk = next(ln for ln in t if ln.startswith("UKNK,"))
t.append(uknk.replace("UKNK,1,2022,,Prosentase Usaha Kecil Naik Kelas,,",
                      "KS,1,2022,,Prosentase Koperasi Sehat,Prosentase Koperasi Berkualitas,", 1))
t = "\n".join(t) + "\n"
case("ambiguous_indicator_name", DEF, "fail", "nama_lain", "Prosentase Koperasi Berkualitas", "clean",
     "a second definition whose nama_lain is another indicator's name (it would take over that indicator's rows)",
     t, line=line_of(t, "KS,1,"),
     fragment="it is also KB's nama on line 2 | matches 2 definitions: KB (definisi_indikator.csv line 2, nama) "
              f"and KS (definisi_indikator.csv line {line_of(t, 'KS,1,')}, nama_lain)")
t = edit(CI, "458,2.,", "458,1.,")
case("sasaran_number_wrong", CI, "fail", "no", "1.", "clean",
     "an indicator of sasaran 2 numbered 1 (two 'sasaran 1' rows, sasaran 2 would vanish)", t, line=3,
     fragment="sasaran 2: the sasaran_no of UKNK in definisi_indikator.csv (line 4)")
t = edit(META, "tahun,2024", "tahun,2023")
case("meta_year_not_folder", META, "fail", "nilai", "2023", "clean", "meta.csv says 2023 in the 2024 folder", t,
     line=line_of(t, "tahun,"), fragment="the year of the folder the file is in (2024)")
t = edit(META, "5b8c5f2", "5b8c5f3")
case("meta_sha256_wrong", META, "fail", "nilai", "5b8c5f3", "clean", "a wrong sha256_sumber", t,
     line=line_of(t, "sha256_sumber"), fragment="the SHA-256 of sumber.txt (50db8303")
t = edit(SRC, "Prosentase Koperasi Berkualitas", "Prosentase Koperasi Berkualitaz")
case("source_edited", SRC, "fail", "nilai", "50db8303c1c38744e91eacaa35a6395c3008844b39f40679ee30ea32e5b8c5f2",
     "clean", "sumber.txt edited after its hash was recorded", t, line=line_of(text(META), "sha256_sumber"),
     in_file="meta.csv", fragment="the source changed, or the hash is wrong")
t = edit(RA, "652,2.,", "99999,2.,")
case("source_line_beyond_source", RA, "fail", "baris_sumber", "99999", "clean",
     "a baris_sumber past the end of sumber.txt", t, line=3,
     fragment=f"line numbers within sumber.txt (it has {len(text(SRC).splitlines())} lines)")
t = text(META) + "tahun,2023\n"
case("meta_key_twice", META, "fail", "kunci", "tahun", "clean", "a meta key typed twice (the last one would win)",
     t, line=len(t.splitlines()), fragment=f"each key once (also on line {line_of(t, 'tahun,2024')})")
t = edit(META, "skala_kategori,lkj_dua_tingkat", "skala_kategori,tiga_tingkat")
case("meta_scale_unknown", META, "fail", "nilai", "tiga_tingkat", "clean",
     "a category scale that data/reference does not define (it was blamed on the reference file)", t,
     line=line_of(t, "skala_kategori"), fragment="a scale of data/reference/skala_kategori.csv: lkj_dua_tingkat, "
                                                 "lima_tingkat")
t = edit(RA, "216.181.400", "216.181.400.000.000.000.000.000.000")
case("amount_of_27_digits", RA, "fail", "anggaran", "216.181.400.000.000.000.000.000.000", "clean",
     "an amount of 27 digits (Decimal raised InvalidOperation with no file or line)", t, line=3,
     fragment="a number of at most 18 significant digits (this one has 27")
t = edit(RA, "12.151.893.026", "12.151.893.O26")
case("every_stage_in_one_run", RA, "fail", "anggaran", "12.151.893.O26", "clean",
     "a bad cell, a cross-table sum and a bad meta scale: one run lists all three", t, line=2,
     fragment="kalbar-diskumkm/2024/anggaran_program_sumber_dana.csv, line 3, column 'realisasi' | "
              "they add up to 198.957.101 | kalbar-diskumkm/2024/meta.csv, line 10, column 'nilai': value "
              "'tiga_tingkat' | skala_kategori.csv: lkj_dua_tingkat, lima_tingkat",
     more=[(APS, edit(APS, '"Rp. 198.957.100,-"', '"Rp. 198.957.101,-"')),
           (META, edit(META, "skala_kategori,lkj_dua_tingkat", "skala_kategori,tiga_tingkat"))])
t = edit(APS, '"Rp. 216.181.400,-"', '"Rp. 216.181.401,-"')
case("cross_table_message", APS, "fail", "anggaran", "Rp. 216.181.401,-", "clean",
     "per-source amounts that do not add up to the budget table: agency/year, the cell as printed, the table's "
     "number style", t, line=3,
     fragment="kalbar-diskumkm/2024/anggaran_program_sumber_dana.csv, line 3 | adding up to 216.181.400 as in "
              "kalbar-diskumkm/2024/realisasi_anggaran.csv line 3; they add up to 216.181.401")
t = edit(RMT, '"-80,29%"', '"\u221280,29%"')
case("unicode_minus_accepted", RMT, "ok", None, None, "clean",
     "a typographic minus (U+2212) from a word processor: read as '-'", t, in_file="reported_figures.csv",
     fragment="\u221280,29% | -80.29")
t = edit(PK, '"4,57 %"', '"4,57\u00a0%"')
case("no_break_space_accepted", PK, "ok", None, None, "clean", "a no-break space before '%': read as a space", t,
     in_file="perjanjian_kinerja.csv", fragment="4.57")
t = edit(RMT, '"-80,29%"', '"\u201380,29%"')
case("en_dash_for_minus", RMT, "fail", "tingkat_kemajuan", "\u201380,29%", "clean",
     "an en dash typed for a minus: shown escaped, not as a look-alike of a valid value", t, line=2,
     fragment="value '\\u201380,29%' (an en dash: type '-')")
buf = io.StringIO()
csv.writer(buf, delimiter=";", lineterminator="\n").writerows(csv.reader(io.StringIO(text(RA))))
case("semicolon_separated", RA, "fail", None, None, "clean", "saved by a spreadsheet set to a ';' list separator",
     buf.getvalue(), line=1, fragment="this file seems to use ';' as separator: save it with ','")
case("symlinked_year_folder", None, "fail", None, None, "clean",
     "the year folder is a symbolic link (it was blamed on the agency)", in_file="kalbar-diskumkm/2024",
     setup="symlink_year", fragment="kalbar-diskumkm/2024 -> expected a folder, not a symbolic link")
case("symlinked_file", None, "fail", None, None, "clean",
     "a table that is a symbolic link to a file outside data/raw (it was followed and its first line echoed)",
     in_file="realisasi_anggaran.csv", setup="symlink_file",
     fragment="realisasi_anggaran.csv -> expected a regular file, not a symbolic link")
case("misspelled_folders", None, "warn", None, "2O24", "clean",
     "a year folder typed with the letter O and an agency folder in upper case (skipped without a note)",
     setup="stray_folders", fragment="kalbar-diskumkm/2O24: a folder whose name is not a four-digit year | "
                                     "Kalbar-Diskumkm: a folder under data/raw whose name is not an agency slug")
case("unlisted_csv", None, "warn", None, "catatan_lama.csv", "clean",
     "a CSV file in the folder that the manifest does not list (skipped without a note)", setup="extra_csv",
     fragment="catatan_lama.csv: a CSV file that manifest.csv does not list")

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
