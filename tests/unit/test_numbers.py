"""Number parsing in both styles: examples, strictness, and the format-then-parse property."""
import math

import pytest
from babel.numbers import format_decimal
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.ingest import numbers


@pytest.mark.parametrize("text, style, expected", [
    ("12.151.893.026", "id", 12151893026), ("4,57", "id", 4.57), ("1234,5", "id", 1234.5), ("-80,29", "id", -80.29),
    ("20,674,821,126", "en", 20674821126), ("93.6", "en", 93.6), ("0", "id", 0), ("100", "id", 100),
])
def test_parse_number_examples(text, style, expected):
    assert numbers.parse_number(text, style) == pytest.approx(expected)


@pytest.mark.parametrize("text, style", [
    ("12.151.893.O26", "id"), ("1.23,4", "id"), ("93.6", "id"), ("1.2345", "id"), ("", "id"), ("abc", "en"),
    ("12,15,1", "id"), ("4,57%%", "id"), ("1,234.5", "id"), ("0,", "id"), (",5", "id"), ("12.", "en"), ("-", "id"),
])
def test_parse_number_rejects(text, style):
    with pytest.raises(ValueError):
        numbers.parse_number(text, style)


def test_english_percentage_column_is_not_thousands():
    # the same characters mean different numbers in the two styles, never guessed
    assert numbers.parse_percent("93.6", "en") == pytest.approx(93.6)
    assert numbers.parse_number("93.600", "id") == 93600


@pytest.mark.parametrize("text, style, expected", [
    ("Rp.12.151.893.026,-", "id", 12151893026), ("Rp. 216.181.400,-", "id", 216181400),
    ("12.151.893.026", "id", 12151893026), ("Rp 20,674,821,126", "en", 20674821126),
    ("22.781.067.126,-", "id", 22781067126),
])
def test_parse_rupiah(text, style, expected):
    assert numbers.parse_rupiah(text, style) == expected


@pytest.mark.parametrize("bad", ["Rp.12.151.893.O26,-", "Rp.1.5,-", "Rp.-5,-", "Rp.12,5,-"])
def test_parse_rupiah_rejects(bad):
    with pytest.raises(ValueError):
        numbers.parse_rupiah(bad, "id")


@pytest.mark.parametrize("text, expected", [("4,57 %", 4.57), ("5,87%", 5.87), ("(94,45%)", 94.45), ("94,45", 94.45),
                                            ("-80,29%", -80.29), ("0%", 0), ("128%", 128)])
def test_parse_percent(text, expected):
    assert numbers.parse_percent(text, "id") == pytest.approx(expected)


@pytest.mark.parametrize("bad", ["4,57%%", "(94,45%", "%", "4,57 %)", "4.57 %"])
def test_parse_percent_rejects(bad):
    with pytest.raises(ValueError):
        numbers.parse_percent(bad, "id")


def test_percent_sign_can_be_required():
    with pytest.raises(ValueError):
        numbers.parse_percent("4,57", "id", require_sign=True)


def test_dash():
    assert numbers.is_dash("-") and numbers.is_dash(" – ") and not numbers.is_dash("0")


LOCALE = {"id": "id_ID", "en": "en_US"}


@settings(max_examples=200, deadline=None)
@given(value=st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
       style=st.sampled_from(["id", "en"]), grouped=st.booleans())
def test_format_then_parse_returns_the_number(value, style, grouped):
    pattern = ("#,##0.00" if grouped else "0.00")
    text = format_decimal(value, format=pattern, locale=LOCALE[style])
    assert math.isclose(numbers.parse_number(text, style), float(value), abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(amount=st.integers(min_value=0, max_value=10**13), style=st.sampled_from(["id", "en"]))
def test_format_then_parse_rupiah(amount, style):
    body = format_decimal(amount, format="#,##0", locale=LOCALE[style])
    text = f"Rp.{body},-" if style == "id" else f"Rp {body}"
    assert numbers.parse_rupiah(text, style) == amount


VALID_ID_AMOUNT = __import__("re").compile(r"^(Rp\.?\s*)?([1-9]\d{0,2}(\.\d{3})*|\d+)(,0+)?(,-)?$")


@settings(max_examples=3000, deadline=None)
@given(cell=st.text(alphabet="0123456789.,%O l-Rp ", min_size=0, max_size=16))
@example(cell="0 ,-")  # found by this test: a space before ",-" used to be accepted
@example(cell="Rp. 1.000,-")
def test_rupiah_accepted_exactly_when_well_formed(cell):
    """Property: a rupiah cell parses if and only if it is a well-formed Indonesian whole amount."""
    try:
        numbers.parse_rupiah(cell, "id")
        accepted = True
    except ValueError:
        accepted = False
    assert accepted == bool(VALID_ID_AMOUNT.match(cell.strip())), cell


def test_unicode_minus_and_no_break_space_are_accepted():
    from analysis.ingest import numbers as n

    assert n.parse_percent("\u221280,29%") == -80.29
    assert n.parse_percent("4,57\u00a0%") == 4.57 and n.parse_rupiah("Rp.\u00a012.151.893.026,-") == 12151893026
    with pytest.raises(ValueError):
        n.parse_percent("\u201380,29%")  # an en dash is not a minus


def test_huge_numbers_are_refused_and_integers_are_exact():
    from analysis.ingest import numbers as n

    assert n.parse_integer("999.999.999.999.999.999") == 999_999_999_999_999_999
    assert n.parse_rupiah("12.345.678.901.234.567") == 12_345_678_901_234_567  # not through a float
    for parse in (n.parse_rupiah, n.parse_percent, n.parse_number):
        with pytest.raises(ValueError, match="at most 18 significant digits"):
            parse("216.181.400.000.000.000.000.000.000")
    assert n.format_integer(20674821127) == "20.674.821.127" and n.format_integer(1234, "en") == "1,234"
