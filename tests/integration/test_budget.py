"""Absorption and efficiency on hand-made budgets, then on the seed."""
import numpy as np
import pandas as pd
import pytest

from analysis.indicators import budget as anggaran
from analysis.indicators.iku import capaian_sasaran


def _tables():
    prog = pd.DataFrame({"program_no": [1, 2, 3], "program": ["A", "B", "C"],
                         "sasaran_no": pd.array([1, 1, 2], "Int64"),
                         "sumber_anggaran": ["APBD", "APBD", "APBN"], "anggaran_pk": pd.array([900, 100, 50], "Int64")})
    ap = pd.DataFrame({"program_no": [1, 2], "program": ["A", "B"], "anggaran": [900, 100], "realisasi": [900, 50],
                       "baris_sumber": ["1", "2"], "baris_raw": [2, 3]})
    src = pd.DataFrame({"program_no": [1, 1, 2], "program": ["A", "A", "B"], "sumber_dana": ["DAU", "DAK", "DAU"],
                        "anggaran": [600, 300, 100], "realisasi": [600, 300, 50], "sasaran_no": [1, 1, 1]})
    return {"program": prog, "anggaran_program": ap, "anggaran_program_sumber_dana": src}


def test_weighted_and_plain_mean_differ():
    b = anggaran.build_budget(_tables())
    total = b[b["tingkat"] == "total"].iloc[0]
    assert total["serapan"] == pytest.approx(95.0)            # 950 / 1000
    assert total["serapan_rata_rata"] == pytest.approx(75.0)  # (100 + 50) / 2
    dau = b[(b["tingkat"] == "sumber_dana") & (b["sumber_dana"] == "DAU")].iloc[0]
    assert dau["serapan"] == pytest.approx(650 / 700 * 100)
    apbn = b[(b["tingkat"] == "program") & (b["program_no"] == 3)].iloc[0]
    assert apbn["sumber_dana"] == "APBN" and np.isnan(apbn["serapan"]) and apbn["anggaran"] == 50


def test_zero_budget_gives_nan_not_infinity():
    assert np.isnan(anggaran.serapan([5], [0])[0])
    assert anggaran.serapan([0], [10])[0] == 0


def test_efficiency_methods():
    b = anggaran.build_budget(_tables())
    iku = pd.DataFrame({"sasaran_no": [1, 2], "sasaran": ["s1", "s2"], "capaian": [110.0, 100.0],
                        "capaian_komponen": [np.nan, np.nan], "capaian_dilaporkan": [110.0, 100.0]})
    s = capaian_sasaran(iku)
    e = anggaran.build_efficiency(b, s).set_index(["lingkup", "atribusi", "metode"])["efisiensi"]
    assert e[("semua", "", "selisih_rata_rata")] == pytest.approx(105 - 75)
    assert e[("semua", "", "selisih_tertimbang")] == pytest.approx(105 - 95)
    assert e[("semua", "", "rasio")] == pytest.approx(105 / 95)


def test_seed_absorption_and_efficiency(seed_run):
    b = seed_run["ind"].budget
    ap = seed_run["tables"]["anggaran_program"]
    total = b[b["tingkat"] == "total"].iloc[0]
    assert total["serapan"] == pytest.approx(ap["realisasi"].sum() / ap["anggaran"].sum() * 100)
    assert total["serapan_rata_rata"] == pytest.approx((ap["realisasi"] / ap["anggaran"] * 100).mean())
    assert round(total["serapan"], 2) == 96.17 and round(total["serapan_rata_rata"]) == 97
    src = b[b["tingkat"] == "sumber_dana"].set_index("sumber_dana")
    assert round(src.loc["DAU", "serapan"], 2) == 94.33 and round(src.loc["DAK", "serapan"], 2) == 99.93
    assert np.isnan(src.loc["APBN", "serapan"])  # the APBN programme's spending is not reported
    e = seed_run["ind"].efficiency.set_index(["lingkup", "atribusi", "metode"])["efisiensi"]
    overall = seed_run["ind"].sasaran.query("sasaran_no.isna()", engine="python").iloc[0]["capaian"]
    assert e[("semua", "", "selisih_rata_rata")] == pytest.approx(overall - total["serapan_rata_rata"])
    assert round(e[("semua", "", "selisih_rata_rata")]) == 12


def test_seed_output_rates(seed_run):
    k = seed_run["ind"].outputs
    row = k[k["nilai"] == 73].iloc[0]
    assert row["nilai_pembanding"] == 85 and row["persen"] == pytest.approx(73 / 85 * 100)
    assert row["serapan_program"] == pytest.approx(100.0)
    assert k[k["nilai"] == 11]["persen"].isna().all()  # 11 branch offices: no comparator stated
