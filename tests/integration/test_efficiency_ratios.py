"""Efficiency printed as output/input ratios (``efisiensi_rasio``, BPKP 2021 Tabel 3.23): read as printed, each
ratio recomputed from its own row, every method a report uses named, bad tables listed in one message."""
from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest

from analysis import needs
from analysis.config import RAW_ROOT
from analysis.errors import DataError
from analysis.ingest.clean import clean_agency_year
from analysis.ingest.figures import Subject
from analysis.pipeline import compute_indicators
from analysis.report.sections import shown

AY = ("bpkp", 2021)


@pytest.fixture
def raw(tmp_path):
    """A writable copy of BPKP's agency-year (data/raw stays as printed)."""
    shutil.copytree(RAW_ROOT / "bpkp", tmp_path / "bpkp")
    return tmp_path


def _table(raw) -> list[list[str]]:
    with (raw / "bpkp/2021/efisiensi_rasio.csv").open(encoding="utf-8") as f:
        return list(csv.reader(f))


def _write(raw, rows) -> None:
    with (raw / "bpkp/2021/efisiensi_rasio.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _pct(text: str) -> float:
    return float(text.rstrip("%").replace(".", "").replace(",", "."))


def test_every_row_and_input_is_read_with_its_source_line(raw):
    cleaned = clean_agency_year(*AY, raw)
    t = cleaned.tables["efisiensi_rasio"]
    rows = _table(raw)
    inputs = [c.removeprefix("capaian_input_") for c in rows[0] if c.startswith("capaian_input_")]
    assert inputs == ["dana", "sdm"] and len(t) == (len(rows) - 1) * len(inputs)
    first = dict(zip(rows[0], rows[1], strict=True))
    got = t[(t["sasaran_no"] == 1) & (t["masukan"] == "sdm")].iloc[0]
    assert got["capaian_masukan"] == _pct(first["capaian_input_sdm"])
    assert got["capaian_keluaran"] == _pct(first["capaian_output"]) and got["baris_sumber"] == first["baris_sumber"]


def test_a_ratio_printed_as_te_is_named_by_its_method(raw):
    rows = _table(raw)
    h = rows[0]
    r = dict(zip(h, rows[1], strict=True))
    te = _pct(r["capaian_output"]) / _pct(r["capaian_input_dana"]) * 100 - 100
    rows[1][h.index("efisiensi_dana")] = f"{te:.2f}".replace(".", ",") + "%"
    _write(raw, rows)
    cleaned = clean_agency_year(*AY, raw)
    rec = compute_indicators(cleaned.tables, 2021, cleaned.meta).reconciliation.set_index("subjek")
    c = rec.loc["sasaran 1 dana"]
    assert c["status"] == "method" and "TE" in c["explanation"]
    assert rec.loc["sasaran 1 sdm", "status"] == "match"


def test_an_input_without_its_ratio_and_a_table_without_inputs_are_one_list(raw):
    rows = _table(raw)
    drop = rows[0].index("efisiensi_sdm")
    _write(raw, [r[:drop] + r[drop + 1:] for r in rows])
    with pytest.raises(DataError) as e:
        clean_agency_year(*AY, raw)
    text = str(e.value)
    assert "bpkp/2021/efisiensi_rasio.csv, line 1, column 'efisiensi_sdm'" in text and "needs both" in text
    keep = [i for i, c in enumerate(rows[0]) if not c.startswith(("capaian_input_", "efisiensi_"))]
    rows[1][rows[0].index("capaian_output")] = "banyak"
    _write(raw, [[r[i] for i in keep] for r in rows])
    with pytest.raises(DataError) as e:
        clean_agency_year(*AY, raw)
    assert "at least one input" in str(e.value) and len(e.value.problems) == 1


def test_subjects_with_an_input_read_back():
    for s in (Subject.sasaran(3, "sdm"), Subject.all("dana"), Subject.sasaran(2), Subject.all()):
        assert Subject.parse(str(s)) == s
    assert str(Subject.sasaran(3, "sdm")) == "sasaran 3 sdm" and str(Subject.all("dana")) == "semua dana"


def test_a_report_with_only_a_ratio_table_shows_its_efficiency_and_does_not_deny_it():
    kinds = {"efisiensi_rasio", "anggaran_sumber_dana"}
    assert ("anggaran", "anggaran") in shown(kinds)
    for lang in ("id", "en"):
        assert not any("efisien" in n for n in needs.notes(kinds, lang))
    # absent, it is not named: most reports print none
    assert not any("rasio" in n or "ratio" in n for n in needs.notes({"capaian_iku"}, "en") + needs.notes(
        {"capaian_iku"}, "id"))


def test_recomputed_ratios_and_their_categories(raw):
    cleaned = clean_agency_year(*AY, raw)
    ratios = compute_indicators(cleaned.tables, 2021, cleaned.meta).ratios
    src = cleaned.tables["efisiensi_rasio"]
    expected = src["capaian_keluaran"] / src["capaian_masukan"] * 100
    merged = ratios.merge(src.assign(expected=expected), on=["sasaran_no", "masukan"])
    assert len(merged) == len(src)
    pd.testing.assert_series_equal(merged["efisiensi"], merged["expected"], check_names=False)
    assert set(merged.loc[merged["expected"] < 100, "kategori"]) == {"Tidak Efisien"}
    assert set(merged.loc[merged["expected"] >= 100, "kategori"]) == {"Efisien"}
