"""The capaian method registry: each method on the example SAKIP apps disagree on, and on its edges."""
import math

import numpy as np
import pytest

from analysis.indicators import capaian as cp
from analysis.indicators import methods


def _same(got, expected):
    return (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("name, expected", [("2T-R", 120.0), ("T/R", 125.0), ("(T-R)/T", 20.0), ("R/T", 80.0)])
def test_lower_is_better_t10_r8_by_each_method(name, expected):
    # the one input four SAKIP applications answer four ways (domain notes, 2026-11-30)
    assert float(methods.apply(name, 8, 10)) == pytest.approx(expected)
    assert cp.capaian(8, 10, "negatif" if name != "R/T" else "positif", metode=name) == pytest.approx(expected)


@pytest.mark.parametrize("name, r, t, expected", [
    ("R/T", 0, 0, 100.0), ("R/T", 3, 0, 100.0), ("R/T", -1, 0, math.nan), ("R/T", 0, 5, 0.0),
    ("2T-R", 0, 0, 100.0), ("2T-R", 2, 0, 0.0), ("2T-R", 25, 10, 0.0), ("2T-R", 0, 5, 200.0),
    ("T/R", 0, 0, 100.0), ("T/R", 0, 5, math.nan), ("T/R", 5, 10, 200.0),
    ("(T-R)/T", 0, 0, math.nan), ("(T-R)/T", 12, 10, -20.0), ("(T-R)/T", 10, 10, 0.0),
    ("predikat", 5, 6, 83.3333), ("predikat", 7, 6, 116.6667),
    ("R/T", math.nan, 5, math.nan), ("T/R", 5, math.nan, math.nan),
])
def test_edges(name, r, t, expected):
    assert _same(float(methods.apply(name, r, t)) if not (math.isnan(r) or math.isnan(t))
                 else cp.capaian(r, t, "positif", metode=name), expected)


@pytest.mark.parametrize("r, lower, upper, name, expected", [
    (85, 80, 90, "R/T", 100.0), (80, 80, 90, "R/T", 100.0), (90, 80, 90, "R/T", 100.0),   # inside: 100
    (60, 80, 90, "R/T", 75.0),          # below: R / lower
    (99, 80, 90, "R/T", 110.0),         # above, higher is better: R / upper
    (6, 8, 9, "2T-R", 125.0),           # lower is better, below the range: better, against the lower bound
    (9.9, 8, 9, "2T-R", 90.0),          # lower is better, above the range: worse, against the upper bound
    (12, 8, 10, "T/R", 83.3333),
    (math.nan, 80, 90, "R/T", math.nan),
])
def test_range_rule(r, lower, upper, name, expected):
    assert _same(float(methods.in_range(r, lower, upper, name)), expected)
    pol = "positif" if name == "R/T" else "negatif"
    assert _same(cp.capaian(r, lower, pol, metode=name, target_atas=upper), expected)


def test_cap_any_value_never_silent():
    assert cp.capaian(4, 3.25) == pytest.approx(123.0769, abs=1e-4)           # no cap unless asked
    assert cp.capaian(4, 3.25, batas_atas=120) == 120.0                       # Kemenkeu
    assert cp.capaian(4, 3.25, batas_atas=100) == 100.0
    assert cp.capaian(3, 3.25, batas_atas=120) == pytest.approx(92.3077, abs=1e-4)
    out = cp.capaian(np.array([4.0, 4.0, np.nan]), np.array([3.25, 3.25, 3.25]),
                     batas_atas=np.array([120, np.nan, 120]))
    assert out[0] == 120 and out[1] == pytest.approx(123.0769, abs=1e-4) and math.isnan(out[2])


def test_defaults_and_allowed():
    assert methods.default_method("positif") == "R/T"
    assert methods.default_method("negatif") == "2T-R" == methods.default_method("negatif", None)
    assert methods.default_method("negatif", "T/R") == "T/R"
    assert methods.default_method("predikat") == "predikat"
    assert set(methods.NUMERIC) <= set(methods.METHODS)
    assert all(methods.ALLOWED[p][0] == methods.default_method(p) for p in cp.POLARITIES)
    with pytest.raises(ValueError, match="metode"):
        cp.capaian(8, 10, metode="R-T")


def test_vectorised_methods_per_row():
    out = cp.capaian(np.array([8.0, 8.0, 8.0, 8.0]), np.array([10.0] * 4), np.array(["negatif"] * 4),
                     metode=np.array(["", "T/R", "(T-R)/T", "R/T"]))
    assert list(np.round(out, 4)) == [120.0, 125.0, 20.0, 80.0]


def test_describe():
    assert methods.describe("R/T", 120.0) == "R / T × 100, capped at 120"
    assert methods.describe("T/R", None, "id") == "T / R × 100"
