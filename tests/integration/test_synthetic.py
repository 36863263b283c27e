"""A made-up agency with a negative-polarity indicator and several years runs through with data only."""
import pytest

from analysis import pipeline
from analysis.indicators.capaian import capaian
from analysis.synthetic import make_agency_year


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    base = tmp_path_factory.mktemp("synth")
    for year in (2022, 2023, 2024):
        make_agency_year(base / "raw", "dinas-contoh", year, seed=year)
    out = {}
    for year in (2022, 2023, 2024):
        pipeline.run_clean("dinas-contoh", year, base / "raw", base / "processed")
        ind = pipeline.run_indicators("dinas-contoh", year, base / "processed")
        tr = pipeline.run_trends("dinas-contoh", year, base / "processed")
        out[year] = (ind, tr)
    return out


def test_negative_indicator_capaian_by_its_convention(synth):
    ind, _ = synth[2024]
    neg = ind.iku.set_index("kode_indikator").loc["TIDAKAKTIF"]
    assert neg["polaritas"] == "negatif" and neg["konvensi_negatif"] == "2T-R"
    r = neg["pembilang"] / neg["penyebut"] * 100
    assert neg["capaian_komponen"] == pytest.approx(capaian(r, neg["target"], "negatif", "2T-R"))
    assert neg["capaian_komponen"] == pytest.approx(max(0.0, (2 * neg["target"] - r) / neg["target"] * 100))


def test_every_year_builds_and_reconciles(synth):
    assert sorted(synth) == [2022, 2023, 2024]
    for year, (ind, tr) in synth.items():
        rec = ind.reconciliation
        assert len(rec) > 0, year
        assert set(rec["status"]) == {"match"}, year  # made-up figures printed exactly as recomputed
        assert set(rec["besaran"]) == {"realisasi", "capaian", "capaian_rata_rata", "serapan", "anggaran_total",
                                       "realisasi_total"}, year
        assert tr.breaks.empty  # the synthetic definitions never change
        comparable = tr.trends["sebanding_tahunan"].dropna()
        assert len(comparable) > 0 and comparable.all(), year


def test_lower_is_better_gap_counts_units_to_remove(synth):
    _, tr = synth[2024]
    g = tr.gaps.set_index("kode_indikator").loc["TIDAKAKTIF"]
    assert g["kekurangan_unit"] == max(0, g["pembilang"] - g["dibutuhkan_unit"])
    assert g["dibutuhkan_unit"] <= g["target"] * g["penyebut"] / 100 < g["dibutuhkan_unit"] + 1
