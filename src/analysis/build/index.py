"""``reports/index.html`` (Indonesian) and ``reports/index.en.html``: every agency-year built, with links to its
reports in each language and its headline figures.

Each page is in one language and links to the other page; a row links the reports in the page's language
and, named in its own language (``hreflang``, ``lang``), the report in the other one, each when it was built.
"""
from __future__ import annotations

import json
from pathlib import Path

from .languages import LANGUAGES, file_name, report_files, workbook_file
from .options import Options


def index_path(opt: Options, lang: str) -> Path:
    return Path(opt.reports_root) / file_name("index", lang, ".html")


def all_indexes_exist(opt: Options) -> bool:
    return all(index_path(opt, lang).exists() for lang in LANGUAGES)


def write_indexes(opt: Options) -> list[Path]:
    """The index page of every language (each lists every agency-year, whichever languages it was built in)."""
    return [write_index(opt, lang) for lang in LANGUAGES]


def _links(folder: Path, base: str, lang: str) -> dict | None:
    """The report of one language in ``folder``: its HTML, PDF and results workbook hrefs (PDF or workbook ``None``
    when not there), or ``None`` when that language was not built."""
    html, pdf = report_files(lang)
    if not (folder / html).exists():
        return None
    book = workbook_file(lang)
    return {"lang": lang, "html": f"{base}/{html}", "pdf": f"{base}/{pdf}" if (folder / pdf).exists() else None,
            "xlsx": f"{base}/{book}" if (folder / book).exists() else None}


def _rollup_link(root: Path, lang: str) -> dict | None:
    """The national roll-up (``rollup[.en].html``, :mod:`.rollup`) in ``lang`` or else in any language, when built:
    its href and how many agencies it compares."""
    for other in (lang, *[x for x in LANGUAGES if x != lang]):
        page = root / file_name("rollup", other, ".html")
        if page.exists():
            n = len({p.parent.parent.name for p in root.glob("*/*/summary.json")
                     if p.parent.name.isdigit() and not p.parent.parent.name.startswith(".")})
            return {"href": page.name, "lang": other, "agencies": n}
    return None


def write_index(opt: Options, lang: str = "id") -> Path:
    """The index page in ``lang``: every agency-year with links and headline figures."""
    from ..atomic import write_text
    from ..report import fmt
    from ..report.labels import t
    from ..report.render import render, stylesheet

    root = Path(opt.reports_root)
    rows = []
    for s in sorted(root.glob("*/*/summary.json")):
        if not s.parent.name.isdigit() or s.parent.parent.name.startswith("."):
            continue  # a staging or old folder (".2024.old-123"): never a second report
        d = json.loads(s.read_text(encoding="utf-8"))
        # every status but match needs attention, not_comparable too (its arithmetic may reproduce)
        bad = sum(v for k, v in d.get("rekonsiliasi", {}).items() if k != "match")
        folder = s.parent.relative_to(root).as_posix()
        reports = {other: _links(s.parent, folder, other) for other in LANGUAGES}
        rows.append({"name": d["nama_instansi"], "synthetic": bool(d.get("sintetis")),
                     "own": reports[lang], "others": [r for k, r in reports.items() if k != lang and r],
                     "figures": [d["year"], fmt.persen(d["capaian"], 2, lang), fmt.persen(d["serapan"], 2, lang),
                                 fmt.poin(d["efisiensi"], 1, lang), bad, d.get("perubahan_rumus", 0)]})
    header = [t(k, lang) for k in ("indeks_instansi", "tahun", "capaian_sasaran", "serapan", "efisiensi",
                                   "indeks_perhatian", "indeks_perubahan_rumus", "laporan")]
    others = {other: file_name("index", other, ".html") for other in LANGUAGES if other != lang}
    page = render("index.html", lang=lang, css=stylesheet("index.css"), header=header, rows=rows, others=others,
                  rollup=_rollup_link(root, lang))
    path = index_path(opt, lang)
    write_text(path, page + "\n")
    return path
