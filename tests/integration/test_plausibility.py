"""Implausible values in scratch copies of the seed: errors stop the run naming the cells (the indicators step
writes nothing), warnings reach the processed ``warnings`` table the report shows."""
import pytest

from analysis import pipeline
from analysis.errors import DataError
from conftest import SEED_AGENCY, SEED_YEAR, tree_digest

FOLDER = f"{SEED_AGENCY}/{SEED_YEAR}"


def _edit(raw, file, old, new, count=1):
    p = raw / SEED_AGENCY / str(SEED_YEAR) / file
    text = p.read_text(encoding="utf-8")
    assert old in text, (file, old)
    p.write_text(text.replace(old, new, count), encoding="utf-8")


def _fails(raw, out):
    with pytest.raises(DataError) as e:
        pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw, out)
        pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, out)
    return e.value


def test_seed_is_plausible(seed_run):
    warnings = (seed_run["processed"] / FOLDER / "warnings.csv").read_text(encoding="utf-8")
    assert "expected" not in warnings, warnings


def test_components_marked_english_stop_the_run_naming_the_cells_and_the_number_style(raw_copy, tmp_path):
    _edit(raw_copy, "manifest.csv", "komponen IKU dalam kalimat,473-608,id", "komponen IKU dalam kalimat,473-608,en")
    # the one cell style en cannot read, 'fixed' by hand: the rest read without complaint, three orders too small
    _edit(raw_copy, "komponen_iku.csv", '"81,1%",nilai', "81.1%,nilai")
    out = tmp_path / "processed"
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, out)
    before = tree_digest(out)
    with pytest.raises(DataError) as e:
        pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, out)
    msg = str(e.value)
    kb = next(p for p in e.value.problems if "capaian of KB" in p.expected)
    assert kb.file == f"{FOLDER}/komponen_iku.csv" and kb.row == 2 and kb.column == "nilai"
    assert "128.469,5 %" in kb.expected and "lines 2, 3, 5" in kb.expected
    assert "koperasi_aktif '3.645' read in style en as 3,645" in kb.expected
    assert "koperasi_sehat_cukup_sehat_provinsi '99'" in kb.expected
    assert "is gaya_angka 'en' of komponen_iku.csv in manifest.csv right?" in kb.expected
    assert "capaian of all sasaran (the headline capaian) between 0 and 1.000 %, not 76.106,56 %" in msg
    assert "jumlah_usaha_kecil '28.822' read in style en as 28,822" in msg
    assert tree_digest(out) == before  # nothing of the indicators step was written


def test_spending_above_one_programmes_budget_is_a_warning_in_the_processed_table(raw_copy, tmp_path):
    # programme 3 spends 112.336.645 of 112.009.700, stated consistently wherever its amounts and totals appear
    for file, old, new in [("realisasi_anggaran.csv", "111.336.645", "112.336.645"),
                           ("realisasi_anggaran.csv", "19.882.262.551", "19.883.262.551"),
                           ("anggaran_program_sumber_dana.csv", "111.336.645", "112.336.645"),
                           ("efisiensi.csv", "111.336.645", "112.336.645"),
                           ("anggaran_sumber_dana.csv", "13.104.928.351", "13.105.928.351"),
                           ("anggaran_sumber_dana.csv", "19.882.262.551", "19.883.262.551"),
                           ("formulir_anggaran.csv", "19,882,262,551", "19,883,262,551")]:
        _edit(raw_copy, file, old, new, count=2)
    out = tmp_path / "processed"
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, out)
    pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, out)
    warnings = (out / FOLDER / "warnings.csv").read_text(encoding="utf-8")
    assert (f"{FOLDER}/realisasi_anggaran.csv: line 4, column 'realisasi': value '112.336.645' -> expected a serapan "
            "of programme 3 at most 100 %, not 100,29 %") in warnings
    assert "value 'Rp. 112.336.645,-'" in warnings  # anggaran_program_sumber_dana.csv, as printed there


def test_negative_realisation_is_an_error(raw_copy, tmp_path):
    _edit(raw_copy, "realisasi_anggaran.csv", "198.957.100", "-198.957.100")
    e = _fails(raw_copy, tmp_path / "processed")
    assert any(p.file.endswith("realisasi_anggaran.csv") and p.row == 3 and p.column == "realisasi"
               and p.value == "-198.957.100" for p in e.problems), str(e)


def test_count_above_its_comparator_is_an_error(raw_copy, tmp_path):
    _edit(raw_copy, "output_program.csv", "koperasi diperiksa,56,", "koperasi diperiksa,560,")
    e = _fails(raw_copy, tmp_path / "processed")
    (p,) = e.problems
    assert (p.file, p.row, p.column, p.value) == (f"{FOLDER}/output_program.csv", 4, "nilai", "560")
    assert "nilai_pembanding '366' (koperasi aktif)" in p.expected


def test_realisation_column_after_the_report_year_is_an_error_naming_it(raw_copy, tmp_path):
    _edit(raw_copy, "realisasi_multi_tahun.csv", "realisasi_2024,", "realisasi_2024,realisasi_2025,")
    for old, new in [('"5,87%","4,57%"', '"5,87%","6,00%","4,57%"'),
                     ('"0,08%","0,08%",0%', '"0,08%","0,08%","0,08%",0%'), ("BB,BB,A,A", "BB,BB,A,A,A")]:
        _edit(raw_copy, "realisasi_multi_tahun.csv", old, new)
    e = _fails(raw_copy, tmp_path / "processed")
    (p,) = e.problems
    assert (p.file, p.row, p.column) == (f"{FOLDER}/realisasi_multi_tahun.csv", 1, "realisasi_2025")
    assert "up to the report's own (2024)" in p.expected
