"""The one rounding rule: half-up on the printed decimal, the same on scalars and vectorised."""
from decimal import ROUND_DOWN, ROUND_HALF_UP

import numpy as np
import pandas as pd
import pytest

from analysis.reconcile.rounding import (
    decimal_rule,
    decimals_as_printed,
    figure_decimals,
    printed_decimals,
    round_half_up,
    truncate,
)

# (value, decimals, half-up, truncated)
EDGES = [
    (0.125, 2, 0.13, 0.12),
    (2.675, 2, 2.68, 2.67),  # binary 2.67499999…, printed 2,675
    (94.445, 2, 94.45, 94.44),
    (1234567.005, 2, 1234567.01, 1234567.0),
    (-2.5, 0, -3.0, -2.0),  # symmetric: away from zero
    (-0.125, 2, -0.13, -0.12),
    (-80.295, 2, -80.3, -80.29),
    (0.0, 0, 0.0, 0.0),
    (0.0, 2, 0.0, 0.0),
    (2.5, 0, 3.0, 2.0),
    (0.5, 0, 1.0, 0.0),
    (1.45, 1, 1.5, 1.4),
    (1.449999, 1, 1.4, 1.4),
    (96.9947, 0, 97.0, 96.0),
    (99.75, 0, 100.0, 99.0),
    (12_151_893_026.0, 0, 12_151_893_026.0, 12_151_893_026.0),
    (123_456_789_012_345.5, 0, 123_456_789_012_346.0, 123_456_789_012_345.0),  # past the fast path's bound
    (98_765_432_109.995, 2, 98_765_432_110.0, 98_765_432_109.99),
    (1e20, 2, 1e20, 1e20),
]


@pytest.mark.parametrize("value, d, up, down", EDGES)
def test_edge_cases_scalar(value, d, up, down):
    assert round_half_up(value, d) == up
    assert truncate(value, d) == down


@pytest.mark.parametrize("value, d, up, down", EDGES)
def test_edge_cases_vectorised(value, d, up, down):
    assert round_half_up(np.array([value]), d).tolist() == [up]
    assert truncate(pd.Series([value]), d).tolist() == [down]


def test_missing_stays_missing():
    for v in (np.nan, None, pd.NA):
        assert np.isnan(round_half_up(v, 2)) and np.isnan(truncate(v, 0))
    out = round_half_up(np.array([np.nan, 1.005, np.inf, -np.inf]), 2)
    assert np.isnan(out[0]) and out[1] == 1.01 and out[2] == np.inf and out[3] == -np.inf


def test_the_rule_is_the_decimal_repr():
    """2.675 and 1234567.005 are below their half point in binary; as printed they round up."""
    assert round_half_up(2.675, 2) == 2.68 and round(2.675, 2) == 2.67
    assert round_half_up(1234567.005, 2) == 1234567.01
    assert round_half_up(np.array([1234567.005]), 2)[0] == round_half_up(1234567.005, 2)


def test_scalar_and_array_inputs():
    assert isinstance(round_half_up(94.445, 2), float)
    assert isinstance(round_half_up(np.float64(94.445), 2), float)
    assert isinstance(round_half_up([94.445, 0.125], 2), np.ndarray)
    assert round_half_up([0.5, 1.5, 96.9947], 0).tolist() == [1.0, 2.0, 97.0]
    assert round_half_up(np.array([1.25, 1.25, 1.25]), np.array([0, 1, 2])).tolist() == [1.0, 1.3, 1.25]


def _same(a, b) -> np.ndarray:
    """Element-wise identical floats: equal (NaN with NaN) and the same sign (−0.0 is −0.0)."""
    return ((a == b) | (np.isnan(a) & np.isnan(b))) & (np.signbit(a) == np.signbit(b))


def _random_values(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    sign = rng.choice([-1.0, 1.0], n)
    return np.concatenate([
        rng.uniform(-1000, 1000, n),
        np.round(rng.uniform(-1e4, 1e4, n), 3),  # x.xx5 ties at 2 decimals, x.x5 at 1 …
        rng.integers(-10**7, 10**7, n) / 200,  # exact halves and quarters
        rng.integers(-10**9, 10**9, n) / 1000,
        sign * 10 ** rng.uniform(-8, 17, n),  # every magnitude, past the fast path's bound
        [0.0, -0.0, np.nan, np.inf, -np.inf, 5e-324, 1e300, -1e-300],
    ])


@pytest.mark.parametrize("d", [0, 1, 2, 3])
@pytest.mark.parametrize("mode", [ROUND_HALF_UP, ROUND_DOWN])
def test_vectorised_equals_the_decimal_rule(d, mode):
    x = _random_values(20_000, seed=d)
    fast = round_half_up(x, d) if mode == ROUND_HALF_UP else truncate(x, d)
    slow = np.array([decimal_rule(v, d, mode) for v in x])
    bad = ~_same(fast, slow)
    assert not bad.any(), list(zip(x[bad][:5], fast[bad][:5], slow[bad][:5], strict=True))


def test_vectorised_is_fast():
    import time

    x = _random_values(100_000, seed=9)
    t = time.perf_counter()
    round_half_up(x, 2)
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize("text, d", [("5,87 %", 2), ("128", 0), ("12.151.893.026", 0), ("(94,45%)", 2),
                                     ("3,7%", 1), ("Rp 20,674,821,126", 0), ("-80,29%", 2), ("93.6", 1)])
def test_printed_decimals(text, d):
    assert printed_decimals(text) == d


@pytest.mark.parametrize("text, value, d", [
    ("0,0189", 0.0189, 4), ("0,025", 0.025, 3), ("1,060", 1.06, 2), ("1,250", 1250.0, 0), ("5,87 %", 5.87, 2),
    ("12.151.893.026", 12151893026.0, 0), ("93.6", 93.6, 1), ("-0,33", -0.33, 2), ("0,0189", None, 0),
    ("0,0189", float("nan"), 0),
])
def test_figure_decimals_take_the_value_read_where_the_text_is_ambiguous(text, value, d):
    # the text alone reads '0,0189' as no decimals (a thousands separator?); the value read in its style says 4
    assert figure_decimals(text, value) == d


def test_the_decimals_each_indicator_s_capaian_was_printed_with():
    figures = pd.DataFrame({
        "besaran": ["capaian", "capaian", "realisasi", "capaian", "capaian"],
        "subjek": ["A", "B", "C", "C", "A"],
        "nilai": [150.0, 93.6, 5.0, 128.0, 150.0],
        "teks": ["150.00", "93,6", "5", "128", "150"],
        "tabel": ["capaian_iku", "capaian_iku", "capaian_iku", "capaian_iku", "pernyataan_narasi"]})
    # A: its IKU-table printing (150.00: 2), not the sentence's; B: one decimal; C: a whole number; D: not printed
    assert decimals_as_printed(figures, "capaian", "capaian_iku", ["A", "B", "C", "D"]) == [2, 1, 0, None]
    assert decimals_as_printed(None, "capaian", "capaian_iku", ["A"]) == [None]
