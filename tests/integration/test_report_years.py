"""Several report years of one agency: the trends join every report (each year's figure from that year's own
report, else from the latest report printing it, with its source), and a past figure a later report prints
differently is listed as a restatement. Expected values are computed here from the raw CSVs."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import pipeline
from analysis.config import RAW_ROOT
from analysis.indicators.restatements import detect_restatements

AGENCY = "tanahdatar-kab"


def _id(text: str) -> float:
    """A value in id style as printed, its unit word dropped: '103,22' -> 103.22, '15 Nagari' -> 15."""
    return float(text.split()[0].replace(".", "").replace(",", "."))


def _codes(raw: Path) -> dict[str, str]:
    """Every printed name of an indicator (nama, nama_lain, the code) -> its code."""
    out = {}
    with (raw / AGENCY / "definisi_indikator.csv").open(encoding="utf-8") as f:
        for d in csv.DictReader(f):
            for name in [d["nama"], d["kode_indikator"], *filter(None, d["nama_lain"].split("|"))]:
                out[name] = d["kode_indikator"]
    return out


def _printed(raw: Path) -> dict[tuple[str, int, int], float]:
    """(code, year the figure is for, report year) -> the realisation as printed, from each report's IKU table
    and multi-year table."""
    codes, out = _codes(raw), {}
    for folder in sorted(p for p in (raw / AGENCY).iterdir() if (p / "manifest.csv").exists()):
        report = int(folder.name)
        with (folder / "manifest.csv").open(encoding="utf-8") as f:
            kinds = {m["tabel"]: m["berkas"] for m in csv.DictReader(f)}
        if "capaian_iku" in kinds:
            with (folder / kinds["capaian_iku"]).open(encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    out[(codes[r["indikator"]], report, report)] = _id(r["realisasi"])
        if "realisasi_multi_tahun" in kinds:
            with (folder / kinds["realisasi_multi_tahun"]).open(encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    for col, cell in r.items():
                        if col.startswith("realisasi_") and cell:
                            out[(codes[r["indikator"]], int(col.split("_")[1]), report)] = _id(cell)
    return out


def _expected_restatements(printed) -> set[tuple[str, int, int, float, int, float]]:
    by_year: dict[tuple[str, int], dict[int, float]] = {}
    for (code, y, report), v in printed.items():
        by_year.setdefault((code, y), {})[report] = v
    out = set()
    for (code, y), reports in by_year.items():
        first = y if y in reports else min(reports)
        for report, v in reports.items():
            if report > first and v != reports[first]:
                out.add((code, y, first, reports[first], report, v))
    return out


def _run(raw: Path, proc: Path, year: int):
    pipeline.run_clean(AGENCY, year, raw, proc)
    pipeline.run_indicators(AGENCY, year, proc)
    return pipeline.run_trends(AGENCY, year, proc)


def _restated_set(df: pd.DataFrame) -> set:
    return {(r.kode_indikator, r.tahun, r.laporan_pertama, r.nilai_pertama, r.laporan_ulang, r.nilai_ulang)
            for r in df.itertuples()}


def _check_join(tr, printed, year: int) -> None:
    """Each year's figure from that year's own report, else from the latest report (up to ``year``)."""
    trends = tr.trends.set_index(["kode_indikator", "tahun"])
    for code, y in {(c, y) for c, y, r in printed if r <= year}:
        reports = {r: v for (c, yy, r), v in printed.items() if c == code and yy == y and r <= year}
        use = y if y in reports else max(reports)
        row = trends.loc[(code, y)]
        assert (int(row["laporan_tahun"]), row["realisasi"]) == (use, pytest.approx(reports[use])), (code, y)
        assert str(row["baris_sumber"])


def test_tanah_datar_2016_joins_the_2015_report_as_printed(tmp_path):
    tr = _run(RAW_ROOT, tmp_path, 2016)
    printed = _printed(RAW_ROOT)
    assert {r for _, _, r in printed} == {2015, 2016}
    _check_join(tr, printed, 2016)
    # the 2015 report's indicators are in the 2016 trends, from the 2015 report
    assert set(tr.trends.loc[tr.trends["laporan_tahun"] == 2015, "kode_indikator"]) == {
        c for c, y, r in printed if r == 2015}
    assert _restated_set(tr.restatements) == _expected_restatements(printed)
    info = pipeline.load_info(AGENCY, 2016, tmp_path)
    assert info["laporan_tahun_sebelumnya"] == [2015]


def test_the_first_report_year_reads_no_later_report(tmp_path):
    _run(RAW_ROOT, tmp_path, 2015)
    assert pipeline.load_info(AGENCY, 2015, tmp_path)["laporan_tahun_sebelumnya"] == []
    for name in ("restatements.csv", "realisation_by_report.csv", "trends.csv"):  # one report, no series
        assert not (tmp_path / AGENCY / "2015" / name).exists()


@pytest.fixture
def restating(tmp_path):
    """The Tanah Datar reports with a 2016 multi-year table (made up for this test) that re-prints 2015:
    one figure restated, one only rounded, one the same, and one the 2015 report does not print."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / AGENCY, raw / AGENCY)
    y16 = raw / AGENCY / "2016"
    (y16 / "realisasi_multi_tahun.csv").write_text(
        "baris_sumber,no,sasaran,indikator,realisasi_2015\n"
        "13,,,Persentase Cakupan Wilayah Persampahan,15 Nagari\n"
        "13,,,PersentaseAPK SMPMTsPaket B,\"103,2\"\n"
        "13,,,Status Mutu Lingkungan Hidup Kualitas Air,5 sumber air\n"
        "13,,,persentase APM SDMI,\"90,67\"\n", encoding="utf-8")
    with (y16 / "manifest.csv").open("a", encoding="utf-8") as f:
        f.write("realisasi_multi_tahun.csv,realisasi_multi_tahun,uji,tabel uji,13,id,,sebagian\n")
    return raw


def test_restatements_listed_with_both_sources_and_the_own_report_used(restating, tmp_path):
    tr = _run(restating, tmp_path / "p", 2016)
    printed = _printed(restating)
    expected = _expected_restatements(printed)
    assert len(expected) == 2 and _restated_set(tr.restatements) == expected
    _check_join(tr, printed, 2016)
    r = tr.restatements.set_index("kode_indikator")
    sampah = r.loc["SAMPAH"]
    assert (sampah["baris_pertama"], sampah["baris_ulang"], sampah["laporan_dipakai"]) == ("15", "13", 2015)
    assert sampah["selisih"] == pytest.approx(printed[("SAMPAH", 2015, 2016)] - printed[("SAMPAH", 2015, 2015)])
    assert not sampah["hanya_pembulatan"] and not sampah["rumus_berubah"]
    assert r.loc["APKSMP", "hanya_pembulatan"]  # 103,2 is 103,22 printed with one decimal
    # APM SD/MI 2015: not in the 2015 report, so the 2016 report's figure, and the change into 2016 computed
    apm = tr.trends.set_index(["kode_indikator", "tahun"]).loc[("APMSD", 2016)]
    assert apm["tahun_sebelumnya"] == 2015 and apm["perubahan_tahunan_pp"] == pytest.approx(
        apm["realisasi_tepat"] - printed[("APMSD", 2015, 2016)])
    written = pd.read_csv(tmp_path / "p" / AGENCY / "2016" / "restatements.csv")
    assert len(written) == 2


def test_an_earlier_report_with_problems_is_left_out_with_a_warning(restating, tmp_path):
    iku = restating / AGENCY / "2015" / "capaian_iku.csv"
    iku.write_text(iku.read_text(encoding="utf-8").replace("103,22", "103,2x"), encoding="utf-8")
    cleaned = pipeline.run_clean(AGENCY, 2016, restating, tmp_path / "p")
    assert "realisation_by_report" not in cleaned.tables
    assert any("2015" in str(w) and "not joined" in str(w) for w in cleaned.warnings)


def test_a_restatement_across_a_formula_change_says_so():
    defs = pd.DataFrame({"kode_indikator": ["X", "X"], "versi": [1, 2], "berlaku_dari": [2020, 2022],
                         "berlaku_sampai": [2021, None], "nama": ["Indikator X", "Indikator X"]})
    by_report = pd.DataFrame({"kode_indikator": ["X", "X", "X"], "tahun": [2021, 2021, 2022],
                              "laporan_tahun": [2021, 2022, 2022], "realisasi": [40.0, 35.5, 50.0],
                              "predikat": [None, None, None], "tabel": ["capaian_iku", "realisasi_multi_tahun",
                                                                        "capaian_iku"],
                              "baris_sumber": ["4", "9", "5"]})
    r = detect_restatements(by_report, defs)
    assert len(r) == 1
    row = r.iloc[0]
    assert (row["versi"], row["versi_laporan_ulang"], bool(row["rumus_berubah"])) == (1, 2, True)
    assert row["selisih"] == pytest.approx(35.5 - 40.0) and row["laporan_dipakai"] == 2021


def test_graded_figures_restated_by_their_grade():
    defs = pd.DataFrame({"kode_indikator": ["S"], "versi": [1], "berlaku_dari": [2020], "berlaku_sampai": [None],
                         "nama": ["Nilai SAKIP"]})
    by_report = pd.DataFrame({"kode_indikator": ["S", "S"], "tahun": [2022, 2022], "laporan_tahun": [2022, 2023],
                              "realisasi": [float("nan"), float("nan")], "predikat": ["BB", "A"],
                              "tabel": ["capaian_iku", "nilai_sakip"], "baris_sumber": ["1", "2"]})
    r = detect_restatements(by_report, defs)
    assert list(r["predikat_pertama"]) == ["BB"] and list(r["predikat_ulang"]) == ["A"]
    same = by_report.assign(predikat=["BB", "BB"])
    assert detect_restatements(same, defs).empty
