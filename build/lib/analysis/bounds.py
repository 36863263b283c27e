"""Plausibility bounds per quantity, read from ``data/reference/batas_wajar.csv``; a value judged against them.

Each quantity has at most one ``warn`` and one ``error`` row (``lower`` / ``upper``, either may be empty = no
bound, both inclusive). A value outside the error bounds is an error, else outside the warn bounds a warning;
:class:`Findings` gathers both, errors as :class:`~analysis.errors.Problem` (file, line, column, cell as printed).
The bounds and the reason for each are documented in ``data/reference/README.md``; the checks that use them
are :mod:`analysis.ingest.plausibility` (cells of the cleaned tables) and
:mod:`analysis.indicators.plausibility` (recomputed figures).
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.numbers import format_decimal

from .config import REFERENCE_ROOT
from .errors import Collector, DataError, Problem, Warning_

BOUNDS_FILE = "batas_wajar.csv"
BOUNDS_COLUMNS = ["quantity", "level", "lower", "upper", "unit", "reason_id", "reason_en"]
LEVELS = ("error", "warn")  # the order a value is judged in: the worse first


def number(value: float, decimals: int = 2) -> str:
    """A figure for a message, in Indonesian style as the report prints it (76.106,56)."""
    return format_decimal(value, format="#,##0." + "#" * decimals, locale="id")


@dataclass(frozen=True)
class Bound:
    """One row of the bounds file: the range a quantity should stay in at one level, and why."""

    quantity: str
    level: str
    lower: float | None
    upper: float | None
    unit: str
    reason_id: str
    reason_en: str

    def breaks(self, value: float) -> bool:
        """Outside the range (NaN never breaks a bound: a missing figure is not an implausible one)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return False
        return (self.lower is not None and value < self.lower) or (self.upper is not None and value > self.upper)

    def expected(self) -> str:
        """What the bound asks for, in words: 'between 0 and 1.000 %', 'at most 100 %', 'at least 0 Rp'."""
        unit = "" if not self.unit else (f" {self.unit}" if self.unit != "%" else " %")
        if self.lower is not None and self.upper is not None:
            return f"between {number(self.lower)} and {number(self.upper)}{unit}"
        if self.upper is not None:
            return f"at most {number(self.upper)}{unit}"
        return f"at least {number(self.lower)}{unit}"


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


@cache
def bounds(root: Path = REFERENCE_ROOT) -> dict[str, dict[str, Bound]]:
    """quantity -> level -> bound; a malformed file stops the run naming its line and column."""
    path = Path(root) / BOUNDS_FILE
    label = f"data/reference/{BOUNDS_FILE}"
    col = Collector()
    out: dict[str, dict[str, Bound]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != BOUNDS_COLUMNS:
            col.add(label, 1, None, ",".join(reader.fieldnames or []), "the columns " + ",".join(BOUNDS_COLUMNS))
            col.raise_if_any()
        for line, r in enumerate(reader, start=2):
            if r["level"] not in LEVELS:
                col.add(label, line, "level", r["level"], "one of " + ", ".join(LEVELS))
                continue
            try:
                lower, upper = _float(r["lower"]), _float(r["upper"])
            except ValueError:
                col.add(label, line, "lower", f"{r['lower']} / {r['upper']}", "numbers with a decimal point, or empty")
                continue
            if lower is None and upper is None:
                col.add(label, line, "upper", "", "a lower or an upper bound (or both)")
            elif lower is not None and upper is not None and lower > upper:
                col.add(label, line, "lower", r["lower"], f"a lower bound not above the upper one ({r['upper']})")
            if not r["reason_id"].strip() or not r["reason_en"].strip():
                col.add(label, line, "reason_en", None, "the reason for the bound, in Indonesian and in English")
            if r["level"] in out.get(r["quantity"], {}):
                col.add(label, line, "level", r["level"], f"one {r['level']} row per quantity ({r['quantity']})")
            out.setdefault(r["quantity"], {})[r["level"]] = Bound(r["quantity"], r["level"], lower, upper,
                                                                 r["unit"], r["reason_id"], r["reason_en"])
    col.raise_if_any()
    return out


def judge(quantity: str, value, root: Path = REFERENCE_ROOT) -> Bound | None:
    """The worst bound of ``quantity`` that ``value`` breaks (error before warn), or None when plausible.

    A quantity missing from the file is a KeyError naming it: every check's quantity must have its row."""
    levels = bounds(root)[quantity]
    try:
        value = float(value)
    except (TypeError, ValueError):  # None, pd.NA: nothing to judge
        return None
    for level in LEVELS:
        b = levels.get(level)
        if b is not None and b.breaks(value):
            return b
    return None


@dataclass
class Findings:
    """What the plausibility checks of one agency-year found: problems (error bounds) and warnings (warn bounds)."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)

    def add(self, bound: Bound, file: str, row: int | None, column: str | None, value, expected: str) -> None:
        """One broken bound; a warning reads like a problem ('line 4, column 'nilai': value … -> expected …')."""
        p = Problem(file, row, column, None if value is None else str(value), expected)
        if bound.level == "error":
            self.problems.append(p)
        else:
            self.warnings.append(Warning_(file, str(p).removeprefix(file).lstrip(", :")))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)
