"""A capaian printed beside its target and realisation only (no components): reconciled under the indicator's
polarity, unit and method — match, rounding, mismatch, or the method(s) that reproduce it named."""
import numpy as np
import pandas as pd
import pytest

from analysis.indicators import capaian as cp
from analysis.ingest.figures import Subject
from analysis.reconcile.candidates import iku_candidates
from analysis.reconcile.status import classify

NA = np.nan


def _iku(target, realisasi, polaritas="positif", metode="", batas=NA, target_atas=NA, **extra):
    how = {"metode": metode or None, "batas_atas": None if np.isnan(batas) else batas, "target_atas": target_atas}
    row = {"kode_indikator": "X", "polaritas": polaritas, "konvensi_negatif": "", "target": target,
           "realisasi": realisasi, "realisasi_komponen": NA, "pembilang": NA, "penyebut": NA,
           "predikat_komponen": None, "capaian": cp.capaian(realisasi, target, polaritas, **how),
           "capaian_komponen": NA, "metode_capaian": metode, "batas_capaian": batas, "target_atas": target_atas}
    row.update(extra)
    return pd.DataFrame([row])


def _status(iku, printed: str):
    value = float(printed.replace(".", "").replace(",", "."))
    cands = [c for c in iku_candidates(iku, 2023) if c["besaran"] == "capaian"]
    assert all(c["subjek"] == Subject.indicator("X") for c in cands)
    status, primary, (en, id_) = classify({"besaran": "capaian", "nilai": value, "teks": printed}, cands)
    return status, primary, en, id_


def test_match_percentages_without_sign():
    # Tanah Datar 2016, APM SD/MI: 92,22 / 90,89 = 101,4633 printed 101,46
    status, primary, en, _ = _status(_iku(90.89, 92.22), "101,46")
    assert (status, en) == ("match", "") and primary == pytest.approx(101.4633, abs=1e-4)


def test_rounding_ratio_rounded_before_times_100():
    # Tanah Datar 2015, persampahan: 11 of 15 nagari = 73,33; printed 73,30 = 0,733 × 100
    status, _, en, id_ = _status(_iku(15, 11, satuan="Nagari"), "73,30")
    assert status == "rounding" and "rounded to 3 decimals (0.733)" in en and "3 desimal" in id_


def test_mismatch_says_what_the_arithmetic_gives():
    # the same report's table prints 70,30 for that figure: nothing reproduces it
    status, primary, en, _ = _status(_iku(15, 11), "70,30")
    assert status == "mismatch" and "recomputed 73.33" in en and "printed target and realisation" in en


def test_cap_stated_in_the_definition_matches():
    # Kanwil DJPb Sulut 2023: index 4 of 3,25 = 123,08, capped at 120 (Kemenkeu)
    status, primary, _, _ = _status(_iku(3.25, 4.0, metode="R/T", batas=120.0), "120")
    assert (status, primary) == ("match", 120.0)


def test_cap_not_stated_is_named_as_the_method():
    status, primary, en, id_ = _status(_iku(3.25, 4.0), "120")
    assert status == "method" and primary == pytest.approx(123.0769, abs=1e-4)
    assert "capped at 120" in en and "dibatasi 120" in id_ and "batas_capaian" in en


def test_only_a_non_default_method_reproduces_it():
    # lower is better, T = 10, R = 8: the default 2T-R gives 120; a report printing 125 used T/R
    status, _, en, _ = _status(_iku(10, 8, "negatif"), "125")
    assert status == "method" and en.startswith("the method T / R × 100")
    assert "instead of the indicator's (2T − R)" in en
    status, _, _, _ = _status(_iku(10, 8, "negatif"), "120")
    assert status == "match"


def test_every_method_that_reproduces_it_is_named():
    # lower is better, T = 10, R = 5: R/T and (T-R)/T both give 50, the default 2T-R 150
    status, _, en, id_ = _status(_iku(10, 5, "negatif"), "50")
    assert status == "method" and "R / T × 100" in en and "(T − R) / T × 100" in en and "; or " in en
    assert "; or " in id_


def test_rounded_across_100_is_rounding():
    status, primary, en, _ = _status(_iku(100, 99.8), "100")
    assert status == "rounding" and "only because it was rounded" in en and primary == pytest.approx(99.8)


def test_range_target():
    assert _status(_iku(80, 85, target_atas=90.0), "100")[0] == "match"
    assert _status(_iku(80, 60, target_atas=90.0), "75")[0] == "match"
    # without the range rule (against the lower bound only) it would be 106,25
    assert _status(_iku(80, 85, target_atas=90.0), "106,25")[0] == "mismatch"


def test_components_stay_primary():
    # a figure whose components are stated is reconciled from them, as before (the seed's statuses)
    iku = _iku(0.08, 0.08, realisasi_komponen=0.0798, capaian_komponen=99.75, pembilang=23.0, penyebut=28822.0)
    status, primary, en, _ = _status(iku, "100")
    assert status == "rounding" and primary == 99.75 and "from its components" in en
