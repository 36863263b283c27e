"""Reading the cells of one raw table: each cell parsed by its column's rule, every bad cell recorded as a problem.

A bad cell never stops the reading: it records a :class:`~analysis.errors.Problem` (file, line, column, cell
as printed, what was expected) and yields ``None``, so that one run lists every problem of the input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import config
from ..errors import Collector
from ..reference import grade_scale
from . import numbers
from .raw import RawTable


@dataclass
class Cells:
    """Parses the cells of one raw table; a bad cell records a problem and yields ``None``.

    ``style`` is the table's ``gaya_angka`` as declared: one style, or a default and the columns that differ
    (``id;persen=en``); each number is parsed in its column's style, and messages name that style."""

    table: RawTable
    style: str
    col: Collector

    def __post_init__(self):
        try:
            self._default, self._columns = numbers.parse_style_spec(self.style)
        except ValueError:  # the manifest check reports a bad spec; read with the default meanwhile
            self._default, self._columns = "id", {}
        for c in self._columns:
            if c not in self.table.columns:
                self.col.add(self.table.label, 1, c, None, f"a column of this table (gaya_angka in manifest.csv "
                             f"names it: {self.style})")

    def style_of(self, c: str | None = None) -> str:
        """The number style of column ``c`` (the table's default when ``c`` is not named in the spec)."""
        return self._columns.get(c, self._default)

    def bad(self, row: dict, c: str, expected: str) -> None:
        self.col.add(self.table.label, row["_line"], c, row.get(c), expected)

    def text(self, row: dict, c: str, required: bool = True) -> str | None:
        v = row.get(c, "").strip()
        if not v:
            if required:
                self.bad(row, c, "a non-empty text")
            return None
        return v

    def _num(self, row, c, parse, dash: str, what: str):
        v = row.get(c, "").strip()
        if numbers.is_dash(v):
            if dash == "zero":
                return 0
            if dash == "missing":
                return None
            self.bad(row, c, f"{what} ('-' is not allowed here)")
            return None
        if not v:
            if dash == "missing":
                return None
            self.bad(row, c, f"{what} (the cell is empty)")
            return None
        try:
            return parse(v)
        except ValueError as e:
            self.bad(row, c, str(e))
            return None

    def integer(self, row, c, dash="error", minimum: int | None = 0):
        v = self._num(row, c, lambda s: numbers.parse_integer(s, self.style_of(c)), dash, "a whole number")
        if v is not None and minimum is not None and v < minimum:
            self.bad(row, c, f"a whole number >= {minimum}")
            return None
        return v

    def rupiah(self, row, c, dash="error"):
        return self._num(row, c, lambda s: numbers.parse_rupiah(s, self.style_of(c)), dash, "an amount in rupiah")

    def percent(self, row, c, dash="error", require_sign=False, maximum: float | None = config.MAX_PERCENT,
                minimum: float | None = None):
        v = self._num(row, c, lambda s: numbers.parse_percent(s, self.style_of(c), require_sign), dash, "a percentage")
        if v is not None and maximum is not None and abs(v) > maximum:
            self.bad(row, c, f"a percentage of at most {maximum:g} (a misplaced separator?)")
            return None
        if v is not None and minimum is not None and v < minimum:
            self.bad(row, c, f"a percentage of at least {minimum:g}")
            return None
        return v

    def number(self, row, c, dash="error"):
        return self._num(row, c, lambda s: numbers.parse_number(s, self.style_of(c)), dash, "a number")

    def grade(self, row, c, scale_name: str = config.DEFAULT_GRADE_SCALE):
        v = row.get(c, "").strip()
        scale = grade_scale(scale_name)
        if v not in scale.grades:
            self.bad(row, c, "a grade of the scale " + "/".join(scale.grades))
            return None
        return v

    def year(self, row, c, required=True):
        v = row.get(c, "").strip()
        if not v and not required:
            return None
        if not config.is_year(v):
            self.bad(row, c, f"a four-digit year like 2024 (from {config.YEAR_MIN} to {config.YEAR_MAX})")
            return None
        return int(v)

    def choice(self, row, c, options: dict | tuple, required=True):
        v = row.get(c, "").strip()
        if not v and not required:
            return None
        if v not in options:
            self.bad(row, c, "one of " + ", ".join(options))
            return None
        return options[v] if isinstance(options, dict) else v


def leading_number(text: str | None) -> int | None:
    m = re.match(r"^\s*(\d+)\s*\.?\s*", text or "")
    return int(m.group(1)) if m else None


def strip_number(text: str) -> str:
    return re.sub(r"^\s*\d+\s*\.\s*", "", text).strip()


def normalise_name(text: str) -> str:
    """Programme/indicator names as printed differ in case, numbering and the word 'Program'."""
    s = strip_number(text or "").lower()
    s = re.sub(r"^program\s+", "", s)
    s = re.sub(r"[^a-z0-9/]+", " ", s)
    return " ".join(s.split())


#: the words that mark a totals row in every table kind: ``TOTAL``, ``Jumlah``, ``Total :``, ``Jumlah Belanja …``
TOTAL_WORD = re.compile(r"(total|jumlah)\b", re.I)


def is_total_label(text: str | None, whole: bool = True) -> bool:
    """A cell that marks a totals row (the one rule for every table kind): the word alone, ``TOTAL``, ``Jumlah``,
    ``Total :`` (case aside); with ``whole=False`` also a label that starts with it (``Jumlah Belanja``)."""
    t = str(text or "").strip()
    m = TOTAL_WORD.match(t)
    return bool(m) and (not whole or not t[m.end():].strip(" :"))


def check_total(cells: Cells, total_row: dict | None, column: str, parts: list, what: str, parser,
                partial: bool = False) -> int | None:
    """A printed TOTAL row must equal the sum of the rows above it; a table without one is fine (its total is
    computed downstream), and in a table the manifest marks ``sebagian`` the sum is not compared (rows are
    missing from it)."""
    if total_row is None:
        return None
    total = parser(total_row, column)
    if partial or total is None or any(p is None for p in parts):
        return total
    if sum(parts) != total:
        cells.bad(total_row, column, f"the sum of the rows above "
                  f"({numbers.format_integer(sum(parts), cells.style_of(column))}) — a total that does not add up")
    return total
