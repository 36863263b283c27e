"""Writing outputs atomically: a failed run never leaves a half-written table behind."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .config import TABLE_FORMATS
from .spreadsheet import neutralise

if TYPE_CHECKING:  # pandas is imported by the callers that write tables; write_text must stay light
    import pandas as pd


_UMASK = os.umask(0)
os.umask(_UMASK)


def _tmp_for(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are meant to be shared
    return Path(name)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_for(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_for(path)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_tables(directory: Path | str, tables: dict[str, pd.DataFrame]) -> list[Path]:
    """Write each table as ``<name>.csv`` and ``<name>.parquet``.

    The CSV is the copy evaluators open in a spreadsheet: its text cells that begin like a formula (``=``, ``+``,
    ``-``, ``@``, tab, CR) get a leading ``'`` (:mod:`analysis.spreadsheet`). The Parquet file keeps the exact text.

    Every file is first written to a temporary name in the same folder, and only when all of them
    are written are they moved into place (``os.replace`` is atomic on one file system). A failure
    while writing leaves the previous outputs as they were.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            for ext in TABLE_FORMATS:
                final = directory / f"{name}.{ext}"
                tmp = _tmp_for(final)
                if ext == "csv":
                    neutralise(df).to_csv(tmp, index=False, lineterminator="\n")
                else:
                    df.to_parquet(tmp, index=False)
                staged.append((tmp, final))
        for tmp, final in staged:
            os.replace(tmp, final)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [final for _, final in staged]
