"""The build command on an agency-year that is a workbook alone: `python -m analysis template --from-raw`, then
`python -m analysis build` reads it with no manual conversion (clean_info.json names the sheets read), and
rebuilds when a cell of the workbook changes."""
import json
import shutil
import subprocess
import sys

import openpyxl
import pytest

from conftest import SEED_AGENCY, SEED_DIR, SEED_YEAR

pytestmark = pytest.mark.slow


def _run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, timeout=900)


def test_a_workbook_alone_builds_and_a_changed_cell_rebuilds(tmp_path):
    raw, proc, rep = tmp_path / "raw", tmp_path / "processed", tmp_path / "reports"
    folder = raw / SEED_AGENCY / str(SEED_YEAR)
    r = _run("template", "--agency", SEED_AGENCY, "--year", str(SEED_YEAR), "--from-raw", "--output",
             str(folder / "lkj.xlsx"))
    assert r.returncode == 0, r.stderr
    shutil.copy(SEED_DIR / "sumber.txt", folder)
    shutil.copy(SEED_DIR.parent / "definisi_indikator.csv", folder.parent)
    build = ["build", "--raw-root", str(raw), "--processed-root", str(proc), "--reports-root", str(rep), "--no-pdf",
             "--lang", "id"]
    r = _run(*build)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 built" in r.stdout
    info = json.loads((proc / SEED_AGENCY / str(SEED_YEAR) / "clean_info.json").read_text())
    assert {t["berkas"] for t in info["tables_read"]} >= {"lkj.xlsx#capaian_iku", "lkj.xlsx#realisasi_anggaran"}
    assert (rep / SEED_AGENCY / str(SEED_YEAR) / "report.html").exists()
    assert "0 built, 1 skipped" in _run(*build).stdout
    wb = openpyxl.load_workbook(folder / "lkj.xlsx")
    wb["capaian_iku"]["E2"] = "4,58 %"  # another target: the workbook changed, the build follows
    wb.save(folder / "lkj.xlsx")
    r = _run(*build)
    assert r.returncode == 0 and "1 built" in r.stdout, r.stdout + r.stderr
