"""The input fingerprint of an agency-year: what must be rebuilt, decided without importing pandas.

Inputs: its raw files, the raw files of the agency's earlier report years (its trends join them), the agency's
definitions, reference scales, notebooks, module source, locked dependencies and the build's options (languages,
PDF, ``--param`` values); not the build date nor the git commit: a build of unchanged inputs is skipped, and its
reports keep the stamp of the build that made them. The build's hash file records that fingerprint and a hash of
every output it wrote (processed tables and report folder); an agency-year is skipped only when its fingerprint
is unchanged, its outputs are exactly those recorded, every declared product is there, the report and workbook
of every language asked for are there, and the PDFs are there if a PDF engine is there now.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..config import NOTEBOOKS, PROJECT_ROOT, REFERENCE_ROOT
from ..ingest.raw import earlier_years
from .languages import languages
from .options import Options
from .products import all_product_files, report_products

HASH_FILE = ".build-hash.json"


def input_files(agency: str, year: int, opt: Options) -> list[Path]:
    raw = Path(opt.raw_root)
    files = [p for p in sorted((raw / agency / str(year)).rglob("*")) if p.is_file()]
    for y in earlier_years(agency, year, raw):  # a change in an earlier report rebuilds the later years
        files += [p for p in sorted((raw / agency / str(y)).rglob("*")) if p.is_file()]
    files += [p for p in sorted((raw / agency).iterdir()) if p.is_file()]
    files += sorted(p for p in REFERENCE_ROOT.glob("*") if p.is_file())
    files += [Path(opt.notebook_dir) / f"{n}.ipynb" for n in NOTEBOOKS]
    src = Path(__file__).parents[1]  # the analysis package
    files += sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".py", ".css", ".j2", ".csv"))
    lock = PROJECT_ROOT / "requirements.lock"
    if lock.exists():
        files.append(lock)
    return files


def source_hash(agency: str, year: int, opt: Options) -> str:
    """What the figures are built from: every input file and the ``--param`` values, not the languages or
    whether a PDF is printed (the fingerprint shown on the reports, the same in each language)."""
    h = hashlib.sha256()
    h.update(json.dumps({"params": opt.params, "v": 3}, sort_keys=True).encode())
    for p in input_files(agency, year, opt):
        try:
            rel = p.resolve().relative_to(PROJECT_ROOT)
        except ValueError:
            rel = p
        h.update(str(rel).encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def input_hash(agency: str, year: int, opt: Options, source: str | None = None) -> str:
    """The fingerprint the skip decision compares: :func:`source_hash` (``source`` when already computed) and
    the outputs asked for (languages, PDF)."""
    source = source or source_hash(agency, year, opt)
    return hashlib.sha256(json.dumps({"lang": opt.lang, "pdf": opt.pdf, "source": source},
                                     sort_keys=True).encode()).hexdigest()


def output_hashes(processed: Path, report: Path) -> dict[str, str]:
    """``processed/<file>`` and ``report/<file>`` -> sha256 of every file the build leaves for an agency-year
    (the hash file excepted)."""
    hashes = {}
    for label, folder in (("processed", Path(processed)), ("report", Path(report))):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.name != HASH_FILE:
                hashes[f"{label}/{p.relative_to(folder).as_posix()}"] = hashlib.sha256(p.read_bytes()).hexdigest()
    return hashes


def pdf_engine_present() -> bool:
    """Whether a Chromium binary is there now (a build without it made no PDF; one with it must)."""
    from ..report.pdf import chromium_path  # standard library only

    exe = chromium_path()
    return bool(exe) and os.path.exists(exe)


def is_up_to_date(agency: str, year: int, opt: Options, digest: str) -> bool:
    """Whether the saved fingerprint is ``digest``, the outputs are those the build recorded (none changed,
    missing or added), every declared product of the notebooks is there, and the PDF is there unless no PDF
    engine is there now."""
    out = Path(opt.reports_root) / agency / str(year)
    processed = Path(opt.processed_root) / agency / str(year)
    try:
        saved = json.loads((out / HASH_FILE).read_text())
    except (OSError, ValueError):
        return False
    if saved.get("hash") != digest or not saved.get("outputs"):
        return False
    if opt.pdf and not saved.get("pdf") and pdf_engine_present():
        return False
    reports = [out / name for lang in languages(opt.lang) for name in report_products(lang)]
    if not all(p.exists() for p in [*reports, *all_product_files(processed)]):
        return False
    try:
        return output_hashes(processed, out) == saved["outputs"]
    except OSError:
        return False
