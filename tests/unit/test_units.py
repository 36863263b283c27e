"""An indicator's unit from its definition's satuan, and values read in it: with or without %, unit words, ranges."""
import pytest

from analysis.ingest.cleaners.performance import sasaran_number
from analysis.ingest.units import Reading, read_value, unit_of


@pytest.mark.parametrize("satuan, kind, word", [
    ("%", "persen", ""), ("persen", "persen", ""), ("Persentase", "persen", ""), ("prosentase", "persen", ""),
    ("nilai", "nilai", ""), ("skor", "nilai", ""), ("score", "nilai", ""), ("poin", "nilai", ""),
    ("indeks", "indeks", ""), ("Index", "indeks", ""), ("rasio", "rasio", ""), ("ratio", "rasio", ""),
    ("rupiah", "rupiah", ""), ("Rp", "rupiah", ""), ("predikat", "predikat", ""), ("grade", "predikat", ""),
    ("jumlah", "jumlah", ""), ("unit", "jumlah", ""), ("Nagari", "jumlah", "nagari"),
    ("jumlah dokumen", "jumlah", "dokumen"), ("dokumen", "jumlah", "dokumen"), ("sumber air", "jumlah", "sumber air"),
])
def test_unit_of_each_word(satuan, kind, word):
    u = unit_of(satuan)
    assert (u.kind, u.word, u.satuan) == (kind, word, satuan)


@pytest.mark.parametrize("satuan, text, value", [
    ("%", "62,5", 62.5), ("%", "62,5 %", 62.5), ("%", "62,5%", 62.5), ("%", "(94,45%)", 94.45),
    ("%", "62,5 persen", 62.5), ("%", "101,51", 101.51), ("persen", "4,57 %", 4.57),
    ("Nagari", "15 Nagari", 15), ("Nagari", "15 nagari", 15), ("Nagari", "15", 15),
    ("jumlah dokumen", "2 dokumen", 2), ("sumber air", "5 sumber air", 5), ("unit", "3 unit", 3),
    ("indeks", "3,25", 3.25), ("indeks", "4", 4), ("nilai", "81,1", 81.1), ("skor", "81,1 poin", 81.1),
    ("rasio", "1,06", 1.06), ("rupiah", "Rp.12.151.893.026,-", 12_151_893_026),
])
def test_single_values(satuan, text, value):
    assert read_value(text, unit_of(satuan)) == Reading(value)


def test_english_style():
    assert read_value("93.6", unit_of("%"), "en") == Reading(93.6)
    assert read_value("1,250 dokumen", unit_of("dokumen"), "en") == Reading(1250)


@pytest.mark.parametrize("satuan, text, lower, upper", [
    ("%", "80–90 %", 80, 90), ("%", "80-90", 80, 90), ("%", "80 % - 90 %", 80, 90), ("%", "80 s.d. 90", 80, 90),
    ("%", "80 s/d 90%", 80, 90), ("%", "4,57–5 %", 4.57, 5), ("indeks", "3,00 - 3,50", 3, 3.5),
    ("dokumen", "2-3 dokumen", 2, 3), ("%", "80 — 80", 80, 80),
])
def test_ranges(satuan, text, lower, upper):
    assert read_value(text, unit_of(satuan)) == Reading(lower, upper)


@pytest.mark.parametrize("satuan, text, says", [
    ("%", "15 Nagari", "'Nagari' is not that unit"),          # a count in a percentage indicator
    ("Nagari", "15 Desa", "'Desa' is not that unit"),        # another count word
    ("jumlah", "15 Nagari", "'Nagari' is not that unit"),    # a generic count names no word: say which in satuan
    ("indeks", "3,25 %", "'%' is not that unit"),            # a % sign in an index
    ("%", "4,57%%", "'%%' is not that unit"),
    ("%", "12.151.893.O26", "like 62,5 or 62,5 %"),          # a mistyped number is not a unit word
    ("%", "abc", "a value in the indicator's unit '%'"),
])
def test_bad_values_name_the_definitions_unit(satuan, text, says):
    with pytest.raises(ValueError) as e:
        read_value(text, unit_of(satuan))
    assert says in str(e.value) and f"unit '{satuan}'" in str(e.value)


def test_a_range_where_a_single_value_is_needed():
    with pytest.raises(ValueError, match="a single value"):
        read_value("80-90", unit_of("%"), allow_range=False)
    assert read_value("-5", unit_of("%"), allow_range=False) == Reading(-5)   # a minus is not a range
    with pytest.raises(ValueError, match="a range from the lower to the upper bound"):
        read_value("90-80", unit_of("%"))


@pytest.mark.parametrize("label, number", [
    ("1.", 1), ("3", 3), ("III", 3), ("II.", 2), ("Sasaran Strategis II", 2), ("2.1.1", None), ("3.4.4", None),
    ("6b-N", None), ("", None), (None, None),
])
def test_sasaran_numbers_as_printed(label, number):
    assert sasaran_number(label) == number
