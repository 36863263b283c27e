"""After each notebook the build checks that it wrote its declared products in this run."""
import os

import pytest

from analysis.build.options import BuildError
from analysis.build.products import all_product_files, check_products, file_system_now, product_files, product_path
from analysis.config import NOTEBOOKS, PRODUCTS


def _write(folder, notebook):
    for product in PRODUCTS[notebook]:
        for f in product_files(folder, product):
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text("x")


def test_every_notebook_declares_its_products():
    assert set(PRODUCTS) == set(NOTEBOOKS)
    assert "summary.json" in PRODUCTS["03-formula-changes"] and "clean_info.json" in PRODUCTS["01-clean"]


def test_a_table_is_two_files_a_named_file_one(tmp_path):
    assert [f.name for f in product_files(tmp_path, "iku")] == ["iku.csv", "iku.parquet"]
    assert product_files(tmp_path, "summary.json") == [tmp_path / "summary.json"]
    assert len(all_product_files(tmp_path)) == sum(1 if "." in p else 2 for ps in PRODUCTS.values() for p in ps)


def test_product_path_only_for_a_declared_file(tmp_path):
    assert product_path(tmp_path, "03-formula-changes", "summary.json") == tmp_path / "summary.json"
    with pytest.raises(ValueError):
        product_path(tmp_path, "02-indicators", "summary.json")
    with pytest.raises(ValueError):
        product_path(tmp_path, "02-indicators", "iku")


def test_written_in_this_run_passes(tmp_path):
    since = file_system_now(tmp_path)
    for name in NOTEBOOKS:
        _write(tmp_path, name)
        check_products(name, tmp_path, since)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # the clock file is gone


def test_a_missing_product_is_named_with_its_notebook(tmp_path):
    since = file_system_now(tmp_path)
    _write(tmp_path, "02-indicators")
    (tmp_path / "budget.parquet").unlink()
    with pytest.raises(BuildError) as e:
        check_products("02-indicators", tmp_path, since)
    assert "02-indicators.ipynb" in str(e.value) and "budget.parquet is missing" in str(e.value)
    assert "iku" not in str(e.value)


def test_a_product_left_by_an_earlier_run_is_named(tmp_path):
    _write(tmp_path, "03-formula-changes")
    old = (tmp_path / "summary.json").stat().st_mtime_ns - 60 * 10**9
    os.utime(tmp_path / "summary.json", ns=(old, old))
    since = file_system_now(tmp_path)
    for f in tmp_path.iterdir():
        if f.name != "summary.json":
            f.write_text("rewritten")
    with pytest.raises(BuildError) as e:
        check_products("03-formula-changes", tmp_path, since)
    assert "03-formula-changes.ipynb" in str(e.value)
    assert "summary.json was not written by this run" in str(e.value) and "trends" not in str(e.value)


def test_a_notebook_without_products_passes(tmp_path):
    check_products("04-report", tmp_path / "nothing-here", file_system_now(tmp_path))


@pytest.mark.parametrize("langs", [("id",), ("en",), ("id", "en")])
def test_the_report_folder_products_of_each_language_are_checked(tmp_path, langs):
    """The build writes the report and the results workbook of each language; one missing fails the agency-year
    (naming it) before anything is committed."""
    from analysis.build.products import check_report_products, report_products

    names = [n for lang in langs for n in report_products(lang)]
    assert {n.split(".")[0] for n in names} == {"report", "hasil"} and len(set(names)) == 2 * len(langs)
    for n in names:
        (tmp_path / n).write_text("x")
    check_report_products(tmp_path, langs)
    (tmp_path / names[-1]).unlink()
    with pytest.raises(BuildError, match=names[-1].replace(".", r"\.")):
        check_report_products(tmp_path, langs)
