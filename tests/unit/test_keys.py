"""Row keys: every table kind declares one; a duplicated row is named with both lines and its key as printed;
a name two definitions share is refused."""
from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import Collector, DataError
from analysis.ingest.cleaners import CLEANERS, KEYS
from analysis.ingest.definitions import DEFINITION_COLUMNS, name_index, read_definitions
from analysis.ingest.keys import Key, check_key, key_value
from analysis.ingest.raw import RawTable


def _table(rows: list[dict]) -> RawTable:
    return RawTable("efisiensi", Path("agency/2024/efisiensi.csv"), list(rows[0]),
                    [dict(r, _line=i) for i, r in enumerate(rows, start=2)])


def test_every_table_kind_declares_a_key_of_its_own_columns():
    assert set(KEYS) == set(CLEANERS)
    for kind, key in KEYS.items():
        assert key.columns and key.printed and key.what, kind
        assert set(key.printed) <= set(CLEANERS[kind][0]), kind  # printed cells are raw columns


def test_key_values_compare_as_a_reader_would():
    assert key_value("3. Pengawasan Dan Pemeriksaan Koperasi") == key_value("Pengawasan dan Pemeriksaan  Koperasi")
    assert key_value(None) is None and key_value(float("nan")) is None
    assert key_value(7) == 7


def test_a_duplicated_row_names_both_lines_and_the_key_as_printed():
    t = _table([{"program": "1. Penunjang"}, {"program": "2. Pelayanan"}, {"program": "2. Pelayanan"}])
    records = [{"program": "Penunjang", "baris_raw": 2}, {"program": "Pelayanan", "baris_raw": 3},
               {"program": "Pelayanan", "baris_raw": 4}]
    col = Collector()
    check_key(Key(("program",), ("program",), "programme", "efisiensi_dilaporkan"), records, t, col)
    (p,) = col.problems
    assert (p.file, p.row, p.column, p.value) == ("agency/2024/efisiensi.csv", 4, "program", "2. Pelayanan")
    assert "line 3 has the same key (2. Pelayanan)" in p.expected and "count twice" in p.expected


def test_rows_with_a_bad_cell_and_records_of_one_row_are_not_compared():
    t = _table([{"program": "X"}, {"program": "Y"}])
    records = [{"program": None, "baris_raw": 2}, {"program": None, "baris_raw": 3},
               {"program": "Y", "baris_raw": 3}, {"program": "Y", "baris_raw": 3}]
    col = Collector()
    col.add(t.label, 2, "program", "X", "something")
    check_key(Key(("program",), ("program",), "programme"), records, t, col)
    assert len(col.problems) == 1  # only the bad cell: no duplicate made of its None, none within line 3


def test_the_derived_part_of_a_key_is_named():
    t = _table([{"no": "1", "nama_barang": "Meja"}, {"no": "1", "nama_barang": "Meja"}])
    records = [{"kelompok": "A", "no": 1, "nama_barang": "Meja", "baris_raw": 2},
               {"kelompok": "A", "no": 1, "nama_barang": "Meja", "baris_raw": 3}]
    col = Collector()
    check_key(Key(("kelompok", "no", "nama_barang"), ("no", "nama_barang"), "asset of a group"), records, t, col)
    assert col.problems[0].value == "1 / Meja" and "kelompok A" in col.problems[0].expected


def _definitions(tmp_path, rows) -> Path:
    base = {c: "" for c in DEFINITION_COLUMNS}
    base.update(versi="1", berlaku_dari="2022", sasaran_no="1", sasaran="S", pembilang="p", faktor="100",
                satuan="%", polaritas="positif", laporan_tahun="2024", kalimat_sumber="k")
    path = tmp_path / "definisi_indikator.csv"
    pd.DataFrame([dict(base, **r) for r in rows], columns=DEFINITION_COLUMNS).to_csv(path, index=False)
    return path


def test_a_name_two_definitions_share_is_refused(tmp_path):
    path = _definitions(tmp_path, [{"kode_indikator": "KB", "nama": "Koperasi Berkualitas"},
                                   {"kode_indikator": "KS", "nama": "Koperasi Sehat",
                                    "nama_lain": "Koperasi Lain|Koperasi berkualitas"}])
    with pytest.raises(DataError) as e:
        read_definitions(path)
    (p,) = e.value.problems
    assert (p.row, p.column, p.value) == (3, "nama_lain", "Koperasi berkualitas")
    assert "also KB's nama on line 2" in p.expected


def test_collected_definitions_keep_their_good_rows(tmp_path):
    path = _definitions(tmp_path, [{"kode_indikator": "KB", "nama": "Koperasi Berkualitas"},
                                   {"kode_indikator": "KS", "nama": "Koperasi Sehat", "polaritas": "naik"}])
    col = Collector()
    df = read_definitions(path, col)
    assert list(df["kode_indikator"]) == ["KB"] and [p.column for p in col.problems] == ["polaritas"]
    index = name_index(df)
    assert index["koperasi berkualitas"] == {"KB": (2, "nama", "Koperasi Berkualitas")} and "kb" in index
