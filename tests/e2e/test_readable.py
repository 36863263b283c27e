"""The report as people read it (issue 13): on a phone the page never scrolls sideways (seed report, index
page and national roll-up, measured in Chromium at 390 px), and the visible text holds no identifier, file path
or table name, and in the English report no Indonesian word of the report's own labels."""
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.build.languages import report_files
from analysis.config import RAW_ROOT
from analysis.synthetic import make_agency_year
from conftest import SEED_AGENCY, SEED_YEAR

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed and a made-up agency-year, built in Indonesian and in English side by side (HTML only)."""
    base = tmp_path_factory.mktemp("readable")
    raw, proc, rep = base / "raw", base / "processed", base / "reports"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    make_agency_year(raw, "contoh-sintetis", 2025)
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                        str(proc), "--reports-root", str(rep), "--no-pdf"], capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
    return {lang: {"proc": proc, "rep": rep, "report": report_files(lang)[0],
                   "index": rep / ("index.html" if lang == "id" else "index.en.html")} for lang in ("id", "en")}


def visible_text(page: str) -> str:
    """What a reader sees: no CSS, SVG, script, attribute or tag."""
    page = re.sub(r"<(style|svg|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def reports(built, lang):
    """Every report page in ``lang``, and the national roll-up's (the build makes it: two agencies)."""
    rollup = built[lang]["rep"] / ("rollup.html" if lang == "id" else "rollup.en.html")
    return sorted(built[lang]["rep"].glob(f"*/*/{built[lang]['report']}")) + [rollup]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_identifier_path_or_table_name_in_the_visible_text(built, lang):
    pages = reports(built, lang) + [built[lang]["index"]]
    assert len(pages) == 4 and all(p.exists() for p in pages)
    for p in pages:
        text = visible_text(p.read_text(encoding="utf-8"))
        assert re.findall(r"[a-z]+_[a-z_]+", text) == [], p
        assert "data/" not in text, p
        # no file of the project's (manifest.csv, a processed table) named to a reader who never sees it
        assert re.findall(r"\b[\w-]+\.(?:csv|parquet|json|xlsx|ipynb)\b", text) == [], p


#: words of the report's own Indonesian labels that must not be left in the English report
INDONESIAN_UI_WORDS = [
    "capaian", "serapan", "efisiensi", "sasaran", "anggaran", "realisasi", "rekonsiliasi", "tertimbang",
    "rata-rata", "tercetak", "dicetak", "poin persentase", "poin", "selisih", "rasio", "semua", "narasi",
    "jangka menengah", "nasional", "positif", "negatif", "predikat", "Sangat Berhasil", "Berhasil", "Cukup Efisien",
    "Efisien", "Tidak Efisien", "cocok", "pembulatan", "metode", "sebanding", "kekurangan", "dibutuhkan", "mulai",
    "definisi", "rumus", "keseluruhan", "Ringkasan", "Perhatian", "Daftar isi", "Glosarium", "Kategori", "tahun",
    "Rusak", "Baik", "Jumlah", "Jabatan", "Kondisi", "dari", "tidak", "bila", "menurut",
]


#: columns of the processed tables whose text comes from the report itself (names, sentences, printed figures)
DATA_COLUMNS = {"nama", "sasaran", "keluaran", "pembanding", "definisi_lama", "definisi_baru", "kalimat_sumber",
                "pembilang", "penyebut", "jabatan", "jenjang_pendidikan", "nama_barang", "reported", "kalimat",
                "satuan", "sumber_dana"}


def data_texts(proc: Path) -> list[str]:
    """Text that comes from the data (names of agencies, indicators, programmes, goals, source sentences,
    printed figures and titles): proper names the English report shows as the report printed them."""
    import json

    out = []
    for f in proc.glob("*/*/*.parquet"):
        df = pd.read_parquet(f)
        for col in DATA_COLUMNS & set(df.columns):
            out += [v for v in df[col].dropna().unique() if isinstance(v, str) and len(v) > 2]
    for f in proc.glob("*/*/clean_info.json"):
        info = json.loads(f.read_text(encoding="utf-8"))
        out += [str(v) for v in info.get("meta", {}).values()]
        for r in info.get("tables_read", []):
            out += [str(r.get("judul_tabel", "")), str(r.get("bagian", ""))]
    ui = {w.lower() for w in INDONESIAN_UI_WORDS}
    return sorted({v for v in out if len(v) > 3 and v.lower() not in ui}, key=len, reverse=True)


def test_no_indonesian_label_word_left_in_the_english_report(built):
    data = data_texts(built["en"]["proc"])
    for p in reports(built, "en"):
        text = visible_text(p.read_text(encoding="utf-8"))
        text = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)  # quotations of the source
        for d in data:
            text = text.replace(d, " ")
        found = sorted({w for w in INDONESIAN_UI_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)})
        assert found == [], (p, found)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
def test_no_horizontal_scroll_at_390_px(built):
    playwright = pytest.importorskip("playwright.sync_api")
    pages = [built["id"]["rep"] / SEED_AGENCY / str(SEED_YEAR) / "report.html", built["id"]["index"],
             built["en"]["rep"] / SEED_AGENCY / str(SEED_YEAR) / "report.en.html", built["en"]["index"],
             built["id"]["rep"] / "rollup.html", built["en"]["rep"] / "rollup.en.html"]
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            for p in pages:
                page = browser.new_page(viewport={"width": 390, "height": 800}, device_scale_factor=2, is_mobile=True)
                page.goto(p.as_uri())
                assert page.evaluate("document.documentElement.scrollWidth") <= 390, p
                # every chart fits the screen too
                assert page.evaluate("Math.max(0, ...[...document.querySelectorAll('img, svg')]"
                                     ".map(e => e.getBoundingClientRect().right))") <= 390, p
                page.close()
        finally:
            browser.close()


def test_table_of_contents_links_to_every_section(built):
    page = (built["id"]["rep"] / SEED_AGENCY / str(SEED_YEAR) / "report.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav[^>]*class="toc".*?</nav>', page, flags=re.S).group(0)
    anchors = re.findall(r'href="#([^"]+)"', nav)
    assert len(anchors) >= 8
    for a in anchors:
        assert f'<h2 id="{a}">' in page
    assert page.index('<nav') < page.index('<h2 id="ringkasan">')
