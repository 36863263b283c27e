"""Definitions as each report states them: a change between two reports that the declared definitions put in one
version is a series break found in the reports' text (a derived version), never a change declared away; the same
wording modulo case, spacing and punctuation is no change."""
import html

import pandas as pd

from analysis.indicators.trends import detect_breaks
from analysis.ingest.definitions import version_in
from analysis.ingest.stated import (
    DECLARED,
    FROM_REPORTS,
    STATED_COLUMNS,
    changes_between_reports,
    derive_versions,
    describe,
    differences,
)

NUM, DEN = "Penduduk usia 7 s.d 12 tahun yang sekolah", "Penduduk usia 7 s.d 12 tahun"


def _declared(*versions) -> pd.DataFrame:
    """Declared versions of indicator X: (versi, dari, sampai, penyebut)."""
    rows = [{"kode_indikator": "X", "versi": v, "berlaku_dari": a, "berlaku_sampai": b, "nama": "Indikator X",
             "nama_lain": "", "sasaran_no": 1, "sasaran": "S", "pembilang": NUM, "penyebut": den,
             "komponen_pembilang": "n", "komponen_penyebut": "d", "faktor": 100.0, "satuan": "%",
             "polaritas": "positif", "konvensi_negatif": "", "skala_predikat": "", "laporan_tahun": 2016,
             "baris_sumber": "40", "kalimat_sumber": f"declared v{v}", "baris_raw": v + 1, "metode_capaian": "",
             "batas_capaian": float("nan")} for v, a, b, den in versions]
    return pd.DataFrame(rows).astype({"berlaku_sampai": "Int64"})


def _stated(*reports) -> pd.DataFrame:
    """What each report states of X: (report year, penyebut as printed, its line)."""
    rows = [{"kode_indikator": "X", "pembilang": NUM, "penyebut": den, "faktor": 100.0, "satuan": "", "polaritas": "",
             "kalimat": f"printed {y}", "baris_sumber": line, "baris_raw": 2, "laporan_tahun": y}
            for y, den, line in reports]
    return pd.DataFrame(rows, columns=[*STATED_COLUMNS, "laporan_tahun"])


def test_same_wording_modulo_case_spacing_and_punctuation_is_no_change():
    a = {"pembilang": NUM, "penyebut": DEN, "satuan": "%", "faktor": 100.0}
    b = {"pembilang": "  penduduk USIA 7 s/d-12 tahun yang sekolah. ".replace("s/d-", "s.d "),
         "penyebut": "PENDUDUK usia 7 s.d. 12 tahun,", "satuan": "persen", "faktor": 100}
    assert differences(a, b) == []
    # a field one side leaves empty is not compared
    assert differences(a, {"penyebut": "", "faktor": None, "polaritas": "negatif"}) == []
    assert differences(a, {"penyebut": DEN + " di Tanah Datar", "faktor": 1, "satuan": "Nagari"}) == [
        "penyebut", "faktor", "satuan"]
    defs = _declared((1, 2015, None, DEN))
    stated = _stated((2015, DEN, "9"), (2016, b["penyebut"], "7"))
    out = derive_versions(defs, stated)
    assert len(out) == 1 and list(out["asal"]) == [DECLARED]
    assert detect_breaks(out).empty


def test_a_change_between_reports_in_one_declared_version_is_a_derived_break():
    defs = _declared((1, 2015, None, DEN))
    new = DEN + " di Tanah Datar"
    out = derive_versions(defs, _stated((2015, DEN, "9"), (2016, new, "7;8")))
    assert list(zip(out["versi"], out["berlaku_dari"], out["berlaku_sampai"], out["asal"], strict=True)) == [
        (1, 2015, 2015, DECLARED), (2, 2016, pd.NA, FROM_REPORTS)]
    derived = out.iloc[1]
    assert derived["penyebut"] == new and derived["komponen_penyebut"] == "d"  # components stay as declared
    assert (derived["laporan_tahun"], derived["baris_sumber"], derived["kalimat_sumber"]) == (2016, "7;8",
                                                                                              "printed 2016")
    assert (derived["laporan_sebelumnya"], derived["baris_sebelumnya"]) == (2015, "9")
    assert version_in(out, "X", 2015) == 1 and version_in(out, "X", 2016) == 2 and version_in(out, "X", 2030) == 2
    [b] = detect_breaks(out).to_dict("records")
    assert (b["jenis"], b["asal"], b["tahun_pertama_baru"], b["yang_berubah"]) == ("perubahan_rumus", FROM_REPORTS,
                                                                                  2016, "penyebut")
    assert (b["laporan_lama"], b["baris_lama"], b["laporan_baru"], b["baris_baru"]) == (2015, "9", 2016, "7;8")
    assert (b["definisi_lama"], b["definisi_baru"]) == (f"{NUM} / {DEN}", f"{NUM} / {new}")


def test_a_change_already_declared_derives_nothing():
    new = DEN + " di Tanah Datar"
    defs = _declared((1, 2015, 2015, DEN), (2, 2016, None, new))
    stated = _stated((2015, DEN, "9"), (2016, new, "7"))
    assert changes_between_reports(defs, stated) == []
    out = derive_versions(defs, stated)
    assert list(out["versi"]) == [1, 2] and set(out["asal"]) == {DECLARED}
    [b] = detect_breaks(out).to_dict("records")
    assert (b["asal"], b["laporan_lama"], b["baris_lama"], b["laporan_baru"]) == (DECLARED, 2016, "40", 2016)


def test_a_declared_version_the_reports_contradict_still_breaks_where_they_differ():
    """One declared version; the reports state two denominators, neither the declared one: the break is found
    in their text, and the derived version is worded as the later report prints it."""
    defs = _declared((1, 2015, None, "Jumlah anak"))
    out = derive_versions(defs, _stated((2015, DEN, "9"), (2016, DEN + " di Tanah Datar", "7")))
    assert list(out["versi"]) == [1, 2] and out.iloc[1]["penyebut"] == DEN + " di Tanah Datar"
    [b] = detect_breaks(out).to_dict("records")
    assert b["definisi_lama"] == describe({"pembilang": NUM, "penyebut": DEN})  # as the 2015 report states it


def test_three_report_years_and_back_again():
    defs = _declared((1, 2015, None, DEN))
    other = DEN + " di Tanah Datar"
    out = derive_versions(defs, _stated((2015, DEN, "9"), (2016, other, "7"), (2017, DEN, "3")))
    assert list(zip(out["versi"], out["berlaku_dari"], out["berlaku_sampai"], strict=True)) == [
        (1, 2015, 2015), (2, 2016, 2016), (3, 2017, pd.NA)]
    breaks = detect_breaks(out)
    assert list(breaks["tahun_pertama_baru"]) == [2016, 2017] and set(breaks["asal"]) == {FROM_REPORTS}
    assert list(zip(breaks["laporan_lama"], breaks["laporan_baru"], strict=True)) == [(2015, 2016), (2016, 2017)]
    # the same change kept in 2017: one break
    kept = derive_versions(defs, _stated((2015, DEN, "9"), (2016, other, "7"), (2017, other, "3")))
    assert list(kept["berlaku_dari"]) == [2015, 2016] and len(detect_breaks(kept)) == 1


def test_a_derived_version_ends_where_the_declared_one_does():
    defs = _declared((1, 2015, 2017, DEN), (2, 2018, None, "Jumlah anak"))
    out = derive_versions(defs, _stated((2015, DEN, "9"), (2016, DEN + " di Tanah Datar", "7")))
    assert list(zip(out["versi"], out["berlaku_dari"], out["berlaku_sampai"], strict=True)) == [
        (1, 2015, 2015), (3, 2016, 2017), (2, 2018, pd.NA)]
    assert list(detect_breaks(out)["asal"]) == [FROM_REPORTS, DECLARED]


def test_no_break_derived_where_an_earlier_report_year_has_no_declared_version():
    """2014 has no declared version of X: its report's wording is not compared within a version."""
    defs = _declared((1, 2015, None, DEN))
    stated = _stated((2014, DEN, "9"), (2016, DEN + " di Tanah Datar", "7"))
    assert changes_between_reports(defs, stated) == [] and len(derive_versions(defs, stated)) == 1
    # with the 2014 report's year declared, the same statements are a break from 2016
    assert len(derive_versions(_declared((1, 2014, None, DEN)), stated)) == 2


def test_the_rollup_pairs_versions_by_their_years_and_names_a_change_of_wording():
    """A derived version takes the next free number (v3 before the declared v2): the roll-up's formula changes
    pair each version with the one before it in time, and a change of wording alone is named."""
    from analysis.rollup.compare import formula_changes

    defs = _declared((1, 2015, 2017, DEN), (2, 2018, None, "Jumlah anak"))
    out = derive_versions(defs, _stated((2015, DEN, "9"), (2016, DEN + " di Tanah Datar", "7")))
    changes = formula_changes(out.assign(agency="a", tahun=2018))
    assert list(zip(changes["versi_lama"], changes["versi_baru"], changes["tahun_pertama_baru"], strict=True)) == [
        (1, 3, 2016), (3, 2, 2018)]
    assert list(changes["yang_berubah"]) == ["penyebut", "penyebut"]
    # the change v1 -> v3 was found in the reports' text; v3 -> v2 is the declared one
    assert list(changes["asal"]) == ["laporan", "dinyatakan"]


def test_the_rollup_page_says_where_each_formula_change_comes_from():
    from analysis.report.rollup_sections import formula_changes as section
    from analysis.rollup.compare import formula_changes

    defs = _declared((1, 2015, 2017, DEN), (2, 2018, None, "Jumlah anak"))
    out = derive_versions(defs, _stated((2015, DEN, "9"), (2016, DEN + " di Tanah Datar", "7")))
    changes = formula_changes(out.assign(agency="a", tahun=2018))
    ay = pd.DataFrame({"agency": ["a"], "nama_instansi": ["Dinas A"]})
    for lang, found, declared, part in (
            ("id", "ditemukan dalam teks laporan", "dinyatakan dalam definisi indikator", "<td>penyebut</td>"),
            ("en", "found in the reports' text", "declared in the indicator definitions", "<td>denominator</td>")):
        page = html.unescape(section({"formula_changes": changes, "agency_years": ay}, lang))
        assert page.count(found) == 1 and page.count(declared) == 1, page
        assert page.count(part) == 2, page  # what changed, named in the reader's language (the words alone here)

