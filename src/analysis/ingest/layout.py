"""Notes on what lies in ``data/raw`` but is not read: misspelled agency or year folders, files no manifest lists.

Nothing here stops a run: each finding is a :class:`~analysis.errors.Warning_` that the report shows, so a
table is never skipped without a word.
"""
from __future__ import annotations

from pathlib import Path

from ..config import AGENCY_SLUG, is_year
from ..errors import Warning_

#: files of an agency-year folder that are not tables of the manifest
CONTROL_FILES = ("meta.csv", "manifest.csv")


def _folders(path: Path) -> list[Path]:
    # links are not followed here either (they are refused where the run reads them)
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


def stray_folders(raw_root: Path, agency: str) -> list[Warning_]:
    """Folders that look like an agency or a year but are not valid names, so the build never reads them:
    every such agency folder under ``raw_root``, and such year folders of ``agency`` (``2O24``, ``2024 lama``)."""
    notes = []
    raw_root = Path(raw_root)
    for a in _folders(raw_root):
        if not AGENCY_SLUG.match(a.name):
            notes.append(Warning_(a.name, "a folder under data/raw whose name is not an agency slug (lower-case "
                                          "letters, digits and '-', like kalbar-diskumkm): it is not read"))
    for y in _folders(raw_root / agency):
        if not is_year(y.name):
            notes.append(Warning_(f"{agency}/{y.name}", "a folder whose name is not a four-digit year like 2024: "
                                                        "it is not read"))
    return notes


def unlisted_tables(folder: Path, listed: set[str], used: set[str] = frozenset()) -> list[Warning_]:
    """CSV files and workbooks of an agency-year folder that its manifest does not list (they are not read);
    ``used``: workbooks read for their meta or manifest sheet."""
    label = f"{folder.parent.name}/{folder.name}"
    notes = [Warning_(f"{label}/{p.name}", "a CSV file that manifest.csv does not list: it was not read (list it "
                                           "in manifest.csv, or move it out of the folder)")
             for p in sorted(folder.iterdir())
             if p.suffix.lower() == ".csv" and p.name not in listed and p.name not in CONTROL_FILES]
    notes += [Warning_(f"{label}/{p.name}", "a workbook no manifest row names (berkas like lkj.xlsx#capaian_iku): "
                                            "it was not read")
              for p in sorted(folder.iterdir())
              if p.suffix.lower() in (".xlsx", ".xlsm", ".xls") and not p.name.startswith((".", "~$"))
              and p.name not in listed and p.name not in used]
    return notes
