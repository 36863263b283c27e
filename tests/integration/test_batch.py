"""The vectorised batch recomputation agrees with the per-agency pipeline, and scales."""
import numpy as np
import pandas as pd
import pytest

from analysis.reconcile import batch


def _seed_inputs(seed_run):
    iku = seed_run["ind"].iku
    pct = iku[iku["polaritas"] != "predikat"]
    i = pd.DataFrame({"key": 0, "kode_indikator": pct["kode_indikator"], "polaritas": pct["polaritas"],
                      "konvensi_negatif": "2T-R", "target": pct["target"], "pembilang": pct["pembilang"],
                      "penyebut": pct["penyebut"], "faktor": 100.0, "realisasi_dilaporkan": pct["realisasi"],
                      "capaian_dilaporkan": pct["capaian_dilaporkan"]})
    ap = seed_run["tables"]["anggaran_program"]
    rep = seed_run["tables"]["reported_figures"]
    printed = rep[(rep["besaran"] == "serapan") & (rep["tabel"] == "realisasi_anggaran") & (rep["subjek"] != "APBD")]
    p = pd.DataFrame({"key": 0, "program_no": ap["program_no"], "anggaran": ap["anggaran"].astype(float),
                      "realisasi": ap["realisasi"].astype(float), "persen_dilaporkan": printed["nilai"].to_numpy()})
    eff = rep[(rep["besaran"] == "efisiensi") & (rep["subjek"] == "semua") & (rep["tabel"] == "efisiensi")]
    mean = rep[(rep["besaran"] == "serapan_rata_rata") & (rep["tabel"] == "efisiensi")]
    r = pd.DataFrame({"key": [0], "capaian_rata_rata_dilaporkan": [np.nan],
                      "serapan_rata_rata_dilaporkan": mean["nilai"].to_numpy(),
                      "efisiensi_dilaporkan": eff["nilai"].to_numpy()})
    return i, p, r


def test_batch_agrees_with_the_pipeline_on_the_seed(seed_run):
    out = batch.recompute(*_seed_inputs(seed_run))
    iku = seed_run["ind"].iku.set_index("kode_indikator")
    got = out["iku"].set_index("kode_indikator")
    for code in ("KB", "UKNK"):
        assert got.loc[code, "capaian"] == pytest.approx(iku.loc[code, "capaian_komponen"])
    total = seed_run["ind"].budget.query("tingkat == 'total'").iloc[0]
    ay = out["agency_year"].iloc[0]
    assert ay["serapan"] == pytest.approx(total["serapan"]) and ay["serapan_rata_rata"] == pytest.approx(
        total["serapan_rata_rata"])
    st = out["reconciliation"].set_index("check")["status"]
    programmes = [f"serapan program {n}" for n in range(1, 9)]
    assert list(st.index) == ["realisasi KB", "realisasi UKNK", "capaian KB", "capaian UKNK", *programmes,
                              "capaian_rata_rata", "serapan_rata_rata", "efisiensi"]
    assert st["realisasi KB"] == st["realisasi UKNK"] == "match"
    assert st["capaian UKNK"] == "rounding" and st["capaian KB"] == "match"
    assert st["serapan_rata_rata"] == "method"
    assert set(st[programmes]) == {"match"}


def test_synthetic_batch_reconciles_without_mismatch():
    out = batch.recompute(*batch.synthetic(500, seed=3))
    rec = out["reconciliation"]
    assert len(out["agency_year"]) == 500
    assert len(rec) == 500 * (3 + 3 + 8 + 3)  # realisasi and capaian of 3 IKU, 8 programmes, 3 summary figures
    assert set(rec["status"]) == {"match", "rounding", "method"}
    by_check = rec.groupby("check")["status"].agg(set)
    for check in ["realisasi A", "realisasi B", "realisasi C", "capaian_rata_rata"] + [
            f"serapan program {n}" for n in range(1, 9)]:
        assert by_check[check] == {"match"}, check
    for check in ("capaian A", "capaian B", "capaian C"):  # printed from the rounded realisation
        assert by_check[check] == {"match", "rounding"}, check
    assert by_check["serapan_rata_rata"] == {"match", "rounding", "method"}
    assert (rec.loc[rec["check"] == "serapan_rata_rata", "status"] == "method").mean() > 0.5


def test_batch_handles_counts_caps_and_printed_decimals():
    """What real agency-years print: a count without a denominator, a capped index (Kemenkeu's 120), capaian
    with two decimals, a ratio rounded before × 100, and an agency-year with IKU but no programme."""
    iku = pd.DataFrame({
        "key": [0, 0, 1], "kode_indikator": ["N", "IDX", "P"], "polaritas": "positif", "konvensi_negatif": "2T-R",
        "target": [15.0, 3.25, 10.0], "pembilang": [11.0, 4.0, 23.0], "penyebut": [np.nan, np.nan, 200.0],
        "faktor": [1.0, 1.0, 100.0], "realisasi_dilaporkan": [11.0, 4.0, 11.5],
        "capaian_dilaporkan": [73.30, 120.0, 116.0], "desimal_realisasi": [0, 0, 2], "desimal_capaian": [2, 0, 0],
        "metode_capaian": ["", "R/T", ""], "batas_capaian": [np.nan, 120.0, np.nan]})
    program = pd.DataFrame({"key": [1], "program_no": [1], "anggaran": [100.0], "realisasi": [90.0],
                            "persen_dilaporkan": [90.0], "desimal_persen": [0]})
    summary = pd.DataFrame({"key": [0, 1], "capaian_rata_rata_dilaporkan": [np.nan, 115.0],
                            "serapan_rata_rata_dilaporkan": [np.nan, 90.0], "efisiensi_dilaporkan": [np.nan, 25.0]})
    out = batch.recompute(iku, program, summary)
    st = out["reconciliation"].set_index(["key", "check"])["status"]
    assert out["iku"]["realisasi"].tolist()[:2] == [11.0, 4.0]  # a count is its own realisation
    assert st[(0, "realisasi N")] == "match" and st[(0, "capaian N")] == "rounding"  # 11 / 15 -> 0,733 -> 73,30
    assert st[(0, "capaian IDX")] == "method"  # 123,08 uncapped; 120 is the stated cap
    assert st[(1, "capaian P")] == "mismatch"  # 11,5 / 10 = 115, printed 116
    assert st[(1, "serapan program 1")] == "match" and st[(1, "capaian_rata_rata")] == "match"
    ay = out["agency_year"].set_index("key")
    assert ay.loc[0, "capaian_rata_rata"] == pytest.approx((11 / 15 * 100 + 4 / 3.25 * 100) / 2)  # no programme
    assert np.isnan(ay.loc[0, "serapan"])
