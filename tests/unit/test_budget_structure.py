"""Budget structure from data (issue 11): per-column number style, levels with restarting numbering, parent sums,
optional TOTAL, partial tables, funding sources by name, efficiency as IE / TE."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.errors import Collector
from analysis.ingest import numbers
from analysis.ingest.cells import Cells, check_total
from analysis.ingest.cleaners.budget_lines import fill_sums, level_of_label, place, split_label
from analysis.ingest.context import Context
from analysis.ingest.figures import Subject
from analysis.reconcile.budget_candidates import line_candidates, ratio_candidates
from analysis.reconcile.status import classify


def _cells(spec: str, columns=("baris_sumber", "anggaran", "persen")):
    t = type("T", (), {})  # a RawTable stand-in: only what Cells reads
    t.columns, t.label = list(columns), "x/2021/t.csv"
    return Cells(t, spec, Collector())


def _row(**cells):
    return {"_line": 2, **cells}


# per-column number style

def test_style_spec_names_columns_that_differ():
    assert numbers.parse_style_spec("id;persen=en") == ("id", {"persen": "en"})
    assert numbers.column_style("id;persen=en", "persen") == "en"
    assert numbers.column_style("id;persen=en", "anggaran") == "id"
    assert numbers.column_style("en") == "en"


@pytest.mark.parametrize("spec", ["campuran", "id;persen", "id;persen=fr", "id;persen=en;persen=id", ""])
def test_style_spec_is_declared_never_guessed(spec):
    with pytest.raises(ValueError):
        numbers.parse_style_spec(spec)


def test_each_column_read_in_its_own_style():
    c = _cells("id;persen=en")
    r = _row(anggaran="749.930.215", persen="93.6")
    assert c.rupiah(r, "anggaran") == 749930215
    assert c.percent(r, "persen") == pytest.approx(93.6)
    assert not c.col.problems


def test_message_names_the_columns_style():
    c = _cells("id;persen=en")
    assert c.percent(_row(persen="93,6"), "persen") is None
    assert "en style" in c.col.problems[0].expected
    assert c.rupiah(_row(anggaran="749,930,215"), "anggaran") is None
    assert "id style" in c.col.problems[1].expected


def test_style_of_a_column_the_table_lacks_is_a_problem():
    c = _cells("id;capaian=en")
    assert c.col.problems and c.col.problems[0].column == "capaian"


# levels

@pytest.mark.parametrize("label, level, number", [
    ("Program Pemerintahan Dan Otonomi Daerah", "program", None),
    ("Kegiatan Pelaksanaan Tugas Pemerintahan", "kegiatan", None),
    ("1. Sub Kegiatan Fasilitasi Pelaksanaan Pemerintahan Umum", "sub_kegiatan", "1"),
    ("3.Sub Kegiatan Evaluasi Pelaksanaan", "sub_kegiatan", "3"),
    ("2.1. Kegiatan Penyusunan", "kegiatan", "2.1"),
    ("a) Subkegiatan Rapat", "sub_kegiatan", "a"),
    ("TOTAL", "total", None),
    ("Jumlah", "total", None),
    ("Belanja Pegawai", None, None),
])
def test_level_from_label(label, level, number):
    assert level_of_label(label) == level
    assert split_label(label)[0] == number


def test_numbering_restarting_under_each_parent_is_placed_by_order():
    levels = ["program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan", "sub_kegiatan", "program",
              "kegiatan"]
    parents, paths = place(levels)
    assert paths == ["1", "1.1", "1.1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1"]
    assert parents == [None, 0, 1, 0, 3, 3, None, 6]


def test_levels_named_by_a_tingkat_column_rank_by_first_appearance():
    _, paths = place(["Output", "Komponen", "Komponen", "Output", "Komponen"])
    assert paths == ["1", "1.1", "1.2", "2", "2.1"]


# parent sums

def _rows(amounts):
    return [{"anggaran": a, "realisasi": r, "_printed": 2 if a is not None else 0} for a, r in amounts]


def test_parent_amounts_not_printed_are_computed_and_labelled():
    rows = _rows([(None, None), (None, None), (100, 90), (50, 40)])
    fill_sums(rows, [None, 0, 1, 1], partial=False)
    assert (rows[0]["anggaran"], rows[0]["realisasi"], rows[0]["asal"]) == (150, 130, "dihitung")
    assert rows[2]["asal"] == "tercetak"


def test_partial_table_computes_no_sum():
    rows = _rows([(None, None), (100, 90)])
    fill_sums(rows, [None, 0], partial=True)
    assert rows[0]["anggaran"] is None and rows[0]["asal"] == "tidak_diketahui"


# optional TOTAL

def test_total_row_is_optional_and_checked_when_printed():
    c = _cells("id")
    assert check_total(c, None, "anggaran", [1, 2], "x", c.rupiah) is None
    assert not c.col.problems
    check_total(c, _row(anggaran="4"), "anggaran", [1, 2], "x", c.rupiah)
    assert "does not add up" in c.col.problems[0].expected


def test_total_of_a_partial_table_is_not_summed():
    c = _cells("id")
    assert check_total(c, _row(anggaran="4"), "anggaran", [1, 2], "x", c.rupiah, partial=True) == 4
    assert not c.col.problems


# partial tables in the reconciliation

def _lines(cakupan):
    return pd.DataFrame({
        "jalur": ["1", "1.1", "1.2", "total"], "induk": [None, "1", "1", None],
        "tingkat": ["program", "sub_kegiatan", "sub_kegiatan", "total"], "kedalaman": [1, 2, 2, 0],
        "anggaran": [300, 100, 200, 300] if cakupan == "lengkap" else [None, 100, 200, None],
        "realisasi": [270, 90, 180, 270] if cakupan == "lengkap" else [None, 90, 180, None],
        "asal": ["dihitung", "tercetak", "tercetak", "dihitung"] if cakupan == "lengkap"
        else ["tidak_diketahui", "tercetak", "tercetak", "tidak_diketahui"], "cakupan": cakupan})


def _figures(values: dict[str, float]):
    return pd.DataFrame({"besaran": "serapan", "subjek": [f"rincian {k}" for k in values],
                         "nilai": list(values.values())})


def _status(tables, path, printed, besaran="serapan"):
    cands = [c for c in line_candidates(tables, 2021) if c["besaran"] == besaran
             and str(c["subjek"]) == f"rincian {path}"]
    return classify({"nilai": printed, "teks": f"{printed:g}", "besaran": besaran}, cands)


def test_partial_table_figures_needing_its_sum_are_unverifiable_with_the_reason():
    tables = {"anggaran_rinci": _lines("sebagian"), "reported_figures": _figures({"1": 90.0, "1.1": 90.0})}
    status, _, (why, why_id) = _status(tables, "1", 90.0)
    assert status == "unverifiable" and "partial" in why and "sebagian" in why_id
    assert _status(tables, "1.1", 90.0)[0] == "match"  # its own printed amounts need no other row


def test_parent_percentage_as_plain_mean_is_method():
    lines = _lines("lengkap").assign(anggaran=[400, 100, 300, 400], realisasi=[330, 90, 240, 330])
    tables = {"anggaran_rinci": lines, "reported_figures": _figures({"1": 85.0, "1.1": 90.0, "1.2": 80.0})}
    status, value, (why, _) = _status(tables, "1", 85.0)
    assert status == "method" and value == pytest.approx(82.5) and "plain (unweighted) mean" in why


def test_printed_parent_amount_checked_as_sum_of_children():
    lines = _lines("lengkap").assign(asal=["tercetak", "tercetak", "tercetak", "dihitung"])
    tables = {"anggaran_rinci": lines, "reported_figures": _figures({})}
    assert _status(tables, "1", 300, "anggaran_rincian")[0] == "match"
    assert _status(tables, "1", 301, "anggaran_rincian")[0] == "mismatch"


# funding sources by name

@pytest.mark.parametrize("name", ["APBD", "APBN", "DAU", "BLUD", "DAK Non Fisik", "Hibah"])
def test_any_funding_source_round_trips_as_a_subject(name):
    s = Subject.funding_source(name)
    assert Subject.parse(str(s)) == s
    assert Subject.parse(str(Subject.programme(3, name))) == Subject.programme(3, name)


def _context(meta):
    return Context("x", 2021, Path("."), meta, pd.DataFrame(columns=["berkas", "cakupan"]),
                   pd.DataFrame(columns=["kode_indikator", "nama", "nama_lain", "berlaku_dari", "berlaku_sampai",
                                         "baris_raw"]))


def test_funding_source_comes_from_meta_not_a_fixed_apbd():
    assert _context({"sumber_dana": "APBN"}).funding_source() == "APBN"
    assert _context({"provinsi": "Sumatera Utara"}).funding_source() == "APBD"
    assert _context({}).funding_source() == "anggaran"


# efficiency as a ratio

@pytest.mark.parametrize("printed, text, method", [
    (1.060, "1,060", "rasio IE"), (0.060, "0,060", "TE = IE − 1"), (105.98, "105,98", "rasio IE dalam persen"),
    (5.98, "5,98", "TE dalam persen"), (8.0, "8,00", "penghematan")])
def test_efficiency_ratio_reconciled_under_each_method(printed, text, method):
    k = ("efisiensi", Subject.all(), pd.NA, 2021)
    primary = {"nilai": 97.5 - 92.0, "teks": None, "utama": True, "dibulatkan": False, "penjelasan": "",
               "penjelasan_id": ""}
    cands = [primary, *ratio_candidates(k, 97.5, 92.0)]
    status, _, (why, why_id) = classify({"nilai": printed, "teks": text, "besaran": "efisiensi"}, cands)
    assert status == "method", why
    assert method in why_id


def test_ratio_of_missing_inputs_has_no_candidate():
    assert ratio_candidates(("efisiensi", Subject.all(), pd.NA, 2021), np.nan, 92.0) == []
