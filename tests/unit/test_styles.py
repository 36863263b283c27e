"""Notebook table styles (analysis.report.styles): the report's number style in a pandas Styler, every row."""
import re

import numpy as np
import pandas as pd
import pytest

from analysis.report import styles


def cells(styler) -> list[list[str]]:
    html = styler.to_html()
    rows = re.findall(r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*)</tbody>", html, re.S).group(1), re.S)
    return [re.findall(r"<td[^>]*>(.*?)</td>", r, re.S) for r in rows]


@pytest.mark.parametrize("lang, expected", [
    ("id", [["A", "Rp\u00a020.674.821.126", "96,17 %", "1.234", "−0,50"], ["B", "–", "–", "7", "12,25"]]),
    ("en", [["A", "IDR\u00a020,674,821,126", "96.17 %", "1,234", "−0.50"], ["B", "–", "–", "7", "12.25"]])])
def test_rupiah_percent_numbers_and_missing(lang, expected):
    df = pd.DataFrame({"nama": ["A", "B"], "anggaran": [20_674_821_126.0, np.nan], "serapan": [96.1665, None],
                       "jumlah": pd.array([1234, 7], dtype="Int64"), "selisih": [-0.5, 12.25]})
    assert cells(styles.table(df, lang, rupiah=["anggaran"], persen=["serapan"])) == expected


def test_every_row_shown_and_the_index_hidden():
    df = pd.DataFrame({"x": range(104)})
    html = styles.table(df).to_html()
    assert len(cells(styles.table(df))) == 104 and "row_heading" not in html
    assert "row_heading" in styles.table(df, index=True).to_html()
