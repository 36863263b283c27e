"""Project settings in one place: folders, default reference scales, limits, the notebooks and their order.

Only the standard library is imported here: the CLI's ``--help`` and the no-op rebuild read it too.
"""
from __future__ import annotations

import re
from pathlib import Path

# ------------------------------------------------------------------------------------------- folders
PROJECT_ROOT = Path(__file__).resolve().parents[2]
RAW_ROOT = PROJECT_ROOT / "data" / "raw"
PROCESSED_ROOT = PROJECT_ROOT / "data" / "processed"
REFERENCE_ROOT = PROJECT_ROOT / "data" / "reference"
REPORTS_ROOT = PROJECT_ROOT / "reports"
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"

# ------------------------------------------------------------------------------------------- names
#: an agency's folder under data/raw: lower-case letters, digits and '-' (``../`` can never be one)
AGENCY_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
#: the years a report, a definition or a realisation may carry (one range for parsing and for schemas)
YEAR_MIN, YEAR_MAX = 1945, 2099


def is_year(text) -> bool:
    """A four-digit year within YEAR_MIN..YEAR_MAX."""
    s = str(text).strip()
    return bool(re.fullmatch(r"\d{4}", s)) and YEAR_MIN <= int(s) <= YEAR_MAX

# ------------------------------------------------------------------------------------------- reference scales
# (data in data/reference/; an agency picks others in its meta.csv: skala_kategori, skala_efisiensi)
DEFAULT_GRADE_SCALE = "permenpanrb_88_2021"
DEFAULT_CATEGORY_SCALE = "lkj_dua_tingkat"
DEFAULT_EFFICIENCY_SCALE = "selisih_lima_poin"

# ------------------------------------------------------------------------------------------- limits
#: a transcribed report table is a few kilobytes; anything this big is not one
MAX_TABLE_BYTES = 5 * 1024 * 1024
#: a printed percentage above this is taken for a misplaced separator
MAX_PERCENT = 1000.0

# ------------------------------------------------------------------------------------------- notebooks
#: the notebooks of one agency-year, in the order they run (each reads what the previous one wrote)
NOTEBOOKS = ("01-clean", "02-indicators", "03-formula-changes", "04-report")
#: what each notebook writes to ``data/processed/<agency>/<year>/`` (the build checks that a run wrote
#: them): a name with a suffix is one file, any other a table written as ``<name>.csv`` and
#: ``<name>.parquet``. 01-clean also writes one table per table kind its manifest lists; only those it
#: always writes are declared. A product whose output needs table kinds an agency-year lacks is not declared for
#: it (``analysis.needs.PRODUCT_NEEDS``, applied by ``build.products.declared``).
PRODUCTS = {
    "01-clean": ("clean_info.json", "definisi_indikator", "reported_figures", "program", "realisation_by_report"),
    "02-indicators": ("iku", "capaian_sasaran", "budget", "efficiency", "efficiency_ratios", "programme_outputs",
                      "reconciliation", "warnings"),
    "03-formula-changes": ("trends", "breaks", "gaps", "decomposition", "restatements", "summary.json"),
    "04-report": (),
}
#: the formats every table is written in (:func:`analysis.atomic.write_tables`)
TABLE_FORMATS = ("csv", "parquet")
