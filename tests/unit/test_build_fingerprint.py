"""The input fingerprint changes with every input (raw file, notebook, --param, language) and only then;
an agency-year is up to date only when its fingerprint is unchanged and every output is there."""
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from build_fakes import fake_project

from analysis.build.fingerprint import HASH_FILE, input_hash, is_up_to_date
from analysis.build.products import all_product_files


@pytest.fixture
def opt(tmp_path):
    return fake_project(tmp_path)


def test_same_inputs_same_fingerprint(opt):
    assert input_hash("dinas", 2024, opt) == input_hash("dinas", 2024, replace(opt))


def test_a_raw_file_changes_it(opt):
    before = input_hash("dinas", 2024, opt)
    (Path(opt.raw_root) / "dinas" / "2024" / "x.csv").write_text("a,b\n1,2025\n")
    assert input_hash("dinas", 2024, opt) != before


def test_the_agency_definitions_change_it(opt):
    before = input_hash("dinas", 2024, opt)
    (Path(opt.raw_root) / "dinas" / "definisi_indikator.csv").write_text("kode\nKB\nKC\n")
    assert input_hash("dinas", 2024, opt) != before


def test_another_year_does_not_change_it(opt):
    before = input_hash("dinas", 2024, opt)
    (Path(opt.raw_root) / "dinas" / "2023" / "x.csv").write_text("changed\n")
    assert input_hash("dinas", 2024, opt) == before


def test_a_notebook_changes_it(opt):
    before = input_hash("dinas", 2024, opt)
    nb = Path(opt.notebook_dir) / "03-formula-changes.ipynb"
    nb.write_text(nb.read_text().replace("print(agency)", "print(year)"))
    assert input_hash("dinas", 2024, opt) != before


@pytest.mark.parametrize("changed", [{"params": {"batas_atas": 100}}, {"lang": "en"}, {"pdf": True}])
def test_an_option_changes_it(opt, changed):
    assert input_hash("dinas", 2024, replace(opt, **changed)) != input_hash("dinas", 2024, opt)


def test_a_param_value_and_its_type_change_it(opt):
    digests = {input_hash("dinas", 2024, replace(opt, params={"batas_atas": v})) for v in (100, 120, 100.5, "100")}
    assert len(digests) == 4


def test_force_and_output_folders_do_not_change_it(opt, tmp_path):
    other = replace(opt, force=True, reports_root=str(tmp_path / "r2"), processed_root=str(tmp_path / "p2"))
    assert input_hash("dinas", 2024, other) == input_hash("dinas", 2024, opt)


def _built(opt, digest, pdf=False):
    """The outputs a successful build leaves."""
    out = Path(opt.reports_root) / "dinas" / "2024"
    out.mkdir(parents=True)
    (out / "report.html").write_text("<p>")
    if pdf:
        (out / "report.pdf").write_bytes(b"%PDF")
    (out / HASH_FILE).write_text(json.dumps({"hash": digest, "pdf": pdf}))
    for f in all_product_files(Path(opt.processed_root) / "dinas" / "2024"):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x")
    return out


def test_up_to_date_when_unchanged_and_complete(opt):
    digest = input_hash("dinas", 2024, opt)
    _built(opt, digest)
    assert is_up_to_date("dinas", 2024, opt, digest)
    assert not is_up_to_date("dinas", 2024, opt, input_hash("dinas", 2024, replace(opt, lang="en")))


@pytest.mark.parametrize("missing", ["report.html", "summary.json", "budget.parquet", "clean_info.json"])
def test_not_up_to_date_when_an_output_is_missing(opt, missing):
    digest = input_hash("dinas", 2024, opt)
    out = _built(opt, digest)
    os.remove(out / missing if missing == "report.html" else Path(opt.processed_root) / "dinas" / "2024" / missing)
    assert not is_up_to_date("dinas", 2024, opt, digest)


def test_not_up_to_date_without_a_fingerprint_or_the_pdf_made(opt):
    opt = replace(opt, pdf=True)
    digest = input_hash("dinas", 2024, opt)
    assert not is_up_to_date("dinas", 2024, opt, digest)
    out = _built(opt, digest, pdf=True)
    assert is_up_to_date("dinas", 2024, opt, digest)
    (out / "report.pdf").unlink()
    assert not is_up_to_date("dinas", 2024, opt, digest)
