"""Writing outputs atomically: a failed run never leaves a half-written table or a temporary file behind.

Every write goes to a temporary name in the target's folder and is moved into place only when complete;
the temporary file is removed on every failure path, and an OS error (a full disk, a read-only folder) is
raised as :class:`WriteError`, whose message names the file: ``could not write …/iku.parquet: No space left
on device``.
"""
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


def csv_text(df: pd.DataFrame) -> str:
    """The CSV copy of a processed table: formula-like text neutralised (:mod:`.spreadsheet`), LF line ends.

    The csv module quotes a field holding a line end only when it is the line terminator's: a lone carriage
    return in a text cell (a line break typed in a workbook cell, a CRLF inside a quoted raw cell) would be
    written bare and split the row for every reader. Such a table is written with every text field quoted.
    """
    import csv

    text = neutralise(df)
    out = text.to_csv(index=False, lineterminator="\n")
    return out if "\r" not in out else text.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)


class WriteError(OSError):
    """An output could not be written; the message names the file and the reason."""

    def __init__(self, path: Path | str, cause: OSError):
        reason = cause.strerror or str(cause) or type(cause).__name__
        super().__init__(cause.errno, f"could not write {path}: {reason}")
        self.path = Path(path)

    def __str__(self) -> str:
        return self.strerror


def _tmp_for(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are meant to be shared
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def _write(path: Path, fill) -> None:
    """Write ``path`` through a temporary file that ``fill(tmp)`` fills; OS errors name ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _tmp_for(path)
    except WriteError:
        raise
    except OSError as e:
        raise WriteError(path, e) from e
    try:
        fill(tmp)
        os.replace(tmp, path)
    except WriteError:
        raise
    except OSError as e:
        raise WriteError(path, e) from e
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    _write(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    _write(Path(path), lambda tmp: tmp.write_bytes(data))


def write_tables(directory: Path | str, tables: dict[str, pd.DataFrame]) -> list[Path]:
    """Write each table as ``<name>.csv`` and ``<name>.parquet``.

    The CSV is the copy evaluators open in a spreadsheet: its text cells that begin like a formula (``=``, ``+``,
    ``-``, ``@``, tab, CR) get a leading ``'`` (:mod:`analysis.spreadsheet`). The Parquet file keeps the exact text.

    Every file is first written to a temporary name in the same folder, and only when all of them
    are written are they moved into place (``os.replace`` is atomic on one file system). A failure
    while writing leaves the previous outputs as they were and no temporary file.
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(directory, e) from e
    staged: list[tuple[Path, Path]] = []
    final = directory
    try:
        for name, df in tables.items():
            for ext in TABLE_FORMATS:
                final = directory / f"{name}.{ext}"
                tmp = _tmp_for(final)
                staged.append((tmp, final))  # listed before it is written: removed whatever happens next
                if ext == "csv":
                    tmp.write_bytes(csv_text(df).encode("utf-8"))
                else:
                    df.to_parquet(tmp, index=False)
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as e:
        raise WriteError(final, e) from e
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [final for _, final in staged]
