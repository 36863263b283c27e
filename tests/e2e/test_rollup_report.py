"""The national roll-up as a reader gets it: ``python -m analysis rollup`` on a generated set (40 agencies ×
3 years) runs notebooks/05-rollup.ipynb with papermill, and the page has every section, the synthetic banner
and the figures the roll-up computes; it is skipped when its inputs are unchanged and rebuilt when one changes."""
import html
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from analysis.rollup.rollup import roll_up
from analysis.synthetic_national import Rates, generate, slug

pytestmark = pytest.mark.slow
SECTIONS = ["ringkasan", "indikator", "serapan", "efisiensi", "rekonsiliasi", "definisi", "perubahan", "nasional",
            "metode"]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "rollup", *args], capture_output=True, text=True,
                          timeout=900, env={**__import__("os").environ, "SOURCE_DATE_EPOCH": "1700000000"})


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    base = tmp_path_factory.mktemp("rollup")
    proc, rep = base / "processed", base / "reports"
    planted = generate(proc, agencies=40, years=range(2022, 2025), seed=11, rates=Rates(error_rate=0.03))
    r = run("--processed-root", str(proc), "--reports-root", str(rep), "--no-pdf")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "national roll-up: built" in r.stdout
    return {"proc": proc, "rep": rep, "planted": planted}


def _text(page: str) -> str:
    page = re.sub(r"<(style|svg|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("name", ["rollup.html", "rollup.en.html"])
def test_the_page_has_every_section_and_says_it_is_synthetic(rolled, name):
    page = (rolled["rep"] / name).read_text(encoding="utf-8")
    for anchor in SECTIONS:
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page, anchor
    assert 'class="synthetic"' in page
    assert page.count("<img") >= 2  # the two charts, inline
    text = _text(page)
    word = "agency-years" if name.endswith(".en.html") else "instansi-tahun"
    assert f"40 {'agencies' if 'en' in name else 'instansi'}, 120 {word}" in text


def test_the_notebook_records_what_the_roll_up_computes(rolled):
    nb = json.loads((rolled["rep"] / "rollup" / "notebooks" / "05-rollup.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "results" in c.get("metadata", {}).get("tags", []))
    got = cell["outputs"][0]["data"]["application/json"]
    r = roll_up(rolled["proc"])
    assert got["findings"] == len(rolled["planted"]) == len(r["findings"])
    assert got["agency_years"] == 120 and got["agencies"] == 40
    assert got["below_standard"] == len(r["below_standard"]) and got["formula_changes"] == len(r["formula_changes"])
    # its tables are next to the page, and list the planted errors
    found = pd.read_csv(rolled["rep"] / "rollup" / "findings.csv")
    assert set(zip(found["agency"], found["tahun"], found["check"], strict=True)) == set(
        zip(rolled["planted"]["agency"], rolled["planted"]["tahun"], rolled["planted"]["check"], strict=True))
    page = (rolled["rep"] / "index.html").read_text(encoding="utf-8")
    assert 'href="rollup.html"' in page


def test_unchanged_inputs_skip_and_a_changed_table_rebuilds(rolled):
    args = ("--processed-root", str(rolled["proc"]), "--reports-root", str(rolled["rep"]), "--no-pdf")
    r = run(*args)
    assert r.returncode == 0 and "national roll-up: skipped" in r.stdout, r.stdout + r.stderr
    f = rolled["proc"] / slug(0) / "2024" / "anggaran_program.parquet"
    if not f.exists():
        f = rolled["proc"] / slug(1) / "2024" / "anggaran_program.parquet"
    df = pd.read_parquet(f)
    df.loc[0, "realisasi"] = df.loc[0, "realisasi"] - 1000
    df.to_parquet(f, index=False)
    r = run(*args)
    assert r.returncode == 0 and "national roll-up: built" in r.stdout, r.stdout + r.stderr


def test_a_selection_of_agencies_and_years(rolled, tmp_path):
    r = run("--processed-root", str(rolled["proc"]), "--reports-root", str(tmp_path), "--no-pdf", "--lang", "id",
            "--agency", slug(0), "--agency", slug(1), "--year", "2023")
    assert r.returncode == 0, r.stdout + r.stderr
    ay = pd.read_csv(tmp_path / "rollup" / "agency_years.csv")
    assert sorted(zip(ay["agency"], ay["tahun"], strict=True)) == [(slug(0), 2023), (slug(1), 2023)]
    assert not (tmp_path / "rollup.en.html").exists()
