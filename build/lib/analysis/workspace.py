"""Where a notebook run reads and writes processed tables: the build's own folder, or an analyst's scratch folder.

Only the build publishes ``<processed_root>/<agency>/<year>/``: it runs the notebooks with ``build_run=True``
into a staging folder and swaps processed tables and report in together. Any other run (a notebook opened in
Jupyter, papermill by hand) reads and writes ``<processed_root>/.scratch/<agency>/<year>/`` and says so in its
first output, with default parameters too: notebook 01 run alone after a raw file changed would otherwise leave
published tables that disagree with the published report. ``publish=True`` writes the published folder in
place instead (the build notices its outputs changed and rebuilds that agency-year next time).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .config import NOTEBOOKS
from .processed import processed_dir

#: the folder of exploration runs, under the processed root (hidden: never an agency)
SCRATCH = ".scratch"


def processed_root_for_run(processed_root, agency: str, year, notebook: str, build_run: bool = False,
                           publish: bool = False) -> Path:
    """The processed root ``notebook`` should read and write, for the run its parameters describe.

    Exploration (neither flag): the scratch root. Notebook 01 starts its scratch folder afresh (no table of an
    earlier run stays); a later notebook whose scratch folder holds no cleaning yet starts from a copy of the
    published tables, so that it can run alone.
    """
    root = Path(processed_root)
    published = processed_dir(agency, year, root)
    if build_run:
        return root
    if publish:
        print(f"publish=True: writing the published tables in {published} in place "
              "(the next build sees them changed and rebuilds this agency-year).")
        return root
    scratch_root = root / SCRATCH
    folder = processed_dir(agency, year, scratch_root)
    note = ""
    if notebook == NOTEBOOKS[0]:
        shutil.rmtree(folder, ignore_errors=True)
    elif not (folder / "clean_info.json").exists() and (published / "clean_info.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(published, folder)
        note = f", starting from a copy of the published {published}"
    print(f"Exploration run: reading and writing {folder}{note}. The published {published} is not touched; "
          "the build publishes (`make report`), or pass publish=True to write there.")
    return scratch_root
