"""Provenance of an agency-year: ``meta.csv`` checked against its folder and source file, every ``baris_sumber``
against the length of the source.

- each meta key once; ``tahun`` is the folder's year; the scales it names exist in ``data/reference/``;
- ``berkas_sumber`` is a file of the folder (not a link) whose SHA-256 is ``sha256_sumber``;
- a ``baris_sumber`` is line numbers of that file: ``123``, ``123-125``, ``696;699`` or ``123,127``
  (empty where a row has no source line). Synthetic data (``sintetis,ya``) has no source to check.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..errors import Collector
from ..reference import scale_names
from .raw import NO_LINKS, RawTable

_REF = r"\d+(?:\s*[-–]\s*\d+)?"
LINE_REFS = re.compile(rf"^{_REF}(?:\s*[;,]\s*{_REF})*$")
#: meta keys a real (not synthetic) report must have
REQUIRED_META = ("tahun", "berkas_sumber", "sha256_sumber")
#: meta keys naming a scale, and the reference file that defines them
META_SCALES = {"skala_kategori": "skala_kategori.csv", "skala_efisiensi": "skala_efisiensi.csv"}


def parse_line_refs(text: str) -> list[tuple[int, int]]:
    """``"201-233"`` -> [(201, 233)]; ``"696;699"`` -> [(696, 696), (699, 699)]; raises ValueError otherwise."""
    s = text.strip()
    if not LINE_REFS.match(s):
        raise ValueError("line numbers of the source like 123, 123-125 or 123;127")
    out = []
    for part in re.split(r"\s*[;,]\s*", s):
        bounds = [int(x) for x in re.split(r"\s*[-–]\s*", part)]
        lo, hi = bounds[0], bounds[-1]
        if lo < 1 or hi < lo:
            raise ValueError("line numbers from 1, a range from low to high (like 123-125)")
        out.append((lo, hi))
    return out


@dataclass
class Source:
    """The source report of an agency-year: its file and how many lines it has (None: there is no source)."""

    name: str
    lines: int | None


def check_line_refs(t: RawTable, source: Source, col: Collector, column: str = "baris_sumber") -> None:
    """Every ``baris_sumber`` of ``t`` is well formed and within the source's lines."""
    if source.lines is None or column not in t.columns:
        return
    for r in t.rows:
        text = r.get(column, "").strip()
        if not text:
            continue
        try:
            refs = parse_line_refs(text)
        except ValueError as e:
            col.add(t.label, r["_line"], column, text, str(e))
            continue
        if max(hi for _, hi in refs) > source.lines:
            col.add(t.label, r["_line"], column, text,
                    f"line numbers within {source.name} (it has {source.lines} lines)")


def check_meta(t: RawTable, year: int | None, col: Collector) -> tuple[dict, Source]:
    """The meta data of the agency-year folder ``t`` comes from, checked; and its source (for line numbers)."""
    meta, first = {}, {}
    for r in t.rows:
        key = r["kunci"]
        if key in first:
            col.add(t.label, r["_line"], "kunci", key, f"each key once (also on line {first[key]})")
            continue
        first[key] = r["_line"]
        meta[key] = r["nilai"]

    def bad(key, expected):
        col.add(t.label, first.get(key), "nilai" if key in first else "kunci", meta.get(key), expected)

    if year is not None and meta.get("tahun", str(year)).strip() != str(year):
        bad("tahun", f"the year of the folder the file is in ({year})")
    for key, file in META_SCALES.items():
        names = scale_names(file)
        if meta.get(key) and meta[key] not in names:
            bad(key, f"a scale of data/reference/{file}: {', '.join(names)}")
    folder = t.path.parent
    if meta.get("sintetis", "").strip() == "ya" and not meta.get("sha256_sumber"):
        return meta, Source("(synthetic: no source)", None)
    missing = [k for k in REQUIRED_META if not meta.get(k, "").strip()]
    for k in missing:
        bad(k, f"a key '{k}' with a value (provenance: {', '.join(REQUIRED_META)})")
    name = meta.get("berkas_sumber", "").strip()
    if not name:
        return meta, Source("the source", None)
    path = folder / name
    if "/" in name or "\\" in name or name.startswith("."):
        bad("berkas_sumber", "the name of a file in this folder (like sumber.txt)")
    elif path.is_symlink():
        bad("berkas_sumber", f"a regular file, not a symbolic link ({NO_LINKS})")
    elif not path.is_file():
        bad("berkas_sumber", "the name of an existing file in this folder (the source report as text); "
                             "no baris_sumber could be checked")
    else:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if "sha256_sumber" not in missing and meta["sha256_sumber"].strip().lower() != digest:
            bad("sha256_sumber", f"the SHA-256 of {name} ({digest}): the source changed, or the hash is wrong")
        return meta, Source(name, len(data.decode("utf-8", errors="replace").splitlines()))
    return meta, Source(name, None)
