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
    assert st["capaian UKNK"] == "rounding" and st["capaian KB"] == "match"
    assert st["serapan_rata_rata"] == "method"
    assert (st[st.index.str.startswith("serapan program")] == "match").all()


def test_round_half_up():
    assert list(batch.round_half_up([94.445, 0.125, -80.295, 2.5], 2)) == [94.45, 0.13, -80.3, 2.5]
    assert list(batch.round_half_up([0.5, 1.5, 96.9947], 0)) == [1.0, 2.0, 97.0]


def test_synthetic_batch_reconciles_without_mismatch():
    out = batch.recompute(*batch.synthetic(500, seed=3))
    rec = out["reconciliation"]
    assert len(out["agency_year"]) == 500
    assert set(rec["status"]) <= {"match", "rounding", "method"}
    assert (rec.loc[rec["check"] == "serapan_rata_rata", "status"] == "method").mean() > 0.5
