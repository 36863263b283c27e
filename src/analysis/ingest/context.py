"""The context of one agency-year: its meta data, its manifest of tables and the agency's indicator definitions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Collector, Warning_
from .cells import Cells, normalise_name
from .definitions import read_definitions
from .raw import agency_year_dir, read_raw_csv


@dataclass
class Context:
    agency: str
    year: int
    folder: Path
    meta: dict
    manifest: pd.DataFrame
    definitions: pd.DataFrame
    warnings: list[Warning_] = field(default_factory=list)

    def indicator_code(self, cells: Cells, row: dict, c: str) -> str | None:
        """Map a printed indicator name (any known spelling) to its code (KB, UKNK, ...)."""
        name = cells.text(row, c)
        if name is None:
            return None
        key = normalise_name(name)
        for _, d in self.definitions.drop_duplicates("kode_indikator").iterrows():
            names = [d["nama"]] + [n for n in str(d["nama_lain"] or "").split("|") if n]
            if key in {normalise_name(n) for n in names} or key == d["kode_indikator"].lower():
                return d["kode_indikator"]
        cells.bad(row, c, "an indicator named in definisi_indikator.csv (nama or nama_lain)")
        return None

    def is_graded(self, code: str) -> bool:
        d = self.definitions.loc[self.definitions["kode_indikator"] == code]
        return bool(len(d)) and (d["polaritas"] == "predikat").any()


MANIFEST_COLUMNS = ["berkas", "tabel", "bagian", "judul_tabel", "baris_sumber", "gaya_angka", "catatan"]


def read_meta(folder: Path) -> dict:
    t = read_raw_csv(folder / "meta.csv", ["kunci", "nilai"])
    return {r["kunci"]: r["nilai"] for r in t.rows}


def read_manifest(folder: Path, known_tables: set[str]) -> tuple[pd.DataFrame, list[Warning_]]:
    t = read_raw_csv(folder / "manifest.csv", MANIFEST_COLUMNS)
    col = Collector()
    cells = Cells(t, "id", col)
    for r in t.rows:
        cells.choice(r, "tabel", tuple(sorted(known_tables)))
        cells.choice(r, "gaya_angka", ("id", "en"))
        berkas = cells.text(r, "berkas")
        if berkas and (not re.fullmatch(r"[a-z0-9_]+\.csv", berkas) or not (folder / berkas).is_file()):
            cells.bad(r, "berkas", "the name of a CSV file in this folder")
    seen = {}
    for r in t.rows:
        if r["tabel"] in seen:
            col.add(t.label, r["_line"], "tabel", r["tabel"], f"each table once (also on line {seen[r['tabel']]})")
        seen[r["tabel"]] = r["_line"]
    col.raise_if_any()
    return pd.DataFrame([{k: v for k, v in r.items()} for r in t.rows]), t.warnings


def load_context(agency: str, year, raw_root, table_kinds: set[str]) -> Context:
    """The context of one agency-year; ``table_kinds``: the kinds its manifest may name."""
    folder = agency_year_dir(agency, year, raw_root)
    meta = read_meta(folder)
    manifest, warnings = read_manifest(folder, table_kinds)
    definitions = read_definitions(folder.parent / "definisi_indikator.csv")
    return Context(agency, int(year), folder, meta, manifest, definitions, list(warnings))
