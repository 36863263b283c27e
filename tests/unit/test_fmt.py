"""Numbers as readers expect them: separators of the report language, the em dash for missing values,
signs with the proper minus (U+2212), rupiah without decimals."""
import math

import pandas as pd
import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.report import fmt


@pytest.mark.parametrize("x, decimals, lang, expected", [
    (20674821126, 0, "id", "20.674.821.126"), (20674821126, 0, "en", "20,674,821,126"),
    (1234.5678, 2, "id", "1.234,57"), (1234.5678, 2, "en", "1,234.57"),
    (0.5, 1, "id", "0,5"), (7, 2, "en", "7.00"), (-1234.5, 1, "id", "−1.234,5"), (-0.001, 2, "id", "0,00"),
])
def test_angka_uses_the_separators_of_the_language(x, decimals, lang, expected):
    assert fmt.angka(x, decimals, lang) == expected


@pytest.mark.parametrize("value", [None, float("nan"), math.nan, pd.NA])
def test_missing_values_print_as_the_em_dash(value):
    assert fmt.missing(value)
    for out in (fmt.angka(value), fmt.persen(value), fmt.poin(value), fmt.perubahan_persen(value),
                fmt.rupiah(value), fmt.rupiah(value, "en")):
        assert out == fmt.MISSING == "—"


@pytest.mark.parametrize("value", [0, 0.0, 12, "teks", False])
def test_present_values_are_not_missing(value):
    assert not fmt.missing(value)


def test_persen_with_a_non_breaking_space():
    assert fmt.persen(5.871) == "5,87\u00a0%"
    assert fmt.persen(5.871, 2, "en") == "5.87\u00a0%"
    assert fmt.persen(128.4464, 0, "id") == "128\u00a0%"


@pytest.mark.parametrize("x, lang, expected", [
    (-23.456, "id", "−23,46\u00a0poin persentase"), (13.2, "en", "+13.20\u00a0percentage points"),
    (0, "id", "0,00\u00a0poin persentase"), (-0.0004, "id", "0,00\u00a0poin persentase"),
])
def test_poin_carries_its_sign_with_the_proper_minus(x, lang, expected):
    out = fmt.poin(x, 2, lang)
    assert out == expected
    assert "-" not in out  # a hyphen is not a minus


@pytest.mark.parametrize("x, expected", [(-80.2911, "−80,29\u00a0%"), (18.8, "+18,80\u00a0%"), (0, "0,00\u00a0%")])
def test_perubahan_persen_signs(x, expected):
    assert fmt.perubahan_persen(x, 2, "id") == expected


@pytest.mark.parametrize("x, lang, expected", [
    (20674821126, "id", "Rp\u00a020.674.821.126"), (20674821126, "en", "IDR\u00a020,674,821,126"),
    (19882262551.4, "id", "Rp\u00a019.882.262.551"), (999.5, "id", "Rp\u00a01.000"), (0, "en", "IDR\u00a00"),
])
def test_rupiah_is_whole_with_the_currency_of_the_language(x, lang, expected):
    assert fmt.rupiah(x, lang) == expected
    assert ",-" not in fmt.rupiah(x, lang) and " ,-" not in fmt.rupiah(x, lang)


def test_score_differences_are_points_not_percentage_points():
    assert fmt.poin(3.25, 2, "id", skor=True) == "+3,25\u00a0poin"
    assert fmt.poin(-3.25, 2, "en", skor=True) == "−3.25\u00a0points"


@pytest.mark.parametrize("text, lang, expected", [
    ("(tertimbang: 96.17 %)", "id", "(tertimbang: 96,17\u00a0%)"),
    ("(5.87106 − 29.33), dicetak dengan '%'", "id", "(5,87 − 29,33), dicetak dengan '%'"),
    ("(0.0798002 − 0.33)", "en", "(0.0798 − 0.33)"),
    ("its own is 29.2 points; -1.5 and 2024, v1 → v2", "id", "its own is 29,2\u00a0points; −1,5 and 2024, v1 → v2"),
    ("", "id", ""),
])
def test_numbers_written_by_python_in_a_text_follow_the_report_style(text, lang, expected):
    assert fmt.teks(text, lang) == expected


@pytest.mark.parametrize("x, satuan, lang, expected", [
    (0.025, "indeks", "id", "0,025"), (0.0189, "indeks", "id", "0,0189"), (0.0189, "indeks", "en", "0.0189"),
    (0.018169, "indeks", "id", "0,0182"), (-0.0189, "rasio", "id", "\u22120,0189"), (3.25, "indeks", "id", "3,25"),
    (0.5, "indeks", "id", "0,50"), (15.0, "Nagari", "id", "15\u00a0Nagari"), (0.0189, "%", "id", "0,02\u00a0%"),
])
def test_a_small_value_keeps_three_significant_digits(x, satuan, lang, expected):
    # an inequality index of 0,0189 against a target of 0,025 must not both read 0,02 (Wonogiri 2020)
    assert fmt.dalam_satuan(x, satuan, lang) == expected


@pytest.mark.parametrize("x, satuan, graded, lang, expected", [
    (-0.33, "%", False, "id", "\u22120,33\u00a0poin persentase"), (0.43, "indeks", False, "id", "+0,43\u00a0poin"),
    (0.43, "indeks", False, "en", "+0.43\u00a0points"), (3.25, "predikat", True, "id", "+3,25\u00a0poin"),
    (-0.0018, "indeks", False, "id", "\u22120,0018\u00a0poin"), (2.0, "Nagari", False, "id", "+2\u00a0Nagari"),
    (-1500.0, "rupiah", False, "id", "\u2212Rp\u00a01.500"), (None, "indeks", False, "id", "\u2014"),
])
def test_a_difference_is_in_the_indicators_unit(x, satuan, graded, lang, expected):
    assert fmt.selisih(x, satuan, lang, graded) == expected


@settings(max_examples=300, deadline=None)
@given(x=st.one_of(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), st.integers(-10**15, 10**15),
                   st.sampled_from([0.005, 0.015, 2.675, -0.004, 1e-9, 99.995])),
       decimals=st.integers(0, 4), lang=st.sampled_from(["id", "en"]))
def test_plain_is_babels_format_decimal(x, decimals, lang):
    # the parsed pattern and locale are kept between calls: the text must be what format_decimal gives
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = format_decimal(abs(x), format=pattern, locale=fmt.LOCALES[lang], decimal_quantization=True)
    assert fmt._plain(x, decimals, lang) == expected


@pytest.mark.parametrize("refs, shown", [("7;8", "7–8"), ("20;21;25", "20–21, 25"), ("591", "591"),
                                         ("13;12", "12–13"), ("9;9", "9"), ("3-7", "3-7"), ("B7", "B7"),
                                         ("2;3;5;6;7", "2–3, 5–7"), ("", "")])
def test_source_lines_as_a_reader_reads_them(refs, shown):
    assert fmt.lines(refs) == shown


def test_a_missing_line_reference_is_left_to_the_caller():
    assert fmt.lines(None) is None and fmt.missing(fmt.lines(float("nan")))
