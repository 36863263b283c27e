"""Plausibility bounds (data/reference/batas_wajar.csv) and their checks, on small hand-made frames."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.bounds import BOUNDS_COLUMNS, Findings, bounds, judge
from analysis.errors import DataError
from analysis.indicators.plausibility import check_recomputed
from analysis.ingest.context import Context
from analysis.ingest.plausibility import check_plausibility

NA = np.nan
#: every quantity a check judges: each needs its row in the bounds file
USED = {"capaian", "serapan", "serapan_total", "efisiensi_selisih", "rupiah", "keluaran", "keluaran_target", "tahun"}


# ------------------------------------------------------------------------------------------------ the bounds
def test_the_bounds_file_has_every_quantity_with_its_reasons():
    b = bounds()
    assert USED <= set(b)
    for levels in b.values():
        for bound in levels.values():
            assert bound.reason_id and bound.reason_en and bound.level in ("warn", "error")


@pytest.mark.parametrize("quantity,value,level", [
    ("capaian", 128.47, None), ("capaian", 200, None), ("capaian", 200.01, "warn"), ("capaian", 1000, "warn"),
    ("capaian", 1000.5, "error"), ("capaian", -0.1, "error"), ("capaian", NA, None), ("capaian", None, None),
    ("serapan", 100, None), ("serapan", 100.29, "warn"), ("serapan", 150.1, "error"), ("serapan", -1, "error"),
    ("serapan_total", 100.01, "error"), ("efisiensi_selisih", -50, None), ("efisiensi_selisih", 50.5, "warn"),
    ("rupiah", -1, "error"), ("rupiah", 0, None), ("keluaran", 100, None), ("keluaran", 153, "error"),
    ("keluaran_target", 180, None), ("keluaran_target", 215, "warn"), ("tahun", 0, None), ("tahun", 1, "error"),
])
def test_a_value_is_judged_error_before_warn(quantity, value, level):
    b = judge(quantity, value)
    assert (b.level if b else None) == level


def test_a_bound_says_what_it_expects():
    assert bounds()["capaian"]["error"].expected() == "between 0 and 1.000 %"
    assert bounds()["serapan"]["warn"].expected() == "at most 100 %"
    assert bounds()["rupiah"]["error"].expected() == "at least 0 Rp"


def test_a_malformed_bounds_file_is_named_by_line_and_column(tmp_path: Path):
    rows = ["capaian,warn,0,200,%,alasan,reason", "capaian,fatal,0,1000,%,alasan,reason", "serapan,warn,,,%,alasan,"]
    (tmp_path / "batas_wajar.csv").write_text(",".join(BOUNDS_COLUMNS) + "\n" + "\n".join(rows) + "\n",
                                              encoding="utf-8")
    with pytest.raises(DataError) as e:
        bounds(tmp_path)
    found = {(p.row, p.column) for p in e.value.problems}
    assert (3, "level") in found and (4, "upper") in found and (4, "reason_en") in found


def test_a_warning_reads_like_a_problem_without_its_file():
    f = Findings()
    f.add(bounds()["serapan"]["warn"], "a/2024/x.csv", 4, "realisasi", "112", "at most 100 %")
    f.add(bounds()["serapan"]["error"], "a/2024/x.csv", 5, "realisasi", "200", "at most 150 %")
    assert f.warnings[0].file == "a/2024/x.csv"
    assert f.warnings[0].message == "line 4, column 'realisasi': value '112' -> expected at most 100 %"
    with pytest.raises(DataError, match="line 5, column 'realisasi'"):
        f.raise_if_any()


# ------------------------------------------------------------------------------------------------ cleaned tables
def _ctx(tmp_path, kinds=("realisasi_anggaran", "output_program", "realisasi_multi_tahun", "nilai_sakip")):
    # no raw files in the folder: the cells are shown as parsed
    manifest = pd.DataFrame({"tabel": list(kinds), "berkas": [k + ".csv" for k in kinds]})
    return Context("dinas-x", 2024, tmp_path, {}, manifest, pd.DataFrame())


def _programmes(*pairs):
    return pd.DataFrame({"program_no": range(1, len(pairs) + 1), "anggaran": [a for a, _ in pairs],
                         "realisasi": [r for _, r in pairs], "baris_raw": range(2, len(pairs) + 2)})


def test_spending_above_one_programmes_budget_is_a_warning(tmp_path):
    ctx = _ctx(tmp_path)
    check_plausibility({"anggaran_program": _programmes((100, 110), (300, 200))}, ctx)
    (w,) = ctx.warnings
    assert w.file == "dinas-x/2024/realisasi_anggaran.csv"
    assert w.message.startswith("line 2, column 'realisasi': value '110'") and "110 %" in w.message


@pytest.mark.parametrize("pairs,what", [(((100, 160), (300, 200)), "programme 1"),
                                        (((100, 110), (100, 95)), "the whole agency")])
def test_far_above_budget_or_overall_above_budget_is_an_error(tmp_path, pairs, what):
    with pytest.raises(DataError) as e:
        check_plausibility({"anggaran_program": _programmes(*pairs)}, _ctx(tmp_path))
    assert any(what in p.expected and p.column == "realisasi" for p in e.value.problems), str(e.value)


def test_a_negative_amount_is_an_error(tmp_path):
    with pytest.raises(DataError) as e:
        check_plausibility({"anggaran_program": _programmes((100, -5))}, _ctx(tmp_path))
    assert any(p.column == "realisasi" and p.value == "-5" and "at least 0" in p.expected for p in e.value.problems)


def _outputs(nilai, of, pembanding):
    return pd.DataFrame({"program_no": [3], "keluaran": ["koperasi diperiksa"], "nilai": [nilai],
                         "pembanding": [pembanding], "nilai_pembanding": pd.array([of], dtype="Int64"),
                         "baris_raw": [4]})


def test_a_count_above_its_population_is_an_error(tmp_path):
    with pytest.raises(DataError) as e:
        check_plausibility({"output_program": _outputs(560, 366, "koperasi aktif")}, _ctx(tmp_path))
    (p,) = e.value.problems
    assert (p.file, p.row, p.column, p.value) == ("dinas-x/2024/output_program.csv", 4, "nilai", "560")
    assert "'366'" in p.expected and "153,01 %" in p.expected


@pytest.mark.parametrize("nilai,warned", [(600, False), (1200, True)])
def test_a_count_may_exceed_a_target_but_not_by_much(tmp_path, nilai, warned):
    ctx = _ctx(tmp_path)
    check_plausibility({"output_program": _outputs(nilai, 505, "target pembinaan")}, ctx)
    assert bool(ctx.warnings) == warned


def test_a_count_without_comparator_is_not_judged(tmp_path):
    ctx = _ctx(tmp_path)
    check_plausibility({"output_program": _outputs(15, None, None)}, ctx)
    assert ctx.warnings == []


def test_a_year_after_the_report_is_an_error_naming_the_column(tmp_path):
    real = pd.DataFrame({"kode_indikator": ["KB", "KB"], "tahun": [2024, 2025], "baris_raw": [2, 2]})
    sakip = pd.DataFrame({"kode_indikator": ["SAKIP"], "tahun": [2026], "baris_raw": [3]})
    with pytest.raises(DataError) as e:
        check_plausibility({"realisasi_tahunan": real, "nilai_sakip": sakip}, _ctx(tmp_path))
    found = {(p.file.split("/")[-1], p.row, p.column) for p in e.value.problems}
    assert found == {("realisasi_multi_tahun.csv", 1, "realisasi_2025"), ("nilai_sakip.csv", 3, "tahun")}


# ------------------------------------------------------------------------------------------------ recomputed figures
def _recomputed(capaian_kb=128.47, capaian_uknk=99.75, serapan_total=96.17):
    defs = pd.DataFrame({"kode_indikator": ["KB", "UKNK"], "versi": [2, 1],
                         "komponen_pembilang": ["sehat", "naik"], "komponen_penyebut": ["aktif", "kecil"]})
    comps = pd.DataFrame({"kode_indikator": ["KB", "KB", "UKNK", "UKNK"],
                          "komponen": ["sehat", "aktif", "naik", "kecil"],
                          "nilai": [214, 3.645, 23, 28822], "baris_raw": [2, 5, 8, 9]})
    base = pd.DataFrame({"kode_indikator": ["KB", "UKNK"], "baris_raw": [2, 3]})
    iku = pd.DataFrame({"kode_indikator": ["KB", "UKNK"], "versi": [2, 1], "sasaran_no": [1, 1],
                        "polaritas": ["positif", "positif"], "target": [4.57, 0.08], "target_predikat": [None, None],
                        "realisasi": [5.87, 0.08], "realisasi_predikat": [None, None],
                        "capaian": [128.45, 100.0], "capaian_komponen": [capaian_kb, capaian_uknk]})
    mean = (capaian_kb + capaian_uknk) / 2
    sasaran = pd.DataFrame({"sasaran_no": pd.array([1, None], dtype="Int64"), "capaian": [mean, mean]})
    budget = pd.DataFrame({"tingkat": ["program", "total"], "sasaran_no": pd.array([1, None], dtype="Int64"),
                           "sumber_dana": ["APBD", "APBD"], "atribusi": ["", ""], "anggaran": [100.0, 100.0],
                           "realisasi": [serapan_total] * 2, "serapan": [serapan_total] * 2,
                           "jumlah_program": [1, 1]})
    eff = pd.DataFrame({"lingkup": ["semua"], "atribusi": [""], "metode": ["selisih_tertimbang"],
                        "capaian": [mean], "serapan": [serapan_total], "efisiensi": [mean - serapan_total]})
    manifest = pd.DataFrame({"tabel": ["komponen_iku", "capaian_iku"],
                             "berkas": ["komponen_iku.csv", "capaian_iku.csv"],
                             "gaya_angka": ["en", "id"]})
    tables = {"definisi_indikator": defs, "komponen_iku": comps, "capaian_iku": base}
    return check_recomputed(tables, iku, sasaran, budget, eff, manifest, "dinas-x/2024")


def test_plausible_figures_give_no_warning():
    assert _recomputed() == []


def test_a_capaian_beyond_its_error_bound_names_its_cells_and_asks_for_the_number_style():
    with pytest.raises(DataError) as e:
        _recomputed(capaian_kb=128469.5)
    kb = next(p for p in e.value.problems if "capaian of KB" in p.expected)
    assert (kb.file, kb.row, kb.column) == ("dinas-x/2024/komponen_iku.csv", 2, "nilai")
    assert "128.469,5 %" in kb.expected and "lines 2, 5" in kb.expected
    assert "aktif '3.645' read in style en as 3,645" in kb.expected and "sehat '214'" in kb.expected
    assert "is gaya_angka 'en' of komponen_iku.csv in manifest.csv right?" in kb.expected
    assert "target '4,57 %' (capaian_iku.csv line 2)" in kb.expected
    headline = next(p for p in e.value.problems if "all sasaran" in p.expected)
    assert "KB 128.469,5 %" in headline.expected and "UKNK 99,75 %" in headline.expected


def test_a_capaian_above_twice_the_target_is_a_warning():
    w = _recomputed(capaian_kb=250.0)
    assert any(x.file == "dinas-x/2024/komponen_iku.csv" and "capaian of KB" in x.message for x in w)
    assert any("efficiency of semua" in x.message for x in w)  # 174,9 − 96,17 points


def test_an_overall_absorption_above_100_is_an_error():
    with pytest.raises(DataError, match="serapan of the whole agency between 0 and 100 %, not 101 %"):
        _recomputed(serapan_total=101.0)
