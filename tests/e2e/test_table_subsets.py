"""Every table kind is optional: the seed's tables in subsets (a scratch copy with a reduced manifest.csv, meta.csv
unchanged) each build to HTML, show the sections their tables allow, name in one line what is not computed, and
never print a missing value as text."""
import csv
import html
import json
import re
import shutil
import subprocess
import sys

import pytest

from analysis.config import RAW_ROOT
from conftest import SEED_AGENCY, SEED_YEAR

pytestmark = pytest.mark.slow

ALL = {"ringkasan", "indikator", "anggaran", "tren", "rekonsiliasi", "sumber_daya", "glosarium", "provenans"}
#: agency folder -> (table kinds kept, report sections expected, the start of each note expected in the summary)
SUBSETS = {
    "iku-saja": ({"capaian_iku"}, {"indikator"}, ["tabel anggaran", "realisasi tahun-tahun sebelumnya"]),
    "iku-komponen": ({"capaian_iku", "komponen_iku"}, {"indikator"}, ["tabel anggaran"]),
    "realisasi-anggaran": ({"realisasi_anggaran"}, {"anggaran"}, ["tabel capaian IKU"]),
    "pk-saja": ({"pk_program"}, {"anggaran"}, ["tabel capaian IKU", "tabel realisasi anggaran"]),
    "iku-anggaran": ({"capaian_iku", "komponen_iku", "realisasi_anggaran"}, {"indikator", "anggaran"},
                     ["realisasi tahun-tahun sebelumnya"]),
    "iku-multi-tahun": ({"capaian_iku", "komponen_iku", "realisasi_multi_tahun"}, {"indikator", "tren"},
                        ["tabel anggaran"]),
}
ALWAYS = {"ringkasan", "rekonsiliasi", "glosarium", "provenans"}
NA_TEXT = re.compile(r"<NA>|\bnan\b|\bNaN\b|\bNone\b|\bNaT\b|\bnull\b")


def _subset(raw, name, kinds):
    src = RAW_ROOT / SEED_AGENCY
    dst = raw / name
    shutil.copytree(src, dst)
    year = dst / str(SEED_YEAR)
    with open(year / "manifest.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["tabel"] not in kinds:
            (year / r["berkas"]).unlink()
    with open(year / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(r for r in rows if r["tabel"] in kinds)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("subsets")
    raw, proc, rep = base / "raw", base / "processed", base / "reports"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    for name, (kinds, _, _) in SUBSETS.items():
        _subset(raw, name, kinds)
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                        str(proc), "--reports-root", str(rep), "--no-pdf", "--jobs", "4"],
                       capture_output=True, text=True, timeout=900)
    return {"result": r, "proc": proc, "rep": rep}


def _text(page: str) -> str:
    body = re.sub(r"<style.*?</style>|<script.*?</script>|<svg.*?</svg>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _sections(page: str) -> set[str]:
    return set(re.findall(r'<h2[^>]*\bid="([a-z_]+)"', page)) & ALL


def test_every_subset_builds(built):
    r = built["result"]
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"{len(SUBSETS) + 1} built" in r.stdout and "Traceback (most recent call last)" not in r.stdout


@pytest.mark.parametrize("name", [*SUBSETS, SEED_AGENCY])
def test_no_missing_value_as_text(built, name):
    text = _text((built["rep"] / name / str(SEED_YEAR) / "report.html").read_text(encoding="utf-8"))
    assert [text[max(0, m.start() - 50):m.end() + 20] for m in NA_TEXT.finditer(text)] == []


@pytest.mark.parametrize("name", SUBSETS)
def test_sections_and_notes_follow_the_tables(built, name):
    _, sections, notes = SUBSETS[name]
    page = (built["rep"] / name / str(SEED_YEAR) / "report.html").read_text(encoding="utf-8")
    assert _sections(page) == ALWAYS | sections
    text = " ".join(_text(page).split())
    assert "Tidak dihitung dari laporan ini" in text
    for note in notes:
        assert f"Laporan ini tidak memuat {note}:" in text
    assert "tidak dihitung." in text
    if "anggaran" in sections:  # the budget section promises efficiency only where it is computed
        title = re.search(r'<h2[^>]*\bid="anggaran"[^>]*>(.*?)</h2>', page).group(1)
        assert title == ("Anggaran dan Efisiensi" if "capaian_iku" in SUBSETS[name][0] else "Anggaran")


def test_the_seed_shows_every_section_and_no_note(built):
    page = (built["rep"] / SEED_AGENCY / str(SEED_YEAR) / "report.html").read_text(encoding="utf-8")
    assert _sections(page) == ALL
    assert "Tidak dihitung dari laporan ini" not in _text(page)


def test_summary_and_index_show_a_dash_for_what_is_not_computed(built):
    folder = built["proc"] / "iku-saja" / str(SEED_YEAR)
    s = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert s["capaian"] is not None and s["serapan"] is None and s["anggaran"] is None and s["efisiensi"] is None
    assert not (folder / "budget.parquet").exists() and (folder / "iku.parquet").exists()
    pk = json.loads((built["proc"] / "pk-saja" / str(SEED_YEAR) / "summary.json").read_text(encoding="utf-8"))
    assert pk["capaian"] is None and pk["serapan"] is None and pk["anggaran"] > 0
    index = (built["rep"] / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr>(?:(?!</tr>).)*iku-saja/2024/report\.html.*?</tr>", index, re.S)
    assert row and row.group(0).count("—") >= 2


def test_labels_come_from_the_data(built):
    """A budget group is named by its funding source in the data; the performance agreement alone shows its
    budgets (APBN included) and no absorption."""
    text = " ".join(_text((built["rep"] / "pk-saja" / str(SEED_YEAR) / "report.html").read_text(
        encoding="utf-8")).split())
    assert "APBN" in text and "Rp 2.106.246.000" in text
    assert "Serapan tertimbang" not in text
