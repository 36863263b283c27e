"""Each notebook's declared products (``config.PRODUCTS``): their files, and the check that a run wrote them.

A product missing, or older than the run, means the notebook did not do its job (a step skipped, a name
changed): the agency-year fails with the notebook and the product named, instead of a later step reading
what an earlier run left. A check is a few ``stat`` calls.

A product is declared for an agency-year only when the table kinds its output needs were read
(:data:`analysis.needs.PRODUCT_NEEDS`, against the ``clean_info.json`` notebook 01 wrote): an agency-year
without a budget table has no ``budget`` product to miss.

The build itself writes the report folder's products of each language (:func:`report_products`: the report page
and the results workbook; the PDF only where a PDF engine is there), checked before the agency-year is committed.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .. import needs
from ..config import PRODUCTS, TABLE_FORMATS
from .languages import report_files, workbook_file
from .options import BuildError


def kinds_read(folder: Path | str) -> frozenset[str] | None:
    """The table kinds notebook 01 read into ``folder`` (None before it ran, or when its record is unreadable:
    then every product is declared)."""
    try:
        return needs.kinds_read(json.loads((Path(folder) / "clean_info.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def declared(notebook: str, folder: Path | str) -> tuple[str, ...]:
    """The products ``notebook`` declares for the agency-year in ``folder``: those its inputs allow."""
    kinds = kinds_read(folder)
    return tuple(p for p in PRODUCTS[notebook]
                 if kinds is None or needs.declared(p, kinds))


def product_files(folder: Path | str, product: str) -> list[Path]:
    """The files of one product: a name with a suffix is one file, a table is one file per table format."""
    folder = Path(folder)
    if "." in product:
        return [folder / product]
    return [folder / f"{product}.{ext}" for ext in TABLE_FORMATS]


def product_path(folder: Path | str, notebook: str, product: str) -> Path:
    """The file of a one-file product that ``notebook`` declares (a KeyError/ValueError otherwise)."""
    if product not in PRODUCTS[notebook] or "." not in product:
        raise ValueError(f"{product!r} is not a one-file product of {notebook}")
    return Path(folder) / product


def all_product_files(folder: Path | str) -> list[Path]:
    """Every file every notebook declares for the agency-year in ``folder``."""
    return [f for notebook in PRODUCTS for p in declared(notebook, folder) for f in product_files(folder, p)]


def file_system_now(folder: Path | str) -> int:
    """The time (ns) a file written now in ``folder`` gets as its mtime.

    Taken from the file system, not from ``time.time_ns()``: file times come from a coarser clock (up to a
    scheduler tick behind) and, on a network file system, from the server's clock.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".run-start.", dir=folder)
    try:
        return os.fstat(fd).st_mtime_ns
    finally:
        os.close(fd)
        os.unlink(name)


def check_products(notebook: str, folder: Path | str, since_ns: int) -> None:
    """Raise :class:`BuildError` naming ``notebook`` and each declared product it did not write since
    ``since_ns`` (missing, or left by an earlier run)."""
    problems = []
    for product in declared(notebook, folder):
        for f in product_files(folder, product):
            try:
                mtime = f.stat().st_mtime_ns
            except FileNotFoundError:
                problems.append(f"{f.name} is missing")
                continue
            if mtime < since_ns:
                problems.append(f"{f.name} was not written by this run (it is older than the run's start)")
    if problems:
        raise BuildError(f"notebook {notebook}.ipynb did not write its declared products in {folder}: "
                         + "; ".join(problems))


def report_products(lang: str) -> tuple[str, ...]:
    """The files the build writes into the report folder for ``lang`` (the PDF aside: its engine may be absent):
    ``report.html`` and ``hasil.xlsx``, ``report.en.html`` and ``hasil.en.xlsx``."""
    return report_files(lang)[0], workbook_file(lang)


def check_report_products(folder: Path | str, langs) -> None:
    """Raise :class:`BuildError` naming each report product of ``langs`` missing in ``folder``."""
    missing = [name for lang in langs for name in report_products(lang) if not (Path(folder) / name).is_file()]
    if missing:
        raise BuildError(f"the build did not write {', '.join(missing)} in {folder}")
