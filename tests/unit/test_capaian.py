"""Capaian formulas on hand-made cases with known answers, including the edge cases."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis.indicators import capaian as cp
from analysis.reference import category_scale, efficiency_scale, grade_scale


def test_positive():
    assert cp.capaian(5.87, 4.57) == pytest.approx(128.4464, abs=1e-4)
    assert cp.capaian(50, 100) == 50


@pytest.mark.parametrize("t, r, conv, expected", [
    (10, 5, "2T-R", 150.0), (10, 5, "T/R", 200.0), (10, 12, "2T-R", 80.0), (10, 12, "T/R", 83.3333),
    (10, 10, "2T-R", 100.0), (10, 10, "T/R", 100.0), (10, 25, "2T-R", 0.0),  # floored at 0
])
def test_negative_conventions(t, r, conv, expected):
    assert cp.capaian(r, t, "negatif", conv) == pytest.approx(expected, abs=1e-4)


def test_negative_default_is_2t_minus_r():
    assert cp.DEFAULT_NEGATIVE == "2T-R"
    assert cp.capaian(5, 10, "negatif") == pytest.approx(150.0)


@pytest.mark.parametrize("r, t, pol, conv, expected", [
    (0, 0, "positif", None, 100.0),     # nothing asked, nothing missing
    (3, 0, "positif", None, 100.0),
    (0, 5, "positif", None, 0.0),
    (0, 0, "negatif", "2T-R", 100.0),
    (2, 0, "negatif", "2T-R", 0.0),
    (0, 5, "negatif", "2T-R", 200.0),
    (0, 0, "negatif", "T/R", 100.0),
    (0, 5, "negatif", "T/R", float("nan")),  # undefined, not silently 0
    (float("nan"), 5, "positif", None, float("nan")),
    (5, None, "positif", None, float("nan")),
])
def test_edge_cases(r, t, pol, conv, expected):
    got = cp.capaian(r, t, pol, conv)
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)


def test_vectorised_with_mixed_polarity():
    r = pd.Series([5.0, 5.0, 12.0])
    out = cp.capaian(r, pd.Series([4.0, 10.0, 10.0]), np.array(["positif", "negatif", "negatif"]),
                     np.array(["", "2T-R", "T/R"]))
    assert list(np.round(out, 2)) == [125.0, 150.0, 83.33]


def test_cap_is_explicit():
    assert cp.capaian(150, 100) == 150
    assert cp.capaian(150, 100, batas_atas=120) == 120
    assert cp.capaian_mean([128.47, 99.75, 100]) == pytest.approx(109.4067, abs=1e-3)
    assert cp.capaian_mean([128.47, 99.75, 100], batas_atas=100) == pytest.approx(99.9167, abs=1e-3)


def test_bad_polarity_or_convention_raise():
    with pytest.raises(ValueError):
        cp.capaian(1, 1, "naik")
    with pytest.raises(ValueError):
        cp.capaian(1, 1, "negatif", "R/T")


def test_grade_scale_bands():
    s = grade_scale()
    assert s.grades == ("D", "C", "CC", "B", "BB", "A", "AA")
    assert [s.grade_of(x) for x in (0, 30, 30.01, 50, 60.5, 70, 77.4, 80, 81.1, 90, 90.5, 100)] == \
        ["D", "D", "C", "C", "B", "B", "BB", "BB", "A", "A", "AA", "AA"]
    with pytest.raises(ValueError):
        s.grade_of(100.5)


def test_graded_capaian_on_ranks():
    ranks = cp.grade_rank(["BB", "A", None])
    assert list(ranks[:2]) == [5, 6] and math.isnan(ranks[2])
    assert cp.capaian(ranks[0], ranks[1]) == pytest.approx(83.3333, abs=1e-4)  # target A, realisation BB
    with pytest.raises(ValueError, match="unknown grade"):
        cp.grade_rank(["A+"])


def test_components():
    assert cp.evaluate_components("a+b", {"a": 99, "b": 115}) == 214
    with pytest.raises(KeyError):
        cp.evaluate_components("a+c", {"a": 1})
    assert cp.realisasi_from_components(214, 3645) == pytest.approx(5.8711, abs=1e-4)
    assert math.isnan(cp.realisasi_from_components(1, 0))
    assert cp.realisasi_from_components(81.1, None) == 81.1


def test_category_scales_are_data():
    two = category_scale("lkj_dua_tingkat")
    assert two.category(90) == "Sangat Berhasil" and two.category(89.99) == "Berhasil"
    assert two.category(float("nan")) is None
    five = category_scale("lima_tingkat")
    assert [five.category(x) for x in (95, 80, 70, 60, 40)] == [
        "Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    assert five.category(95, "en") == "Very good"
    eff = efficiency_scale()
    assert [eff.category(x) for x in (12, 0, -8)] == ["Efisien", "Cukup Efisien", "Tidak Efisien"]
