"""Reconciliation: statuses on hand-made figures, and the seed's figures recomputed from raw components."""
import numpy as np
import pandas as pd
import pytest

from analysis.reconcile import reconcile as rk


def _rep(teks, nilai, besaran="serapan"):
    return pd.Series({"teks": teks, "nilai": nilai, "besaran": besaran})


def _cands(*rows):
    return pd.DataFrame([{"nilai": v, "teks": t, "utama": u, "dibulatkan": d, "penjelasan": p}
                         for v, t, u, d, p in rows])


@pytest.mark.parametrize("text, d", [("5,87 %", 2), ("128", 0), ("12.151.893.026", 0), ("(94,45%)", 2),
                                     ("3,7%", 1), ("Rp 20,674,821,126", 0), ("-80,29%", 2)])
def test_printed_decimals(text, d):
    assert rk.printed_decimals(text) == d


def test_status_match_at_printed_precision():
    s, v, (why, why_id) = rk.classify(_rep("94,45", 94.45), _cands((94.448859, None, True, False, "")))
    assert s == "match" and why == ""


def test_status_rounding_when_inputs_were_rounded():
    s, _, (why, why_id) = rk.classify(_rep("-80,30", -80.30), _cands((-80.2919, None, True, False, ""),
                                                          (-80.2954, None, False, True, "rounded inputs")))
    assert s == "rounding" and why == "rounded inputs"


def test_status_rounding_when_truncated():
    s, _, (why, why_id) = rk.classify(_rep("12,3", 12.3), _cands((12.36, None, True, False, "")))
    assert s == "rounding" and "truncated" in why


def test_status_rounding_across_the_target():
    s, _, (why, why_id) = rk.classify(_rep("100", 100.0, "capaian"), _cands((99.75, None, True, False, ""),
                                                                  (100.0, None, False, True, "from rounded")))
    assert s == "rounding" and "not quite met" in why


def test_status_method():
    s, _, (why, why_id) = rk.classify(_rep("97", 97.0), _cands((96.17, None, True, False, ""),
                                                               (96.99, None, False, False, "plain mean")))
    assert s == "method" and why == "plain mean"


def test_status_mismatch_and_unverifiable():
    s, v, _ = rk.classify(_rep("50", 50.0), _cands((40.0, None, True, False, ""), (41.0, None, False, False, "x")))
    assert s == "mismatch" and v == 40.0
    assert rk.classify(_rep("50", 50.0), _cands((np.nan, None, True, False, "")))[0] == "unverifiable"
    assert rk.classify(_rep("50", 50.0), _cands())[0] == "unverifiable"


def test_textual_figures_compare_as_text():
    assert rk.classify(_rep("A", np.nan), _cands((np.nan, "A", True, False, "")))[0] == "match"
    assert rk.classify(_rep("Berhasil", np.nan), _cands((np.nan, "Sangat Berhasil", True, False, "")))[0] == "mismatch"


# ---- the seed, recomputed ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rec(seed_run):
    return seed_run["ind"].reconciliation


def _one(rec, **kw):
    m = rec
    for k, v in kw.items():
        m = m[m[k] == v]
    assert len(m) >= 1, kw
    return m


def test_every_reported_figure_is_reconciled(rec, seed_run):
    assert len(rec) >= len(seed_run["tables"]["reported_figures"])
    assert set(rec["status"]) <= set(rk.STATUSES)
    for col in ("check", "section", "reported", "recomputed", "difference", "status", "explanation"):
        assert col in rec.columns
    assert (rec.loc[rec["status"] != "match", "explanation"].str.len() > 0).all()
    assert (rec.loc[rec["status"] != "match", "penjelasan"].str.len() > 0).all()  # Indonesian, for the report
    order = rec["status"].map(rk.STATUS_ORDER).tolist()
    assert order == sorted(order)  # non-match first


def test_iku_realisations_match(rec):
    for code in ("KB", "UKNK", "SAKIP"):
        assert set(_one(rec, besaran="realisasi", subjek=code)["status"]) == {"match"}
    assert set(_one(rec, besaran="capaian", subjek="KB")["status"]) == {"match"}


def test_rounded_realisation_lifts_uknk_to_100(rec):
    r = _one(rec, besaran="capaian", subjek="UKNK")
    assert set(r["status"]) == {"rounding"} and len(r) == 3  # capaian table, per-sasaran table, formulir
    assert (r["recomputed"] < 100).all()


def test_plain_mean_absorption_is_a_method_difference(rec):
    r = _one(rec, besaran="serapan_rata_rata", subjek="semua")
    assert set(r["status"]) == {"method"} and r["explanation"].str.contains("plain").all()
    assert set(_one(rec, besaran="efisiensi", subjek="semua")["status"]) == {"method"}


def test_programme_and_source_percentages_match(rec):
    s = rec[(rec["besaran"] == "serapan") & rec["subjek"].str.startswith("program")]
    assert len(s) == 8 + 8 + 10 and set(s["status"]) == {"match"}
    assert set(_one(rec, besaran="serapan", subjek="DAU")["status"]) == {"match"}
    assert set(_one(rec, besaran="kategori_serapan")["status"]) == {"match"}


def test_narrative_deltas_are_percentage_points(rec):
    r = rec[rec["besaran"] == "perubahan"]
    assert len(r) == 6 and set(r["status"]) == {"method"}
    assert r["explanation"].str.contains("percentage points").all()
    kb = r[(r["subjek"] == "KB") & (r["tahun"] == 2024)].iloc[0]
    assert kb["lintas_rumus"] and "series break" in kb["explanation"]


def test_tingkat_kemajuan(rec):
    kb = _one(rec, besaran="kemajuan", subjek="KB").iloc[0]
    assert kb["status"] == "match" and kb["lintas_rumus"]  # relative change since 2022, across the break
    sakip = _one(rec, besaran="kemajuan", subjek="SAKIP").iloc[0]
    assert sakip["status"] == "method" and "percentage points" in sakip["explanation"]  # 81,1 − 77,40 = 3,7


def test_sasaran_figures_in_the_efficiency_table(rec):
    cap = _one(rec, besaran="capaian_sasaran")
    assert set(cap["status"]) == {"method"} and cap["explanation"].str.contains("overall mean").all()
    eff = rec[(rec["besaran"] == "efisiensi") & rec["subjek"].str.startswith("sasaran")]
    assert set(eff["status"]) == {"method"}
    att = _one(rec, besaran="atribusi_sasaran", subjek="program 1").iloc[0]
    assert att["status"] == "method" and "another sasaran" in att["explanation"]
