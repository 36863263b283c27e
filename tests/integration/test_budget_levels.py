"""A real budget table with levels builds: Sumut Setda 2021, Tabel 19 (data/raw/sumut-setda), as printed.

The agency-year in data/raw is the transcript with only what the format needs: the table's header renamed to the
``realisasi_anggaran_rinci`` columns (every cell as printed), its kind and per-column style in the manifest,
the funding source in meta.csv (the page: "bersumber dari APBD"), and the definition's unprinted sasaran,
pembilang and polarity filled in (the page prints none of them). Tests change a scratch copy only.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import pipeline
from analysis.config import RAW_ROOT
from analysis.errors import DataError

TRANSCRIPT = RAW_ROOT / "sumut-setda"
TABLE = "realisasi_keuangan_sasaran_strategis.csv"
HEADER = ["baris_sumber", "no", "indikator", "uraian", "anggaran", "realisasi", "persen"]


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _scratch(root: Path, cakupan: str = "") -> Path:
    agency = root / "sumut-setda"
    shutil.copytree(TRANSCRIPT, agency)
    if cakupan:
        _rewrite(agency / "2021" / "manifest.csv", lambda rows: rows[1].__setitem__(rows[0].index("cakupan"), cakupan))
    return root


def _build(tmp_path: Path, cakupan: str = ""):
    raw = _scratch(tmp_path / "raw", cakupan)
    out = tmp_path / "processed"
    cleaned = pipeline.run_clean("sumut-setda", 2021, raw, out)
    ind = pipeline.run_indicators("sumut-setda", 2021, out)
    return cleaned, ind.reconciliation.set_index("subjek")


def test_cells_are_kept_as_printed():
    # the rows of the table are the source's lines 13-19, tab-separated cells as printed
    rows = list(csv.reader((TRANSCRIPT / "2021" / TABLE).open(encoding="utf-8")))
    assert rows[0] == HEADER
    source = (TRANSCRIPT / "2021" / "sumber.txt").read_text(encoding="utf-8").splitlines()
    for r in rows[1:]:
        printed = [c for c in source[int(r[0]) - 1].split("\t") if c]
        assert [c for c in r[1:] if c] == printed


def test_sumut_tabel_19_reconciles(tmp_path):
    cleaned, rec = _build(tmp_path)
    lines = cleaned.tables["anggaran_rinci"].set_index("jalur")
    assert list(lines["tingkat"]) == ["program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan",
                                      "sub_kegiatan", "sub_kegiatan", "total"]
    assert lines.loc["1.2.3", "uraian"] == "3.Sub Kegiatan Evaluasi Pelaksanaan"  # the printed label
    assert lines.loc["1", "asal"] == "dihitung" and int(lines.loc["1", "anggaran"]) == 1_743_400_365
    assert lines.loc["total", "asal"] == "dihitung" and pd.isna(lines.loc["total", "baris_raw"])
    assert set(lines["sumber_dana"]) == {"APBD"}
    program = rec.loc["rincian 1"]
    assert program["status"] == "method" and "plain (unweighted) mean" in program["explanation"]
    assert "88.92" in program["explanation"]
    wrong = rec.loc["rincian 1.2.3"]
    assert wrong["status"] == "mismatch" and "77.08" in wrong["explanation"]
    assert list(rec.loc[["rincian 1.1.1", "rincian 1.2.1", "rincian 1.2.2"], "status"]) == ["match"] * 3
    assert len(rec) == 5


def test_partial_table_is_never_summed_into_a_mismatch(tmp_path):
    cleaned, rec = _build(tmp_path, "sebagian")
    lines = cleaned.tables["anggaran_rinci"].set_index("jalur")
    assert pd.isna(lines.loc["1", "anggaran"]) and lines.loc["1", "cakupan"] == "sebagian"
    program = rec.loc["rincian 1"]
    assert program["status"] == "unverifiable" and "partial" in program["explanation"]
    assert rec.loc["rincian 1.2.3", "status"] == "mismatch"  # its own amounts are printed


@pytest.mark.parametrize("spec", ["id", "campuran"])
def test_one_style_for_the_table_is_refused_with_the_column_named(tmp_path, spec):
    raw = _scratch(tmp_path / "raw")
    _rewrite(raw / "sumut-setda" / "2021" / "manifest.csv", lambda rows: rows[1].__setitem__(5, spec))
    with pytest.raises(DataError) as e:
        pipeline.run_clean("sumut-setda", 2021, raw, tmp_path / "processed")
    cols = {p.column for p in e.value.problems}
    assert ("persen" in cols) if spec == "id" else ("gaya_angka" in cols)
