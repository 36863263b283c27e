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
