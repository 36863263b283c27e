"""The input fingerprint changes with every input (raw file, notebook, --param, language) and only then;
an agency-year is up to date only when its fingerprint is unchanged, its outputs are those the build recorded
(none changed, deleted or added), and the PDF is there whenever a PDF engine is."""
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from build_fakes import fake_project

from analysis.build.fingerprint import HASH_FILE, input_hash, is_up_to_date, output_hashes, source_hash
from analysis.build.languages import languages, report_files, workbook_file
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


def test_a_later_year_does_not_change_it(opt):
    before = input_hash("dinas", 2023, opt)
    (Path(opt.raw_root) / "dinas" / "2024" / "x.csv").write_text("changed\n")
    assert input_hash("dinas", 2023, opt) == before


def test_an_earlier_report_year_changes_it(opt):
    """The trends of 2024 join the 2023 report, read from its raw files: a change there rebuilds 2024 (builds
    run in any order, so 2024 never reads 2023's processed outputs)."""
    before = input_hash("dinas", 2024, opt)
    (Path(opt.raw_root) / "dinas" / "2023" / "x.csv").write_text("changed\n")
    assert input_hash("dinas", 2024, opt) != before


def test_an_earlier_folder_without_manifest_does_not_change_it(opt):
    (Path(opt.raw_root) / "dinas" / "2022").mkdir()
    before = input_hash("dinas", 2024, opt)
    (Path(opt.raw_root) / "dinas" / "2022" / "x.csv").write_text("not a report year\n")
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
    """The outputs a successful build leaves, with its hash file recording each of them."""
    out = Path(opt.reports_root) / "dinas" / "2024"
    out.mkdir(parents=True)
    for lang in languages(opt.lang):
        html, pdf_name = report_files(lang)
        (out / html).write_text("<p>")
        (out / workbook_file(lang)).write_bytes(b"PK")
        if pdf:
            (out / pdf_name).write_bytes(b"%PDF")
    processed = Path(opt.processed_root) / "dinas" / "2024"
    for f in all_product_files(processed):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x")
    (out / HASH_FILE).write_text(json.dumps({"hash": digest, "pdf": pdf, "outputs": output_hashes(processed, out)}))
    return out


def test_up_to_date_when_unchanged_and_complete(opt):
    digest = input_hash("dinas", 2024, opt)
    _built(opt, digest)
    assert is_up_to_date("dinas", 2024, opt, digest)
    assert not is_up_to_date("dinas", 2024, opt, input_hash("dinas", 2024, replace(opt, lang="en")))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_language_needs_only_its_report(opt, lang):
    one = replace(opt, lang=lang)
    digest = input_hash("dinas", 2024, one)
    out = _built(one, digest)
    assert is_up_to_date("dinas", 2024, one, digest)
    assert sorted(p.name for p in out.glob("report*")) == [report_files(lang)[0]]
    assert sorted(p.name for p in out.glob("hasil*")) == [workbook_file(lang)]


def test_the_fingerprint_on_the_reports_ignores_languages_and_pdf(opt):
    """The short fingerprint a report shows is the same in both languages, with or without PDF; the skip
    decision still tells them apart."""
    variants = [replace(opt, lang=lang, pdf=pdf) for lang in ("id", "en", "both") for pdf in (True, False)]
    assert len({source_hash("dinas", 2024, v) for v in variants}) == 1
    assert len({input_hash("dinas", 2024, v) for v in variants}) == len(variants)
    assert source_hash("dinas", 2024, replace(opt, params={"batas_atas": 100})) != source_hash("dinas", 2024, opt)


@pytest.mark.parametrize("missing", ["report.html", "report.en.html", "hasil.xlsx", "hasil.en.xlsx", "summary.json",
                                     "budget.parquet", "clean_info.json"])
def test_not_up_to_date_when_an_output_is_missing(opt, missing):
    digest = input_hash("dinas", 2024, opt)
    out = _built(opt, digest)
    report_side = missing.startswith(("report", "hasil"))
    os.remove(out / missing if report_side else Path(opt.processed_root) / "dinas" / "2024" / missing)
    assert not is_up_to_date("dinas", 2024, opt, digest)


def test_not_up_to_date_without_a_fingerprint_or_the_pdf_made(opt):
    opt = replace(opt, pdf=True)
    digest = input_hash("dinas", 2024, opt)
    assert not is_up_to_date("dinas", 2024, opt, digest)
    out = _built(opt, digest, pdf=True)
    assert is_up_to_date("dinas", 2024, opt, digest)
    (out / "report.pdf").unlink()
    assert not is_up_to_date("dinas", 2024, opt, digest)


@pytest.mark.parametrize("change", ["edited", "added", "deleted"])
def test_not_up_to_date_when_an_output_changed_since_the_build(opt, change):
    """An analyst's run that wrote a published table, or a stale table dropped in, is noticed."""
    digest = input_hash("dinas", 2024, opt)
    _built(opt, digest)
    table = Path(opt.processed_root) / "dinas" / "2024" / "iku.parquet"
    if change == "edited":
        table.write_text("y")
    elif change == "added":
        table.with_name("old_table.parquet").write_text("x")
    else:
        table.unlink()
    assert not is_up_to_date("dinas", 2024, opt, digest)


def test_a_build_without_pdf_engine_is_rebuilt_once_one_is_there(opt, tmp_path, monkeypatch):
    opt = replace(opt, pdf=True)
    digest = input_hash("dinas", 2024, opt)
    _built(opt, digest, pdf=False)  # built while no engine was there
    monkeypatch.setenv("LKJ_CHROMIUM", str(tmp_path / "no-chromium"))
    assert is_up_to_date("dinas", 2024, opt, digest)
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    monkeypatch.setenv("LKJ_CHROMIUM", str(fake))
    assert not is_up_to_date("dinas", 2024, opt, digest)


def test_a_hash_file_without_recorded_outputs_is_rebuilt(opt):
    digest = input_hash("dinas", 2024, opt)
    out = _built(opt, digest)
    (out / HASH_FILE).write_text(json.dumps({"hash": digest, "pdf": False}))  # written by an older build
    assert not is_up_to_date("dinas", 2024, opt, digest)
