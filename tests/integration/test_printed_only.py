"""Real reports of other agencies (data/raw: kanwil-djpb-sulut, tanahdatar-kab) that print only target, realisation
and capaian: copied to a scratch raw root (changed there only to probe a case), cleaned, recomputed and
reconciled. Their cells are kept as printed: an index ``3,25``, ``15 Nagari``, ``101,51`` without %."""
import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import RAW_ROOT
from analysis.errors import DataError
from analysis.indicators.iku import build_iku
from analysis.ingest.clean import clean_agency_year
from analysis.reconcile.candidates import iku_candidates
from analysis.reconcile.reconcile import reconcile

TRANSCRIPTS = RAW_ROOT
NO_BREAKS = pd.DataFrame(columns=["kode_indikator", "tahun_pertama_baru", "versi_lama", "versi_baru"])


def _edit_csv(path: Path, fn, extra_columns=()):
    """Rewrite a raw CSV through ``fn(rows) -> rows`` (cells as text), adding ``extra_columns`` at the end."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = list(rows[0]) + [c for c in extra_columns if c not in rows[0]]
    rows = fn([{**{c: "" for c in fields}, **r} for r in rows])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _reconcile(agency: str, year: int, raw: Path):
    cleaned = clean_agency_year(agency, year, raw)
    iku, _ = build_iku(cleaned.tables, year)
    cands = pd.DataFrame(iku_candidates(iku, year)).astype({"tahun_dasar": "Int64", "tahun": "Int64",
                                                             "nilai": "float64"})
    rec = reconcile(cleaned.tables, cands, NO_BREAKS)
    return cleaned, iku, rec.set_index("check")


@pytest.fixture
def kanwil(tmp_path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(TRANSCRIPTS / "kanwil-djpb-sulut", raw / "kanwil-djpb-sulut")
    return raw


def test_kemenkeu_index_capped_at_120_unstated_is_named(kanwil):
    # an index (satuan indeks) 3,25 → 4, capaian printed 120; with the definition's cap taken away
    _edit_csv(kanwil / "kanwil-djpb-sulut" / "definisi_indikator.csv",
              lambda rows: [{**r, "metode_capaian": "", "batas_capaian": ""} for r in rows])
    cleaned, iku, rec = _reconcile("kanwil-djpb-sulut", 2023, kanwil)
    row = cleaned.tables["capaian_iku"].iloc[0]
    assert (row["target"], row["realisasi"], row["sasaran_no"], row["sasaran_label"]) == (3.25, 4.0, 6, "6b-N")
    r = rec.loc["capaian REKON 2023"]
    assert r["status"] == "method" and "capped at 120" in r["explanation"]
    assert r["recomputed"] == pytest.approx(123.0769, abs=1e-4)
    assert rec.loc["realisasi REKON 2023", "status"] == "unverifiable"   # nothing to recompute an index from


def test_kemenkeu_index_with_the_cap_in_the_definition_matches(kanwil):
    # as in data/raw: the definition names R/T capped at 120 (the Kemenkeu rule)
    _, iku, rec = _reconcile("kanwil-djpb-sulut", 2023, kanwil)
    assert (iku.iloc[0]["metode_capaian"], iku.iloc[0]["batas_capaian"], iku.iloc[0]["capaian"]) == ("R/T", 120, 120)
    assert rec.loc["capaian REKON 2023", "status"] == "match"


def test_tanah_datar_counts_with_unit_words_and_percentages_without_sign(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(TRANSCRIPTS / "tanahdatar-kab", raw / "tanahdatar-kab", ignore=shutil.ignore_patterns("2016"))
    folder = raw / "tanahdatar-kab"

    def definitions(rows):
        # sasaran numbers are whole numbers in the definitions (printed 3.4.4; APK's not on the retrieved page);
        # the persampahan IKU is printed as a count of nagari, so its unit is Nagari and its realisation the count
        rows = [r for r in rows if r["kode_indikator"] in ("APKSMP", "SAMPAH", "MUTUAIR")]
        for r in rows:
            r["sasaran_no"] = "1" if r["kode_indikator"] == "APKSMP" else "2"
            if r["kode_indikator"] == "SAMPAH":
                r.update(satuan="Nagari", faktor="1", komponen_penyebut="")
        return rows

    _edit_csv(folder / "definisi_indikator.csv", definitions)
    # the tables a budget or narrative kind cannot read yet are left out; 'no' numbers the indicators there, not
    # the sasaran (left empty: the sasaran comes from the definitions)
    _edit_csv(folder / "2015" / "manifest.csv",
              lambda rows: [r for r in rows if r["tabel"] in ("capaian_iku", "komponen_iku")])
    _edit_csv(folder / "2015" / "capaian_iku.csv", lambda rows: [{**r, "no": ""} for r in rows])
    cleaned, iku, rec = _reconcile("tanahdatar-kab", 2015, raw)
    ci = cleaned.tables["capaian_iku"].set_index("kode_indikator")
    assert list(ci.loc["SAMPAH", ["target", "realisasi"]]) == [15, 11]          # "15 Nagari", "11 Nagari"
    assert list(ci.loc["MUTUAIR", ["target", "realisasi"]]) == [5, 5]           # "5 sumber air"
    assert list(ci.loc["APKSMP", ["target", "realisasi"]]) == [101.51, 103.22]  # percentages printed without %
    assert ci.loc["SAMPAH", "sasaran"] == "(nama sasaran 3.4.4 tidak terambil)"  # the definition's, cell empty
    assert rec.loc["capaian APKSMP 2015", "status"] == "match"       # 103,22 / 101,51 = 101,68 (printed only)
    assert rec.loc["capaian MUTUAIR 2015", "status"] == "match"
    # 11 / 15 = 73,33; printed 73,30 = the ratio rounded to 0,733 first
    sampah = rec.loc["capaian SAMPAH 2015"]
    assert sampah["status"] == "rounding" and "0.733" in sampah["explanation"]
    assert rec.loc["realisasi SAMPAH 2015", "status"] == "match"     # 11 nagari, as the components say


def test_a_count_in_another_unit_names_the_cell_and_the_definitions_unit(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(TRANSCRIPTS / "tanahdatar-kab", raw / "tanahdatar-kab", ignore=shutil.ignore_patterns("2016"))
    folder = raw / "tanahdatar-kab"
    _edit_csv(folder / "definisi_indikator.csv",
              lambda rows: [{**r, "sasaran_no": "2"} for r in rows if r["kode_indikator"] == "MUTUAIR"])
    _edit_csv(folder / "2015" / "manifest.csv", lambda rows: [r for r in rows if r["tabel"] == "capaian_iku"])
    _edit_csv(folder / "2015" / "capaian_iku.csv",
              lambda rows: [{**r, "no": "", "realisasi": "5 titik"} for r in rows if r["baris_sumber"] == "26"])
    with pytest.raises(DataError) as e:
        clean_agency_year("tanahdatar-kab", 2015, raw)
    text = str(e.value)
    assert "capaian_iku.csv" in text and "5 titik" in text and "unit 'sumber air'" in text and "'titik'" in text


# sasaran as printed, on the seed: hierarchical labels, merged cells carried down

SEED_CI = ("kalbar-diskumkm", "2024", "capaian_iku.csv")


def _seed_ci(raw: Path, edit) -> None:
    _edit_csv(raw.joinpath(*SEED_CI), lambda rows: [edit(r) for r in rows])


def test_hierarchical_sasaran_labels_take_the_definitions_number(raw_copy):
    labels = {"1.": "1.1.1", "2.": "1.2.1", "3.": "III"}
    _seed_ci(raw_copy, lambda r: {**r, "no": labels.get(r["no"], r["no"])})
    ci = clean_agency_year("kalbar-diskumkm", 2024, raw_copy).tables["capaian_iku"]
    assert list(ci["sasaran_label"]) == ["1.1.1", "1.2.1", "III"] and list(ci["sasaran_no"]) == [1, 2, 3]


def test_one_hierarchical_label_for_two_sasaran_is_a_problem(raw_copy):
    _seed_ci(raw_copy, lambda r: {**r, "no": "1.1.1" if r["no"] in ("1.", "2.") else r["no"]})
    with pytest.raises(DataError) as e:
        clean_agency_year("kalbar-diskumkm", 2024, raw_copy)
    assert "one sasaran per printed label: '1.1.1' is sasaran 1" in str(e.value)


def test_a_merged_sasaran_cell_is_carried_down_and_checked(raw_copy):
    # UKNK's no/sasaran left empty as a merged cell would be: it is then printed under sasaran 1, which its
    # definition contradicts (sasaran 2)
    _seed_ci(raw_copy, lambda r: {**r, "no": "", "sasaran": ""} if r["no"] == "2." else r)
    with pytest.raises(DataError) as e:
        clean_agency_year("kalbar-diskumkm", 2024, raw_copy)
    assert "sasaran 2: the sasaran_no of UKNK" in str(e.value) and "under sasaran 1" in str(e.value)
