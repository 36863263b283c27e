"""The roll-up page's sections as a reader gets them: an empty section says why it is empty, in the page's
language, never a bare "None."."""
import html

import pandas as pd


def test_an_empty_roll_up_section_says_why_not_none():
    from analysis.report import rollup_sections as rs

    empty = {"formula_changes": pd.DataFrame(columns=["agency", "nama", "tahun_pertama_baru", "yang_berubah",
                                                      "rumus_lama", "rumus_baru", "asal"]),
             "agency_years": pd.DataFrame({"agency": ["a"], "nama_instansi": ["Dinas A"]})}
    for lang, why in (("id", "Tidak ada instansi yang mengubah definisi indikator"),
                      ("en", "No agency changed an indicator's definition")):
        page = html.unescape(rs.formula_changes(empty, lang))
        assert why in page and "None." not in page and "Tidak ada." not in page and "<table" not in page
