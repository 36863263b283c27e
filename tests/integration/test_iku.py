"""The seed's IKU recomputed from raw components."""
import pytest

from analysis.ingest import numbers
from analysis.ingest.raw import read_raw_csv
from conftest import SEED_DIR


def _komponen():
    rows = read_raw_csv(SEED_DIR / "komponen_iku.csv", ["kode_indikator", "komponen", "nilai"],
                        ("baris_sumber", "satuan", "kalimat")).rows
    return {r["komponen"]: numbers.parse_percent(r["nilai"]) if "%" in r["nilai"] else numbers.parse_number(r["nilai"])
            for r in rows}


def test_realisation_from_components(seed_run):
    k = _komponen()
    iku = seed_run["ind"].iku.set_index("kode_indikator")
    kb = ((k["koperasi_sehat_cukup_sehat_provinsi"] + k["koperasi_sehat_cukup_sehat_kabkota"])
          / k["koperasi_aktif"] * 100)
    assert iku.loc["KB", "realisasi_komponen"] == pytest.approx(kb)
    assert iku.loc["KB", "pembilang"] == k["koperasi_sehat_cukup_sehat"]  # 99 + 115 = 214 as stated
    assert round(kb, 2) == iku.loc["KB", "realisasi"]                    # 5,87 %
    uk = k["usaha_kecil_naik_kelas"] / k["jumlah_usaha_kecil"] * 100
    assert iku.loc["UKNK", "realisasi_komponen"] == pytest.approx(uk)
    assert iku.loc["KB", "capaian_komponen"] == pytest.approx(kb / iku.loc["KB", "target"] * 100)
    assert iku.loc["UKNK", "capaian_komponen"] < 100 <= iku.loc["UKNK", "capaian"]  # 99,75 vs 100


def test_graded_indicator_from_score(seed_run):
    iku = seed_run["ind"].iku.set_index("kode_indikator")
    assert iku.loc["SAKIP", "realisasi_komponen"] == _komponen()["nilai_sakip"]
    assert iku.loc["SAKIP", "predikat_komponen"] == "A" == iku.loc["SAKIP", "realisasi_predikat"]
    assert iku.loc["SAKIP", "capaian"] == 100


def test_goal_and_overall_achievement(seed_run):
    iku, s = seed_run["ind"].iku, seed_run["ind"].sasaran
    overall = s[s["sasaran_no"].isna()].iloc[0]
    assert overall["capaian"] == pytest.approx(iku["capaian_komponen"].mean())
    assert round(overall["capaian_dari_dilaporkan"]) == 109
    assert list(s["sasaran_no"].dropna()) == [1, 2, 3]
