"""A workbook number is read as its format showed it: Excel's 15 digits, half away from zero, in the table's
style; the text parses back with the project's own parsers (so grouping and marks agree with them)."""
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.ingest import numbers
from analysis.ingest.shown import excel_decimal, render


@pytest.mark.parametrize("value, fmt, id_, en", [
    (0.0457, "0.00%", "4,57%", "4.57%"),
    (96.16999999999999, "0.00", "96,17", "96.17"),          # a binary artefact never reaches a figure
    (12151893026, "#,##0", "12.151.893.026", "12,151,893,026"),
    (12151893026, '"Rp."#,##0",-"', "Rp.12.151.893.026,-", "Rp.12,151,893,026,-"),
    (12151893026, "[$Rp-421]#,##0", "Rp12.151.893.026", "Rp12,151,893,026"),
    (3645.0, "General", "3645", "3645"),
    (0.30000000000000004, "General", "0,3", "0.3"),
    (2.675, "0.00", "2,68", "2.68"),                         # half up on the decimal Excel shows
    (-5.5, "0.0;(0.0)", "(5,5)", "(5.5)"),
    (0, '0.0;(0.0);"-"', "-", "-"),
    (1.5, "0.0#", "1,5", "1.5"),
    (1.25, "0.0#", "1,25", "1.25"),
    (1234567, "#,##0,", "1.235", "1,235"),                  # a trailing comma scales by a thousand
    (128, '0"%"', "128%", "128%"),
    (-0.001, "0.00", "0,00", "0.00"),                        # rounded to zero: no minus sign
])
def test_shown_as_excel_shows_it(value, fmt, id_, en):
    assert render(value, fmt, "id") == (id_, True)
    assert render(value, fmt, "en") == (en, True)


def test_a_format_it_does_not_know_is_general_and_said():
    assert render(1.5, "0.00E+00", "id") == ("1,5", False)
    assert render(0.5, "# ?/?", "id") == ("0,5", False)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 4), st.sampled_from(["id", "en"]))
def test_rendered_text_parses_back_to_the_shown_value(x, places, style):
    fmt = "#,##0" + ("." + "0" * places if places else "")
    text, ok = render(x, fmt, style)
    expected = excel_decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert ok and numbers.parse_exact(text, style) == expected


@given(st.floats(min_value=0, max_value=10, allow_nan=False), st.integers(0, 3))
def test_percent_parses_back(x, places):
    text, _ = render(x, "0" + ("." + "0" * places if places else "") + "%", "id")
    expected = (excel_decimal(x) * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert Decimal(repr(numbers.parse_percent(text, "id", require_sign=True))) == expected
