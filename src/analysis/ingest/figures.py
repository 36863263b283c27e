"""Reported figures: what a printed figure is about (:class:`Subject`) and one record per figure the report derives.

A figure is keyed by ``besaran`` (what it is: capaian, serapan, ...), its :class:`Subject`, and its years.
The subject's canonical text (``str(subject)``) is what the ``subjek`` column of ``reported_figures`` and
``reconciliation`` holds; :meth:`Subject.parse` reads it back. Ingest writes these records and reconcile
keys its recomputations by the same subjects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

#: what a figure can be about
KINDS = ("indicator", "programme", "programme_by_name", "sasaran", "funding_source", "budget_line", "all")
#: funding sources written bare as a subject (``APBD+APBN``: the performance agreement's grand total); any other
#: name the data gives (BLUD, PNBP, Hibah …) is written ``dana:<name>``
FUNDING_SOURCES = ("APBD", "APBN", "DAU", "DAK", "APBD+APBN")

REPORTED_FIGURE_COLUMNS = ["besaran", "subjek", "tahun_dasar", "tahun", "nilai", "teks", "tabel", "baris_sumber",
                           "baris_raw"]

_PROGRAMME = re.compile(r"^program (\d+)(?: (.+))?$")
_SASARAN = re.compile(r"^sasaran (\d+)(?: (.+))?$")


@dataclass(frozen=True)
class Subject:
    """What a reported figure is about.

    ``kind`` one of :data:`KINDS`; ``key`` the indicator code, programme or sasaran number, normalised
    programme name (``programme_by_name``, until :func:`~analysis.ingest.programmes.attach_program_numbers`
    numbers it) or funding source; ``funding`` narrows a programme to one funding source, or a sasaran (or
    all of them) to one input of an efficiency ratio (``dana``, ``sdm``: the table names them)."""

    kind: str
    key: str | int | None = None
    funding: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"a subject kind among {KINDS}, not {self.kind!r}")
        if self.kind in ("programme", "sasaran") and self.key is not None and not pd.isna(self.key):
            object.__setattr__(self, "key", int(self.key))  # 1, np.int64(1) and 1.0 are the same programme

    @classmethod
    def indicator(cls, code: str | None) -> Subject:
        return cls("indicator", code)

    @classmethod
    def programme(cls, number, funding: str | None = None) -> Subject:
        return cls("programme", number, funding)

    @classmethod
    def programme_by_name(cls, name: str) -> Subject:
        return cls("programme_by_name", name)

    @classmethod
    def sasaran(cls, number, part: str | None = None) -> Subject:
        return cls("sasaran", number, part)

    @classmethod
    def funding_source(cls, name: str) -> Subject:
        return cls("funding_source", name)

    @classmethod
    def budget_line(cls, path: str) -> Subject:
        """A row of a budget table with levels, by its position path (``1.2.3``, ``total``)."""
        return cls("budget_line", str(path))

    @classmethod
    def all(cls, part: str | None = None) -> Subject:
        return cls("all", None, part)

    def __str__(self) -> str:
        if self.kind == "all":
            return "semua" + (f" {self.funding}" if self.funding else "")
        if self.kind == "programme":
            return f"program {self.key}" + (f" {self.funding}" if self.funding else "")
        if self.kind == "programme_by_name":
            return f"program:{self.key}"
        if self.kind == "sasaran":
            return f"sasaran {self.key}" + (f" {self.funding}" if self.funding else "")
        if self.kind == "budget_line":
            return f"rincian {self.key}"
        if self.kind == "funding_source" and self.key not in FUNDING_SOURCES:
            return f"dana:{self.key}"
        return str(self.key)

    @classmethod
    def parse(cls, text: str) -> Subject:
        """The subject whose canonical text is ``text`` (anything not otherwise recognised is an indicator code)."""
        text = str(text)
        if text == "semua":
            return cls.all()
        if text.startswith("semua "):
            return cls.all(text.split(" ", 1)[1])
        if text.startswith("rincian "):
            return cls.budget_line(text.split(" ", 1)[1])
        if text.startswith("dana:"):
            return cls.funding_source(text.split(":", 1)[1])
        if text.startswith("program:"):
            return cls.programme_by_name(text.split(":", 1)[1])
        if m := _PROGRAMME.match(text):
            return cls.programme(int(m.group(1)), m.group(2))
        if m := _SASARAN.match(text):
            return cls.sasaran(int(m.group(1)), m.group(2))
        if text in FUNDING_SOURCES:
            return cls.funding_source(text)
        return cls.indicator(text)


def reported_figure(besaran: str, subject: Subject, nilai, teks, tabel: str, row: dict, tahun,
                    tahun_dasar=None) -> dict:
    """One record of ``reported_figures``: the figure as parsed (``nilai``, None when textual or bad) and as
    printed (``teks``), traced to its raw ``row`` (``baris_sumber``, ``_line``)."""
    return {"besaran": besaran, "subjek": subject, "tahun_dasar": tahun_dasar, "tahun": tahun, "nilai": nilai,
            "teks": teks, "tabel": tabel, "baris_sumber": row["baris_sumber"], "baris_raw": row["_line"]}


def reported_figures_frame(rows: list[dict]) -> pd.DataFrame:
    """The long table of reported figures (columns :data:`REPORTED_FIGURE_COLUMNS`); subjects as canonical text."""
    df = pd.DataFrame(rows, columns=REPORTED_FIGURE_COLUMNS)
    df["subjek"] = df["subjek"].map(str)
    return df.astype({"besaran": "str", "subjek": "str", "tahun_dasar": "Int64", "tahun": "Int64",
                      "nilai": "float64", "teks": "str", "tabel": "str", "baris_sumber": "str", "baris_raw": "Int64"})
