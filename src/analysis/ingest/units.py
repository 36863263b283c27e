"""An indicator's unit (``satuan`` of its definition) and how a value printed in that unit is read.

The unit comes from the definition, never from the cell: ``62,5`` in a percentage indicator is 62,5 %, a
``%`` sign is accepted but not required. Kinds of ``satuan``:

=========== ====================================================== =========================================
kind        ``satuan`` words                                       a cell may print
=========== ====================================================== =========================================
persen      ``%``, ``persen``, ``persentase``, ``prosentase``      ``62,5``, ``62,5 %``, ``62,5 persen``
jumlah      ``jumlah``, ``unit``, or the unit word itself:          ``15``, ``15 Nagari`` (the word must be the
            ``Nagari``, ``dokumen``, ``jumlah dokumen``, …         definition's, case aside)
nilai       ``nilai``, ``skor``, ``score``, ``poin``               ``81,1``, ``81,1 poin``
indeks      ``indeks``, ``index``                                  ``3,25``
rasio       ``rasio``, ``ratio``                                   ``1,06``
rupiah      ``rupiah``, ``Rp``                                     ``Rp.12.151.893.026,-``
predikat    ``predikat``, ``grade``                                a grade (read by the grade scale)
=========== ====================================================== =========================================

A target may be a range: ``80–90 %``, ``80-90``, ``80 s.d. 90`` (lower <= upper; each side read as above).
Any other word, or a ``%`` in an indicator that is not a percentage, is an error naming the definition's unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import numbers

_KINDS = {
    "persen": ("%", "persen", "persentase", "prosentase", "percent"),
    "nilai": ("nilai", "skor", "score", "poin"),
    "indeks": ("indeks", "index"),
    "rasio": ("rasio", "ratio"),
    "rupiah": ("rupiah", "rp", "rp."),
    "predikat": ("predikat", "grade"),
}
#: words that say "a count" without naming what is counted
_COUNT = ("jumlah", "unit", "count")
#: the unit words this module knows (a count may also name what it counts: ``15 Nagari``, ``unit usaha``)
UNIT_WORDS = tuple(w for words in _KINDS.values() for w in words) + _COUNT
_NUMBER = r"-?[0-9][0-9.,]*"
_RANGE = re.compile(rf"^(?P<a>{_NUMBER}\s*%?[^-–—]*?)\s*(?:[-–—]|s\.?\s?d\.?|s/d|sampai)\s*(?P<b>{_NUMBER}.*)$",
                    re.IGNORECASE)
_VALUE = re.compile(rf"^(?P<num>\(?{_NUMBER})\s*(?P<word>.*?)\)?$")


def _words(text: str) -> str:
    return " ".join(str(text or "").lower().split())


@dataclass(frozen=True)
class Unit:
    """An indicator's unit: its kind, the word a count is counted in (``nagari``), and ``satuan`` as written."""

    kind: str
    word: str = ""
    satuan: str = ""

    def accepts(self, word: str) -> bool:
        """A word printed after a number is this unit (``%``/``persen`` for a percentage, ``Nagari`` for nagari)."""
        w = _words(word)
        if not w:
            return True
        if self.kind == "jumlah":
            return w == self.word or (not self.word and w == "unit")
        return w in _KINDS.get(self.kind, ())

    def example(self) -> str:
        return {"persen": "62,5 or 62,5 %", "jumlah": f"15 or 15 {self.word}".rstrip(), "rupiah": "Rp.1.250.000,-",
                "predikat": "A"}.get(self.kind, "3,25")


def unit_of(satuan: str | None) -> Unit:
    """The unit a definition's ``satuan`` names; any word that is not a known kind is a count's unit word."""
    w = _words(satuan)
    for kind, words in _KINDS.items():
        if w in words:
            return Unit(kind, "", str(satuan))
    first, _, rest = w.partition(" ")
    if first in _COUNT:
        return Unit("jumlah", rest, str(satuan))
    return Unit("jumlah", w, str(satuan))


@dataclass(frozen=True)
class Reading:
    """A value read in its unit: ``value`` (the lower bound of a range) and ``upper`` (None unless a range)."""

    value: float
    upper: float | None = None


def _single(text: str, unit: Unit, style: str) -> float:
    if unit.kind == "rupiah":
        return float(numbers.parse_rupiah(text, style))
    m = _VALUE.match(text)
    if not m:
        raise ValueError(_expected(unit, style))
    word = m.group("word").strip()
    if re.search(r"\d", word):  # 12.151.O26: a mistyped number, not a unit
        raise ValueError(_expected(unit, style))
    if word and not unit.accepts(word):
        raise ValueError(f"{_expected(unit, style)}; '{word}' is not that unit")
    num = m.group("num")
    try:
        if unit.kind == "persen":
            return numbers.parse_percent(text, style) if word in ("", "%") else numbers.parse_number(num, style)
        if text.startswith("(") != text.endswith(")"):
            raise ValueError(text)
        return numbers.parse_number(num.lstrip("("), style)
    except numbers.TooManyDigits:
        raise
    except ValueError:
        raise ValueError(_expected(unit, style)) from None


def _expected(unit: Unit, style: str) -> str:
    example = unit.example() if style == "id" else unit.example().replace(",", ".")
    return f"a value in the indicator's unit '{unit.satuan}' (definisi_indikator.csv satuan), like {example}"


def read_value(text: str, unit: Unit, style: str = "id", allow_range: bool = True) -> Reading:
    """``text`` read in ``unit``; a range ``80–90 %`` when ``allow_range``. ValueError says what was expected."""
    s = numbers.normalise_look_alikes(text).strip()
    m = _RANGE.match(s) if unit.kind != "rupiah" else None
    if m:
        if not allow_range:
            raise ValueError(f"a single value (a range like {s!r} is read in capaian_iku and perjanjian_kinerja)")
        lower, upper = _single(m.group("a").strip(), unit, style), _single(m.group("b").strip(), unit, style)
        if lower > upper:
            raise ValueError(f"a range from the lower to the upper bound ({s!r} is reversed)")
        return Reading(lower, upper)
    return Reading(_single(s, unit, style))
