"""The bad-input corpus (tests/bad_inputs/): every malformed table fails with a message naming file, row,
column and value (or, where the input is legitimately odd, succeeds with a warning the report shows);
data/raw is byte-identical afterwards and the last good processed output is intact."""
import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import pipeline
from analysis.config import RAW_ROOT
from analysis.errors import DataError
from conftest import SEED_AGENCY, SEED_YEAR, tree_digest

CORPUS = Path(__file__).parents[1] / "bad_inputs"
CASES = list(csv.DictReader(open(CORPUS / "cases.csv", encoding="utf-8")))


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A good processed output made once; each case starts from a copy of it."""
    base = tmp_path_factory.mktemp("good")
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, RAW_ROOT, base)
    pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, base)
    return base


def _run(raw, out):
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw, out)
    return pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, out)


def test_corpus_is_large_and_documented():
    assert len(CASES) >= 60
    for c in CASES:
        assert c["why"] and c["expect"] in ("fail", "warn", "ok")
        assert c["file"] or c["setup"], c["case"]  # a case changes files, or the test sets it up
        files, replaces = _split(c["file"]), _split(c["replaces"])
        assert len(files) == len(replaces) and all((CORPUS / f).exists() for f in files), c["case"]


def _split(cell):
    return [x for x in cell.split(";") if x]


def _setup(kind, raw, tmp_path):
    """The cases that are not a file: links, stray folders, an unlisted file."""
    year = raw / SEED_AGENCY / str(SEED_YEAR)
    if kind == "symlink_year":
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        shutil.move(year, elsewhere / str(SEED_YEAR))
        year.symlink_to(elsewhere / str(SEED_YEAR), target_is_directory=True)
    elif kind == "symlink_file":
        outside = tmp_path / "outside.csv"
        outside.write_text("SECRET-FIRST-LINE,of a file outside data/raw\n", encoding="utf-8")
        (year / "realisasi_anggaran.csv").unlink()
        (year / "realisasi_anggaran.csv").symlink_to(outside)
    elif kind == "stray_folders":
        (raw / SEED_AGENCY / "2O24").mkdir()
        shutil.copyfile(year / "manifest.csv", raw / SEED_AGENCY / "2O24" / "manifest.csv")
        (raw / "Kalbar-Diskumkm" / "2024").mkdir(parents=True)
    elif kind == "extra_csv":
        shutil.copyfile(year / "realisasi_anggaran.csv", year / "catatan_lama.csv")
    elif kind:
        raise AssertionError(f"unknown setup {kind!r}")


def _fragments(c):
    return [f for f in c["fragment"].split(" | ") if f]


@pytest.mark.parametrize("c", CASES, ids=[c["case"] for c in CASES])
def test_corpus_case(c, tmp_path, good):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    for f, rel in zip(_split(c["file"]), _split(c["replaces"]), strict=True):
        shutil.copyfile(CORPUS / f, raw / SEED_AGENCY / rel)
    _setup(c["setup"], raw, tmp_path)
    out = tmp_path / "processed"
    shutil.copytree(good, out)
    raw_before, out_before = tree_digest(raw), tree_digest(out)
    folder = out / SEED_AGENCY / str(SEED_YEAR)
    if c["expect"] == "ok":
        _run(raw, out)
        held = (folder / c["in_file"]).read_text(encoding="utf-8")
        assert all(f in held for f in _fragments(c)), held
    elif c["expect"] == "warn":
        _run(raw, out)
        warnings = (folder / "warnings.csv").read_text(encoding="utf-8")
        assert c["value"] in warnings, warnings
        assert all(f in warnings for f in _fragments(c)), warnings
    else:
        with pytest.raises(DataError) as e:
            _run(raw, out)
        msg = str(e.value)
        blamed = c["in_file"] or Path(_split(c["replaces"])[0]).name
        hits = [p for p in e.value.problems if p.file.endswith(blamed) or p.file.endswith(Path(blamed).stem)]
        assert hits, msg
        if c["column"]:
            hits = [p for p in hits if p.column == c["column"]]
            assert hits, msg
        if c["value"]:
            hits = [p for p in hits if c["value"] in (p.value or "") or c["value"] in p.expected]
            assert hits, msg
        if c["line"]:
            assert any(p.row == int(c["line"]) for p in hits), msg
            assert f"line {c['line']}" in msg
        if c["column"] and c["value"] and c["step"] == "clean":
            assert any(p.row is not None for p in hits), msg
        for fragment in _fragments(c):
            assert fragment in msg, (fragment, msg)
        assert re.search(r"expected ", msg)
        assert "SECRET" not in msg  # a linked file is never opened, so never echoed
        # a failed run leaves the last good output exactly as it was
        assert tree_digest(out) == out_before
    assert tree_digest(raw) == raw_before  # raw is never written


def test_fifty_megabyte_file_is_refused(tmp_path, good):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    big = raw / SEED_AGENCY / str(SEED_YEAR) / "realisasi_anggaran.csv"
    line = "651,1.,Penunjang Urusan Pemerintah Daerah Provinsi,12.151.893.026,11.477.324.309,\"94,45\"\n"
    with open(big, "a", encoding="utf-8") as f:
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    out = tmp_path / "processed"
    shutil.copytree(good, out)
    before = tree_digest(out)
    with pytest.raises(DataError) as e:
        pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw, out)
    assert "realisasi_anggaran.csv" in str(e.value) and "under 5 MB" in str(e.value)
    assert tree_digest(out) == before


@pytest.mark.parametrize("agency", ["../../etc", "..", "a/b", "Kalbar", ""])
def test_path_parameters_are_refused(agency, tmp_path):
    with pytest.raises(DataError) as e:
        pipeline.run_clean(agency, SEED_YEAR, RAW_ROOT, tmp_path)
    assert e.value.problems[0].column == "agency" and not any(tmp_path.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize("case", ["letter_o_for_zero", "overlapping_definitions", "non_utf8_encoding"])
def test_build_command_keeps_last_good_report(case, tmp_path):
    """Through `python -m analysis build`: exit 1, the message names the problem, the previous report stays."""
    c = next(c for c in CASES if c["case"] == case)
    raw, out, rep = tmp_path / "raw", tmp_path / "processed", tmp_path / "reports"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    shutil.copyfile(CORPUS / c["file"], raw / SEED_AGENCY / c["replaces"])
    last_good = rep / SEED_AGENCY / str(SEED_YEAR)
    last_good.mkdir(parents=True)
    (last_good / "report.html").write_text("<p>last good report</p>")
    before = tree_digest(rep)
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root", str(out),
                        "--reports-root", str(rep), "--no-pdf"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stdout + r.stderr
    assert Path(c["replaces"]).name in r.stderr and "01-clean.ipynb" in r.stderr
    after = tree_digest(rep)
    assert after["kalbar-diskumkm/2024/report.html"] == before["kalbar-diskumkm/2024/report.html"]


# ",00" decimals are whole rupiah too
VALID_ID_AMOUNT = re.compile(r"^(Rp\.?\s*)?([1-9]\d{0,2}(\.\d{3})*|\d+)(,0+)?(,-)?$")


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.text(alphabet="0123456789.,%O l-Rp", min_size=0, max_size=16))
def test_random_malformed_cells_are_named(cell, tmp_path_factory, good):
    """Property: any cell that is not an Indonesian-style whole amount stops the run, named by line, column
    and value; raw and the last good output are untouched."""
    if VALID_ID_AMOUNT.match(cell.strip()):
        return  # a well-formed amount (it may still break the TOTAL check; not this test's subject)
    tmp = tmp_path_factory.mktemp("prop")
    raw = tmp / "raw"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    f = raw / SEED_AGENCY / str(SEED_YEAR) / "realisasi_anggaran.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    cells = next(csv.reader([lines[2]]))
    cells[3] = cell  # the 'anggaran' cell of programme 2
    import io
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(cells)
    lines[2] = buf.getvalue()
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp / "processed"
    shutil.copytree(good, out)
    raw_before, out_before = tree_digest(raw), tree_digest(out)
    with pytest.raises(DataError) as e:
        pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw, out)
    assert any(p.row == 3 and p.column == "anggaran" and p.value == cell.strip()
               for p in e.value.problems), str(e.value)
    assert tree_digest(raw) == raw_before and tree_digest(out) == out_before
    shutil.rmtree(tmp)
