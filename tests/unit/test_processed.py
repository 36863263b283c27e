"""load_processed reads a table again only when its file changed, and never hands out the cached frame."""
import pandas as pd

from analysis import processed
from analysis.atomic import write_tables


def test_a_rewritten_table_is_read_again(tmp_path):
    folder = tmp_path / "dinas" / "2024"
    write_tables(folder, {"iku": pd.DataFrame({"kode_indikator": ["KB"], "realisasi": [5.87]})})
    assert processed.load_processed("dinas", 2024, tmp_path)["iku"]["realisasi"].tolist() == [5.87]
    write_tables(folder, {"iku": pd.DataFrame({"kode_indikator": ["KB"], "realisasi": [29.33]})})
    assert processed.load_processed("dinas", 2024, tmp_path)["iku"]["realisasi"].tolist() == [29.33]


def test_changing_a_loaded_table_does_not_change_the_next_load(tmp_path):
    write_tables(tmp_path / "dinas" / "2024", {"iku": pd.DataFrame({"kode_indikator": ["KB"], "realisasi": [5.87]})})
    first = processed.load_processed("dinas", 2024, tmp_path)["iku"]
    first.loc[0, "realisasi"] = 0.0
    first["baru"] = 1
    again = processed.load_processed("dinas", 2024, tmp_path)["iku"]
    assert again["realisasi"].tolist() == [5.87] and "baru" not in again.columns


def test_only_the_latest_folder_is_kept(tmp_path):
    for year in (2023, 2024):
        write_tables(tmp_path / "dinas" / str(year), {"iku": pd.DataFrame({"tahun": [year]})})
        assert processed.load_processed("dinas", year, tmp_path)["iku"]["tahun"].tolist() == [year]
    assert {p.parent.name for p in processed._READ} == {"2024"}
