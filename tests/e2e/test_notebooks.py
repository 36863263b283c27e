"""Each notebook runs under papermill with test parameters, writes what it should, and records its key figures.

A notebook's last code cell is tagged ``results`` and displays a small dict as ``application/json``
(``IPython.display.JSON``). The test reads those outputs back from the executed notebook with nbformat and
checks them against the seed's figures recomputed here from the raw tables (``read_raw_csv`` and the
number parsers), never against numbers copied from a previous run.
"""
import json

import nbformat
import pandas as pd
import papermill as pm
import pytest

from analysis.config import PROJECT_ROOT, RAW_ROOT
from analysis.ingest.numbers import parse_number, parse_percent, parse_rupiah
from analysis.ingest.raw import read_raw_csv
from analysis.report.export import REMOVE_TAGS, notebook_to_html
from conftest import SEED_AGENCY, SEED_DIR, SEED_YEAR

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
    # outside the build a run writes the scratch folder unless told to publish (analysis.workspace)
    assert params["build_run"] is False and params["publish"] is False
    assert (NB / params["processed_root"]).resolve() == (PROJECT_ROOT / "data" / "processed").resolve()
    # only the cleaning reads the raw data; the later notebooks read what the one before wrote
    if name == "01-clean":
        assert (NB / params["raw_root"]).resolve() == RAW_ROOT.resolve()
    else:
        assert "raw_root" not in params
    # what the build reads (papermill's own inspection) is what the cell assigns
    assert set(pm.inspect_notebook(str(NB / f"{name}.ipynb"))) == set(params)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", ORDER)
def test_one_results_cell_last_and_hidden_from_the_report(name):
    nb = nbformat.read(NB / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if "results" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is code[-1]
    if name == "04-report":  # the build removes it: report.html and report.pdf show no JSON
        assert set(tagged[0].metadata["tags"]) & REMOVE_TAGS


# -- the seed's figures, recomputed from the raw tables ---------------------------------------------------

def raw_rows(table: str) -> list[dict]:
    path = SEED_DIR / f"{table}.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    return read_raw_csv(path, header).rows


def raw_component(code: str, name: str) -> float:
    values = {parse_number(r["nilai"]) for r in raw_rows("komponen_iku")
              if r["kode_indikator"] == code and r["komponen"] == name}
    assert len(values) == 1, (code, name, values)  # stated more than once, always the same value
    return values.pop()


def raw_target(indicator: str) -> float:
    return next(parse_percent(r["target"]) for r in raw_rows("perjanjian_kinerja") if r["indikator"] == indicator)


def expected() -> dict:
    budget = [r for r in raw_rows("realisasi_anggaran") if r["no"] != "TOTAL"]
    anggaran = sum(parse_rupiah(r["anggaran"]) for r in budget)
    realisasi = sum(parse_rupiah(r["realisasi"]) for r in budget)
    # Koperasi Berkualitas (2024 formula): (sehat + cukup sehat, provincial + district-level) / active × 100
    kb_real = ((raw_component("KB", "koperasi_sehat_cukup_sehat_provinsi")
                + raw_component("KB", "koperasi_sehat_cukup_sehat_kabkota"))
               / raw_component("KB", "koperasi_aktif") * 100)
    uknk_real = raw_component("UKNK", "usaha_kecil_naik_kelas") / raw_component("UKNK", "jumlah_usaha_kecil") * 100
    kb = kb_real / raw_target("Prosentase Koperasi Berkualitas") * 100
    uknk = uknk_real / raw_target("Prosentase Usaha Kecil Naik Kelas") * 100
    # SAKIP is a grade (target A, realisation A): no components, its capaian is the one the report prints
    sakip = next(parse_number(r["capaian"]) for r in raw_rows("capaian_iku")
                 if r["indikator"] == "Nilai Sakip Perangkat Daerah")
    return {"anggaran": anggaran, "realisasi": realisasi, "serapan": realisasi / anggaran * 100,
            "realisasi_komponen": {"KB": kb_real, "UKNK": uknk_real}, "capaian_komponen": {"KB": kb, "UKNK": uknk},
            "capaian": (kb + uknk + sakip) / 3, "tables_read": len(raw_rows("manifest"))}


def test_expected_figures_are_the_seeds():
    """The recomputation above lands on the figures the 2024 report prints (to its rounding)."""
    e = expected()
    assert round(e["serapan"], 2) == 96.17                     # Σ realisasi / Σ anggaran × 100
    assert round(e["realisasi_komponen"]["KB"], 2) == 5.87      # 214 / 3.645 × 100
    assert round(e["capaian_komponen"]["UKNK"], 2) == 99.75     # (23 / 28.822 × 100) / 0,08 × 100
    assert round(e["capaian"]) == 109                           # CAPAIAN SASARAN KINERJA


def recorded(nb) -> dict:
    """The ``application/json`` output of the notebook's cell tagged ``results``."""
    cell = next(c for c in nb.cells if "results" in c.metadata.get("tags", []))
    (data,) = [o["data"]["application/json"] for o in cell.outputs if "application/json" in o.get("data", {})]
    return data


@pytest.mark.slow
def test_notebooks_run_in_order_with_test_parameters(tmp_path):
    out = tmp_path / "processed"
    params = {"agency": SEED_AGENCY, "year": SEED_YEAR, "processed_root": str(out), "lang": "en"}
    executed = {}
    for name in ORDER:
        raw = {"raw_root": str(RAW_ROOT)} if name == "01-clean" else {}
        pm.execute_notebook(str(NB / f"{name}.ipynb"), str(tmp_path / f"{name}.ipynb"), parameters={**params, **raw},
                            kernel_name="python3", progress_bar=False, cwd=str(NB))
        executed[name] = nbformat.read(tmp_path / f"{name}.ipynb", as_version=4)
        assert not any(o.get("output_type") == "error" for c in executed[name].cells if c.cell_type == "code"
                       for o in c.outputs), name
    # an analyst's run (no build_run): everything in the scratch folder, nothing published
    folder = out / ".scratch" / SEED_AGENCY / str(SEED_YEAR)
    assert not (out / SEED_AGENCY).exists()
    for table in ("anggaran_program", "reported_figures", "iku", "budget", "efficiency", "reconciliation", "trends",
                  "breaks"):
        assert (folder / f"{table}.csv").exists() and (folder / f"{table}.parquet").exists(), table
    info = json.loads((folder / "clean_info.json").read_text())
    assert info["agency"] == SEED_AGENCY
    e = expected()
    rec_counts = pd.read_csv(folder / "reconciliation.csv")["status"].value_counts().to_dict()

    # 01: what was read, and the programme totals the tidy tables add up to
    r01 = recorded(executed["01-clean"])
    assert r01["tables_read"] == e["tables_read"] == len(info["tables_read"])
    assert r01["totals"]["programme budgets (budget realisation table)"] == e["anggaran"]
    assert r01["totals"]["programme realisations (budget realisation table)"] == e["realisasi"]

    # 02: the headline figures, each recomputed from the raw components
    r02 = recorded(executed["02-indicators"])
    assert r02["serapan"] == pytest.approx(e["serapan"], rel=1e-12)
    assert r02["anggaran"] == e["anggaran"]
    for code in ("KB", "UKNK"):
        assert r02["realisasi_komponen"][code] == pytest.approx(e["realisasi_komponen"][code], rel=1e-12), code
        assert r02["capaian_komponen"][code] == pytest.approx(e["capaian_komponen"][code], rel=1e-12), code
    assert r02["capaian"] == pytest.approx(e["capaian"], rel=1e-12)
    assert r02["rekonsiliasi"] == rec_counts and {"match", "method", "rounding"} <= set(r02["rekonsiliasi"])
    assert r02["rekonsiliasi"]["not_comparable"] == 2  # KB across its 2024 formula change, counted apart from match
    assert sum(r02["rekonsiliasi"].values()) > 0

    # 03: KB is the one indicator whose definition has more than one version (a series break)
    r03 = recorded(executed["03-formula-changes"])
    versions = pd.DataFrame(raw_rows("../definisi_indikator")).groupby("kode_indikator")["versi"].nunique()
    assert r03["breaks"] == sorted(versions[versions > 1].index) == ["KB"]
    assert r03["rows"]["trends"] > 0

    # 04: the report shows the same figures, in English, and its results cell stays out of the HTML
    r04 = recorded(executed["04-report"])
    assert r04["anggaran"] == e["anggaran"]
    assert r04["serapan"] == pytest.approx(e["serapan"], rel=1e-12)
    assert r04["capaian"] == pytest.approx(e["capaian"], rel=1e-12)
    assert r04["perubahan_rumus"] == len(r03["breaks"])
    assert r04["rekonsiliasi"] == r02["rekonsiliasi"]
    report = executed["04-report"]
    html = "".join(o.get("data", {}).get("text/html", "") for c in report.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "Summary" in html and f"IDR\u00a0{e['anggaran']:,}" in html  # lang=en reached the report
    page = notebook_to_html(report, "test", "en")
    assert not any(s in page for s in ("perubahan_rumus", "application/json", "IPython.core.display.JSON"))
