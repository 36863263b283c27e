"""The input fingerprint of an agency-year: what must be rebuilt, decided without importing pandas.

Inputs: its raw files, the agency's definitions, reference scales, notebooks, module source, locked
dependencies and the build's options (language, PDF, ``--param`` values); an agency-year whose
fingerprint and outputs are unchanged is skipped.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..config import NOTEBOOKS, PROJECT_ROOT, REFERENCE_ROOT
from .options import Options
from .products import all_product_files

HASH_FILE = ".build-hash.json"


def input_files(agency: str, year: int, opt: Options) -> list[Path]:
    raw = Path(opt.raw_root)
    files = [p for p in sorted((raw / agency / str(year)).rglob("*")) if p.is_file()]
    files += [p for p in sorted((raw / agency).iterdir()) if p.is_file()]
    files += sorted(p for p in REFERENCE_ROOT.glob("*") if p.is_file())
    files += [Path(opt.notebook_dir) / f"{n}.ipynb" for n in NOTEBOOKS]
    src = Path(__file__).parents[1]  # the analysis package
    files += sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".py", ".css", ".j2", ".csv"))
    lock = PROJECT_ROOT / "requirements.lock"
    if lock.exists():
        files.append(lock)
    return files


def input_hash(agency: str, year: int, opt: Options) -> str:
    h = hashlib.sha256()
    h.update(json.dumps({"lang": opt.lang, "pdf": opt.pdf, "params": opt.params, "v": 2}, sort_keys=True).encode())
    for p in input_files(agency, year, opt):
        try:
            rel = p.resolve().relative_to(PROJECT_ROOT)
        except ValueError:
            rel = p
        h.update(str(rel).encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def is_up_to_date(agency: str, year: int, opt: Options, digest: str) -> bool:
    """Whether the saved fingerprint is ``digest`` and every output is there (report, PDF if one was made,
    every declared product of the notebooks)."""
    out = Path(opt.reports_root) / agency / str(year)
    try:
        saved = json.loads((out / HASH_FILE).read_text())
    except (OSError, ValueError):
        return False
    needed = [out / "report.html"] + ([out / "report.pdf"] if opt.pdf and saved.get("pdf") else [])
    needed += all_product_files(Path(opt.processed_root) / agency / str(year))
    return saved.get("hash") == digest and all(p.exists() for p in needed)
