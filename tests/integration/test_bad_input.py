"""Malformed input stops the run with one message naming every problem; raw is never written and the
last good processed output stays."""
import subprocess
import sys

import pytest

from analysis import pipeline
from analysis.errors import DataError
from conftest import SEED_AGENCY, SEED_YEAR, tree_digest


def _edit(raw, file, old, new, count=1):
    p = raw / SEED_AGENCY / str(SEED_YEAR) / file
    text = p.read_text(encoding="utf-8")
    assert old in text, (file, old)
    p.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def good_output(raw_copy, tmp_path):
    """A good run first, so that we can prove a failed run leaves it as it was."""
    out = tmp_path / "processed"
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, out)
    return out


CASES = [
    ("O for 0 in rupiah", "realisasi_anggaran.csv", "12.151.893.026", "12.151.893.O26", "anggaran", "12.151.893.O26"),
    ("stray %%", "perjanjian_kinerja.csv", '"4,57 %"', '"4,57%%"', "target", "4,57%%"),
    ("unknown grade", "capaian_iku.csv", "Perangkat Daerah,A,A,100", "Perangkat Daerah,A+,A,100", "target", "A+"),
    # a funding source is any name the data gives (issue 11); an empty one is still refused
    ("funding source left empty", "anggaran_program_sumber_dana.csv", ",DAK Non Fisik,", ",,", "sumber_dana", ""),
    ("total does not add up", "realisasi_anggaran.csv", "TOTAL,,20.674.821.126", "TOTAL,,20.674.821.127", "anggaran",
     "20.674.821.127"),
    ("staff total does not add up", "pegawai.csv", "Jumlah,,50,,1,3,-,21,20,5,50", "Jumlah,,50,,1,3,-,21,20,5,51",
     "jumlah", "51"),
    ("asset condition does not add up", "aset.csv", "88 Baik, 10 Rusak Berat", "88 Baik, 11 Rusak Berat", "kondisi",
     "88 Baik, 11 Rusak Berat"),
    ("unknown asset condition", "aset.csv", "1 Baik, 1 Rusak Berat", "1 Baik, 1 Hilang", "kondisi", "1 Baik, 1 Hilang"),
    ("percentage over 1000", "realisasi_anggaran.csv", '"94,45"', '"9.445"', "persen", "9.445"),
]


@pytest.mark.parametrize("name, file, old, new, column, value", CASES, ids=[c[0] for c in CASES])
def test_bad_cell_is_named(name, file, old, new, column, value, raw_copy, good_output):
    _edit(raw_copy, file, old, new)
    raw_before = tree_digest(raw_copy)
    out_before = tree_digest(good_output)
    with pytest.raises(DataError) as e:
        pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, good_output)
    msg = str(e.value)
    hits = [p for p in e.value.problems if p.file.endswith(file) and p.column == column and p.value == value]
    assert hits, msg
    assert hits[0].row is not None and f"line {hits[0].row}" in msg and value in msg
    assert tree_digest(raw_copy) == raw_before          # raw is never written
    assert tree_digest(good_output) == out_before       # the last good output is intact


def test_missing_column(raw_copy, good_output):
    p = raw_copy / SEED_AGENCY / str(SEED_YEAR) / "realisasi_anggaran.csv"
    lines = p.read_text(encoding="utf-8").splitlines()
    lines[0] = ",".join(lines[0].split(",")[:-1])
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError) as e:
        pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, good_output)
    assert any(pr.column == "persen" and "missing" in pr.expected for pr in e.value.problems)


def test_every_problem_of_a_table_in_one_message(raw_copy, good_output):
    _edit(raw_copy, "realisasi_anggaran.csv", "216.181.400", "216.181.4OO")
    _edit(raw_copy, "realisasi_anggaran.csv", '"99,40"', '"99,40%%"')
    _edit(raw_copy, "capaian_iku.csv", "Perangkat Daerah,A,A,100", "Perangkat Daerah,Z,A,100")
    with pytest.raises(DataError) as e:
        pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, good_output)
    values = {p.value for p in e.value.problems}
    assert {"216.181.4OO", "99,40%%", "Z"} <= values
    assert str(e.value).startswith(f"{len(e.value.problems)} problems")


def test_cli_exits_nonzero_and_keeps_previous_report(raw_copy, tmp_path):
    """Through the build command: the bad agency-year fails with its notebook, cell and error."""
    out, rep = tmp_path / "processed", tmp_path / "reports"
    _edit(raw_copy, "realisasi_anggaran.csv", "12.151.893.026", "12.151.893.O26")
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw_copy), "--processed-root",
                        str(out), "--reports-root", str(rep), "--no-pdf"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 1
    assert "01-clean.ipynb" in r.stderr and "12.151.893.O26" in r.stderr and "FAILED" in r.stderr
    assert not (rep / SEED_AGENCY / str(SEED_YEAR) / "report.html").exists()


def test_path_parameter_cannot_escape(tmp_path):
    with pytest.raises(DataError) as e:
        pipeline.run_clean("../../etc", 2024, tmp_path, tmp_path)
    assert "agency" in str(e.value)
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--agency", "../../etc", "--no-pdf"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "agency" in r.stderr
