"""Small fake inputs for the build's unit tests: a raw tree, notebooks with a parameters cell, products."""
from __future__ import annotations

from pathlib import Path

import nbformat

from analysis.build.options import Options
from analysis.config import NOTEBOOKS


def fake_notebook(path: Path, parameters: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# fake"),
                nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("print(agency)")]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


BASE = 'agency = "dinas"\nyear = 2024\nprocessed_root = "../p"\nlang = "id"\n'


def fake_project(root: Path) -> Options:
    """Raw files of two agency-years and the four notebooks (02 declares ``batas_atas``) under ``root``."""
    for year in (2023, 2024):
        folder = root / "raw" / "dinas" / str(year)
        folder.mkdir(parents=True)
        (folder / "manifest.csv").write_text("berkas,tabel\nx.csv,iku\n")
        (folder / "x.csv").write_text(f"a,b\n1,{year}\n")
    (root / "raw" / "dinas" / "definisi_indikator.csv").write_text("kode\nKB\n")
    for name in NOTEBOOKS:
        extra = {"01-clean": 'raw_root = "../r"\n', "02-indicators": "batas_atas = None\n"}.get(name, "")
        fake_notebook(root / "nb" / f"{name}.ipynb", BASE + extra)
    return Options(raw_root=str(root / "raw"), processed_root=str(root / "processed"),
                   reports_root=str(root / "reports"), notebook_dir=str(root / "nb"), pdf=False)
