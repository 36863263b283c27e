"""Each notebook runs under papermill with test parameters and writes what it should."""
import json

import nbformat
import papermill as pm
import pandas as pd
import pytest

from analysis.config import PROJECT_ROOT, RAW_ROOT
from conftest import SEED_AGENCY, SEED_YEAR

NB = PROJECT_ROOT / "notebooks"
ORDER = ["01-clean", "02-indicators", "03-formula-changes", "04-report"]


@pytest.mark.parametrize("name", ORDER)
def test_committed_without_outputs_and_with_one_parameters_cell(name):
    nb = nbformat.read(NB / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    params = {}
    exec(tagged[0].source, {}, params)  # the defaults point at the seed, relative to notebooks/
    assert params["agency"] == SEED_AGENCY and params["year"] == SEED_YEAR
    assert (NB / params["processed_root"]).resolve() == (PROJECT_ROOT / "data" / "processed").resolve()
    # only the cleaning reads the raw data; the later notebooks read what the one before wrote
    if name == "01-clean":
        assert (NB / params["raw_root"]).resolve() == RAW_ROOT.resolve()
    else:
        assert "raw_root" not in params
    # what the build reads (papermill's own inspection) is what the cell assigns
    assert set(pm.inspect_notebook(str(NB / f"{name}.ipynb"))) == set(params)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.slow
def test_notebooks_run_in_order_with_test_parameters(tmp_path):
    out = tmp_path / "processed"
    params = {"agency": SEED_AGENCY, "year": SEED_YEAR, "processed_root": str(out), "lang": "en"}
    for name in ORDER:
        raw = {"raw_root": str(RAW_ROOT)} if name == "01-clean" else {}
        pm.execute_notebook(str(NB / f"{name}.ipynb"), str(tmp_path / f"{name}.ipynb"), parameters={**params, **raw},
                            kernel_name="python3", progress_bar=False, cwd=str(NB))
    folder = out / SEED_AGENCY / str(SEED_YEAR)
    for table in ("anggaran_program", "reported_figures", "iku", "budget", "efficiency", "reconciliation", "trends",
                  "breaks"):
        assert (folder / f"{table}.csv").exists() and (folder / f"{table}.parquet").exists(), table
    info = json.loads((folder / "clean_info.json").read_text())
    assert info["agency"] == SEED_AGENCY and len(info["tables_read"]) == 19
    rec = pd.read_csv(folder / "reconciliation.csv")
    assert {"match", "method", "rounding"} <= set(rec["status"])
    report = nbformat.read(tmp_path / "04-report.ipynb", as_version=4)
    html = "".join(o.get("data", {}).get("text/html", "") for c in report.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "Summary" in html and "IDR 20,674,821,126" in html  # lang=en reached the report
    assert not any(o.get("output_type") == "error" for c in report.cells if c.cell_type == "code" for o in c.outputs)
