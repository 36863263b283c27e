"""Atomic writes: on any failure (a full disk) no temporary file is left, the previous output stays, and the
error names the file."""
import errno

import pandas as pd
import pytest

from analysis.atomic import WriteError, write_tables, write_text


def _disk_full(self, path, **kwargs):
    with open(path, "wb") as f:
        f.write(b"PAR1 half a table")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_temporary_file_and_names_the_table(tmp_path, monkeypatch):
    folder = tmp_path / "dinas" / "2024"
    write_tables(folder, {"iku": pd.DataFrame({"a": [1]})})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.setattr(pd.DataFrame, "to_parquet", _disk_full)
    with pytest.raises(WriteError) as e:
        write_tables(folder, {"iku": pd.DataFrame({"a": [2]}), "budget": pd.DataFrame({"b": [3]})})
    assert str(e.value) == f"could not write {folder / 'iku.parquet'}: No space left on device"
    assert e.value.errno == errno.ENOSPC and isinstance(e.value, OSError)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no .tmp, the old table intact


def test_write_text_names_the_file(tmp_path, monkeypatch):
    from pathlib import Path

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(WriteError, match=r"could not write .*summary\.json: No space left on device"):
        write_text(tmp_path / "summary.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_named(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    (tmp_path / "ro").mkdir(mode=0o500)
    with pytest.raises(WriteError, match="could not write .*ro/x.txt: Permission denied"):
        write_text(tmp_path / "ro" / "x.txt", "x")


@pytest.mark.parametrize("dtype", [object, "string"])
def test_a_line_break_inside_a_text_cell_stays_in_its_row_of_the_csv_copy(tmp_path, dtype):
    import csv

    # a lone CR (a line break typed in a workbook cell) and a CRLF inside a quoted raw cell: the csv module would
    # write the CR bare with LF line ends, and every reader would split the row there
    texts = ["baris satu\rbaris dua", "a\r\nb", "plain", None]
    df = pd.DataFrame({"kalimat": pd.Series(texts, dtype=dtype), "nilai": [1.5, 2.0, 3.25, 4.0]})
    write_tables(tmp_path, {"t": df})
    back = pd.read_csv(tmp_path / "t.csv", keep_default_na=True)
    assert back["kalimat"].tolist()[:3] == texts[:3] and pd.isna(back["kalimat"].iloc[3])
    assert back["nilai"].tolist() == df["nilai"].tolist()
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as f:
        assert len(list(csv.reader(f))) == 1 + len(df)


def test_a_table_without_carriage_returns_keeps_minimal_quoting(tmp_path):
    write_tables(tmp_path, {"t": pd.DataFrame({"a": ["x, y", "z"], "b": [1, 2]})})
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == 'a,b\n"x, y",1\nz,2\n'
