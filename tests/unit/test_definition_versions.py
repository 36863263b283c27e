"""The version of an indicator's definition valid in a year, for many (code, year) pairs at once, is what the
one-pair rule (definition_for) gives: overlapping, open-ended, gapped and unknown definitions included."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ingest.definitions import definition_for, versions_in

CODES = ["A", "B", "C"]

version = st.tuples(st.sampled_from(CODES), st.integers(1, 4), st.integers(2015, 2025),
                    st.one_of(st.none(), st.integers(0, 6)))


def frame(rows) -> pd.DataFrame:
    return pd.DataFrame({
        "kode_indikator": [r[0] for r in rows], "versi": pd.Series([r[1] for r in rows], dtype="int64"),
        "berlaku_dari": pd.Series([r[2] for r in rows], dtype="int64"),
        "berlaku_sampai": pd.Series([None if r[3] is None else r[2] + r[3] for r in rows], dtype="Int64")})


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(version, max_size=8),
       pairs=st.lists(st.tuples(st.sampled_from([*CODES, "UNKNOWN"]), st.integers(2013, 2032)), max_size=12))
def test_versions_in_is_definition_for_pair_by_pair(rows, pairs):
    defs = frame(rows)
    expected = []
    for code, year in pairs:
        d = definition_for(defs, code, year)
        expected.append(None if d is None else int(d["versi"]))
    assert versions_in(defs, pairs) == expected


def test_first_valid_version_in_the_definitions_order():
    # two versions valid in 2020 (overlapping transcriptions): the first listed wins, as definition_for takes it
    defs = frame([("A", 2, 2019, None), ("A", 1, 2018, 4), ("B", 1, 2021, None)])
    assert versions_in(defs, [("A", 2020), ("A", 2018), ("B", 2020), ("B", 2030)]) == [2, 1, None, 1]
    assert versions_in(defs, []) == []
