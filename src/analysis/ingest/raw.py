"""Finding and reading raw tables: ``data/raw/<agency>/<year>/<table>.csv``, cells kept as text.

Nothing here interprets a number; that is :mod:`analysis.ingest.numbers` and the cleaners.
Nothing here ever writes under ``data/raw``.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import AGENCY_SLUG, MAX_TABLE_BYTES, RAW_ROOT, is_year
from ..errors import Collector, DataError, Problem, Warning_

BOM = b"\xef\xbb\xbf"


def check_agency_year(agency: str, year) -> tuple[str, int]:
    """Validate the two path parameters before they touch the file system (``../../etc`` is refused)."""
    problems = []
    if not isinstance(agency, str) or not AGENCY_SLUG.match(agency):
        problems.append(Problem("parameters", None, "agency", str(agency),
                                "a slug of lower-case letters, digits and '-' (like kalbar-diskumkm)"))
    if not is_year(year):
        problems.append(Problem("parameters", None, "year", str(year), "a four-digit year like 2024"))
    if problems:
        raise DataError(problems)
    return agency, int(year)


#: why a symbolic link inside data/raw is refused
NO_LINKS = "links inside data/raw are never followed: copy the file or folder there instead"


def agency_year_dir(agency: str, year, raw_root: Path | str = RAW_ROOT) -> Path:
    agency, year = check_agency_year(agency, year)
    # a link is refused before anything resolves it, and blamed on the folder that is the link
    for label, link in ((agency, Path(raw_root) / agency), (f"{agency}/{year}", Path(raw_root) / agency / str(year))):
        if link.is_symlink():
            raise DataError([Problem(label, None, None, None, f"a folder, not a symbolic link ({NO_LINKS})")])
    root = Path(raw_root).resolve()
    path = (root / agency / str(year)).resolve()
    if root not in path.parents:
        raise DataError([Problem("parameters", None, "agency", agency, f"a folder inside {root}")])
    if not path.is_dir():
        raise DataError([Problem(str(path), None, None, None, "an existing folder with the agency-year's raw tables")])
    return path


#: workbook files an agency-year folder may hold beside (or instead of) its CSV files
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def discover(raw_root: Path | str = RAW_ROOT) -> list[tuple[str, int]]:
    """Every agency-year under ``raw_root``: a folder ``<agency>/<year>/`` holding a ``manifest.csv`` or a workbook
    (whose ``manifest`` sheet lists its tables; a workbook without one is a problem of that agency-year)."""
    found = set()
    for p in Path(raw_root).glob("*/*/*"):
        if p.name == "manifest.csv" or (p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith((".", "~$"))):
            agency, year = p.parent.parent.name, p.parent.name
            if AGENCY_SLUG.match(agency) and is_year(year) and p.is_file():
                found.add((agency, int(year)))
    return sorted(found)


def earlier_years(agency: str, year: int, raw_root: Path | str = RAW_ROOT) -> list[int]:
    """The agency's report years before ``year`` (``<agency>/<y>/`` holding a ``manifest.csv``, no symbolic link):
    the reports whose figures an agency-year's trends join (standard library only: the fingerprint uses it)."""
    folder = Path(raw_root) / agency
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(int(p.name) for p in folder.iterdir()
                  if is_year(p.name) and int(p.name) < int(year) and p.is_dir() and not p.is_symlink()
                  and (p / "manifest.csv").is_file())


@dataclass
class RawTable:
    """A raw table as text cells. ``rows[i]["_line"]`` is the row's line number in the CSV file, or its row number
    in the workbook sheet ``sheet`` (whose column letters are ``letters``, formulas ``formulas``)."""

    name: str
    path: Path
    columns: list[str]
    rows: list[dict]
    warnings: list[Warning_] = field(default_factory=list)
    sheet: str | None = None
    #: column -> its letter in the sheet (``target`` -> ``E``)
    letters: dict[str, str] = field(default_factory=dict)
    #: (row, column) -> the formula of that cell (its cached value is the cell's text)
    formulas: dict[tuple[int, str], str] = field(default_factory=dict)
    #: problems of single cells found while reading (a formula never computed), for the caller to list
    problems: list = field(default_factory=list)

    def cell(self, line: int, column: str) -> str:
        """The cell of ``column`` on raw line ``line``, as printed."""
        return next(r for r in self.rows if r["_line"] == line).get(column, "")

    @property
    def file_label(self) -> str:
        """The file as messages name it: ``agency/year/file``."""
        parts = self.path.parts
        return "/".join(parts[-3:]) if len(parts) >= 3 else str(self.path)

    @property
    def label(self) -> str:
        """The table as problems name it until :func:`analysis.ingest.workbook.locate` places them in cells:
        ``agency/year/file.csv`` or ``agency/year/book.xlsx#Sheet``."""
        return self.file_label + (f"#{self.sheet}" if self.sheet else "")

    def cell_ref(self, line: int | None, column: str | None) -> str | None:
        """``Sheet!E7`` for a workbook cell, ``Sheet!7:7`` for a row, ``Sheet`` for the sheet; None for a CSV."""
        if self.sheet is None:
            return None
        if line is None:
            return self.sheet
        letter = self.letters.get(column or "")
        ref = f"{self.sheet}!{letter}{line}" if letter else f"{self.sheet}!{line}:{line}"
        formula = self.formulas.get((line, column or ""))
        return f"{ref} ({formula})" if formula else ref


def _decode(path: Path, label: str, data: bytes, warnings: list) -> str:
    if data.startswith(BOM):
        data = data[len(BOM):]
        warnings.append(Warning_(label, "starts with a UTF-8 byte-order mark (BOM); it was ignored"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        bad = data[e.start : e.start + 4]
        raise DataError([Problem(label, line, None, repr(bad),
                                 "UTF-8 text (the file seems to be in another encoding, e.g. Windows-1252: "
                                 "save it as UTF-8)")]) from None
    if "\r\n" in text:
        warnings.append(Warning_(label, "has Windows (CRLF) line endings; read as ordinary lines"))
    return text


def check_header(label: str, line: int, header: list[str], columns, optional=(), pattern: re.Pattern | None = None,
                 col: Collector | None = None) -> None:
    """Every column known, every required one there, each once (problems on ``line``, the header's)."""
    known = list(columns) + list(optional) + [h for h in header if pattern is not None and pattern.match(h)]
    for h in header:
        if h not in known:
            col.add(label, line, h, h, "one of the known columns: " + ", ".join(known))
    for c in columns:
        if c not in header:
            col.add(label, line, c, None, f"a column named '{c}' (it is missing)")
    dupes = {h for h in header if header.count(h) > 1}
    for h in sorted(dupes):
        col.add(label, line, h, h, "each column once")


def read_raw_csv(path: Path | str, columns: list[str], optional: tuple[str, ...] = (),
                 pattern: re.Pattern | None = None, allow_empty: bool = False) -> RawTable:
    """Read one raw table, checking the header and the shape of every row.

    ``columns`` are the required columns; ``optional`` may be absent; a column whose name matches
    ``pattern`` is allowed too (year columns such as ``realisasi_2024``). Any unknown column, missing
    column, row with too many or too few cells, or an empty table is a problem; all of them are
    raised together as one :class:`DataError`.
    """
    path = Path(path)
    label = "/".join(path.parts[-3:])
    if path.is_symlink():  # never opened: its target could be anything on the machine
        raise DataError([Problem(label, None, None, None, f"a regular file, not a symbolic link ({NO_LINKS})")])
    if not path.is_file():
        raise DataError([Problem(label, None, None, None, "the file to exist (listed in manifest.csv)")])
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise DataError([Problem(label, None, None, f"{size:,} bytes",
                                 f"a transcribed table under {MAX_TABLE_BYTES // 1024 // 1024} MB")])
    warnings: list[Warning_] = []
    text = _decode(path, label, path.read_bytes(), warnings)
    reader = csv.reader(io.StringIO(text, newline=""))
    col = Collector()
    try:
        header = next(reader)
    except StopIteration:
        raise DataError([Problem(label, 1, None, "", "a header row: " + ", ".join(columns))]) from None
    header = [h.strip() for h in header]
    if len(header) == 1 and ";" in header[0] and len(columns) > 1:
        raise DataError([Problem(label, 1, None, header[0][:80], "comma-separated cells (this file seems to use ';' "
                                 "as separator: save it with ',')")])
    check_header(label, 1, header, columns, optional, pattern, col)
    col.raise_if_any()
    rows = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                col.add(label, line, None, ",".join(cells)[:80],
                        f"{len(header)} cells like the header, found {len(cells)} (merged or split cells?)")
                continue
            row = dict(zip(header, (c.strip() for c in cells), strict=True))
            row["_line"] = line
            rows.append(row)
    except csv.Error as e:
        col.add(label, reader.line_num, None, None, f"well-formed CSV ({e})")
    if not rows and not col.problems and not allow_empty:
        col.add(label, 2, None, "", "at least one data row (the table is empty)")
    col.raise_if_any()
    for c in optional:
        for r in rows:
            r.setdefault(c, "")
    return RawTable(path.stem, path, header, rows, warnings)
