"""``reports/index.html``: every agency-year built, with links and headline figures."""
from __future__ import annotations

import json
from pathlib import Path

from .options import Options


def write_index(opt: Options, lang: str = "id") -> Path:
    """``reports/index.html``: every agency-year with links and headline figures, in ``lang``."""
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
        rows.append({"name": d["nama_instansi"], "synthetic": bool(d.get("sintetis")),
                     "folder": s.parent.relative_to(root).as_posix(), "pdf": (s.parent / "report.pdf").exists(),
                     "figures": [d["year"], fmt.persen(d["capaian"], 2, lang), fmt.persen(d["serapan"], 2, lang),
                                 fmt.poin(d["efisiensi"], 1, lang), bad, d.get("perubahan_rumus", 0)]})
    header = [t(k, lang) for k in ("indeks_instansi", "tahun", "capaian_sasaran", "serapan", "efisiensi",
                                   "indeks_perhatian", "indeks_perubahan_rumus", "laporan")]
    page = render("index.html", lang=lang, css=stylesheet("index.css"), header=header, rows=rows)
    path = root / "index.html"
    write_text(path, page + "\n")
    return path
