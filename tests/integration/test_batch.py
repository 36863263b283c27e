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
