"""The national roll-up on a generated set (40 agencies × 3 years): it finds every printed error planted and
nothing else, never pools two definitions of one code, and its comparisons follow from the tables."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis.ingest.schemas import SCHEMAS
from analysis.rollup.load import ENGINES, agency_years, load
from analysis.rollup.rollup import roll_up, selection
from analysis.synthetic_national import Rates, generate, slug

YEARS = range(2022, 2025)


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    root = tmp_path_factory.mktemp("national")
    planted = generate(root, agencies=40, years=YEARS, seed=7, rates=Rates(error_rate=0.05))
    return root, planted, roll_up(root)


def test_every_planted_error_is_found_and_nothing_else(national):
    root, planted, r = national
    assert len(planted) >= 20 and set(planted["kind"]) == {"realisasi", "capaian", "serapan", "capaian_rata_rata"}
    want = set(zip(planted["agency"], planted["tahun"], planted["check"], strict=True))
    got = set(zip(r["findings"]["agency"], r["findings"]["tahun"], r["findings"]["check"], strict=True))
    assert want - got == set(), "planted errors the roll-up missed (recall below 1.0)"
    assert got - want == set(), "figures flagged that were printed right"
    # the printed value is the planted one, the recomputation the correct one
    both = planted.merge(r["findings"], on=["agency", "tahun", "check"])
    assert np.allclose(both["printed"], both["reported"])
    assert (both["kind_x"] == both["kind_y"]).all()


def test_the_set_is_synthetic_deterministic_and_in_the_processed_schemas(national, tmp_path):
    root, planted, r = national
    assert r["agency_years"]["sintetis"].all() and (root / "SYNTHETIC.md").exists()
    again = generate(tmp_path, agencies=40, years=YEARS, seed=7, rates=Rates(error_rate=0.05))
    pd.testing.assert_frame_equal(planted, again)
    for table in ("definisi_indikator", "capaian_iku", "komponen_iku", "anggaran_program", "reported_figures"):
        a = pd.read_parquet(root / slug(3) / "2023" / f"{table}.parquet")
        pd.testing.assert_frame_equal(a, pd.read_parquet(tmp_path / slug(3) / "2023" / f"{table}.parquet"))
        SCHEMAS[table].validate(a)  # the pipeline's own schemas (strict: no column more or less)
    levels = sorted(root.glob("*/*/anggaran_rinci.parquet"))  # budgets printed by levels: some agency-years
    assert levels and all(not (p.parent / "anggaran_program.parquet").exists() for p in levels)
    SCHEMAS["anggaran_rinci"].validate(pd.read_parquet(levels[0]))
    assert len(agency_years(root)) == 120


def test_missing_table_kinds_and_printed_only_years_are_rolled_up(national):
    root, _, r = national
    budgets = ("anggaran_program", "anggaran_rinci")
    no_budget = [(a, y) for a, y in agency_years(root)
                 if not any((root / a / str(y) / f"{t}.parquet").exists() for t in budgets)]
    printed_only = [(a, y) for a, y in agency_years(root) if not (root / a / str(y) / "komponen_iku.parquet").exists()]
    assert no_budget and printed_only  # the set has both kinds of gap
    ay = r["agency_years"].set_index(["agency", "tahun"])
    assert ay.loc[no_budget, "serapan"].isna().all() and ay.loc[no_budget, "capaian_rata_rata"].notna().all()
    # a budget printed by levels: the absorption of its top level (the programmes), its kegiatan not counted twice
    for p in sorted(root.glob("*/*/anggaran_rinci.parquet")):
        levels = pd.read_parquet(p)
        top = levels[levels["kedalaman"] == 1]
        assert levels["anggaran"].sum() == 2 * top["anggaran"].sum()
        key = (p.parent.parent.name, int(p.parent.name))
        assert ay.loc[key, "serapan"] == pytest.approx(top["realisasi"].sum() / top["anggaran"].sum() * 100)
    rec = r["reconciliation"].set_index(["agency", "tahun"])
    # a printed-only agency-year: its capaian are checked, its realisations cannot be
    assert not rec.loc[printed_only, "check"].str.startswith("realisasi").any()
    assert rec.loc[printed_only, "check"].str.startswith("capaian ").any()


def _two_formulas(root):
    """Three agencies, one of which divides KSEHAT by registered instead of active cooperatives."""
    generate(root, agencies=3, years=[2024], seed=1, rates=Rates(error_rate=0, formula_change=0, variant=0,
                                                                   no_budget=0, no_components=0, no_national=0))
    odd = root / slug(2) / "2024"
    d = pd.read_parquet(odd / "definisi_indikator.parquet")
    d.loc[d["kode_indikator"] == "KSEHAT", ["komponen_penyebut", "penyebut"]] = ["koperasi_terdaftar",
                                                                                  "Jumlah koperasi terdaftar"]
    d.to_parquet(odd / "definisi_indikator.parquet", index=False)
    k = pd.read_parquet(odd / "komponen_iku.parquet")
    registered = k[(k["kode_indikator"] == "KAKTIF") & (k["komponen"] == "koperasi_terdaftar")].assign(
        kode_indikator="KSEHAT")
    pd.concat([k, registered], ignore_index=True).to_parquet(odd / "komponen_iku.parquet", index=False)
    return slug(2)


def test_two_agencies_with_one_code_and_two_formulas_are_never_pooled(tmp_path):
    odd = _two_formulas(tmp_path)
    r = roll_up(tmp_path)
    ks = r["iku"][r["iku"]["kode_indikator"] == "KSEHAT"]
    assert ks["variant"].nunique() == 2
    odd_variant = ks.loc[ks["agency"] == odd, "variant"].iloc[0]
    dist = r["distributions"][r["distributions"]["kode_indikator"] == "KSEHAT"]
    assert list(dist["variant"]) != [odd_variant] and odd_variant not in set(dist["variant"])
    same = ks[ks["agency"] != odd]
    assert dist["instansi"].tolist() == [2]
    assert dist["realisasi_median"].iloc[0] == pytest.approx(same["realisasi"].median())
    listed = r["variants"][r["variants"]["kode_indikator"] == "KSEHAT"].set_index("variant")
    assert listed.loc[odd_variant, "daftar_instansi"] == odd and listed.loc[odd_variant, "instansi"] == 1
    assert "terdaftar" in listed.loc[odd_variant, "penyebut"]


def test_formula_changes_say_who_changed_what_when(tmp_path):
    generate(tmp_path, agencies=6, years=YEARS, seed=2, rates=Rates(formula_change=1.0))
    r = roll_up(tmp_path)
    c = r["formula_changes"]
    assert sorted(c["agency"]) == [slug(i) for i in range(6)] and set(c["kode_indikator"]) == {"KSEHAT"}
    for _, x in c.iterrows():
        d = pd.read_parquet(tmp_path / x["agency"] / "2024" / "definisi_indikator.parquet")
        v2 = d[(d["kode_indikator"] == "KSEHAT") & (d["versi"] == 2)].iloc[0]
        assert x["tahun_pertama_baru"] == v2["berlaku_dari"] and x["yang_berubah"] == "komponen_pembilang"


def test_below_the_national_standard_in_units(national):
    _, _, r = national
    b = r["below_standard"]
    assert len(b) and ((b["selisih_pp"] < 0) | (b["polaritas"] == "negatif")).all()
    for _, x in b.head(20).iterrows():
        exact = x["target_nasional"] * x["penyebut"] / 100
        if x["polaritas"] == "negatif":
            assert x["kekurangan_unit"] == x["pembilang"] - math.floor(exact + 1e-9)
        else:
            assert x["kekurangan_unit"] == math.ceil(exact - 1e-9) - x["pembilang"] > 0


def test_absorption_and_efficiency_follow_from_the_budget_tables(national):
    root, _, r = national
    a, y = slug(5), 2023
    ap = pd.read_parquet(root / a / str(y) / "anggaran_program.parquet")
    ay = r["agency_years"].set_index(["agency", "tahun"]).loc[(a, y)]
    assert ay["serapan"] == pytest.approx(ap["realisasi"].sum() / ap["anggaran"].sum() * 100)
    eff = r["efficiency"].set_index(["agency", "tahun", "metode"])["efisiensi"]
    assert eff[(a, y, "rasio")] == pytest.approx(ay["capaian_rata_rata"] / ay["serapan"])
    assert eff[(a, y, "selisih_tertimbang")] == pytest.approx(ay["capaian_rata_rata"] - ay["serapan"])


def test_the_three_engines_read_the_same_tables(national):
    root, _, _ = national
    items = agency_years(root, agencies=[slug(i) for i in range(5)])
    frames = {e: load(root, items, e) for e in ENGINES}
    for table, df in frames["pyarrow"].items():
        assert len(df)
        for e in ("pandas", "dask"):
            pd.testing.assert_frame_equal(df, frames[e][table], check_dtype=False)


def test_selection():
    assert selection(None, None) == (None, None)
    assert selection("a, b", "2022-2024") == (["a", "b"], [2022, 2023, 2024])
    assert selection("a", "2021,2024") == (["a"], [2021, 2024])
