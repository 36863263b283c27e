"""Reconciliation: the seed's figures recomputed from raw components (hand-made figures: tests/unit/test_status.py)."""
import pytest

from analysis.ingest.figures import Subject
from analysis.reconcile.status import STATUS_ORDER, STATUSES


@pytest.fixture(scope="module")
def rec(seed_run):
    return seed_run["ind"].reconciliation


def _one(rec, **kw):
    m = rec
    for k, v in kw.items():
        m = m[m[k] == v]
    assert len(m) >= 1, kw
    return m


def test_every_reported_figure_is_reconciled(rec, seed_run):
    assert len(seed_run["tables"]["reported_figures"]) > 0
    assert len(rec) >= len(seed_run["tables"]["reported_figures"])
    assert set(rec["status"]) <= set(STATUSES)
    for col in ("check", "section", "reported", "recomputed", "difference", "status", "explanation"):
        assert col in rec.columns
    assert (rec.loc[rec["status"] != "match", "explanation"].str.len() > 0).all()
    assert (rec.loc[rec["status"] != "match", "penjelasan"].str.len() > 0).all()  # Indonesian, for the report
    order = rec["status"].map(STATUS_ORDER).tolist()
    assert order == sorted(order)  # non-match first


def test_iku_realisations_match(rec):
    for code in ("KB", "UKNK", "SAKIP"):
        assert set(_one(rec, besaran="realisasi", subjek=code)["status"]) == {"match"}
    assert set(_one(rec, besaran="capaian", subjek="KB")["status"]) == {"match"}


def test_rounded_realisation_lifts_uknk_to_100(rec):
    r = _one(rec, besaran="capaian", subjek="UKNK")
    assert set(r["status"]) == {"rounding"} and len(r) == 3  # capaian table, per-sasaran table, formulir
    assert (r["recomputed"] < 100).all()


def test_plain_mean_absorption_is_a_method_difference(rec):
    r = _one(rec, besaran="serapan_rata_rata", subjek="semua")
    assert set(r["status"]) == {"method"} and r["explanation"].str.contains("plain").all()
    assert set(_one(rec, besaran="efisiensi", subjek="semua")["status"]) == {"method"}


def test_programme_and_source_percentages_match(rec):
    s = rec[(rec["besaran"] == "serapan") & rec["subjek"].str.startswith("program")]
    assert len(s) == 8 + 8 + 10 and set(s["status"]) == {"match"}
    assert set(_one(rec, besaran="serapan", subjek="DAU")["status"]) == {"match"}
    assert set(_one(rec, besaran="kategori_serapan")["status"]) == {"match"}


def test_narrative_deltas_are_percentage_points(rec):
    r = rec[rec["besaran"] == "perubahan"]
    assert len(r) == 6 and r["explanation"].str.contains("percentage points").all()
    across = (r["subjek"] == "KB") & (r["tahun"] == 2024)
    assert set(r.loc[~across, "status"]) == {"method"}
    kb = r[across].iloc[0]  # 29,33 % (old formula) → 5,87 % (new formula)
    assert kb["status"] == "not_comparable" and kb["lintas_rumus"]
    assert "by another method" in kb["explanation"] and "series break" in kb["explanation"]


def test_tingkat_kemajuan(rec):
    kb = _one(rec, besaran="kemajuan", subjek="KB").iloc[0]
    # −80,29 %: the relative change since 2022 reproduces, but it compares the old formula with the new one
    assert kb["status"] == "not_comparable" and kb["lintas_rumus"] and kb["reported"] == "-80,29%"
    assert kb["explanation"].startswith("the arithmetic reproduces it;") and "not comparable" in kb["explanation"]
    assert kb["penjelasan"].startswith("aritmetikanya cocok") and "tidak sebanding" in kb["penjelasan"]
    sakip = _one(rec, besaran="kemajuan", subjek="SAKIP").iloc[0]
    assert sakip["status"] == "method" and "percentage points" in sakip["explanation"]  # 81,1 − 77,40 = 3,7


def test_only_figures_across_the_break_are_not_comparable(rec):
    assert rec["lintas_rumus"].equals(rec["status"] == "not_comparable")
    assert set(rec.loc[rec["lintas_rumus"], "check"]) == {"kemajuan KB 2022→2024", "perubahan KB 2023→2024"}
    assert rec["status"].tolist()[:2] == ["not_comparable"] * 2  # with the findings, before match


def test_not_comparable_is_counted_apart(seed_run):
    """summary.json and the report's reconciliation line count the KB figures as not comparable, not as match."""
    import json

    from analysis.report import sections

    folder = seed_run["processed"] / "kalbar-diskumkm" / "2024"
    counts = json.loads((folder / "summary.json").read_text(encoding="utf-8"))["rekonsiliasi"]
    rec = seed_run["ind"].reconciliation
    assert counts["not_comparable"] == 2 and counts["match"] == int((rec["status"] == "match").sum())
    assert sum(counts.values()) == len(rec)
    for lang, word, match in (("id", "tidak sebanding", "cocok"), ("en", "not comparable", "match")):
        html = sections.headline_warnings(rec, seed_run["tr"].breaks, [], lang)
        assert f"2 {word}" in html and f"{counts['match']} {match}," in html
        assert "kemajuan KB 2022→2024" in html  # listed with the findings


def test_sasaran_figures_in_the_efficiency_table(rec):
    cap = _one(rec, besaran="capaian_sasaran")
    assert set(cap["status"]) == {"method"} and cap["explanation"].str.contains("overall mean").all()
    eff = rec[(rec["besaran"] == "efisiensi") & rec["subjek"].str.startswith("sasaran")]
    assert set(eff["status"]) == {"method"}
    att = _one(rec, besaran="atribusi_sasaran", subjek="program 1").iloc[0]
    assert att["status"] == "method" and "another sasaran" in att["explanation"]


def test_subjects_are_canonical_text(rec, seed_run):
    """Every subject reads back through Subject and prints the same; programmes named by name got numbers."""
    for table in (seed_run["tables"]["reported_figures"], rec):
        subjects = table["subjek"].map(Subject.parse)
        assert (subjects.map(str) == table["subjek"]).all()
        assert "programme_by_name" not in set(s.kind for s in subjects)
    kinds = set(s.kind for s in rec["subjek"].map(Subject.parse))
    assert kinds == {"indicator", "programme", "sasaran", "funding_source", "all"}
