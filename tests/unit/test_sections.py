"""The report's sections render from small hand-made tables: expected tables, headers and rows, and text
from the data always escaped (in every section, the page shell and the index page)."""
import json
import re
from types import SimpleNamespace

import pandas as pd
import pytest
from frames import tables

from analysis.build.index import write_index
from analysis.report import labels, reconciliation, sections
from analysis.report.export import page
from analysis.report.labels import t
from analysis.report.render import environment

HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def render_all(d: dict, lang: str) -> dict[str, str]:
    return {
        "header_block": sections.header_block(d["info"]["meta"], "agency", 2024, lang),
        "section": sections.section("ringkasan", lang),
        "summary": sections.summary(d["iku"], d["capaian_sasaran"], d["budget"], d["efficiency"],
                                    d["reconciliation"], d["breaks"], d["warnings"], lang, gaps=d["gaps"]),
        "headline_warnings": sections.headline_warnings(d["reconciliation"], d["breaks"], d["warnings"], lang),
        "indicators": sections.indicators(d["iku"], d["capaian_sasaran"], d["gaps"], lang),
        "budget_section": sections.budget_section(d["budget"], d["efficiency"], d["programme_outputs"], lang),
        "trends_section": sections.trends_section(d["trends"], d["breaks"], d["decomposition"], lang),
        "reconciliation_section": reconciliation.reconciliation_section(d["reconciliation"], lang),
        "resources_section": sections.resources_section(d, lang),
        "provenance_section": sections.provenance_section(d["info"], d["definisi_indikator"], lang),
        "table": sections.table([HOSTILE, "b"], [[HOSTILE, None], [1, 2.5]], HOSTILE),
    }


def tables_in(html: str) -> list[tuple[list[str], int]]:
    """(header cells, number of body rows) of every table in ``html``."""
    out = []
    for tb in re.findall(r"<table.*?</table>", html, flags=re.S):
        head = re.findall(r"<th>(.*?)</th>", tb)
        body = re.search(r"<tbody>(.*)</tbody>", tb, flags=re.S).group(1)
        rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
        assert all(len(re.findall(r"<td>", r)) == len(head) for r in rows), tb  # every row fills the header
        out.append((head, len(rows)))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_hostile_text_is_escaped_in_every_section(lang):
    html = render_all(tables(HOSTILE), lang)
    for name, out in html.items():
        assert "<script" not in out.lower(), name
        if name != "section":  # the heading is a label, no data in it
            assert ESCAPED in out, name


def test_markup_and_ampersands_from_the_data_are_escaped_not_doubled():
    html = render_all(tables('Koperasi "A" & <b>UKM</b>'), "id")["indicators"]
    assert "Koperasi &#34;A&#34; &amp; &lt;b&gt;UKM&lt;/b&gt;" in html
    assert "&amp;amp;" not in html


def findings_of(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html.split('<ol class="findings">')[1].split("</ol>")[0])


def test_summary_opens_with_the_findings_then_the_table_then_the_method_notes():
    d = tables()
    html = render_all(d, "id")["summary"]
    assert tables_in(html) == [(["Indikator", "Target", "Realisasi", "Capaian", "Capaian dilaporkan", "Kategori"], 2)]
    assert html.index('class="findings"') < html.index("<table") < html.index("Catatan metode")
    assert findings_of(html) == [
        "<b>serapan</b> tercetak 90, tetapi hitung ulang memberi —.",
        "<b>Persentase Koperasi Sehat</b> 2,97\u00a0%, di bawah target nasional 5,00\u00a0%: kurang 66 unit "
        "(96 dari 162 yang dibutuhkan).",
        # one of the two IKU states its components: the sentence says so
        "Rata-rata capaian IKU <b>104,28\u00a0%</b>; 2 dari 2 IKU mencapai targetnya (dihitung dari komponennya "
        "bila dinyatakan, selain itu dari target dan realisasi yang tercetak).",
        "Serapan anggaran <b>90,00\u00a0%</b>: Rp\u00a01.350.000.000 dibelanjakan dari Rp\u00a01.500.000.000.",
        "Efisiensi <b>+14,3\u00a0poin persentase</b> (capaian 104,28\u00a0% dikurangi serapan 90,00\u00a0%): "
        "Persentase Koperasi Sehat."]
    notes = re.findall(r"<li>(.*?)</li>", html.split('<ul class="facts">')[1].split("</ul>")[0])
    assert notes[1].endswith("rata-rata biasa persentase program, 87,50\u00a0%.")
    assert "+16,8\u00a0poin persentase" in notes[2]
    assert "<td>A (89,4)</td>" in html and "<td>108,57\u00a0%</td>" in html  # grade with its score; components first


@pytest.mark.parametrize("lang, expected", [
    ("id", "<b>Usaha Kecil Naik Kelas</b> tercetak tercapai 100\u00a0%, tetapi dari komponennya capaiannya "
           "99,75\u00a0%: target belum tercapai, kurang 1 usaha kecil (23 dari 24 yang dibutuhkan)."),
    ("en", "<b>Usaha Kecil Naik Kelas</b> is printed as 100\u00a0% achieved, but from its components the achievement "
           "is 99.75\u00a0%: the target is not met, 1 unit short (23 of the 24 needed).")])
def test_a_printed_figure_that_flips_met_comes_first_with_the_units_missing(lang, expected):
    d = tables()
    iku = d["iku"].copy()
    iku.loc[0, ["nama", "target", "realisasi", "pembilang", "penyebut", "capaian", "capaian_komponen",
                "capaian_dilaporkan"]] = ["Usaha Kecil Naik Kelas", 0.08, 0.08, 23.0, 28822.0, 100.0, 99.75, 100.0]
    komponen = pd.DataFrame({"kode_indikator": ["SEHAT", "SEHAT"], "nilai": [23.0, 28822.0],
                             "satuan": ["usaha kecil", "pelaku usaha"]})
    html = sections.summary(iku, d["capaian_sasaran"], d["budget"], d["efficiency"], d["reconciliation"],
                            d["breaks"], [], lang, gaps=d["gaps"], komponen=komponen)
    assert findings_of(html)[0] == expected


def test_comparisons_across_a_formula_change_are_a_finding():
    d = tables()
    rec = d["reconciliation"].copy()
    rec["subjek"] = ["SEHAT", "APBD", "APBD"]
    rec.loc[0, ["status", "check", "reported"]] = ["not_comparable", "Perubahan Persentase Koperasi Sehat", "'-80,29%"]
    html = sections.summary(d["iku"], d["capaian_sasaran"], d["budget"], d["efficiency"], rec, d["breaks"], [],
                            "id", gaps=d["gaps"].iloc[0:0])
    got = findings_of(html)
    assert got[1] == ("<b>Rumus Persentase Koperasi Sehat berubah mulai 2023</b>, tetapi laporan membandingkan angka "
                      "dari kedua sisi perubahan itu (Perubahan Persentase Koperasi Sehat tercetak -80,29%): "
                      "perbandingan itu tidak sebanding.")


def test_readable_reconciliation_names_checks_tables_and_formats_explanations():
    rec = pd.DataFrame({"check": ["capaian_sasaran sasaran 1 2024", "kategori_serapan program 1 DAU 2024",
                                  "perubahan KB 2023→2024"],
                        "besaran": ["capaian_sasaran", "kategori_serapan", "perubahan"],
                        "subjek": ["sasaran 1", "program 1 DAU", "KB"], "tahun_dasar": pd.array([None, None, 2023],
                                                                                            dtype="Int64"),
                        "tahun": pd.array([2024, 2024, 2024], dtype="Int64"),
                        "tabel": ["efisiensi", "anggaran_program_sumber_dana", "pernyataan_narasi"],
                        "reported": ["109", "Sangat Berhasil", "23,46%"],
                        "penjelasan": ["rata-rata (tertimbang: 96.17 %)", "", "(5.87106 − 29.33) pada lkj_dua_tingkat"],
                        "explanation": ["the mean of all IKU capaian (weighted: 96.17 %)", "", "(5.87106 − 29.33)"]})
    iku = pd.DataFrame({"kode_indikator": ["KB"], "nama": ["Koperasi Berkualitas"]})
    budget = pd.DataFrame({"program_no": [1.0], "nama": ["Penunjang Urusan"]})
    read = [{"tabel": "efisiensi", "judul_tabel": "Efisiensi penggunaan sumber daya", "bagian": "BAB III"},
            {"tabel": "pernyataan_narasi", "judul_tabel": " III.A.1", "bagian": "BAB I (narasi)"}]
    idr = sections.readable_reconciliation(rec, "id", iku, budget, read)
    assert list(idr["check"]) == ["Capaian sasaran 1 (2024)", "Kategori serapan program Penunjang Urusan (DAU) (2024)",
                                  "Perubahan Koperasi Berkualitas (2023→2024)"]
    assert list(idr["tabel"]) == ["Efisiensi penggunaan sumber daya", "anggaran program sumber dana",
                                  "BAB I (narasi)"]
    assert list(idr["penjelasan"]) == ["rata-rata (tertimbang: 96,17\u00a0%)", "",
                                       "(5,87 − 29,33) pada lkj dua tingkat"]
    en = sections.readable_reconciliation(rec, "en", iku, budget, read)
    assert en.loc[0, "check"] == "Goal 1 achievement (2024)"
    assert en.loc[0, "explanation"] == "the mean of all KPI achievement (weighted: 96.17\u00a0%)"
    assert en.loc[1, "reported"] == "Very successful"
    assert rec.loc[0, "check"] == "capaian_sasaran sasaran 1 2024"  # the processed table is left as it is


def test_tables_have_captions_and_scroll_in_their_own_box():
    html = render_all(tables(), "en")["indicators"]
    assert html.count('<div class="table-scroll') == html.count("<table") == 3
    assert "<caption>KPIs: target, actual, components and achievement</caption>" in html


def test_contents_and_glossary():
    toc = sections.contents("en")
    assert toc.count("<li>") == len(sections.CONTENTS) and 'href="#glosarium">Glossary</a>' in toc
    for lang in ("id", "en"):
        g = sections.glossary(lang)
        assert g.count("<dt>") == len(labels.GLOSSARY) >= 10
    assert "Poin persentase" in sections.glossary("id") and "Weighted mean" in sections.glossary("en")


def test_headline_warnings_list_counts_checks_formula_changes_and_notes():
    d = tables()
    html = sections.headline_warnings(d["reconciliation"], d["breaks"], d["warnings"], "en")
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items[0] == ("Reconciliation: 1 match, 1 rounding, 0 other method, 1 mismatch, 0 not comparable, "
                        "0 unverifiable")
    assert items[1] == "<b>capaian Persentase Koperasi Sehat</b> (rounding): Persentase Koperasi Sehat"
    assert items[2] == "<b>serapan</b> (mismatch): cannot be computed"
    assert items[3].startswith("<b>SEHAT formula changed from 2023</b>: Persentase Koperasi Sehat →")
    assert items[4] == "catatan: Persentase Koperasi Sehat"
    assert len(items) == 5
    assert "<h3>Warnings</h3>" in html


@pytest.mark.parametrize("lang, line, label", [
    ("id", "Rekonsiliasi: 1 cocok, 1 pembulatan, 0 metode lain, 1 tidak cocok, 1 tidak sebanding, "
           "0 tak dapat diverifikasi", "tidak sebanding"),
    ("en", "Reconciliation: 1 match, 1 rounding, 0 other method, 1 mismatch, 1 not comparable, 0 unverifiable",
     "not comparable")])
def test_not_comparable_counted_apart_in_the_summary_and_the_table(lang, line, label):
    rec = tables()["reconciliation"]
    rec.loc[len(rec)] = {"check": "kemajuan KB 2022→2024", "tabel": "realisasi_multi_tahun", "baris_sumber": "591",
                         "besaran": "kemajuan", "reported": "-80,29%", "recomputed": -80.2919,
                         "status": "not_comparable", "penjelasan": "aritmetikanya cocok; tidak sebanding",
                         "explanation": "the arithmetic reproduces it; not comparable"}
    items = re.findall(r"<li>(.*?)</li>", sections.headline_warnings(rec, tables()["breaks"], [], lang))
    assert items[0] == line
    assert f"<b>kemajuan KB 2022→2024</b> ({label}):" in " ".join(items)
    assert f'<td data-label="{t("status", lang)}">{label}</td>' in reconciliation.reconciliation_section(rec, lang)


def test_indicators_tables():
    got = tables_in(render_all(tables(), "id")["indicators"])
    assert [h for h, _ in got] == [
        t("kolom_iku", "id").split("|"),
        ["No", "Sasaran", "IKU", "Capaian sasaran", "Rata-rata capaian tercetak"],
        ["Kode", "Jenis target", "Target", "Realisasi", "Selisih", "Dibutuhkan", "Tercapai", "Kekurangan"]]
    assert [n for _, n in got] == [2, 2, 1]


def test_indicators_without_gaps_has_no_gap_table():
    d = tables()
    html = sections.indicators(d["iku"], d["capaian_sasaran"], d["gaps"].iloc[0:0], "id")
    assert len(tables_in(html)) == 2


def test_budget_tables():
    html = render_all(tables(), "en")["budget_section"]
    got = tables_in(html)
    assert [n for _, n in got] == [2, 3, 2, 1]
    assert got[0][0] == ["No", "Programme", "Funding source", "Budget", "Spending", "Absorption", "Category"]
    assert "<td>IDR\u00a0950,000,000</td>" in html and "<td>12 of 20 koperasi</td>" in html
    assert "<td>Goal 1 (all programmes)</td>" in html
    assert "<td>difference, budget-weighted</td>" in html and "<td>Efficient</td>" in html


def test_trends_table_breaks_and_decomposition():
    html = render_all(tables(), "id")["trends_section"]
    got = tables_in(html)
    assert len(got) == 1 and got[0][1] == 4
    assert got[0][0][0] == "Kode" and got[0][0][-1] == "Sebanding?"
    assert "<td>−12,57\u00a0poin persentase</td>" in html and "<td>−83,41\u00a0%</td>" in html
    assert "<td>tidak — rumus berubah</td>" in html and "<td>ya</td>" in html
    assert len(re.findall(r'<p class="break">', html)) == 1
    assert "v1 (Persentase Koperasi Sehat) → v2 (koperasi sehat / koperasi aktif) mulai 2023." in html
    decomposition = re.findall(r'<p class="decomposition">(.*?)</p>', html)
    assert decomposition == [
        "Perubahan SEHAT ke 2023 (−12,57\u00a0poin persentase) belum dapat diurai menjadi efek rumus dan efek "
        "kinerja: dibutuhkan Persentase Koperasi Sehat.",
        "SEHAT 2024: +0,47\u00a0poin persentase = +0,10\u00a0poin persentase (efek rumus) + +0,37\u00a0poin "
        "persentase (efek kinerja)"]


def test_reconciliation_table():
    html = render_all(tables(), "id")["reconciliation_section"]
    # findings (rounding, mismatch) first; the one match only counted here, listed in the appendix
    findings, counts = re.findall(r"<table.*?</table>", html, flags=re.S)
    assert re.findall(r"<th>(.*?)</th>", findings) == ["Pemeriksaan", "Dilaporkan", "Dihitung ulang", "Status",
                                                       "Penjelasan"]
    assert [len(re.findall(r"<td", r)) for r in re.findall(r"<tr>(.*?)</tr>", findings, flags=re.S)[1:]] == [5, 5]
    assert tables_in(counts) == [(["Tabel dalam laporan", "Cocok"], 1)]
    assert '<table class="wide recon">' in html
    assert '>108,0</td><td data-label="Dihitung ulang">108,570</td>' in html
    assert '>90</td><td data-label="Dihitung ulang">—</td>' in html
    assert "1.500.000.000" not in html
    assert "<td>1.500.000.000</td>" in reconciliation.reconciliation_appendix(tables()["reconciliation"], "id")


def test_resources_tables():
    got = tables_in(render_all(tables(), "id")["resources_section"])
    assert [h for h, _ in got] == [["Jenjang pendidikan", "Jumlah"], ["Jabatan", "Jumlah"],
                                   ["Jabatan", "Formasi", "Kebutuhan", "Kekurangan"], ["Kondisi", "Jumlah"],
                                   ["Barang", "Kondisi", "Jumlah"]]
    assert [n for _, n in got] == [3, 3, 3, 2, 1]
    assert sections.resources_section({}, "id") == ""


def test_header_and_provenance():
    d = tables()
    head = sections.header_block(d["info"]["meta"], "agency", 2024, "en")
    assert '<p class="synthetic">SYNTHETIC DATA' in head and "<h1>Performance Report Analysis 2024</h1>" in head
    real = sections.header_block({**d["info"]["meta"], "sintetis": "tidak"}, "agency", 2024, "id")
    assert "synthetic" not in real
    prov = sections.provenance_section(d["info"], d["definisi_indikator"], "id")
    assert "SHA-256 <code>0123456789abcdef…</code>" in prov
    assert [n for _, n in tables_in(prov)] == [1, 2]
    assert "<td>2023–</td>" in prov and "<td>koperasi sehat</td>" in prov


def test_section_heading_has_its_anchor():
    assert sections.section("anggaran", "en") == '<h2 id="anggaran">Budget and Efficiency</h2>'
    assert sections.section("anggaran", "id", anchor="x") == '<h2 id="x">Anggaran dan Efisiensi</h2>'


def test_page_shell_escapes_title_and_footer_and_keeps_the_body():
    html = page("<p>body</p>", HOSTILE, "en", HOSTILE)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<p>body</p>" in html and HOSTILE not in html and html.count(ESCAPED) == 2
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_one_environment_per_process_with_autoescape():
    assert environment() is environment()
    assert environment().autoescape is True


@pytest.mark.parametrize("lang, title", [("id", "Laporan analisis LKj"), ("en", "LKj analysis reports")])
def test_index_page(tmp_path, lang, title):
    for agency, year, synth, pdf in (("a-real", 2024, False, True), ("b-synth", 2025, True, False)):
        folder = tmp_path / agency / str(year)
        folder.mkdir(parents=True)
        (folder / "summary.json").write_text(json.dumps({
            "nama_instansi": HOSTILE, "year": year, "sintetis": synth, "capaian": 109.41, "serapan": 96.17,
            "efisiensi": 13.24, "rekonsiliasi": {"match": 10, "rounding": 2, "mismatch": 1, "not_comparable": 2},
            "perubahan_rumus": 1}))
        for name in ("report.html", "report.en.html"):
            (folder / name).write_text("<p>")
        if pdf:
            (folder / "report.pdf").write_bytes(b"%PDF")
            (folder / "report.en.pdf").write_bytes(b"%PDF")
    html = write_index(SimpleNamespace(reports_root=tmp_path), lang).read_text(encoding="utf-8")
    other = "en" if lang == "id" else "id"
    own, theirs = ("report.html", "report.en.html") if lang == "id" else ("report.en.html", "report.html")
    assert f'<html lang="{lang}">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert f"<h1>{title}</h1>" in html
    assert HOSTILE not in html and html.count(ESCAPED) == 2
    got = tables_in(html)
    assert len(got) == 1 and got[0][1] == 2 and len(got[0][0]) == 8
    # each row: this language's report and PDF, then the other language's, named in that language
    assert html.count(f'/{own}">HTML</a>') == 2 and html.count(own.replace(".html", ".pdf")) == 1
    assert html.count(f'/{theirs}" hreflang="{other}">{t("nama_bahasa", other)}</a>') == 2
    assert html.count(f'<span class="links" lang="{other}">') == 2
    # and this page in the other language
    index_other = "index.en.html" if lang == "id" else "index.html"
    assert f'<a href="{index_other}" hreflang="{other}" lang="{other}" rel="alternate">' in html
    assert ("<td>109,41\u00a0%</td>" if lang == "id" else "<td>109.41\u00a0%</td>") in html
    assert '<div class="table-scroll"' in html
    assert "<td>5</td>" in html  # figures needing attention: 2 rounding + 1 mismatch + 2 not comparable
    assert f"<b>({t('indeks_sintetis', lang)})</b>" in html


def test_index_links_only_the_languages_built(tmp_path):
    folder = tmp_path / "dinas" / "2024"
    folder.mkdir(parents=True)
    (folder / "summary.json").write_text(json.dumps({
        "nama_instansi": "Dinas", "year": 2024, "capaian": 100.0, "serapan": 90.0, "efisiensi": 10.0,
        "rekonsiliasi": {"match": 3}, "perubahan_rumus": 0}))
    (folder / "report.en.html").write_text("<p>")
    html = write_index(SimpleNamespace(reports_root=tmp_path), "id").read_text(encoding="utf-8")
    assert "dinas/2024/report.html" not in html and 'dinas/2024/report.en.html" hreflang="en">English</a>' in html
