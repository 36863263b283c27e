"""Two report years of one agency state an indicator's definition differently and definisi_indikator.csv declares
one version: the build finds the break in the reports' text (processed breaks, trends, the report's words), a
figure across it is never a match, and a report contradicting its year's declared definition is a warning or a
problem naming both cells. Works on a copy of data/raw/tanahdatar-kab/ with files ADDED in the copy."""
from __future__ import annotations

import csv
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import pipeline
from analysis.build.fingerprint import input_files
from analysis.build.options import Options
from analysis.config import RAW_ROOT
from analysis.errors import DataError
from analysis.ingest.clean import clean_agency_year
from analysis.report import fmt

AGENCY = "tanahdatar-kab"
HEADER = "baris_sumber,indikator,pembilang,penyebut,faktor,satuan,polaritas,kalimat\n"
CHANGE = "perubahan APMSD 2015→2016"


def _add(folder: Path, name: str, text: str, kind: str, lines: str) -> None:
    """A new table in ``folder`` (of the copy) and its manifest row."""
    (folder / name).write_text(text, encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as f:
        f.write(f"{name},{kind},uji,{kind} (uji),{lines},id,,sebagian\n")


def _source_line(folder: Path, line: int) -> str:
    return (folder / "sumber.txt").read_text(encoding="utf-8").split("\n")[line - 1]


@pytest.fixture
def raw(tmp_path) -> Path:
    """The Tanah Datar reports with the 2016 report's APM SD/MI formula (sumber.txt lines 7-8) and its Tabel 3.3.9
    (line 13: 2015 and 2016 realisation) transcribed as printed, and a 2015 statement of the same indicator MADE UP
    for this test with another denominator (the 2015 pages retrieved do not state it)."""
    root = tmp_path / "raw"
    shutil.copytree(RAW_ROOT / AGENCY, root / AGENCY)
    y15, y16 = root / AGENCY / "2015", root / AGENCY / "2016"
    assert "Penduduk usia 7 s.d 12 tahun yang sekolah" in _source_line(y16, 7)
    assert "Penduduk usia 7 s.d 12 tahun di Tanah Datar" in _source_line(y16, 8)
    assert "90,67\t92,22" in _source_line(y16, 13)
    _add(y16, "formulasi_iku.csv", HEADER + "7;8,persentase APM SDMI,Penduduk usia 7 s.d 12 tahun yang sekolah,"
         "Penduduk usia 7 s.d 12 tahun di Tanah Datar,100,,,persentase APM SDMI 36.743 Penduduk usia 7 s.d 12 tahun "
         "yang sekolah x 100 = 92.22 / 39.834 Penduduk usia 7 s.d 12 tahun di Tanah Datar\n", "formulasi_iku", "7-8")
    _add(y16, "realisasi_multi_tahun.csv", "baris_sumber,no,sasaran,indikator,realisasi_2015,realisasi_2016\n"
         '13,1,,APM SDMI,"90,67","92,22"\n', "realisasi_multi_tahun", "10-13")
    _add(y15, "formulasi_iku.csv", HEADER + "9,APM SDMI,penduduk usia 7 s.d 12 tahun yang sekolah,"
         "Jumlah penduduk usia 7 s.d 12 tahun,100,%,positif,(dibuat untuk uji)\n", "formulasi_iku", "9")
    return root


def _stated(root: Path, year: int) -> dict:
    with (root / AGENCY / str(year) / "formulasi_iku.csv").open(encoding="utf-8") as f:
        return next(csv.DictReader(f))


def _text(path: Path) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _run(root: Path, proc: Path, year: int = 2016):
    pipeline.run_clean(AGENCY, year, root, proc)
    ind = pipeline.run_indicators(AGENCY, year, proc)
    return ind, pipeline.run_trends(AGENCY, year, proc)


def test_a_definition_two_reports_state_differently_is_a_break_found_in_their_text(raw, tmp_path):
    ind, tr = _run(raw, tmp_path / "p")
    s15, s16 = _stated(raw, 2015), _stated(raw, 2016)
    breaks = pd.read_csv(tmp_path / "p" / AGENCY / "2016" / "breaks.csv", dtype={"baris_lama": str,
                                                                                   "baris_baru": str})
    [b] = breaks[breaks["kode_indikator"] == "APMSD"].to_dict("records")
    assert (b["jenis"], b["asal"], b["tahun_pertama_baru"], b["yang_berubah"]) == (
        "perubahan_rumus", "laporan", 2016, "penyebut")
    assert (b["laporan_lama"], b["baris_lama"], b["laporan_baru"], b["baris_baru"]) == (
        2015, s15["baris_sumber"], 2016, s16["baris_sumber"])
    assert b["definisi_lama"] == f"{s15['pembilang']} / {s15['penyebut']}"
    assert b["definisi_baru"].endswith(s16["penyebut"])
    # the trend does not compare 2015 with 2016, and the change the 2016 report prints across it is no match
    apm = tr.trends.set_index(["kode_indikator", "tahun"]).loc[("APMSD", 2016)]
    assert apm["tahun_sebelumnya"] == 2015 and not apm["sebanding_tahunan"]
    rec = ind.reconciliation.set_index("check")
    assert rec.loc[CHANGE, "status"] == "not_comparable" and rec.loc[CHANGE, "lintas_rumus"]
    assert "found in the reports' text, not declared" in rec.loc[CHANGE, "explanation"]
    # without the 2015 statement there is no break, and the same figure is judged by its arithmetic
    (raw / AGENCY / "2015" / "formulasi_iku.csv").write_text(HEADER, encoding="utf-8")
    ind2, tr2 = _run(raw, tmp_path / "q")
    assert "APMSD" not in set(tr2.breaks["kode_indikator"])
    assert ind2.reconciliation.set_index("check").loc[CHANGE, "status"] not in ("not_comparable", "match")


def test_the_report_says_the_break_was_found_in_the_reports_text(raw, tmp_path):
    proc, rep = tmp_path / "processed", tmp_path / "reports"
    r = subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                        str(proc), "--reports-root", str(rep), "--no-pdf", "--no-rollup"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
    s15, s16 = _stated(raw, 2015), _stated(raw, 2016)
    en = _text(rep / AGENCY / "2016" / "report.en.html")
    assert "found in the reports' text, not declared" in en
    # line references as a reader reads them (7;8 -> 7–8)
    assert f"the 2015 report, line {fmt.lines(s15['baris_sumber'])} states" in en
    assert f"the 2016 report, line {fmt.lines(s16['baris_sumber'])} states" in en
    # said where the break is shown: the trends, the headline warnings and the finding on the change printed
    # across it (the summary)
    found = "This change was found in the reports' text, not declared"
    assert en.count(found) == 3, en.count(found)
    finding = en.find("yet the report compares figures from both sides of the change (")
    assert finding >= 0 and 0 < en.find(found, finding) - finding < 300
    ida = _text(rep / AGENCY / "2016" / "report.html")
    assert "ditemukan dari teks laporan, tidak dinyatakan" in ida
    assert f"LKj 2015 baris {fmt.lines(s15['baris_sumber'])}" in ida
    # in words a reader knows: the indicator definitions, not the file the analyst keeps them in
    assert "not declared in the indicator definitions" in en and ".csv" not in en and ".csv" not in ida
    # the 2015 report alone knows no later statement: no break there
    assert "found in the reports' text" not in _text(rep / AGENCY / "2015" / "report.en.html")
    assert (proc / AGENCY / "2016" / "formulasi_iku.csv").exists()


def test_a_report_contradicting_its_years_declared_definition(raw):
    """Wording (numerator, denominator): a warning naming both cells; a field the figures are computed by
    (polarity, unit, factor): a problem naming both cells."""
    y15 = raw / AGENCY / "2015"
    warned = clean_agency_year(AGENCY, 2015, raw)
    [w] = [str(w) for w in warned.warnings if "formulasi_iku" in str(w)]
    assert "2015/formulasi_iku.csv" in w and "line 2, column 'penyebut'" in w
    assert "tanahdatar-kab/definisi_indikator.csv line 5, column 'penyebut'" in w
    text = (y15 / "formulasi_iku.csv").read_text(encoding="utf-8").replace(",100,%,positif,", ",100,%,negatif,")
    (y15 / "formulasi_iku.csv").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as e:
        clean_agency_year(AGENCY, 2015, raw)
    [p] = [p for p in e.value.problems if p.column == "polaritas"]
    assert (p.file, p.row, p.value) == (f"{AGENCY}/2015/formulasi_iku.csv", 2, "negatif")
    assert "definisi_indikator.csv line 5, column 'polaritas' ('positif'" in p.expected
    # the 2016 build leaves that report out, with its definitions: no break is derived from it
    cleaned = pipeline.run_clean(AGENCY, 2016, raw, raw.parent / "p")
    assert any("2015" in str(w) and "not joined" in str(w) for w in cleaned.warnings)
    assert set(cleaned.tables["definisi_indikator"]["asal"]) == {"dinyatakan"}


def test_the_earlier_reports_statements_are_in_the_later_years_fingerprint(raw):
    files = input_files(AGENCY, 2016, Options(raw_root=str(raw)))
    assert raw / AGENCY / "2015" / "formulasi_iku.csv" in files
    assert raw / AGENCY / "2016" / "formulasi_iku.csv" in files
