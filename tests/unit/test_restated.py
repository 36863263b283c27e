"""The report's words for several report years: each trend figure's report and line, and each restated figure
with both values, both sources, the difference and which one the trend uses, in both languages."""
import pandas as pd
import pytest

from analysis.indicators.restatements import COLUMNS
from analysis.report import restated, sections

DEFS = pd.DataFrame({"kode_indikator": ["SAMPAH", "APK"], "satuan": ["Nagari", "%"]})


def _restatement(**kw) -> pd.DataFrame:
    row = {"kode_indikator": "SAMPAH", "nama": "Cakupan Persampahan", "tahun": 2015, "versi": 1,
           "laporan_pertama": 2015, "nilai_pertama": 11.0, "predikat_pertama": None, "tabel_pertama": "capaian_iku",
           "baris_pertama": "15", "laporan_ulang": 2016, "nilai_ulang": 15.0, "predikat_ulang": None,
           "tabel_ulang": "realisasi_multi_tahun", "baris_ulang": "13", "selisih": 4.0, "hanya_pembulatan": False,
           "versi_laporan_ulang": 1, "rumus_berubah": False, "laporan_dipakai": 2015, **kw}
    return pd.DataFrame([row], columns=COLUMNS)


@pytest.mark.parametrize(("lang", "words"), [
    ("id", ["Cakupan Persampahan tahun 2015", "LKj 2015 baris 15", "11\u00a0Nagari", "LKj 2016 baris 13",
            "15\u00a0Nagari", "+4\u00a0Nagari", "Tren memakai angka LKj 2015"]),
    ("en", ["Cakupan Persampahan for 2015", "the 2015 report, line 15", "the 2016 report, line 13",
            "+4\u00a0Nagari", "uses the 2015 report"]),
])
def test_a_restatement_in_words(lang, words):
    [s] = restated.restatement_sentences(_restatement(), DEFS, lang)
    for w in words:
        assert w in str(s), (w, str(s))


def test_rounding_only_and_formula_change_are_said():
    [s] = restated.restatement_sentences(_restatement(kode_indikator="APK", nilai_pertama=103.22, nilai_ulang=103.2,
                                                      selisih=-0.02, hanya_pembulatan=True, rumus_berubah=True,
                                                      versi_laporan_ulang=2), DEFS, "en")
    assert "differ only in the decimals printed" in str(s) and "formula change" in str(s)
    assert "percentage points" in str(s)


def _trends(years) -> pd.DataFrame:
    return pd.DataFrame({"kode_indikator": ["SAMPAH"] * len(years), "tahun": years, "versi": [1] * len(years),
                         "realisasi": [11.0] * len(years), "predikat": [None] * len(years),
                         "laporan_tahun": years, "baris_sumber": ["15"] * len(years),
                         "perubahan_tahunan_pp": [float("nan")] * len(years),
                         "perubahan_tahunan_persen": [float("nan")] * len(years),
                         "sebanding_tahunan": [pd.NA] * len(years)})


def test_the_trend_table_shows_each_figures_report_only_when_several_are_joined():
    empty = pd.DataFrame(columns=["kode_indikator", "jenis"])
    dec = pd.DataFrame(columns=["kode_indikator"])
    joined = sections.trends_section(_trends([2015, 2016]), empty, dec, "id", DEFS, _restatement())
    assert "Dicetak di" in joined and "LKj 2016 baris 15" in joined and "menggabungkan angka LKj 2015, 2016" in joined
    assert "dicetak ulang berbeda" in joined
    alone = sections.trends_section(_trends([2016]), empty, dec, "id", DEFS, None)
    assert "Dicetak di" not in alone and "menggabungkan" not in alone
    quiet = sections.trends_section(_trends([2015, 2016]), empty, dec, "en", DEFS, _restatement().iloc[:0])
    assert "No later report re-prints a past figure differently" in quiet


@pytest.mark.parametrize(("lang", "words"), [
    ("id", ["ditemukan dari teks laporan, tidak dinyatakan", "LKj 2015 baris 9 menyatakan “a / b”",
            "LKj 2016 baris 7–8 menyatakan “a / c”", "berbeda: penyebut"]),
    ("en", ["found in the reports' text, not declared", "the 2015 report, line 9 states “a / b”",
            "the 2016 report, line 7–8 states “a / c”", "differing: denominator"]),
])
def test_a_break_found_in_the_reports_text_names_both_reports_and_lines(lang, words):
    b = pd.Series({"asal": "laporan", "laporan_lama": 2015, "baris_lama": "9", "laporan_baru": 2016,
                   "baris_baru": "7;8", "definisi_lama": "a / b", "definisi_baru": "a / c", "yang_berubah": "penyebut"})
    s = str(restated.found_in_text(b, lang))
    for w in words:
        assert w in s, (w, s)
    assert restated.found_in_text(b.copy().replace({"laporan": "dinyatakan"}), lang) is None
