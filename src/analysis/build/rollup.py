"""Building the national roll-up: ``notebooks/05-rollup.ipynb`` run with papermill per language, exported to
``reports/rollup[.en].html`` and printed to PDF, its tables in ``reports/rollup/``; skipped when its inputs
(the processed tables of the agency-years it covers, the notebook, the module source) are unchanged.

``python -m analysis rollup`` runs it for the agencies and years asked; ``python -m analysis build`` runs it
after the agency-years when two or more agencies are published. Only the standard library is imported before
it is known that something must be built (a no-op build stays fast).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ..config import AGENCY_SLUG, PROJECT_ROOT, is_year
from .languages import LANGUAGES, file_name, languages
from .options import Options

NOTEBOOK = "05-rollup"
#: the roll-up's folder under the reports root: its tables, executed notebooks and hash file
FOLDER = "rollup"
HASH_FILE = ".build-hash.json"
#: where a roll-up is built before it is swapped in (under the reports root)
STAGE = ".rollup-stage"


def published(processed_root, agencies=None, years=None) -> list[tuple[str, int]]:
    """The published agency-years under ``processed_root`` (optionally only ``agencies``/``years``)."""
    out = []
    for info in sorted(Path(processed_root).glob("*/*/clean_info.json")):
        agency, year = info.parent.parent.name, info.parent.name
        if AGENCY_SLUG.match(agency) and is_year(year) and (not agencies or agency in agencies) \
                and (not years or int(year) in years):
            out.append((agency, int(year)))
    return out


def input_hash(items, opt: Options, params: dict) -> str:
    """Every processed file of ``items``, the notebook, the module source, the lock file and the options."""
    h = hashlib.sha256(json.dumps({"lang": opt.lang, "pdf": opt.pdf, "params": params, "v": 1},
                                  sort_keys=True).encode())
    files = [p for a, y in items for p in sorted((Path(opt.processed_root) / a / str(y)).iterdir()) if p.is_file()]
    files.append(Path(opt.notebook_dir) / f"{NOTEBOOK}.ipynb")
    src = Path(__file__).parents[1]
    files += sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".py", ".css", ".html", ".csv"))
    lock = PROJECT_ROOT / "requirements.lock"
    files += [lock] if lock.exists() else []
    for p in files:
        h.update(p.name.encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def outputs(opt: Options) -> list[Path]:
    root = Path(opt.reports_root)
    out = [root / file_name("rollup", lang, ".html") for lang in languages(opt.lang)]
    return out + ([root / file_name("rollup", lang, ".pdf") for lang in languages(opt.lang)] if opt.pdf else [])


def build_rollup(opt: Options, agencies=None, years=None, log=print) -> str:
    """Build the roll-up; returns ``built``, ``skipped`` (unchanged) or ``none`` (no agency-year). Raises on a
    failing notebook (the message names the cell and error)."""
    items = published(opt.processed_root, agencies, years)
    if not items:
        return "none"
    params = {"agencies": ",".join(agencies) if agencies else None,
              "years": ",".join(str(y) for y in years) if years else None}
    digest = input_hash(items, opt, params)
    folder = Path(opt.reports_root) / FOLDER
    try:
        saved = json.loads((folder / HASH_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}
    if not opt.force and saved.get("hash") == digest and all(p.exists() for p in outputs(opt)):
        return "skipped"
    root = Path(opt.reports_root)
    # built aside, then swapped in: a failing or killed run leaves the last good roll-up, never a mix of the two
    # (a fixed name, so that what the executed notebooks record does not depend on the process)
    stage = root / STAGE
    shutil.rmtree(stage, ignore_errors=True)  # what a killed run left
    (stage / FOLDER).mkdir(parents=True)
    try:
        _run(items, opt, params, digest, stage)
        _swap(stage, root)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    from ..atomic import write_text
    # last: a run stopped before this point is rebuilt next time, whatever it had swapped in
    write_text(folder / HASH_FILE, json.dumps({"hash": digest}) + "\n")
    return "built"


def _swap(stage: Path, root: Path) -> None:
    """The staged roll-up folder replaces ``root/rollup`` (the old one moved aside, then removed), then each staged
    page replaces its namesake, and a page of the roll-up not built this time (a language or a PDF left out, no PDF
    engine now) is removed rather than left beside pages it no longer matches."""
    old = root / f"{STAGE}-old"
    shutil.rmtree(old, ignore_errors=True)
    if (root / FOLDER).exists():
        os.replace(root / FOLDER, old)
    os.replace(stage / FOLDER, root / FOLDER)
    shutil.rmtree(old, ignore_errors=True)
    built = {p.name for p in stage.iterdir()}
    for page in sorted(built):
        os.replace(stage / page, root / page)
    for name in {file_name("rollup", lang, ext) for lang in LANGUAGES for ext in (".html", ".pdf")} - built:
        (root / name).unlink(missing_ok=True)


def _run(items, opt: Options, params: dict, digest: str, root: Path) -> None:
    import papermill as pm

    from ..atomic import write_text
    from ..report.export import notebook_to_html
    from ..report.labels import t
    from ..report.vocabulary import long_date
    from .engine import register_engine
    from .kernel import Kernel, start_kernel
    from .stamp import Stamp

    langs = languages(opt.lang)
    folder = root / FOLDER
    (folder / "notebooks").mkdir(parents=True, exist_ok=True)
    stamp = Stamp.of(digest, opt.date)
    pages = []
    # the build's kernel, as for an agency-year: IPC sockets in a private folder, dies with this process
    kernel = Kernel(start_kernel(str(opt.notebook_dir)))
    try:
        kc, engine = kernel.client(), register_engine()
        executed = [(lang, pm.execute_notebook(
            str(Path(opt.notebook_dir) / f"{NOTEBOOK}.ipynb"),
            str(folder / "notebooks" / file_name(NOTEBOOK, lang, ".ipynb")),
            parameters={**params, "processed_root": str(Path(opt.processed_root).resolve()),
                        "output": str(folder.resolve()), "lang": lang},
            kernel_name="python3", engine_name=engine, km=kernel.km, kc=kc, progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, execution_timeout=opt.execution_timeout)) for lang in langs]
    finally:
        kernel.close()
    for lang, nb in executed:
        footer = t("ru_kaki", lang).format(version=stamp.version, commit=stamp.commit, fingerprint=stamp.fingerprint,
                                           date=long_date(stamp.date, lang), n=len(items))
        others = {o: file_name("rollup", o, ".html") for o in langs if o != lang}
        page = root / file_name("rollup", lang, ".html")
        write_text(page, notebook_to_html(nb, t("ru_judul", lang), lang, footer, others))
        pages.append((lang, page))
    if opt.pdf:
        _print(pages, root, stamp.date, opt.print_timeout)


def _print(pages, root: Path, day: str, timeout: float) -> None:
    """Each page to PDF, written beside it atomically, its bytes independent of when and after what it printed
    (:mod:`.reproducible`, dated ``day``); no PDF engine: HTML only (as for the reports). A print longer than
    ``timeout`` seconds stops the browser and raises PrintHung (:mod:`.browser`)."""
    from ..report.labels import t
    from ..report.pdf import PdfUnavailable
    from .browser import BrowserThread
    from .reproducible import reproducible_pdf

    browser = BrowserThread()
    try:
        for lang, page in pages:
            final = root / file_name("rollup", lang, ".pdf")
            tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
            try:
                browser.print_pdf(page, tmp, t("ru_judul", lang), timeout=timeout)
                reproducible_pdf(tmp, day)
                os.replace(tmp, final)
            finally:
                tmp.unlink(missing_ok=True)
    except PdfUnavailable:
        pass
    finally:
        browser.close()
