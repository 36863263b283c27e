"""Numbers as readers expect them: separators of the report language, the em dash for missing values,
signs with the proper minus (U+2212), rupiah without decimals."""
import math

import pandas as pd
import pytest

from analysis.report import fmt


@pytest.mark.parametrize("x, decimals, lang, expected", [
    (20674821126, 0, "id", "20.674.821.126"), (20674821126, 0, "en", "20,674,821,126"),
    (1234.5678, 2, "id", "1.234,57"), (1234.5678, 2, "en", "1,234.57"),
    (0.5, 1, "id", "0,5"), (7, 2, "en", "7.00"), (-1234.5, 1, "id", "-1.234,5"),
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


def test_persen():
    assert fmt.persen(5.871) == "5,87 %"
    assert fmt.persen(5.871, 2, "en") == "5.87 %"
    assert fmt.persen(128.4464, 0, "id") == "128 %"


@pytest.mark.parametrize("x, lang, expected", [
    (-23.456, "id", "−23,46 poin persentase"), (13.2, "en", "+13.20 percentage points"),
    (0, "id", "0,00 poin persentase"),
])
def test_poin_carries_its_sign_with_the_proper_minus(x, lang, expected):
    out = fmt.poin(x, 2, lang)
    assert out == expected
    assert "-" not in out  # a hyphen is not a minus


@pytest.mark.parametrize("x, expected", [(-80.2911, "−80,29 %"), (18.8, "+18,80 %"), (0, "0,00 %")])
def test_perubahan_persen_signs(x, expected):
    assert fmt.perubahan_persen(x, 2, "id") == expected


@pytest.mark.parametrize("x, lang, expected", [
    (20674821126, "id", "Rp 20.674.821.126"), (20674821126, "en", "IDR 20,674,821,126"),
    (19882262551.4, "id", "Rp 19.882.262.551"), (999.5, "id", "Rp 1.000"), (0, "en", "IDR 0"),
])
def test_rupiah_is_whole_with_the_currency_of_the_language(x, lang, expected):
    assert fmt.rupiah(x, lang) == expected
    assert ",-" not in fmt.rupiah(x, lang) and " ,-" not in fmt.rupiah(x, lang)
