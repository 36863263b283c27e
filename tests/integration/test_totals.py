"""Totals that hold in the source hold in the processed data (recomputed here from the tidy tables)."""
import re

from analysis.ingest import numbers
from analysis.ingest.raw import read_raw_csv
from conftest import SEED_DIR

SOURCE = (SEED_DIR / "sumber.txt").read_text(encoding="utf-8")


def _printed_total(file, column, key_col):
    header = (SEED_DIR / file).read_text(encoding="utf-8").splitlines()[0].strip().split(",")
    rows = read_raw_csv(SEED_DIR / file, [], tuple(header)).rows
    return next(r for r in rows if r[key_col].strip().upper() in ("TOTAL", "JUMLAH"))[column]


def test_programme_budgets_and_realisations_add_up(seed_run):
    ap = seed_run["tables"]["anggaran_program"]
    assert ap["anggaran"].sum() == numbers.parse_rupiah(_printed_total("realisasi_anggaran.csv", "anggaran", "no"))
    assert ap["realisasi"].sum() == numbers.parse_rupiah(_printed_total("realisasi_anggaran.csv", "realisasi", "no"))
    # the figures the source prints in its sentences
    stated = re.search(r"Total Alokasi Dana APBD sebesar (Rp\.[\d.]+,-)", SOURCE)[1]
    assert ap["anggaran"].sum() == numbers.parse_rupiah(stated)
    assert ap["realisasi"].sum() == 19882262551


def test_dau_plus_dak(seed_run):
    src = seed_run["tables"]["anggaran_program_sumber_dana"]
    stated = seed_run["tables"]["anggaran_sumber_dana"].set_index(["bagian", "sumber_dana"])
    for col in ("anggaran", "realisasi"):
        by = src.groupby("sumber_dana")[col].sum()
        part = stated.xs("III.B Realisasi Anggaran")
        assert by["DAU"] == part.loc["DAU", col] and by["DAK"] == part.loc["DAK", col]
        assert by["DAU"] + by["DAK"] == part.loc["APBD", col]
    # programmes 7 and 8: DAU + DAK = the programme's row in the budget table
    ap = seed_run["tables"]["anggaran_program"].set_index("program_no")
    for no in (7, 8):
        assert src[src["program_no"] == no]["anggaran"].sum() == ap.loc[no, "anggaran"]
        assert set(src[src["program_no"] == no]["sumber_dana"]) == {"DAU", "DAK"}


def test_performance_agreement_total_includes_apbn(seed_run):
    pk = seed_run["tables"]["pk_program"]
    assert pk["anggaran"].sum() == numbers.parse_rupiah(_printed_total("pk_program.csv", "anggaran", "program"))
    assert pk.loc[pk["sumber_anggaran"] == "APBN", "anggaran"].sum() == 2106246000


def test_staff_is_50_by_every_breakdown(seed_run):
    p = seed_run["tables"]["pegawai"]
    printed = int(_printed_total("pegawai.csv", "jumlah", "no"))
    assert printed == 50
    assert p["jumlah"].sum() == printed
    assert p.groupby("jenjang_pendidikan")["jumlah"].sum().sum() == printed
    assert p.groupby("jabatan")["jumlah"].sum().sum() == printed
    by_edu = p.groupby("jenjang_pendidikan")["jumlah"].sum().to_dict()
    assert by_edu == {"S.2": 9, "S.I": 28, "D.III": 6, "SLTA": 7}
    f = seed_run["tables"]["formasi_pegawai"]
    assert f["formasi"].sum() == int(_printed_total("formasi_pegawai.csv", "formasi", "no"))
    assert f["kebutuhan"].sum() == int(_printed_total("formasi_pegawai.csv", "kebutuhan", "no"))


def test_asset_conditions_add_up_to_quantity(seed_run):
    a, k = seed_run["tables"]["aset"], seed_run["tables"]["aset_kondisi"]
    per_item = k.groupby("aset_id")["jumlah"].sum()
    merged = a.set_index("aset_id")["jumlah"]
    assert (per_item.reindex(merged.index) == merged).all()
    kursi = a[a["nama_barang"] == "Kursi Susun"].iloc[0]
    kursi_k = k[k["aset_id"] == kursi["aset_id"]]
    assert dict(zip(kursi_k["kondisi"], kursi_k["jumlah"], strict=True)) == {"Baik": 88, "Rusak Berat": 10}
    assert set(a["kelompok"]) == {"Bangunan Kantor", "Kendaraan Dinas", "Perlengkapan dan Peralatan Kantor"}


def test_a_totals_row_is_recognised_by_one_rule_in_every_table(tmp_path):
    """``TOTAL`` and ``Jumlah`` (any case, ``Total :``) mark a totals row in every table kind: the seed with its
    budget tables' ``TOTAL`` printed ``Jumlah`` and its staff tables' ``Jumlah`` printed ``TOTAL`` cleans to the
    same tables and the same reported figures."""
    import shutil

    import pandas as pd

    from analysis.config import RAW_ROOT
    from analysis.ingest.cells import is_total_label
    from analysis.ingest.clean import clean_agency_year
    from conftest import SEED_AGENCY, SEED_YEAR

    assert all(is_total_label(x) for x in ("TOTAL", "Jumlah", "jumlah ", "Total :"))
    assert not any(is_total_label(x) for x in ("Jumlah Belanja", "Totalitas", "1.", "", None))
    assert is_total_label("Jumlah Belanja Langsung", whole=False)
    shutil.copytree(RAW_ROOT / SEED_AGENCY, tmp_path / SEED_AGENCY)
    year = tmp_path / SEED_AGENCY / str(SEED_YEAR)
    for name, old, new in (("realisasi_anggaran.csv", ",TOTAL,", ",Jumlah,"),
                           ("pk_program.csv", ",TOTAL,", ",Total :,"),
                           ("pegawai.csv", ",Jumlah,", ",TOTAL,"), ("formasi_pegawai.csv", ",Jumlah,", ",Total,")):
        text = (year / name).read_text(encoding="utf-8")
        assert text.count(old) == 1
        (year / name).write_text(text.replace(old, new), encoding="utf-8")
    changed = clean_agency_year(SEED_AGENCY, SEED_YEAR, tmp_path).tables
    seed = clean_agency_year(SEED_AGENCY, SEED_YEAR, RAW_ROOT).tables
    for name in ("anggaran_program", "pk_program", "pegawai", "formasi_pegawai"):
        pd.testing.assert_frame_equal(changed[name], seed[name], obj=name)
    figures = ["besaran", "subjek", "tahun", "nilai"]
    pd.testing.assert_frame_equal(changed["reported_figures"][figures], seed["reported_figures"][figures])
