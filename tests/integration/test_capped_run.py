"""An exploration capped at 100 (notebook 02's batas_atas) caps the goal and efficiency figures of its run, but
never blames the report: the reconciliation is the uncapped run's, and a warning says what was capped."""
import pandas as pd

from analysis import pipeline
from analysis.processed import load_info, load_processed
from conftest import SEED_AGENCY, SEED_YEAR


def _compute(seed_run, cap):
    tables = load_processed(SEED_AGENCY, SEED_YEAR, seed_run["processed"])
    info = load_info(SEED_AGENCY, SEED_YEAR, seed_run["processed"])
    manifest = pd.DataFrame(info["tables_read"])
    return pipeline.compute_indicators(tables, SEED_YEAR, info["meta"], manifest, batas_atas=cap)


def test_a_capped_run_caps_its_figures_but_not_the_verdicts(seed_run):
    free, capped = _compute(seed_run, None), _compute(seed_run, 100.0)
    overall = capped.sasaran[capped.sasaran["sasaran_no"].isna()].iloc[0]
    # KB's 128,47 counts as 100: the mean of (100, 99,75, 100) — recomputed here from the IKU table
    best = capped.iku["capaian_komponen"].fillna(capped.iku["capaian"])
    assert overall["capaian"] == best.clip(upper=100).mean() and overall["batas_atas"] == 100
    assert overall["capaian"] < free.sasaran[free.sasaran["sasaran_no"].isna()].iloc[0]["capaian"]
    cols = ["check", "status", "recomputed"]
    pd.testing.assert_frame_equal(capped.reconciliation[cols], free.reconciliation[cols])
    assert not (capped.reconciliation["status"] == "mismatch").any()
    assert any("capped at 100" in w.message for w in capped.warnings)
    assert not any("capped" in w.message for w in free.warnings)
