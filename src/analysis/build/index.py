"""``reports/index.html``: every agency-year built, with links and headline figures."""
from __future__ import annotations

import json
from pathlib import Path

from .options import Options


def write_index(opt: Options, lang: str = "id") -> Path:
    """``reports/index.html``: every agency-year with links and headline figures."""
    from html import escape

    from ..atomic import write_text
    from ..report import fmt

    root = Path(opt.reports_root)
    rows = []
    for s in sorted(root.glob("*/*/summary.json")):
        d = json.loads(s.read_text(encoding="utf-8"))
        rel = s.parent.relative_to(root).as_posix()
        pdf = f' · <a href="{escape(rel)}/report.pdf">PDF</a>' if (s.parent / "report.pdf").exists() else ""
        synth = " <b>(sintetis)</b>" if d.get("sintetis") else ""
        bad = sum(v for k, v in d.get("rekonsiliasi", {}).items() if k != "match")
        rows.append(f"<tr><td>{escape(d['nama_instansi'])}{synth}</td><td>{d['year']}</td>"
                    f"<td>{fmt.persen(d['capaian'], 2, lang)}</td><td>{fmt.persen(d['serapan'], 2, lang)}</td>"
                    f"<td>{fmt.poin(d['efisiensi'], 1, lang)}</td><td>{bad}</td><td>{d.get('perubahan_rumus', 0)}</td>"
                    f'<td><a href="{escape(rel)}/report.html">HTML</a>{pdf}</td></tr>')
    head = ("<tr><th>Instansi</th><th>Tahun</th><th>Capaian sasaran</th><th>Serapan</th><th>Efisiensi</th>"
            "<th>Angka perlu perhatian</th><th>Perubahan rumus</th><th>Laporan</th></tr>")
    page = ("<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Laporan LKj</title>"
            "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccd;padding:.3rem .5rem;text-align:left}"
            "th{background:#eef3f7}</style></head><body><h1>Laporan analisis LKj</h1>"
            f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></body></html>\n")
    path = root / "index.html"
    write_text(path, page)
    return path
