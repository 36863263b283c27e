"""Subjects of reported figures: canonical text both ways, and the record constructor."""
import numpy as np
import pytest

from analysis.ingest.figures import REPORTED_FIGURE_COLUMNS, Subject, reported_figure, reported_figures_frame

CANONICAL = [
    (Subject.indicator("KB"), "KB"),
    (Subject.programme(1), "program 1"),
    (Subject.programme(7, "DAK"), "program 7 DAK"),
    (Subject.programme_by_name("peningkatan kapasitas umkm"), "program:peningkatan kapasitas umkm"),
    (Subject.sasaran(2), "sasaran 2"),
    (Subject.funding_source("APBD"), "APBD"),
    (Subject.funding_source("APBD+APBN"), "APBD+APBN"),
    (Subject.all(), "semua"),
]


@pytest.mark.parametrize("subject, text", CANONICAL)
def test_canonical_text_both_ways(subject, text):
    assert str(subject) == text and Subject.parse(text) == subject


def test_subjects_are_values():
    assert Subject.programme(np.int64(3), "DAU") == Subject.programme(3.0, "DAU") == Subject.parse("program 3 DAU")
    assert len({Subject.sasaran(1), Subject.parse("sasaran 1")}) == 1
    with pytest.raises(ValueError):
        Subject("programme_number", 1)
    with pytest.raises(AttributeError):
        Subject.all().kind = "indicator"


def test_the_record_and_the_frame():
    row = {"baris_sumber": "p. 12", "_line": 4}
    rec = reported_figure("serapan", Subject.programme(2, "DAU"), 94.45, "94,45 %", "t", row, 2024)
    df = reported_figures_frame([rec])
    assert list(df.columns) == REPORTED_FIGURE_COLUMNS
    assert df.iloc[0]["subjek"] == "program 2 DAU" and df.iloc[0]["baris_raw"] == 4
    assert reported_figures_frame([]).empty
