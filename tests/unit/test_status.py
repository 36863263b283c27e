"""The one status rule: hand-made figures, and the per-figure and vectorised paths agreeing case by case."""
import numpy as np
import pandas as pd
import pytest

from analysis.ingest.numbers import parse_number
from analysis.reconcile.rounding import printed_decimals
from analysis.reconcile.status import (
    CAPAIAN_THRESHOLD,
    STATUS_ORDER,
    STATUSES,
    across_break,
    classify,
    classify_many,
    decide,
)


def _rep(teks, nilai, besaran="serapan"):
    return pd.Series({"teks": teks, "nilai": nilai, "besaran": besaran})


def _cands(*rows):
    return pd.DataFrame([{"nilai": v, "teks": t, "utama": u, "dibulatkan": d, "penjelasan": p}
                         for v, t, u, d, p in rows])


def test_statuses_and_their_order():
    assert set(STATUS_ORDER) == set(STATUSES)
    assert sorted(STATUSES, key=STATUS_ORDER.get) == ["mismatch", "not_comparable", "method", "rounding",
                                                      "unverifiable", "match"]


def test_precedence():
    # unverifiable > match > rounding > method > mismatch
    assert decide(True, True, False, True, True, True) == "unverifiable"
    assert decide(False, True, False, True, True, True) == "match"
    assert decide(False, True, True, False, False, True) == "rounding"  # rounded across the threshold
    assert decide(False, False, False, True, False, True) == "rounding"
    assert decide(False, False, False, False, True, True) == "rounding"  # truncated
    assert decide(False, False, False, False, False, True) == "method"
    assert decide(False, False, False, False, False, False) == "mismatch"
    assert decide(np.array([True, False]), np.array([False, True]), False, False, False, False).tolist() == [
        "unverifiable", "match"]


def test_status_match_at_printed_precision():
    s, v, (why, why_id) = classify(_rep("94,45", 94.45), _cands((94.448859, None, True, False, "")))
    assert s == "match" and why == ""


def test_status_rounding_when_inputs_were_rounded():
    s, _, (why, why_id) = classify(_rep("-80,30", -80.30), _cands((-80.2919, None, True, False, ""),
                                                                  (-80.2954, None, False, True, "rounded inputs")))
    assert s == "rounding" and why == "rounded inputs"


def test_status_rounding_when_truncated():
    s, _, (why, why_id) = classify(_rep("12,3", 12.3), _cands((12.36, None, True, False, "")))
    assert s == "rounding" and "truncated" in why


def test_status_rounding_across_the_target():
    s, _, (why, why_id) = classify(_rep("100", 100.0, "capaian"), _cands((99.75, None, True, False, ""),
                                                                        (100.0, None, False, True, "from rounded")))
    assert s == "rounding" and "not quite met" in why


def test_status_method():
    s, _, (why, why_id) = classify(_rep("97", 97.0), _cands((96.17, None, True, False, ""),
                                                           (96.99, None, False, False, "plain mean")))
    assert s == "method" and why == "plain mean"


def test_status_mismatch_and_unverifiable():
    s, v, _ = classify(_rep("50", 50.0), _cands((40.0, None, True, False, ""), (41.0, None, False, False, "x")))
    assert s == "mismatch" and v == 40.0
    assert classify(_rep("50", 50.0), _cands((np.nan, None, True, False, "")))[0] == "unverifiable"
    assert classify(_rep("50", 50.0), _cands())[0] == "unverifiable"


def test_textual_figures_compare_as_text():
    assert classify(_rep("A", np.nan), _cands((np.nan, "A", True, False, "")))[0] == "match"
    assert classify(_rep("Berhasil", np.nan), _cands((np.nan, "Sangat Berhasil", True, False, "")))[0] == "mismatch"


# printed, besaran, primary, from rounded inputs, another method -> status
CASES = [
    ("94,45", "serapan", 94.448859, None, None, "match"),
    ("94,45", "serapan", 94.445, None, None, "match"),  # half-up on the printed decimal
    ("2,68", "serapan", 2.675, None, None, "match"),
    ("1.234.567,01", "anggaran_total", 1234567.005, None, None, "match"),
    ("-80,30", "serapan", -80.2919, -80.2954, None, "rounding"),
    ("-3", "perubahan", -2.5, None, None, "match"),  # symmetric for negatives
    ("12,3", "serapan", 12.36, None, None, "rounding"),  # truncated
    ("100", "capaian", 99.75, 100.0, None, "rounding"),  # rounded across the threshold
    ("100", "capaian", 99.5, None, None, "rounding"),
    ("100", "capaian", 100.2, None, None, "match"),
    ("100", "serapan", 99.75, None, None, "match"),  # the threshold is capaian's
    ("97", "serapan_rata_rata", 96.17, None, 96.99, "method"),
    ("12", "efisiensi", 11.2, 12.0, 12.4, "rounding"),  # rounding before method
    ("50", "capaian", 40.0, None, 41.0, "mismatch"),
    ("50", "capaian", np.nan, 50.0, 50.0, "unverifiable"),
    ("0", "serapan", 0.0, None, None, "match"),
    ("0,00", "serapan", -0.004, None, None, "match"),
    ("0,13", "serapan", 0.125, None, None, "match"),
    ("-0,13", "perubahan", -0.125, None, None, "match"),
    ("5", "capaian", 4.99, None, np.nan, "match"),
    ("5", "capaian", 3.0, np.nan, np.nan, "mismatch"),
]


def _as_candidates(primary, from_rounded, alternative):
    rows = [(primary, None, True, False, "primary")]
    if from_rounded is not None:
        rows.append((from_rounded, None, False, True, "rounded inputs"))
    if alternative is not None:
        rows.append((alternative, None, False, False, "another method"))
    return _cands(*rows)


@pytest.mark.parametrize("printed, besaran, primary, from_rounded, alternative, expected", CASES)
def test_per_figure_and_vectorised_agree(printed, besaran, primary, from_rounded, alternative, expected):
    value = parse_number(printed, "id")
    one = classify(_rep(printed, value, besaran), _as_candidates(primary, from_rounded, alternative))[0]
    many = classify_many([value], printed_decimals(printed), [primary],
                         None if from_rounded is None else [from_rounded],
                         None if alternative is None else [alternative],
                         CAPAIAN_THRESHOLD if besaran == "capaian" else None)
    assert one == expected and many.tolist() == [expected]


def test_vectorised_over_the_whole_table():
    """The cases at once (one decimals per call, as the batch calls it) give the same statuses."""
    for d in {printed_decimals(c[0]) for c in CASES}:
        for capaian in (True, False):
            sub = [c for c in CASES if printed_decimals(c[0]) == d and (c[1] == "capaian") == capaian]
            if not sub:
                continue
            nan = float("nan")
            got = classify_many([parse_number(c[0], "id") for c in sub], d, [c[2] for c in sub],
                                [nan if c[3] is None else c[3] for c in sub],
                                [nan if c[4] is None else c[4] for c in sub],
                                CAPAIAN_THRESHOLD if capaian else None)
            assert got.tolist() == [c[5] for c in sub]


BREAK = ("definition v1 → v2 from 2024", "definisi v1 → v2 mulai 2024")


@pytest.mark.parametrize("status", ["match", "rounding", "method", "mismatch", "unverifiable"])
def test_across_a_series_break_whatever_the_arithmetic(status):
    assert across_break(status, True) == "not_comparable" and across_break(status, False) == status
    got = across_break(np.array(["match", status], dtype=object), np.array([True, False]))
    assert got.tolist() == ["not_comparable", status]


# printed, its value, primary, from rounded inputs, another method -> what the explanation says of the arithmetic
ACROSS = [
    ("-80,29%", -80.29, -80.2919, None, None, "the arithmetic reproduces it;"),  # the seed's KB tingkat kemajuan
    ("-80,30", -80.30, -80.2919, -80.2954, None, "only with rounding: rounded inputs"),
    ("23,46%", -23.46, -79.98, None, -23.4589, "by another method: another method"),  # "menurun 23,46 %"
    ("50", 50.0, 40.0, None, 41.0, "does not reproduce it: no method reproduces it"),
    ("50", 50.0, np.nan, None, None, "cannot be checked: an input"),
]


@pytest.mark.parametrize("printed, value, primary, from_rounded, alternative, says", ACROSS)
def test_not_comparable_explains_its_arithmetic(printed, value, primary, from_rounded, alternative, says):
    rep = _rep(printed, value, "kemajuan")
    cands = _as_candidates(primary, from_rounded, alternative)
    arithmetic, recomputed, _ = classify(rep, cands)
    s, v, (why, why_id) = classify(rep, cands, BREAK)
    assert s == "not_comparable" != arithmetic and (v == recomputed or np.isnan(v) and np.isnan(recomputed))
    assert says in why and "series break (definition v1 → v2 from 2024): not comparable" in why
    assert "perubahan rumus (definisi v1 → v2 mulai 2024): tidak sebanding" in why_id


def test_vectorised_not_comparable_only_with_a_crossing_flag():
    reported, primary = [-80.29, 94.45], [-80.2919, 94.448859]
    assert classify_many(reported, 2, primary).tolist() == ["match", "match"]  # no break input: arithmetic only
    assert classify_many(reported, 2, primary, crossing=[True, False]).tolist() == ["not_comparable", "match"]
    per_figure = [classify(_rep(t, v, "kemajuan"), _as_candidates(p, None, None), c)[0]
                  for t, v, p, c in zip(["-80,29", "94,45"], reported, primary, [BREAK, None], strict=True)]
    assert per_figure == ["not_comparable", "match"]


def _change_cands():
    from analysis.ingest.figures import Subject
    from analysis.reconcile.candidate import candidate

    k = ("perubahan", Subject.indicator("IPG"), 2017, 2018)
    return [candidate(k, "persen", 0.43 / 90.7 * 100, utama=True, penjelasan="relative"),
            candidate(k, "persen_dibulatkan", 0.43 / 90.7 * 100, dibulatkan=True, penjelasan="relative, printed"),
            candidate(k, "poin", 0.43, penjelasan="points", nama_metode=("the difference in points", "selisih")),
            candidate(k, "poin_dibulatkan", 0.43, penjelasan="points, printed")]


def test_a_change_printed_without_percent_in_an_index_is_its_difference():
    from analysis.reconcile.candidates import primary_as_printed

    rep = pd.Series({"teks": "0,43", "nilai": 0.43, "besaran": "perubahan"})
    # as the candidates come (the relative change first): only another method reproduces the printed 0,43
    assert classify(rep, _change_cands())[0] == "method"
    status, value, (why, _) = classify(rep, primary_as_printed(_change_cands(), rep["teks"]))
    assert (status, value) == ("match", 0.43) and "difference in points" in why
    # printed with '%', "0,43 %" is a relative change: the candidates stay as they are, and it is judged so
    kept = primary_as_printed(_change_cands(), "0,43 %")
    assert [c["utama"] for c in kept] == [c["utama"] for c in _change_cands()]
    assert classify(pd.Series({"teks": "0,47 %", "nilai": 0.47, "besaran": "perubahan"}), kept)[0] == "match"
