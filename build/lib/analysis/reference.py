"""Reference scales that are data, not code (``data/reference/``).

- ``skala_predikat.csv``: ordinal grade scales with score bands (PermenPAN-RB 88/2021:
  D 0–30, C >30–50, CC >50–60, B >60–70, BB >70–80, A >80–90, AA >90–100).
- ``skala_kategori.csv``: capaian category scales; a value >= ``batas_bawah`` takes the category,
  the row with an empty bound catches the rest.
- ``skala_efisiensi.csv``: the same layout for efficiency (capaian − serapan, in points).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .config import DEFAULT_CATEGORY_SCALE, DEFAULT_EFFICIENCY_SCALE, DEFAULT_GRADE_SCALE, REFERENCE_ROOT
from .errors import Collector


@dataclass(frozen=True)
class GradeScale:
    name: str
    grades: tuple[str, ...]          # in ascending order
    lower: tuple[float, ...]         # exclusive lower bound (the lowest grade includes it)
    upper: tuple[float, ...]         # inclusive upper bound

    def rank(self, grade: str) -> int:
        """Ordinal position, 1 = lowest (D=1 … AA=7)."""
        return self.grades.index(grade) + 1

    def grade_of(self, score: float) -> str:
        """The grade whose band holds ``score`` (81,1 -> A)."""
        for i, (lo, hi) in enumerate(zip(self.lower, self.upper, strict=True)):
            if (score > lo or (i == 0 and score >= lo)) and score <= hi:
                return self.grades[i]
        raise ValueError(f"a score between {self.lower[0]} and {self.upper[-1]}, not {score}")


@dataclass(frozen=True)
class BandScale:
    """Categories by lower bound, checked from the highest band down."""

    name: str
    labels: tuple[str, ...]
    labels_en: tuple[str, ...]
    lower: tuple[float | None, ...]

    def category(self, value: float, lang: str = "id") -> str | None:
        if value is None or value != value:  # NaN
            return None
        names = self.labels if lang == "id" else self.labels_en
        for label, lo in zip(names, self.lower, strict=True):
            if lo is None or value >= lo:
                return label
        return None


def _read(name: str, root: Path) -> list[dict]:
    with open(root / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def grade_scale(name: str = DEFAULT_GRADE_SCALE, root: Path = REFERENCE_ROOT) -> GradeScale:
    rows = sorted((r for r in _read("skala_predikat.csv", root) if r["skala"] == name), key=lambda r: int(r["urutan"]))
    if not rows:
        col = Collector()
        col.add("data/reference/skala_predikat.csv", None, "skala", name, "a grade scale defined in the file")
        col.raise_if_any()
    return GradeScale(name, tuple(r["predikat"] for r in rows), tuple(float(r["batas_bawah"]) for r in rows),
                      tuple(float(r["batas_atas"]) for r in rows))


@cache
def band_scale(file: str, name: str, root: Path = REFERENCE_ROOT) -> BandScale:
    rows = [r for r in _read(file, root) if r["skala"] == name]
    if not rows:
        col = Collector()
        col.add(f"data/reference/{file}", None, "skala", name, "a scale defined in the file")
        col.raise_if_any()
    rows.sort(key=lambda r: -float(r["batas_bawah"]) if r["batas_bawah"] else float("inf"))
    return BandScale(name, tuple(r["kategori"] for r in rows), tuple(r["category_en"] for r in rows),
                     tuple(float(r["batas_bawah"]) if r["batas_bawah"] else None for r in rows))


def category_scale(name: str = DEFAULT_CATEGORY_SCALE) -> BandScale:
    return band_scale("skala_kategori.csv", name)


def efficiency_scale(name: str = DEFAULT_EFFICIENCY_SCALE) -> BandScale:
    return band_scale("skala_efisiensi.csv", name)


def scale_names(file: str, root: Path = REFERENCE_ROOT) -> tuple[str, ...]:
    """The scales a reference file defines, in file order (to check a scale named in meta.csv)."""
    return tuple(dict.fromkeys(r["skala"] for r in _read(file, root)))
