"""The build command end to end: HTML and PDF for the seed and a made-up agency-year, incremental,
deterministic (SOURCE_DATE_EPOCH), escaped, in Indonesian and English side by side (or one of them on request),
each report stamped with when and from what it was built."""
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.config import RAW_ROOT
from analysis.report.pdf import chromium_path
from analysis.synthetic import make_agency_year
from conftest import SEED_AGENCY, SEED_YEAR, tree_digest

HOSTILE = "<script>alert(1)</script>"
pytestmark = pytest.mark.slow
#: 2025-03-01T00:00:00Z: every build of this module has the same date, so two builds of the same inputs are equal
EPOCH = "1740787200"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2} ")


def run_build(raw, proc, rep, *extra, env=None):
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw),
                        "--processed-root", str(proc), "--reports-root", str(rep), *extra],
                       capture_output=True, text=True, timeout=900,
                       env={"SOURCE_DATE_EPOCH": EPOCH, **(env or os.environ)})
    return r


def processes_mentioning(text: str) -> list[str]:
    """Command lines of the running processes that contain ``text`` (Linux /proc)."""
    found = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                cmd = (p / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if text in cmd:
                found.append(f"{p.name}: {cmd[:200]}")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("build")
    raw, proc, rep = base / "raw", base / "processed", base / "reports"
    shutil.copytree(RAW_ROOT / SEED_AGENCY, raw / SEED_AGENCY)
    make_agency_year(raw, "contoh-sintetis", 2025, indicator_name=HOSTILE)
    # the build's temporary files, kernel connection files and browser profile all land under `scratch`
    scratch = base / "scratch"
    (scratch / "tmp").mkdir(parents=True)
    env = dict(os.environ, TMPDIR=str(scratch / "tmp"), JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
               SOURCE_DATE_EPOCH=EPOCH)
    r = run_build(raw, proc, rep, "--jobs", "2", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    return {"raw": raw, "proc": proc, "rep": rep, "log": r.stdout, "stderr": r.stderr, "scratch": scratch,
            "seed": rep / SEED_AGENCY / str(SEED_YEAR), "synth": rep / "contoh-sintetis" / "2025"}


def test_both_agency_years_built(built):
    assert "2 built" in built["log"]
    for d in (built["seed"], built["synth"]):
        assert (d / "report.html").exists() and (d / "report.en.html").exists()
        assert sorted(p.name for p in (d / "notebooks").glob("*.ipynb")) == [
            "01-clean.ipynb", "02-indicators.ipynb", "03-formula-changes.ipynb", "04-report.en.ipynb",
            "04-report.ipynb"]
    index = (built["rep"] / "index.html").read_text(encoding="utf-8")
    assert "kalbar-diskumkm/2024/report.html" in index and "contoh-sintetis/2025/report.html" in index
    assert "(sintetis)" in index
    assert "(synthetic)" in (built["rep"] / "index.en.html").read_text(encoding="utf-8")


def test_each_report_is_in_its_language_and_links_the_other(built):
    """report.html is Indonesian, report.en.html English; each links the other at the top (named in the
    other language, with hreflang), and both index pages link both reports of every agency-year."""
    seed = built["seed"]
    pages = {"id": (seed / "report.html").read_text(encoding="utf-8"),
             "en": (seed / "report.en.html").read_text(encoding="utf-8")}
    links = {"id": ("report.en.html", "en", "English version"), "en": ("report.html", "id", "Versi bahasa Indonesia")}
    for lang, page in pages.items():
        href, other, label = links[lang]
        assert page.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
        assert f'<link rel="alternate" hreflang="{other}" href="{href}">' in page
        nav = f'<nav class="lang-switch"><a href="{href}" hreflang="{other}" lang="{other}" rel="alternate">{label}</a>'
        assert nav in page and page.index(nav) < page.index('class="toc"')
    assert "Ringkasan" in pages["id"] and "Summary" in pages["en"]
    if chromium_path() is not None:
        assert (seed / "report.pdf").exists() and (seed / "report.en.pdf").exists()
    for lang, other in (("id", "en"), ("en", "id")):
        index = (built["rep"] / ("index.html" if lang == "id" else "index.en.html")).read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in index
        assert f'hreflang="{other}" lang="{other}" rel="alternate">' in index  # the index in the other language
        for folder in (f"{SEED_AGENCY}/{SEED_YEAR}", "contoh-sintetis/2025"):
            assert f'href="{folder}/report.html"' in index and f'href="{folder}/report.en.html"' in index


def test_footer_says_when_and_from_what_without_a_path(built):
    """version and commit, the fingerprint of the inputs (the same in both languages), the date of
    SOURCE_DATE_EPOCH, the report's title and agency; no folder, file or slug."""
    from analysis import __version__
    from analysis.build.stamp import git_commit

    summary = json.loads((built["seed"] / "summary.json").read_text(encoding="utf-8"))
    stamp = summary["build"]
    assert stamp["version"] == __version__ and stamp["commit"] == git_commit() and stamp["date"] == "2025-03-01"
    assert re.fullmatch(r"[0-9a-f]{12}", stamp["fingerprint"])
    for name, words in (("report.html", "dibuat 1 Maret 2025 dari tabel"),
                        ("report.en.html", "built on 1 March 2025 from the tables of")):
        page = (built["seed"] / name).read_text(encoding="utf-8")
        footer = re.search(r'<footer class="provenance">(.*?)</footer>', page, flags=re.S).group(1)
        assert f"lkj-analytics {__version__} (commit {stamp['commit']})" in footer
        assert stamp["fingerprint"] in footer and words in footer
        assert "“Laporan Kinerja Tahun 2024” (Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat)" \
            in footer
        assert "/" not in footer and "data" not in footer and SEED_AGENCY not in footer


def test_log_lines_start_with_a_timestamp_when_piped(built):
    lines = built["log"].splitlines()
    assert lines and all(TIMESTAMP.match(line) for line in lines), lines


def test_build_leaves_no_process_and_no_temporary_folder(built):
    """Worker processes close their kernel and browser (multiprocessing workers skip atexit), and the cleanup
    leaves a scheduled run's log clean (no traceback from a folder removed twice)."""
    assert "Traceback" not in built["stderr"], built["stderr"]
    leftovers = processes_mentioning(str(built["scratch"]))
    for _ in range(20):  # a process may take a moment to go once its parent has gone
        if not leftovers:
            break
        time.sleep(0.1)
        leftovers = processes_mentioning(str(built["scratch"]))
    assert leftovers == []
    assert sorted(p.name for p in (built["scratch"] / "tmp").iterdir()) == []
    assert not list((built["scratch"] / "runtime").glob("kernel-*.json"))


def test_html_is_self_contained_without_code(built):
    html = (built["seed"] / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html
    for code in ("pipeline.run_clean", "import pandas", "sections.summary(", "agency = ", "jp-InputArea", "input_area"):
        assert code not in html, code
    assert html.count('src="data:image/svg+xml;base64,') >= 5  # charts embedded (vector, sharp in print)
    assert "No description has been provided" not in html
    assert 'alt="Prosentase Koperasi Berkualitas"' in html  # each chart is named by its title


def test_html_holds_key_figures_in_indonesian_format(built):
    html = (built["seed"] / "report.html").read_text(encoding="utf-8")
    # a non-breaking space between a number and its unit
    for figure in ("Rp\u00a020.674.821.126", "Rp\u00a019.882.262.551", "5,87\u00a0%", "4,57\u00a0%", "96,17\u00a0%",
                   "128,47\u00a0%",
                   "Sangat Berhasil", "Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"):
        assert figure in html, figure
    order = [html.index(h) for h in ("Ringkasan", "Indikator Kinerja Utama", "Anggaran dan Efisiensi",
                                     "Perubahan Rumus dan Tren", "Rekonsiliasi Angka Laporan", "Sumber Daya",
                                     "Sumber Data")]
    assert order == sorted(order)


def test_hostile_text_is_escaped(built):
    html = (built["synth"] / "report.html").read_text(encoding="utf-8")
    assert HOSTILE not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "DATA SINTETIS" in html


@pytest.mark.skipif(chromium_path() is None, reason="chromium not installed (make test installs it as root)")
def test_pdf_holds_key_figures(built):
    from pypdf import PdfReader

    reader = PdfReader(built["seed"] / "report.pdf")
    assert 3 <= len(reader.pages) <= 40
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2  # A4
    text = "\n".join(p.extract_text() for p in reader.pages).replace("\u00a0", " ")  # units after a no-break space
    for figure in ("20.674.821.126", "5,87 %", "Ringkasan", "Rekonsiliasi"):
        assert figure in text, figure
    assert re.search(r"\b1 / \d+\b", text)  # page numbers


@pytest.mark.skipif(chromium_path() is None, reason="chromium not installed (make test installs it as root)")
def test_pdf_tagged_with_outline_and_matches_in_the_appendix(built):
    """Issue 13: the PDF is tagged (a structure tree) with bookmarks; the reconciliation lists its findings and
    only counts the matches, whose full list is the last section (the <details> printed open)."""
    from pypdf import PdfReader

    from analysis.reconcile.status import STATUSES
    from analysis.report.labels import t

    reader = PdfReader(built["seed"] / "report.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root.get("/MarkInfo", {}).get("/Marked")

    def titles(items):
        return [x for o in items for x in (titles(o) if isinstance(o, list) else [o.title])]

    outline = titles(reader.outline)
    assert outline[0] == "Analisis Laporan Kinerja 2024" and "Ringkasan" in outline
    assert outline[-1] == t("rekonsiliasi_lampiran", "id")
    pages = [p.extract_text() for p in reader.pages]
    appendix = next(i for i, p in enumerate(pages) if t("rekonsiliasi_lampiran", "id") in p)
    assert appendix > next(i for i, p in enumerate(pages) if "Sumber Data" in p)
    assert "BAB III.B Realisasi Anggaran" in "".join(pages[appendix:])
    html = (built["seed"] / "report.html").read_text(encoding="utf-8")
    findings = re.search(r'<table class="wide recon">(.*?)</table>', html, re.S).group(1)
    statuses = re.findall(r'<td data-label="Status">(.*?)</td>', findings)
    assert statuses and t("status_match", "id") not in statuses
    assert set(statuses) <= {t(f"status_{s}", "id") for s in STATUSES}
    where = [html.index(x) for x in ('id="rekonsiliasi"', '<table class="wide recon">', 'class="recon-counts"',
                                     'id="provenans"', '<details class="recon-appendix">')]
    assert where == sorted(where)


def test_incremental_rebuild_skips_and_rebuilds_only_the_changed(built):
    r = run_build(built["raw"], built["proc"], built["rep"])
    assert r.returncode == 0 and "0 built, 2 skipped" in r.stdout
    seed_before = (built["seed"] / "report.html").read_bytes()
    meta = built["raw"] / "contoh-sintetis" / "2025" / "meta.csv"
    meta.write_text(meta.read_text().replace("Dinas Sintetis", "Dinas Sintetis Baru"))
    r = run_build(built["raw"], built["proc"], built["rep"])
    assert r.returncode == 0 and "1 built, 1 skipped" in r.stdout, r.stdout
    assert "contoh-sintetis/2025: built" in r.stdout and f"{SEED_AGENCY}/{SEED_YEAR}: skipped" in r.stdout
    assert (built["seed"] / "report.html").read_bytes() == seed_before
    assert "Dinas Sintetis Baru" in (built["synth"] / "report.html").read_text(encoding="utf-8")


def test_two_builds_are_identical(built, tmp_path):
    """With SOURCE_DATE_EPOCH fixed (run_build sets it), both reports, both workbooks and the summary are
    byte-identical."""
    names = ("report.html", "report.en.html", "hasil.xlsx", "hasil.en.xlsx", "summary.json")
    first = {n: (built["seed"] / n).read_bytes() for n in names}
    first_proc = tree_digest(built["proc"] / SEED_AGENCY / str(SEED_YEAR))
    proc2, rep2 = tmp_path / "processed", tmp_path / "reports"
    r = run_build(built["raw"], proc2, rep2, "--agency", SEED_AGENCY, "--year", str(SEED_YEAR), "--no-pdf")
    assert r.returncode == 0, r.stderr
    assert {n: (rep2 / SEED_AGENCY / str(SEED_YEAR) / n).read_bytes() for n in names} == first
    assert tree_digest(proc2 / SEED_AGENCY / str(SEED_YEAR)) == first_proc


def test_results_workbook_beside_each_report_linked_and_rebuilt_when_deleted(built):
    """Each report links its results workbook (in its language) near the top, the index links both; a deleted
    workbook is an output missing: the next build rebuilds the agency-year and the workbook is back."""
    from html import unescape

    import openpyxl

    from analysis.report.labels import t

    index = (built["rep"] / "index.html").read_text(encoding="utf-8")
    for lang, html, book in (("id", "report.html", "hasil.xlsx"), ("en", "report.en.html", "hasil.en.xlsx")):
        page = (built["seed"] / html).read_text(encoding="utf-8")
        assert f'<nav class="downloads"><a href="{book}" download' in page
        assert page.index('class="downloads"') < page.index("<h1")
        assert f'href="{SEED_AGENCY}/{SEED_YEAR}/{book}"' in index
        wb = openpyxl.load_workbook(built["seed"] / book)
        assert wb.sheetnames[0] == t("xl_tentang", lang) and t("xl_rekonsiliasi", lang) in wb.sheetnames
        footer = re.search(r'<footer class="provenance">(.*?)</footer>', page, re.S).group(1)
        about = [c.value for row in wb.worksheets[0].iter_rows() for c in row]
        assert unescape(footer) in about  # the same stamp as the report's
    before = (built["seed"] / "hasil.xlsx").read_bytes()
    (built["seed"] / "hasil.xlsx").unlink()
    r = run_build(built["raw"], built["proc"], built["rep"], "--agency", SEED_AGENCY)
    assert r.returncode == 0 and "1 built" in r.stdout, r.stdout + r.stderr
    assert (built["seed"] / "hasil.xlsx").read_bytes() == before


def test_one_language_replaces_the_agency_year_as_a_whole_with_stage_timings(built, tmp_path):
    """--lang id writes the Indonesian report only; a later --lang en publishes the English one and no
    Indonesian one: an agency-year's outputs are swapped in together, never kept from an earlier build that
    may disagree with the new tables. The index links what is there."""
    args = (built["raw"], tmp_path / "p", tmp_path / "r", "--agency", SEED_AGENCY, "--no-pdf")
    out = tmp_path / "r" / SEED_AGENCY / str(SEED_YEAR)
    r = run_build(*args, "--lang", "id")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.glob("report*")) == ["report.html"]
    assert '<nav class="lang-switch">' not in (out / "report.html").read_text(encoding="utf-8")  # none to link
    r = run_build(*args, "--lang", "en", "--timings")
    assert r.returncode == 0 and "1 built" in r.stdout, r.stdout + r.stderr
    assert sorted(p.name for p in out.glob("report*")) == ["report.en.html"]
    assert sorted(p.name for p in (out / "notebooks").glob("04-*")) == ["04-report.en.ipynb"]
    html = (out / "report.en.html").read_text(encoding="utf-8")
    assert "Summary" in html and "IDR\u00a020,674,821,126" in html and "5.87\u00a0%" in html
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "report.en.html" in index and f"{SEED_AGENCY}/{SEED_YEAR}/report.html" not in index
    # one line of stages, in the order they ran, each ending after the one before
    line = next(ln for ln in r.stdout.splitlines() if "kernel ready" in ln)
    stages = re.findall(r"([\w-]+(?: ready| id| en)?) (\d+\.\d+) s", line)
    assert [name for name, _ in stages] == ["kernel ready", "01-clean", "02-indicators", "03-formula-changes",
                                            "04-report en", "xlsx en", "html en"]
    ends = [float(v) for _, v in stages]
    assert ends == sorted(ends) and ends[0] > 0


def test_failed_agency_year_keeps_its_previous_report(built):
    before = (built["synth"] / "report.html").read_bytes()
    p = built["raw"] / "contoh-sintetis" / "2025" / "realisasi_anggaran.csv"
    good = p.read_text()
    p.write_text(good.replace("Program Sintetis 1,", "Program Sintetis 1,1.OOO,", 1).replace(",1.OOO,", ",", 1)
                 .replace("TOTAL,,", "TOTAL,,9", 1))
    try:
        r = run_build(built["raw"], built["proc"], built["rep"], "--no-pdf")
        assert r.returncode == 1
        assert "contoh-sintetis/2025" in r.stderr and "01-clean.ipynb" in r.stderr
        assert (built["synth"] / "report.html").read_bytes() == before
        assert f"{SEED_AGENCY}/{SEED_YEAR}" in r.stdout  # the other agency-year was still handled
    finally:
        p.write_text(good)


def test_param_reaches_the_notebook_declaring_it_and_the_fingerprint(built, tmp_path):
    """--param batas_atas=100 reaches notebook 02 (the cap applied is in capaian_sasaran), and only it; the
    same --param again is skipped, another one is rebuilt."""
    import nbformat
    import pandas as pd

    args = (built["raw"], tmp_path / "p", tmp_path / "r", "--agency", SEED_AGENCY, "--no-pdf")
    sas = tmp_path / "p" / SEED_AGENCY / str(SEED_YEAR) / "capaian_sasaran.parquet"
    r = run_build(*args, "--param", "batas_atas=100")
    assert r.returncode == 0 and "1 built" in r.stdout, r.stdout + r.stderr
    assert (pd.read_parquet(sas)["batas_atas"] == 100).all() and pd.read_parquet(sas)["capaian"].max() == 100
    executed = tmp_path / "r" / SEED_AGENCY / str(SEED_YEAR) / "notebooks"

    def injected(name):
        nb = nbformat.read(executed / f"{name}.ipynb", as_version=4)
        return next(c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))

    assert "batas_atas = 100\n" in injected("02-indicators")
    assert "batas_atas" not in injected("03-formula-changes") and "raw_root" not in injected("03-formula-changes")
    assert "raw_root" in injected("01-clean")
    assert "0 built, 1 skipped" in run_build(*args, "--param", "batas_atas=100").stdout
    r = run_build(*args, "--param", "batas_atas=120")
    assert "1 built" in r.stdout and (pd.read_parquet(sas)["batas_atas"] == 120).all()


def test_a_notebook_that_leaves_its_products_unwritten_fails_its_agency_year(built, tmp_path):
    """A notebook that runs without writing its declared products fails the agency-year with the notebook and
    the product named, even when an earlier run left those products in place (the notebooks write a staging
    folder that starts empty: an earlier run's products are not even visible)."""
    import nbformat

    from analysis.build.options import Options
    from analysis.build.runner import build_one
    from analysis.build.worker import shutdown
    from analysis.config import NOTEBOOK_DIR

    nbs = tmp_path / "nb"
    shutil.copytree(NOTEBOOK_DIR, nbs)
    nb = nbformat.read(nbs / "01-clean.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]  # cleans nothing
    nbformat.write(nb, nbs / "01-clean.ipynb")
    proc = tmp_path / "p"
    shutil.copytree(built["proc"] / SEED_AGENCY, proc / SEED_AGENCY)  # an earlier run's products
    opt = Options(raw_root=str(built["raw"]), processed_root=str(proc), reports_root=str(tmp_path / "r"),
                  notebook_dir=str(nbs), pdf=False)
    try:
        res = build_one(SEED_AGENCY, SEED_YEAR, opt)
    finally:
        shutdown()
    assert res.status == "failed"
    assert "notebook 01-clean.ipynb did not write its declared products" in res.error
    assert "clean_info.json is missing" in res.error
    assert not (tmp_path / "r" / SEED_AGENCY / str(SEED_YEAR) / "report.html").exists()


def test_summary_json_headline(built):
    s = json.loads((built["seed"] / "summary.json").read_text())
    assert s["agency"] == SEED_AGENCY and s["perubahan_rumus"] == 1
    assert round(s["serapan"], 2) == 96.17 and s["rekonsiliasi"]["rounding"] == 3
    # KB's kemajuan −80,29 % and its fall 2023→2024 compare the old formula with the new: counted apart, not as match
    assert s["rekonsiliasi"]["not_comparable"] == 2 and s["rekonsiliasi"]["match"] == 84
    html = (built["seed"] / "report.html").read_text(encoding="utf-8")
    assert "Rekonsiliasi: 84 cocok, 3 pembulatan, 15 metode lain, 0 tidak cocok, 2 tidak sebanding," in html
    assert "Tingkat kemajuan Prosentase Koperasi Berkualitas (2022→2024)" in html
    assert '<td data-label="Dilaporkan">−80,29\u00a0%</td>' in html


def test_browser_renders_offline_without_errors(built):
    """A real browser opens the report with the network blocked: no console errors, no failed requests,
    the summary table and every chart rendered."""
    if chromium_path() is None:
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    from analysis.report.pdf import CHROMIUM_FLAGS

    errors, failed, external = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                external.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.goto((built["seed"] / "report.html").resolve().as_uri(), wait_until="load")
        summary = page.locator("table.summary")
        assert summary.count() == 1 and summary.is_visible()
        assert summary.locator("tbody tr").count() == 3
        charts = page.locator("img")
        assert charts.count() >= 5
        for i in range(charts.count()):
            box = charts.nth(i).bounding_box()
            assert box and box["width"] > 100 and box["height"] > 50
            assert charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
        browser.close()
    assert errors == [] and failed == [] and external == []


def test_without_pdf_engine_html_is_still_built(built, tmp_path):
    """No Chromium: the HTML is built, the run succeeds, and the message says how to get PDF."""
    import os

    env = dict(os.environ, LKJ_CHROMIUM=str(tmp_path / "no-such-chromium"))
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(built["raw"]), "--processed-root",
                        str(tmp_path / "p"), "--reports-root", str(tmp_path / "r"), "--agency", SEED_AGENCY],
                       capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "r" / SEED_AGENCY / str(SEED_YEAR)
    assert (out / "report.html").exists() and (out / "report.en.html").exists()
    assert not list(out.glob("*.pdf"))
    assert "chromium" in r.stdout.lower() and "apt-get install chromium" in r.stdout


def test_kernel_reused_across_agency_years_gives_the_same_report(tmp_path):
    """Sequential agency-years share one kernel; the report must equal one built in a fresh kernel."""
    for y in (2023, 2024):
        make_agency_year(tmp_path / "raw", "dinas-ulang", y, seed=y)
    r = run_build(tmp_path / "raw", tmp_path / "p", tmp_path / "r", "--jobs", "1", "--no-pdf")
    assert r.returncode == 0 and "2 built" in r.stdout, r.stdout + r.stderr
    r = run_build(tmp_path / "raw", tmp_path / "p2", tmp_path / "r2", "--agency", "dinas-ulang", "--year", "2024",
                  "--no-pdf")
    assert r.returncode == 0, r.stderr
    for name in ("report.html", "report.en.html"):
        shared = (tmp_path / "r" / "dinas-ulang" / "2024" / name).read_bytes()
        fresh = (tmp_path / "r2" / "dinas-ulang" / "2024" / name).read_bytes()
        assert shared == fresh, name


@pytest.mark.skipif(chromium_path() is None, reason="chromium not installed (make test installs it as root)")
def test_one_printer_reuses_its_page_and_prints_each_file_afresh(tmp_path):
    """The printer keeps one page for all PDFs: each PDF must hold its own file, also when a file is
    rewritten at the same path (as a rebuilt agency-year is)."""
    from pypdf import PdfReader

    from analysis.report.pdf import PdfPrinter

    def text(pdf):
        return " ".join(page.extract_text() for page in PdfReader(pdf).pages)

    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text("<!DOCTYPE html><p>laporan alfa</p>", encoding="utf-8")
    b.write_text("<!DOCTYPE html><p>laporan beta</p>", encoding="utf-8")
    with PdfPrinter() as printer:
        printer.print_pdf(a, tmp_path / "a.pdf")
        printer.print_pdf(b, tmp_path / "b.pdf")
        a.write_text("<!DOCTYPE html><p>laporan gamma</p>", encoding="utf-8")
        printer.print_pdf(a, tmp_path / "a2.pdf")
    assert "alfa" in text(tmp_path / "a.pdf")
    assert "beta" in text(tmp_path / "b.pdf") and "alfa" not in text(tmp_path / "b.pdf")
    assert "gamma" in text(tmp_path / "a2.pdf") and "alfa" not in text(tmp_path / "a2.pdf")


def test_seed_figures_kept_through_the_restructuring(built):
    """The seed's processed tables and every number of its report are those the build produced before the
    restructuring of 2026-11 (tests/golden/, regenerated only by a change meant to change figures)."""
    import sys as _sys

    import pandas as pd

    golden = Path(__file__).parents[1] / "golden"
    _sys.path.insert(0, str(golden))
    from _make import report_numbers

    folder = built["proc"] / SEED_AGENCY / str(SEED_YEAR)
    expected = sorted(p.name for p in (golden / "kalbar-diskumkm-2024").glob("*.csv"))
    assert expected and sorted(p.name for p in folder.glob("*.csv")) == expected
    for name in expected:
        pd.testing.assert_frame_equal(pd.read_csv(folder / name), pd.read_csv(golden / "kalbar-diskumkm-2024" / name),
                                      check_exact=False, rtol=1e-12, obj=name)
    html = (built["seed"] / "report.html").read_text(encoding="utf-8")
    assert report_numbers(html) == (golden / "report_numbers.txt").read_text(encoding="utf-8").split()

