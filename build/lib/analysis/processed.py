"""The processed tables of an agency-year: where they live and how they are read back (once per kernel)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .config import PROCESSED_ROOT
from .ingest.raw import check_agency_year


def processed_dir(agency: str, year, processed_root=PROCESSED_ROOT) -> Path:
    """``processed_root/<agency>/<year>``, after checking both path parameters."""
    agency, year = check_agency_year(agency, year)
    return Path(processed_root) / agency / str(year)


def load_processed(agency: str, year, processed_root=PROCESSED_ROOT) -> dict[str, pd.DataFrame]:
    """Every table written for the agency-year (Parquet keeps the types)."""
    folder = processed_dir(agency, year, processed_root)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} does not exist: run the cleaning step (notebooks/01-clean.ipynb) first")
    return {p.stem: _read_table(p) for p in sorted(folder.glob("*.parquet"))}


_READ: dict[Path, tuple[tuple[int, int, int], pd.DataFrame]] = {}


def _read_table(path: Path) -> pd.DataFrame:
    """One processed table, read again only when its file changed.

    Notebooks 02, 03 and 04 run in one kernel and read the same tables (about 0,1 s each time). A file
    is known by inode, size and modification time: outputs are replaced atomically, so a rewritten table
    is a new inode. Only the latest folder is kept, so a long batch does not accumulate tables.
    """
    st = path.stat()
    key = (st.st_ino, st.st_size, st.st_mtime_ns)
    hit = _READ.get(path)
    if hit is None or hit[0] != key:
        for other in [p for p in _READ if p.parent != path.parent]:
            del _READ[other]
        hit = (key, pd.read_parquet(path))
        _READ[path] = hit
    return hit[1].copy(deep=False)  # copy-on-write (pandas 3): a caller's change never reaches the cache


def load_info(agency: str, year, processed_root=PROCESSED_ROOT) -> dict:
    return json.loads((processed_dir(agency, year, processed_root) / "clean_info.json").read_text(encoding="utf-8"))
