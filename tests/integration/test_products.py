"""The pipeline's steps write every product config.PRODUCTS declares for their notebook."""
from analysis.build.products import all_product_files
from conftest import SEED_AGENCY, SEED_YEAR


def test_the_seed_run_wrote_every_declared_product(seed_run):
    folder = seed_run["processed"] / SEED_AGENCY / str(SEED_YEAR)
    assert [f.name for f in all_product_files(folder) if not f.exists()] == []
