"""Break detection on made-up definition histories; change figures across and within breaks; the seed."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis import pipeline
from analysis.indicators import trends as tren
from conftest import SEED_AGENCY, SEED_YEAR


def defs(*versions):
    base = {"nama": "X", "pembilang": "a", "penyebut": "b", "komponen_pembilang": "a", "komponen_penyebut": "b",
            "satuan": "%", "polaritas": "positif", "faktor": 100.0, "kalimat_sumber": "s"}
    rows = [dict(base, kode_indikator=c, versi=v, berlaku_dari=f, berlaku_sampai=u, **kw)
            for c, v, f, u, kw in versions]
    return pd.DataFrame(rows).astype({"berlaku_sampai": "Int64"})


def test_no_change_no_break():
    assert tren.detect_breaks(defs(("X", 1, 2020, None, {}))).empty


def test_one_change():
    b = tren.detect_breaks(defs(("X", 1, 2020, 2022, {}),
                                ("X", 2, 2023, None, {"pembilang": "c", "komponen_pembilang": "c"})))
    assert len(b) == 1
    r = b.iloc[0]
    assert (r["jenis"], r["tahun_terakhir_lama"], r["tahun_pertama_baru"], r["yang_berubah"]) == \
        ("perubahan_rumus", 2022, 2023, "pembilang")


def test_polarity_change_is_a_break():
    b = tren.detect_breaks(defs(("X", 1, 2020, 2021, {}), ("X", 2, 2022, None, {"polaritas": "negatif"})))
    assert b.iloc[0]["yang_berubah"] == "polaritas"


def test_identical_new_version_is_not_a_break():
    assert tren.detect_breaks(defs(("X", 1, 2020, 2021, {}), ("X", 2, 2022, None, {}))).empty


def test_appear_disappear_and_gap():
    d = defs(("NEW", 1, 2023, None, {}), ("OLD", 1, 2020, 2022, {}),
             ("GAP", 1, 2020, 2020, {}), ("GAP", 2, 2023, None, {}))
    b = tren.detect_breaks(d, years=[2020, 2021, 2022, 2023, 2024])
    kinds = {(r["kode_indikator"], r["jenis"]) for _, r in b.iterrows()}
    assert kinds == {("NEW", "muncul"), ("OLD", "hilang"), ("GAP", "celah")}


def _series(values, versions):
    return pd.DataFrame({"kode_indikator": "X", "tahun": range(2020, 2020 + len(values)),
                         "versi": pd.array(versions, "Int64"), "realisasi": values, "realisasi_tepat": values,
                         "predikat": None, "sumber": "t"})


def test_changes_within_and_across_breaks():
    t = tren.build_trends(_series([10.0, 12.0, 3.0], [1, 1, 2])).set_index("tahun")
    assert t.loc[2021, "perubahan_tahunan_pp"] == pytest.approx(2.0)
    assert t.loc[2021, "perubahan_tahunan_persen"] == pytest.approx(20.0)
    assert bool(t.loc[2021, "sebanding_tahunan"]) is True
    assert bool(t.loc[2022, "sebanding_tahunan"]) is False and bool(t.loc[2022, "sebanding_sejak_awal"]) is False
    assert t.loc[2022, "perubahan_sejak_awal_persen"] == pytest.approx(-70.0)


def test_year_outside_every_definition_is_not_comparable():
    t = tren.build_trends(_series([10.0, 12.0, 13.0], [pd.NA, 1, 1])).set_index("tahun")
    assert bool(t.loc[2021, "sebanding_tahunan"]) is False and bool(t.loc[2022, "sebanding_tahunan"]) is True
    assert bool(t.loc[2022, "sebanding_sejak_awal"]) is False


def test_change_from_zero_has_no_percent():
    pp, pct = tren.change(0.0, 5.0)
    assert pp == 5.0 and math.isnan(pct)


def test_seed_breaks_and_trends(seed_run):
    tr = seed_run["tr"]
    assert list(tr.breaks["kode_indikator"]) == ["KB"]
    b = tr.breaks.iloc[0]
    assert (b["tahun_terakhir_lama"], b["tahun_pertama_baru"]) == (2023, 2024)
    t = tr.trends.set_index(["kode_indikator", "tahun"])
    assert bool(t.loc[("KB", 2023), "sebanding_tahunan"]) is True
    assert bool(t.loc[("KB", 2024), "sebanding_tahunan"]) is False
    assert all(bool(t.loc[(c, 2024), "sebanding_tahunan"]) for c in ("UKNK", "SAKIP"))
    assert t.loc[("KB", 2023), "perubahan_tahunan_pp"] == pytest.approx(29.33 - 29.79)
    assert t.loc[("SAKIP", 2024), "perubahan_sejak_awal_pp"] == pytest.approx(81.1 - 77.40)
    assert set(t.index.get_level_values("tahun")) == {2022, 2023, 2024}


def test_seed_gap_to_national_standard(seed_run):
    g = seed_run["tr"].gaps
    nat = g[(g["kode_indikator"] == "KB") & (g["jenis_target"] == "nasional")].iloc[0]
    iku = seed_run["ind"].iku.set_index("kode_indikator")
    need = math.ceil(nat["target"] / 100 * iku.loc["KB", "penyebut"])
    assert nat["dibutuhkan_unit"] == need and nat["kekurangan_unit"] == need - iku.loc["KB", "pembilang"]
    assert nat["kekurangan_unit"] == 151  # 10 % of 3.645 active = 365 healthy or fairly healthy; 214 now


def test_seed_decomposition_names_the_missing_figures(seed_run):
    d = seed_run["tr"].decomposition.iloc[0]
    assert not d["dapat_diurai"] and np.isnan(d["efek_rumus_pp"])
    assert "koperasi_rat_omzet_meningkat" in d["komponen_dibutuhkan"]


def test_decomposition_when_both_formulas_are_known(seed_run):
    tables = dict(seed_run["tables"])
    extra = pd.DataFrame({"kode_indikator": ["KB"], "komponen": ["koperasi_rat_omzet_meningkat"], "nilai": [1000.0]})
    komponen = pd.concat([tables["komponen_iku"][["kode_indikator", "komponen", "nilai"]], extra], ignore_index=True)
    d = tren.decompose(seed_run["tr"].breaks, seed_run["ind"].series, tables["definisi_indikator"], komponen,
                       2024).iloc[0]
    old_2024 = 1000 / 3645 * 100
    assert d["dapat_diurai"]
    assert d["efek_rumus_pp"] == pytest.approx(214 / 3645 * 100 - old_2024)
    assert d["efek_kinerja_pp"] == pytest.approx(old_2024 - 29.33)
    assert d["efek_rumus_pp"] + d["efek_kinerja_pp"] == pytest.approx(d["perubahan_pp"])


def _edit_seed(raw, file, old, new):
    p = raw / SEED_AGENCY / str(SEED_YEAR) / file
    text = p.read_text(encoding="utf-8")
    assert old in text, (file, old)
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_year_a_multi_year_table_prints_no_value_for_has_no_realisation(raw_copy):
    """'-' ("tidak tersedia data") or an empty year cell: that year is left out, never read as zero, and the
    printed progress is measured from the first year with a value."""
    _edit_seed(raw_copy, "realisasi_multi_tahun.csv", '"29,79%","29,33%"', '-,"29,33%"')
    _edit_seed(raw_copy, "realisasi_multi_tahun.csv", '"0,08%","0,33%"', ',"0,33%"')
    t = pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, raw_copy.parent / "processed").tables
    real = t["realisasi_tahunan"]
    years = {c: sorted(real.loc[real["kode_indikator"] == c, "tahun"]) for c in ("KB", "UKNK", "SAKIP")}
    assert years == {"KB": [2023, 2024], "UKNK": [2023, 2024], "SAKIP": [2022, 2023, 2024]}
    assert not real["realisasi"].eq(0).any()
    figs = t["reported_figures"]
    kb = figs[(figs["besaran"] == "kemajuan") & (figs["subjek"] == "KB")].iloc[0]
    assert (kb["tahun_dasar"], kb["tahun"]) == (2023, 2024)
