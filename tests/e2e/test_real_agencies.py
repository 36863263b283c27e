"""Every agency-year of data/raw (the seed and the real reports transcribed as printed) builds to HTML, and each
real report's figures are judged as the arithmetic of its own cells says: the expected values are computed here
from the raw cells, never copied from the pipeline's output."""
from __future__ import annotations

import csv
import html
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import RAW_ROOT
from analysis.report import fmt

pytestmark = pytest.mark.slow
REAL = ("sumut-setda/2021", "kanwil-djpb-sulut/2023", "tanahdatar-kab/2015", "tanahdatar-kab/2016", "bpkp/2021",
        "wonogiri-kab/2020", "polewalimandar-kab/2022")


def _rows(agency_year: str, name: str) -> list[dict]:
    with (RAW_ROOT / agency_year / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _id(text: str) -> float:
    """A number in id style as printed: '307.055.630' -> 307055630, '3,25' -> 3.25, '15 Nagari' -> 15."""
    return float(text.split()[0].replace(".", "").replace(",", "."))


def _en(text: str) -> float:
    """A number in en style as printed: '1,004,422,800' -> 1004422800, '95.56' -> 95.56, '2 dokumen' -> 2."""
    return float(text.split()[0].replace(",", ""))


def _half_up(x: float, places: int) -> float:
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def run_build(raw: Path, proc: Path, rep: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "build", "--raw-root", str(raw), "--processed-root",
                           str(proc), "--reports-root", str(rep), *extra], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("real")
    raw, proc, rep = base / "raw", base / "processed", base / "reports"
    shutil.copytree(RAW_ROOT, raw)
    r = run_build(raw, proc, rep, "--no-pdf", "--jobs", "2")
    assert r.returncode == 0, r.stdout + r.stderr
    return {"proc": proc, "rep": rep, "log": r.stdout}


def _rec(built, agency_year: str) -> pd.DataFrame:
    return pd.read_csv(built["proc"] / agency_year / "reconciliation.csv").set_index("check")


def _text(path: Path) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_every_agency_year_of_data_raw_is_built(built):
    years = sorted(str(p.parent.relative_to(RAW_ROOT)) for p in RAW_ROOT.glob("*/*/manifest.csv"))
    assert set(REAL) < set(years) and f"{len(years)} built" in built["log"]
    for ay in years:
        assert (built["rep"] / ay / "report.html").exists() and (built["rep"] / ay / "report.en.html").exists()
        assert (built["rep"] / ay / "hasil.xlsx").exists() and (built["rep"] / ay / "hasil.en.xlsx").exists()


def test_sumut_budget_levels_as_the_amounts_say(built):
    rows = [r for r in _rows("sumut-setda/2021", "realisasi_keuangan_sasaran_strategis.csv") if r["anggaran"]]
    rec = _rec(built, "sumut-setda/2021")
    sub = rec[rec["subjek"].str.startswith("rincian 1.")]
    assert len(sub) == len(rows) == 4
    for r, (_, c) in zip(rows, sub.sort_values("subjek").iterrows(), strict=True):
        pct = _id(r["realisasi"]) / _id(r["anggaran"]) * 100
        assert c["recomputed"] == pytest.approx(pct)
        # percentages printed in en style with one decimal: it matches when it rounds to the printed one
        expected = "match" if _half_up(pct, 1) == float(r["persen"]) else "mismatch"
        assert c["status"] == expected, (r["uraian"], pct)
    wrong = sub.loc[sub["reported_value"] == 80.5].iloc[0]
    assert wrong["status"] == "mismatch" and _half_up(307_055_630 / 398_379_650 * 100, 2) == 77.08
    assert "77.08" in wrong["explanation"]
    # the programme's 88.6 is the plain mean of the printed sub kegiatan percentages, not the weighted one
    programme = rec[rec["subjek"] == "rincian 1"].iloc[0]
    printed = [float(r["persen"]) for r in rows]
    assert _half_up(sum(printed) / len(printed), 1) == programme["reported_value"] == 88.6
    weighted = sum(_id(r["realisasi"]) for r in rows) / sum(_id(r["anggaran"]) for r in rows) * 100
    assert programme["status"] == "method" and f"{weighted:.2f}" in programme["explanation"]
    # a budget table with levels alone gives absorption: budget.csv, the index's headline, the summary
    budget = pd.read_csv(built["proc"] / "sumut-setda/2021/budget.csv")
    total = budget[budget["tingkat"] == "total"].iloc[0]
    assert total["serapan"] == pytest.approx(weighted) and total["anggaran"] == sum(_id(r["anggaran"]) for r in rows)
    lines = budget[budget["tingkat"] == "rincian"].set_index("nama")
    for r in rows:
        assert lines.loc[r["uraian"], "serapan"] == pytest.approx(_id(r["realisasi"]) / _id(r["anggaran"]) * 100)
    summary = __import__("json").loads((built["proc"] / "sumut-setda/2021/summary.json").read_text())
    assert summary["serapan"] == pytest.approx(weighted) and summary["efisiensi"] is None
    text = " ".join(_text(built["rep"] / "sumut-setda/2021/report.html").split())
    shown = f"{_half_up(weighted, 2):.2f}".replace(".", ",")
    assert f"Serapan anggaran {shown} %" in text.replace("\u00a0", " ") and ", —." not in text


def test_kanwil_index_capped_at_120(built):
    row = _rows("kanwil-djpb-sulut/2023", "capaian_iku.csv")[0]
    cap = float(_rows("kanwil-djpb-sulut", "definisi_indikator.csv")[0]["batas_capaian"])
    uncapped = _id(row["realisasi"]) / _id(row["target"]) * 100
    assert _half_up(uncapped, 2) == 123.08 and min(uncapped, cap) == _id(row["capaian"]) == 120
    c = _rec(built, "kanwil-djpb-sulut/2023").loc["capaian REKON 2023"]
    assert c["status"] == "match" and c["recomputed"] == 120


def test_tanah_datar_2015_as_the_arithmetic_says(built):
    rows = {r["indikator"]: r for r in _rows("tanahdatar-kab/2015", "capaian_iku.csv")}
    rec = _rec(built, "tanahdatar-kab/2015")
    sampah = rows["Persentase Cakupan Wilayah Persampahan"]
    t, r = _id(sampah["target"]), _id(sampah["realisasi"])
    assert _half_up(r / t * 100, 2) != _id(sampah["capaian"])            # 73,33 is not the printed 73,30
    assert _half_up(r / t, 3) * 100 == pytest.approx(_id(sampah["capaian"]))  # 0,733 × 100 is
    c = rec.loc["capaian SAMPAH 2015"]
    assert c["status"] == "rounding" and "0.733" in c["explanation"]
    for code, name in (("APKSMP", "PersentaseAPK SMPMTsPaket B"),
                       ("MUTUAIR", "Status Mutu Lingkungan Hidup Kualitas Air")):
        x = rows[name]
        assert _half_up(_id(x["realisasi"]) / _id(x["target"]) * 100, 2) == _id(x["capaian"])
        assert rec.loc[f"capaian {code} 2015", "status"] == "match"
    # the sasaran's mean (94) cannot be recomputed from three of the report's KPIs: never a mismatch
    assert rec.loc["capaian_rata_rata semua 2015", "status"] == "unverifiable"


def test_tanah_datar_2016_printed_realisation_against_its_components(built):
    comps = {r["komponen"]: _id(r["nilai"]) for r in _rows("tanahdatar-kab/2016", "komponen_iku.csv")}
    apm = comps["penduduk_7_12_sekolah"] / comps["penduduk_7_12"] * 100
    printed = _id(_rows("tanahdatar-kab/2016", "capaian_iku.csv")[0]["realisasi"])
    assert _half_up(apm, 2) != printed
    c = _rec(built, "tanahdatar-kab/2016").loc["realisasi APMSD 2016"]
    assert c["status"] == "mismatch" and c["recomputed"] == pytest.approx(apm)


def _pct(text: str) -> float:
    """'97,80%' -> 97.8"""
    return _id(text.rstrip("%"))


def test_bpkp_efficiency_ratios_as_the_arithmetic_says(built):
    """Tabel 3.23 prints IE = output achievement / input achievement per goal for two inputs: each printed ratio
    is judged by recomputing it from the row's own cells; the sentence's means and goal 6's achievement by
    the table."""
    rows = _rows("bpkp/2021", "efisiensi_rasio.csv")
    rec = _rec(built, "bpkp/2021")
    ratios = pd.read_csv(built["proc"] / "bpkp/2021/efficiency_ratios.csv")
    ie = {}
    for r in rows:
        no = int(r["no"].rstrip("."))
        for m in ("dana", "sdm"):
            value = _pct(r["capaian_output"]) / _pct(r[f"capaian_input_{m}"]) * 100
            ie.setdefault(m, []).append(value)
            c = rec.loc[f"efisiensi_rasio sasaran {no} {m} 2021"]
            assert c["recomputed"] == pytest.approx(value)
            assert c["status"] == ("match" if _half_up(value, 2) == _pct(r[f"efisiensi_{m}"]) else "mismatch")
            got = ratios[(ratios["sasaran_no"] == no) & (ratios["masukan"] == m)]["efisiensi"].item()
            assert got == pytest.approx(value)
    assert len(ratios) == 2 * len(rows) == 12
    # "Rerata capaian efisiensi … 122,50 % (dana) dan 112,51 % (SDM)": not the mean of the table's ratios
    said = {r["subjek"]: _pct(r["nilai"]) for r in _rows("bpkp/2021", "pernyataan_narasi.csv")}
    for m in ("dana", "sdm"):
        mean = sum(ie[m]) / len(ie[m])
        c = rec.loc[f"efisiensi_rasio_rata_rata semua {m} 2021"]
        assert c["recomputed"] == pytest.approx(mean) and abs(mean - said[f"semua {m}"]) > 5
        assert c["status"] == "mismatch"
    # goal 6: 108,91 % in the sentence, 119,98 % in the table
    six = next(r for r in rows if r["no"].startswith("6"))
    c = rec.loc["capaian_sasaran sasaran 6 2021"]
    assert c["recomputed"] == pytest.approx(_pct(six["capaian_output"])) and c["status"] == "mismatch"
    # the budget sentence's absorption from its own amounts
    b = _rows("bpkp/2021", "anggaran_sumber_dana.csv")[0]
    money = _id(b["realisasi"].removeprefix("Rp")) / _id(b["anggaran"].removeprefix("Rp")) * 100
    c = rec.loc["serapan APBN 2021"]
    assert c["recomputed"] == pytest.approx(money) and c["status"] == "match"


def test_tanah_datar_2016_trends_join_the_2015_report_with_its_lines(built):
    """The 2016 report's trends carry the 2015 report's figures as that report printed them, each with its
    line, in both languages; restatements are the indicator-years both reports print with different values
    (computed here from both IKU tables)."""
    codes = {}
    for d in _rows("tanahdatar-kab", "definisi_indikator.csv"):
        for name in [d["nama"], *filter(None, d["nama_lain"].split("|"))]:
            codes[name] = d["kode_indikator"]
    printed = {(codes[r["indikator"]], int(ay[-4:])): (r["realisasi"], r["baris_sumber"])
               for ay in ("tanahdatar-kab/2015", "tanahdatar-kab/2016") for r in _rows(ay, "capaian_iku.csv")}
    trends = pd.read_csv(built["proc"] / "tanahdatar-kab/2016/trends.csv").set_index(["kode_indikator", "tahun"])
    text_id = _text(built["rep"] / "tanahdatar-kab/2016/report.html")
    text_en = _text(built["rep"] / "tanahdatar-kab/2016/report.en.html")
    for (code, y), (value, line) in printed.items():
        row = trends.loc[(code, y)]
        assert (row["laporan_tahun"], row["realisasi"], str(row["baris_sumber"])) == (y, _id(value), line)
        shown = fmt.lines(line)  # 7;8 -> 7–8
        assert f"LKj {y} baris {shown}" in text_id and f"the {y} report, line {shown}" in text_en
    # every figure of an indicator-year by report: the IKU tables and any multi-year table the manifests list
    by_year: dict[tuple[str, int], dict[int, float]] = {}
    for ay in ("tanahdatar-kab/2015", "tanahdatar-kab/2016"):
        report = int(ay[-4:])
        kinds = {m["tabel"]: m["berkas"] for m in _rows(ay, "manifest.csv")}
        for r in _rows(ay, kinds["capaian_iku"]):
            by_year.setdefault((codes[r["indikator"]], report), {})[report] = _id(r["realisasi"])
        for r in _rows(ay, kinds["realisasi_multi_tahun"]) if "realisasi_multi_tahun" in kinds else []:
            for col, cell in r.items():
                if col.startswith("realisasi_") and cell:
                    by_year.setdefault((codes[r["indikator"]], int(col[-4:])), {})[report] = _id(cell)
    expected = sum(len(set(v.values())) - 1 for v in by_year.values())
    restated = pd.read_csv(built["proc"] / "tanahdatar-kab/2016/restatements.csv")
    assert len(restated) == expected
    if not expected:  # the pages retrieved share no indicator-year: the report says none is restated
        assert "Tidak ada angka tahun lalu yang dicetak ulang berbeda" in text_id
        assert "No later report re-prints a past figure differently" in text_en


def test_wonogiri_capaian_and_ipg_series_as_the_arithmetic_says(built):
    """Two capaian from sentences (one lower-is-better), and the IPG table printed one row per year with its
    'Selisih Realisasi' column: every printed figure recomputed from the printed cells; 2016 printed '-'."""
    ay = "wonogiri-kab/2020"
    rec = _rec(built, ay)
    rows = {r["indikator"]: r for r in _rows(ay, "capaian_iku.csv")}
    ipg, theil = rows["IPG"], rows["Indeks Theil"]
    t, r = _id(ipg["target"]), _id(ipg["realisasi"])
    assert _half_up(r / t * 100, 2) == _pct(ipg["capaian"])                       # 91,08 / 89,95 = 101,26 %
    assert rec.loc["capaian IPG 2020", "status"] == "match"
    t, r = _id(theil["target"]), _id(theil["realisasi"])
    assert _half_up((2 * t - r) / t * 100, 1) == _pct(theil["capaian"])            # lower is better: 2T − R
    assert _half_up(r / t * 100, 1) != _pct(theil["capaian"])                      # R / T would be 75,6
    c = rec.loc["capaian THEIL 2020"]
    assert c["status"] == "match" and c["recomputed"] == pytest.approx((2 * t - r) / t * 100)
    # the series: the years with a printed value, '-' (tidak tersedia data) none, never zero
    (row,) = _rows(ay, "realisasi_multi_tahun.csv")
    printed = {int(k[-4:]): _id(v) for k, v in row.items() if k.startswith("realisasi_") and v.strip() != "-"}
    assert row["realisasi_2016"] == "-" and 2016 not in printed
    real = pd.read_csv(built["proc"] / ay / "realisasi_tahunan.csv")
    assert dict(zip(real["tahun"], real["realisasi"], strict=True)) == pytest.approx(printed)
    assert printed[2020] == _id(ipg["realisasi"])                                 # the table agrees with the text
    # each printed 'Selisih Realisasi' is the difference of the two printed years, in index points
    for s in _rows(ay, "pernyataan_narasi.csv"):
        a, b = int(s["dari_tahun"]), int(s["tahun"])
        diff = printed[b] - printed[a]
        assert _half_up(diff, 2) == _id(s["nilai"]), (a, b)
        c = rec.loc[f"perubahan IPG {a}→{b}"]
        assert c["status"] == "match" and c["recomputed"] == pytest.approx(diff), (a, b, c["explanation"])
        assert "difference in points" in c["explanation"]
    trends = pd.read_csv(built["proc"] / ay / "trends.csv").set_index(["kode_indikator", "tahun"])
    assert trends.loc[("IPG", 2017), "tahun_sebelumnya"] == 2015                  # across the missing 2016
    assert trends.loc[("IPG", 2017), "perubahan_tahunan_pp"] == pytest.approx(printed[2017] - printed[2015])


def test_polewali_mandar_en_style_counts_and_budget_as_the_arithmetic_says(built):
    """A measurement page printed in en style throughout: two count indicators (unit 'dokumen') and a percentage,
    each capaian recomputed from the printed target and Jumlah read in en style; the budget's percentages and the
    kegiatan's amounts from its sub-kegiatan. Every status follows from the cells (a figure that does not
    reproduce would have to be flagged)."""
    ay = "polewalimandar-kab/2022"
    rec = _rec(built, ay)
    definitions = _rows("polewalimandar-kab", "definisi_indikator.csv")
    codes = {d["nama"]: (d["kode_indikator"], d["satuan"]) for d in definitions}
    iku = pd.read_csv(built["proc"] / ay / "capaian_iku.csv").set_index("kode_indikator")
    counts = 0
    for r in _rows(ay, "capaian_iku.csv"):
        code, unit = codes[r["indikator"]]
        t, x = _en(r["target"]), _en(r["realisasi"])
        value = x / t * 100
        c = rec.loc[f"capaian {code} 2022"]
        assert c["recomputed"] == pytest.approx(value)
        assert c["status"] == ("match" if _half_up(value, 2) == _en(r["capaian"]) else "mismatch"), code
        assert (iku.loc[code, "target"], iku.loc[code, "realisasi"]) == (t, x)
        counts += unit == "dokumen"
    assert counts == 2
    # read in id style the printed '150.00' would be 15000: the en reading is what makes it reproduce
    assert _half_up(3 / 2 * 100, 2) == _en("150.00") != float("150.00".replace(".", ""))
    rows = _rows(ay, "realisasi_anggaran_rinci.csv")
    lines = rec[rec["subjek"].str.startswith("rincian")]
    for path, r in zip(("rincian 1", "rincian 1.1", "rincian 1.2"), rows, strict=True):
        pct = _en(r["realisasi"]) / _en(r["anggaran"]) * 100
        c = lines[(lines["subjek"] == path) & (lines["besaran"] == "serapan")].iloc[0]
        assert c["recomputed"] == pytest.approx(pct)
        assert c["status"] == ("match" if _half_up(pct, 2) == _en(r["persen"]) else "mismatch"), path
    parent, *subs = rows
    for col in ("anggaran", "realisasi"):
        summed = sum(_en(s[col]) for s in subs)
        c = lines[(lines["subjek"] == "rincian 1") & (lines["besaran"] == f"{col}_rincian")].iloc[0]
        assert c["recomputed"] == summed and c["status"] == ("match" if summed == _en(parent[col]) else "mismatch")
    budget = pd.read_csv(built["proc"] / ay / "budget.csv")
    total = budget[budget["tingkat"] == "total"].iloc[0]
    assert total["anggaran"] == _en(parent["anggaran"]) and total["realisasi"] == _en(parent["realisasi"])


@pytest.mark.parametrize("agency_year", REAL)
def test_reports_show_no_missing_markers_and_values_in_their_unit(built, agency_year):
    for name in ("report.html", "report.en.html"):
        text = _text(built["rep"] / agency_year / name)
        assert not re.search(r"\bnan\b|<NA>|\bNone\b|\bNaN\b", text), (agency_year, name)
        assert "()" not in text
    text = _text(built["rep"] / agency_year / "report.html")
    if agency_year == "kanwil-djpb-sulut/2023":  # an index: 3,25 and 4, never as percentages
        assert "3,25\u00a0%" not in text and "4,00\u00a0%" not in text and re.search(r"\b3,25\b", text)
    if agency_year == "tanahdatar-kab/2015":
        assert "15\u00a0Nagari" in text and "11\u00a0Nagari" in text and "5\u00a0sumber air" in text
        assert "15,00\u00a0%" not in text
    if agency_year == "bpkp/2021":  # the ratio table shown, with its inputs named in words; no "not computed" claim
        assert "Efisiensi (IE) (SDM)" in text and "124,25\u00a0%" in text and "efisiensi tidak dihitung" not in text
    if agency_year == "wonogiri-kab/2020":  # an index of 0,0189 shown as printed; IPG's changes in points
        assert re.search(r"\b0,0189\b", text) and re.search(r"\b0,025\b", text) and "0,02\u00a0%" not in text
        assert "+0,43\u00a0poin" in text and "+0,40\u00a0poin (dari 2015)" in text
        assert "+0,43\u00a0poin persentase" not in text and "indikator baru" in text
    if agency_year == "polewalimandar-kab/2022":  # en-style counts shown as counts in the reader's style
        assert "2\u00a0dokumen" in text and "5\u00a0dokumen" in text and "dokumen\u00a0%" not in text
        assert "2,00\u00a0%" not in text and "95,56\u00a0%" in text and "Rp\u00a01.004.422.800" in text
        en = _text(built["rep"] / agency_year / "report.en.html")
        assert "3\u00a0dokumen" in en and "95.56\u00a0%" in en and "IDR\u00a01,004,422,800" in en
        # printed capaian with the decimals it was printed with: 150.00, not 150
        assert "150,00\u00a0%" in text and "150.00\u00a0%" in en and "150\u00a0%" not in text
    if agency_year == "sumut-setda/2021":  # the budget table with levels, printed and recomputed percentages
        assert "3.Sub Kegiatan Evaluasi Pelaksanaan" in text and "77,08\u00a0%" in text and "1.2.3" in text


def test_the_real_agencies_build_into_a_national_roll_up(built):
    """The build rolls the agency-years up (four agencies): the only printed figure of theirs the vectorised
    check cannot reproduce is Tanah Datar 2016's APM SD/MI realisation, recomputed here from its raw components;
    the seed's formula change and its gap to the national 10 % are listed."""
    assert "national roll-up: built" in built["log"]
    found = pd.read_csv(built["rep"] / "rollup" / "findings.csv")
    assert list(zip(found["agency"], found["tahun"], found["check"], strict=True)) == [
        ("tanahdatar-kab", 2016, "realisasi APMSD")]
    comp = {r["komponen"]: _id(r["nilai"]) for r in _rows("tanahdatar-kab/2016", "komponen_iku.csv")}
    exact = comp["penduduk_7_12_sekolah"] / comp["penduduk_7_12"] * 100
    assert found["recomputed"][0] == pytest.approx(exact) and _half_up(exact, 2) != found["reported"][0]
    text = _text(built["rep"] / "rollup.html")
    assert "Pemerintah Kabupaten Tanah Datar" in text and "92,22" in text and "92,24" in text
    changes = pd.read_csv(built["rep"] / "rollup" / "formula_changes.csv")
    assert list(zip(changes["agency"], changes["kode_indikator"], changes["tahun_pertama_baru"], strict=True)) == [
        ("kalbar-diskumkm", "KB", 2024)]
    below = pd.read_csv(built["rep"] / "rollup" / "below_standard.csv").iloc[0]
    kb = {r["komponen"]: _id(r["nilai"]) for r in _rows("kalbar-diskumkm/2024", "komponen_iku.csv")
          if r["kode_indikator"] == "KB"}
    healthy = kb["koperasi_sehat_cukup_sehat_provinsi"] + kb["koperasi_sehat_cukup_sehat_kabkota"]
    need = -(-10 * kb["koperasi_aktif"] // 100)  # ceil(10 % of the active cooperatives)
    assert below["kekurangan_unit"] == need - healthy
    assert 'href="rollup.html"' in (built["rep"] / "index.html").read_text(encoding="utf-8")
    assert 'href="rollup.en.html"' in (built["rep"] / "index.en.html").read_text(encoding="utf-8")


def test_budgets_printed_by_levels_give_the_roll_up_its_absorption(built):
    """Sumut (Program › Kegiatan › Sub Kegiatan, id amounts) and Polewali Mandar (Kegiatan › Sub-Kegiatan, en
    amounts) print no programme table: the roll-up takes their budget's levels, and its absorption is the sum of the
    printed leaves' realisation over their budget (recomputed here from the raw cells)."""
    ay = pd.read_csv(built["rep"] / "rollup" / "agency_years.csv").set_index(["agency", "tahun"])
    sumut = [r for r in _rows("sumut-setda/2021", "realisasi_keuangan_sasaran_strategis.csv") if r["anggaran"]]
    polman = [r for r in _rows("polewalimandar-kab/2022", "realisasi_anggaran_rinci.csv")
              if r["tingkat"].startswith("Sub")]
    for key, leaves, number in ((("sumut-setda", 2021), sumut, _id), (("polewalimandar-kab", 2022), polman, _en)):
        spent, budget = sum(number(r["realisasi"]) for r in leaves), sum(number(r["anggaran"]) for r in leaves)
        assert ay.loc[key, "anggaran"] == budget and ay.loc[key, "serapan"] == pytest.approx(spent / budget * 100)
    # Polewali Mandar also prints its IKU: its row in the absorption-against-capaian table, capaian the plain mean
    capaian = [_en(r["realisasi"]) / _en(r["target"]) * 100 for r in _rows("polewalimandar-kab/2022",
                                                                            "capaian_iku.csv")]
    assert ay.loc[("polewalimandar-kab", 2022), "capaian_rata_rata"] == pytest.approx(sum(capaian) / len(capaian))
    # the section's heading (the first occurrence is the table of contents)
    section = _text(built["rep"] / "rollup.html").split("Serapan dan Capaian per Instansi")[2][:2000]
    assert "Polewali Mandar" in section, section
